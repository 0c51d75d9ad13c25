-- Incidents, their sources, and the R*Tree over their points.
-- Dates are ISO 8601 text (YYYY-MM-DD), timestamps RFC 3339 UTC text: both sort as text.
CREATE TABLE incidents (
	id             INTEGER PRIMARY KEY,
	incident_type  TEXT NOT NULL,
	date_from      TEXT NOT NULL,
	date_to        TEXT NOT NULL,
	date_precision TEXT NOT NULL,
	place_name_ar  TEXT NOT NULL DEFAULT '',
	place_name_en  TEXT NOT NULL DEFAULT '',
	admin1_pcode   TEXT NOT NULL DEFAULT '',
	admin1_name    TEXT NOT NULL DEFAULT '',
	lon            REAL NOT NULL,
	lat            REAL NOT NULL,
	geo_precision  TEXT NOT NULL,
	killed         INTEGER,
	injured        INTEGER,
	arrested       INTEGER,
	summary_ar     TEXT NOT NULL DEFAULT '',
	summary_en     TEXT NOT NULL DEFAULT '',
	status         TEXT NOT NULL CHECK (status IN ('draft', 'published')),
	created_at     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	CHECK (date_from <= date_to)
);

-- Newest-first paging within a status, the order of every listing.
CREATE INDEX incidents_status_date ON incidents (status, date_to DESC, id DESC);
CREATE INDEX incidents_type_date ON incidents (incident_type, status, date_to DESC, id DESC);

-- A point is a zero-area box. R*Tree boxes are 32-bit floats, so hits are
-- candidates that the REAL columns of incidents confirm.
CREATE VIRTUAL TABLE incidents_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

-- A source is one report; several incidents can come from it and one incident
-- can gain sources as other reports confirm it.
CREATE TABLE sources (
	id        INTEGER PRIMARY KEY,
	skey      TEXT NOT NULL UNIQUE, -- the URL, or title|publisher|published when there is none
	title     TEXT NOT NULL DEFAULT '',
	url       TEXT NOT NULL DEFAULT '',
	publisher TEXT NOT NULL DEFAULT '',
	published TEXT NOT NULL DEFAULT ''
);

CREATE TABLE incident_sources (
	incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
	source_id   INTEGER NOT NULL REFERENCES sources (id),
	position    INTEGER NOT NULL,
	PRIMARY KEY (incident_id, source_id)
) WITHOUT ROWID;

-- One row: a counter bumped by every write transaction, for ETags.
CREATE TABLE data_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO data_version VALUES (1, 1);
