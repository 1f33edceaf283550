-- PostgreSQL part of schema v3: a GIN index of every character and every pair of adjacent
-- characters of the address. pg_trgm cannot serve LIKE '%ab%' (no trigram in the pattern);
-- fund_address_grams(address) @> ARRAY['ab'] is exact for a needle of one or two characters, and
-- the planner's statistics on the indexed expression (most common elements) tell it whether to
-- walk the houses in id order (a needle in almost every address: 号楼, 1) or to read the index (a
-- needle in few: 福巷).

CREATE FUNCTION fund_address_grams(address text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}')
    FROM (SELECT substr(address, i, 1) AS g FROM generate_series(1, length(address)) AS i
          UNION ALL
          SELECT substr(address, i, 2) FROM generate_series(1, length(address) - 1) AS i) AS grams
$$;

SET LOCAL maintenance_work_mem = '256MB';

CREATE INDEX ix_houses_address_grams ON houses USING gin (fund_address_grams(address));

ANALYZE houses;

-- No parallel plans on houses: a counter's query reads a page of 50 houses, and on the 2-core
-- server of a hall the start-up of parallel workers costs more than it saves (a walk in id order
-- that would stop after a few thousand houses was planned as a parallel scan: 6 ms → 45 ms,
-- docs/benchmarks.md). Full scans (the naive LIKE) get slower; nothing in the client does them.
ALTER TABLE houses SET (parallel_workers = 0);
