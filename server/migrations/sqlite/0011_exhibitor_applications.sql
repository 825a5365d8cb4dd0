-- Exhibitor applications: a company asks to exhibit in a section; the organizer approves it
-- (creating the exhibitor, whose id is kept here) or declines it with a reason. One address
-- has at most one application waiting.
CREATE TABLE exhibitor_applications (
    id INTEGER PRIMARY KEY,
    company_en TEXT NOT NULL,
    company_zh TEXT NOT NULL,
    country TEXT NOT NULL,
    section_id BIGINT NOT NULL REFERENCES sections (id),
    year_founded BIGINT NOT NULL,
    staff_size BIGINT NOT NULL,
    contact_name TEXT NOT NULL,
    email TEXT NOT NULL,
    website TEXT NOT NULL,
    message TEXT NOT NULL,
    locale TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    decided_at BIGINT,
    exhibitor_id BIGINT REFERENCES exhibitors (id) ON DELETE SET NULL
);
CREATE INDEX exhibitor_applications_by_status ON exhibitor_applications (status, id);
CREATE UNIQUE INDEX exhibitor_applications_one_pending ON exhibitor_applications (email)
    WHERE status = 'pending';
