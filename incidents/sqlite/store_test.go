package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

func mustOpenStore(tb testing.TB) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "mapsrv.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func day(s string) time.Time {
	d, err := time.Parse(incidents.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

func intp(n int) *int { return &n }

// incident returns a valid published incident of type t at lon/lat over from..to.
func incident(t incidents.Type, lon, lat float64, from, to string) incidents.Incident {
	prec := incidents.DateDay
	if from != to {
		prec = incidents.DateRange
	}
	return incidents.Incident{Type: t, Location: orb.Point{lon, lat}, DateFrom: day(from), DateTo: day(to),
		DatePrecision: prec, GeoPrecision: incidents.GeoTown, Status: incidents.StatusPublished,
		Admin1PCode: "SY07", Admin1Name: "Idlib", PlaceNameEN: "Saraqib", PlaceNameAR: "سراقب"}
}

func mustAdd(tb testing.TB, s *sqlite.Store, incs ...incidents.Incident) []int64 {
	tb.Helper()
	ids, err := s.Add(context.Background(), incs)
	if err != nil {
		tb.Fatal(err)
	}
	return ids
}

func ids(found []incidents.Incident) []int64 {
	out := make([]int64, len(found))
	for i, inc := range found {
		out[i] = inc.ID
	}
	return out
}

func TestStore_AddGet(t *testing.T) {
	s := mustOpenStore(t)
	in := incident(incidents.TypeArrest, 35.896, 35.8918, "2025-11-24", "2025-11-24")
	in.Killed = intp(2)
	in.SummaryAR = "اعتقال خلية"
	in.Sources = []incidents.Source{{Title: "report", URL: "https://example.org/a", Publisher: "P", Published: day("2025-11-30")}, {Title: "second", Publisher: "Q"}}
	id := mustAdd(t, s, in)[0]
	got, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.Type != in.Type || !got.DateFrom.Equal(in.DateFrom) || got.Location != in.Location ||
		got.Killed == nil || *got.Killed != 2 || got.Injured != nil || got.SummaryAR != in.SummaryAR {
		t.Errorf("Get = %+v, want the stored %+v", got, in)
	}
	if len(got.Sources) != 2 || got.Sources[0].URL != "https://example.org/a" || !got.Sources[0].Published.Equal(day("2025-11-30")) || got.Sources[1].Title != "second" {
		t.Errorf("Sources = %+v, want both in order", got.Sources)
	}
	if got.CreatedAt.IsZero() || got.UpdatedAt.Before(got.CreatedAt) {
		t.Errorf("timestamps created %v updated %v", got.CreatedAt, got.UpdatedAt)
	}
	if _, err := s.Get(context.Background(), id+100); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("Get(missing) error = %v, want ErrNotFound", err)
	}
}

func TestStore_AddIsAtomic(t *testing.T) {
	s := mustOpenStore(t)
	mustAdd(t, s, incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02"))
	v0, _ := s.Version(context.Background())
	bad := incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-01") // ends before it starts
	_, err := s.Add(context.Background(), []incidents.Incident{incident(incidents.TypeClash, 36.8, 35.87, "2025-12-03", "2025-12-03"), bad})
	if !errors.Is(err, incidents.ErrInvalid) {
		t.Fatalf("Add(good, bad) error = %v, want ErrInvalid", err)
	}
	found, _ := s.Find(context.Background(), incidents.Filter{})
	if len(found) != 1 {
		t.Errorf("after a failed Add, %d incidents stored, want the 1 from before", len(found))
	}
	if v1, _ := s.Version(context.Background()); v1 != v0 {
		t.Errorf("version moved from %d to %d on a failed Add", v0, v1)
	}
}

func TestStore_Find(t *testing.T) {
	s := mustOpenStore(t)
	saraqib := incident(incidents.TypeArmedAttack, 36.8034, 35.866, "2025-12-02", "2025-12-02")
	dana := incident(incidents.TypeArrest, 36.769, 36.2127, "2025-12-01", "2025-12-07")
	latakia := incident(incidents.TypeArrest, 35.896, 35.8918, "2025-11-24", "2025-11-24")
	latakia.Admin1PCode, latakia.Admin1Name = "SY06", "Lattakia"
	damascus := incident(incidents.TypeBombing, 36.3224, 33.5035, "2025-06-22", "2025-06-22")
	damascus.Admin1PCode = "SY01"
	draft := incident(incidents.TypeArrest, 36.8034, 35.866, "2025-12-05", "2025-12-05")
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
		"bbox edge is inside": {incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{36.3224, 33.5035}, Max: orb.Point{36.4, 33.6}}}}, []int64{id[3]}},
		"a day overlapping a range": {incidents.Filter{Period: incidents.Interval{Start: day("2025-12-05"), End: day("2025-12-05").Add(time.Hour)}},
			[]int64{id[1]}},
		"open start":          {incidents.Filter{Period: incidents.Interval{End: day("2025-11-30")}}, []int64{id[2], id[3]}},
		"open end":            {incidents.Filter{Period: incidents.Interval{Start: day("2025-12-02")}}, []int64{id[1], id[0]}},
		"types":               {incidents.Filter{Types: []incidents.Type{incidents.TypeBombing, incidents.TypeArmedAttack}}, []int64{id[0], id[3]}},
		"governorate":         {incidents.Filter{Admin1PCode: "SY06"}, []int64{id[2]}},
		"everything combined": {incidents.Filter{Bounds: idlibBox, Types: []incidents.Type{incidents.TypeArrest}, Period: incidents.Interval{Start: day("2025-11-01")}}, []int64{id[1]}},
		"limit":               {incidents.Filter{Limit: 2}, []int64{id[1], id[0]}},
		"nothing":             {incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{40, 34}, Max: orb.Point{41, 35}}}}, []int64{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			found, err := s.Find(context.Background(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(found); !slices.Equal(got, tc.want) {
				t.Errorf("Find = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestStore_FindPages(t *testing.T) {
	s := mustOpenStore(t)
	var all []incidents.Incident
	for i := range 25 {
		d := day("2025-01-01").AddDate(0, 0, i%7) // many share a date: the id breaks ties
		all = append(all, incident(incidents.TypeShelling, 36+float64(i)/100, 35, d.Format(incidents.DateLayout), d.Format(incidents.DateLayout)))
	}
	mustAdd(t, s, all...)
	want, _ := s.Find(context.Background(), incidents.Filter{})
	var got []int64
	f := incidents.Filter{Limit: 4}
	for range 10 {
		page, err := s.Find(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ids(page)...)
		if len(page) < f.Limit {
			break
		}
		c := incidents.CursorOf(page[len(page)-1])
		f.After = &c
	}
	if !slices.Equal(got, ids(want)) {
		t.Errorf("pages joined = %v, want %v", got, ids(want))
	}
}

func TestStore_ExtentAndVersion(t *testing.T) {
	s := mustOpenStore(t)
	if e, err := s.Extent(context.Background()); err != nil || e.Count != 0 {
		t.Fatalf("Extent of empty store = %+v, %v", e, err)
	}
	v0, _ := s.Version(context.Background())
	mustAdd(t, s, incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24"),
		incident(incidents.TypeArrest, 40.1, 35.3, "2025-06-22", "2025-12-07"))
	e, err := s.Extent(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := orb.Bound{Min: orb.Point{35.9, 35.3}, Max: orb.Point{40.1, 35.9}}
	if e.Count != 2 || e.Bound != want || !e.First.Equal(day("2025-06-22")) || !e.Last.Equal(day("2025-12-07")) {
		t.Errorf("Extent = %+v, want 2 incidents in %v over 2025-06-22..2025-12-07", e, want)
	}
	if v1, _ := s.Version(context.Background()); v1 <= v0 {
		t.Errorf("version %d after a write, want more than %d", v1, v0)
	}
}

func TestOpen_Reopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mapsrv.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24"))
	s.Close()
	s, err = sqlite.Open(context.Background(), path) // migrations already applied
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if found, _ := s.Find(context.Background(), incidents.Filter{}); len(found) != 1 {
		t.Errorf("after reopening, %d incidents, want 1", len(found))
	}
}

func TestStore_UpdateDelete(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	draft := incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02")
	draft.Status = incidents.StatusDraft
	draft.Sources = []incidents.Source{{Title: "first", URL: "https://example.org/1"}}
	id := mustAdd(t, s, draft)[0]
	stored, _ := s.Get(ctx, id)

	edit := stored
	edit.Status, edit.Location, edit.Type = incidents.StatusPublished, orb.Point{36.0, 36.0}, incidents.TypeClash
	edit.Sources = append(edit.Sources, incidents.Source{Title: "second", URL: "https://example.org/2"})
	got, err := s.Update(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != incidents.StatusPublished || got.Type != incidents.TypeClash || len(got.Sources) != 2 ||
		!got.CreatedAt.Equal(stored.CreatedAt) || !got.UpdatedAt.After(stored.UpdatedAt) {
		t.Errorf("Update = %+v", got)
	}
	// The R*Tree moved with the row: the new place is found, the old one not.
	near := func(lon, lat float64) int {
		found, _ := s.Find(ctx, incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{lon - 0.01, lat - 0.01}, Max: orb.Point{lon + 0.01, lat + 0.01}}}})
		return len(found)
	}
	if near(36.0, 36.0) != 1 || near(36.8, 35.87) != 0 {
		t.Errorf("after moving, found %d at the new point and %d at the old", near(36.0, 36.0), near(36.8, 35.87))
	}
	bad := got
	bad.Type = "riot"
	if _, err := s.Update(ctx, bad); !errors.Is(err, incidents.ErrInvalid) {
		t.Errorf("invalid Update error = %v", err)
	}
	missing := got
	missing.ID = id + 50
	if _, err := s.Update(ctx, missing); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("Update of a missing incident: %v", err)
	}
	if err := s.AddSources(ctx, id, []incidents.Source{{Title: "second", URL: "https://example.org/2"}, {Title: "third"}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(ctx, id); len(got.Sources) != 3 || got.Sources[2].Title != "third" {
		t.Errorf("after AddSources, sources = %+v, want 3 without duplicates", got.Sources)
	}
	bySource, _ := s.Find(ctx, incidents.Filter{SourceKey: "https://example.org/2"})
	if len(bySource) != 1 || bySource[0].ID != id {
		t.Errorf("Find by source = %v", ids(bySource))
	}
	if err := s.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, id); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("second Delete: %v", err)
	}
	if near(36.0, 36.0) != 0 {
		t.Error("the R*Tree still holds the deleted incident")
	}
}
