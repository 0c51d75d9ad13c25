-- Gazetteer places imported from datasets (OCHA CODs ...), kept as opaque
-- records that the gazetteer package encodes and decodes. Re-importing the same
-- place (same id) replaces it.
CREATE TABLE gazetteer_places (
	id     text PRIMARY KEY,
	source text NOT NULL,
	data   bytea NOT NULL
);
