package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// storedUnderOldIndex stores inc in a new database file, then puts its text
// index back as an older schema left it: the incident's column indexed as it
// is, and the schema version set to version. It returns the file's path and
// a raw handle to it, opened without mapsrv's functions.
func storedUnderOldIndex(t *testing.T, inc incidents.Incident, column string, version int) (string, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, inc)
	s.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	reset := "DELETE FROM incidents_fts; INSERT INTO incidents_fts (rowid, body) SELECT id, " + column + " FROM incidents; PRAGMA user_version = " + strconv.Itoa(version)
	if _, err := raw.Exec(reset); err != nil {
		t.Fatal(err)
	}
	return path, raw
}

// findsAfterReopen opens path with this version (which migrates it) and
// checks that a search for q finds the one incident stored.
func findsAfterReopen(t *testing.T, path, q string) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	found, err := s.Find(context.Background(), incidents.Filter{Text: q})
	if err != nil || len(found) != 1 {
		t.Errorf("q=%s after the migration: %d found, %v; want the incident stored before", q, len(found), err)
	}
}

// TestStore_SearchFoldMigration checks that schema 0013 indexes again the
// incidents stored before it, folded as searches are ("izmir" finds
// "İZMİR", which the trigram tokenizer's fold had left as it was), and that
// a program writing an incident's text without mapsrv's fold fails, naming
// the function, instead of leaving the index behind.
func TestStore_SearchFoldMigration(t *testing.T) {
	inc := incident(incidents.TypeShelling, 36.8, 35.9, "2025-03-02", "2025-03-02")
	inc.SummaryEN = "Shelling on the road to İZMİR"
	path, raw := storedUnderOldIndex(t, inc, "summary_en", 12) // this incident indexed by another fold
	if _, err := raw.Exec("UPDATE incidents SET summary_en = 'edited elsewhere'"); err == nil || !strings.Contains(err.Error(), "mapsrv_fold") {
		t.Errorf("a write of text from a program without mapsrv_fold: %v, want an error naming it", err)
	}
	findsAfterReopen(t, path, "izmir")
}

// TestStore_SearchWithoutMarksMigration checks that schema 0015 indexes
// again the incidents stored before it without their format characters: a
// place stored as "زر" ZWNJ "دنا" is found by زردنا once the database is
// opened by this version.
func TestStore_SearchWithoutMarksMigration(t *testing.T) {
	inc := incident(incidents.TypeShelling, 36.8, 35.9, "2025-03-02", "2025-03-02")
	inc.PlaceNameAR = "زر\u200cدنا"
	path, _ := storedUnderOldIndex(t, inc, "place_name_ar", 14) // the mark kept in the indexed text
	findsAfterReopen(t, path, "زردنا")
}
