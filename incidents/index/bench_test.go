package index

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// benchIndex is n points spread over Syria's box, denser around a few
// towns as synthetic data is, over 2011–2025.
func benchIndex(n int) *Index {
	rng := rand.New(rand.NewPCG(1, 1))
	towns := []orb.Point{{36.29, 33.51}, {37.16, 36.2}, {36.63, 35.93}, {36.72, 34.73}, {40.14, 35.33}}
	start := Day(time.Date(2011, 3, 1, 0, 0, 0, 0, time.UTC))
	points := make([]Point, n)
	for i := range points {
		p := orb.Point{35.7 + rng.Float64()*6.6, 32.3 + rng.Float64()*5}
		if rng.IntN(2) == 0 {
			t := towns[rng.IntN(len(towns))]
			p = orb.Point{t[0] + rng.NormFloat64()*0.1, t[1] + rng.NormFloat64()*0.1}
		}
		day := start + int32(rng.IntN(5400))
		points[i] = Point{Lon: p[0], Lat: p[1], ID: int64(i + 1), DayFrom: day, DayTo: day, Type: uint8(rng.IntN(len(incidents.Types)))}
	}
	return Build(1, points)
}

func box(lon, lat, size float64) []orb.Bound {
	return []orb.Bound{{Min: orb.Point{lon - size/2, lat - size/2}, Max: orb.Point{lon + size/2, lat + size/2}}}
}

// BenchmarkIndex_Find picks the pages of the load test's views from
// 1,000,000 points, by the strategy Find chooses and by each.
func BenchmarkIndex_Find(b *testing.B) {
	ix := benchIndex(1_000_000)
	since := incidents.Since(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC))
	for name, f := range map[string]incidents.Filter{
		"small":           {Bounds: box(36.63, 35.93, 0.1), Limit: 100},
		"small/1000":      {Bounds: box(36.63, 35.93, 0.1), Limit: 1000},
		"small/date+type": {Bounds: box(36.63, 35.93, 0.1), Limit: 100, Period: since, Types: []incidents.Type{incidents.TypeShelling}},
		"sparse":          {Bounds: box(41, 33, 0.1), Limit: 1000},
		"medium":          {Bounds: box(36.7, 35.9, 1), Limit: 1000},
		"medium/type":     {Bounds: box(36.7, 35.9, 1), Limit: 1000, Types: []incidents.Type{incidents.TypeShelling}},
		"country":         {Bounds: box(38.95, 34.85, 6.9), Limit: 10000},
		"everywhere":      {Limit: 1000},
	} {
		q, _ := queryOf(f, ix.maxSpan)
		for strategy, runs := range map[string]func() []run{
			"chosen": func() []run { return ix.runs(&q) },
			"walk":   func() []run { return []run{ix.walk()} },
			"cells":  func() []run { return ix.grid.cellRuns(q.bounds) },
		} {
			b.Run(name+"/"+strategy, func(b *testing.B) {
				for b.Loop() {
					ix.merge(nil, &q, runs())
				}
			})
		}
	}
}

// BenchmarkIndex_Count counts the country on the aggregate endpoint's grid
// at zoom 7 (56 × 56 cells), at 1,000,000 points.
func BenchmarkIndex_Count(b *testing.B) {
	ix := benchIndex(1_000_000)
	country := box(38.95, 34.85, 6.9)
	g := incidents.Grid{Bound: country[0], Cols: 56, Rows: 56}
	for name, f := range map[string]incidents.Filter{
		"country":           {Bounds: country},
		"country/date+type": {Bounds: country, Period: incidents.Since(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)), Types: []incidents.Type{incidents.TypeShelling}},
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, ok := ix.Count(f, g); !ok {
					b.Fatal("refused")
				}
			}
		})
	}
}
