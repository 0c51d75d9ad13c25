-- Every report ingested, by its source key (incidents.SourceKey), claimed in
-- the transaction that stores what it yields: of several posts of one report
-- at once, the others wait on this key and then find it taken.
CREATE TABLE ingested_reports (
	skey        text PRIMARY KEY,
	ingested_at timestamptz NOT NULL
);

-- A report proposed by ingestion as a source of a published incident. The
-- public never sees it: an editor accepts it (the source is then linked) or
-- rejects it. What it says is kept here, not in sources, until accepted.
CREATE TABLE source_proposals (
	id          bigserial PRIMARY KEY,
	incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
	skey        text NOT NULL,
	title       text NOT NULL DEFAULT '',
	url         text NOT NULL DEFAULT '',
	publisher   text NOT NULL DEFAULT '',
	published   date,
	created_at  timestamptz NOT NULL,
	UNIQUE (incident_id, skey)
);
CREATE INDEX source_proposals_skey ON source_proposals (skey);
