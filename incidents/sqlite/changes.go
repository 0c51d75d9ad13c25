package sqlite

import (
	"context"
	"database/sql"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// The change log (schema/0005_changes.sql) records, in each write's
// transaction, the incidents it changed under the version it commits. A
// process whose index is older than the data reads what changed since and
// applies it, where it used to build the index again: another process's
// writes (an import while serving, a second server on the file) cost a
// millisecond instead of a second.

// Change log limits: an import of more than logLimit incidents is not
// logged one by one but moves change_log.since on (indexes older than it
// are built afresh, which costs less than applying that many changes), and
// every pruneEvery versions the rows of all but the last keepVersions
// versions are dropped.
const (
	logLimit     = 10_000
	pruneEvery   = 1024
	keepVersions = 100_000
)

// logChanges records in tx what w changed under version, the one the write
// commits.
func logChanges(ctx context.Context, tx *sql.Tx, w *writer, version int64) error {
	var err error
	switch {
	case w.bulk && w.bulkCount > logLimit:
		_, err = tx.ExecContext(ctx, "UPDATE change_log SET since = max(since, ?) WHERE id = 1", version)
	case w.bulk:
		_, err = tx.ExecContext(ctx, "INSERT OR IGNORE INTO incident_changes SELECT ?, id FROM incidents WHERE id > ?", version, w.bulkAfter)
	default:
		_, err = tx.ExecContext(ctx, "INSERT OR IGNORE INTO incident_changes SELECT ?, value FROM json_each(?)", version, idList(w.changed))
	}
	if err != nil || version%pruneEvery != 0 {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM incident_changes WHERE version <= ?", version-keepVersions); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE change_log SET since = max(since, ?) WHERE id = 1", version-keepVersions)
	return err
}

// changesQuery reads, in one statement and so as of one moment, the data
// version, where the log begins, and up to a number of incidents changed
// after a version with their published points.
const changesQuery = `SELECT d.version, l.since, c.incident_id, i.lon, i.lat, i.incident_type,
	unixepoch(i.date_from) / 86400, unixepoch(i.date_to) / 86400
	FROM data_version AS d CROSS JOIN change_log AS l
	LEFT JOIN (SELECT DISTINCT incident_id FROM incident_changes WHERE version > ? LIMIT ?) AS c ON 1
	LEFT JOIN incidents AS i ON i.id = c.incident_id AND i.status = 'published'
	WHERE d.id = 1 AND l.id = 1`

// Changes reads what changed after version after, reading at most most
// changed incidents.
func (s sqlReads) Changes(ctx context.Context, after int64, most int) (index.Changes, error) {
	rows, err := s.db.QueryContext(ctx, changesQuery, after, most+1)
	if err != nil {
		return index.Changes{}, err
	}
	defer rows.Close()
	var c index.Changes
	for rows.Next() {
		var id sql.NullInt64
		var lon, lat sql.NullFloat64
		var typ sql.NullString
		var from, to sql.NullInt32
		if err := rows.Scan(&c.Version, &c.Since, &id, &lon, &lat, &typ, &from, &to); err != nil {
			return index.Changes{}, err
		}
		if !id.Valid {
			continue
		}
		c.Changed = append(c.Changed, id.Int64)
		if lon.Valid {
			c.Now = append(c.Now, index.Point{Lon: lon.Float64, Lat: lat.Float64, ID: id.Int64,
				DayFrom: from.Int32, DayTo: to.Int32, Type: index.TypeOf(incidents.Type(typ.String))})
		}
	}
	c.More = len(c.Changed) > most
	return c, rows.Err()
}
