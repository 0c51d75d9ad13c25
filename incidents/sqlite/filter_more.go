package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
)

// moreTerms returns the WHERE terms, on incidents aliased i, of the filters
// the snapshot cannot answer: district, killed, and words (schema 0009). A
// text that [incidents.SearchTerms] refuses matches nothing; callers taking
// it from users check it first, to say why.
func moreTerms(f incidents.Filter) ([]string, []any) {
	var where []string
	var args []any
	if f.Admin2PCode != "" {
		where, args = append(where, "i.admin2_pcode = ?"), append(args, f.Admin2PCode)
	}
	if f.MinKilled > 0 {
		where, args = append(where, "i.killed >= ?"), append(args, f.MinKilled)
	}
	if f.Text != "" {
		match, ok := ftsMatch(f.Text)
		if !ok {
			return append(where, "0"), args
		}
		where, args = append(where, "i.id IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)"), append(args, match)
	}
	return where, args
}

// ftsMatch is the FTS5 query for a text search: every word as a quoted
// string, which the trigram tokenizer matches anywhere in the text.
// SearchTerms has taken out the double quotes.
func ftsMatch(q string) (string, bool) {
	terms, err := incidents.SearchTerms(q)
	if err != nil {
		return "", false
	}
	return `"` + strings.Join(terms, `" AND "`) + `"`, true
}

// textCandidates selects the ids of the incidents whose words match q.
func textCandidates(q string) (string, []any) {
	match, ok := ftsMatch(q)
	if !ok {
		return "(SELECT 0 AS id WHERE 0) AS r CROSS JOIN incidents AS i ON i.id = r.id", nil
	}
	return "(SELECT rowid AS id FROM incidents_fts WHERE incidents_fts MATCH ?) AS r CROSS JOIN incidents AS i ON i.id = r.id", []any{match}
}

// fewTextMatches reports whether f's words match few enough incidents that
// reading them all from the text index and sorting them (byText) costs less
// than walking the date index until a page is full: the same crossover as
// [Store.planBounds]'s, with the text index's matches in place of the R*Tree's.
func (s *Store) fewTextMatches(ctx context.Context, f incidents.Filter) (bool, error) {
	match, ok := ftsMatch(f.Text)
	if !ok {
		return true, nil // nothing matches: byText finds that at once
	}
	probe := maxProbe
	if f.Limit > 0 {
		total := float64(s.rowsEstimate.Load())
		probe = min(max(int(math.Sqrt(float64(f.Limit)*total/16)), minProbe), maxProbe)
	}
	var hits int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM incidents_fts WHERE incidents_fts MATCH ? LIMIT ?)",
		match, probe).Scan(&hits)
	return hits < probe, err
}

// TextMatchesFewer reports whether fewer than most incidents, of any status,
// hold the words of text ([incidents.SearchTerms]; one it refuses matches
// none), reading at most most entries of the text index: the server lets a
// search of words few incidents hold run without waiting for a turn, as
// reading those few costs little.
func (s *Store) TextMatchesFewer(ctx context.Context, text string, most int) (bool, error) {
	match, ok := ftsMatch(text)
	if !ok {
		return true, nil
	}
	var hits int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM incidents_fts WHERE incidents_fts MATCH ? LIMIT ?)",
		match, most).Scan(&hits)
	return hits < most, err
}

// errNoFTS5 explains a build without SQLite's full-text module, which the
// schema's text index needs.
var errNoFTS5 = errors.New("this mapsrv was built without SQLite FTS5: build it with -tags sqlite_fts5 (as make does)")

// checkFTS5 fails with errNoFTS5 unless the linked SQLite has FTS5.
func checkFTS5(ctx context.Context, db *sql.DB) error {
	var on bool
	if err := db.QueryRowContext(ctx, "SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&on); err != nil {
		return err
	}
	if !on {
		return errNoFTS5
	}
	return nil
}
