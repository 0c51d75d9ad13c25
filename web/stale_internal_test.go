package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestSources_WidelyCitedCorrectionServedEverywhere: a source cited by
// more than incidents.CitingEncodedAtOnce incidents is corrected without
// encoding their features in the write; every door serving them (the
// listing, one item and its ETag, both exports, the public ETag, Check)
// says the corrected title at once, and after the background pass.
func TestSources_WidelyCitedCorrectionServedEverywhere(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		ctx := context.Background()
		const url, old, corrected = "https://data.example/widely", "title as first written", "title as corrected"
		incs := make([]incidents.Incident, incidents.CitingEncodedAtOnce+50)
		for i := range incs {
			incs[i] = storetest.Incident(incidents.TypeShelling, 36+float64(i%20)/100, 35+float64(i/20)/100, "2025-04-01", "2025-04-01")
			incs[i].Sources = []incidents.Source{{Title: old, URL: url}}
		}
		ids, err := store.Add(ctx, incs)
		if err != nil {
			t.Fatal(err)
		}
		send := hostile12Server(t, store)
		item := fmt.Sprintf("/api/collections/incidents/items/%d", ids[len(ids)-1])
		_, header, _ := send("", http.MethodGet, item, "")
		itemTag := header.Get("ETag")
		_, header, _ = send("", http.MethodGet, "/api/collections/incidents/items?limit=1000", "")
		listTag := header.Get("ETag")

		patch := fmt.Sprintf(`{"properties":{"sources":[{"title":%q,"url":%q}]}}`, corrected, url)
		if status, _, answer := send("editor", http.MethodPatch, fmt.Sprintf("/api/collections/incidents/items/%d", ids[0]), patch); status != http.StatusOK {
			t.Fatalf("PATCH: %d %s", status, answer)
		}
		servedEverywhere := func(when string) {
			t.Helper()
			for _, path := range []string{"/api/collections/incidents/items?limit=1000", item,
				"/api/collections/incidents/export", "/api/collections/incidents/export?f=csv"} {
				status, _, answer := send("", http.MethodGet, path, "")
				if status != http.StatusOK || strings.Contains(answer, old) || !strings.Contains(answer, corrected) {
					t.Errorf("%s: GET %s: %d, says the old title: %v", when, path, status, strings.Contains(answer, old))
				}
			}
			status, header, answer := send("", http.MethodGet, "/api/collections/incidents/items?limit=1000", "")
			if n := strings.Count(answer, corrected); status != http.StatusOK || n != len(ids) || header.Get("ETag") == listTag {
				t.Errorf("%s: the listing says the corrected title %d times of %d, ETag %s (before %s)", when, n, len(ids), header.Get("ETag"), listTag)
			}
			if _, header, _ := send("", http.MethodGet, item, ""); header.Get("ETag") == itemTag {
				t.Errorf("%s: item ETag %s unchanged by the correction", when, itemTag)
			}
			if status, _, _ := send("editor", http.MethodPatch, item, `{"properties":{"killed":1}}`, "If-Match", itemTag); status != http.StatusPreconditionFailed {
				t.Errorf("%s: PATCH with the ETag from before the correction: %d, want 412", when, status)
			}
			if problems, err := store.(incidents.Store).Check(ctx); err != nil || len(problems) > 0 {
				t.Errorf("%s: Check = %q, %v", when, problems, err)
			}
		}
		servedEverywhere("right after the correction")
		if f, ok := store.(interface {
			FillFeatures(context.Context, func(int)) (int, error)
		}); ok {
			if _, err := f.FillFeatures(ctx, nil); err != nil {
				t.Fatal(err)
			}
		}
		servedEverywhere("after the background pass")
	})
}
