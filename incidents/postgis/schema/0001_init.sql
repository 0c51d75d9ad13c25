-- Incidents, their sources, and a GiST index over their points.
-- lon and lat keep the exact doubles a client sent; geom is derived from them
-- so that it can never disagree, and is what the spatial index covers.
-- Unknown dates (drafts only) are NULL.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE incidents (
	id             bigserial PRIMARY KEY,
	incident_type  text NOT NULL,
	date_from      date,
	date_to        date,
	date_precision text NOT NULL,
	place_name_ar  text NOT NULL DEFAULT '',
	place_name_en  text NOT NULL DEFAULT '',
	admin1_pcode   text NOT NULL DEFAULT '',
	admin1_name    text NOT NULL DEFAULT '',
	lon            double precision NOT NULL,
	lat            double precision NOT NULL,
	geom           geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED,
	geo_precision  text NOT NULL,
	killed         integer,
	injured        integer,
	arrested       integer,
	summary_ar     text NOT NULL DEFAULT '',
	summary_en     text NOT NULL DEFAULT '',
	-- The listing order's key: date_to, with unknown dates before every date so
	-- that newest first puts them last and a cursor is one row comparison.
	sort_date      date NOT NULL GENERATED ALWAYS AS (coalesce(date_to, '-infinity'::date)) STORED,
	status         text NOT NULL CHECK (status IN ('draft', 'published')),
	created_at     timestamptz NOT NULL,
	updated_at     timestamptz NOT NULL,
	CHECK ((date_from IS NULL) = (date_to IS NULL)),
	CHECK (date_from <= date_to)
);

CREATE INDEX incidents_geom ON incidents USING gist (geom);
-- Newest-first paging within a status, the order of every listing.
CREATE INDEX incidents_status_date ON incidents (status, sort_date DESC, id DESC);
CREATE INDEX incidents_type_date ON incidents (incident_type, status, sort_date DESC, id DESC);
CREATE INDEX incidents_admin1_date ON incidents (admin1_pcode, status, sort_date DESC, id DESC);

-- A source is one report; several incidents can come from it and one incident
-- can gain sources as other reports confirm it.
CREATE TABLE sources (
	id        bigserial PRIMARY KEY,
	skey      text NOT NULL UNIQUE, -- the URL, or title|publisher|published when there is none
	title     text NOT NULL DEFAULT '',
	url       text NOT NULL DEFAULT '',
	publisher text NOT NULL DEFAULT '',
	published date
);

CREATE TABLE incident_sources (
	incident_id bigint NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
	source_id   bigint NOT NULL REFERENCES sources (id),
	position    integer NOT NULL,
	PRIMARY KEY (incident_id, source_id)
);
CREATE INDEX incident_sources_source ON incident_sources (source_id);

-- One row: a counter bumped by every write transaction, for ETags. Updating one
-- row serialises writers on it, so every committed write gets its own version
-- and readers in any process see it only once the data is committed.
CREATE TABLE data_version (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
INSERT INTO data_version VALUES (1, 1);
