-- PostgreSQL-only part of schema v7: refund_events is append-only and a final refund never moves.

CREATE TRIGGER refund_events_append_only BEFORE UPDATE OR DELETE ON refund_events
    FOR EACH ROW EXECUTE FUNCTION fund_refuse_change();

CREATE FUNCTION fund_refund_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (OLD.state IN ('succeeded', 'failed') AND NEW.state <> OLD.state) OR (NEW.state = 'requested' AND OLD.state <> 'requested') THEN
        RAISE EXCEPTION 'a final refund never moves';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER payment_refunds_final BEFORE UPDATE OF state ON payment_refunds
    FOR EACH ROW EXECUTE FUNCTION fund_refund_is_final();

CREATE TRIGGER payment_refunds_no_delete BEFORE DELETE ON payment_refunds
    FOR EACH ROW EXECUTE FUNCTION fund_refuse_change();

-- A refunded payment is final: the deposit is collected again by a new payment.
CREATE FUNCTION fund_refunded_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state = 'refunded' AND NEW.state <> 'refunded' THEN
        RAISE EXCEPTION 'a refunded payment is final';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER payments_refunded_is_final BEFORE UPDATE OF state ON payments
    FOR EACH ROW EXECUTE FUNCTION fund_refunded_is_final();
