-- Uploaded media: files live under DATA_DIR/media, named by the SHA-256 of their bytes, so a
-- file is written once and never changes. An exhibitor's logo is the hash of its re-encoded
-- PNG; its thumbnails are HASH-96.png and HASH-192.png beside it.
ALTER TABLE exhibitors ADD COLUMN logo_hash TEXT;
