package sqlite

import (
	"context"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the database to dst with VACUUM INTO,
// while readers and writers go on. dst must not exist.
func (s *Store) Backup(ctx context.Context, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("sqlite: backup: %s already exists", dst)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", dst, err)
	}
	return nil
}

// Check verifies the database: SQLite's integrity check, the R*Tree's own
// check, and that the R*Tree holds exactly one box per incident, at its point.
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
	for _, c := range checks {
		var n int
		if err := s.db.QueryRowContext(ctx, c.query).Scan(&n); err != nil {
			return nil, fmt.Errorf("sqlite: check %s: %w", c.what, err)
		}
		if n > 0 {
			problems = append(problems, fmt.Sprintf("%s: %d", c.what, n))
		}
	}
	return problems, nil
}
