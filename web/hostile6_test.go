package web_test

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// walkItems follows an items URL and its next links to the end, returning
// the ids of every page in order, the links of the first page, and the
// size of its answer.
func walkItems(t *testing.T, first string) (ids [][]int64, links []struct{ Href, Rel string }, size int) {
	t.Helper()
	next := first
	for next != "" && len(ids) < 20 {
		resp, err := http.Get(next)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %.200s = %d %.300s", next, resp.StatusCode, body)
		}
		var fc featureCollection
		if err := json.Unmarshal(body, &fc); err != nil {
			t.Fatal(err)
		}
		if ids == nil {
			links, size = fc.Links, len(body)
		}
		var page []int64
		for _, f := range fc.Features {
			page = append(page, f.ID)
		}
		ids = append(ids, page)
		next = ""
		for _, l := range fc.Links {
			if l.Rel == "next" {
				next = l.Href
			}
		}
	}
	return ids, links, size
}

// TestItems_LinksFromTheFilter: a page's self and next links are written from
// what the query means, not from how it was typed. They echoed the query, so
// that a valid query of 1 MB (a limit with a million leading zeros) made an
// answer of 2 MB. A query spelt long pages as its short spelling does, by
// the same links; an ordinary query's links read as before.
func TestItems_LinksFromTheFilter(t *testing.T) {
	srv, _ := newTestServer(t)
	items := srv.URL + "/api/collections/incidents/items?"
	zeros := strings.Repeat("0", 100_000)
	// Each query, and the same spelt long.
	cases := []struct{ name, short, long string }{
		{"limit", "limit=2", "limit=" + zeros + "2"},
		{"types", "limit=2&incident_type=arrest,armed_attack",
			"limit=2&incident_type=" + strings.Repeat("arrest,%20armed_attack,", 5_000) + "arrest"},
		{"bbox", "limit=2&bbox=35,32,38,37", "limit=2&bbox=" + zeros + "35," + zeros + "32,+38.000" + zeros + ",37e" + zeros + "0"},
		{"datetime", "limit=2&datetime=2025-11-25T00:00:00Z/..",
			"limit=2&datetime=2025-11-25T02:00:00." + zeros + "%2B02:00/.."},
		{"min_killed", "limit=1&min_killed=1", "limit=1&min_killed=" + zeros + "1"},
		{"filter", "limit=2&filter=" + url.QueryEscape("killed >= 1 OR incident_type = 'arrest'"),
			"limit=2&filter=" + url.QueryEscape("killed >= "+zeros[:60_000]+"1 OR incident_type = 'arrest'")},
		{"json filter", "limit=2&filter=" + url.QueryEscape("incident_type = 'arrest'"),
			"limit=2&filter-lang=cql2-json&filter=" + url.QueryEscape(`{"op":"=",`+strings.Repeat(" ", 60_000)+`"args":[{"property":"incident_type"},"arrest"]}`)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want, shortLinks, shortSize := walkItems(t, items+tc.short)
			if len(want) < 2 {
				t.Fatalf("%s: %d pages; the test needs a next link", tc.short, len(want))
			}
			got, links, size := walkItems(t, items+tc.long)
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Errorf("spelt long, pages %v; spelt short %v", got, want)
			}
			if size > shortSize+1000 {
				t.Errorf("a query of %d bytes answered %d bytes; its short spelling %d", len(tc.long), size, shortSize)
			}
			for _, l := range links {
				if len(l.Href) > 1000 {
					t.Errorf("%s link of %d bytes", l.Rel, len(l.Href))
				}
				if l.Rel == "self" {
					if again, _, _ := walkItems(t, l.Href); !slices.EqualFunc(again, want, slices.Equal) {
						t.Errorf("self link %s pages %v; want %v", l.Href, again, want)
					}
				}
			}
			// The short spelling's links are the query as given.
			for _, l := range shortLinks {
				if l.Rel == "self" && l.Href != items+must(url.ParseQuery(tc.short)).Encode() {
					t.Errorf("self link %s; want the query as given, %s", l.Href, tc.short)
				}
			}
		})
	}

	// A cursor spelt long (its id with leading zeros) pages on as its own.
	_, links, _ := walkItems(t, items+"limit=2")
	var next string
	for _, l := range links {
		if l.Rel == "next" {
			next = l.Href
		}
	}
	u := must(url.Parse(next))
	q := u.Query()
	raw := must(base64.RawURLEncoding.DecodeString(q.Get("cursor")))
	date, id, _ := strings.Cut(string(raw), ",")
	q.Set("cursor", base64.RawURLEncoding.EncodeToString([]byte(date+","+zeros+id)))
	u.RawQuery = q.Encode()
	want, _, _ := walkItems(t, next)
	got, links, size := walkItems(t, u.String())
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("cursor spelt long, pages %v; want %v", got, want)
	}
	for _, l := range links {
		if len(l.Href) > 1000 {
			t.Errorf("cursor spelt long: %s link of %d bytes (answer %d)", l.Rel, len(l.Href), size)
		}
	}
}

// TestPaths_IDsAsWritten: an id in a path is read only as ids are written
// (digits, no sign, no leading zero, nothing around them). strconv read a
// sign and leading zeros, so that /items/05, /items/+5 and /items/5%20 all
// answered incident 5, and a PUT, PATCH or DELETE of them changed it; each
// is now a 404 problem naming the id as given, as an unknown id is.
func TestPaths_IDsAsWritten(t *testing.T) {
	srv, _ := newTestServer(t)
	api := srv.URL + "/api"
	// A draft published, and a second report of it proposed as its source.
	status, first := ingestReport(t, srv.URL, saraqibArrest, "https://example.org/first", "Example News")
	if status != http.StatusCreated || len(first.Drafts) != 1 {
		t.Fatalf("first report: %d %+v, want one draft", status, first)
	}
	published := itoa(first.Drafts[0].ID)
	if resp, body := do(t, "PATCH", api+"/collections/drafts/items/"+published, editorToken, "application/merge-patch+json",
		`{"properties":{"status":"published"}}`); resp.StatusCode != http.StatusOK {
		t.Fatalf("publish = %d %s", resp.StatusCode, body)
	}
	if status, again := ingestReport(t, srv.URL, saraqibAgain, "https://example.org/second", "Other News"); status != http.StatusCreated || len(again.Proposed) != 1 {
		t.Fatalf("second report: %d %+v, want one proposal", status, again)
	}
	var list proposalList
	_, body := do(t, "GET", api+"/proposals", editorToken, "", "")
	json.Unmarshal([]byte(body), &list)
	if len(list.Proposals) != 1 {
		t.Fatalf("proposals = %s", body)
	}
	proposal := itoa(list.Proposals[0].ID)
	var drafts featureCollection
	_, body = do(t, "GET", api+"/collections/drafts/items", editorToken, "", "")
	json.Unmarshal([]byte(body), &drafts)
	if len(drafts.Features) == 0 {
		t.Fatal("no draft")
	}
	draft := itoa(drafts.Features[0].ID)
	_, before := do(t, "GET", api+"/collections/incidents/items/"+published, "", "", "")

	spellings := map[string]func(id string) (path, named string){
		"a leading zero":    func(id string) (string, string) { return "0" + id, "0" + id },
		"two leading zeros": func(id string) (string, string) { return "00" + id, "00" + id },
		"a plus sign":       func(id string) (string, string) { return "+" + id, "+" + id },
		"a space after":     func(id string) (string, string) { return id + "%20", id + " " },
		"a space before":    func(id string) (string, string) { return "%20" + id, " " + id },
	}
	patch := `{"properties":{"killed":7}}`
	for name, spell := range spellings {
		routes := []struct {
			method, path, id, token, ctype, body string
		}{
			{"GET", "/collections/incidents/items/", published, "", "", ""},
			{"HEAD", "/collections/incidents/items/", published, "", "", ""},
			{"GET", "/collections/drafts/items/", draft, editorToken, "", ""},
			{"PUT", "/collections/incidents/items/", published, editorToken, "application/geo+json", newFeature},
			{"PATCH", "/collections/incidents/items/", published, editorToken, "application/merge-patch+json", patch},
			{"PATCH", "/collections/drafts/items/", draft, editorToken, "application/merge-patch+json", patch},
			{"DELETE", "/collections/drafts/items/", draft, editorToken, "", ""},
			{"DELETE", "/collections/incidents/items/", published, editorToken, "", ""},
			{"POST", "/proposals/", proposal, editorToken, "application/json", ""},
		}
		for _, rt := range routes {
			p, named := spell(rt.id)
			url := api + rt.path + p
			if rt.path == "/proposals/" {
				url += "/reject"
			}
			resp, body := do(t, rt.method, url, rt.token, rt.ctype, rt.body)
			var problem struct{ Detail string }
			json.Unmarshal([]byte(body), &problem)
			if resp.StatusCode != http.StatusNotFound || rt.method != "HEAD" && (resp.Header.Get("Content-Type") != "application/problem+json" ||
				!strings.Contains(problem.Detail, strconv.Quote(named))) {
				t.Errorf("%s: %s %s = %d %.200s; want a 404 problem naming %q", name, rt.method, url, resp.StatusCode, body, named)
			}
		}
	}
	// Nothing changed.
	if _, after := do(t, "GET", api+"/collections/incidents/items/"+published, "", "", ""); after != before {
		t.Errorf("the incident changed:\n%s\n%s", before, after)
	}
	if resp, _ := do(t, "GET", api+"/collections/drafts/items/"+draft, editorToken, "", ""); resp.StatusCode != http.StatusOK {
		t.Errorf("the draft: %d", resp.StatusCode)
	}
	_, body = do(t, "GET", api+"/proposals", editorToken, "", "")
	if json.Unmarshal([]byte(body), &list); len(list.Proposals) != 1 {
		t.Errorf("proposals after: %s", body)
	}
}
