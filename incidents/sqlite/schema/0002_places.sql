-- Gazetteer places imported from datasets (OCHA CODs ...), kept as opaque
-- records that the gazetteer package encodes and decodes. Re-importing the same
-- place (same id) replaces it.
CREATE TABLE gazetteer_places (
	id     TEXT PRIMARY KEY,
	source TEXT NOT NULL,
	data   BLOB NOT NULL
) WITHOUT ROWID;
