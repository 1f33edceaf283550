-- Schema v10: a payment is booked into its counter's open till (款箱) in the transaction that
-- marks it paid.
--
-- v5 derived a till's takings from the paid_at window [opened_at, closed_at]. Two faults in that:
-- a channel's own paid time (WeChat success_time, Alipay gmt_payment) can lie outside the window
-- of the till that was open when the money was booked, and on PostgreSQL a payment committing while
-- the till was being closed could fall between two tills. Now the booking transaction reads the open
-- till of the counter (PostgreSQL: FOR SHARE, so a concurrent close, which holds the till FOR UPDATE,
-- waits for it or makes it wait) and stores its id here; the till's figures are the payments with
-- its id. NULL: booked while the counter had no open till (only where the counter is configured not
-- to require one, or before v10 outside any window).
ALTER TABLE payments ADD COLUMN till_id BIGINT REFERENCES tills(id);
CREATE INDEX ix_payments_till ON payments(till_id);
-- Existing payments keep the till whose window held them.
UPDATE payments SET till_id = (SELECT t.id FROM tills t WHERE t.counter_id = payments.counter_id
                                   AND payments.paid_at >= t.opened_at
                                   AND (t.closed_at IS NULL OR payments.paid_at <= t.closed_at)
                               ORDER BY t.id LIMIT 1)
    WHERE paid_at IS NOT NULL;

-- Refunds (v7) likewise: a succeeded refund is money out of the till open at its counter when it
-- was booked.
ALTER TABLE payment_refunds ADD COLUMN till_id BIGINT REFERENCES tills(id);
CREATE INDEX ix_payment_refunds_till ON payment_refunds(till_id);
UPDATE payment_refunds SET till_id = (SELECT t.id FROM tills t WHERE t.counter_id = payment_refunds.counter_id
                                          AND payment_refunds.refunded_at >= t.opened_at
                                          AND (t.closed_at IS NULL OR payment_refunds.refunded_at <= t.closed_at)
                                      ORDER BY t.id LIMIT 1)
    WHERE refunded_at IS NOT NULL;

-- One bank card charge pays one deposit: a POS slip (terminal, batch, reference number) belongs to
-- at most one payment that is not closed or failed.
CREATE UNIQUE INDEX ux_payments_pos_slip ON payments(pos_terminal, pos_batch, pos_rrn)
    WHERE pos_rrn IS NOT NULL AND state NOT IN ('closed', 'failed');
