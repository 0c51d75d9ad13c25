package web_test

import (
	"net/http"
	"net/url"
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
