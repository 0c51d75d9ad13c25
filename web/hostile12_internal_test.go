package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/extract"
	"github.com/mapsrv/mapsrv/incidents"
)

// noCandidates is an extractor that proposes nothing: these tests look at what
// ingestion refuses before it reads the text.
type noCandidates struct{}

func (noCandidates) ExtractLang(string, time.Time, string) []extract.Candidate { return nil }

// hostile12Server serves store to an editor and an ingest token and returns a
// function sending method to path with the token of role, a body (JSON when
// not empty) and headers, giving the status, the headers and the answer.
func hostile12Server(t *testing.T, store incidentStore) func(role, method, path, body string, header ...string) (int, http.Header, string) {
	t.Helper()
	const editor, ingester = "editor-token-0123456789", "ingest-token-0123456789"
	tokens, err := ParseTokens("editor:" + editor + ",ingest:" + ingester)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(NewServer(Config{Store: store, Tokens: tokens, Extractor: noCandidates{}}))
	t.Cleanup(srv.Close)
	return func(role, method, path, body string, header ...string) (int, http.Header, string) {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		switch role {
		case "editor":
			req.Header.Set("Authorization", "Bearer "+editor)
		case "ingest":
			req.Header.Set("Authorization", "Bearer "+ingester)
		}
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header, string(b)
	}
}

// TestDates_YearOneFirstDayIsADate: 0001-01-01 is the zero time, which stands
// for "no date" everywhere, so it was taken for none. A source published
// 0001-01-01 was stored as of no date (201) where 0001-01-02 is refused naming
// the range; ingestion did the same with a report's published date; and a
// CQL2 DATE('0001-01-01') was bound as NULL by PostGIS, matching nothing,
// where SQLite matched every incident after it.
func TestDates_YearOneFirstDayIsADate(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		ctx := context.Background()
		if _, err := store.Add(ctx, seedIncidents(t)); err != nil {
			t.Fatal(err)
		}
		send := hostile12Server(t, store)
		count := func() int {
			found, err := store.Find(ctx, incidents.Filter{Limit: 10000})
			if err != nil {
				t.Fatal(err)
			}
			drafts, err := store.Find(ctx, incidents.Filter{Status: incidents.StatusDraft, Limit: 10000})
			if err != nil {
				t.Fatal(err)
			}
			return len(found) + len(drafts)
		}
		before := count()
		withSource := strings.Replace(newFeature9, `"summary_en"`,
			`"sources":[{"title":"t","url":"https://h12.example/a","published":"0001-01-01"}],"summary_en"`, 1)
		for _, tc := range []struct{ name, role, method, path, body, field string }{
			{"a source's published", "editor", "POST", "/api/collections/drafts/items", withSource, "sources[0].published"},
			{"date_from and date_to", "editor", "POST", "/api/collections/drafts/items",
				strings.NewReplacer(`"2025-12-03"`, `"0001-01-01"`).Replace(newFeature9), "date_from"},
			{"a report's published", "ingest", "POST", "/api/ingest",
				`{"text":"A report written for this test.","published":"0001-01-01","source":{"url":"https://h12.example/r"}}`, "published"},
		} {
			code, _, body := send(tc.role, tc.method, tc.path, tc.body)
			if code != http.StatusBadRequest || !strings.Contains(body, tc.field+": 0001-01-01 is outside the dates accepted, 1900-01-01..2100-12-31") {
				t.Errorf("%s of 0001-01-01 = %d %s, want 400 naming %s and the range", tc.name, code, body, tc.field)
			}
		}
		if n := count(); n != before {
			t.Errorf("%d incidents after the refused writes, %d before", n, before)
		}
		// Every seed incident is dated after 0001-01-01: the filters must say so on both stores.
		for filter, want := range map[string]int{
			"date_from > DATE('0001-01-01')":  before,
			"date_from >= DATE('0001-01-01')": before,
			"date_from = DATE('0001-01-01')":  0,
			"date_to < DATE('0001-01-01')":    0,
		} {
			code, _, body := send("", "GET", "/api/collections/incidents/items?limit=10000&filter="+url.QueryEscape(filter), "")
			var fc struct{ NumberReturned int }
			if err := json.Unmarshal([]byte(body), &fc); code != http.StatusOK || err != nil || fc.NumberReturned != want {
				t.Errorf("filter %s = %d, %d incidents, want %d", filter, code, fc.NumberReturned, want)
			}
		}
	})
}

// TestProposals_IncidentIDBeyondInt32: an incident_id past 2^31-1 was bound
// by PostGIS as the integer its "$1 <= 0" made it, and failed: a 500.
func TestProposals_IncidentIDBeyondInt32(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		send := hostile12Server(t, store)
		for _, id := range []string{"2147483648", "9223372036854775807"} {
			code, _, body := send("editor", "GET", "/api/proposals?incident_id="+id, "")
			if code != http.StatusOK || !strings.Contains(body, `"proposals":[]`) {
				t.Errorf("proposals?incident_id=%s = %d %s, want 200 and none", id, code, body)
			}
		}
	})
}

// TestSources_NothingIsNoSource: a source with neither a url nor a title (a
// null or {} in the sources array) was stored as one, cited and shown blank.
func TestSources_NothingIsNoSource(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		send := hostile12Server(t, store)
		for _, sources := range []string{`[null]`, `[{}]`, `[{"title":"kept"},{"publisher":"only a publisher"}]`} {
			body := strings.Replace(newFeature9, `"summary_en"`, `"sources":`+sources+`,"summary_en"`, 1)
			code, _, answer := send("editor", "POST", "/api/collections/drafts/items", body)
			if code != http.StatusBadRequest || !strings.Contains(answer, "a source needs a url or a title") {
				t.Errorf("sources %s = %d %s, want 400 saying a source needs a url or a title", sources, code, answer)
			}
		}
		body := strings.Replace(newFeature9, `"summary_en"`, `"sources":[{"title":"a title alone"}],"summary_en"`, 1)
		if code, _, answer := send("editor", "POST", "/api/collections/drafts/items", body); code != http.StatusCreated {
			t.Errorf("a source known by its title = %d %s, want 201", code, answer)
		}
	})
}

// TestCache_VaryOfTheRequest: the response cache kept the Vary of the request
// that made its copy (CORS's Origin among it) and put it in place of the Vary
// of every request it answered, so that a request with an Origin answered
// from a copy made without one lacked Vary: Origin, and a shared cache could
// hand the answer without CORS headers to a browser.
func TestCache_VaryOfTheRequest(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		if _, err := store.Add(context.Background(), seedIncidents(t)); err != nil {
			t.Fatal(err)
		}
		testVaryOfTheRequest(t, hostile12Server(t, store))
	})
}

func testVaryOfTheRequest(t *testing.T, send func(role, method, path, body string, header ...string) (int, http.Header, string)) {
	vary := func(h http.Header) string { return strings.Join(h.Values("Vary"), ", ") }
	const path = "/api/collections/incidents/items?limit=2"
	for i, origin := range []string{"", "https://gis.example", "", "https://gis.example"} {
		var h http.Header
		if origin == "" {
			_, h, _ = send("", "GET", path, "")
		} else {
			_, h, _ = send("", "GET", path, "", "Origin", origin)
		}
		hasOrigin := strings.Contains(vary(h), "Origin")
		if origin != "" && (!hasOrigin || h.Get("Access-Control-Allow-Origin") != "*") {
			t.Errorf("request %d, with an Origin: Vary %q, Access-Control-Allow-Origin %q, want Origin among the Vary and *", i, vary(h), h.Get("Access-Control-Allow-Origin"))
		}
		if origin == "" && hasOrigin {
			t.Errorf("request %d, without an Origin: Vary %q, want no Origin (none was read)", i, vary(h))
		}
		if !strings.Contains(vary(h), "Accept-Encoding") {
			t.Errorf("request %d: Vary %q, want Accept-Encoding", i, vary(h))
		}
	}
}

// TestSources_OneSourceTwice: a write citing one source twice (the same URL,
// the same URL but for its host's case and a tracking parameter, the same
// title without a URL) linked it once, as the stores mean to, but stored the
// incident's feature with it twice: listings and exports listed it twice,
// reading the incident alone once, and check found the feature stale.
func TestSources_OneSourceTwice(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		send := hostile12Server(t, store)
		for _, sources := range []string{
			`[{"title":"t","url":"https://dup.example/a"},{"title":"t","url":"https://dup.example/a"}]`,
			`[{"title":"t","url":"https://dup.example/c?utm_source=x"},{"title":"t","url":"https://DUP.example/c"}]`,
			`[{"title":"same title"},{"title":"x","url":"https://dup.example/d"},{"title":"same title"}]`,
		} {
			body := strings.Replace(newFeature9, `"summary_en"`, `"sources":`+sources+`,"summary_en"`, 1)
			code, _, answer := send("editor", "POST", "/api/collections/incidents/items", body)
			if code != http.StatusCreated {
				t.Fatalf("sources %s = %d %s", sources, code, answer)
			}
		}
		cited := func(what, body string) {
			var fc struct {
				Features []struct {
					ID         int64
					Properties struct{ Sources []struct{ URL, Title string } }
				}
			}
			if err := json.Unmarshal([]byte(body), &fc); err != nil {
				t.Fatalf("%s: %v: %s", what, err, body)
			}
			for _, f := range fc.Features {
				seen := map[string]bool{}
				for _, s := range f.Properties.Sources {
					if seen[s.URL+"|"+s.Title] {
						t.Errorf("%s: incident %d lists %q twice: %+v", what, f.ID, s.URL+s.Title, f.Properties.Sources)
					}
					seen[s.URL+"|"+s.Title] = true
				}
			}
		}
		_, _, body := send("", "GET", "/api/collections/incidents/items", "")
		cited("the listing", body)
		_, _, body = send("", "GET", "/api/collections/incidents/export", "")
		cited("the export", body)
		problems, err := store.(interface {
			Check(context.Context) ([]string, error)
		}).Check(context.Background())
		if err != nil || len(problems) > 0 {
			t.Errorf("check: %v %v, want no problem", problems, err)
		}
	})
}
