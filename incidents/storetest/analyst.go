package storetest

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// testSearchFilters: minimum killed and text search, alone and with the
// other filters, through Find, Aggregate and Histogram alike.
func testSearchFilters(t *testing.T, s incidents.Store) {
	hama := Incident(incidents.TypeShelling, 36.75, 35.13, "2025-03-02", "2025-03-02")
	hama.PlaceNameAR, hama.PlaceNameEN, hama.Admin1PCode = "مدينة حماه", "Hama", "SY05"
	hama.SummaryAR, hama.Killed = "قصف مدفعي على الأحياء الشرقية", intp(4)
	idlib := Incident(incidents.TypeAirstrike, 36.63, 35.93, "2025-03-05", "2025-03-05")
	idlib.PlaceNameAR, idlib.PlaceNameEN = "إدلب", "Idlib"
	idlib.SummaryEN, idlib.Killed = "An airstrike hit a MARKET in the city centre.", intp(0)
	saraqib := Incident(incidents.TypeArrest, 36.80, 35.86, "2025-03-07", "2025-03-07")
	saraqib.SummaryAR = "اعتقالات في بسراقب بعد مداهمة" // the name with a preposition attached
	draft := Incident(incidents.TypeShelling, 36.75, 35.13, "2025-03-08", "2025-03-08")
	draft.SummaryAR, draft.Status, draft.Killed = "قصف على حماة", incidents.StatusDraft, intp(9)
	id := mustAdd(t, s, hama, idlib, saraqib, draft)
	tests := map[string]struct {
		f    incidents.Filter
		want []int64
	}{
		"at least one killed":          {incidents.Filter{MinKilled: 1}, []int64{id[0]}},
		"killed zero is not unknown":   {incidents.Filter{MinKilled: 5}, []int64{}},
		"taa marbuta as haa":           {incidents.Filter{Text: "حماة"}, []int64{id[0]}},
		"hamza seat folded":            {incidents.Filter{Text: "ادلب"}, []int64{id[1]}},
		"diacritics ignored":           {incidents.Filter{Text: "قَصْف"}, []int64{id[0]}},
		"inside a word":                {incidents.Filter{Text: "سراقب"}, []int64{id[2]}},
		"case folded":                  {incidents.Filter{Text: "market"}, []int64{id[1]}},
		"every word must occur":        {incidents.Filter{Text: "airstrike centre"}, []int64{id[1]}},
		"a missing word":               {incidents.Filter{Text: "airstrike hospital"}, []int64{}},
		"short words are left out":     {incidents.Filter{Text: "in Idlib"}, []int64{id[1]}},
		"drafts searched on their own": {incidents.Filter{Text: "حماه", Status: incidents.StatusDraft}, []int64{id[3]}},
		"with a type and a bbox": {incidents.Filter{Text: "قصف", Types: []incidents.Type{incidents.TypeShelling},
			Bounds: box(36.75, 35.13, 0.1), MinKilled: 1}, []int64{id[0]}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := IDs(mustFind(t, s, tc.f)); !slices.Equal(got, tc.want) {
				t.Errorf("Find(%+v) = %v, want %v", tc.f, got, tc.want)
			}
			h, err := s.Histogram(context.Background(), tc.f, incidents.BinDay)
			if err != nil || h.Total != len(tc.want) {
				t.Errorf("Histogram(%+v) counts %d, %v; want %d", tc.f, h.Total, err, len(tc.want))
			}
		})
	}
	g := incidents.Grid{Bound: orb.Bound{Min: orb.Point{36, 35}, Max: orb.Point{37, 36}}, Cols: 1, Rows: 1}
	if cells, err := s.Aggregate(context.Background(), incidents.Filter{Text: "idlib"}, g); err != nil || len(cells) != 1 || cells[0].Count != 1 {
		t.Errorf("Aggregate of a text search = %+v, %v; want one cell of 1", cells, err)
	}
}

// testHistogram bins a known layout by day, week and month: whole counts for
// incidents within a bin, shares of their days for ranges across bins.
func testHistogram(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	far := Incident(incidents.TypeClash, 40.1, 35.3, "2025-01-20", "2025-01-20")
	mustAdd(t, s,
		Incident(incidents.TypeArrest, 36.1, 35.1, "2025-01-06", "2025-01-06"),   // a Monday
		Incident(incidents.TypeArrest, 36.1, 35.1, "2025-01-12", "2025-01-12"),   // the Sunday of that week
		Incident(incidents.TypeShelling, 36.1, 35.1, "2025-01-13", "2025-01-14"), // a range within the next week
		Incident(incidents.TypeShelling, 36.1, 35.1, "2025-01-08", "2025-01-21"), // 14 days over three weeks
		far)
	week, err := s.Histogram(ctx, incidents.Filter{}, incidents.BinWeek)
	if err != nil {
		t.Fatal(err)
	}
	type bin struct {
		start  string
		count  int
		spread float64
	}
	// The clash of the 20th is in the third week; the 14 days of the range
	// are shared out 5, 7 and 2.
	want := []bin{{"2025-01-06", 2, 5.0 / 14}, {"2025-01-13", 1, 7.0 / 14}, {"2025-01-20", 1, 2.0 / 14}}
	if week.Unit != incidents.BinWeek || week.Total != 5 || len(week.Bins) != len(want) {
		t.Fatalf("weekly histogram = %+v, want 3 bins of 5 incidents", week)
	}
	for i, w := range want {
		b := week.Bins[i]
		if b.Start.Format(incidents.DateLayout) != w.start || b.Count != w.count || math.Abs(b.Spread-w.spread) > 1e-9 ||
			b.End.Sub(b.Start).Hours() != 6*24 {
			t.Errorf("week %d = %+v, want start %s, count %d, spread %.3f, 7 days", i, b, w.start, w.count, w.spread)
		}
	}
	month, err := s.Histogram(ctx, incidents.Filter{}, incidents.BinMonth)
	if err != nil || len(month.Bins) != 1 || month.Bins[0].Count != 5 || month.Bins[0].Spread != 0 {
		t.Errorf("monthly histogram = %+v, %v; want one bin of 5 whole incidents", month, err)
	}
	auto, err := s.Histogram(ctx, incidents.Filter{}, "")
	if err != nil || auto.Unit != incidents.BinWeek {
		t.Errorf("histogram over three weeks chose %q, %v; want week", auto.Unit, err)
	}
	filtered, err := s.Histogram(ctx, incidents.Filter{Bounds: box(40.1, 35.3, 0.2)}, incidents.BinDay)
	if err != nil || filtered.Total != 1 || len(filtered.Bins) != 1 || filtered.Bins[0].Count != 1 {
		t.Errorf("histogram of a bbox = %+v, %v; want the one clash", filtered, err)
	}
	period := incidents.Between(Day("2025-01-13"), Day("2025-01-19"))
	clipped, err := s.Histogram(ctx, incidents.Filter{Period: period}, incidents.BinDay)
	if err != nil || clipped.Total != 2 || len(clipped.Bins) != 7 {
		t.Errorf("histogram within a period = %d incidents over %d days, %v; want 2 over 7", clipped.Total, len(clipped.Bins), err)
	}
	if _, err := s.Histogram(ctx, incidents.Filter{Period: incidents.Since(Day("2025-01-01"))}, "fortnight"); err == nil {
		t.Error("an unknown bin unit was accepted")
	}
	none, err := s.Histogram(ctx, incidents.Filter{Types: []incidents.Type{incidents.TypeKidnapping}}, "")
	if err != nil || none.Total != 0 || len(none.Bins) != 0 {
		t.Errorf("histogram of nothing = %+v, %v; want no bins", none, err)
	}
}

// testCountByAdmin counts incidents and killed per governorate, with filters.
func testCountByAdmin(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	a := Incident(incidents.TypeShelling, 36.6, 35.9, "2025-02-01", "2025-02-01")
	a.Killed = intp(3)
	b := Incident(incidents.TypeArrest, 36.7, 35.8, "2025-02-02", "2025-02-02")
	c := Incident(incidents.TypeShelling, 35.9, 35.5, "2025-02-03", "2025-02-03")
	c.Admin1PCode, c.Killed = "SY06", intp(2)
	d := Incident(incidents.TypeShelling, 38.5, 35.0, "2025-02-03", "2025-02-03")
	d.Admin1PCode, d.GeoPrecision = "", incidents.GeoCountry
	draft := Incident(incidents.TypeShelling, 36.6, 35.9, "2025-02-01", "2025-02-01")
	draft.Status, draft.Killed = incidents.StatusDraft, intp(50)
	mustAdd(t, s, a, b, c, d, draft)
	got, err := s.CountByAdmin(ctx, incidents.Filter{}, incidents.AdminGovernorate)
	want := []incidents.AdminCount{{PCode: "", Count: 1}, {PCode: "SY06", Count: 1, Killed: 2}, {PCode: "SY07", Count: 2, Killed: 3}}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("CountByAdmin = %+v, %v; want %+v", got, err, want)
	}
	got, err = s.CountByAdmin(ctx, incidents.Filter{Types: []incidents.Type{incidents.TypeShelling}, Period: incidents.Since(Day("2025-02-02"))}, incidents.AdminGovernorate)
	want = []incidents.AdminCount{{PCode: "", Count: 1}, {PCode: "SY06", Count: 1, Killed: 2}}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("CountByAdmin of shellings from 2025-02-02 = %+v, %v; want %+v", got, err, want)
	}
	if got, err := s.CountByAdmin(ctx, incidents.Filter{}, incidents.AdminDistrict); err != nil || len(got) != 1 || got[0].Count != 4 {
		t.Errorf("CountByAdmin by district before any is located = %+v, %v; want the 4 under \"\"", got, err)
	}
	if _, err := s.CountByAdmin(ctx, incidents.Filter{}, 3); !errors.Is(err, incidents.ErrBadAdminLevel) {
		t.Errorf("CountByAdmin at level 3: %v, want ErrBadAdminLevel", err)
	}
}

// districtStore is a store that sets districts with a locator.
type districtStore interface {
	SetLocator(incidents.Locator)
	FillDistricts(ctx context.Context, progress func(n int)) (int, error)
}

// testDistricts: with a locator, a store keeps each incident's district as
// its point lies (and none for one known only to its governorate), follows a
// moved point, fills the incidents stored before, and filters and counts by
// district.
func testDistricts(t *testing.T, s incidents.Store) {
	ds, ok := s.(districtStore)
	if !ok {
		t.Fatal("the store cannot set districts")
	}
	ctx := context.Background()
	west := Incident(incidents.TypeShelling, 36.6, 35.9, "2025-02-01", "2025-02-01")
	before := mustAdd(t, s, west)[0] // stored before any locator: no district
	// A locator of two made-up districts either side of 36.7 E.
	ds.SetLocator(func(p orb.Point) string {
		if p.Lon() < 36.7 {
			return "SY0701"
		}
		return "SY0702"
	})
	east := Incident(incidents.TypeArrest, 36.8, 35.9, "2025-02-02", "2025-02-02")
	east.Killed = intp(2)
	area := Incident(incidents.TypeClash, 36.8, 35.9, "2025-02-03", "2025-02-03")
	area.GeoPrecision, area.Admin2PCode = incidents.GeoGovernorate, "SY0702" // known only to Idlib: no district
	id := mustAdd(t, s, east, area)
	src := incidents.Source{Title: "a report of our own on a raid west of 36.7 E"}
	draft := mustAddReport(t, s, incidents.Report{Source: src, Drafts: []incidents.Incident{draftOf(src, 36.6)}})[0]
	for i, want := range map[int64]string{before: "", id[0]: "SY0702", id[1]: "", draft: "SY0701"} {
		if got, err := s.Get(ctx, i); err != nil || got.Admin2PCode != want {
			t.Errorf("incident %d's district = %q, %v; want %q", i, got.Admin2PCode, err, want)
		}
	}
	if n, err := ds.FillDistricts(ctx, nil); err != nil || n != 1 {
		t.Errorf("FillDistricts = %d, %v; want the 1 stored before", n, err)
	}
	if got := IDs(mustFind(t, s, incidents.Filter{Admin2PCode: "SY0701"})); !slices.Equal(got, []int64{before}) {
		t.Errorf("Find in SY0701 = %v, want [%d]", got, before)
	}
	moved, err := s.Get(ctx, id[0])
	if err != nil {
		t.Fatal(err)
	}
	moved.Location = orb.Point{36.65, 35.9}
	if got, err := s.Update(ctx, moved); err != nil || got.Admin2PCode != "SY0701" {
		t.Errorf("after a move west the district is %q, %v; want SY0701", got.Admin2PCode, err)
	}
	counts, err := s.CountByAdmin(ctx, incidents.Filter{}, incidents.AdminDistrict)
	want := []incidents.AdminCount{{PCode: "", Count: 1}, {PCode: "SY0701", Count: 2, Killed: 2}}
	if err != nil || !slices.Equal(counts, want) {
		t.Errorf("CountByAdmin by district = %+v, %v; want %+v", counts, err, want)
	}
	h, err := s.Histogram(ctx, incidents.Filter{Admin2PCode: "SY0701"}, incidents.BinDay)
	if err != nil || h.Total != 2 {
		t.Errorf("Histogram of SY0701 = %d, %v; want 2", h.Total, err)
	}
}
