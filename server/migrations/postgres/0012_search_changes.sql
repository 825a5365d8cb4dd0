-- The search index's feed: every change to a product, or to what its search document takes
-- from its exhibitor, adds a row here in the same transaction (triggers, so no write path can
-- forget it). Each server's indexer reads the rows after the last one it indexed; the index
-- records that number with each commit, so after a crash it resumes from there.
CREATE TABLE search_changes (
    seq BIGSERIAL PRIMARY KEY,
    product_id BIGINT,
    exhibitor_id BIGINT
);

CREATE FUNCTION search_product_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO search_changes (product_id) VALUES (OLD.id);
    ELSE
        INSERT INTO search_changes (product_id) VALUES (NEW.id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION search_exhibitor_changed() RETURNS trigger AS $$
BEGIN
    INSERT INTO search_changes (exhibitor_id) VALUES (NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER search_product_inserted AFTER INSERT ON products
    FOR EACH ROW EXECUTE FUNCTION search_product_changed();

CREATE TRIGGER search_product_updated AFTER UPDATE OF
    title_en, title_zh, description_en, description_zh, specs, price_min_cents, price_max_cents,
    currency, moq, unit_en, unit_zh, is_new, published, cover_hash, category_id, section_id,
    exhibitor_id ON products
    FOR EACH ROW EXECUTE FUNCTION search_product_changed();

CREATE TRIGGER search_product_deleted AFTER DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION search_product_changed();

CREATE TRIGGER search_exhibitor_updated AFTER UPDATE OF
    name_en, name_zh, country, verified, certifications ON exhibitors
    FOR EACH ROW EXECUTE FUNCTION search_exhibitor_changed();
