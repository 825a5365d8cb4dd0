-- Two-factor sign-in: an authenticator app's secret (RFC 6238), the last time step a code was
-- accepted for (a code works once), the secret and recovery codes being set up until a first
-- code confirms them, and the sign-ins that passed the password and wait for a code.
CREATE TABLE two_factor (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret TEXT,
    enabled_at BIGINT,
    last_step BIGINT NOT NULL DEFAULT 0,
    pending_secret TEXT,
    pending_codes TEXT
);

-- One-time recovery codes, kept as fingerprints only.
CREATE TABLE recovery_codes (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE sign_in_challenges (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sign_in_challenges_expiry ON sign_in_challenges (expires_at);
