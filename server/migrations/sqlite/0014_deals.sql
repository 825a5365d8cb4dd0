-- Deals: a buyer's inquiry about a product, the exhibitor's quotations and the buyer's
-- answers, the order an accepted quotation becomes, and the contract both parties sign.
-- An inquiry has at most one order and a quotation at most one order (UNIQUE): accepting
-- twice, however close together, places one order. A contract's text and hash, and each
-- signature, can never change or go away (the triggers below).

CREATE TABLE inquiries (
    id INTEGER PRIMARY KEY,
    buyer_id BIGINT NOT NULL REFERENCES users (id),
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id),
    product_id BIGINT REFERENCES products (id) ON DELETE SET NULL,
    -- The product as it was asked about: it may change or go away later.
    product_title TEXT NOT NULL,
    unit TEXT NOT NULL,
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    target_price_cents BIGINT CHECK (target_price_cents IS NULL OR target_price_cents > 0),
    currency TEXT NOT NULL,
    incoterm TEXT NOT NULL,
    destination_country TEXT NOT NULL,
    destination_place TEXT NOT NULL,
    message TEXT NOT NULL,
    -- open, quoted, countered, declined or ordered
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX inquiries_by_buyer ON inquiries (buyer_id, updated_at);
CREATE INDEX inquiries_by_exhibitor ON inquiries (exhibitor_id, updated_at);

CREATE TABLE quotations (
    id INTEGER PRIMARY KEY,
    inquiry_id BIGINT NOT NULL REFERENCES inquiries (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    unit_price_cents BIGINT NOT NULL CHECK (unit_price_cents > 0),
    currency TEXT NOT NULL,
    moq BIGINT NOT NULL CHECK (moq > 0 AND moq <= quantity),
    lead_time_days BIGINT NOT NULL CHECK (lead_time_days >= 0),
    valid_until BIGINT NOT NULL,
    note TEXT NOT NULL,
    -- offered, accepted, countered, declined or superseded
    status TEXT NOT NULL,
    counter_price_cents BIGINT,
    counter_quantity BIGINT,
    answer_note TEXT NOT NULL DEFAULT '',
    answered_by BIGINT REFERENCES users (id),
    answered_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX quotations_by_inquiry ON quotations (inquiry_id, id);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    inquiry_id BIGINT NOT NULL UNIQUE REFERENCES inquiries (id),
    quotation_id BIGINT NOT NULL UNIQUE REFERENCES quotations (id),
    buyer_id BIGINT NOT NULL REFERENCES users (id),
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id),
    -- placed, confirmed, shipped, completed or cancelled
    status TEXT NOT NULL,
    placed_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX orders_by_buyer ON orders (buyer_id, updated_at);
CREATE INDEX orders_by_exhibitor ON orders (exhibitor_id, updated_at);

-- Each change of an order's status, by whom.
CREATE TABLE order_events (
    id INTEGER PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    status TEXT NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES users (id),
    at BIGINT NOT NULL
);
CREATE INDEX order_events_by_order ON order_events (order_id, id);

CREATE TABLE contracts (
    id INTEGER PRIMARY KEY,
    order_id BIGINT NOT NULL UNIQUE REFERENCES orders (id),
    -- The secret of the public link that shows and verifies the contract.
    token TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    -- Hex SHA-256 of the UTF-8 bytes of body.
    sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE contract_signatures (
    contract_id BIGINT NOT NULL REFERENCES contracts (id),
    party TEXT NOT NULL CHECK (party IN ('buyer', 'exhibitor')),
    user_id BIGINT NOT NULL REFERENCES users (id),
    signer_name TEXT NOT NULL,
    -- The hash the signer was shown and agreed to: always the contract's.
    sha256 TEXT NOT NULL,
    signed_at BIGINT NOT NULL,
    ip TEXT NOT NULL,
    user_agent TEXT NOT NULL,
    PRIMARY KEY (contract_id, party)
);

CREATE TRIGGER contracts_never_change BEFORE UPDATE ON contracts
BEGIN
    SELECT RAISE(ABORT, 'a contract never changes');
END;
CREATE TRIGGER contracts_never_go BEFORE DELETE ON contracts
BEGIN
    SELECT RAISE(ABORT, 'a contract never goes away');
END;
CREATE TRIGGER signatures_never_change BEFORE UPDATE ON contract_signatures
BEGIN
    SELECT RAISE(ABORT, 'a signature never changes');
END;
CREATE TRIGGER signatures_never_go BEFORE DELETE ON contract_signatures
BEGIN
    SELECT RAISE(ABORT, 'a signature never goes away');
END;
