package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/web"
)

// testPlaces is the real gazetteer built from the embedded data.
func testPlaces(tb testing.TB) web.Places {
	tb.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func TestGeocode(t *testing.T) {
	srv, _ := newTestServer(t)
	var got struct {
		NameEN      string `json:"name_en"`
		Admin1PCode string `json:"admin1_pcode"`
		Precision   string
		Lat, Lon    float64
	}
	getJSON(t, srv.URL+"/api/geocode?q="+url.QueryEscape("سراقب"), http.StatusOK, &got)
	if got.Admin1PCode != "SY07" || got.Lat < 35.8 || got.Lat > 35.95 || got.Lon < 36.7 || got.Lon > 36.9 {
		t.Errorf("geocode سراقب = %+v, want Saraqib in Idlib (SY07)", got)
	}
	getJSON(t, srv.URL+"/api/geocode?q="+url.QueryEscape("Xqzzvw Nowhere"), http.StatusNotFound, nil)
	getJSON(t, srv.URL+"/api/geocode", http.StatusBadRequest, nil)
	getJSON(t, srv.URL+"/api/geocode?q=Afrin&lang=en", http.StatusBadRequest, nil)
}

func TestPlaces(t *testing.T) {
	srv, _ := newTestServer(t)
	var got struct {
		Places []struct {
			NameEN string `json:"name_en"`
			NameAR string `json:"name_ar"`
		}
	}
	getJSON(t, srv.URL+"/api/places?limit=5&q="+url.QueryEscape("Dam"), http.StatusOK, &got)
	if len(got.Places) == 0 || len(got.Places) > 5 {
		t.Fatalf("places?q=Dam = %+v, want 1..5 places", got)
	}
	if got.Places[0].NameEN != "Damascus" {
		t.Errorf("first suggestion for Dam = %q, want Damascus (the most important)", got.Places[0].NameEN)
	}
	getJSON(t, srv.URL+"/api/places?q=x&limit=-1", http.StatusBadRequest, nil)
}

func TestGovernorates(t *testing.T) {
	srv, _ := newTestServer(t)
	var fc struct {
		Features []struct {
			ID         string
			Geometry   struct{ Type string }
			Properties struct{ Pcode, NameAR string }
		}
	}
	getJSON(t, srv.URL+"/api/collections/governorates/items", http.StatusOK, &fc)
	seen := map[string]bool{}
	for _, f := range fc.Features {
		seen[f.Properties.Pcode] = true
		if f.Geometry.Type != "MultiPolygon" && f.Geometry.Type != "Polygon" {
			t.Errorf("%s geometry %s, want polygons", f.ID, f.Geometry.Type)
		}
	}
	if len(seen) != 14 {
		t.Errorf("%d distinct governorates, want 14: %v", len(seen), seen)
	}
}

func TestReverse(t *testing.T) {
	srv, _ := newTestServer(t)
	var got struct {
		Governorate struct{ Pcode string }
		Nearest     []struct {
			NameEN string `json:"name_en"`
		}
	}
	// Saraqib's point: Idlib governorate, Saraqib among the nearest places.
	getJSON(t, srv.URL+"/api/reverse?lat=35.866&lon=36.803", http.StatusOK, &got)
	if got.Governorate.Pcode != "SY07" || len(got.Nearest) == 0 {
		t.Errorf("reverse at Saraqib = %+v, want SY07 and nearby places", got)
	}
	getJSON(t, srv.URL+"/api/reverse?lat=48.85&lon=2.35", http.StatusNotFound, nil) // Paris
	getJSON(t, srv.URL+"/api/reverse?lat=95&lon=36", http.StatusBadRequest, nil)
	getJSON(t, srv.URL+"/api/reverse?lat=x&lon=36", http.StatusBadRequest, nil)
}

// TestPlaces_LongQuery checks that the gazetteer endpoints refuse a query longer
// than any place name with a 400 naming the parameter and the limit: a 50 KB
// one-word q once took seconds and gigabytes.
func TestPlaces_LongQuery(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, path := range []string{"/api/geocode", "/api/places"} {
		for name, q := range map[string]string{
			"201 latin":    strings.Repeat("a", 201),
			"50 KB word":   strings.Repeat("a", 50<<10),
			"arabic words": strings.Repeat("بريف إدلب ", 8000),
		} {
			t.Run(path+"/"+name, func(t *testing.T) {
				resp, err := http.Get(srv.URL + path + "?q=" + url.QueryEscape(q))
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				var p struct {
					Status int
					Detail string
				}
				if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
					t.Fatal(err)
				}
				if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Content-Type") != "application/problem+json" ||
					!strings.Contains(p.Detail, "q: at most 200 characters") {
					t.Errorf("GET %s with a %d-byte q = %d %s %+v; want 400 problem naming q and its limit",
						path, len(q), resp.StatusCode, resp.Header.Get("Content-Type"), p)
				}
			})
		}
		// at the limit the query is read
		q := strings.Repeat("ا", 200)
		resp, err := http.Get(srv.URL + path + "?q=" + url.QueryEscape(q))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusBadRequest {
			t.Errorf("GET %s with 200 characters = 400; want it read", path)
		}
	}
}

// TestAreaItems: the district and subdistrict outlines come whole, each
// with its P-code, names and parents, the same on every request.
func TestAreaItems(t *testing.T) {
	srv, _ := newTestServer(t)
	for path, want := range map[string]struct {
		n      int
		parent string
	}{"districts": {62, ""}, "subdistricts": {272, "SY"}} {
		var fc struct {
			Type           string
			NumberReturned int
			Features       []struct {
				ID         string
				Geometry   struct{ Type string }
				Properties struct {
					Pcode       string
					NameEN      string `json:"name_en"`
					Admin1Pcode string `json:"admin1_pcode"`
					Admin2Pcode string `json:"admin2_pcode"`
				}
			}
			Links []struct{ Href, Rel string }
		}
		for range 2 {
			getJSON(t, srv.URL+"/api/collections/"+path+"/items?limit=10", http.StatusOK, &fc)
			if fc.Type != "FeatureCollection" || len(fc.Features) != want.n || fc.NumberReturned != want.n ||
				len(fc.Links) != 1 || !strings.HasPrefix(fc.Links[0].Href, srv.URL) {
				t.Fatalf("%s: %s of %d (numberReturned %d), links %+v; want all %d with a self link", path, fc.Type,
					len(fc.Features), fc.NumberReturned, fc.Links, want.n)
			}
			for _, f := range fc.Features {
				p := f.Properties
				if f.ID != p.Pcode || p.NameEN == "" || !strings.HasPrefix(p.Pcode, p.Admin1Pcode) ||
					!strings.HasPrefix(p.Admin2Pcode, want.parent) || (f.Geometry.Type != "Polygon" && f.Geometry.Type != "MultiPolygon") {
					t.Fatalf("%s: feature %+v", path, f)
				}
			}
		}
		getJSON(t, srv.URL+"/api/collections/"+path+"/items?bbox=1,2,3,4", http.StatusBadRequest, nil)
	}
}

// TestPlaceLabels: labels of a view, and a clear 400 for a view that is not
// one.
func TestPlaceLabels(t *testing.T) {
	srv, _ := newTestServer(t)
	var got struct {
		Labels []struct {
			NameEN string `json:"name_en"`
			Kind   string
		}
	}
	getJSON(t, srv.URL+"/api/places/labels?bbox=36.2,33.4,36.4,33.6&zoom=9", http.StatusOK, &got)
	if len(got.Labels) == 0 || len(got.Labels) > 300 || got.Labels[0].NameEN != "Damascus" {
		t.Errorf("labels around Damascus at zoom 9 = %+v, want Damascus first, at most 300", got.Labels)
	}
	for _, q := range []string{"bbox=1,2,3&zoom=9", "bbox=36,33,37,34&zoom=NaN", "bbox=36,33,37,34&zoom=-1",
		"bbox=36,33,37,34&zoom=1e9", "bbox=36,33,37,34", "bbox=36,33,37,34&zoom=9&limit=5", "bbox=36,33,37,34&zoom=9&zoom=10"} {
		getJSON(t, srv.URL+"/api/places/labels?"+q, http.StatusBadRequest, nil)
	}
}
