-- Schema v5: tills (款箱) and daily close (日结). Runs on SQLite and PostgreSQL alike.
--
-- A till is one counter's cash box for one stretch of business: opened with a float, closed with
-- the cash counted by denomination. Its figures are DERIVED from `payments`, not copied: a
-- payment belongs to the till of its counter (payments.counter_id) whose window
-- [opened_at, closed_at] holds its paid_at (open tills: up to now). TillService::open starts a
-- new till no earlier than 1 ms after the counter's last close, so windows never overlap and a
-- payment is counted in at most one till. There is no till_movements table yet: cash out
-- (refunds paid in cash, hand-overs to the bank) is zero until refunds exist and will get its own
-- dated rows then.
--
-- States: open → closed (counted = expected), or open → closing (a variance, with its mandatory
-- note) → closed once a supervisor other than the closer approves it. The expected cash and the
-- variance are frozen at close time.

CREATE TABLE tills (
    id                 {{ID}},
    counter_id         TEXT NOT NULL,
    business_date      TEXT NOT NULL,           -- yyyy-MM-dd, local date of opened_at
    opened_by          BIGINT NOT NULL REFERENCES staff(id),
    opened_at          TEXT NOT NULL,
    opening_float_fen  BIGINT NOT NULL CHECK (opening_float_fen >= 0),
    state              TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closing', 'closed')),
    closed_by          BIGINT REFERENCES staff(id),
    closed_at          TEXT,
    counted_cash_fen   BIGINT,
    denominations      TEXT,                    -- JSON: {"10000": 3, "50": 2, …} fen → count
    expected_cash_fen  BIGINT,
    variance_fen       BIGINT,                  -- counted − expected
    variance_note      TEXT,
    approved_by        BIGINT REFERENCES staff(id),
    approved_at        TEXT,
    CHECK (state = 'open' OR (closed_by IS NOT NULL AND closed_at IS NOT NULL AND counted_cash_fen IS NOT NULL
                              AND expected_cash_fen IS NOT NULL AND variance_fen IS NOT NULL)),
    CHECK (variance_fen IS NULL OR variance_fen = 0 OR (variance_note IS NOT NULL AND variance_note <> '')),
    CHECK (approved_by IS NULL OR approved_by <> closed_by)
);
-- At most one open till per counter, whatever the program does.
CREATE UNIQUE INDEX ux_tills_one_open_per_counter ON tills(counter_id) WHERE state = 'open';
CREATE INDEX ix_tills_counter_opened ON tills(counter_id, opened_at);
CREATE INDEX ix_payments_counter_paid_at ON payments(counter_id, paid_at);
