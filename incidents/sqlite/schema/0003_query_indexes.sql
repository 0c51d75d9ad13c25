-- Indexes for a million incidents (issue 6).
--
-- The listing order is (date_to DESC, id DESC). The two covering indexes hold,
-- after that order, every column a filter tests, so that walking newest-first
-- through a big box tests each entry in the index and reads a table row only
-- for a match (SQLite defers the seek). They replace the narrow ones of 0001.
-- The second serves a filter on one type. incidents_date_cover also answers
-- the aggregate endpoint without reading table rows.
DROP INDEX incidents_status_date;
DROP INDEX incidents_type_date;
CREATE INDEX incidents_date_cover ON incidents
	(status, date_to DESC, id DESC, lon, lat, incident_type, date_from, admin1_pcode);
CREATE INDEX incidents_type_cover ON incidents
	(status, incident_type, date_to DESC, id DESC, lon, lat, date_from, admin1_pcode);

-- The longest date range of any incident, in days: an upper bound (never
-- lowered by deletes) that turns "date_from <= end" into the index range
-- "date_to <= end + max_days", so that an old period is not found by walking
-- through every newer incident.
CREATE TABLE date_span (id INTEGER PRIMARY KEY CHECK (id = 1), max_days INTEGER NOT NULL);
INSERT INTO date_span
	SELECT 1, coalesce(max(CAST(julianday(date_to) - julianday(date_from) AS INTEGER)), 0)
	FROM incidents WHERE date_from <> '';

CREATE TRIGGER incidents_span_insert AFTER INSERT ON incidents
	WHEN NEW.date_from <> '' AND
		julianday(NEW.date_to) - julianday(NEW.date_from) > (SELECT max_days FROM date_span WHERE id = 1)
BEGIN
	UPDATE date_span SET max_days = CAST(julianday(NEW.date_to) - julianday(NEW.date_from) AS INTEGER) WHERE id = 1;
END;

CREATE TRIGGER incidents_span_update AFTER UPDATE OF date_from, date_to ON incidents
	WHEN NEW.date_from <> '' AND
		julianday(NEW.date_to) - julianday(NEW.date_from) > (SELECT max_days FROM date_span WHERE id = 1)
BEGIN
	UPDATE date_span SET max_days = CAST(julianday(NEW.date_to) - julianday(NEW.date_from) AS INTEGER) WHERE id = 1;
END;
