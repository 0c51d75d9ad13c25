package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"

	"github.com/mapsrv/mapsrv/incidents"
)

type aggregateResponse struct {
	Type     string `json:"type"`
	Features []struct {
		Geometry   struct{ Coordinates [2]float64 }
		Properties struct {
			Count int            `json:"count"`
			Types map[string]int `json:"types"`
			Cell  [4]float64     `json:"cell"`
		} `json:"properties"`
	} `json:"features"`
	NumberMatched int `json:"numberMatched"`
	Zoom          int `json:"zoom"`
}

func TestAggregate(t *testing.T) {
	srv, _ := newTestServer(t)
	all := seed(t)
	count := func(match func(incidents.Incident) bool) int {
		n := 0
		for _, inc := range all {
			if match(inc) {
				n++
			}
		}
		return n
	}
	tests := map[string]struct {
		query string
		want  int
	}{
		"country":   {"zoom=6", len(all)},
		"zoomed in": {"zoom=12&bbox=36.3,35.6,37.0,36.4", count(func(i incidents.Incident) bool { return geoIn(i, 36.3, 35.6, 37.0, 36.4) })},
		"type":      {"zoom=6&incident_type=arrest", count(func(i incidents.Incident) bool { return i.Type == incidents.TypeArrest })},
		"date":      {"zoom=6&datetime=2025-12-01/..", count(func(i incidents.Incident) bool { return !i.DateTo.Before(storeDay("2025-12-01")) })},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var got aggregateResponse
			getJSON(t, srv.URL+"/api/collections/incidents/aggregate?"+tc.query, http.StatusOK, &got)
			sum := 0
			for _, f := range got.Features {
				sum += f.Properties.Count
				byType := 0
				for _, n := range f.Properties.Types {
					byType += n
				}
				c, p := f.Properties.Cell, f.Geometry.Coordinates
				if byType != f.Properties.Count || p[0] < c[0] || p[0] > c[2] || p[1] < c[1] || p[1] > c[3] {
					t.Errorf("cell %+v: types do not add up to the count, or its point is outside it", f)
				}
			}
			if got.Type != "FeatureCollection" || sum != tc.want || got.NumberMatched != tc.want {
				t.Errorf("?%s: %d incidents in cells (numberMatched %d), want %d", tc.query, sum, got.NumberMatched, tc.want)
			}
		})
	}
	for _, bad := range []string{"", "zoom=-1", "zoom=23", "zoom=six", "zoom=5&limit=3", "zoom=5&bbox=1,2,3"} {
		getJSON(t, srv.URL+"/api/collections/incidents/aggregate?"+bad, http.StatusBadRequest, nil)
	}
	h := getJSON(t, srv.URL+"/api/collections/incidents/aggregate?zoom=6", http.StatusOK, nil)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/collections/incidents/aggregate?zoom=6", nil)
	req.Header.Set("If-None-Match", h.Get("ETag"))
	if resp := fetch(t, req); resp.StatusCode != http.StatusNotModified {
		t.Errorf("with the ETag %q: %d, want 304", h.Get("ETag"), resp.StatusCode)
	}
}

func geoIn(inc incidents.Incident, w, s, e, n float64) bool {
	return orb.Bound{Min: orb.Point{w, s}, Max: orb.Point{e, n}}.Contains(inc.Location)
}

func storeDay(s string) time.Time {
	d, _ := incidents.ParseDate(s)
	return d
}

func fetch(t *testing.T, req *http.Request) *http.Response {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// getTile fetches and decodes a tile, its layers by name.
func getTile(t *testing.T, url string) map[string]*mvt.Layer {
	t.Helper()
	resp := fetch(t, must(http.NewRequest(http.MethodGet, url, nil)))
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/vnd.mapbox-vector-tile" {
		t.Fatalf("GET %s = %d %s", url, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	layers, err := mvt.Unmarshal(body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	out := map[string]*mvt.Layer{}
	for _, l := range layers {
		out[l.Name] = l
	}
	return out
}

func TestTiles(t *testing.T) {
	srv, _ := newTestServer(t)
	all := seed(t)
	url := func(tile maptile.Tile, query string) string {
		return fmt.Sprintf("%s/tiles/incidents/%d/%d/%d.mvt%s", srv.URL, tile.Z, tile.X, tile.Y, query)
	}
	for _, z := range []maptile.Zoom{6, 9} {
		tile := maptile.At(all[0].Location, z)
		want := 0
		for _, inc := range all {
			if tile.Bound().Contains(inc.Location) {
				want++
			}
		}
		got := 0
		for _, f := range getTile(t, url(tile, ""))["clusters"].Features {
			got += int(f.Properties["count"].(float64))
		}
		if got != want {
			t.Errorf("zoom %d: clusters count %d incidents, want the %d in the tile", z, got, want)
		}
	}
	inc := all[0]
	tile := maptile.At(inc.Location, 14)
	points := getTile(t, url(tile, ""))["incidents"]
	if points == nil || len(points.Features) == 0 || points.Features[0].Properties["incident_type"] != string(inc.Type) {
		t.Fatalf("zoom 14 at %v: want the incident as a point, got %+v", inc.Location, points)
	}
	points.ProjectToWGS84(tile)
	if p := points.Features[0].Geometry.(orb.Point); math.Abs(p[0]-inc.Location[0]) > 1e-3 || math.Abs(p[1]-inc.Location[1]) > 1e-3 {
		t.Errorf("point at %v, want about %v", p, inc.Location)
	}
	other := incidents.TypeOther
	if inc.Type == other {
		other = incidents.TypeArrest
	}
	if l := getTile(t, url(tile, "?incident_type="+string(other)))["incidents"]; l != nil && len(l.Features) > 0 {
		t.Errorf("filtered by another type, the tile still holds %d points", len(l.Features))
	}
	for path, want := range map[string]int{"/tiles/incidents/3/8/0.mvt": 404, "/tiles/incidents/23/0/0.mvt": 404,
		"/tiles/incidents/3/1/1.mvt?bbox=1,2,3,4": 400, "/tiles/incidents/3/1/1.mvt?datetime=yesterday": 400} {
		if resp := fetch(t, must(http.NewRequest(http.MethodGet, srv.URL+path, nil))); resp.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", path, resp.StatusCode, want)
		}
	}
}

func TestGzip(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, path := range []string{"/api/collections/incidents/items?limit=5", "/api/collections/incidents/aggregate?zoom=7",
		"/tiles/incidents/6/38/25.mvt"} {
		plain := fetch(t, must(http.NewRequest(http.MethodGet, srv.URL+path, nil)))
		want, _ := io.ReadAll(plain.Body)
		req := must(http.NewRequest(http.MethodGet, srv.URL+path, nil))
		req.Header.Set("Accept-Encoding", "gzip") // set by hand, so the client leaves the body compressed
		resp := fetch(t, req)
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: Content-Encoding %q, want gzip", path, resp.Header.Get("Content-Encoding"))
			continue
		}
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil || !bytes.Equal(normalize(got), normalize(want)) {
			t.Errorf("%s: gunzipped body differs from the plain one (%v)", path, err)
		}
		req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
		if resp := fetch(t, req); resp.StatusCode != http.StatusNotModified || resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: revalidating gzip: %d with Content-Encoding %q, want 304 without", path, resp.StatusCode, resp.Header.Get("Content-Encoding"))
		}
	}
	req := must(http.NewRequest(http.MethodGet, srv.URL+"/api/collections/incidents/items?limit=1", nil))
	req.Header.Set("Accept-Encoding", "gzip;q=0, identity")
	if resp := fetch(t, req); resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("gzip;q=0 was answered with %q", resp.Header.Get("Content-Encoding"))
	}
}

// normalize drops what may differ between two equal responses: the items'
// timeStamp, and float rounding in the aggregate's cell centres (summed in
// SQL at first, then in memory). Other bodies are returned as they are.
func normalize(b []byte) []byte {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return b
	}
	var walk func(any) any
	walk = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			delete(v, "timeStamp")
			for k, x := range v {
				v[k] = walk(x)
			}
		case []any:
			for i, x := range v {
				v[i] = walk(x)
			}
		case float64:
			return math.Round(v*1e9) / 1e9
		}
		return v
	}
	return must(json.Marshal(walk(v)))
}

// TestCache_NeverStale: a repeated view is served from the cache, and a write
// moves every view on at once.
func TestCache_NeverStale(t *testing.T) {
	srv, store := newTestServer(t)
	path := srv.URL + "/api/collections/incidents/aggregate?zoom=6"
	var before, again, after aggregateResponse
	h1 := getJSON(t, path, http.StatusOK, &before)
	h2 := getJSON(t, path, http.StatusOK, &again)
	if again.NumberMatched != before.NumberMatched || h1.Get("ETag") != h2.Get("ETag") || h1.Get("X-Request-Id") == h2.Get("X-Request-Id") {
		t.Errorf("repeated view: %d then %d incidents, ETags %q %q, request ids %q %q", before.NumberMatched, again.NumberMatched,
			h1.Get("ETag"), h2.Get("ETag"), h1.Get("X-Request-Id"), h2.Get("X-Request-Id"))
	}
	if _, err := store.Add(context.Background(), seed(t)[:1]); err != nil {
		t.Fatal(err)
	}
	h3 := getJSON(t, path, http.StatusOK, &after)
	if after.NumberMatched != before.NumberMatched+1 || h3.Get("ETag") == h1.Get("ETag") {
		t.Errorf("after adding one: %d incidents (ETag %q), want %d with a new ETag", after.NumberMatched, h3.Get("ETag"), before.NumberMatched+1)
	}
}
