-- Keyword search's fuzzy-title branch compares the query with each distinct lowercased title once, in a narrow
-- relation: 57,414 distinct titles for 75,262 songs in the real catalogue, and the trigram index's recheck no longer
-- reads the wide songs rows (tags, tsvector). 114 real titles, artists and typos: the same rows in the same order,
-- 5.5 instead of 7.9 ms per query (docs/benchmarks.md, keyword search). The ingest refreshes it after the songs.
CREATE MATERIALIZED VIEW song_titles AS SELECT DISTINCT lower(title) AS t FROM songs;
-- unique: REFRESH ... CONCURRENTLY needs it, and then searches are not blocked while an ingest refreshes
CREATE UNIQUE INDEX song_titles_t ON song_titles (t);
CREATE INDEX song_titles_trgm ON song_titles USING gin (t gin_trgm_ops);
-- back from a matching title to its songs
CREATE INDEX songs_title_lower ON songs (lower(title));
DROP INDEX songs_title_trgm;
