package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestDates_OutOfRange: a date outside 1900-01-01..2100-12-31 is a 400 naming
// the range on every write the API takes (POST, PUT, PATCH, ingest), and
// stores nothing; the date-filtered lists and the CSV export are what they
// were. (Import and migrate: cmd/mapsrv.TestImport_DatesOutOfRange.)
func TestDates_OutOfRange(t *testing.T) {
	srv, store := newTestServer(t)
	ctx := context.Background()
	items := srv.URL + "/api/collections/incidents/items"
	var day featureCollection
	getJSON(t, items+"?datetime=2025-11-24", http.StatusOK, &day)
	if len(day.Features) != 3 {
		t.Fatalf("seed on 2025-11-24: %d incidents, want 3", len(day.Features))
	}
	id := itoa(day.Features[0].ID)
	wide := strings.NewReplacer(`"date_from":"2025-12-03"`, `"date_from":"0001-01-02"`, `"date_to":"2025-12-03"`, `"date_to":"9999-12-31"`).Replace(newFeature)
	v0, _ := store.Version(ctx)
	n0, _ := store.Count(ctx)
	writes := []struct{ name, method, url, contentType, body, token string }{
		{"POST draft", "POST", srv.URL + "/api/collections/drafts/items", "application/geo+json", wide, editorToken},
		{"POST", "POST", items, "application/geo+json", wide, editorToken},
		{"PUT", "PUT", items + "/" + id, "application/geo+json", wide, editorToken},
		{"PATCH", "PATCH", items + "/" + id, "application/merge-patch+json", `{"properties":{"date_to":"9999-12-31"}}`, editorToken},
		{"PATCH a source", "PATCH", items + "/" + id, "application/merge-patch+json", `{"properties":{"sources":[{"title":"t","url":"","publisher":"","published":"2101-01-01"}]}}`, editorToken},
		{"ingest", "POST", srv.URL + "/api/ingest", "application/json", `{"text":"اعتقلت قوات الأمن خلية في مدينة سراقب.","published":"9999-12-31","source":{"title":"t"}}`, ingestToken},
	}
	for _, w := range writes {
		resp, body := do(t, w.method, w.url, w.token, w.contentType, w.body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "1900-01-01..2100-12-31") {
			t.Errorf("%s of a date outside the range = %d %s, want 400 naming the range", w.name, resp.StatusCode, body)
		}
	}
	if v, _ := store.Version(ctx); v != v0 {
		t.Errorf("refused writes moved the data version %d → %d", v0, v)
	}
	if n, _ := store.Count(ctx); n != n0 {
		t.Errorf("refused writes changed the count %d → %d", n0, n)
	}
	getJSON(t, items+"?datetime=2025-11-24", http.StatusOK, &day)
	if len(day.Features) != 3 {
		t.Errorf("after the refused writes, 2025-11-24 lists %d, want 3", len(day.Features))
	}
	if _, body := do(t, "GET", items+"?f=csv&datetime=2025-11-24", "", "", ""); strings.Count(body, "\n") != 4 {
		t.Errorf("CSV of 2025-11-24 = %q, want a header and 3 rows", body)
	}
}

// TestDates_AnyInterval: queries take any valid interval, to year 9999; an
// instant in year 1 is not an open end.
func TestDates_AnyInterval(t *testing.T) {
	srv, _ := newTestServer(t)
	items := srv.URL + "/api/collections/incidents/items?datetime="
	for dt, want := range map[string]int{
		"2020-01-01/9999-12-31": 9,
		"2025-11-24/..":         8,
		"2025-11-24/":           8,
		"../2025-06-22":         2,
		"0001-01-01T00:00:00Z":  0,
		"0001-01-01T00:00:00Z/2025-06-22T00:00:00Z": 2,
		"2200-01-01/9999-12-31T23:59:59Z":           0,
	} {
		var fc featureCollection
		getJSON(t, items+url.QueryEscape(dt), http.StatusOK, &fc)
		if len(fc.Features) != want {
			t.Errorf("datetime=%s: %d incidents, want %d", dt, len(fc.Features), want)
		}
	}
	resp, body := do(t, "GET", items+url.QueryEscape("2025-12-01/0001-01-01T00:00:00Z"), "", "", "")
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "datetime") {
		t.Errorf("datetime=2025-12-01/0001-01-01T00:00:00Z = %d %s, want 400 naming datetime", resp.StatusCode, body)
	}
}
