-- SQLite part of schema v9: the checker-only role 'reviewer' (审核员) in staff.role's CHECK.
-- SQLite cannot ALTER a CHECK and staff is referenced by foreign keys from many tables, so this
-- follows SQLite's documented procedure for a change that does not affect the stored data
-- (lang_altertable.html, "otherwise"): edit the stored CREATE TABLE text under writable_schema,
-- inside the migration's transaction. Widening an IN list cannot make an existing row invalid.
-- The schema cookie is bumped by the CREATE statements of this migration (same transaction), so
-- other connections reload the schema; RESET reloads it on this one.
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, '''supervisor'', ''admin'')', '''supervisor'', ''admin'', ''reviewer'')')
 WHERE type = 'table' AND name = 'staff' AND sql LIKE '%''supervisor'', ''admin'')%';
PRAGMA writable_schema = RESET;
