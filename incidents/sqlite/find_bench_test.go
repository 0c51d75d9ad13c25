package sqlite_test

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// benchTowns are real Syrian towns (GeoNames, CC BY 4.0) with a weight: the
// synthetic incidents of the benchmarks cluster around them as real ones do.
var benchTowns = []struct {
	lon, lat, sigma float64
	weight          int
}{
	{36.2913, 33.5102, 0.035, 30}, // Damascus
	{37.1612, 36.2021, 0.035, 30}, // Aleppo
	{36.7231, 34.7268, 0.03, 15},  // Homs
	{36.7578, 35.1318, 0.03, 10},  // Hama
	{36.6339, 35.9306, 0.015, 10}, // Idlib
	{36.8034, 35.8660, 0.01, 5},   // Saraqib
	{40.1406, 35.3359, 0.02, 8},   // Deir ez-Zor
	{39.0081, 35.9528, 0.02, 8},   // Raqqa
	{35.7817, 35.5217, 0.02, 6},   // Latakia
	{36.1054, 32.6189, 0.015, 6},  // Daraa
	{36.8700, 36.5200, 0.01, 4},   // Afrin
	{41.2300, 37.0500, 0.01, 4},   // Qamishli
}

// benchIncidents yields n published incidents clustered around benchTowns,
// of every type, dated 2011..2025, the same for the same seed.
func benchIncidents(n int, seed uint64) iter.Seq2[incidents.Incident, error] {
	rng := rand.New(rand.NewPCG(seed, 7))
	total := 0
	for _, t := range benchTowns {
		total += t.weight
	}
	first := time.Date(2011, 3, 15, 0, 0, 0, 0, time.UTC)
	return func(yield func(incidents.Incident, error) bool) {
		for range n {
			w := rng.IntN(total)
			town := benchTowns[0]
			for _, t := range benchTowns {
				if w -= t.weight; w < 0 {
					town = t
					break
				}
			}
			d := first.AddDate(0, 0, rng.IntN(5400))
			inc := incidents.Incident{Type: incidents.Types[rng.IntN(len(incidents.Types))],
				Location: orb.Point{town.lon + rng.NormFloat64()*town.sigma, town.lat + rng.NormFloat64()*town.sigma},
				DateFrom: d, DateTo: d, DatePrecision: incidents.DateDay, GeoPrecision: incidents.GeoExact,
				Status: incidents.StatusPublished, PlaceNameEN: "Synthetic", SummaryEN: "A synthetic incident for benchmarks."}
			if !yield(inc, nil) {
				return
			}
		}
	}
}

// benchN is how many incidents the query benchmarks hold: MAPSRV_BENCH_N, or
// 200,000, enough for the planner's choices to matter and quick to seed.
func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("MAPSRV_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 200_000
}

var (
	benchOnce  sync.Once
	benchStore *sqlite.Store
	benchErr   error
)

// seededStore opens one store of benchN incidents shared by every benchmark
// of the run, seeded once in a temporary directory. MAPSRV_BENCH_DB names an
// existing database to use instead (one from mapsrv synth, say).
func seededStore(b *testing.B) *sqlite.Store {
	b.Helper()
	benchOnce.Do(func() {
		if path := os.Getenv("MAPSRV_BENCH_DB"); path != "" {
			benchStore, benchErr = sqlite.Open(context.Background(), path)
			return
		}
		dir, err := os.MkdirTemp("", "mapsrv-bench")
		if err != nil {
			benchErr = err
			return
		}
		benchStore, benchErr = sqlite.Open(context.Background(), filepath.Join(dir, "bench.db"))
		if benchErr == nil {
			_, benchErr = benchStore.Import(context.Background(), benchIncidents(benchN(), 1), nil)
		}
		if benchErr == nil {
			_, benchErr = benchStore.FillFeatures(context.Background(), nil)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchStore
}

func box(lon, lat, size float64) []orb.Bound {
	return []orb.Bound{{Min: orb.Point{lon - size/2, lat - size/2}, Max: orb.Point{lon + size/2, lat + size/2}}}
}

// benchFilters are the views of the benchmarks and of make bench-load: a town
// (0.1°), a region (1°) and the whole country, unfiltered and with a date and
// type filter.
func benchFilters() map[string]incidents.Filter {
	since := incidents.Since(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC))
	until := incidents.Until(time.Date(2014, 12, 31, 0, 0, 0, 0, time.UTC))
	shelling := []incidents.Type{incidents.TypeShelling, incidents.TypeAirstrike}
	small, medium, country := box(36.63, 35.93, 0.1), box(36.7, 35.9, 1), box(38.3, 34.8, 7)
	return map[string]incidents.Filter{
		"small":               {Bounds: small, Limit: 100},
		"small/date+type":     {Bounds: small, Limit: 100, Period: since, Types: shelling},
		"medium":              {Bounds: medium, Limit: 1000},
		"medium/date+type":    {Bounds: medium, Limit: 1000, Period: until, Types: shelling},
		"country":             {Bounds: country, Limit: 10000},
		"country/date+type":   {Bounds: country, Limit: 10000, Period: since, Types: shelling},
		"damascus/small":      {Bounds: box(36.29, 33.51, 0.1), Limit: 100},
		"damascus/small/type": {Bounds: box(36.29, 33.51, 0.1), Limit: 100, Types: []incidents.Type{incidents.TypeKidnapping}},
	}
}

// BenchmarkStore_Find runs benchFilters with the index built, as serve
// has it (serve preloads it at start).
func BenchmarkStore_Find(b *testing.B) {
	s := seededStore(b)
	benchFilterRuns(b, s, func(f incidents.Filter) (int, error) {
		found, err := s.Find(context.Background(), f)
		return len(found), err
	})
}

// BenchmarkStore_FindFeatures runs benchFilters as the items endpoint
// does: the page as encoded features.
func BenchmarkStore_FindFeatures(b *testing.B) {
	s := seededStore(b)
	benchFilterRuns(b, s, func(f incidents.Filter) (int, error) {
		page, err := s.FindFeatures(context.Background(), f)
		return len(page), err
	})
}

// benchFilterRuns preloads s's index and runs find over each of
// benchFilters, reporting how many incidents it returned.
func benchFilterRuns(b *testing.B, s *sqlite.Store, find func(incidents.Filter) (int, error)) {
	if err := s.Preload(context.Background()); err != nil {
		b.Fatal(err)
	}
	for name, f := range benchFilters() {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				var err error
				if n, err = find(f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "incidents/op")
		})
	}
}

// BenchmarkStore_FindDeepPage pages 50 pages into the country and asks for
// the next: a keyset cursor makes it cost what the first page costs.
func BenchmarkStore_FindDeepPage(b *testing.B) {
	s := seededStore(b)
	if err := s.Preload(context.Background()); err != nil {
		b.Fatal(err)
	}
	f := incidents.Filter{Bounds: box(38.3, 34.8, 7), Limit: 100}
	for range 50 {
		page, err := s.Find(context.Background(), f)
		if err != nil || len(page) == 0 {
			b.Fatal(err, len(page))
		}
		c := incidents.CursorOf(page[len(page)-1])
		f.After = &c
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Find(context.Background(), f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStore_Import(b *testing.B) {
	const n = 10_000
	b.ReportAllocs()
	i := uint64(0)
	for b.Loop() {
		b.StopTimer()
		s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), fmt.Sprint(i, ".db")))
		if err != nil {
			b.Fatal(err)
		}
		i++
		b.StartTimer()
		if _, err := s.Import(context.Background(), benchIncidents(n, i), nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/incident")
}

// BenchmarkStore_Aggregate counts the country and a region on grids like the
// aggregate endpoint's at zoom 7 and 10.
func BenchmarkStore_Aggregate(b *testing.B) {
	s := seededStore(b)
	if err := s.Preload(context.Background()); err != nil {
		b.Fatal(err)
	}
	since := incidents.Since(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC))
	for name, tc := range map[string]struct {
		g incidents.Grid
		f incidents.Filter
	}{
		"country":           {incidents.Grid{Bound: box(38.3, 34.8, 7)[0], Cols: 56, Rows: 56}, incidents.Filter{}},
		"country/date+type": {incidents.Grid{Bound: box(38.3, 34.8, 7)[0], Cols: 56, Rows: 56}, incidents.Filter{Period: since, Types: []incidents.Type{incidents.TypeShelling}}},
		"region":            {incidents.Grid{Bound: box(36.7, 35.9, 1)[0], Cols: 64, Rows: 64}, incidents.Filter{}},
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Aggregate(context.Background(), tc.f, tc.g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStore_AggregateAfterWrite edits one incident (through the store:
// it writes to the benchmark's database) and counts the country, as a map
// does while an editor works: the index follows the edit instead of being
// built again (indexed.go).
func BenchmarkStore_AggregateAfterWrite(b *testing.B) {
	s := seededStore(b)
	ctx := context.Background()
	if err := s.Preload(ctx); err != nil {
		b.Fatal(err)
	}
	found, err := s.Find(ctx, incidents.Filter{Bounds: box(36.63, 35.93, 0.1), Limit: 1})
	if err != nil || len(found) == 0 {
		b.Fatalf("no incident to edit: %v", err)
	}
	inc := found[0]
	g := incidents.Grid{Bound: box(38.3, 34.8, 7)[0], Cols: 56, Rows: 56}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		inc.SummaryEN = fmt.Sprint("edited ", n)
		if _, err := s.Update(ctx, inc); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Aggregate(ctx, incidents.Filter{}, g); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStore_FindFeaturesBoxes reads pages of 1,000 from 200 different
// 0.1° boxes in turn, around incidents spread evenly by ID, as the first
// view of make bench-load asks for them: no two pages in a row are the
// same, so SQLite's page cache does not hold the next one's features.
func BenchmarkStore_FindFeaturesBoxes(b *testing.B) {
	s := seededStore(b)
	if err := s.Preload(context.Background()); err != nil {
		b.Fatal(err)
	}
	var filters []incidents.Filter
	for _, p := range benchCentres(b, s, 200) {
		filters = append(filters, incidents.Filter{Bounds: box(p[0], p[1], 0.1), Limit: 1000})
	}
	b.ReportAllocs()
	i, n := 0, 0
	cpu := processCPU()
	for b.Loop() {
		page, err := s.FindFeatures(context.Background(), filters[i%len(filters)])
		if err != nil {
			b.Fatal(err)
		}
		i, n = i+1, n+len(page)
	}
	b.ReportMetric(float64(processCPU()-cpu)/float64(i), "cpu-ns/op")
	b.ReportMetric(float64(n)/float64(i), "features/op")
}

// benchCentres are the points of n incidents spread evenly through the
// IDs of s (about the box centres of make bench-load).
func benchCentres(b *testing.B, s *sqlite.Store, n int) []orb.Point {
	total, err := s.Count(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	var out []orb.Point
	for k := 1; k <= n; k++ {
		inc, err := s.Get(context.Background(), int64(k*total/n))
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, inc.Location)
	}
	return out
}

// processCPU is the CPU time the process has taken so far, in every thread
// (the garbage collector's and SQLite's included), in nanoseconds: on a
// machine others share, what a page costs moves less than its wall time.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
