-- Exhibitors have search documents of their own: a new exhibitor, and a change to anything its
-- document shows (not only what its products' documents take from it), adds a row to the feed.
-- The triggers are dropped first: databases created while 0012 briefly held this change have
-- them already, and they end up the same as every other.
DROP TRIGGER IF EXISTS search_exhibitor_inserted ON exhibitors;
DROP TRIGGER IF EXISTS search_exhibitor_updated ON exhibitors;

CREATE TRIGGER search_exhibitor_inserted AFTER INSERT ON exhibitors
    FOR EACH ROW EXECUTE FUNCTION search_exhibitor_changed();

CREATE TRIGGER search_exhibitor_updated AFTER UPDATE OF
    slug, name_en, name_zh, country, verified, certifications, year_founded, description_en,
    description_zh, main_markets, category_id, section_id ON exhibitors
    FOR EACH ROW EXECUTE FUNCTION search_exhibitor_changed();
