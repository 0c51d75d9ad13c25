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
	var doc struct {
		Paths map[string]map[string]json.RawMessage
	}
	getJSON(t, srv.URL+"/api/openapi", http.StatusOK, &doc)
	n := 0
	for path, ops := range doc.Paths {
		for method := range ops {
			if method == "parameters" || path == "/api/events" { // a stream that stays open: TestEvents
				continue
			}
			n++
			url := srv.URL + strings.NewReplacer("{featureId}", "1", "{proposalId}", "1", "{z}", "6", "{x}", "38", "{y}", "25").Replace(path)
			body := ""
			if method == "patch" || method == "post" || method == "put" {
				body = "{}"
			}
			resp, _ := do(t, strings.ToUpper(method), url, editorToken, "application/json", body)
			if resp.StatusCode == http.StatusMethodNotAllowed || (resp.StatusCode == http.StatusNotFound && !strings.Contains(path, "Id}") && path != "/api/geocode") {
				t.Errorf("%s %s is documented but answers %d", strings.ToUpper(method), path, resp.StatusCode)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d operations documented", n)
	}
}

// TestSchema checks the describedby schema names every property features carry,
// with the types they are encoded with.
func TestSchema(t *testing.T) {
	srv, _ := newTestServer(t)
	var schema struct {
		Properties map[string]struct{ Type string }
	}
	getJSON(t, srv.URL+"/api/collections/incidents/schema", http.StatusOK, &schema)
	var fc struct {
		Features []struct{ Properties map[string]any }
	}
	getJSON(t, srv.URL+"/api/collections/incidents/items?limit=1", http.StatusOK, &fc)
	for name, v := range fc.Features[0].Properties {
		s, ok := schema.Properties[name]
		if !ok {
			t.Errorf("property %q is not in the schema", name)
			continue
		}
		switch v.(type) {
		case string:
			if s.Type != "string" {
				t.Errorf("%s is a string, schema says %s", name, s.Type)
			}
		case float64:
			if s.Type != "integer" && s.Type != "number" {
				t.Errorf("%s is a number, schema says %s", name, s.Type)
			}
		}
	}
}
