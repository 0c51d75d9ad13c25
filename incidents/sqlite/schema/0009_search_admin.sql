-- District P-codes, text search and counts by admin area (issue 15).

-- The OCHA district (admin-2) of an incident's point, set by the store from
-- the gazetteer's outlines when the incident is finer than its governorate;
-- '' when unknown or not placed within one.
ALTER TABLE incidents ADD COLUMN admin2_pcode TEXT NOT NULL DEFAULT '';

-- Counts per governorate or district (choropleth maps) read this index
-- alone, in its order, without table rows.
CREATE INDEX incidents_admin_cover ON incidents
	(status, admin1_pcode, admin2_pcode, killed, date_to, date_from, incident_type, lon, lat);

-- Text search: every three-character sequence (trigram) of the place names
-- and summaries, so that a word matches inside another as Arabic writes it
-- (سراقب in بسراقب) and in any script. The text is folded first as
-- incidents.FoldArabic folds queries (hamza seats, alef maqsura, taa
-- marbuta, diacritics and tatweel); the trigram tokenizer folds case. The
-- table holds the index only (contentless): the text stays in incidents.
CREATE VIRTUAL TABLE incidents_fts USING fts5(body, content='', contentless_delete=1, tokenize='trigram');

INSERT INTO incidents_fts (rowid, body) SELECT id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(place_name_ar || char(10) || place_name_en || char(10) || summary_ar || char(10) || summary_en, 'أ', 'ا'), 'إ', 'ا'), 'آ', 'ا'), 'ٱ', 'ا'), 'ى', 'ي'), 'ئ', 'ي'), 'ة', 'ه'), 'ؤ', 'و'), 'ً', ''), 'ٌ', ''), 'ٍ', ''), 'َ', ''), 'ُ', ''), 'ِ', ''), 'ّ', ''), 'ْ', ''), 'ٰ', ''), 'ـ', '') FROM incidents;

CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents
BEGIN
	INSERT INTO incidents_fts (rowid, body) VALUES (NEW.id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.place_name_ar || char(10) || NEW.place_name_en || char(10) || NEW.summary_ar || char(10) || NEW.summary_en, 'أ', 'ا'), 'إ', 'ا'), 'آ', 'ا'), 'ٱ', 'ا'), 'ى', 'ي'), 'ئ', 'ي'), 'ة', 'ه'), 'ؤ', 'و'), 'ً', ''), 'ٌ', ''), 'ٍ', ''), 'َ', ''), 'ُ', ''), 'ِ', ''), 'ّ', ''), 'ْ', ''), 'ٰ', ''), 'ـ', ''));
END;

CREATE TRIGGER incidents_fts_update AFTER UPDATE OF place_name_ar, place_name_en, summary_ar, summary_en ON incidents
BEGIN
	DELETE FROM incidents_fts WHERE rowid = OLD.id;
	INSERT INTO incidents_fts (rowid, body) VALUES (NEW.id, replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.place_name_ar || char(10) || NEW.place_name_en || char(10) || NEW.summary_ar || char(10) || NEW.summary_en, 'أ', 'ا'), 'إ', 'ا'), 'آ', 'ا'), 'ٱ', 'ا'), 'ى', 'ي'), 'ئ', 'ي'), 'ة', 'ه'), 'ؤ', 'و'), 'ً', ''), 'ٌ', ''), 'ٍ', ''), 'َ', ''), 'ُ', ''), 'ِ', ''), 'ّ', ''), 'ْ', ''), 'ٰ', ''), 'ـ', ''));
END;

CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents
BEGIN
	DELETE FROM incidents_fts WHERE rowid = OLD.id;
END;
