-- SQLite-only part of schema v4: payment_events is append-only, and a paid attempt never goes
-- back to an unpaid state (only the refund states may follow it).

CREATE TRIGGER payment_events_no_update BEFORE UPDATE ON payment_events
BEGIN
    SELECT RAISE(ABORT, 'payment_events is append-only');
END;

CREATE TRIGGER payment_events_no_delete BEFORE DELETE ON payment_events
BEGIN
    SELECT RAISE(ABORT, 'payment_events is append-only');
END;

CREATE TRIGGER payments_paid_is_final BEFORE UPDATE OF state ON payments
WHEN old.state = 'paid' AND new.state NOT IN ('paid', 'refund_pending', 'refunded', 'refund_failed')
BEGIN
    SELECT RAISE(ABORT, 'a paid payment never goes back');
END;
