-- SQLite part of schema v3: an index of every character and every pair of adjacent characters
-- of the addresses, for needles of one or two characters (the trigram index of v1 needs three).
--
-- FTS5 has no unigram or bigram tokenizer, so the index is fed the address's characters and
-- character pairs as words: "北京市朝阳…" → "北 京 市 … 北京 京市 市朝 …". The unicode61 tokenizer
-- makes each of them one token (letters folded to lower case), so a needle of one or two letters,
-- digits or Chinese characters is a single token: no phrase, no positions (detail='none' keeps
-- only the house ids), and the house ids of one token come in order, so a page of a needle found
-- in almost every address is read as quickly as a rare one. Contentless (content=''): no copy of
-- the address is kept. Punctuation is not a token ("1,南" gives "1" and "南", never "1南"); a
-- needle with punctuation is answered by a scan instead (LookupService::search).

-- 1..400: the character positions of an address (the import allows at most 300 characters).
CREATE TABLE search_positions (n INTEGER PRIMARY KEY);
INSERT INTO search_positions (n)
SELECT a.d * 100 + b.d * 10 + c.d + 1
FROM (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) a,
     (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
      UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) b,
     (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
      UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) c;

CREATE VIRTUAL TABLE houses_grams USING fts5(grams, content='', detail='none', columnsize=0,
                                             tokenize='unicode61 remove_diacritics 0');

INSERT INTO houses_grams (rowid, grams)
SELECT h.id, (SELECT group_concat(substr(h.address, p.n, 1) || ' ' || substr(h.address, p.n, 2), ' ')
              FROM search_positions p WHERE p.n <= length(h.address))
FROM houses h;

CREATE TRIGGER houses_grams_insert AFTER INSERT ON houses
BEGIN
    INSERT INTO houses_grams (rowid, grams)
    SELECT new.id, group_concat(substr(new.address, n, 1) || ' ' || substr(new.address, n, 2), ' ')
    FROM search_positions WHERE n <= length(new.address);
END;

CREATE TRIGGER houses_grams_delete AFTER DELETE ON houses
BEGIN
    INSERT INTO houses_grams (houses_grams, rowid, grams)
    SELECT 'delete', old.id, group_concat(substr(old.address, n, 1) || ' ' || substr(old.address, n, 2), ' ')
    FROM search_positions WHERE n <= length(old.address);
END;

CREATE TRIGGER houses_grams_update AFTER UPDATE OF address ON houses
BEGIN
    INSERT INTO houses_grams (houses_grams, rowid, grams)
    SELECT 'delete', old.id, group_concat(substr(old.address, n, 1) || ' ' || substr(old.address, n, 2), ' ')
    FROM search_positions WHERE n <= length(old.address);
    INSERT INTO houses_grams (rowid, grams)
    SELECT new.id, group_concat(substr(new.address, n, 1) || ' ' || substr(new.address, n, 2), ' ')
    FROM search_positions WHERE n <= length(new.address);
END;
