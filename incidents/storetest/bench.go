package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// Seed imports n synthetic published incidents spread uniformly over Syria's
// box (35.7–42.4 E, 32.3–37.3 N) and 2011–2025, of every type, each with a
// source of its own and every tenth with a shared one. rng makes it repeatable.
func Seed(tb testing.TB, s incidents.Store, n int, rng *rand.Rand) {
	tb.Helper()
	start := Day("2011-03-15")
	days := int(Day("2025-12-31").Sub(start).Hours() / 24)
	seq := func(yield func(incidents.Incident, error) bool) {
		for i := range n {
			from := start.AddDate(0, 0, rng.IntN(days))
			to := from.AddDate(0, 0, rng.IntN(3))
			inc := Incident(incidents.Types[rng.IntN(len(incidents.Types))], 35.7+6.7*rng.Float64(), 32.3+5*rng.Float64(),
				from.Format(incidents.DateLayout), to.Format(incidents.DateLayout))
			inc.Admin1PCode = fmt.Sprintf("SY%02d", 1+rng.IntN(14))
			inc.SummaryEN = "synthetic incident for benchmarks"
			if i%5 == 0 {
				killed := rng.IntN(6)
				inc.Killed = &killed
			}
			inc.Sources = []incidents.Source{{Title: "report", URL: fmt.Sprintf("https://example.org/bench/%d", i)}}
			if i%10 == 0 {
				inc.Sources = append(inc.Sources, incidents.Source{Title: "digest", URL: "https://example.org/digest"})
			}
			if !yield(inc, nil) {
				return
			}
		}
	}
	if _, err := s.Import(context.Background(), seq, nil); err != nil {
		tb.Fatal(err)
	}
}

// Bench measures, as sub-benchmarks, the items queries the map and the API
// make, against a store holding [Seed]'s data. Pages are of 1000, the API's
// largest.
func Bench(b *testing.B, s incidents.Store) {
	ctx := context.Background()
	idlib := []orb.Bound{{Min: orb.Point{36.2, 35.5}, Max: orb.Point{37.2, 36.4}}}
	country := []orb.Bound{{Min: orb.Point{35.5, 32.0}, Max: orb.Point{42.5, 37.5}}}
	y2024 := incidents.Between(Day("2024-01-01"), Day("2024-12-31"))
	first, err := s.Find(ctx, incidents.Filter{Limit: 1000 * 10})
	if err != nil || len(first) == 0 {
		b.Fatalf("no data to page through: %v", err)
	}
	deep := incidents.CursorOf(first[len(first)-1])
	queries := []struct {
		name string
		f    incidents.Filter
	}{
		{"first page", incidents.Filter{Limit: 1000}},
		{"city bbox", incidents.Filter{Bounds: box(36.29, 33.51, 0.1), Limit: 1000}},
		{"governorate bbox two types", incidents.Filter{Bounds: idlib, Types: []incidents.Type{incidents.TypeArrest, incidents.TypeShelling}, Limit: 1000}},
		{"country bbox one year", incidents.Filter{Bounds: country, Period: y2024, Limit: 1000}},
		{"page 11 by cursor", incidents.Filter{Limit: 1000, After: &deep}},
		{"governorate code", incidents.Filter{Admin1PCode: "SY07", Limit: 1000}},
		{"one source", incidents.Filter{SourceKey: "https://example.org/bench/500"}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				found, err := s.Find(ctx, q.f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(found)
			}
			b.ReportMetric(float64(n), "rows/op")
		})
	}
	b.Run("Version", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.Version(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchAnalyst measures, as sub-benchmarks, the time chart's histograms and
// the choropleth's counts the map asks for, against a store holding
// [Seed]'s data: the plain ones the in-memory index answers where a store
// has one, and those with filters only SQL answers.
func BenchAnalyst(b *testing.B, s incidents.Store) {
	ctx := context.Background()
	idlib := []orb.Bound{{Min: orb.Point{36.2, 35.5}, Max: orb.Point{37.2, 36.4}}}
	y2024 := incidents.Between(Day("2024-01-01"), Day("2024-12-31"))
	histograms := []struct {
		name string
		f    incidents.Filter
	}{
		{"histogram country", incidents.Filter{}},
		{"histogram governorate bbox two types", incidents.Filter{Bounds: idlib, Types: []incidents.Type{incidents.TypeArrest, incidents.TypeShelling}}},
		{"histogram governorate code", incidents.Filter{Admin1PCode: "SY07"}},
		{"histogram min killed", incidents.Filter{MinKilled: 1}},
		{"histogram words matching every incident", incidents.Filter{Text: "synthetic"}},
	}
	for _, q := range histograms {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				h, err := s.Histogram(ctx, q.f, "")
				if err != nil {
					b.Fatal(err)
				}
				n = h.Total
			}
			b.ReportMetric(float64(n), "incidents/op")
		})
	}
	for _, q := range []struct {
		name  string
		f     incidents.Filter
		level int
	}{
		{"counts by governorate", incidents.Filter{}, incidents.AdminGovernorate},
		{"counts by governorate one year", incidents.Filter{Period: y2024}, incidents.AdminGovernorate},
		{"counts by district", incidents.Filter{}, incidents.AdminDistrict},
	} {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.CountByAdmin(ctx, q.f, q.level); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchN is how many incidents the analyst benchmarks seed: MAPSRV_BENCH_N,
// or 100,000.
func BenchN() int {
	if n, err := strconv.Atoi(os.Getenv("MAPSRV_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 100_000
}
