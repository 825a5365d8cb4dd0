-- A team may take a replay off the fair, and put it back: when it took it off (NULL: on the
-- fair). An unpublished replay is listed and opened only by its team.
ALTER TABLE live_streams ADD COLUMN unpublished_at BIGINT;
