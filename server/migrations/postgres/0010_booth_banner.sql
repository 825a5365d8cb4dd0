-- A booth's banner: the hash of an uploaded image, stored as JPEG (HASH.jpg, and HASH-800.jpg
-- for narrow screens).
ALTER TABLE exhibitors ADD COLUMN banner_hash TEXT;
