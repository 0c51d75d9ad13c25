package web_test

import (
	"io"
	"net/http"
	"net/url"
	"testing"
)

// etagOf GETs u with If-None-Match (when not empty) and returns the status
// and the ETag answered.
func etagOf(t *testing.T, u, ifNoneMatch string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	if ifNoneMatch != "" {
		req.Header.Set("If-None-Match", ifNoneMatch)
	}
	req.Header.Set("Authorization", "Bearer "+editorToken) // the drafts too
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNotModified {
		t.Fatalf("GET %.200s = %d %.300s", u, resp.StatusCode, body)
	}
	return resp.StatusCode, resp.Header.Get("ETag")
}

// TestPage_ETagOfTheFilter: the ETag of a page (a tile, a histogram, counts,
// an aggregate) is made from the filter as read, the form the links are
// written in, not the query as typed. It hashed the query as typed, so that
// a client holding a page under one spelling of its filter got it whole
// again under another. Two spellings of one filter now share an ETag, and
// If-None-Match from one is a 304 for the other; filters that differ never
// share one.
func TestPage_ETagOfTheFilter(t *testing.T) {
	srv, _ := newTestServer(t)
	esc := url.QueryEscape
	// Spellings of one query, each group under one path.
	same := []struct {
		path  string
		forms []string
	}{
		{"/api/collections/incidents/items", []string{"limit=2", "limit=002", "limit=2&bbox=", "limit=2&q="}},
		{"/api/collections/incidents/items", []string{"limit=2&incident_type=arrest,armed_attack",
			"incident_type=armed_attack,arrest&limit=2", "limit=2&incident_type=arrest,%20armed_attack,arrest"}},
		{"/api/collections/incidents/items", []string{"bbox=35,32,38,37", "bbox=35.0,32.00,3.8e1,+37", "bbox=035,32,38,37.000"}},
		{"/api/collections/incidents/items", []string{"datetime=2025-11-25T00:00:00Z/..", "datetime=2025-11-25T02:00:00%2B02:00/.."}},
		{"/api/collections/incidents/items", []string{"min_killed=1", "min_killed=01"}},
		{"/api/collections/incidents/items", []string{
			"filter=" + esc("killed >= 1 OR incident_type = 'arrest'"),
			"filter=" + esc("killed>=1 or incident_type='arrest'"),
			"filter=" + esc("(killed >= 01) OR (incident_type = 'arrest')"),
			"filter-lang=cql2-json&filter=" + esc(`{"op":"or","args":[{"op":">=","args":[{"property":"killed"},1]},{"op":"=","args":[{"property":"incident_type"},"arrest"]}]}`),
		}},
		{"/api/collections/drafts/items", []string{"limit=5", "limit=05"}},
		{"/api/collections/incidents/histogram", []string{"bin=day&filter=" + esc("killed > 0"), "filter=" + esc("killed>0") + "&bin=day"}},
		{"/api/collections/incidents/counts", []string{"by=governorate&min_killed=1", "min_killed=001&by=governorate"}},
		{"/api/collections/incidents/aggregate", []string{"zoom=6&incident_type=arrest,clash", "incident_type=clash,arrest&zoom=6"}},
		{"/tiles/incidents/6/38/25.mvt", []string{"filter=" + esc("killed > 0"), "filter=" + esc(" killed>0 ")}},
	}
	for _, g := range same {
		u0 := srv.URL + g.path + "?" + g.forms[0]
		_, tag := etagOf(t, u0, "")
		if tag == "" {
			t.Fatalf("%s: no ETag", u0)
		}
		for _, form := range g.forms[1:] {
			u := srv.URL + g.path + "?" + form
			if status, other := etagOf(t, u, ""); other != tag {
				t.Errorf("%s?%s: ETag %s (%d); %s gave %s", g.path, form, other, status, g.forms[0], tag)
			}
			if status, _ := etagOf(t, u, tag); status != http.StatusNotModified {
				t.Errorf("%s?%s with If-None-Match %s from %s: %d; want 304", g.path, form, tag, g.forms[0], status)
			}
		}
	}

	// Filters that differ: every ETag apart, and none a 304 for another.
	differ := []string{
		"/api/collections/incidents/items?limit=2",
		"/api/collections/incidents/items?limit=3",
		"/api/collections/incidents/items?limit=2&f=csv",
		"/api/collections/incidents/items?limit=2&incident_type=arrest",
		"/api/collections/incidents/items?limit=2&incident_type=arrest,clash",
		"/api/collections/incidents/items?bbox=35,32,38,37",
		"/api/collections/incidents/items?bbox=35,32,38,37.5",
		"/api/collections/incidents/items?datetime=2025-11-25T00:00:00Z/..",
		"/api/collections/incidents/items?datetime=2025-11-25T00:00:01Z/..",
		"/api/collections/incidents/items?datetime=2025-11-25",
		"/api/collections/incidents/items?min_killed=1",
		"/api/collections/incidents/items?min_killed=2",
		"/api/collections/incidents/items?q=Damascus",
		"/api/collections/incidents/items?q=damascus",
		"/api/collections/incidents/items?filter=" + esc("killed >= 1"),
		"/api/collections/incidents/items?filter=" + esc("killed > 1"),
		"/api/collections/incidents/items?filter=" + esc("killed >= 1 AND injured >= 1"),
		"/api/collections/incidents/items?filter=" + esc("killed >= 1 OR injured >= 1"),
		"/api/collections/incidents/items?filter=" + esc("place_name_en = 'a'"),
		"/api/collections/incidents/items?filter=" + esc("place_name_en = 'A'"),
		"/api/collections/incidents/items?admin1_pcode=SY01",
		"/api/collections/incidents/items?admin1_pcode=SY02",
		"/api/collections/incidents/histogram?bin=day",
		"/api/collections/incidents/histogram?bin=week",
		"/api/collections/incidents/counts?by=governorate",
		"/api/collections/incidents/counts?by=district",
		"/api/collections/incidents/aggregate?zoom=6",
		"/api/collections/incidents/aggregate?zoom=7",
	}
	tags := map[string]string{}
	for _, p := range differ {
		_, tag := etagOf(t, srv.URL+p, "")
		if other, ok := tags[tag]; ok {
			t.Errorf("%s and %s share the ETag %s", p, other, tag)
		}
		tags[tag] = p
	}
	for i, p := range differ {
		other := differ[(i+1)%len(differ)]
		_, tag := etagOf(t, srv.URL+other, "")
		if status, _ := etagOf(t, srv.URL+p, tag); status != http.StatusOK {
			t.Errorf("%s with If-None-Match of %s: %d; want 200", p, other, status)
		}
	}
}
