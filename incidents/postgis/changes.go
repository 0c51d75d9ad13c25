package postgis

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
)

// The change log (schema/0003_features_and_changes.sql): triggers record
// the incidents every statement changes under its transaction's ID, and the
// write that commits a transaction records the data version it commits
// (version_xids). A server whose index is older than the data reads what
// changed since, with the points as they now stand, in one statement, and
// applies it: several servers on one database keep their indexes in step
// without building them again. The log lives in the database rather than
// in LISTEN/NOTIFY messages so that a server that was disconnected, or
// reads from a replica, catches up all the same (docs/DEPLOY.md).

// The change log's limits are the keeper's (snapshot.LogLimit and the
// others): a transaction changing more than LogLimit incidents is not
// logged one by one but moves change_log.since on.

// goBulk stops logging the changes of tx one by one and drops those logged:
// the version it commits moves change_log.since on instead.
func goBulk(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, "SELECT set_config('mapsrv.bulk', 'on', true)")
	if err == nil {
		_, err = tx.Exec(ctx, "DELETE FROM incident_changes WHERE xid = pg_current_xact_id()")
	}
	return err
}

// written reads the incidents tx has changed so far, with the published
// points of those, unless it changed more than snapshot.LogLimit: it then goes bulk
// and reports none.
func written(ctx context.Context, tx pgx.Tx) (changed []int64, now []index.Point, err error) {
	rows, err := tx.Query(ctx, `SELECT c.incident_id, i.lon, i.lat, i.incident_type,
		i.date_from - DATE '1970-01-01', i.date_to - DATE '1970-01-01'
		FROM (SELECT DISTINCT incident_id FROM incident_changes WHERE xid = pg_current_xact_id() LIMIT $1) AS c
		LEFT JOIN incidents AS i ON i.id = c.incident_id AND i.status = 'published'`, snapshot.LogLimit+1)
	if err != nil {
		return nil, nil, err
	}
	if changed, now, err = scanChanges(rows); err != nil {
		return nil, nil, err
	}
	if len(changed) > snapshot.LogLimit {
		return nil, nil, goBulk(ctx, tx)
	}
	return changed, now, nil
}

// bumpVersion moves the data version on, last in a write so that the row
// lock ordering writers is held only while committing, records which
// transaction committed it, and moves change_log.since on for a bulk
// write. It returns the version, whether the write went bulk and whether
// it marked a source stale (schema/0009_stale_sources.sql).
func bumpVersion(ctx context.Context, tx pgx.Tx) (version int64, bulk, staled bool, err error) {
	// A write the public can see (noted by the triggers of the public
	// version's schema) moves the public version to this write's version too.
	err = tx.QueryRow(ctx, `WITH v AS (UPDATE data_version SET version = version + 1, public_version = CASE
			WHEN current_setting('mapsrv.public_write', true) = 'on' THEN version + 1 ELSE public_version END
			WHERE id = 1 RETURNING version),
		x AS (INSERT INTO version_xids SELECT version, pg_current_xact_id() FROM v),
		b AS (SELECT current_setting('mapsrv.bulk', true) IS NOT DISTINCT FROM 'on' AS bulk),
		l AS (UPDATE change_log SET since = greatest(since, (SELECT version FROM v)) WHERE id = 1 AND (SELECT bulk FROM b))
		SELECT version, (SELECT bulk FROM b), current_setting('mapsrv.stale_sources', true) IS NOT DISTINCT FROM 'on' FROM v`).Scan(&version, &bulk, &staled)
	if err != nil || version%snapshot.PruneEvery != 0 {
		return version, bulk, staled, err
	}
	_, err = tx.Exec(ctx, `WITH old AS (DELETE FROM version_xids WHERE version <= $1 RETURNING xid),
		c AS (DELETE FROM incident_changes WHERE xid IN (SELECT xid FROM old))
		UPDATE change_log SET since = greatest(since, $1) WHERE id = 1`, version-snapshot.KeepVersions)
	return version, bulk, staled, err
}

// changesQuery reads, in one statement and so as of one moment, the data
// version, where the log begins, and up to a number of incidents changed
// after a version with their published points.
const changesQuery = `SELECT d.version, l.since, c.incident_id, i.lon, i.lat, i.incident_type,
	i.date_from - DATE '1970-01-01', i.date_to - DATE '1970-01-01'
	FROM data_version AS d CROSS JOIN change_log AS l
	LEFT JOIN (SELECT DISTINCT c.incident_id FROM version_xids AS x JOIN incident_changes AS c ON c.xid = x.xid
		WHERE x.version > $1 LIMIT $2) AS c ON true
	LEFT JOIN incidents AS i ON i.id = c.incident_id AND i.status = 'published'
	WHERE d.id = 1 AND l.id = 1`

// Changes reads what changed after version after, reading at most most
// changed incidents.
func (s pgReads) Changes(ctx context.Context, after int64, most int) (index.Changes, error) {
	rows, err := s.reads().Query(ctx, changesQuery, after, most+1)
	if err != nil {
		return index.Changes{}, err
	}
	defer rows.Close()
	return snapshot.ScanChanges(rows, most)
}

// scanChanges reads rows of an incident ID and its point columns, NULL
// when it is not published.
func scanChanges(rows pgx.Rows) (changed []int64, now []index.Point, err error) {
	defer rows.Close()
	for rows.Next() {
		var id int64
		var p pointColumns
		if err := rows.Scan(&id, &p.lon, &p.lat, &p.typ, &p.from, &p.to); err != nil {
			return nil, nil, err
		}
		changed = append(changed, id)
		if pt, ok := p.point(id); ok {
			now = append(now, pt)
		}
	}
	return changed, now, rows.Err()
}

// pointColumns are indexColumns but the ID, NULL for an incident not
// published.
type pointColumns struct {
	lon, lat *float64
	typ      *string
	from, to *int32
}

func (p pointColumns) point(id int64) (index.Point, bool) {
	if p.lon == nil || p.from == nil || p.to == nil {
		return index.Point{}, false
	}
	return index.Point{Lon: *p.lon, Lat: *p.lat, ID: id, DayFrom: *p.from, DayTo: *p.to,
		Type: index.TypeOf(incidents.Type(*p.typ))}, true
}
