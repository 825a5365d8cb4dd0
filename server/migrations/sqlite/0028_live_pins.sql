-- The products a team pinned under its stream's video, in order, each from its moment on
-- (product_id NULL: nothing pinned from then): the replay's chapters.
CREATE TABLE live_pins (
    id INTEGER PRIMARY KEY,
    stream_id BIGINT NOT NULL REFERENCES live_streams (id),
    product_id BIGINT REFERENCES products (id),
    pinned_by BIGINT NOT NULL REFERENCES users (id),
    pinned_at BIGINT NOT NULL
);
CREATE INDEX live_pins_by_stream ON live_pins (stream_id, pinned_at);

-- An inquiry sent from under a stream's video: the stream, and how many seconds into it.
ALTER TABLE inquiries ADD COLUMN stream_id BIGINT REFERENCES live_streams (id);
ALTER TABLE inquiries ADD COLUMN stream_second BIGINT;
CREATE INDEX inquiries_by_stream ON inquiries (stream_id) WHERE stream_id IS NOT NULL;
