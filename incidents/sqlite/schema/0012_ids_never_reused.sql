-- An ID names one incident, and one proposal, for good. A rowid table gives
-- the largest rowid plus one, so once the incident (or proposal) holding the
-- largest ID was deleted the next one took its number: a deleted incident's
-- public URL, an editor's open form, a stale review list then reached
-- another. PostgreSQL's sequences never give a number twice; here the
-- largest ID ever deleted is kept, and inserts count on from it (add.go,
-- reports.go). IDs deleted before this migration are not known.
CREATE TABLE id_high_water (
	tbl TEXT PRIMARY KEY,
	id  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO id_high_water (tbl, id) VALUES ('incidents', 0), ('source_proposals', 0);

CREATE TRIGGER incidents_id_high_water AFTER DELETE ON incidents
BEGIN
	UPDATE id_high_water SET id = OLD.id WHERE tbl = 'incidents' AND id < OLD.id;
END;

CREATE TRIGGER source_proposals_id_high_water AFTER DELETE ON source_proposals
BEGIN
	UPDATE id_high_water SET id = OLD.id WHERE tbl = 'source_proposals' AND id < OLD.id;
END;
