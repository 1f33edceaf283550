-- Schema v4: the payment state machine (issue 4). Runs on SQLite and PostgreSQL alike.
--
-- A row of `payments` is one payment attempt with one merchant order number (out_trade_no),
-- stored before any channel call and reused on every retry of that attempt. Its state only moves
-- forward (the table of allowed transitions is PaymentService::canTransition, and every UPDATE
-- repeats it as `WHERE state IN (…)`):
--   created → awaiting | unknown | paid | closed | failed
--   awaiting ↔ unknown (querying), → paid | closed | failed
--   paid → refund_pending → refunded | refund_failed (later); paid never goes back.

-- transaction_id / trade_no / card RRN
ALTER TABLE payments ADD COLUMN channel_trade_no TEXT;
-- code_url / qr_code shown to the resident
ALTER TABLE payments ADD COLUMN qr_text TEXT;
-- QR orders
ALTER TABLE payments ADD COLUMN expires_at TEXT;
-- 参考号, 12 digits
ALTER TABLE payments ADD COLUMN pos_rrn TEXT;
-- 终端号, 8
ALTER TABLE payments ADD COLUMN pos_terminal TEXT;
-- 批次号, 6
ALTER TABLE payments ADD COLUMN pos_batch TEXT;
-- the channel's or the service's words
ALTER TABLE payments ADD COLUMN failure TEXT;
ALTER TABLE payments ADD COLUMN manual_confirmed_by BIGINT REFERENCES staff(id);
ALTER TABLE payments ADD COLUMN needs_reconciliation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN updated_at TEXT;

-- At most one open attempt per deposit: a double click or a second counter cannot start another
-- while one is created, shown/submitted or being queried. A new attempt (with a new out_trade_no)
-- may start only after the old one is confirmed closed or failed.
CREATE UNIQUE INDEX ux_payments_one_open_per_deposit ON payments(deposit_id)
    WHERE state IN ('created', 'awaiting', 'unknown');
CREATE INDEX ix_payments_state ON payments(state);

-- Every state change of an attempt, append-only (engine triggers in the .sqlite.sql / .pg.sql
-- parts). Never holds secrets: no keys, no signatures, no scanned payment codes.
CREATE TABLE payment_events (
    id          {{ID}},
    payment_id  BIGINT NOT NULL REFERENCES payments(id),
    at          TEXT NOT NULL,
    from_state  TEXT NOT NULL,
    to_state    TEXT NOT NULL,
    source      TEXT NOT NULL CHECK (source IN ('clerk', 'channel', 'recovery', 'supervisor')),
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_payment_events_payment ON payment_events(payment_id, id);
