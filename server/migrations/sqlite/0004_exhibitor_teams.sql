-- Exhibitor teams: an exhibitor company's accounts, its owner and staff. A person belongs to
-- at most one team. Invitations are one-time links, mailed by the organizer to a company's
-- future owner or by the owner to staff; only the SHA-256 of the secret is stored.

CREATE TABLE team_members (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id) ON DELETE CASCADE,
    team_role TEXT NOT NULL CHECK (team_role IN ('owner', 'staff')),
    added_at BIGINT NOT NULL
);
CREATE INDEX team_members_by_exhibitor ON team_members (exhibitor_id);

CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id) ON DELETE CASCADE,
    team_role TEXT NOT NULL CHECK (team_role IN ('owner', 'staff')),
    invited_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT
);
CREATE INDEX invitations_by_exhibitor ON invitations (exhibitor_id);
