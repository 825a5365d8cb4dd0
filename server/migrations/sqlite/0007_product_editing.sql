-- The product editor. Each exhibitor orders its own products (position, unique per exhibitor;
-- products made before this start at their id). A product is a draft or published; it has an
-- HS code, and may have the exhibitor's SKU (unique per exhibitor, so a re-import updates a
-- product instead of adding it twice). Uploaded photos are kept in order, named by the hash of
-- their re-encoded file; the first one's hash is kept on the product for cards and lists.
ALTER TABLE products ADD COLUMN position BIGINT NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN published BIGINT NOT NULL DEFAULT 1 CHECK (published IN (0, 1));
ALTER TABLE products ADD COLUMN hs_code TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN sku TEXT;
ALTER TABLE products ADD COLUMN cover_hash TEXT;
UPDATE products SET position = id;
CREATE UNIQUE INDEX products_in_order ON products (exhibitor_id, position);
CREATE UNIQUE INDEX products_by_sku ON products (exhibitor_id, sku);

CREATE TABLE product_images (
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (product_id, position)
);
