-- SQLite-only part of schema v1: append-only guards and the trigram full-text index.

CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;

CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger_entries is append-only');
END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE VIRTUAL TABLE houses_fts USING fts5(address, content='houses', content_rowid='id', tokenize='trigram');

CREATE TRIGGER houses_fts_insert AFTER INSERT ON houses
BEGIN
    INSERT INTO houses_fts(rowid, address) VALUES (new.id, new.address);
END;

CREATE TRIGGER houses_fts_delete AFTER DELETE ON houses
BEGIN
    INSERT INTO houses_fts(houses_fts, rowid, address) VALUES ('delete', old.id, old.address);
END;

CREATE TRIGGER houses_fts_update AFTER UPDATE OF address ON houses
BEGIN
    INSERT INTO houses_fts(houses_fts, rowid, address) VALUES ('delete', old.id, old.address);
    INSERT INTO houses_fts(rowid, address) VALUES (new.id, new.address);
END;
