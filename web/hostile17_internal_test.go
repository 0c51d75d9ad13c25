package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestWrites_IfUnmodifiedSince: a PUT, PATCH or DELETE whose
// If-Unmodified-Since is before the incident's updated_at answers 412
// naming the header and changes nothing (RFC 9110 13.1.4); a date at or
// after it (the second of updated_at included, as an HTTP-date holds no
// fraction) lets it through; the header is ignored beside an If-Match and
// when it is not one valid HTTP-date. Both stores. Rounds 15 and 16 left it
// open: a stale date was ignored and the write done.
func TestWrites_IfUnmodifiedSince(t *testing.T) { onBothStores(t, testWritesIfUnmodifiedSince) }

func testWritesIfUnmodifiedSince(t *testing.T, store incidentStore) {
	send := round16Server(t, store)
	item, _ := createRound16(t, send)
	state := func() (etag string, updated time.Time) {
		t.Helper()
		resp, body := send("GET", item, "", nil)
		var f struct {
			Properties struct {
				UpdatedAt time.Time `json:"updated_at"`
			} `json:"properties"`
		}
		if err := json.Unmarshal([]byte(body), &f); err != nil || f.Properties.UpdatedAt.IsZero() {
			t.Fatalf("GET %s = %d %s: no updated_at (%v)", item, resp.StatusCode, body, err)
		}
		return resp.Header.Get("ETag"), f.Properties.UpdatedAt
	}
	current, updated := state()
	before := updated.Add(-time.Second).UTC().Format(http.TimeFormat)
	writes := []struct{ method, contentType, body string }{
		{"PATCH", "application/merge-patch+json", `{"properties":{"killed":9}}`},
		{"PUT", "application/geo+json", strings.Replace(round16Feature, `"killed":1`, `"killed":9`, 1)},
		{"DELETE", "", ""},
	}
	ctx := context.Background()
	v0, _ := store.Version(ctx)
	for _, w := range writes {
		for _, date := range []string{before, "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"} {
			resp, body := send(w.method, item, w.body, map[string]string{"Content-Type": w.contentType, "If-Unmodified-Since": date})
			if resp.StatusCode != http.StatusPreconditionFailed || !strings.Contains(body, "If-Unmodified-Since") ||
				!strings.Contains(body, "nothing was changed") || resp.Header.Get("Content-Type") != "application/problem+json" {
				t.Errorf("%s with If-Unmodified-Since %s = %d %s; want a 412 problem naming If-Unmodified-Since", w.method, date, resp.StatusCode, body)
			}
		}
	}
	if v, _ := store.Version(ctx); v != v0 {
		t.Errorf("writes refused with 412 moved the data version %d → %d", v0, v)
	}
	if got, _ := state(); got != current {
		t.Errorf("the incident changed under writes refused: ETag %s → %s", current, got)
	}
	// Ignored: beside an If-Match (which holds), not a date, several fields.
	ignored := []map[string]string{
		{"If-Match": current, "If-Unmodified-Since": before},
		{"If-Unmodified-Since": "yesterday"},
		{"If-Unmodified-Since": before + ", " + before},
		{"If-Unmodified-Since": "2025-12-01T00:00:00Z"},
	}
	for i, h := range ignored {
		h["Content-Type"] = "application/merge-patch+json"
		current, _ := state()
		if i == 0 {
			h["If-Match"] = current
		}
		resp, body := send("PATCH", item, `{"properties":{"injured":`+string(rune('1'+i))+`}}`, h)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("PATCH with %v = %d %s; want it done, the date ignored", h, resp.StatusCode, body)
		}
	}
	// A date at updated_at's own second, or later, holds.
	for _, w := range writes {
		_, updated := state()
		for _, at := range []time.Time{updated, updated.Add(time.Hour)} {
			if w.method == "DELETE" && at == updated {
				continue // the later date deletes it below
			}
			resp, body := send(w.method, item, w.body, map[string]string{"Content-Type": w.contentType,
				"If-Unmodified-Since": at.UTC().Format(http.TimeFormat)})
			want := http.StatusOK
			if w.method == "DELETE" {
				want = http.StatusNoContent
			}
			if resp.StatusCode != want {
				t.Errorf("%s with If-Unmodified-Since %s (updated_at %s) = %d %s; want it done", w.method,
					at.UTC().Format(http.TimeFormat), updated.Format(time.RFC3339Nano), resp.StatusCode, body)
			}
			if w.method != "DELETE" {
				_, updated = state()
			}
		}
	}
}

// TestItem_IfUnmodifiedSinceOnRead: a GET or HEAD of an incident with an
// If-Unmodified-Since before its updated_at answers 412 (RFC 9110 13.1.4
// and 13.2.2, as If-Match on a read does since round 16); at or after it,
// invalid, or beside an If-Match, it is the 200.
func TestItem_IfUnmodifiedSinceOnRead(t *testing.T) { onBothStores(t, testItemIfUnmodifiedSinceOnRead) }

func testItemIfUnmodifiedSinceOnRead(t *testing.T, store incidentStore) {
	send := round16Server(t, store)
	resp, body := send("POST", "/api/collections/incidents/items", round16Feature, map[string]string{"Content-Type": "application/geo+json"})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST = %d %s", resp.StatusCode, body)
	}
	item := strings.TrimPrefix(resp.Header.Get("Location"), "http://"+resp.Request.URL.Host)
	etag := resp.Header.Get("ETag")
	var f struct {
		Properties struct {
			UpdatedAt time.Time `json:"updated_at"`
		} `json:"properties"`
	}
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		t.Fatal(err)
	}
	before := f.Properties.UpdatedAt.Add(-time.Second).UTC().Format(http.TimeFormat)
	at := f.Properties.UpdatedAt.UTC().Format(http.TimeFormat)
	for _, method := range []string{"GET", "HEAD"} {
		for _, tc := range []struct {
			h    map[string]string
			want int
		}{
			{map[string]string{"If-Unmodified-Since": before}, http.StatusPreconditionFailed},
			{map[string]string{"If-Unmodified-Since": at}, http.StatusOK},
			{map[string]string{"If-Unmodified-Since": "not a date"}, http.StatusOK},
			{map[string]string{"If-Unmodified-Since": before, "If-Match": etag}, http.StatusOK},
			{map[string]string{"If-Unmodified-Since": before, "If-None-Match": etag}, http.StatusPreconditionFailed},
			{map[string]string{"If-Unmodified-Since": at, "If-None-Match": etag}, http.StatusNotModified},
		} {
			resp, body := send(method, item, "", tc.h)
			if resp.StatusCode != tc.want {
				t.Errorf("%s with %v = %d %s; want %d", method, tc.h, resp.StatusCode, body, tc.want)
			}
			if method == "GET" && tc.want == http.StatusPreconditionFailed && !strings.Contains(body, "If-Unmodified-Since") {
				t.Errorf("GET with %v: %s; want the detail to name If-Unmodified-Since", tc.h, body)
			}
		}
	}
}

// TestCreate_Preconditions: a POST to a collection evaluates If-Match and
// If-None-Match against the collection, which always exists (RFC 9110
// 13.1.1, 13.1.2): If-None-Match: * or the collection's current ETag is a
// 412 creating nothing, If-Match of a tag (the collection's are weak, and
// If-Match compares strongly) too; If-Match: * and If-None-Match of another
// state create. Both collections, both stores. Round 16 left them ignored:
// every one of these created an incident.
func TestCreate_Preconditions(t *testing.T) { onBothStores(t, testCreatePreconditions) }

func testCreatePreconditions(t *testing.T, store incidentStore) {
	send := round16Server(t, store)
	ctx := context.Background()
	for _, coll := range []string{"incidents", "drafts"} {
		items := "/api/collections/" + coll + "/items"
		resp, body := send("GET", items, "", nil)
		listing := resp.Header.Get("ETag")
		if resp.StatusCode != http.StatusOK || listing == "" {
			t.Fatalf("GET %s = %d, ETag %q: %s", items, resp.StatusCode, listing, body)
		}
		v0, _ := store.Version(ctx)
		for _, tc := range []struct {
			h    map[string]string
			name string
		}{
			{map[string]string{"If-None-Match": "*"}, "If-None-Match"},
			{map[string]string{"If-None-Match": listing}, "If-None-Match"},
			{map[string]string{"If-None-Match": `"other", ` + strings.TrimPrefix(listing, "W/")}, "If-None-Match"},
			{map[string]string{"If-Match": `"anything"`}, "If-Match"},
			{map[string]string{"If-Match": listing}, "If-Match"},
			{map[string]string{"If-Match": `"x"`, "If-None-Match": `"y"`}, "If-Match"},
		} {
			tc.h["Content-Type"] = "application/geo+json"
			resp, body := send("POST", items, round16Feature, tc.h)
			if resp.StatusCode != http.StatusPreconditionFailed || !strings.Contains(body, tc.name+": the collection") {
				t.Errorf("POST %s with %v = %d %s; want a 412 naming %s", items, tc.h, resp.StatusCode, body, tc.name)
			}
		}
		if v, _ := store.Version(ctx); v != v0 {
			t.Errorf("POSTs refused with 412 moved the data version %d → %d", v0, v)
		}
		for _, h := range []map[string]string{
			{"If-Match": "*"},
			{"If-None-Match": `W/"p0-0", "other"`},
			{"If-None-Match": listing}, // the first create moved the collection on
		} {
			h["Content-Type"] = "application/geo+json"
			resp, body := send("POST", items, round16Feature, h)
			if resp.StatusCode != http.StatusCreated {
				t.Errorf("POST %s with %v = %d %s; want 201", items, h, resp.StatusCode, body)
			}
		}
	}
}

// TestWrites_TypeErrorsInTheBodysWords: a body whose member has the wrong
// kind of value (a string for a count, an object for the sources, an array
// for the whole feature) is a 400 naming the member and the kinds of value
// given and wanted, in JSON's words. The detail was encoding/json's, in
// Go's: "json: cannot unmarshal string into Go struct field
// Properties.killed of type int", and for a body that was not an object
// the Go type of a struct of the server's, tags and all.
func TestWrites_TypeErrorsInTheBodysWords(t *testing.T) {
	onBothStores(t, testWritesTypeErrors)
}

func testWritesTypeErrors(t *testing.T, store incidentStore) {
	send := round16Server(t, store, noCandidates{})
	const items = "/api/collections/incidents/items"
	item, _ := createRound16(t, send)
	withProp := func(member string) string {
		return strings.Replace(round16Feature, `"killed":1`, member, 1)
	}
	for _, tc := range []struct {
		method, path, contentType, body string
		want                            []string // in the detail
	}{
		{"POST", items, "application/geo+json", `[]`, []string{"an array where an object is wanted"}},
		{"POST", items, "application/geo+json", `"x"`, []string{"a string where an object is wanted"}},
		{"POST", items, "application/geo+json", `true`, []string{"true or false where an object is wanted"}},
		{"POST", items, "application/geo+json", `{"type":1}`, []string{"type: a number where a string is wanted"}},
		{"POST", items, "application/geo+json", `{"type":"Feature","geometry":"x","properties":{}}`, []string{"geometry: a string where an object is wanted"}},
		{"POST", items, "application/geo+json", `{"type":"Feature","geometry":{"type":["Point"],"coordinates":[1,2]}}`, []string{"geometry: type: an array where a string is wanted"}},
		{"POST", items, "application/geo+json", withProp(`"killed":"5"`), []string{"properties: killed: a string where a whole number is wanted"}},
		{"POST", items, "application/geo+json", withProp(`"killed":1.5`), []string{"properties: killed: the number 1.5 where a whole number is wanted"}},
		{"POST", items, "application/geo+json", withProp(`"killed":99999999999999999999`), []string{"killed: the number 99999999999999999999 where a whole number is wanted"}},
		{"POST", items, "application/geo+json", withProp(`"sources":{}`), []string{"properties: sources: an object where an array is wanted"}},
		{"POST", items, "application/geo+json", withProp(`"sources":[1]`), []string{"properties: sources: a number where an object is wanted"}},
		{"POST", items, "application/geo+json", withProp(`"sources":[{"title":1}]`), []string{"properties: sources.title: a number where a string is wanted"}},
		{"POST", items, "application/geo+json", withProp(`"created_at":"yesterday"`), []string{`properties: \"yesterday\" is not an RFC 3339 instant`}},
		{"POST", items, "application/geo+json", withProp(`"place_name_ar":5`), []string{"properties: place_name_ar: a number where a string is wanted"}},
		{"PUT", item, "application/geo+json", withProp(`"killed":[]`), []string{"properties: killed: an array where a whole number is wanted"}},
		{"PATCH", item, "application/merge-patch+json", `{"properties":{"killed":"5"}}`, []string{"properties: killed: a string where a whole number is wanted"}},
		{"PATCH", item, "application/merge-patch+json", `{"properties":{"sources":[{"published":5}]}}`, []string{"sources.published: a number where a string is wanted"}},
		{"POST", "/api/ingest", "application/json", `[]`, []string{"body: an array where an object is wanted"}},
		{"POST", "/api/ingest", "application/json", `{"text":5}`, []string{"body: text: a number where a string is wanted"}},
		{"POST", "/api/ingest", "application/json", `{"text":"x","source":[]}`, []string{"body: source: an array where an object is wanted"}},
	} {
		resp, body := send(tc.method, tc.path, tc.body, map[string]string{"Content-Type": tc.contentType})
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s %s %s = %d %s; want 400", tc.method, tc.path, tc.body, resp.StatusCode, body)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s %s: %s: detail %s; want it to say %q", tc.method, tc.path, tc.body, body, w)
			}
		}
		for _, goWords := range []string{"Go ", "struct", "json:", "int64", "2006-01-02"} {
			if strings.Contains(body, goWords) {
				t.Errorf("%s %s: %s: detail %s speaks Go (%q)", tc.method, tc.path, tc.body, body, goWords)
			}
		}
	}
}

// TestPatch_ManySourcesRefusedBeforeTheWrite: a merge patch citing more
// sources than an incident may is refused when it is checked, before the
// write's transaction. It was decoded there (349,000 sources from a 1 MiB
// body, 0.5 s each), holding SQLite's write lock: of 32 such PATCHes at
// once, those waiting longest for the lock were answered 500 "database is
// locked".
func TestPatch_ManySourcesRefusedBeforeTheWrite(t *testing.T) {
	for _, n := range []int{101, 349_000} {
		body := `{"properties":{"sources":[` + strings.Repeat(`{},`, n-1) + `{}]}}`
		_, err := preparePatch([]byte(body))
		if !errors.Is(err, incidents.ErrInvalid) || !strings.Contains(err.Error(), fmt.Sprintf("%d sources; an incident cites at most 100", n)) {
			t.Errorf("preparePatch of %d sources: %v; want it refused, saying so", n, err)
		}
	}
	if _, err := preparePatch([]byte(`{"properties":{"sources":[{"title":"t","url":"https://a.example/1"}]}}`)); err != nil {
		t.Errorf("preparePatch of one source: %v", err)
	}
}

// TestWriteError_BusyIs503: a write the store refused because another held
// its lock past the busy timeout (incidents.ErrBusy) is a 503 with
// Retry-After saying so, not a 500: a PATCH sent while `mapsrv import` ran
// on the same SQLite file was answered 500 after 5 s.
func TestWriteError_BusyIs503(t *testing.T) {
	w := httptest.NewRecorder()
	r := httptest.NewRequest("PATCH", "/api/collections/incidents/items/5", nil)
	err := fmt.Errorf("%w: another write held the lock", incidents.ErrBusy)
	writeError(w, r, slog.New(slog.NewTextHandler(io.Discard, nil)), err)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "busy") {
		t.Errorf("writeError(ErrBusy) = %d, Retry-After %q, %s; want 503 with Retry-After and the detail", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
}
