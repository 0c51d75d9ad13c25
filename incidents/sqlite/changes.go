package sqlite

import (
	"context"
	"database/sql"

	"github.com/mapsrv/mapsrv/incidents/index"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
)

// The change log (schema/0005_changes.sql) records, in each write's
// transaction, the incidents it changed under the version it commits. A
// process whose index is older than the data reads what changed since and
// applies it, where it used to build the index again: another process's
// writes (an import while serving, a second server on the file) cost a
// millisecond instead of a second.

// The change log's limits are the keeper's (snapshot.LogLimit and the
// others): an import of more than LogLimit incidents is not logged one by
// one but moves change_log.since on.

// logChanges records in tx what w changed under version, the one the write
// commits.
func logChanges(ctx context.Context, tx *sql.Tx, w *writer, version int64) error {
	var err error
	switch {
	case w.bulk && w.bulkCount > snapshot.LogLimit:
		_, err = tx.ExecContext(ctx, "UPDATE change_log SET since = max(since, ?) WHERE id = 1", version)
	case w.bulk:
		_, err = tx.ExecContext(ctx, "INSERT OR IGNORE INTO incident_changes SELECT ?, id FROM incidents WHERE id > ?", version, w.bulkAfter)
	default:
		_, err = tx.ExecContext(ctx, "INSERT OR IGNORE INTO incident_changes SELECT ?, value FROM json_each(?)", version, idList(w.changed))
	}
	if err != nil || version%snapshot.PruneEvery != 0 {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM incident_changes WHERE version <= ?", version-snapshot.KeepVersions); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE change_log SET since = max(since, ?) WHERE id = 1", version-snapshot.KeepVersions)
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
	return snapshot.ScanChanges(rows, most)
}
