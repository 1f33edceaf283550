-- Schema v7: refunds (退款) of collected payments (issue 4). Runs on SQLite and PostgreSQL alike.
--
-- A row of `payment_refunds` is one refund request for one paid payment, with its own merchant
-- refund number (WeChat out_refund_no, Alipay out_request_no) stored BEFORE any channel call and
-- reused on every retry and query. v1 refunds the whole payment. States only move forward
-- (RefundService::canTransition is the table; every UPDATE repeats it as WHERE state IN (…), and
-- the engine triggers refuse leaving a final state):
--   requested → processing | unknown | succeeded | failed
--   processing ↔ unknown (querying), → succeeded | failed
--   succeeded and failed are final; after `failed` a new refund (a new number) may be requested.
-- The payment itself stays `paid` while its refund is in flight (the money is still held) and
-- moves paid → refunded only in the transaction that books the reversing ledger entry and puts
-- the deposit request back to pending (待交存).
CREATE TABLE payment_refunds (
    id                 {{ID}},
    payment_id         BIGINT NOT NULL REFERENCES payments(id),
    out_refund_no      TEXT NOT NULL UNIQUE,
    method             TEXT NOT NULL,                     -- the payment's method (paymentMethodCode)
    amount_fen         BIGINT NOT NULL CHECK (amount_fen > 0),
    reason             TEXT NOT NULL CHECK (reason <> ''),
    requested_by       BIGINT NOT NULL REFERENCES staff(id), -- the supervisor
    counter_id         TEXT NOT NULL,                     -- where the refund was made (cash leaves this till)
    state              TEXT NOT NULL CHECK (state IN ('requested', 'processing', 'unknown', 'succeeded', 'failed')),
    channel_refund_id  TEXT,                              -- refund_id / trade_no / the POS refund RRN
    failure            TEXT,
    requested_at       TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    refunded_at        TEXT,                              -- set with succeeded
    CHECK (state <> 'succeeded' OR refunded_at IS NOT NULL)
);
-- At most one refund per payment that is not failed: a double click or a second counter cannot
-- request another while one is in flight or done.
CREATE UNIQUE INDEX ux_payment_refunds_one_live ON payment_refunds(payment_id) WHERE state <> 'failed';
CREATE INDEX ix_payment_refunds_state ON payment_refunds(state);
CREATE INDEX ix_payment_refunds_counter_at ON payment_refunds(counter_id, refunded_at);

-- Every state change of a refund, append-only (engine triggers in the .sqlite.sql / .pg.sql parts).
CREATE TABLE refund_events (
    id          {{ID}},
    refund_id   BIGINT NOT NULL REFERENCES payment_refunds(id),
    at          TEXT NOT NULL,
    from_state  TEXT NOT NULL,
    to_state    TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('clerk', 'channel', 'recovery', 'supervisor')),
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_refund_events_refund ON refund_events(refund_id, id);

-- The reversing ledger entry (kind 'refund', negative principal) points at its refund; at most one.
ALTER TABLE ledger_entries ADD COLUMN refund_id BIGINT REFERENCES payment_refunds(id);
CREATE UNIQUE INDEX ux_ledger_entries_refund ON ledger_entries(refund_id);
