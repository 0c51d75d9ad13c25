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
			if method == "parameters" {
				continue
			}
			n++
			url := srv.URL + strings.ReplaceAll(path, "{featureId}", "1")
			body := ""
			if method == "patch" || method == "post" || method == "put" {
				body = "{}"
			}
			resp, _ := do(t, strings.ToUpper(method), url, editorToken, "application/json", body)
			if resp.StatusCode == http.StatusMethodNotAllowed || (resp.StatusCode == http.StatusNotFound && !strings.Contains(path, "{") && path != "/api/geocode") {
				t.Errorf("%s %s is documented but answers %d", strings.ToUpper(method), path, resp.StatusCode)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d operations documented", n)
	}
}
