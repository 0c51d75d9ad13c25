-- Each incident's GeoJSON feature, encoded by the write that writes the
-- incident (feature.AppendFeature), so that a page reads one column per
-- incident instead of twenty and its sources. format is the feature.Format
-- it was encoded under: a row of another format counts as missing, and a
-- missing feature is encoded from the row when read. Any change to an
-- incident, its source links or a source drops its feature (the write
-- encodes it again in the same transaction), whichever code path wrote it.
CREATE TABLE incident_features (
	id     bigint PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
	format integer NOT NULL,
	json   bytea NOT NULL
);

CREATE FUNCTION incident_features_drop_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM incident_features WHERE id IN (SELECT id FROM changed);
	RETURN NULL;
END $$;
CREATE TRIGGER incident_features_update AFTER UPDATE ON incidents
	REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION incident_features_drop_updated();

CREATE FUNCTION incident_features_drop_linked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM incident_features WHERE id IN (SELECT incident_id FROM changed);
	RETURN NULL;
END $$;
CREATE TRIGGER incident_features_link_insert AFTER INSERT ON incident_sources
	REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION incident_features_drop_linked();
CREATE TRIGGER incident_features_link_delete AFTER DELETE ON incident_sources
	REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION incident_features_drop_linked();

-- Which incidents each transaction changed, so that every server on the
-- database moves its in-memory index on by reading the changes since its
-- version instead of building it again, and so that the write encodes
-- their features. Triggers log them, whatever statement changed them, under
-- the transaction's ID; the write that bumps data_version records which
-- version that transaction committed (version_xids). change_log.since is the
-- version after which the log is whole: older rows are dropped now and then,
-- and an import too large to log (it sets mapsrv.bulk) moves it on.
CREATE TABLE incident_changes (
	xid         xid8   NOT NULL DEFAULT pg_current_xact_id(),
	incident_id bigint NOT NULL
);
CREATE INDEX incident_changes_xid ON incident_changes (xid);
CREATE TABLE version_xids (version bigint PRIMARY KEY, xid xid8 NOT NULL);
CREATE TABLE change_log (id integer PRIMARY KEY CHECK (id = 1), since bigint NOT NULL);
INSERT INTO change_log SELECT 1, version FROM data_version;

CREATE FUNCTION incident_changes_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('mapsrv.bulk', true) IS DISTINCT FROM 'on' THEN
		INSERT INTO incident_changes (incident_id) SELECT id FROM changed;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER incident_changes_insert AFTER INSERT ON incidents
	REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION incident_changes_log();
CREATE TRIGGER incident_changes_update AFTER UPDATE ON incidents
	REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION incident_changes_log();
CREATE TRIGGER incident_changes_delete AFTER DELETE ON incidents
	REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION incident_changes_log();

-- A source corrected in place changes what its incidents' features say:
-- they are logged as changed (the write encodes them again) and their
-- features dropped meanwhile.
CREATE FUNCTION incident_changes_source() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM incident_features WHERE id IN
		(SELECT l.incident_id FROM incident_sources AS l JOIN changed AS s ON s.id = l.source_id);
	INSERT INTO incident_changes (incident_id)
		SELECT DISTINCT l.incident_id FROM incident_sources AS l JOIN changed AS s ON s.id = l.source_id;
	RETURN NULL;
END $$;
CREATE TRIGGER incident_changes_source_update AFTER UPDATE ON sources
	REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION incident_changes_source();
