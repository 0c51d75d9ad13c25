package web

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestOpenAPI_Parameters: each query endpoint documents exactly the parameters
// it accepts, so that a filter added to one is not missing from the others'
// documentation (items, aggregate, histogram, counts, export and tiles take
// the same filters).
func TestOpenAPI_Parameters(t *testing.T) {
	var doc struct {
		Paths map[string]struct {
			Get struct {
				Parameters []struct {
					Name string `json:"name"`
					In   string `json:"in"`
				} `json:"parameters"`
			} `json:"get"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	accepted := map[string][]string{
		"/api/collections/incidents/items":     itemParams,
		"/api/collections/incidents/aggregate": aggregateParams,
		"/api/collections/incidents/histogram": histogramParams,
		"/api/collections/incidents/counts":    countsParams,
		"/api/collections/incidents/export":    exportParams,
		"/tiles/incidents/{z}/{x}/{y}.mvt":     tileParams,
	}
	for path, want := range accepted {
		var got []string
		for _, p := range doc.Paths[path].Get.Parameters {
			if p.In == "query" {
				got = append(got, p.Name)
			}
		}
		want = slices.Clone(want)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s documents %v, accepts %v", path, got, want)
		}
	}
}
