-- Files sent in conversations: a message may carry one (an image or a PDF), kept in the
-- private attachments store under `attachment_file` (its hash and extension); the body is
-- then its caption and may be empty.

ALTER TABLE messages ADD COLUMN attachment_file TEXT;
ALTER TABLE messages ADD COLUMN attachment_name TEXT;
ALTER TABLE messages ADD COLUMN attachment_kind TEXT;
ALTER TABLE messages ADD COLUMN attachment_bytes BIGINT;
