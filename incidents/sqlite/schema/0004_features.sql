-- Each incident's GeoJSON feature, encoded when the incident is written
-- (feature.AppendFeature), so that a page of items reads one column per
-- incident instead of twenty and its sources. format is the feature.Format
-- it was encoded under: a row of another format counts as missing. A missing
-- feature is encoded from the incident's row when read, so the table is an
-- accelerator and never the only copy of anything; the store fills it for
-- incidents written before it existed.
CREATE TABLE incident_features (
	id     INTEGER PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
	format INTEGER NOT NULL,
	json   BLOB NOT NULL
);

-- Any change to an incident or to what its sources say drops its feature
-- (the store encodes it again in the same transaction), so that a stale one
-- is never served whichever code path wrote the change.
CREATE TRIGGER incident_features_update AFTER UPDATE ON incidents
BEGIN
	DELETE FROM incident_features WHERE id = OLD.id;
END;

CREATE TRIGGER incident_features_link_insert AFTER INSERT ON incident_sources
BEGIN
	DELETE FROM incident_features WHERE id = NEW.incident_id;
END;

CREATE TRIGGER incident_features_link_delete AFTER DELETE ON incident_sources
BEGIN
	DELETE FROM incident_features WHERE id = OLD.incident_id;
END;

CREATE TRIGGER incident_features_source_update AFTER UPDATE ON sources
BEGIN
	DELETE FROM incident_features WHERE id IN (SELECT incident_id FROM incident_sources WHERE source_id = OLD.id);
END;
