-- Which incidents each write changed, by the data version it committed, so
-- that every process sharing the database moves its in-memory index on by
-- reading the changes since its version instead of building the index
-- again (a second of one core at 1,000,000 incidents). change_log.since is
-- the version after which the log is whole: older rows are dropped now and
-- then, and an import too large to log moves it on. An index older than it
-- is built afresh.
CREATE TABLE incident_changes (
	version     INTEGER NOT NULL,
	incident_id INTEGER NOT NULL,
	PRIMARY KEY (version, incident_id)
) WITHOUT ROWID;

CREATE TABLE change_log (id INTEGER PRIMARY KEY CHECK (id = 1), since INTEGER NOT NULL);
INSERT INTO change_log SELECT 1, version FROM data_version;
