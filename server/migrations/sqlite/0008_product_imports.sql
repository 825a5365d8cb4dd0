-- Bulk product imports: what each file did (products created and updated, rows skipped) and
-- each skipped row's problems as JSON, for the report the team reads after an import.
CREATE TABLE product_imports (
    id INTEGER PRIMARY KEY,
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL,
    skipped BIGINT NOT NULL,
    errors TEXT NOT NULL
);
CREATE INDEX product_imports_by_exhibitor ON product_imports (exhibitor_id, id);
