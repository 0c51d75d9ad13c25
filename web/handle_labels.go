package web

import (
	"cmp"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/geo"
)

// placeLister is a gazetteer that can list its places, for map labels.
type placeLister interface {
	Places() []gazetteer.Place
}

// areaLister is a gazetteer that can list its admin areas of one level (2:
// districts), for outlines on the offline map and the district choropleth.
type areaLister interface {
	Areas(level int) []gazetteer.Area
}

// Label tiers: from labelZoom[kind] on, places of that kind are labelled;
// a view gets at most maxLabels, the most important first.
var labelZoom = map[gazetteer.Kind]int{
	gazetteer.KindCity: 7, gazetteer.KindTown: 9, gazetteer.KindVillage: 11, gazetteer.KindNeighbourhood: 13,
}

const maxLabels = 300

// labelIndex is the gazetteer's labellable places, most important first,
// built once.
type labelIndex struct {
	once   sync.Once
	places []gazetteer.Place
}

func (ix *labelIndex) build(src placeLister) []gazetteer.Place {
	ix.once.Do(func() {
		for _, p := range src.Places() {
			if _, ok := labelZoom[p.Kind]; ok && (p.NameEN != "" || p.NameAR != "") {
				ix.places = append(ix.places, p)
			}
		}
		slices.SortStableFunc(ix.places, func(a, b gazetteer.Place) int { return cmp.Compare(b.Importance, a.Importance) })
	})
	return ix.places
}

// handlePlaceLabels serves GET /api/places/labels?bbox=&zoom=: the places to
// label on a map of that view, by importance: cities from zoom 7, towns from
// 9, villages from 11, neighbourhoods from 13; at most maxLabels.
func handlePlaceLabels(src placeLister, log *slog.Logger) http.Handler {
	ix := &labelIndex{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if err := checkParams(q, []string{"bbox", "zoom"}); err != nil {
			writeError(w, r, log, err)
			return
		}
		bounds, err := geo.ParseBBox(q.Get("bbox"))
		if err != nil {
			writeError(w, r, log, fmt.Errorf("bbox: %w", err))
			return
		}
		zoom, err := geo.ParseNumber(q.Get("zoom"))
		if err != nil || !(zoom >= 0 && zoom <= maxZoom) { // NaN is neither
			writeError(w, r, log, badRequest{fmt.Sprintf("zoom: %q is not a number from 0 to %d", q.Get("zoom"), maxZoom)})
			return
		}
		type label struct {
			NameEN string         `json:"name_en"`
			NameAR string         `json:"name_ar"`
			Kind   gazetteer.Kind `json:"kind"`
			Lon    float64        `json:"lon"`
			Lat    float64        `json:"lat"`
		}
		out := []label{}
		for _, p := range ix.build(src) {
			if float64(labelZoom[p.Kind]) > zoom || !inBounds(bounds, p.Location) {
				continue
			}
			out = append(out, label{p.NameEN, p.NameAR, p.Kind, p.Location.Lon(), p.Location.Lat()})
			if len(out) == maxLabels {
				break
			}
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		writeJSON(w, http.StatusOK, "application/json", map[string]any{"labels": out})
	})
}

func inBounds(bounds []orb.Bound, p orb.Point) bool {
	for _, b := range bounds {
		if b.Contains(p) {
			return true
		}
	}
	return false
}

// handleAreaItems serves GET /api/collections/districts/items (level 2) and
// /api/collections/subdistricts/items (level 3): OCHA's outlines with
// P-codes, names and their governorate, all at once (limit is taken and
// has nothing to cut); none when the gazetteer has no outlines. The outlines
// never change while the server runs: they are encoded once, on the first
// request, and only the links, which name the host asked, per request.
func handleAreaItems(places Places, level int, log *slog.Logger) http.Handler {
	var (
		once     sync.Once
		features json.RawMessage
		n        int
	)
	encode := func() {
		var areas []gazetteer.Area
		if src, ok := places.(areaLister); ok {
			areas = src.Areas(level)
		}
		fs := make([]*geojson.Feature, 0, len(areas))
		for _, a := range areas {
			f := geojson.NewFeature(a.Geometry)
			f.ID = a.PCode
			f.Properties = geojson.Properties{"pcode": a.PCode, "name_en": a.NameEN, "name_ar": a.NameAR, "admin1_pcode": a.Admin1PCode}
			if level == 3 {
				f.Properties["admin2_pcode"] = a.Admin2PCode
			}
			fs = append(fs, f)
		}
		features, _ = json.Marshal(fs) // outlines read from the embedded data: always encodable
		n = len(fs)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := checkWholeParams(r.URL.Query(), "limit", "f"); err != nil {
			writeError(w, r, log, err)
			return
		}
		once.Do(encode)
		w.Header().Set("Cache-Control", "public, max-age=3600")
		writeJSON(w, http.StatusOK, "application/geo+json", map[string]any{"type": "FeatureCollection", "features": features,
			"numberReturned": n, "links": []link{{Href: absURL(r, r.URL.Path), Rel: "self", Type: "application/geo+json"}}})
	})
}
