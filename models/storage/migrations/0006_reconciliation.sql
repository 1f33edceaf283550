-- Schema v6: channel bills and reconciliation (对账). Runs on SQLite and PostgreSQL alike.
--
-- A channel bill is one imported file: the WeChat Pay trade bill (CSV), the Alipay bill (ZIP of
-- GBK CSVs) or a POS terminal's settlement, keyed in or exported as a simple CSV
-- (docs: ReconciliationService). The file's SHA-256 makes re-importing the same file a no-op.
-- Reconciliation results are NOT stored: ReconciliationService::reconcile computes them on demand
-- from the newest bill of the channel and day and the payments table, so a late 补记 or a newer
-- bill is always reflected; each run is recorded in the audit log with its counts.
CREATE TABLE channel_bills (
    id            {{ID}},
    channel       TEXT NOT NULL CHECK (channel IN ('wechat', 'alipay', 'pos')),
    bill_date     TEXT NOT NULL,           -- yyyy-MM-dd, Beijing time: the earliest day in the file
    file_sha256   TEXT NOT NULL,           -- of the imported bytes, lower-case hex
    imported_at   TEXT NOT NULL,
    imported_by   BIGINT REFERENCES staff(id),
    row_count     INTEGER NOT NULL,
    UNIQUE (channel, bill_date, file_sha256)
);
CREATE INDEX ix_channel_bills_sha256 ON channel_bills(channel, file_sha256);

-- One line of a bill: a payment, or a refund (negative amount).
CREATE TABLE channel_bill_lines (
    id                {{ID}},
    bill_id           BIGINT NOT NULL REFERENCES channel_bills(id),
    line_no           INTEGER NOT NULL,    -- physical line in the file
    out_trade_no      TEXT NOT NULL,       -- WeChat/Alipay: 商户订单号; POS: 参考号 (RRN)
    channel_trade_no  TEXT NOT NULL DEFAULT '', -- 微信订单号 / 支付宝交易号; POS: 凭证号 (trace)
    amount_fen        BIGINT NOT NULL,     -- refunds negative
    kind              TEXT NOT NULL CHECK (kind IN ('payment', 'refund')),
    status            TEXT NOT NULL DEFAULT '', -- 交易状态 / 业务类型 as written
    happened_at       TEXT NOT NULL,       -- yyyy-MM-dd HH:mm:ss as written (Beijing time)
    pos_terminal      TEXT,
    pos_batch         TEXT
);
CREATE INDEX ix_channel_bill_lines_bill ON channel_bill_lines(bill_id, line_no);
CREATE INDEX ix_channel_bill_lines_trade ON channel_bill_lines(out_trade_no);
CREATE INDEX ix_payments_pos_rrn ON payments(pos_rrn);
