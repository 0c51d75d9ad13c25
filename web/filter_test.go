package web_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/web"
)

func itemIDs(t *testing.T, base, query string) []int64 {
	t.Helper()
	var fc featureCollection
	getJSON(t, base+"/api/collections/incidents/items?limit=10000&"+query, http.StatusOK, &fc)
	var ids []int64
	for _, f := range fc.Features {
		ids = append(ids, f.ID)
	}
	return ids
}

// TestItems_CQL2Filter answers filters in each encoding as the equivalent
// parameters do, and pages through a filtered listing.
func TestItems_CQL2Filter(t *testing.T) {
	srv, _ := newTestServer(t)
	q := func(filter, lang string) string {
		v := url.Values{"filter": {filter}}
		if lang != "" {
			v.Set("filter-lang", lang)
		}
		return v.Encode()
	}
	for _, c := range []struct{ params, filter, lang string }{
		{"incident_type=arrest", "incident_type = 'arrest'", ""},
		{"incident_type=arrest", "incident_type = 'arrest'", "cql-text"}, // as GDAL 3.6 names it
		{"incident_type=arrest,bombing&admin1_pcode=SY07", `{"op":"and","args":[{"op":"in","args":[{"property":"incident_type"},["arrest","bombing"]]},{"op":"=","args":[{"property":"admin1_pcode"},"SY07"]}]}`, "cql2-json"},
		{"bbox=36.3,35.6,37.0,36.4", "S_INTERSECTS(geometry, BBOX(36.3, 35.6, 37.0, 36.4))", "cql2-text"},
		{"bbox=36.3,35.6,37.0,36.4", "S_INTERSECTS(geometry, POLYGON((36.3 35.6, 37 35.6, 37 36.4, 36.3 36.4, 36.3 35.6)))", ""},
		{"datetime=2025-12-01/..", "date_to >= DATE('2025-12-01')", ""},
	} {
		want := itemIDs(t, srv.URL, c.params)
		if got := itemIDs(t, srv.URL, q(c.filter, c.lang)); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("filter %s = %v, want %v as ?%s gives", c.filter, got, want, c.params)
		}
	}
	// Only the seed's bombing killed anyone in Damascus; the arrest in
	// Badrousiya killed two.
	killed := itemIDs(t, srv.URL, q("incident_type = 'arrest' AND killed > 0", ""))
	if len(killed) != 1 {
		t.Errorf("arrests that killed someone: %v, want the one in Badrousiya", killed)
	}
	all := itemIDs(t, srv.URL, q("killed IS NULL OR killed >= 0", ""))
	var pages []int64
	next := srv.URL + "/api/collections/incidents/items?limit=2&" + q("killed IS NULL OR killed >= 0", "")
	for next != "" {
		var fc featureCollection
		getJSON(t, next, http.StatusOK, &fc)
		next = ""
		for _, f := range fc.Features {
			pages = append(pages, f.ID)
		}
		for _, l := range fc.Links {
			if l.Rel == "next" {
				next = l.Href
			}
		}
	}
	if len(all) != len(seed(t)) || !slices.Equal(pages, all) {
		t.Errorf("paged by 2 with a filter: %v, want %v", pages, all)
	}
}

// TestItems_CQL2Errors: a filter that is not one answers 400 naming what
// is wrong: the character, the property, the parameter or the limit.
func TestItems_CQL2Errors(t *testing.T) {
	srv, _ := newTestServer(t)
	for _, c := range []struct{ query, want string }{
		{"filter=killed+%3E+0+AND", "at character 15"},
		{"filter=" + url.QueryEscape("incident_type = 'arrest' AND kiled > 0"), `unknown property \"kiled\"`},
		{"filter=" + url.QueryEscape("killed > 'many'"), "killed is a number"},
		{"filter=" + url.QueryEscape(`{"op":"=","args":[{"property":"killed"}]}`) + "&filter-lang=cql2-json", "at filter: = takes two arguments"},
		{"filter=killed+%3E+0&filter-lang=sql", "filter-lang"},
		{"filter=killed+%3E+0&filter-crs=EPSG%3A3857", "filter-crs: only http://www.opengis.net/def/crs/OGC/1.3/CRS84"},
		{"filter=", "filter: empty"},
		{"filter=" + strings.Repeat("(", 40) + "TRUE" + strings.Repeat(")", 40), "nested more than 32"},
		{"filter=" + url.QueryEscape("killed IN ("+strings.Repeat("1,", 1200)+"1)"), "more than 1000 terms"},
		{"filter=" + url.QueryEscape("killed > 0 OR "+strings.Repeat("killed > 0 OR ", 5000)+"TRUE"), "a filter may have at most 65536"},
	} {
		resp, err := http.Get(srv.URL + "/api/collections/incidents/items?" + c.query)
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		body.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Content-Type") != "application/problem+json" ||
			!strings.Contains(body.String(), c.want) {
			t.Errorf("?%.80s = %d %s, want 400 problem+json saying %s", c.query, resp.StatusCode, body.String(), c.want)
		}
	}
}

// TestAggregateAndTiles_CQL2Filter: the aggregate counts what the items
// filter lists, and a tile's filter BBOX narrows it rather than replacing
// the tile's own bounds.
func TestAggregateAndTiles_CQL2Filter(t *testing.T) {
	srv, _ := newTestServer(t)
	filter := url.QueryEscape("incident_type = 'arrest' OR killed > 1")
	want := len(itemIDs(t, srv.URL, "filter="+filter))
	var agg struct {
		Features []struct{ Properties struct{ Count int } }
	}
	getJSON(t, srv.URL+"/api/collections/incidents/aggregate?zoom=3&filter="+filter, http.StatusOK, &agg)
	got := 0
	for _, f := range agg.Features {
		got += f.Properties.Count
	}
	if want < 2 || got != want {
		t.Errorf("aggregate with a filter counts %d, want the %d items it lists", got, want)
	}
	getJSON(t, srv.URL+"/tiles/incidents/6/38/25.mvt?filter="+filter, http.StatusOK, nil)
	resp, err := http.Get(srv.URL + "/tiles/incidents/6/38/25.mvt?filter=killed+%3E")
	if err != nil || resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a tile with a broken filter: %v %v, want 400", resp.StatusCode, err)
	}
}

func TestQueryablesAndConformance(t *testing.T) {
	srv, _ := newTestServer(t)
	var q struct {
		Schema               string `json:"$schema"`
		Properties           map[string]struct{ Type, Format string }
		AdditionalProperties *bool
		Queryables           []struct{ ID string }
	}
	h := getJSON(t, srv.URL+"/api/collections/incidents/queryables", http.StatusOK, &q)
	if h.Get("Content-Type") != "application/schema+json" || q.AdditionalProperties == nil || *q.AdditionalProperties {
		t.Errorf("queryables: %s, additionalProperties %v; want a closed JSON Schema", h.Get("Content-Type"), q.AdditionalProperties)
	}
	for _, want := range incidents.Queryables {
		if _, ok := q.Properties[want.Name]; !ok {
			t.Errorf("queryables lack %s", want.Name)
		}
	}
	if q.Properties["killed"].Type != "integer" || q.Properties["date_from"].Format != "date" || len(q.Queryables) != len(incidents.Queryables) {
		t.Errorf("queryables = %+v", q)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/api/collections/incidents/queryables", nil)
	req.Header.Set("Accept", "application/geo+json, application/json") // as GDAL 3.6 asks
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.Header.Get("Content-Type") != "application/json" {
		t.Errorf("queryables asked as JSON: %v %v", resp.Header.Get("Content-Type"), err)
	}
	resp.Body.Close()
	var conf struct{ ConformsTo []string }
	getJSON(t, srv.URL+"/api/conformance", http.StatusOK, &conf)
	for _, c := range []string{"ogcapi-features-3/1.0/conf/filter", "ogcapi-features-3/1.0/conf/features-filter",
		"cql2/1.0/conf/cql2-text", "cql2/1.0/conf/cql2-json", "cql2/1.0/conf/basic-cql2"} {
		if !slices.Contains(conf.ConformsTo, "http://www.opengis.net/spec/"+c) {
			t.Errorf("conformance lacks %s", c)
		}
	}
}

// TestAccessLog_Filter: the access log shows the filter a client sent.
func TestAccessLog_Filter(t *testing.T) {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "log.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var logs bytes.Buffer
	srv := httptest.NewServer(web.NewServer(web.Config{Store: store, AccessLog: slog.New(slog.NewJSONHandler(&logs, nil))}))
	defer srv.Close()
	getJSON(t, srv.URL+"/api/collections/incidents/items?filter="+url.QueryEscape("incident_type = 'arrest' AND killed > 0"), http.StatusOK, nil)
	if !strings.Contains(logs.String(), `filter=incident_type = 'arrest' AND killed > 0`) {
		t.Errorf("access log = %s, want the filter in it", logs.String())
	}
}
