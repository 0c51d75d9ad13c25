package postgis_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

func mustOpen(tb testing.TB, dsn string) *postgis.Store {
	tb.Helper()
	s, err := postgis.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// TestStore holds the PostGIS store to the behaviour every backend shares.
func TestStore(t *testing.T) {
	pgtest.DSN(t) // skip the whole suite at once when there is no server
	storetest.Run(t, func(t *testing.T) incidents.Store { return mustOpen(t, pgtest.DSN(t)) })
}

// TestStore_SharedDatabase: two stores on one database stand for two mapsrv
// processes; each sees the other's writes and the version they read agrees.
func TestStore_SharedDatabase(t *testing.T) {
	dsn := pgtest.DSN(t)
	a, b := mustOpen(t, dsn), mustOpen(t, dsn)
	ctx := context.Background()
	v0, _ := b.Version(ctx)
	ids, err := a.Add(ctx, []incidents.Incident{storetest.Incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24")})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := b.Get(ctx, ids[0]); err != nil || got.Type != incidents.TypeArrest {
		t.Errorf("the other store's Get = %+v, %v", got, err)
	}
	va, _ := a.Version(ctx)
	vb, _ := b.Version(ctx)
	if vb <= v0 || va != vb {
		t.Errorf("versions after a write: writer %d, other %d, before %d; want equal and moved", va, vb, v0)
	}
}

// TestStore_ConcurrentWriters: writers in several stores never lose a write or
// share a version, and concurrent imports citing the same sources link them.
func TestStore_ConcurrentWriters(t *testing.T) {
	dsn := pgtest.DSN(t)
	stores := []*postgis.Store{mustOpen(t, dsn), mustOpen(t, dsn), mustOpen(t, dsn)}
	ctx := context.Background()
	v0, _ := stores[0].Version(ctx)
	var wg sync.WaitGroup
	errs := make(chan error, 30)
	for w := range 30 {
		wg.Go(func() {
			inc := storetest.Incident(incidents.TypeClash, 36+float64(w)/100, 35, "2025-03-01", "2025-03-01")
			inc.Sources = []incidents.Source{{Title: "shared", URL: "https://example.org/shared"}}
			if _, err := stores[w%3].Add(ctx, []incidents.Incident{inc}); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n, _ := stores[1].Count(ctx); n != 30 {
		t.Errorf("Count = %d, want 30", n)
	}
	if v, _ := stores[2].Version(ctx); v != v0+30 {
		t.Errorf("version = %d after 30 writes from %d, want %d", v, v0, v0+30)
	}
	if found, _ := stores[0].Find(ctx, incidents.Filter{SourceKey: "https://example.org/shared"}); len(found) != 30 {
		t.Errorf("%d incidents cite the shared source, want 30", len(found))
	}
}

func TestStore_Restore(t *testing.T) {
	s := mustOpen(t, pgtest.DSN(t))
	ctx := context.Background()
	a := storetest.Incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24")
	a.ID = 42
	b := a
	b.ID = 7
	seq := func(yield func(incidents.Incident, error) bool) { _ = yield(a, nil) && yield(b, nil) }
	if n, err := s.Restore(ctx, seq, nil); err != nil || n != 2 {
		t.Fatalf("Restore = %d, %v", n, err)
	}
	found, _ := s.Find(ctx, incidents.Filter{})
	if got := storetest.IDs(found); !slices.Equal(got, []int64{42, 7}) {
		t.Errorf("restored IDs = %v, want [42 7]", got)
	}
	ids, err := s.Add(ctx, []incidents.Incident{a})
	if err != nil || ids[0] <= 42 {
		t.Errorf("Add after Restore = %v, %v; want an ID past 42", ids, err)
	}
	if _, err := s.Restore(ctx, seq, nil); err == nil {
		t.Error("restoring IDs already used succeeded")
	}
	a.ID = 0
	if _, err := s.Restore(ctx, seq, nil); !errors.Is(err, incidents.ErrInvalid) {
		t.Errorf("restoring without an ID: %v, want ErrInvalid", err)
	}
}

func TestStore_PlaceRecords(t *testing.T) {
	s := mustOpen(t, pgtest.DSN(t))
	ctx := context.Background()
	recs := []postgis.PlaceRecord{{ID: "b", Source: "OCHA", Data: []byte("1")}, {ID: "a", Source: "OCHA", Data: []byte{0, 255}}}
	if n, err := s.PutPlaceRecords(ctx, recs); err != nil || n != 2 {
		t.Fatalf("PutPlaceRecords = %d, %v", n, err)
	}
	if _, err := s.PutPlaceRecords(ctx, []postgis.PlaceRecord{{ID: "b", Source: "other", Data: []byte("2")}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.PlaceRecords(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "a" || !slices.Equal(got[0].Data, []byte{0, 255}) || got[1].Source != "other" || string(got[1].Data) != "2" {
		t.Errorf("PlaceRecords = %+v, want a, then b replaced", got)
	}
	c, err := s.Counts(ctx)
	if err != nil || c.Places != 2 {
		t.Errorf("Counts = %+v, %v; want 2 places", c, err)
	}
}

// TestOpen_Migrations: opening again, or from several processes at once,
// applies the schema once.
func TestOpen_Migrations(t *testing.T) {
	dsn := pgtest.DSN(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			s, err := postgis.Open(context.Background(), dsn)
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Open: %v", err)
	}
	if _, err := postgis.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"); err == nil {
		t.Error("Open of an unreachable server succeeded")
	}
}

// BenchmarkStore_Items runs the shared items queries over 100,000 incidents;
// docs/DEPLOY.md compares the figures with SQLite's.
func BenchmarkStore_Items(b *testing.B) {
	s := mustOpen(b, pgtest.DSN(b))
	storetest.Seed(b, s, 100_000, rand.New(rand.NewPCG(1, 2)))
	if _, err := s.Count(context.Background()); err != nil {
		b.Fatal(err)
	}
	storetest.Bench(b, s)
}

// BenchmarkStore_Analyst runs the histograms and counts of the map's time
// chart and choropleth over storetest.BenchN() incidents (MAPSRV_BENCH_N).
func BenchmarkStore_Analyst(b *testing.B) {
	s := mustOpen(b, pgtest.DSN(b))
	storetest.Seed(b, s, storetest.BenchN(), rand.New(rand.NewPCG(1, 2)))
	storetest.BenchAnalyst(b, s)
}

// TestOpen_ReadOnly: a read-only connection, as to a streaming replica, serves
// reads once the primary has migrated, and refuses writes.
func TestOpen_ReadOnly(t *testing.T) {
	dsn := pgtest.DSN(t)
	replica := dsn + "&default_transaction_read_only=on"
	if _, err := postgis.Open(context.Background(), replica); err == nil {
		t.Fatal("a read-only Open before the schema exists succeeded")
	}
	primary := mustOpen(t, dsn)
	ctx := context.Background()
	if _, err := primary.Add(ctx, []incidents.Incident{storetest.Incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24")}); err != nil {
		t.Fatal(err)
	}
	ro := mustOpen(t, replica)
	if found, err := ro.Find(ctx, incidents.Filter{}); err != nil || len(found) != 1 {
		t.Errorf("read-only Find = %d, %v; want the 1 incident", len(found), err)
	}
	if _, err := ro.Add(ctx, []incidents.Incident{storetest.Incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24")}); err == nil {
		t.Error("a write through a read-only connection succeeded")
	}
}

func TestStore_Empty(t *testing.T) { storetest.CheckEmpty(t, mustOpen(t, pgtest.DSN(t))) }

// BenchmarkStore_Where runs the shared CQL2 filter queries over 100,000
// incidents (docs/INTEROP.md).
func BenchmarkStore_Where(b *testing.B) {
	s := mustOpen(b, pgtest.DSN(b))
	storetest.Seed(b, s, 100_000, rand.New(rand.NewPCG(1, 2)))
	storetest.BenchWhere(b, s)
}
