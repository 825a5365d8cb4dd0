-- Meetings: the slots an exhibitor publishes, in its own time zone, and the buyers'
-- bookings of them. A slot holds at most one live booking (requested or confirmed): the
-- partial unique index refuses a second one, whatever the concurrency. A request the
-- exhibitor leaves unanswered expires (`expires_at`) and no longer holds its slot.

-- IANA time zones ('' until chosen: the country's usual zone, else UTC).
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
ALTER TABLE exhibitors ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';

CREATE TABLE meeting_slots (
    id INTEGER PRIMARY KEY,
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL CHECK (ends_at > starts_at),
    UNIQUE (exhibitor_id, starts_at)
);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    slot_id BIGINT NOT NULL REFERENCES meeting_slots (id),
    buyer_id BIGINT NOT NULL REFERENCES users (id),
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id),
    topic TEXT NOT NULL,
    -- requested, confirmed, declined, cancelled or expired
    status TEXT NOT NULL,
    -- An unanswered request stops holding the slot then.
    expires_at BIGINT NOT NULL,
    reminded_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX meetings_one_per_slot ON meetings (slot_id) WHERE status IN ('requested', 'confirmed');
CREATE INDEX meetings_by_buyer ON meetings (buyer_id, updated_at);
CREATE INDEX meetings_by_exhibitor ON meetings (exhibitor_id, updated_at);
CREATE INDEX meetings_to_sweep ON meetings (status, expires_at);
