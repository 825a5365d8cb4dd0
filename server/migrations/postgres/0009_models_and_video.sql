-- A product's 3D model (glTF 2.0, binary .glb or self-contained .gltf) and an exhibitor's
-- booth video (MP4 or WebM) with its poster frame: uploaded files named by their hash.
ALTER TABLE products ADD COLUMN model_file TEXT;
ALTER TABLE exhibitors ADD COLUMN video_file TEXT;
ALTER TABLE exhibitors ADD COLUMN poster_hash TEXT;
