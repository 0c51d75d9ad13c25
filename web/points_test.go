package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestWrites_PointCoordinates: a Point must be exactly [lon, lat], or [lon,
// lat, altitude] with the altitude dropped, on POST, PUT and PATCH; anything
// else is a 400 naming geometry and stores nothing (it used to be stored at
// 0 for each missing number). Import: feature.TestDecode.
func TestWrites_PointCoordinates(t *testing.T) {
	srv, store := newTestServer(t)
	ctx := context.Background()
	items := srv.URL + "/api/collections/incidents/items"
	var fc featureCollection
	getJSON(t, items+"?limit=1", http.StatusOK, &fc)
	one := items + "/" + itoa(fc.Features[0].ID)
	before, _ := store.Get(ctx, fc.Features[0].ID)
	n0, _ := store.Count(ctx)
	for _, coords := range []string{`[]`, `[36.5]`, `[180,90,5,6]`, `[36.8,null]`, `["36.8","35.87"]`, `null`} {
		withCoords := strings.Replace(newFeature, `[36.8,35.87]`, coords, 1)
		for _, w := range []struct{ method, url, contentType, body string }{
			{"POST", items, "application/geo+json", withCoords},
			{"PUT", one, "application/geo+json", strings.Replace(withCoords, `"summary_en"`, `"status":"published","summary_en"`, 1)},
			{"PATCH", one, "application/merge-patch+json", `{"geometry":{"type":"Point","coordinates":` + coords + `}}`},
		} {
			resp, body := do(t, w.method, w.url, editorToken, w.contentType, w.body)
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "geometry: coordinates") {
				t.Errorf("%s with coordinates %s = %d %s, want 400 naming geometry: coordinates", w.method, coords, resp.StatusCode, body)
			}
		}
	}
	if n, _ := store.Count(ctx); n != n0 {
		t.Errorf("refused points changed the count %d → %d", n0, n)
	}
	if after, _ := store.Get(ctx, before.ID); after.Location != before.Location {
		t.Errorf("refused points moved incident %d from %v to %v", before.ID, before.Location, after.Location)
	}
	resp, body := do(t, "POST", items, editorToken, "application/geo+json", strings.Replace(newFeature, `[36.8,35.87]`, `[36.8,35.87,410]`, 1))
	var got struct {
		Geometry struct{ Coordinates []float64 }
	}
	json.Unmarshal([]byte(body), &got)
	if resp.StatusCode != http.StatusCreated || len(got.Geometry.Coordinates) != 2 || got.Geometry.Coordinates[1] != 35.87 {
		t.Errorf("POST with an altitude = %d %s, want 201 at [36.8, 35.87]", resp.StatusCode, body)
	}
}

// TestWrites_DatePrecisionDefault: a feature without date_precision is
// created with day for one day and range for several (it was a 400).
func TestWrites_DatePrecisionDefault(t *testing.T) {
	srv, _ := newTestServer(t)
	items := srv.URL + "/api/collections/incidents/items"
	noPrec := strings.Replace(newFeature, `"date_precision":"day",`, ``, 1)
	for body, want := range map[string]string{
		noPrec: `"date_precision":"day"`,
		strings.Replace(noPrec, `"date_to":"2025-12-03"`, `"date_to":"2025-12-05"`, 1): `"date_precision":"range"`,
	} {
		if resp, got := do(t, "POST", items, editorToken, "application/geo+json", body); resp.StatusCode != http.StatusCreated || !strings.Contains(got, want) {
			t.Errorf("POST without date_precision = %d %s, want 201 with %s", resp.StatusCode, got, want)
		}
	}
}
