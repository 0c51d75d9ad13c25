-- The stored features are written in order of place key now (features.go:
-- the fill lists missing features a window at a time and inserts them in
-- that order), so that the features of one area share pages of the table.
-- Those stored before lie in the order they were written, mostly by ID:
-- they are dropped, and the store fills the table again in the background
-- from the rows (the features are an accelerator, never the only copy),
-- encoding meanwhile what a page misses. PostgreSQL keeps no order as rows
-- are written later; docs/DEPLOY.md says how to lay them out again.
TRUNCATE incident_features;
