-- Delivering the outbox over SMTP: a mail is due when `next_attempt_at` has passed. A sender
-- claims a mail by moving that time forward (a lease), so servers of a cluster never send the
-- same mail twice at once; after a failure it moves forward by a growing delay.
ALTER TABLE outbox ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0;
DROP INDEX outbox_unsent;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;
