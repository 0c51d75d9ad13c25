package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

func testFind(t *testing.T, s incidents.Store) {
	saraqib := Incident(incidents.TypeArmedAttack, 36.8034, 35.866, "2025-12-02", "2025-12-02")
	dana := Incident(incidents.TypeArrest, 36.769, 36.2127, "2025-12-01", "2025-12-07")
	latakia := Incident(incidents.TypeArrest, 35.896, 35.8918, "2025-11-24", "2025-11-24")
	latakia.Admin1PCode, latakia.Admin1Name = "SY06", "Lattakia"
	damascus := Incident(incidents.TypeBombing, 36.3224, 33.5035, "2025-06-22", "2025-06-22")
	damascus.Admin1PCode = "SY01"
	draft := Incident(incidents.TypeArrest, 36.8034, 35.866, "2025-12-05", "2025-12-05")
	draft.Status = incidents.StatusDraft
	id := mustAdd(t, s, saraqib, dana, latakia, damascus, draft)
	idlibBox := []orb.Bound{{Min: orb.Point{36.5, 35.7}, Max: orb.Point{37.0, 36.3}}}
	tests := map[string]struct {
		f    incidents.Filter
		want []int64
	}{
		"all published, newest first": {incidents.Filter{}, []int64{id[1], id[0], id[2], id[3]}},
		"drafts":                      {incidents.Filter{Status: incidents.StatusDraft}, []int64{id[4]}},
		"bbox":                        {incidents.Filter{Bounds: idlibBox}, []int64{id[1], id[0]}},
		"two bounds": {incidents.Filter{Bounds: []orb.Bound{idlibBox[0], {Min: orb.Point{36, 33}, Max: orb.Point{36.5, 34}}}},
			[]int64{id[1], id[0], id[3]}},
		"bbox edge is inside":      {incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{36.3224, 33.5035}, Max: orb.Point{36.4, 33.6}}}}, []int64{id[3]}},
		"bbox max edge is inside":  {incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{36.3, 33.5}, Max: orb.Point{36.3224, 33.5035}}}}, []int64{id[3]}},
		"just outside a bbox edge": {incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{36.32240001, 33.5}, Max: orb.Point{36.4, 33.6}}}}, []int64{}},
		"a day overlapping a range": {incidents.Filter{Period: incidents.Between(Day("2025-12-05"), Day("2025-12-05").Add(time.Hour))},
			[]int64{id[1]}},
		"a range's first day": {incidents.Filter{Period: incidents.Between(Day("2025-12-01"), Day("2025-12-01"))}, []int64{id[1]}},
		"open start":          {incidents.Filter{Period: incidents.Until(Day("2025-11-30"))}, []int64{id[2], id[3]}},
		"open end":            {incidents.Filter{Period: incidents.Since(Day("2025-12-02"))}, []int64{id[1], id[0]}},
		"types":               {incidents.Filter{Types: []incidents.Type{incidents.TypeBombing, incidents.TypeArmedAttack}}, []int64{id[0], id[3]}},
		"governorate":         {incidents.Filter{Admin1PCode: "SY06"}, []int64{id[2]}},
		"draft by type":       {incidents.Filter{Status: incidents.StatusDraft, Types: []incidents.Type{incidents.TypeArrest}}, []int64{id[4]}},
		"everything combined": {incidents.Filter{Bounds: idlibBox, Types: []incidents.Type{incidents.TypeArrest}, Period: incidents.Since(Day("2025-11-01"))}, []int64{id[1]}},
		"limit":               {incidents.Filter{Limit: 2}, []int64{id[1], id[0]}},
		"nothing":             {incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{40, 34}, Max: orb.Point{41, 35}}}}, []int64{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := IDs(mustFind(t, s, tc.f)); !slices.Equal(got, tc.want) {
				t.Errorf("Find(%+v) = %v, want %v", tc.f, got, tc.want)
			}
		})
	}
}

// testFindPages joins keyset pages of every size and checks they make the
// whole listing, where many incidents share a date and the ID breaks ties.
func testFindPages(t *testing.T, s incidents.Store) {
	var all []incidents.Incident
	for i := range 25 {
		d := Day("2025-01-01").AddDate(0, 0, i%7).Format(incidents.DateLayout)
		all = append(all, Incident(incidents.TypeShelling, 36+float64(i)/100, 35, d, d))
	}
	mustAdd(t, s, all...)
	want := IDs(mustFind(t, s, incidents.Filter{}))
	if len(want) != 25 {
		t.Fatalf("Find = %d incidents, want 25", len(want))
	}
	for _, size := range []int{1, 4, 7, 25, 30} {
		if got := pages(t, s, incidents.Filter{Limit: size}); !slices.Equal(got, want) {
			t.Errorf("pages of %d joined = %v, want %v", size, got, want)
		}
	}
	// Paging keeps the other filters.
	f := incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{36.045, 34}, Max: orb.Point{36.205, 36}}}, Limit: 3}
	whole := mustFind(t, s, incidents.Filter{Bounds: f.Bounds})
	if got := pages(t, s, f); len(whole) != 16 || !slices.Equal(got, IDs(whole)) {
		t.Errorf("bbox pages = %v, want the %d of %v", got, len(whole), IDs(whole))
	}
}

// pages follows cursors from f until a short page and returns every ID seen.
func pages(t *testing.T, s incidents.Store, f incidents.Filter) []int64 {
	t.Helper()
	var got []int64
	for range 100 {
		page := mustFind(t, s, f)
		got = append(got, IDs(page)...)
		if len(page) < f.Limit {
			break
		}
		c := incidents.CursorOf(page[len(page)-1])
		f.After = &c
	}
	return got
}

// testDraftsWithoutDates covers drafts whose date is unknown: stored with
// zero dates, listed after every dated draft, reached by paging, and left out
// by any datetime filter.
func testDraftsWithoutDates(t *testing.T, s incidents.Store) {
	dated := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02")
	dated.Status = incidents.StatusDraft
	undated := dated
	undated.DateFrom, undated.DateTo, undated.DatePrecision = time.Time{}, time.Time{}, ""
	id := mustAdd(t, s, undated, dated, undated, Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-03", "2025-12-03"))
	got, err := s.Get(context.Background(), id[0])
	if err != nil {
		t.Fatal(err)
	}
	if !got.DateFrom.IsZero() || !got.DateTo.IsZero() || got.DatePrecision != "" {
		t.Errorf("undated draft read back with dates %v..%v (%q)", got.DateFrom, got.DateTo, got.DatePrecision)
	}
	drafts := incidents.Filter{Status: incidents.StatusDraft}
	want := []int64{id[1], id[2], id[0]}
	if got := IDs(mustFind(t, s, drafts)); !slices.Equal(got, want) {
		t.Errorf("drafts = %v, want the dated one first, then undated newest first: %v", got, want)
	}
	drafts.Limit = 1
	if got := pages(t, s, drafts); !slices.Equal(got, want) {
		t.Errorf("drafts one per page = %v, want %v", got, want)
	}
	period := incidents.Filter{Status: incidents.StatusDraft, Period: incidents.Since(Day("2000-01-01"))}
	if got := IDs(mustFind(t, s, period)); !slices.Equal(got, []int64{id[1]}) {
		t.Errorf("drafts with a datetime filter = %v, want only the dated %d", got, id[1])
	}
	if got := IDs(mustFind(t, s, incidents.Filter{})); !slices.Equal(got, []int64{id[3]}) {
		t.Errorf("published = %v, want only %d", got, id[3])
	}
}
