-- PostgreSQL-only part of schema v1: append-only guards and the trigram index.

CREATE FUNCTION fund_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION fund_refuse_change();

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION fund_refuse_change();

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX ix_houses_address_trgm ON houses USING gin (address gin_trgm_ops);
