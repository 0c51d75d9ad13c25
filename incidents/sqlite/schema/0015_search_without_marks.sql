-- Text search leaves out the invisible format characters (Unicode's Cf:
-- U+200F and U+200E, U+061C, ZWNJ and ZWJ, bidi embeddings, overrides and
-- isolates, the soft hyphen, a BOM) in the index as in a query: mapsrv_fold
-- (incidents.FoldText) drops them now. A query dropped them since round 22
-- while the index kept them, so an incident whose place or summary held one
-- inside a word ("كفر" U+200F "نبودة", "Kafr" U+00AD "nabudah") was found by
-- no query at all. The incidents indexed before are indexed again.
DELETE FROM incidents_fts;

INSERT INTO incidents_fts (rowid, body)
	SELECT id, mapsrv_fold(place_name_ar || char(10) || place_name_en || char(10) || summary_ar || char(10) || summary_en) FROM incidents;
