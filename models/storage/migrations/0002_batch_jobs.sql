-- Schema v2: batch jobs (issue 3). Runs on SQLite and PostgreSQL alike.

-- 年度结息: one row per interest year. The primary key makes a year run at most once; the row is
-- written in the same transaction as the interest entries and the account balances.
CREATE TABLE interest_runs (
    year                INTEGER PRIMARY KEY,
    rate_bp             INTEGER NOT NULL CHECK (rate_bp > 0),  -- hundredths of a per cent: 150 = 1.50 %
    booked_on           TEXT NOT NULL,                         -- value date of the entries: yyyy-12-31
    accounts            BIGINT NOT NULL,                       -- accounts credited
    total_interest_fen  BIGINT NOT NULL,
    run_at              TEXT NOT NULL,
    staff_id            BIGINT REFERENCES staff(id)                -- NULL: fundctl on a database without staff
);

-- Value-dated lookups of the ledger: the interest run's "already credited?" check and the
-- balance at a past date (entries booked after it); also what a daily close reads.
CREATE INDEX ix_ledger_entries_booked_on ON ledger_entries(booked_on);

-- Every accepted import of houses or owners, with the file's SHA-256: re-importing a file is
-- allowed (it changes nothing) and the report can say when the same file was imported before.
CREATE TABLE import_batches (
    id           {{ID}},
    kind         TEXT NOT NULL CHECK (kind IN ('houses', 'owners')),
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    encoding     TEXT NOT NULL,            -- UTF-8 | GB18030
    row_count    INTEGER NOT NULL,
    inserted     INTEGER NOT NULL,
    unchanged    INTEGER NOT NULL,
    staff_id     BIGINT REFERENCES staff(id),   -- NULL: fundctl on a database without staff
    imported_at  TEXT NOT NULL
);
CREATE INDEX ix_import_batches_sha256 ON import_batches(sha256);
