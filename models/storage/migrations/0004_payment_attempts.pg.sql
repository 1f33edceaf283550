-- PostgreSQL-only part of schema v4: payment_events is append-only, and a paid attempt never
-- goes back to an unpaid state (only the refund states may follow it).

CREATE TRIGGER payment_events_append_only BEFORE UPDATE OR DELETE ON payment_events
    FOR EACH ROW EXECUTE FUNCTION fund_refuse_change();

CREATE FUNCTION fund_paid_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state = 'paid' AND NEW.state NOT IN ('paid', 'refund_pending', 'refunded', 'refund_failed') THEN
        RAISE EXCEPTION 'a paid payment never goes back';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER payments_paid_is_final BEFORE UPDATE OF state ON payments
    FOR EACH ROW EXECUTE FUNCTION fund_paid_is_final();
