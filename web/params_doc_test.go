package web

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestOpenAPI_Parameters: each query endpoint documents exactly the parameters
// it accepts, so that a filter added to one is not missing from the others'
// documentation (items, aggregate, histogram, counts, export and tiles take
// the same filters).
func TestOpenAPI_Parameters(t *testing.T) {
	type parameter struct {
		Name string `json:"name"`
		In   string `json:"in"`
		Ref  string `json:"$ref"`
	}
	var doc struct {
		Paths map[string]struct {
			Get struct {
				Parameters []parameter `json:"parameters"`
			} `json:"get"`
		} `json:"paths"`
		Components struct {
			Parameters map[string]parameter `json:"parameters"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	accepted := map[string][]string{
		"/collections/incidents/items":     itemParams,
		"/collections/drafts/items":        itemParams,
		"/collections/incidents/aggregate": aggregateParams,
		"/collections/incidents/histogram": histogramParams,
		"/collections/incidents/counts":    countsParams,
		"/collections/incidents/export":    exportParams,
		"/tiles/incidents/{z}/{x}/{y}.mvt": tileParams,
	}
	for path, want := range accepted {
		var got []string
		for _, p := range doc.Paths[path].Get.Parameters {
			if p.Ref != "" {
				p = doc.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
			}
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
