-- Schema v8: the receipt platform (docs/receipts.md).
--
-- receipts is rebuilt because neither engine lets us widen the CHECK on its state in the same
-- way (SQLite cannot alter a CHECK at all). Nothing references receipts by foreign key (checked
-- in 0001–0007), so create new, copy, drop, rename, recreate the indexes is safe.
--
-- Kinds and states:
--   blue: issuing (开票中) → issued (开票成功) | failed (开票失败) → issuing again with the same
--         business_serial; issued → reversed once its red receipt is issued (红冲).
--   red:  red_issuing → red_issued | red_failed (→ red_issuing again with the same serial).
-- Contract with the refunds work: `state IN ('issuing','issued')` holds exactly for a blue receipt
-- that is live (not red-reversed); a red receipt's states never match it.
CREATE TABLE receipts_v8 (
    id                    {{ID}},
    payment_id            BIGINT NOT NULL REFERENCES payments(id),
    kind                  TEXT NOT NULL DEFAULT 'blue' CHECK (kind IN ('blue', 'red')),
    state                 TEXT NOT NULL CHECK (state IN ('issuing', 'issued', 'failed', 'reversed',
                                                         'red_issuing', 'red_issued', 'red_failed')),
    business_serial       TEXT NOT NULL,           -- the platform's idempotency key (busNo)
    bill_code             TEXT,                    -- 票据代码 (8)
    bill_no               TEXT,                    -- 票据号码 (10)
    check_code            TEXT,                    -- 校验码 (6)
    issued_at             TEXT,
    qr_text               TEXT,                    -- opaque, as the platform returned it
    layout                {{BLOB}},                -- the platform's layout file, as returned (may be NULL)
    layout_format         TEXT,                    -- 'pdf', 'ofd' …
    signed_data           TEXT,                    -- the local issuer's signed receipt data
    signature             TEXT,                    -- Base64 SHA256withRSA over signed_data
    payer_name            TEXT NOT NULL,
    payer_credit_code     TEXT,                    -- 统一社会信用代码 of an organisation payer
    amount_fen            BIGINT NOT NULL,         -- positive; a red receipt prints it negative
    print_count           INTEGER NOT NULL DEFAULT 0, -- the first print is the original, the rest 重打
    failure               TEXT,
    requested_at          TEXT NOT NULL,
    updated_at            TEXT,
    attempts              INTEGER NOT NULL DEFAULT 0,
    reverses_id           BIGINT,                  -- red: the blue receipt it reverses
    reversal_reason       TEXT,                    -- blue: the pending or done request; red: copied
    reversal_requested_by BIGINT REFERENCES staff(id),
    reversal_requested_at TEXT,
    reversal_approved_by  BIGINT REFERENCES staff(id),
    reversed_at           TEXT,
    CHECK ((kind = 'blue' AND state IN ('issuing', 'issued', 'failed', 'reversed'))
           OR (kind = 'red' AND state IN ('red_issuing', 'red_issued', 'red_failed'))),
    CHECK ((kind = 'red') = (reverses_id IS NOT NULL)),
    CHECK (kind = 'blue' OR (reversal_reason IS NOT NULL AND reversal_approved_by IS NOT NULL)),
    CHECK (reversal_approved_by IS NULL OR reversal_approved_by <> reversal_requested_by),
    CHECK (state NOT IN ('issued', 'reversed', 'red_issued') OR (bill_code IS NOT NULL AND bill_no IS NOT NULL AND check_code IS NOT NULL))
);

INSERT INTO receipts_v8 (id, payment_id, kind, state, business_serial, bill_code, bill_no, check_code, issued_at, qr_text,
                         payer_name, amount_fen, print_count, failure, requested_at, updated_at)
SELECT c.id, c.payment_id, 'blue', c.state,
       (SELECT r.serial_no FROM payments p JOIN deposit_requests r ON r.id = p.deposit_id WHERE p.id = c.payment_id) || '-P' || c.payment_id || '-1',
       c.bill_code, c.bill_no, c.check_code, c.issued_at, c.qr_text, c.payer_name, c.amount_fen, c.print_count, c.failure,
       c.requested_at, c.requested_at
FROM receipts c;

DROP TABLE receipts;
ALTER TABLE receipts_v8 RENAME TO receipts;

CREATE UNIQUE INDEX receipts_bill_number ON receipts (bill_code, bill_no);
CREATE UNIQUE INDEX receipts_business_serial ON receipts (business_serial);
-- Never two live blue receipts for one payment (a failed one is retried in place).
CREATE UNIQUE INDEX receipts_one_live_blue ON receipts (payment_id) WHERE kind = 'blue' AND state IN ('issuing', 'issued', 'failed');
-- A blue receipt is reversed once.
CREATE UNIQUE INDEX receipts_one_red ON receipts (reverses_id) WHERE kind = 'red';
CREATE INDEX receipts_payment ON receipts (payment_id);

-- 换开纸质: the paper bill an e-receipt was exchanged for. A re-exchange voids the previous one
-- with a reason; one live paper bill per receipt, and a paper number is used once.
CREATE TABLE receipt_paper_exchanges (
    id           {{ID}},
    receipt_id   BIGINT NOT NULL,                 -- receipts.id (no FK, so receipts can be rebuilt)
    paper_code   TEXT NOT NULL,
    paper_no     TEXT NOT NULL,
    exchanged_at TEXT NOT NULL,
    staff_id     BIGINT NOT NULL REFERENCES staff(id),
    voided_at    TEXT,
    voided_by    BIGINT REFERENCES staff(id),
    void_reason  TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE UNIQUE INDEX receipt_paper_number ON receipt_paper_exchanges (paper_code, paper_no);
CREATE UNIQUE INDEX receipt_paper_one_live ON receipt_paper_exchanges (receipt_id) WHERE voided_at IS NULL;

-- The local issuer's own books (what a remote platform keeps on its side): every bill it made,
-- keyed by business serial, so a lost answer is found again by query and a number is never used
-- twice nor skipped.
CREATE TABLE local_issuer_bills (
    id              {{ID}},
    business_serial TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('blue', 'red')),
    bill_code       TEXT NOT NULL,
    bill_no         TEXT NOT NULL,
    check_code      TEXT NOT NULL,
    amount_fen      BIGINT NOT NULL,
    issued_at       TEXT NOT NULL,
    qr_text         TEXT NOT NULL,
    signed_data     TEXT NOT NULL,
    signature       TEXT NOT NULL,
    reverses        TEXT,                          -- red: 'code-number' of the blue bill
    UNIQUE (bill_code, bill_no)
);
