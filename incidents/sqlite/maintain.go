package sqlite

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// Backup writes a consistent copy of the database to dst with VACUUM INTO,
// while readers and writers go on. dst must not exist. The copy is written
// under another name beside dst, synced, and only then given dst's name, so
// that a backup cut short (cancelled, killed, out of disk space) never leaves
// a partial database under dst: SQLite rolls such a file back to an empty
// database, which mapsrv would open as a sound one of no incidents.
func (s *Store) Backup(ctx context.Context, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("sqlite: backup: %s already exists", dst)
	}
	part, err := partialName(dst)
	if err != nil {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	defer os.Remove(part + "-journal")
	defer os.Remove(part)
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", part); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", dst, err)
	}
	if err := syncPath(part); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", dst, err)
	}
	if err := linkNew(part, dst); err != nil {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	return syncPath(filepath.Dir(dst))
}

// partialName returns a name beside dst that no file has, for a copy being
// written: dst's own name and ".partial-" and a random number.
func partialName(dst string) (string, error) {
	for range 100 {
		name := dst + ".partial-" + strconv.FormatUint(rand.Uint64(), 36)
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
	}
	return "", fmt.Errorf("no free name beside %s", dst)
}

// linkNew gives the file at from the name to, failing if a file has that
// name, made meanwhile: a hard link, which never replaces; where the file
// system has none, a rename.
func linkNew(from, to string) error {
	err := os.Link(from, to)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	return os.Rename(from, to)
}

// syncPath flushes a file, or a directory's entries, to disk.
func syncPath(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// Check verifies the database: SQLite's integrity check, the R*Tree's own
// check, that the R*Tree holds exactly one box per incident, at its point,
// that every stored feature is what its incident encodes to, and that every
// date lies in the range writes accept.
// It returns the problems found; none means the database is sound.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	var problems []string
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, fmt.Errorf("sqlite: check: %w", err)
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return nil, err
		}
		if msg != "ok" {
			problems = append(problems, "integrity: "+msg)
		}
	}
	rows.Close()
	checks := []struct{ what, query string }{
		{"R*Tree structure", "SELECT CASE rtreecheck('incidents_rtree') WHEN 'ok' THEN 0 ELSE 1 END"},
		{"incidents without an R*Tree box", "SELECT count(*) FROM incidents AS i LEFT JOIN incidents_rtree AS r ON r.id = i.id WHERE r.id IS NULL"},
		{"R*Tree boxes without an incident", "SELECT count(*) FROM incidents_rtree AS r LEFT JOIN incidents AS i ON i.id = r.id WHERE i.id IS NULL"},
		// R*Tree coordinates are 32-bit floats: about 1e-5 degrees near Syria.
		{"R*Tree boxes away from their incident's point", `SELECT count(*) FROM incidents AS i JOIN incidents_rtree AS r ON r.id = i.id
			WHERE abs(r.min_lon - i.lon) > 1e-4 OR abs(r.max_lon - i.lon) > 1e-4 OR abs(r.min_lat - i.lat) > 1e-4 OR abs(r.max_lat - i.lat) > 1e-4`},
	}
	checks = append(checks, outOfRangeChecks...)
	for _, c := range checks {
		var n int
		if err := s.db.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return nil, fmt.Errorf("sqlite: check %s: %w", c.what, err)
		}
		if n > 0 {
			problems = append(problems, fmt.Sprintf("%s: %d", c.what, n))
		}
	}
	stale, err := s.staleFeatures(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: check features: %w", err)
	}
	if stale > 0 {
		problems = append(problems, fmt.Sprintf("stored features that differ from their incident: %d", stale))
	}
	return problems, nil
}

// outOfRangeChecks count the dates outside the range writes accept, and the
// counts and text past the limits they accept (incidents.MaxCount and the
// byte limits, NUL): stored before these were enforced, such rows are served
// as they are, and an edit of one is refused until an editor corrects it.
var outOfRangeChecks = []struct{ what, query string }{
	{"incidents dated outside " + dateRange(), fmt.Sprintf(`SELECT count(*) FROM incidents
		WHERE date_from <> '' AND (date_from < '%s' OR date_to > '%s')`, dateBound(incidents.EarliestDate), dateBound(incidents.LatestDate))},
	{"sources published outside " + dateRange(), fmt.Sprintf(`SELECT count(*) FROM sources
		WHERE published <> '' AND (published < '%s' OR published > '%s')`, dateBound(incidents.EarliestDate), dateBound(incidents.LatestDate))},
	{"incidents outside the area mapped", fmt.Sprintf(`SELECT count(*) FROM incidents
		WHERE NOT (lon BETWEEN %g AND %g AND lat BETWEEN %g AND %g)`,
		incidents.MappedArea.Min.Lon(), incidents.MappedArea.Max.Lon(), incidents.MappedArea.Min.Lat(), incidents.MappedArea.Max.Lat())},
	{"incidents whose date precision does not fit their dates", `SELECT count(*) FROM incidents
		WHERE date_precision = 'day' AND date_from <> date_to
		OR date_precision = 'month' AND substr(date_from, 1, 7) <> substr(date_to, 1, 7)
		OR date_precision = 'year' AND substr(date_from, 1, 4) <> substr(date_to, 1, 4)`},
	{"incidents with a count over " + strconv.Itoa(incidents.MaxCount), fmt.Sprintf(`SELECT count(*) FROM incidents
		WHERE killed > %[1]d OR injured > %[1]d OR arrested > %[1]d`, incidents.MaxCount)},
	{"incidents with a name or summary over its length or holding a NUL", fmt.Sprintf(`SELECT count(*) FROM incidents
		WHERE length(CAST(place_name_ar AS BLOB)) > %[1]d OR length(CAST(place_name_en AS BLOB)) > %[1]d
		OR length(CAST(admin1_name AS BLOB)) > %[1]d OR length(CAST(summary_ar AS BLOB)) > %[2]d
		OR length(CAST(summary_en AS BLOB)) > %[2]d
		OR instr(CAST(place_name_ar || place_name_en || admin1_name || summary_ar || summary_en AS BLOB), x'00') > 0`,
		incidents.MaxNameBytes, incidents.MaxSummaryBytes)},
	{"sources with a URL, title or publisher over its length or holding a NUL", fmt.Sprintf(`SELECT count(*) FROM sources
		WHERE length(CAST(url AS BLOB)) > %d OR length(CAST(title AS BLOB)) > %d OR length(CAST(publisher AS BLOB)) > %d
		OR instr(CAST(url || title || publisher AS BLOB), x'00') > 0`,
		incidents.MaxURLBytes, incidents.MaxTitleBytes, incidents.MaxPublisherBytes)},
}

func dateBound(d time.Time) string { return d.Format(incidents.DateLayout) }

func dateRange() string {
	return dateBound(incidents.EarliestDate) + ".." + dateBound(incidents.LatestDate)
}

// staleFeatures counts the stored features of the current format that are
// not what their incident encodes to now, or not under its place key: they
// would be served in its place, or never found.
// (Missing ones are not a problem: they are encoded when read.) Each chunk
// is compared inside one transaction, so a write going on does not count.
func (s *Store) staleFeatures(ctx context.Context) (int, error) {
	stale := 0
	for after := int64(0); ; {
		last, n, err := s.staleFrom(ctx, after)
		if err != nil || last == 0 {
			return stale, err
		}
		stale, after = stale+n, last
	}
}

// staleFrom compares up to fillChunk stored features after the given ID. It
// returns the last ID compared, 0 when none was left.
func (s *Store) staleFrom(ctx context.Context, after int64) (last int64, stale int, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, err
	}
	defer tx.Rollback()
	// Features of incidents citing a stale source are not served as stored
	// (their sources are patched until the background pass encodes them
	// again), so they are not compared either.
	rows, err := tx.QueryContext(ctx, `SELECT f.id, f.place_key, f.json FROM incident_features AS f
		WHERE f.id > ? AND f.format = ? AND NOT EXISTS (SELECT 1 FROM incident_sources AS l
			JOIN stale_sources AS t ON t.source_id = l.source_id WHERE l.incident_id = f.id)
		ORDER BY f.id LIMIT ?`, after, feature.Format, fillChunk)
	if err != nil {
		return 0, 0, err
	}
	stored, keys := map[int64][]byte{}, map[int64]int64{}
	var ids []int64
	for rows.Next() {
		var id, key int64
		var js []byte
		if err := rows.Scan(&id, &key, &js); err != nil {
			rows.Close()
			return 0, 0, err
		}
		stored[id], keys[id], ids = js, key, append(ids, id)
	}
	if err := rows.Err(); err != nil || len(ids) == 0 {
		rows.Close()
		return 0, 0, err
	}
	rows.Close()
	found, err := readIncidents(ctx, tx, ids)
	if err != nil {
		return 0, 0, err
	}
	var buf []byte
	for _, inc := range found {
		if buf, err = feature.AppendFeature(buf[:0], inc); err != nil || !bytes.Equal(buf, stored[inc.ID]) || feature.IncidentKey(inc) != keys[inc.ID] {
			stale++
		}
	}
	return ids[len(ids)-1], stale, nil
}
