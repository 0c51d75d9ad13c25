package main

import (
	"bufio"
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
)

// writeCommunities writes an OCHA-like communities file of n features, the
// first and the last of one P-code (named First and Last), and returns its
// size.
func writeCommunities(t testing.TB, path string, n int) int64 {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(`{"type":"FeatureCollection","name":"communities","features":[`)
	for i := range n {
		if i > 0 {
			w.WriteByte(',')
		}
		pcode, name := fmt.Sprintf("C9%06d", i), fmt.Sprintf("Qaryat Ikhtibar %d", i)
		switch i {
		case 0:
			pcode, name = "C9999999", "First"
		case n - 1:
			pcode, name = "C9999999", "Last"
		}
		lon, lat := 36+float64(i%1000)/1000, 33+float64(i/1000%1000)/1000
		fmt.Fprintf(w, `{"type":"Feature","geometry":{"type":"Point","coordinates":[%g,%g]},"properties":{"PCODE":"%s","NAME_EN":"%s","NAME_ARA":"قرية %d","ADMIN1_COD":"SY01","ADMIN2_COD":"SY0100","ADMIN2_EN":"Damascus","ADMIN3_COD":"SY010000","ADMIN3_EN":"Damascus","LONGITUDE":%g,"LATITUDE":%g,"CAPIT_LVL":4}}`,
			lon, lat, pcode, name, i, lon, lat)
	}
	w.WriteString(`]}`)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	f.Close()
	return st.Size()
}

// TestGazetteerImport_BoundedMemory: `mapsrv gazetteer import` reads its
// files a feature at a time, so that what it holds does not grow with them.
// It read each whole, decoded it whole and kept every record of every file
// until the one transaction that stores them (200,000 communities: 616 MB).
// The records are stored as before, on both stores: every one, the last of
// a P-code given twice winning, and none when a later file is refused.
func TestGazetteerImport_BoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 60,000 communities")
	}
	dir := t.TempDir()
	const n = 60_000
	big := filepath.Join(dir, "communities.geojson")
	size := writeCommunities(t, big, n)
	bad := filepath.Join(dir, "bad.geojson")
	os.WriteFile(bad, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[36,33]},"properties":{"PCODE":"C8001","NAME_EN":"Far","LONGITUDE":500,"LATITUDE":33}}]}`), 0o644)

	check := func(t *testing.T, db string) {
		// A later file refused: nothing of the first is stored.
		if _, _, err := runCmd(t, "", "gazetteer", "import", "--db", db, big, bad); err == nil || !strings.Contains(err.Error(), "bad.geojson: ocha: feature 1") {
			t.Fatalf("import of a good file and a bad one: %v; want the bad one named", err)
		}
		store, err := openStore(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		if recs, err := store.PlaceRecords(context.Background()); err != nil || len(recs) != 0 {
			t.Errorf("after a refused import: %d records, %v; want none", len(recs), err)
		}
		store.Close()

		var out, errOut string
		held := peakLiveHeap(func() {
			out, errOut, err = runCmd(t, "", "gazetteer", "import", "--db", db, big)
		})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d communities, %d MB: live heap at most %d MB over the start; %s%s", n, size>>20, held>>20, errOut, out)
		if want := fmt.Sprintf("%s: %d records", big, n); !strings.Contains(errOut, want) {
			t.Errorf("stderr %q; want %q", errOut, want)
		}
		if want := fmt.Sprintf("imported %d gazetteer records", n); !strings.Contains(out, want) {
			t.Errorf("stdout %q; want %q", out, want)
		}
		// Read whole, the file alone is held; decoded, some ten times it.
		if limit := size / 2; held > limit {
			t.Errorf("gazetteer import of %d MB held %d MB of live heap; want at most %d MB", size>>20, held>>20, limit>>20)
		}
		store, err = openStore(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		recs, err := store.PlaceRecords(context.Background())
		if err != nil || len(recs) != n-1 {
			t.Fatalf("%d records stored, %v; want %d", len(recs), err, n-1)
		}
		for _, r := range recs {
			if r.ID == "ocha:C9999999" {
				p, err := gazetteer.UnmarshalPlace(r.Data)
				if err != nil || p.NameEN != "Last" {
					t.Errorf("a P-code given twice stored as %q, %v; want the last, Last", p.NameEN, err)
				}
			}
		}
	}
	t.Run("sqlite", func(t *testing.T) { check(t, filepath.Join(dir, "g.db")) })
	t.Run("postgis", func(t *testing.T) { check(t, pgtest.DSN(t)) })
}

// TestGazetteerImport_FeaturesTwice: a FeatureCollection with two
// "features" arrays is refused, naming the member. Read whole, the first
// array was dropped unread (encoding/json keeps the last member of a name).
func TestGazetteerImport_FeaturesTwice(t *testing.T) {
	dir := t.TempDir()
	community := `{"type":"Feature","geometry":{"type":"Point","coordinates":[36.3,33.5]},"properties":{"PCODE":"C9001","NAME_EN":"Qaryat Ikhtibar","ADMIN1_COD":"SY01","LONGITUDE":36.3,"LATITUDE":33.5}}`
	path := filepath.Join(dir, "twice.geojson")
	os.WriteFile(path, []byte(`{"type":"FeatureCollection","features":[`+community+`],"features":[`+strings.ReplaceAll(community, "C9001", "C9002")+`]}`), 0o644)
	_, _, err := runCmd(t, "", "gazetteer", "import", "--db", filepath.Join(dir, "g.db"), path)
	if err == nil || !strings.Contains(err.Error(), `member "features" given twice`) {
		t.Errorf("two features arrays: %v; want them refused", err)
	}
}

// TestCheck_FoldingOfTheDatabase: `mapsrv check` (and serve, in its log)
// warns of a PostGIS database whose lower() folds ASCII only (LC_CTYPE C).
// Stored text is folded by lower() and a search query in Go, so that there
// text search missed words with capitals beyond ASCII, and nothing said so.
func TestCheck_FoldingOfTheDatabase(t *testing.T) {
	good := pgtest.DSN(t) // skips without a server
	ctx := context.Background()
	base := os.Getenv(pgtest.EnvVar)
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("mapsrv_ctype_c_%d", time.Now().UnixNano())
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)") })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	cdb := u.String()
	conn, err := pgx.Connect(ctx, cdb)
	if err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{"postgis", "pg_trgm"} {
		if _, err := conn.Exec(ctx, "CREATE EXTENSION "+ext); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close(ctx)

	const warning = `warning: the database folds case under LC_CTYPE "C"`
	out, _, err := runCmd(t, "", "check", "--db", cdb)
	if err != nil || !strings.Contains(out, warning) {
		t.Errorf("check of a database under LC_CTYPE C: %v, %q; want %q", err, out, warning)
	}
	out, _, err = runCmd(t, "", "check", "--db", good)
	if err != nil || strings.Contains(out, "warning:") {
		t.Errorf("check of a database under C.UTF-8: %v, %q; want no warning", err, out)
	}
}
