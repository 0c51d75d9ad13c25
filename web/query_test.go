package web_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestQuery_Malformed: a query string that does not parse is a 400 problem
// saying so on every API and tile route, where it was answered 200 with the
// pairs it could not parse (a bbox, a filter) left out, or with no
// parameter at all past 10,000 of them.
func TestQuery_Malformed(t *testing.T) {
	srv, _ := newTestServer(t)
	queries := map[string]string{
		"bad escape in a value":    "bbox=%zz",
		"bad escape in a name":     "limit=1&%zz=1",
		"a semicolon":              "bbox=36,33,37,34;limit=5",
		"over 10,000 parameters":   "bbox=36,33,37,34" + strings.Repeat("&x=1", 10000),
		"a bad escape in filter":   "filter=killed%20%3E%20%G0",
		"repeated after a bad one": "limit=1&limit=%",
	}
	paths := []string{"/api/collections/incidents/items", "/api/collections/incidents/aggregate",
		"/api/collections/incidents/histogram", "/api/collections/incidents/counts",
		"/api/collections/incidents/export", "/api/places", "/api", "/tiles/incidents/7/78/50.mvt"}
	for name, q := range queries {
		for _, path := range paths {
			resp, err := http.Get(srv.URL + path + "?" + q)
			if err != nil {
				t.Fatal(err)
			}
			var p struct {
				Status   int
				Detail   string
				Instance string
			}
			json.NewDecoder(resp.Body).Decode(&p)
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Content-Type") != "application/problem+json" ||
				!strings.Contains(p.Detail, "query string") || p.Instance != path {
				t.Errorf("%s: GET %s = %d %q %+v, want a 400 problem about the query string", name, path, resp.StatusCode, resp.Header.Get("Content-Type"), p)
			}
		}
	}
	// The page is not the API: its address is shared by hand and its query
	// is read by nobody.
	resp, err := http.Get(srv.URL + "/?x=%zz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /?x=%%zz = %d, want 200", resp.StatusCode)
	}
}

// TestProblem_LongValueClipped: a refused value as long as the request is
// not sent back whole: the detail names the parameter in its first words
// and stops at 1,000 bytes, cut on a character boundary.
func TestProblem_LongValueClipped(t *testing.T) {
	srv, _ := newTestServer(t)
	for name, q := range map[string]string{
		"datetime": "datetime=" + strings.Repeat("2", 200_000),
		"bbox":     "bbox=" + strings.Repeat("ب", 100_000),
	} {
		resp, err := http.Get(srv.URL + "/api/collections/incidents/items?" + q)
		if err != nil {
			t.Fatal(err)
		}
		var p struct{ Detail string }
		err = json.NewDecoder(resp.Body).Decode(&p)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("%s: %d, %v", name, resp.StatusCode, err)
		}
		if len(p.Detail) > 1000+len("…") || !utf8.ValidString(p.Detail) || !strings.Contains(p.Detail[:min(len(p.Detail), 80)], name) {
			t.Errorf("%s: a detail of %d bytes, valid UTF-8 %v, starting %.80q", name, len(p.Detail), utf8.ValidString(p.Detail), p.Detail)
		}
	}
}

// TestWholeCollections_BadParams: the collections served whole and one
// incident take limit and f only as what they are, and say so of anything
// else, where they took any value without a word.
func TestWholeCollections_BadParams(t *testing.T) {
	srv, _ := newTestServer(t)
	var fc struct{ Features []json.RawMessage }
	getJSON(t, srv.URL+"/api/collections/incidents/items?limit=1", http.StatusOK, &fc)
	var one struct{ ID int64 }
	if len(fc.Features) != 1 || json.Unmarshal(fc.Features[0], &one) != nil {
		t.Fatalf("no incident to ask for: %s", fc.Features)
	}
	item := "/api/collections/incidents/items/" + strconv.FormatInt(one.ID, 10)
	for _, path := range []string{"/api/collections/governorates/items", "/api/collections/districts/items", "/api/collections/subdistricts/items"} {
		getJSON(t, srv.URL+path+"?limit=5&f=json", http.StatusOK, nil)
		for q, param := range map[string]string{"limit=abc": "limit", "limit=0": "limit", "limit=-3": "limit", "f=xml": "f"} {
			checkProblem(t, srv.URL+path+"?"+q, param)
		}
	}
	getJSON(t, srv.URL+item+"?f=geojson", http.StatusOK, nil)
	checkProblem(t, srv.URL+item+"?f=csv", "f")
	checkProblem(t, srv.URL+item+"?limit=5", "limit")
}

// checkProblem asks for url and wants a 400 problem whose detail starts by
// naming param.
func checkProblem(t *testing.T, url, param string) {
	t.Helper()
	var p struct{ Detail string }
	getJSON(t, url, http.StatusBadRequest, &p)
	if !strings.Contains(p.Detail, param) {
		t.Errorf("GET %s: detail %q does not name %s", url, p.Detail, param)
	}
}
