package main

import (
	"cmp"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
	"github.com/mapsrv/mapsrv/web"
)

// TestCSV_ExportImportRoundTrip downloads the items endpoint's f=csv from a
// seeded database (whose sources have no URL) and more incidents of our own,
// each in its district as serve sets them, imports it into a new database
// with mapsrv import, and finds the same incidents there, every field but
// the ID; mapsrv export --format csv writes the same bytes as the download.
func TestCSV_ExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db1, db2, file := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), filepath.Join(dir, "incidents.csv")
	src, err := openSeeded(ctx, db1, "", nopLog())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	gaz, err := loadGazetteer(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	setLocator(src, gaz)
	logFillDistricts(ctx, src, nopLog())
	if _, err := src.Add(ctx, awkwardIncidents()); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(web.NewServer(web.Config{Store: src}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/api/collections/incidents/items?f=csv&limit=10000")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("f=csv: %d %s", resp.StatusCode, body)
	}
	os.WriteFile(file, body, 0o644)
	if out, _, err := runCmd(t, "", "import", "--db", db2, file); err != nil {
		t.Fatalf("import of the f=csv download: %v (%s)", err, out)
	}
	dst, err := sqlite.Open(ctx, db2)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	want, got := publishedByContent(t, src), publishedByContent(t, dst)
	if len(want) < 12 || len(got) != len(want) {
		t.Fatalf("imported %d incidents, want %d", len(got), len(want))
	}
	if i := slices.IndexFunc(want, func(inc incidents.Incident) bool { return inc.Admin2PCode != "" }); i < 0 {
		t.Fatal("no incident has a district: the round trip would not test admin2_pcode")
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("incident %d differs after the round trip:\nwant %+v\ngot  %+v", i, want[i], got[i])
		}
	}
	exported, _, err := runCmd(t, "", "export", "--db", db1, "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if exported != string(body) {
		t.Errorf("mapsrv export --format csv differs from the f=csv download:\n%s\n---\n%s", exported, body)
	}
}

// publishedByContent returns a store's published incidents without their IDs,
// in an order that does not depend on them.
func publishedByContent(t *testing.T, s incidents.Store) []incidents.Incident {
	t.Helper()
	found, err := s.Find(context.Background(), incidents.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range found {
		found[i].ID = 0
	}
	slices.SortFunc(found, func(a, b incidents.Incident) int {
		return cmp.Or(a.DateTo.Compare(b.DateTo), cmp.Compare(a.SummaryEN, b.SummaryEN),
			cmp.Compare(a.Location.Lon(), b.Location.Lon()))
	})
	return found
}

// awkwardIncidents are ones a CSV round trip could lose something of:
// several sources with and without URLs, a title holding the list
// separator, publication dates, text a spreadsheet would take for a
// formula, quotes and line breaks, zero and missing counts.
func awkwardIncidents() []incidents.Incident {
	zero, three := 0, 3
	day := time.Date(2025, 12, 14, 0, 0, 0, 0, time.UTC)
	return []incidents.Incident{{
		Type: incidents.TypeShelling, DateFrom: day, DateTo: day, DatePrecision: incidents.DateDay,
		PlaceNameEN: "=HYPERLINK(\"x\")", PlaceNameAR: "معرة النعمان", Admin1PCode: "SY07", Admin1Name: "Idlib",
		Location: orb.Point{36.6747, 35.6477}, GeoPrecision: incidents.GeoTown, Killed: &zero, Injured: &three,
		SummaryEN: "Shelling hit the town; \"two\" houses,\nthen a third.", SummaryAR: "قصف على المدينة",
		Status: incidents.StatusPublished,
		Sources: []incidents.Source{
			{Title: "Morning report | a news site", Publisher: "A site", Published: day},
			{Title: "Evening report", URL: "https://example.org/evening?a=1&b=2"},
			{Title: "Radio bulletin", Publisher: "A radio"},
		},
	}, {
		Type: incidents.TypeKidnapping, DateFrom: day.AddDate(0, -1, 0), DateTo: day.AddDate(0, 0, -1),
		DatePrecision: incidents.DateRange, PlaceNameEN: "Daraa", Location: orb.Point{36.1, 32.6},
		GeoPrecision: incidents.GeoDistrict, Arrested: &three, Status: incidents.StatusPublished,
		SummaryEN: "-3 says the header; +1 says the footer; @everyone",
	}, {
		Type: incidents.TypeOther, DateFrom: day, DateTo: day, DatePrecision: incidents.DateDay,
		Location: orb.Point{38.9981, 35.9594}, GeoPrecision: incidents.GeoExact, Status: incidents.StatusPublished,
	}}
}

// TestExport_Filter exports what a CQL2 filter selects, as the items
// endpoint's filter parameter does.
func TestExport_Filter(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.db")
	if s, err := openSeeded(context.Background(), db, "", nopLog()); err != nil {
		t.Fatal(err)
	} else {
		s.Close()
	}
	out, _, err := runCmd(t, "", "export", "--db", db, "--format", "csv", "--filter", "incident_type = 'arrest' AND killed > 0")
	if err != nil {
		t.Fatal(err)
	}
	if rows := strings.Count(strings.TrimSpace(out), "\n"); rows != 1 || !strings.Contains(out, "Badrousiya") {
		t.Errorf("export of arrests that killed someone = %d rows:\n%s\nwant Badrousiya's", rows, out)
	}
	if _, _, err := runCmd(t, "", "export", "--db", db, "--filter", "killed >"); err == nil || !strings.Contains(err.Error(), "at character") {
		t.Errorf("export --filter 'killed >': %v, want an error naming the character", err)
	}
}
