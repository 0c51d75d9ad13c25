-- The version of what the public reads: it moves only with writes that
-- change a published incident (its row, its source links, or what one of its
-- sources says), to the version that write commits (writes bump version last,
-- so that is version + 1 while they run). Public ETags and the response cache
-- follow it: a new draft, an edit of one or a rejected report changes neither.
ALTER TABLE data_version ADD COLUMN public_version INTEGER NOT NULL DEFAULT 0;
UPDATE data_version SET public_version = version;

CREATE TRIGGER public_incident_insert AFTER INSERT ON incidents
	WHEN NEW.status = 'published'
BEGIN
	UPDATE data_version SET public_version = version + 1 WHERE id = 1 AND public_version <> version + 1;
END;

CREATE TRIGGER public_incident_update AFTER UPDATE ON incidents
	WHEN NEW.status = 'published' OR OLD.status = 'published'
BEGIN
	UPDATE data_version SET public_version = version + 1 WHERE id = 1 AND public_version <> version + 1;
END;

CREATE TRIGGER public_incident_delete AFTER DELETE ON incidents
	WHEN OLD.status = 'published'
BEGIN
	UPDATE data_version SET public_version = version + 1 WHERE id = 1 AND public_version <> version + 1;
END;

CREATE TRIGGER public_link_insert AFTER INSERT ON incident_sources
	WHEN (SELECT status FROM incidents WHERE id = NEW.incident_id) = 'published'
BEGIN
	UPDATE data_version SET public_version = version + 1 WHERE id = 1 AND public_version <> version + 1;
END;

CREATE TRIGGER public_link_delete AFTER DELETE ON incident_sources
	WHEN (SELECT status FROM incidents WHERE id = OLD.incident_id) = 'published'
BEGIN
	UPDATE data_version SET public_version = version + 1 WHERE id = 1 AND public_version <> version + 1;
END;

CREATE TRIGGER public_source_update AFTER UPDATE ON sources
	WHEN EXISTS (SELECT 1 FROM incident_sources AS l JOIN incidents AS i ON i.id = l.incident_id
		WHERE l.source_id = NEW.id AND i.status = 'published')
BEGIN
	UPDATE data_version SET public_version = version + 1 WHERE id = 1 AND public_version <> version + 1;
END;
