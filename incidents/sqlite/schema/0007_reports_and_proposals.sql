-- The incidents citing a source, by source: a correction re-encodes their
-- features, and ingestion looks a report up by its source on every post
-- (without this index both read every link).
CREATE INDEX incident_sources_source ON incident_sources (source_id);

-- Every report ingested, by its source key (incidents.SourceKey), claimed in
-- the transaction that stores what it yields: however many posts of one
-- report arrive at once, one stores drafts and the others find it here.
CREATE TABLE ingested_reports (
	skey        TEXT PRIMARY KEY,
	ingested_at TEXT NOT NULL
) WITHOUT ROWID;

-- A report proposed by ingestion as a source of a published incident. The
-- public never sees it: an editor accepts it (the source is then linked) or
-- rejects it. What it says is kept here, not in sources, until accepted.
CREATE TABLE source_proposals (
	id          INTEGER PRIMARY KEY,
	incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
	skey        TEXT NOT NULL,
	title       TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	publisher   TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '',
	created_at  TEXT NOT NULL,
	UNIQUE (incident_id, skey)
);
CREATE INDEX source_proposals_skey ON source_proposals (skey);
