-- incident_features again, now stored under feature.PlaceKey: a key made of
-- the incident's place (a Z-order cell of about 200 m) above its ID. A page
-- of a map view reads the features of incidents near each other; stored by
-- ID they lay scattered over the whole table, one disk page each, and now
-- they lie together. id stays unique: the triggers of 0004, the fill and
-- the foreign key find a feature by it.
--
-- The features are dropped rather than copied: the key is computed in Go,
-- and the store fills the table again in the background from the rows (it is
-- an accelerator, never the only copy), encoding meanwhile what a page
-- misses.
DROP TABLE incident_features;

CREATE TABLE incident_features (
	place_key INTEGER PRIMARY KEY,
	id        INTEGER NOT NULL UNIQUE REFERENCES incidents (id) ON DELETE CASCADE,
	format    INTEGER NOT NULL,
	json      BLOB NOT NULL
);
