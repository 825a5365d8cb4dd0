-- A product's title and description in Arabic, French, Spanish and Russian, where its
-- exhibitor wrote them: JSON such as {"fr": {"title": "…", "description": "…"}}, NULL when
-- there is none (English and Chinese keep their own columns). A change to it reaches the
-- search index like a change to the other texts.
ALTER TABLE products ADD COLUMN translations TEXT;

DROP TRIGGER search_product_updated;

CREATE TRIGGER search_product_updated AFTER UPDATE OF
    title_en, title_zh, description_en, description_zh, specs, price_min_cents, price_max_cents,
    currency, moq, unit_en, unit_zh, is_new, published, cover_hash, category_id, section_id,
    exhibitor_id, translations ON products
BEGIN
    INSERT INTO search_changes (product_id) VALUES (NEW.id);
END;
