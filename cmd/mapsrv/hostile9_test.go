package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
)

// TestGazetteerImport_Spool: the records of a `gazetteer import` wait next
// to a SQLite database, not in TMPDIR (often a tmpfs: memory), and at most
// maxSpoolBytes of them, past which the import is refused, saying to import
// in parts, with nothing stored; the file is removed after. They waited in
// TMPDIR for any database and without bound: with TMPDIR unusable no import
// could run at all. On both stores (PostgreSQL's wait in TMPDIR).
func TestGazetteerImport_Spool(t *testing.T) {
	src := t.TempDir()
	file := filepath.Join(src, "communities.geojson")
	writeCommunities(t, file, 2000)
	dbDir := t.TempDir()
	sqliteDB := filepath.Join(dbDir, "g.db")
	pgDSN := ""
	if os.Getenv(pgtest.EnvVar) != "" {
		pgDSN = pgtest.DSN(t)
	}

	leftovers := func(t *testing.T, dir string) {
		t.Helper()
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), "gazetteer") {
				t.Errorf("%s left in %s", e.Name(), dir)
			}
		}
	}
	records := func(t *testing.T, db string) int {
		t.Helper()
		store, err := openStore(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		recs, err := store.PlaceRecords(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return len(recs)
	}

	t.Run("sqlite, TMPDIR unusable", func(t *testing.T) {
		t.Setenv("TMPDIR", filepath.Join(src, "no such directory"))
		if _, _, err := runCmd(t, "", "gazetteer", "import", "--db", sqliteDB, file); err != nil {
			t.Fatalf("import with TMPDIR unusable: %v; want the records to wait next to the database", err)
		}
		if n := records(t, sqliteDB); n != 1999 {
			t.Errorf("%d records stored, want 1999", n)
		}
		leftovers(t, dbDir)
	})

	maxSpoolBytes = 64 << 10
	t.Cleanup(func() { maxSpoolBytes = 1 << 30 })
	for name, db := range map[string]string{"sqlite": filepath.Join(dbDir, "bound.db"), "postgis": pgDSN} {
		t.Run(name+", over the bound", func(t *testing.T) {
			if db == "" {
				t.Skip("no PostgreSQL")
			}
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			_, _, err := runCmd(t, "", "gazetteer", "import", "--db", db, file)
			if err == nil || !strings.Contains(err.Error(), "import the files in parts") {
				t.Errorf("import of records over the bound: %v; want it refused, saying to import in parts", err)
			}
			if n := records(t, db); n != 0 {
				t.Errorf("%d records stored after a refused import; want none", n)
			}
			leftovers(t, dbDir)
			leftovers(t, tmp)
		})
	}
}
