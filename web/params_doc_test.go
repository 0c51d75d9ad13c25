package web

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestOpenAPI_Parameters: each operation documents exactly the query
// parameters it accepts (any other is a 400: OGC API – Features Part 1,
// /req/core/query-param-unknown), so that a filter added to one endpoint is
// not missing from the others' documentation (items, aggregate, histogram,
// counts, export and tiles take the same filters), and a document or write
// taking none says so.
func TestOpenAPI_Parameters(t *testing.T) {
	type parameter struct {
		Name string `json:"name"`
		In   string `json:"in"`
		Ref  string `json:"$ref"`
	}
	type operation struct {
		Parameters []parameter `json:"parameters"`
	}
	var doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Parameters map[string]parameter `json:"parameters"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	f, whole := []string{"f"}, []string{"limit", "f"}
	accepted := map[string][]string{
		"GET /":                             f,
		"GET /conformance":                  f,
		"GET /openapi":                      f,
		"GET /docs":                         f,
		"GET /collections":                  f,
		"GET /collections/incidents":        f,
		"GET /collections/incidents/schema": f,
		"GET /collections/incidents/feature-schema":    f,
		"GET /collections/incidents/queryables":        f,
		"GET /collections/governorates":                f,
		"GET /collections/incidents/items":             itemParams,
		"GET /collections/drafts/items":                itemParams,
		"GET /collections/incidents/items/{featureId}": f,
		"GET /collections/drafts/items/{featureId}":    f,
		"GET /collections/governorates/items":          whole,
		"GET /collections/districts/items":             whole,
		"GET /collections/subdistricts/items":          whole,
		"GET /collections/incidents/aggregate":         aggregateParams,
		"GET /collections/incidents/histogram":         histogramParams,
		"GET /collections/incidents/counts":            countsParams,
		"GET /collections/incidents/export":            exportParams,
		"GET /tiles/incidents/{z}/{x}/{y}.mvt":         tileParams,
		"GET /geocode":                                 {"q"},
		"GET /places":                                  {"q", "limit"},
		"GET /reverse":                                 {"lat", "lon"},
		"GET /places/labels":                           {"bbox", "zoom"},
		"GET /proposals":                               {"incident_id", "after", "limit"},
		"GET /events":                                  nil,
	}
	for path, ops := range doc.Paths {
		var shared []parameter // the path's own, shared by its operations
		if raw, ok := ops["parameters"]; ok {
			if err := json.Unmarshal(raw, &shared); err != nil {
				t.Fatal(err)
			}
		}
		for method, raw := range ops {
			if method == "parameters" || method == "servers" {
				continue
			}
			var op operation
			if err := json.Unmarshal(raw, &op); err != nil {
				t.Fatal(err)
			}
			key := strings.ToUpper(method) + " " + path
			want, known := accepted[key]
			if !known && method == "get" {
				t.Errorf("%s is documented and not in this test's table", key)
				continue
			}
			var got []string
			for _, p := range append(shared, op.Parameters...) {
				if p.Ref != "" {
					p = doc.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
				}
				if p.In == "query" {
					got = append(got, p.Name)
				}
			}
			want = slices.Clone(want) // writes: none
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s documents %v, accepts %v", key, got, want)
			}
		}
	}
}
