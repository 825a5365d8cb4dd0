-- The chat beside a stream: what signed-in viewers and the team wrote, kept for the replay
-- (a message the team deleted keeps its row, marked, and is shown to no one), and the people
-- the team muted for the stream.
CREATE TABLE live_chat (
    id INTEGER PRIMARY KEY,
    stream_id BIGINT NOT NULL REFERENCES live_streams (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    -- 1 when written by a member of the streaming team.
    from_team BIGINT NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    deleted_at BIGINT,
    deleted_by BIGINT REFERENCES users (id)
);
CREATE INDEX live_chat_by_stream ON live_chat (stream_id, id);

CREATE TABLE live_mutes (
    stream_id BIGINT NOT NULL REFERENCES live_streams (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    muted_by BIGINT NOT NULL REFERENCES users (id),
    muted_at BIGINT NOT NULL,
    PRIMARY KEY (stream_id, user_id)
);
