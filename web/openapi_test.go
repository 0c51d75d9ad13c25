package web_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestOpenAPI_DescribesWhatIsServed sends every operation the OpenAPI document
// lists to the server: none may be unrouted (404 with no such path, or 405).
func TestOpenAPI_DescribesWhatIsServed(t *testing.T) {
	srv, _ := newTestServer(t)
	type server struct{ URL string }
	var doc struct {
		Servers []server
		Paths   map[string]map[string]json.RawMessage
	}
	getJSON(t, srv.URL+"/api/openapi", http.StatusOK, &doc)
	if len(doc.Servers) != 1 || doc.Servers[0].URL != "/api" {
		t.Fatalf("servers = %v, want /api: OGC clients (GDAL) look paths up relative to the landing page", doc.Servers)
	}
	n := 0
	for path, ops := range doc.Paths {
		base := doc.Servers[0].URL
		var own []server
		if json.Unmarshal(ops["servers"], &own) == nil && len(own) == 1 {
			base = strings.TrimSuffix(own[0].URL, "/")
		}
		for method := range ops {
			if method == "parameters" || method == "servers" || path == "/events" { // a stream that stays open: TestEvents
				continue
			}
			n++
			url := srv.URL + base + strings.NewReplacer("{featureId}", "1", "{proposalId}", "1", "{z}", "6", "{x}", "38", "{y}", "25").Replace(path)
			body := ""
			if method == "patch" || method == "post" || method == "put" {
				body = "{}"
			}
			resp, _ := do(t, strings.ToUpper(method), url, editorToken, "application/json", body)
			if resp.StatusCode == http.StatusMethodNotAllowed || (resp.StatusCode == http.StatusNotFound && !strings.Contains(path, "Id}") && path != "/geocode") {
				t.Errorf("%s %s is documented but answers %d", strings.ToUpper(method), path, resp.StatusCode)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d operations documented", n)
	}
}

// TestSchema checks that both schemas, the Part 5 one of the properties and
// the GeoJSON feature one the collection's describedby links name, list
// every property features carry with the type it is encoded with.
func TestSchema(t *testing.T) {
	srv, _ := newTestServer(t)
	var props struct {
		Properties map[string]struct{ Type string }
	}
	getJSON(t, srv.URL+"/api/collections/incidents/schema", http.StatusOK, &props)
	var coll struct {
		Links []struct{ Href, Rel, Type string }
	}
	getJSON(t, srv.URL+"/api/collections/incidents", http.StatusOK, &coll)
	described := map[string]string{}
	for _, l := range coll.Links {
		if strings.EqualFold(l.Rel, "describedby") && l.Type == "application/schema+json" {
			described[l.Rel] = l.Href
		}
	}
	if described["describedby"] == "" || described["describedBy"] != described["describedby"] {
		t.Fatalf("describedby links = %v, want describedby and GDAL's describedBy naming one schema", described)
	}
	var feat struct {
		Properties struct {
			Properties struct {
				Properties map[string]struct{ Type string }
			}
		}
	}
	getJSON(t, described["describedby"], http.StatusOK, &feat)
	var fc struct {
		Features []struct{ Properties map[string]any }
	}
	getJSON(t, srv.URL+"/api/collections/incidents/items?limit=100", http.StatusOK, &fc)
	for schemaName, schema := range map[string]map[string]struct{ Type string }{
		"schema": props.Properties, "feature-schema": feat.Properties.Properties.Properties} {
		for _, f := range fc.Features {
			for name, v := range f.Properties {
				s, ok := schema[name]
				if !ok {
					t.Errorf("%s: property %q is not in it", schemaName, name)
					continue
				}
				if want := jsonType(v); want != "" && s.Type != want && !(want == "number" && s.Type == "integer") {
					t.Errorf("%s: %s is a %s, the schema says %s", schemaName, name, want, s.Type)
				}
			}
		}
	}
}

// jsonType is the JSON Schema type of a decoded value ("" for null).
func jsonType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	case bool:
		return "boolean"
	}
	return ""
}
