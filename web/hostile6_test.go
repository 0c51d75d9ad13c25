package web_test

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
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
