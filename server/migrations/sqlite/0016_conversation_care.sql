-- Blocking, reporting and the digest of unread messages.
-- A conversation blocked by either side (the time each side blocked it) takes no new
-- messages until that side unblocks it. A report keeps what the reporter saw (the last messages, as text) for the
-- organizer, who cannot open conversations. Each person's place in a conversation also
-- records the last message a digest mail told them of, so no message is mailed twice.

ALTER TABLE conversations ADD COLUMN buyer_blocked_at BIGINT;
ALTER TABLE conversations ADD COLUMN team_blocked_at BIGINT;

CREATE TABLE conversation_reports (
    id INTEGER PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    reporter_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    note TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    reported_at BIGINT NOT NULL,
    UNIQUE (conversation_id, reporter_id)
);
CREATE INDEX conversation_reports_by_time ON conversation_reports (reported_at);

ALTER TABLE conversation_reads ADD COLUMN mailed_up_to BIGINT NOT NULL DEFAULT 0;
CREATE INDEX messages_by_time ON messages (sent_at);
