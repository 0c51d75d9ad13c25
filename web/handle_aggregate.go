package web

import (
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"strconv"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// aggregateParams are the query parameters of the aggregate endpoint.
var aggregateParams = append([]string{"zoom"}, filterParams...)

// Grid sizes of the aggregate endpoint: cellsPerTile cells across a 256-pixel
// web map tile (32-pixel cells), and at most maxCells cells in a response; a
// bbox too large for its zoom gets coarser cells.
const (
	cellsPerTile = 8
	maxCells     = 128 * 128
	maxZoom      = 22
)

// handleIncidentAggregate serves GET /api/collections/incidents/aggregate:
// the published incidents matching bbox, datetime, incident_type and
// admin1_pcode counted on a grid whose cells suit the map zoom, as a GeoJSON
// FeatureCollection of one point per non-empty cell (at the mean of its
// incidents) with its count, count by type and cell bbox.
func handleIncidentAggregate(store incidentStore, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var zoom int
		f, ok := readPublished(w, r, store, aggregateParams, func(q url.Values) (err error) {
			s := q.Get("zoom")
			if zoom, err = strconv.Atoi(s); err != nil || zoom < 0 || zoom > maxZoom {
				return badRequest{fmt.Sprintf("zoom: %q is not a whole number from 0 to %d (the map's zoom level)", s, maxZoom)}
			}
			return nil
		}, log)
		if !ok {
			return
		}
		f.Limit = 0
		g := gridFor(f.Bounds, zoom)
		cells, err := store.Aggregate(r.Context(), f, g)
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		writeJSON(w, http.StatusOK, "application/geo+json", cellCollection(g, zoom, cells))
	})
}

// gridFor covers bounds (the world when none) with square cells of
// 360° / 2^zoom / cellsPerTile, aligned on multiples of their size so that
// panning keeps cells in place, doubled until there are at most maxCells.
func gridFor(bounds []orb.Bound, zoom int) incidents.Grid {
	b := orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}}
	if len(bounds) > 0 {
		b = bounds[0]
		for _, o := range bounds[1:] {
			b = b.Union(o)
		}
	}
	size := 360 / math.Exp2(float64(zoom)) / cellsPerTile
	for {
		west, east := math.Floor(b.Min.Lon()/size), math.Floor(b.Max.Lon()/size)+1
		south, north := math.Floor(b.Min.Lat()/size), math.Floor(b.Max.Lat()/size)+1
		cols, rows := int(east-west), int(north-south)
		if cols*rows <= maxCells {
			return incidents.Grid{Bound: orb.Bound{Min: orb.Point{west * size, south * size}, Max: orb.Point{east * size, north * size}},
				Cols: cols, Rows: rows}
		}
		size *= 2
	}
}

// cellFeature is one grid cell of the aggregate response.
type cellFeature struct {
	Type       string         `json:"type"`
	Geometry   map[string]any `json:"geometry"`
	Properties cellProperties `json:"properties"`
}

type cellProperties struct {
	Count int            `json:"count"`
	Types map[string]int `json:"types"`
	Cell  [4]float64     `json:"cell"` // west, south, east, north
}

func cellCollection(g incidents.Grid, zoom int, cells []incidents.Cell) map[string]any {
	features := make([]cellFeature, len(cells))
	total := 0
	for i, c := range cells {
		types := make(map[string]int, len(c.Types))
		for t, n := range c.Types {
			types[string(t)] = n
		}
		cb := g.CellBound(c.Col, c.Row)
		features[i] = cellFeature{Type: "Feature",
			Geometry:   map[string]any{"type": "Point", "coordinates": [2]float64{c.Center.Lon(), c.Center.Lat()}},
			Properties: cellProperties{Count: c.Count, Types: types, Cell: [4]float64{cb.Min.Lon(), cb.Min.Lat(), cb.Max.Lon(), cb.Max.Lat()}}}
		total += c.Count
	}
	return map[string]any{"type": "FeatureCollection", "features": features, "numberMatched": total,
		"zoom": zoom, "cellSize": g.CellBound(0, 0).Max.Lon() - g.Bound.Min.Lon(), "bbox": [4]float64{g.Bound.Min.Lon(), g.Bound.Min.Lat(), g.Bound.Max.Lon(), g.Bound.Max.Lat()}}
}
