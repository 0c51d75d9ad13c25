package web

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"

	"github.com/mapsrv/mapsrv/incidents"
)

// BenchmarkTile_Points encodes a full point tile (maxTilePoints incidents) at
// zoom 12 over Damascus.
func BenchmarkTile_Points(b *testing.B) {
	tile := maptile.At(orb.Point{36.29, 33.51}, 12)
	bound := tile.Bound()
	rng := rand.New(rand.NewPCG(1, 2))
	day := time.Date(2016, 2, 3, 0, 0, 0, 0, time.UTC)
	found := make([]incidents.Incident, maxTilePoints)
	for i := range found {
		found[i] = incidents.Incident{ID: int64(i + 1), Type: incidents.Types[i%len(incidents.Types)], DateFrom: day, DateTo: day,
			Location: orb.Point{bound.Min.Lon() + rng.Float64()*(bound.Max.Lon()-bound.Min.Lon()),
				bound.Min.Lat() + rng.Float64()*(bound.Max.Lat()-bound.Min.Lat())}}
	}
	b.ReportAllocs()
	for b.Loop() {
		layer := pointLayer(found)
		layer.ProjectToTile(tile)
		if _, err := mvt.Marshal(mvt.Layers{layer}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTile_Clusters encodes a full cluster tile: every cell of the grid
// holding incidents of every type.
func BenchmarkTile_Clusters(b *testing.B) {
	tile := maptile.At(orb.Point{36.29, 33.51}, 6)
	g := incidents.Grid{Bound: tile.Bound(), Cols: tileGrid, Rows: tileGrid}
	var cells []incidents.Cell
	for row := range tileGrid {
		for col := range tileGrid {
			c := incidents.Cell{Col: col, Row: row, Center: g.CellBound(col, row).Center(), Types: map[incidents.Type]int{}}
			for i, t := range incidents.Types {
				c.Types[t] = i + 1
				c.Count += i + 1
			}
			cells = append(cells, c)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		layer := clusterLayer(cells)
		layer.ProjectToTile(tile)
		if _, err := mvt.Marshal(mvt.Layers{layer}); err != nil {
			b.Fatal(err)
		}
	}
}
