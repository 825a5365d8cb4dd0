-- When each session was last used, so that one left unused for a week ends (a sign-in's
-- lifetime is 30 days however much it is used). Sessions that exist already count as used when
-- they began.
ALTER TABLE user_sessions ADD COLUMN last_seen_at BIGINT NOT NULL DEFAULT 0;
UPDATE user_sessions SET last_seen_at = created_at;
