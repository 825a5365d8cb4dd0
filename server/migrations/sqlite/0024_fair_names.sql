-- The names of the fair's own parts (its sessions, categories, sections and halls) in Arabic,
-- French, Spanish and Russian: JSON such as {"fr": "…"}, NULL when there is none (English and
-- Chinese keep their own columns). A reader whose language a name lacks sees it in English.
ALTER TABLE fair_sessions ADD COLUMN names TEXT;
ALTER TABLE categories ADD COLUMN names TEXT;
ALTER TABLE sections ADD COLUMN names TEXT;
ALTER TABLE halls ADD COLUMN names TEXT;
