-- Mail is kept 30 days (server/src/mail/purge.rs): an index on its age, so that the hourly
-- purge finds the oldest mail without reading the whole outbox.
CREATE INDEX outbox_created ON outbox (created_at);
