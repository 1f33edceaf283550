-- SQLite-only part of schema v7: refund_events is append-only and a final refund never moves.

CREATE TRIGGER refund_events_no_update BEFORE UPDATE ON refund_events
BEGIN
    SELECT RAISE(ABORT, 'refund_events is append-only');
END;

CREATE TRIGGER refund_events_no_delete BEFORE DELETE ON refund_events
BEGIN
    SELECT RAISE(ABORT, 'refund_events is append-only');
END;

CREATE TRIGGER payment_refunds_final BEFORE UPDATE OF state ON payment_refunds
WHEN (old.state IN ('succeeded', 'failed') AND new.state <> old.state) OR (new.state = 'requested' AND old.state <> 'requested')
BEGIN
    SELECT RAISE(ABORT, 'a final refund never moves');
END;

CREATE TRIGGER payment_refunds_no_delete BEFORE DELETE ON payment_refunds
BEGIN
    SELECT RAISE(ABORT, 'payment_refunds are never deleted');
END;

-- A refunded payment is final: the deposit is collected again by a new payment.
CREATE TRIGGER payments_refunded_is_final BEFORE UPDATE OF state ON payments
WHEN old.state = 'refunded' AND new.state <> 'refunded'
BEGIN
    SELECT RAISE(ABORT, 'a refunded payment is final');
END;
