-- Conversations between a buyer and an exhibitor's team, one per pair, and their messages.
-- A message carries the id its sender's browser gave it: sending it again (after a dropped
-- connection) finds the stored one instead of storing it twice. Each person's place in a
-- conversation (the last message they read) gives the unread counts.

CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    buyer_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id) ON DELETE CASCADE,
    started_at BIGINT NOT NULL,
    last_message_at BIGINT NOT NULL,
    UNIQUE (buyer_id, exhibitor_id)
);
CREATE INDEX conversations_by_exhibitor ON conversations (exhibitor_id, last_message_at);
CREATE INDEX conversations_by_buyer ON conversations (buyer_id, last_message_at);

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sender_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id TEXT NOT NULL,
    body TEXT NOT NULL,
    sent_at BIGINT NOT NULL,
    UNIQUE (sender_id, client_id)
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, id);

CREATE TABLE conversation_reads (
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_read_id BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
