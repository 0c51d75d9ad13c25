package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"

	"github.com/gorilla/mux"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/maptile"

	"github.com/mapsrv/mapsrv/incidents"
)

// Tile contents: from pointZoom on, a tile holds up to maxTilePoints incidents
// (the newest) as points in layer "incidents"; below it, counts on a grid of
// tileGrid × tileGrid cells (16 pixels on a 256-pixel tile) as points in layer
// "clusters".
const (
	pointZoom     = 12
	maxTilePoints = 4096
	tileGrid      = 16
)

// pointFinder is a store that can return incidents with only what a map
// draws, faster than Find.
type pointFinder interface {
	FindPoints(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error)
}

// tileParams are the query parameters of the tile endpoint: the items filters
// other than bbox, which the tile gives.
var tileParams = slices.DeleteFunc(slices.Clone(filterParams), func(p string) bool { return p == "bbox" })

// handleIncidentTile serves GET /tiles/incidents/{z}/{x}/{y}.mvt: a Mapbox
// Vector Tile of the published incidents matching the items filters but
// bbox, the tile's, with an ETag on the data version.
func handleIncidentTile(store incidentStore, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tile, err := parseTile(mux.Vars(r))
		if err == nil {
			err = checkParams(r.URL.Query(), tileParams)
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		f, where, err := parseItemsQuery(r.URL.Query())
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		if notModified(w, r, store, incidents.StatusPublished, etagQuery(r.URL.Query(), where), log) {
			return
		}
		f.Bounds = []orb.Bound{tile.Bound()}
		f = f.WithWhere(where) // after the bounds: a filter's BBOX stays a condition
		var layer *mvt.Layer
		if tile.Z >= pointZoom {
			f.Limit = maxTilePoints
			find := store.Find
			if pf, ok := store.(pointFinder); ok {
				find = pf.FindPoints
			}
			found, err := find(r.Context(), f)
			if err != nil {
				writeError(w, r, log, err)
				return
			}
			layer = pointLayer(found)
		} else {
			g := incidents.Grid{Bound: tile.Bound(), Cols: tileGrid, Rows: tileGrid}
			f.Limit, f.Bounds = 0, nil
			cells, err := store.Aggregate(r.Context(), f, g)
			if err != nil {
				writeError(w, r, log, err)
				return
			}
			layer = clusterLayer(cells)
		}
		layer.ProjectToTile(tile)
		body, err := mvt.Marshal(mvt.Layers{layer})
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		w.Header().Set("Content-Type", "application/vnd.mapbox-vector-tile")
		w.Write(body)
	})
}

// parseTile reads z, x and y, which must name a tile of the web map pyramid.
func parseTile(vars map[string]string) (maptile.Tile, error) {
	var n [3]int
	for i, name := range []string{"z", "x", "y"} {
		v, err := strconv.Atoi(vars[name])
		if err != nil || v < 0 {
			return maptile.Tile{}, fmt.Errorf("%w: tile %s/%s/%s", errNotFound, vars["z"], vars["x"], vars["y"])
		}
		n[i] = v
	}
	if n[0] > maxZoom || n[1] >= 1<<n[0] || n[2] >= 1<<n[0] {
		return maptile.Tile{}, fmt.Errorf("%w: tile %d/%d/%d is outside the pyramid (zoom 0..%d)", errNotFound, n[0], n[1], n[2], maxZoom)
	}
	return maptile.New(uint32(n[1]), uint32(n[2]), maptile.Zoom(n[0])), nil
}

// pointLayer holds one point per incident, with its id, type and dates.
func pointLayer(found []incidents.Incident) *mvt.Layer {
	fc := geojson.NewFeatureCollection()
	for _, inc := range found {
		f := geojson.NewFeature(inc.Location)
		f.ID = inc.ID
		f.Properties = geojson.Properties{"incident_type": string(inc.Type),
			"date_from": incidents.FormatDate(inc.DateFrom), "date_to": incidents.FormatDate(inc.DateTo)}
		fc.Append(f)
	}
	return mvt.NewLayer("incidents", fc)
}

// clusterLayer holds one point per non-empty cell, at the mean of its
// incidents, with count and one count per type present, named by the type.
func clusterLayer(cells []incidents.Cell) *mvt.Layer {
	fc := geojson.NewFeatureCollection()
	for _, c := range cells {
		f := geojson.NewFeature(c.Center)
		f.Properties = geojson.Properties{"count": c.Count}
		for t, n := range c.Types {
			f.Properties[string(t)] = n
		}
		fc.Append(f)
	}
	return mvt.NewLayer("clusters", fc)
}
