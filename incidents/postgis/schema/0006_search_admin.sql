-- District P-codes, text search and counts by admin area (issue 15).

-- The OCHA district (admin-2) of an incident's point, set by the store from
-- the gazetteer's outlines when the incident is finer than its governorate;
-- '' when unknown or not placed within one.
ALTER TABLE incidents ADD COLUMN admin2_pcode text NOT NULL DEFAULT '';

-- Counts per governorate or district (choropleth maps) by index-only scans.
CREATE INDEX incidents_admin_cover ON incidents (status, admin1_pcode, admin2_pcode)
	INCLUDE (killed, date_from, date_to, incident_type, lon, lat);

-- Text search: substrings of the place names and summaries through a
-- trigram index, so that a word matches inside another as Arabic writes it
-- (سراقب in بسراقب) and in any script. mapsrv_fold folds the text as
-- incidents.FoldArabic folds queries (hamza seats, alef maqsura, taa
-- marbuta; diacritics and tatweel dropped) and lower-cases it; queries use
-- the same expression, which the index covers.
-- pg_trgm is created where postgis lives, not in the first schema of the
-- search_path: mapsrv's tables may have a schema of their own, and an
-- extension in it would go with it.
DO $$
DECLARE home text;
BEGIN
	SELECT n.nspname INTO home FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace
		WHERE e.extname = 'postgis';
	EXECUTE format('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA %I', coalesce(home, 'public'));
END
$$;

CREATE FUNCTION mapsrv_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN lower(translate($1, 'أإآٱىئةؤًٌٍَُِّْٰـ', 'ااااييهو'));

-- The operator class is named with the schema pg_trgm lives in, which need
-- not be on this connection's search_path.
DO $$
DECLARE trgm text;
BEGIN
	SELECT n.nspname INTO trgm FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace
		WHERE e.extname = 'pg_trgm';
	EXECUTE format('CREATE INDEX incidents_text_trgm ON incidents USING gin (%s %I.gin_trgm_ops)',
		'mapsrv_fold(place_name_ar || E''\n'' || place_name_en || E''\n'' || summary_ar || E''\n'' || summary_en)', trgm);
END
$$;
