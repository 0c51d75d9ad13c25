package main

import (
	"net/url"
	"strings"
	"testing"
)

// TestFeatureservPaths: pg_featureserv is asked for what mapsrv is asked
// for, box, limit and type as they are and the open period as a filter on
// date_to; views it has nothing like are left out.
func TestFeatureservPaths(t *testing.T) {
	got, ok := featureservPaths([]string{itemsPath + "bbox=36.2,35.4,37.2,36.4&limit=1000&incident_type=shelling&datetime=2024-01-01/.."})
	if !ok || len(got) != 1 || !strings.HasPrefix(got[0], featureservCollection) {
		t.Fatalf("featureservPaths = %q, %v", got, ok)
	}
	q, err := url.ParseQuery(strings.TrimPrefix(got[0], featureservCollection))
	if err != nil {
		t.Fatal(err)
	}
	want := url.Values{"bbox": {"36.2,35.4,37.2,36.4"}, "limit": {"1000"}, "incident_type": {"shelling"}, "filter": {"date_to >= '2024-01-01'"}}
	if q.Encode() != want.Encode() {
		t.Errorf("query %v, want %v", q, want)
	}
	for _, p := range [][]string{
		{"/tiles/incidents/9/306/206.mvt"},
		{"/api/collections/incidents/aggregate?bbox=35.5,32.3,42.4,37.4&zoom=7"},
		{itemsPath + "bbox=36,35,37,36&datetime=2024-01-01/2024-12-31"},
	} {
		if got, ok := featureservPaths(p); ok {
			t.Errorf("featureservPaths(%q) = %q; want it left out", p, got)
		}
	}
}
