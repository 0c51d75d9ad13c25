package main

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
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
