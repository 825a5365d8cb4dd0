-- The products a stream features, in the team's order: shown under the video and on the
-- schedule, and the ones the team pins while live. Only the exhibitor's own products (the
-- service checks it).
CREATE TABLE live_stream_products (
    stream_id BIGINT NOT NULL REFERENCES live_streams (id),
    product_id BIGINT NOT NULL REFERENCES products (id),
    position BIGINT NOT NULL,
    PRIMARY KEY (stream_id, product_id)
);
