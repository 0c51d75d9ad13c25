-- Text search folds case as the query does (incidents.SearchTerms: Go's
-- lower case, as PostgreSQL's lower() under a UTF-8 locale). The trigram
-- tokenizer of schema 0009 folded case itself, from SQLite's older Unicode
-- tables: 391 capitals were left as they are (İ, Cherokee, Georgian
-- Mtavruli, Osage, Adlam…), so "izmir" did not find "İzmir", while it folded
-- 56 letters the query keeps (ſ with s, ς with σ, µ with μ). The index now
-- holds the text as mapsrv_fold gives it, a function of mapsrv's (registered
-- on every connection: a write of incidents' text from another program
-- fails, saying so, rather than leaving the index behind), and the
-- tokenizer folds nothing.
DROP TRIGGER incidents_fts_insert;
DROP TRIGGER incidents_fts_update;
DROP TRIGGER incidents_fts_delete;
DROP TABLE incidents_fts;

CREATE VIRTUAL TABLE incidents_fts USING fts5(body, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');

INSERT INTO incidents_fts (rowid, body)
	SELECT id, mapsrv_fold(place_name_ar || char(10) || place_name_en || char(10) || summary_ar || char(10) || summary_en) FROM incidents;

CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents
BEGIN
	INSERT INTO incidents_fts (rowid, body)
		VALUES (NEW.id, mapsrv_fold(NEW.place_name_ar || char(10) || NEW.place_name_en || char(10) || NEW.summary_ar || char(10) || NEW.summary_en));
END;

CREATE TRIGGER incidents_fts_update AFTER UPDATE OF place_name_ar, place_name_en, summary_ar, summary_en ON incidents
BEGIN
	DELETE FROM incidents_fts WHERE rowid = OLD.id;
	INSERT INTO incidents_fts (rowid, body)
		VALUES (NEW.id, mapsrv_fold(NEW.place_name_ar || char(10) || NEW.place_name_en || char(10) || NEW.summary_ar || char(10) || NEW.summary_en));
END;

CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents
BEGIN
	DELETE FROM incidents_fts WHERE rowid = OLD.id;
END;
