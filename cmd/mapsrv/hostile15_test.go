package main

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// hookWriter is a migration's standard error that runs hook once, when a
// line holding mark is first written to it.
type hookWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	mark string
	hook func()
}

func (w *hookWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.hook != nil && bytes.Contains(p, []byte(w.mark)) {
		w.hook()
		w.hook = nil
	}
	return w.buf.Write(p)
}

// TestMigrate_WrittenMeanwhile edits an incident already copied while a
// migration reads the rest: no count changes, and the migration reported
// success with the edit missing from PostGIS. It must fail naming the write,
// copy nothing, and succeed once run again.
func TestMigrate_WrittenMeanwhile(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "from.db")
	src, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	storetest.Seed(t, src, 2500, rand.New(rand.NewPCG(15, 1)))
	first, err := src.Find(ctx, incidents.Filter{Status: incidents.StatusPublished, Limit: 1})
	if err != nil || len(first) != 1 {
		t.Fatalf("the first incident a migration reads: %v, %v", first, err)
	}
	id := first[0].ID
	edit := func() {
		if _, err := src.Edit(ctx, id, func(inc incidents.Incident) (incidents.Incident, error) {
			k := 777
			inc.Killed = &k
			return inc, nil
		}); err != nil {
			t.Error(err)
		}
	}
	// The progress line after the first 2,000 incidents are in PostGIS's
	// transaction: the edited incident was read before it.
	stderr := &hookWriter{mark: "migrate: 2000 of 2500", hook: edit}
	var out bytes.Buffer
	err = run(ctx, []string{"migrate", "--from", path, "--to", dsn}, func(string) string { return "" }, strings.NewReader(""), &out, stderr)
	if !errors.Is(err, errSourceWritten) {
		t.Errorf("a migration whose source was edited meanwhile: %v (%s), want %v", err, out.String(), errSourceWritten)
	}
	if stderr.hook != nil {
		t.Fatalf("no progress line %q came: %s", stderr.mark, stderr.buf.String())
	}
	dst, err := postgis.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if n, err := dst.Count(ctx); err != nil || n != 0 {
		got, _ := dst.Get(ctx, id)
		t.Errorf("PostGIS holds %d incidents after the failed migration (%v); incident %d killed %v, the source says 777", n, err, id, deref(got.Killed))
		return
	}
	if _, stderr, err := runCmd(t, "", "migrate", "--from", path, "--to", dsn); err != nil {
		t.Fatalf("migrating again, no writer: %v\n%s", err, stderr)
	}
	if got, err := dst.Get(ctx, id); err != nil || deref(got.Killed) != 777 {
		t.Errorf("incident %d in PostGIS killed %v, %v; want 777", id, deref(got.Killed), err)
	}
}

func deref(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// TestImport_ByteOrderMarks: a GeoJSON file opening with a UTF-8 byte order
// mark (Notepad and PowerShell write one) was refused by `mapsrv import` and
// `mapsrv gazetteer import` as "invalid character 'ï'", where the CSV import
// takes it; RFC 8259 lets a parser ignore it. A UTF-16 file is refused
// saying so, and nothing is stored.
func TestImport_ByteOrderMarks(t *testing.T) {
	dir := t.TempDir()
	db := dbWithOneIncident(t, dir, "bom.db")
	const mark = "\xEF\xBB\xBF"
	for name, body := range map[string]string{
		"bom.geojson": mark + `{"type":"FeatureCollection","features":[` + goodFeature + `]}`,
		"bom.ndjson":  mark + goodFeature + "\n" + goodFeature + "\n",
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(body), 0o644)
		if out, _, err := runCmd(t, "", "import", "--db", db, path); err != nil {
			t.Errorf("import %s: %v (%s)", name, err, out)
		}
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range goodFeature {
		utf16 = append(utf16, byte(r), byte(r>>8)) // the feature's text is ASCII
	}
	importsRefused(t, dir, dbWithOneIncident(t, dir, "one.db"), map[string]struct{ body, want string }{
		"utf16.ndjson": {string(utf16), "feature: invalid GeoJSON: the file opens with a UTF-16 or UTF-32 byte order mark"},
	})
	if n := countIncidents(t, db); n != 4 {
		t.Errorf("the database holds %d incidents, want 1 and the 3 imported", n)
	}

	community := `{"type":"Feature","geometry":{"type":"Point","coordinates":[36.3,33.5]},"properties":{"PCODE":"C9001",` +
		`"NAME_EN":"Qaryat Ikhtibar","NAME_ARA":"قرية","ADMIN1_COD":"SY01","LONGITUDE":36.3,"LATITUDE":33.5,"CAPIT_LVL":4}}`
	path := filepath.Join(dir, "bom-places.geojson")
	os.WriteFile(path, []byte(mark+`{"type":"FeatureCollection","features":[`+community+`]}`), 0o644)
	if out, _, err := runCmd(t, "", "gazetteer", "import", "--db", filepath.Join(dir, "g.db"), path); err != nil {
		t.Errorf("gazetteer import of a file opening with a byte order mark: %v (%s)", err, out)
	}
}

func countIncidents(t *testing.T, db string) int {
	t.Helper()
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	n, err := store.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}
