package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

const (
	editorToken = "editor-token-0123456789"
	ingestToken = "ingest-token-0123456789"
)

// do sends a request with an optional bearer token and JSON body.
func do(t *testing.T, method, url, token, contentType, body string) (*http.Response, string) {
	t.Helper()
	header := map[string]string{}
	if token != "" {
		header["Authorization"] = "Bearer " + token
	}
	return doWith(t, method, url, contentType, body, header)
}

const newFeature = `{"type":"Feature","geometry":{"type":"Point","coordinates":[36.8,35.87]},"properties":{
	"incident_type":"shelling","date_from":"2025-12-03","date_to":"2025-12-03","date_precision":"day",
	"geo_precision":"town","place_name_en":"Saraqib","admin1_pcode":"SY07","killed":1,"summary_en":"written for a test"}}`

func TestWrites_Auth(t *testing.T) {
	srv, store := newTestServer(t)
	items := srv.URL + "/api/collections/incidents/items"
	before, _ := store.Count(context.Background())
	resp, _ := do(t, "POST", items, "", "application/geo+json", newFeature)
	if resp.StatusCode != http.StatusUnauthorized || !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("POST without a token = %d, want 401 with WWW-Authenticate", resp.StatusCode)
	}
	if resp, _ := do(t, "POST", items, "wrong-token-0123456789", "application/geo+json", newFeature); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST with an unknown token = %d, want 401", resp.StatusCode)
	}
	if resp, _ := do(t, "POST", items, ingestToken, "application/geo+json", newFeature); resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST with an ingest token = %d, want 403", resp.StatusCode)
	}
	if resp, _ := do(t, "GET", srv.URL+"/api/collections/drafts/items", "", "", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("drafts without a token = %d, want 401", resp.StatusCode)
	}
	if after, _ := store.Count(context.Background()); after != before {
		t.Errorf("refused writes changed the store: %d → %d", before, after)
	}
}

func TestWrites_CreateEditPublishDelete(t *testing.T) {
	srv, _ := newTestServer(t)
	drafts := srv.URL + "/api/collections/drafts/items"
	resp, body := do(t, "POST", drafts, editorToken, "application/geo+json", newFeature)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST draft = %d %s", resp.StatusCode, body)
	}
	loc := resp.Header.Get("Location")
	var created struct{ ID int64 }
	json.Unmarshal([]byte(body), &created)
	if !strings.HasSuffix(loc, "/api/collections/drafts/items/"+itoa(created.ID)) {
		t.Errorf("Location %q does not name draft %d", loc, created.ID)
	}
	public := srv.URL + "/api/collections/incidents/items/" + itoa(created.ID)
	getJSON(t, public, http.StatusNotFound, nil) // a draft is not public

	// Editing with a merge patch: a count set to null is "not reported".
	resp, body = do(t, "PATCH", loc, editorToken, "application/merge-patch+json", `{"properties":{"killed":null,"injured":4}}`)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"killed":null`) || !strings.Contains(body, `"injured":4`) {
		t.Errorf("PATCH counts = %d %s", resp.StatusCode, body)
	}
	// An invalid edit is refused and changes nothing.
	resp, body = do(t, "PATCH", loc, editorToken, "application/merge-patch+json", `{"properties":{"incident_type":"riot"}}`)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "incident_type") {
		t.Errorf("invalid PATCH = %d %s", resp.StatusCode, body)
	}
	// Publishing makes it public at once.
	resp, _ = do(t, "PATCH", loc, editorToken, "application/merge-patch+json", `{"properties":{"status":"published"}}`)
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Location"), "/collections/incidents/items/") {
		t.Errorf("publish = %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	var got struct {
		Properties struct{ IncidentType, Status string }
	}
	getJSON(t, public, http.StatusOK, &got)
	// Replacing with PUT.
	replaced := strings.Replace(newFeature, `"shelling"`, `"airstrike"`, 1)
	replaced = strings.Replace(replaced, `"summary_en"`, `"status":"published","summary_en"`, 1)
	if resp, body := do(t, "PUT", public, editorToken, "application/geo+json", replaced); resp.StatusCode != http.StatusOK || !strings.Contains(body, `"airstrike"`) {
		t.Errorf("PUT = %d %s", resp.StatusCode, body)
	}
	if resp, _ := do(t, "DELETE", public, editorToken, "", ""); resp.StatusCode != http.StatusNoContent {
		t.Errorf("DELETE = %d, want 204", resp.StatusCode)
	}
	getJSON(t, public, http.StatusNotFound, nil)
	if resp, _ := do(t, "DELETE", public, editorToken, "", ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("second DELETE = %d, want 404", resp.StatusCode)
	}
}

func TestWrites_BadBodies(t *testing.T) {
	srv, store := newTestServer(t)
	items := srv.URL + "/api/collections/incidents/items"
	before, _ := store.Count(context.Background())
	tests := map[string]struct {
		contentType, body string
		want              int
	}{
		"wrong content type": {"text/plain", newFeature, http.StatusUnsupportedMediaType},
		"not JSON":           {"application/json", `{"type":`, http.StatusBadRequest},
		"not a feature":      {"application/json", `[1,2,3]`, http.StatusBadRequest},
		"a polygon":          {"application/geo+json", strings.Replace(newFeature, `"type":"Point","coordinates":[36.8,35.87]`, `"type":"Polygon","coordinates":[[[36,35],[37,35],[37,36],[36,35]]]`, 1), http.StatusBadRequest},
		"out of range":       {"application/geo+json", strings.Replace(newFeature, "[36.8,35.87]", "[36.8,135.87]", 1), http.StatusBadRequest},
		"oversized":          {"application/geo+json", strings.Replace(newFeature, "written for a test", strings.Repeat("x", 100<<10), 1), http.StatusRequestEntityTooLarge},
		"deeply nested":      {"application/json", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), http.StatusRequestEntityTooLarge},
		"invalid UTF-8":      {"application/geo+json", strings.Replace(newFeature, "written for a test", "\xff\xfe", 1), http.StatusBadRequest},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			resp, body := do(t, "POST", items, editorToken, tc.contentType, tc.body)
			if resp.StatusCode != tc.want || resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("POST = %d %.200s, want %d problem", resp.StatusCode, body, tc.want)
			}
		})
	}
	if after, _ := store.Count(context.Background()); after != before {
		t.Errorf("bad bodies changed the store: %d → %d", before, after)
	}
}

func TestIngest(t *testing.T) {
	srv, store := newTestServer(t)
	// A report written for this test.
	req := `{"text":"اعتقلت قوات الأمن خلية في مدينة سراقب بريف إدلب يوم 3 ديسمبر 2025.","published":"2025-12-05",
		"source":{"title":"تقرير تجريبي","url":"https://example.org/r1","publisher":"test"}}`
	resp, body := do(t, "POST", srv.URL+"/api/ingest", ingestToken, "application/json", req)
	var res struct {
		Duplicate bool
		Drafts    []struct {
			ID         int64
			Properties struct {
				IncidentType string `json:"incident_type"`
				Status       string
			}
		}
	}
	json.Unmarshal([]byte(body), &res)
	if resp.StatusCode != http.StatusCreated || len(res.Drafts) != 1 || res.Drafts[0].Properties.IncidentType != "arrest" || res.Drafts[0].Properties.Status != "draft" {
		t.Fatalf("ingest = %d %s, want one arrest draft", resp.StatusCode, body)
	}
	var listed featureCollection
	_, listBody := do(t, "GET", srv.URL+"/api/collections/drafts/items", editorToken, "", "")
	json.Unmarshal([]byte(listBody), &listed)
	found := false
	for _, f := range listed.Features {
		found = found || f.ID == res.Drafts[0].ID
	}
	if !found {
		t.Errorf("the ingested draft %d is not in the drafts collection", res.Drafts[0].ID)
	}
	before, _ := store.Count(context.Background())
	resp, body = do(t, "POST", srv.URL+"/api/ingest", ingestToken, "application/json", req)
	json.Unmarshal([]byte(body), &res)
	if resp.StatusCode != http.StatusOK || !res.Duplicate {
		t.Errorf("second ingest = %d %s, want 200 duplicate", resp.StatusCode, body)
	}
	if after, _ := store.Count(context.Background()); after != before {
		t.Errorf("ingesting a report twice stored %d more", after-before)
	}
	for name, bad := range map[string]string{
		"unknown field": `{"text":"x","source":{"title":"t"},"colour":1}`,
		"bad published": `{"text":"x","published":"yesterday","source":{"title":"t"}}`,
		"no source":     `{"text":"اعتقال في حلب"}`,
		"unknown lang":  `{"text":"Gunmen attacked a checkpoint in Aleppo.","lang":"fr","source":{"title":"t"}}`,
	} {
		if resp, body := do(t, "POST", srv.URL+"/api/ingest", ingestToken, "application/json", bad); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %d %s, want 400", name, resp.StatusCode, body)
		}
	}
}

// TestIngest_English posts an English report, with and without "lang": the
// same arrest draft. A report written for this test.
func TestIngest_English(t *testing.T) {
	srv, _ := newTestServer(t)
	for i, lang := range []string{"", `"lang":"en",`} {
		req := `{"text":"Security forces arrested a cell in the town of Saraqib in rural Idlib on December 3, 2025.",` + lang +
			`"published":"2025-12-05","source":{"title":"an English report","url":"https://example.org/en` + strconv.Itoa(i) + `"}}`
		resp, body := do(t, "POST", srv.URL+"/api/ingest", ingestToken, "application/json", req)
		var res struct {
			Drafts []struct {
				Properties struct {
					IncidentType string `json:"incident_type"`
					Admin1       string `json:"admin1_pcode"`
				}
			}
		}
		json.Unmarshal([]byte(body), &res)
		if resp.StatusCode != http.StatusCreated || len(res.Drafts) != 1 || res.Drafts[0].Properties.IncidentType != "arrest" ||
			res.Drafts[0].Properties.Admin1 != "SY07" {
			t.Errorf("lang %q: ingest = %d %s, want one arrest draft in Idlib", lang, resp.StatusCode, body)
		}
	}
}

// A write names its incident under a collection: a draft's path must not
// reach the published incident it has become (the review page discards a
// draft with DELETE on its drafts path, another editor may have published it
// meanwhile), nor an incident's path a draft. Both are 404, as GET is, and
// change nothing.
func TestWrites_PathNamesTheCollection(t *testing.T) {
	srv, _ := newTestServer(t)
	resp, body := do(t, "POST", srv.URL+"/api/collections/incidents/items", editorToken, "application/geo+json", newFeature)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST published = %d %s", resp.StatusCode, body)
	}
	var pub struct{ ID int64 }
	json.Unmarshal([]byte(body), &pub)
	resp, body = do(t, "POST", srv.URL+"/api/collections/drafts/items", editorToken, "application/geo+json", newFeature)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST draft = %d %s", resp.StatusCode, body)
	}
	var draft struct{ ID int64 }
	json.Unmarshal([]byte(body), &draft)
	published := srv.URL + "/api/collections/incidents/items/" + itoa(pub.ID)
	var before, after json.RawMessage
	getJSON(t, published, http.StatusOK, &before)

	asDraft := srv.URL + "/api/collections/drafts/items/" + itoa(pub.ID)
	asPublished := srv.URL + "/api/collections/incidents/items/" + itoa(draft.ID)
	for _, c := range []struct{ method, url, ct, body string }{
		{"PATCH", asDraft, "application/merge-patch+json", `{"properties":{"killed":7}}`},
		{"PUT", asDraft, "application/geo+json", strings.Replace(newFeature, `"killed":1`, `"killed":7`, 1)},
		{"DELETE", asDraft, "", ""},
		{"PATCH", asPublished, "application/merge-patch+json", `{"properties":{"killed":7}}`},
		{"PUT", asPublished, "application/geo+json", strings.Replace(newFeature, `"killed":1`, `"killed":7`, 1)},
		{"DELETE", asPublished, "", ""},
	} {
		if resp, body := do(t, c.method, c.url, editorToken, c.ct, c.body); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s %s = %d %s, want 404", c.method, c.url, resp.StatusCode, body)
		}
	}
	getJSON(t, published, http.StatusOK, &after)
	if string(before) != string(after) {
		t.Errorf("the published incident changed through the drafts path:\n%s\n%s", before, after)
	}
	resp, body = do(t, "GET", srv.URL+"/api/collections/drafts/items/"+itoa(draft.ID), editorToken, "", "")
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"killed":1`) {
		t.Errorf("the draft changed through the incidents path: %d %s", resp.StatusCode, body)
	}
}

// created_at and updated_at record the server's writes: a POST giving its
// own (a backdated creation, an update in 9999 that would sort first for
// ever) gets the time of the write, as PUT and PATCH do.
func TestWrites_CreateIgnoresClientTimestamps(t *testing.T) {
	srv, _ := newTestServer(t)
	start := time.Now().Add(-time.Minute)
	body := strings.Replace(newFeature, `"summary_en"`, `"created_at":"2000-01-01T00:00:00Z","updated_at":"9999-12-31T23:59:59Z","summary_en"`, 1)
	for _, coll := range []string{"drafts", "incidents"} {
		resp, got := do(t, "POST", srv.URL+"/api/collections/"+coll+"/items", editorToken, "application/geo+json", body)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST %s = %d %s", coll, resp.StatusCode, got)
		}
		var f, g struct {
			Properties struct {
				CreatedAt time.Time `json:"created_at"`
				UpdatedAt time.Time `json:"updated_at"`
			}
		}
		json.Unmarshal([]byte(got), &f)
		resp, stored := do(t, "GET", resp.Header.Get("Location"), editorToken, "", "")
		json.Unmarshal([]byte(stored), &g)
		if resp.StatusCode != http.StatusOK || g != f {
			t.Errorf("GET of the new incident = %d %s, want the times POST answered", resp.StatusCode, stored)
		}
		for name, at := range map[string]time.Time{"created_at": g.Properties.CreatedAt, "updated_at": g.Properties.UpdatedAt} {
			if at.Before(start) || at.After(time.Now().Add(time.Minute)) {
				t.Errorf("POST %s: %s = %v, want the time of the write", coll, name, at)
			}
		}
	}
}

// TestWrites_OversizedBodyAnswered: a body well over the limit, or sent
// without a token, was cut off with a connection reset while the client was
// still sending it, so the client saw "connection reset by peer" and never
// the 413 or 401 saying why. Each such request now gets its answer.
func TestWrites_OversizedBodyAnswered(t *testing.T) {
	srv, store := newTestServer(t)
	items := srv.URL + "/api/collections/incidents/items"
	big := strings.Replace(newFeature, "written for a test", strings.Repeat("x", 1<<20), 1)
	for i := range 5 {
		if resp, body := do(t, "POST", items, editorToken, "application/geo+json", big); resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("POST %d of a 1 MB feature over a 64 KB limit = %d %.200s, want 413", i, resp.StatusCode, body)
		}
		if resp, body := do(t, "POST", items, "", "application/geo+json", big); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("POST %d of a 1 MB feature without a token = %d %.200s, want 401", i, resp.StatusCode, body)
		}
	}
	if n, _ := store.Count(context.Background()); n == 0 {
		t.Error("the store is empty after refused writes")
	}
}

// TestWrites_TooLargeSaysTheLimit: a body over the limit was answered 413
// "http: request body too large", net/http's words, naming neither the
// limit nor how to change it (round 19). Every write says both.
func TestWrites_TooLargeSaysTheLimit(t *testing.T) {
	srv, _ := newTestServer(t)
	items := srv.URL + "/api/collections/incidents/items"
	big := strings.Replace(newFeature, "written for a test", strings.Repeat("x", 1<<20), 1)
	ingest := `{"text":"` + strings.Repeat("a", 1<<20) + `"}`
	for _, w := range []struct{ method, url, token, contentType, body string }{
		{"POST", items, editorToken, "application/geo+json", big},
		{"PUT", items + "/1", editorToken, "application/geo+json", big},
		{"PATCH", items + "/1", editorToken, "application/merge-patch+json", big},
		{"POST", srv.URL + "/api/ingest", ingestToken, "application/json", ingest},
	} {
		resp, body := do(t, w.method, w.url, w.token, w.contentType, w.body)
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "over 65536 bytes") ||
			!strings.Contains(body, "--max-body") || strings.Contains(body, "http:") {
			t.Errorf("%s %s of 1 MB = %d %.300s; want 413 naming the 65536 bytes and --max-body", w.method, w.url, resp.StatusCode, body)
		}
	}
}
