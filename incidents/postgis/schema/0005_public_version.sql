-- The version of what the public reads: it moves only with writes that
-- change a published incident (its row, its source links, or what one of its
-- sources says). Statement triggers note such a write in a transaction-local
-- setting, and the write's last statement, which bumps version, sets
-- public_version to the same value when it is set. Public ETags and the
-- response cache follow it: a new draft, an edit of one or a rejected report
-- changes neither.
ALTER TABLE data_version ADD COLUMN public_version bigint NOT NULL DEFAULT 0;
UPDATE data_version SET public_version = version;

CREATE FUNCTION mapsrv_incidents_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		IF EXISTS (SELECT 1 FROM new_rows WHERE status = 'published') THEN
			PERFORM set_config('mapsrv.public_write', 'on', true);
		END IF;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		IF EXISTS (SELECT 1 FROM old_rows WHERE status = 'published') THEN
			PERFORM set_config('mapsrv.public_write', 'on', true);
		END IF;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER public_incident_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION mapsrv_incidents_public();
CREATE TRIGGER public_incident_update AFTER UPDATE ON incidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION mapsrv_incidents_public();
CREATE TRIGGER public_incident_delete AFTER DELETE ON incidents REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION mapsrv_incidents_public();

CREATE FUNCTION mapsrv_links_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		IF EXISTS (SELECT 1 FROM new_rows AS l JOIN incidents AS i ON i.id = l.incident_id WHERE i.status = 'published') THEN
			PERFORM set_config('mapsrv.public_write', 'on', true);
		END IF;
	ELSIF EXISTS (SELECT 1 FROM old_rows AS l JOIN incidents AS i ON i.id = l.incident_id WHERE i.status = 'published') THEN
		PERFORM set_config('mapsrv.public_write', 'on', true);
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER public_link_insert AFTER INSERT ON incident_sources REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION mapsrv_links_public();
CREATE TRIGGER public_link_delete AFTER DELETE ON incident_sources REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION mapsrv_links_public();

CREATE FUNCTION mapsrv_sources_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM new_rows AS s JOIN incident_sources AS l ON l.source_id = s.id
		JOIN incidents AS i ON i.id = l.incident_id WHERE i.status = 'published') THEN
		PERFORM set_config('mapsrv.public_write', 'on', true);
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER public_source_update AFTER UPDATE ON sources REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION mapsrv_sources_public();
