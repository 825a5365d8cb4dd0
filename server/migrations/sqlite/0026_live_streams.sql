-- Exhibitors On Live: an exhibitor's streams, scheduled ahead or started at once, live, then
-- ended (a replay). An exhibitor has at most one stream live at a time: the partial unique
-- index refuses a second, whatever the concurrency. Titles in English and Chinese, and in
-- Arabic, French, Spanish and Russian as JSON (`{"fr": "…"}`, NULL when there is none).
CREATE TABLE live_streams (
    id INTEGER PRIMARY KEY,
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id),
    title_en TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    titles TEXT,
    -- When it is announced to start; NULL for a stream started without a schedule.
    starts_at BIGINT,
    -- scheduled, live or ended
    status TEXT NOT NULL,
    started_at BIGINT,
    ended_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX live_streams_one_live ON live_streams (exhibitor_id) WHERE status = 'live';
CREATE INDEX live_streams_by_exhibitor ON live_streams (exhibitor_id, status, starts_at);
CREATE INDEX live_streams_by_status ON live_streams (status, starts_at);

-- The key a team's studio encoder publishes with (WHIP's bearer token): only its SHA-256 is
-- kept, so a key is shown once, when it is made; making a new one replaces it.
CREATE TABLE stream_keys (
    exhibitor_id BIGINT PRIMARY KEY REFERENCES exhibitors (id),
    key_hash TEXT NOT NULL UNIQUE,
    made_by BIGINT NOT NULL REFERENCES users (id),
    made_at BIGINT NOT NULL
);
