-- A source corrected in place (an editor's new title, publisher or date)
-- changes the feature of every incident citing it. The write used to drop
-- and encode every one of them in its own transaction: 20,000 incidents
-- citing one dataset's URL made each correction take 0.5-0.8 s, holding the
-- one writer. Now, when more than 200 incidents cite it, the write only
-- names the source here (marker tells one correction from the next: the
-- data version the correcting write moves on from) and leaves the stored
-- features as they are; readers never serve the stored feature of an
-- incident citing a source named here, but encode it from its row, and a
-- background pass (fill.go) encodes them again in short transactions, then
-- removes the row if no correction came since. 200 is
-- incidents.CitingEncodedAtOnce.
CREATE TABLE IF NOT EXISTS stale_sources (
	source_id INTEGER PRIMARY KEY,
	marker    INTEGER NOT NULL
);

DROP TRIGGER IF EXISTS incident_features_source_update;
CREATE TRIGGER incident_features_source_update AFTER UPDATE ON sources
BEGIN
	INSERT INTO stale_sources (source_id, marker)
		SELECT NEW.id, (SELECT version FROM data_version WHERE id = 1)
		WHERE EXISTS (SELECT 1 FROM stale_sources WHERE source_id = NEW.id)
			OR (SELECT count(*) FROM (SELECT 1 FROM incident_sources WHERE source_id = NEW.id LIMIT 201)) > 200
		ON CONFLICT (source_id) DO UPDATE SET marker = excluded.marker;
	DELETE FROM incident_features WHERE id IN (SELECT incident_id FROM incident_sources WHERE source_id = OLD.id)
		AND NOT EXISTS (SELECT 1 FROM stale_sources WHERE source_id = NEW.id);
END;
