-- A booth's description in Arabic, French, Spanish and Russian, where its exhibitor wrote
-- them: JSON of sanitised HTML such as {"fr": "<p>…</p>"}, NULL when there is none (English
-- and Chinese keep their own columns). A change to it reaches the search index like a change
-- to the other descriptions.
ALTER TABLE exhibitors ADD COLUMN descriptions TEXT;

DROP TRIGGER search_exhibitor_updated ON exhibitors;

CREATE TRIGGER search_exhibitor_updated AFTER UPDATE OF
    slug, name_en, name_zh, country, verified, certifications, year_founded, description_en,
    description_zh, main_markets, category_id, section_id, descriptions ON exhibitors
    FOR EACH ROW EXECUTE FUNCTION search_exhibitor_changed();
