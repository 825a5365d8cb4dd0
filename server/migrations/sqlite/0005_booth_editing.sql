-- The booth editor: a rich-text description (sanitised HTML, kept beside the plain text that
-- meta tags and search use), contact details, and the audit log of every change to a booth:
-- who, when, what (a JSON object of field: [before, after]).

ALTER TABLE exhibitors ADD COLUMN description_html_en TEXT;
ALTER TABLE exhibitors ADD COLUMN description_html_zh TEXT;
ALTER TABLE exhibitors ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
ALTER TABLE exhibitors ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE exhibitors ADD COLUMN website TEXT NOT NULL DEFAULT '';

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changes TEXT NOT NULL
);
CREATE INDEX audit_log_by_exhibitor ON audit_log (exhibitor_id, id);
