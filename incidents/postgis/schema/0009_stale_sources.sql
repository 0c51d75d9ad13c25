-- A source corrected in place (an editor's new title, publisher or date)
-- changes the feature of every incident citing it. The write used to drop
-- them, log them as changed and encode every one in its own transaction:
-- 20,000 incidents citing one dataset's URL made each correction hold
-- its transaction for seconds. Now, when more than 200 incidents cite it
-- (incidents.CitingEncodedAtOnce), the write only names the source here
-- (marker tells one correction from the next: the correcting
-- transaction's ID) and leaves the stored features as they are; readers
-- never serve the stored feature of an incident citing a source named
-- here, but encode it from its row, and a background pass (features.go)
-- encodes them again in short transactions, then removes the row if no
-- correction came since. The points of the incidents do not change, so
-- the change log need not name them.
CREATE TABLE stale_sources (
	source_id bigint PRIMARY KEY,
	marker    bigint NOT NULL
);

CREATE OR REPLACE FUNCTION incident_changes_source() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	INSERT INTO stale_sources (source_id, marker)
		SELECT s.id, txid_current() FROM changed AS s
		WHERE EXISTS (SELECT 1 FROM stale_sources AS t WHERE t.source_id = s.id)
			OR (SELECT count(*) FROM (SELECT 1 FROM incident_sources AS l WHERE l.source_id = s.id LIMIT 201) AS c) > 200
		ON CONFLICT (source_id) DO UPDATE SET marker = excluded.marker;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n > 0 THEN
		PERFORM set_config('mapsrv.stale_sources', 'on', true);
	END IF;
	DELETE FROM incident_features WHERE id IN
		(SELECT l.incident_id FROM incident_sources AS l JOIN changed AS s ON s.id = l.source_id
			WHERE NOT EXISTS (SELECT 1 FROM stale_sources AS t WHERE t.source_id = s.id));
	INSERT INTO incident_changes (incident_id)
		SELECT DISTINCT l.incident_id FROM incident_sources AS l JOIN changed AS s ON s.id = l.source_id
			WHERE NOT EXISTS (SELECT 1 FROM stale_sources AS t WHERE t.source_id = s.id);
	RETURN NULL;
END $$;
