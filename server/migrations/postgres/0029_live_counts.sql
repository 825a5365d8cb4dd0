-- Counts that tell the truth: the most people a stream had watching at once, each person
-- who watched it (a signed-in user, or a browser by a fingerprint of its viewer cookie)
-- counted once with the seconds they watched, and the meetings booked from under its video.
ALTER TABLE live_streams ADD COLUMN peak_viewers BIGINT NOT NULL DEFAULT 0;
CREATE TABLE live_viewers (
    stream_id BIGINT NOT NULL REFERENCES live_streams (id),
    viewer TEXT NOT NULL,
    seconds BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (stream_id, viewer)
);

ALTER TABLE meetings ADD COLUMN stream_id BIGINT REFERENCES live_streams (id);
CREATE INDEX meetings_by_stream ON meetings (stream_id) WHERE stream_id IS NOT NULL;
