package sqlite_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

func mustOpenStore(tb testing.TB) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "mapsrv.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// incident returns a valid published incident of type t at lon/lat over from..to.
func incident(t incidents.Type, lon, lat float64, from, to string) incidents.Incident {
	return storetest.Incident(t, lon, lat, from, to)
}

func mustAdd(tb testing.TB, s *sqlite.Store, incs ...incidents.Incident) []int64 {
	tb.Helper()
	ids, err := s.Add(context.Background(), incs)
	if err != nil {
		tb.Fatal(err)
	}
	return ids
}

// TestStore holds the SQLite store to the behaviour every backend shares.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) incidents.Store { return mustOpenStore(t) })
}

func TestOpen_Reopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mapsrv.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24"))
	s.Close()
	s, err = sqlite.Open(context.Background(), path) // migrations already applied
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if found, _ := s.Find(context.Background(), incidents.Filter{}); len(found) != 1 {
		t.Errorf("after reopening, %d incidents, want 1", len(found))
	}
}

// TestStore_VersionAcrossHandles: a write through one handle on the file moves
// the version another handle (another process) reads.
func TestStore_VersionAcrossHandles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mapsrv.db")
	a, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	v0, _ := b.Version(context.Background())
	mustAdd(t, a, incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24"))
	if v1, _ := b.Version(context.Background()); v1 <= v0 {
		t.Errorf("version through the other handle = %d after a write, want more than %d", v1, v0)
	}
}

// BenchmarkStore_Items runs the shared items queries over 100,000 incidents;
// docs/DEPLOY.md compares the figures with PostGIS's.
func BenchmarkStore_Items(b *testing.B) {
	s := mustOpenStore(b)
	storetest.Seed(b, s, 100_000, rand.New(rand.NewPCG(1, 2)))
	storetest.Bench(b, s)
}

func TestStore_Empty(t *testing.T) { storetest.CheckEmpty(t, mustOpenStore(t)) }

// BenchmarkStore_Analyst runs the histograms and counts of the map's time
// chart and choropleth over storetest.BenchN() incidents (MAPSRV_BENCH_N),
// or over the database MAPSRV_BENCH_DB names (one from mapsrv synth, say).
func BenchmarkStore_Analyst(b *testing.B) {
	var s *sqlite.Store
	if os.Getenv("MAPSRV_BENCH_DB") != "" {
		s = seededStore(b)
	} else {
		s = mustOpenStore(b)
		storetest.Seed(b, s, storetest.BenchN(), rand.New(rand.NewPCG(1, 2)))
	}
	if err := s.Preload(context.Background()); err != nil {
		b.Fatal(err)
	}
	storetest.BenchAnalyst(b, s)
}

// BenchmarkStore_Where runs the shared CQL2 filter queries over 100,000
// incidents (docs/INTEROP.md).
func BenchmarkStore_Where(b *testing.B) {
	s := mustOpenStore(b)
	storetest.Seed(b, s, 100_000, rand.New(rand.NewPCG(1, 2)))
	storetest.BenchWhere(b, s)
}
