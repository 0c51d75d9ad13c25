package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// TestStore_SearchFoldMigration checks that schema 0013 indexes again the
// incidents stored before it, folded as searches are ("izmir" finds
// "İZMİR", which the trigram tokenizer's fold had left as it was), and that
// a program writing an incident's text without mapsrv's fold fails, naming
// the function, instead of leaving the index behind.
func TestStore_SearchFoldMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fold.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	inc := incident(incidents.TypeShelling, 36.8, 35.9, "2025-03-02", "2025-03-02")
	inc.SummaryEN = "Shelling on the road to İZMİR"
	mustAdd(t, s, inc)
	s.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// the index as schema 0012 left it: this incident indexed by another fold
	if _, err := raw.Exec("DELETE FROM incidents_fts; INSERT INTO incidents_fts (rowid, body) SELECT id, summary_en FROM incidents; PRAGMA user_version = 12"); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE incidents SET summary_en = 'edited elsewhere'"); err == nil || !strings.Contains(err.Error(), "mapsrv_fold") {
		t.Errorf("a write of text from a program without mapsrv_fold: %v, want an error naming it", err)
	}
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	found, err := s.Find(ctx, incidents.Filter{Text: "izmir"})
	if err != nil || len(found) != 1 {
		t.Errorf("q=izmir after the migration: %d found, %v; want the incident stored before", len(found), err)
	}
}

// TestStore_SearchWithoutMarksMigration checks that schema 0015 indexes
// again the incidents stored before it without their format characters: a
// place stored as "زر" ZWNJ "دنا" is found by زردنا once the database is
// opened by this version.
func TestStore_SearchWithoutMarksMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "marks.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	inc := incident(incidents.TypeShelling, 36.8, 35.9, "2025-03-02", "2025-03-02")
	inc.PlaceNameAR = "زر\u200cدنا"
	mustAdd(t, s, inc)
	s.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// the index as schema 0014 left it: the mark kept in the indexed text
	if _, err := raw.Exec("DELETE FROM incidents_fts; INSERT INTO incidents_fts (rowid, body) SELECT id, place_name_ar FROM incidents; PRAGMA user_version = 14"); err != nil {
		t.Fatal(err)
	}
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	found, err := s.Find(ctx, incidents.Filter{Text: "زردنا"})
	if err != nil || len(found) != 1 {
		t.Errorf("q=زردنا after the migration: %d found, %v; want the incident stored before", len(found), err)
	}
}
