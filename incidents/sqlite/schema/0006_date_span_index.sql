-- The longest date range of the incidents of a status, read from an index
-- (SQLite reads the largest entry only) instead of the date_span table of 0003:
-- that table was an upper bound only raised, so one wide incident, even
-- deleted, made every later period query walk the whole date index. Read at
-- each query from the index, the bound follows deletes and edits at once.
DROP TRIGGER incidents_span_insert;
DROP TRIGGER incidents_span_update;
DROP TABLE date_span;
CREATE INDEX incidents_span ON incidents (status, julianday(date_to) - julianday(date_from));
