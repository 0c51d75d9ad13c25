package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// testSourcesDedupe: a source is one report whoever cites it, keyed by URL or,
// without one, by title, publisher and date; an incident cites it once; what
// it says is what an editor's write last said (empty fields keep theirs).
func testSourcesDedupe(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	shared := incidents.Source{Title: "first title", URL: "https://example.org/shared", Publisher: "P"}
	noURL := incidents.Source{Title: "bulletin", Publisher: "Q", Published: Day("2025-11-30")}
	a := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-01", "2025-12-01")
	a.Sources = []incidents.Source{shared, noURL}
	b := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02")
	b.Sources = []incidents.Source{{Title: "another title", URL: shared.URL}, {Title: "own", URL: "https://example.org/b"}}
	c := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-03", "2025-12-03")
	c.Sources = []incidents.Source{noURL, noURL, {Title: "bulletin", Publisher: "Q"}} // the last has no date: another report
	id := mustAdd(t, s, a, b, c)

	if got := IDs(mustFind(t, s, incidents.Filter{SourceKey: shared.URL})); !slices.Equal(got, []int64{id[1], id[0]}) {
		t.Errorf("citing %s: %v, want %v", shared.URL, got, []int64{id[1], id[0]})
	}
	if got := IDs(mustFind(t, s, incidents.Filter{SourceKey: incidents.SourceKey(noURL)})); !slices.Equal(got, []int64{id[2], id[0]}) {
		t.Errorf("citing %q: %v, want %v", incidents.SourceKey(noURL), got, []int64{id[2], id[0]})
	}
	// One report, one title: the last an editor wrote, whoever cites it.
	gotA, _ := s.Get(ctx, id[0])
	gotB, _ := s.Get(ctx, id[1])
	if len(gotB.Sources) != 2 || gotB.Sources[0].Title != "another title" || gotB.Sources[0].Publisher != "P" || gotA.Sources[0].Title != "another title" {
		t.Errorf("a's and b's sources = %+v, %+v; want the shared report as last written (%q, publisher kept), then b's own",
			gotA.Sources, gotB.Sources, "another title")
	}
	if gotC, _ := s.Get(ctx, id[2]); len(gotC.Sources) != 2 || !gotC.Sources[1].Published.IsZero() {
		t.Errorf("c's sources = %+v, want the bulletin once, then the undated one", gotC.Sources)
	}
	if err := s.AddSources(ctx, id[0], []incidents.Source{noURL, {URL: "https://example.org/b"}, shared}); err != nil {
		t.Fatal(err)
	}
	gotA, _ = s.Get(ctx, id[0])
	if len(gotA.Sources) != 3 || gotA.Sources[0].URL != shared.URL || gotA.Sources[2].URL != "https://example.org/b" {
		t.Errorf("after AddSources, a's sources = %+v, want its 2 then the new one", gotA.Sources)
	}
	if got := IDs(mustFind(t, s, incidents.Filter{SourceKey: "https://example.org/b"})); !slices.Equal(got, []int64{id[1], id[0]}) {
		t.Errorf("citing the added source: %v", got)
	}
	if got := mustFind(t, s, incidents.Filter{SourceKey: "https://example.org/none"}); len(got) != 0 {
		t.Errorf("citing an unknown source: %v, want none", IDs(got))
	}
}

func testUpdateDelete(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	draft := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02")
	draft.Status = incidents.StatusDraft
	draft.Killed = intp(3)
	draft.Sources = []incidents.Source{{Title: "first", URL: "https://example.org/1"}}
	id := mustAdd(t, s, draft)[0]
	stored, _ := s.Get(ctx, id)

	edit := stored
	edit.Status, edit.Location, edit.Type, edit.Killed = incidents.StatusPublished, orb.Point{36.0, 36.0}, incidents.TypeClash, nil
	edit.Sources = append(edit.Sources, incidents.Source{Title: "second", URL: "https://example.org/2"})
	got, err := s.Update(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != incidents.StatusPublished || got.Type != incidents.TypeClash || got.Killed != nil || len(got.Sources) != 2 ||
		!got.CreatedAt.Equal(stored.CreatedAt) || !got.UpdatedAt.After(stored.UpdatedAt) {
		t.Errorf("Update = %+v", got)
	}
	// The spatial index moved with the row: the new place is found, the old one not.
	near := func(lon, lat float64) int { return len(mustFind(t, s, incidents.Filter{Bounds: box(lon, lat, 0.01)})) }
	if near(36.0, 36.0) != 1 || near(36.8, 35.87) != 0 {
		t.Errorf("after moving, found %d at the new point and %d at the old", near(36.0, 36.0), near(36.8, 35.87))
	}
	if drafts := mustFind(t, s, incidents.Filter{Status: incidents.StatusDraft}); len(drafts) != 0 {
		t.Errorf("after publishing, drafts = %v", IDs(drafts))
	}
	bad := got
	bad.Type = "riot"
	if _, err := s.Update(ctx, bad); !errors.Is(err, incidents.ErrInvalid) {
		t.Errorf("invalid Update error = %v", err)
	}
	if err := s.AddSources(ctx, id, []incidents.Source{{Title: "second", URL: "https://example.org/2"}, {Title: "third"}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(ctx, id); len(got.Sources) != 3 || got.Sources[2].Title != "third" {
		t.Errorf("after AddSources, sources = %+v, want 3 without duplicates", got.Sources)
	}
	edit.Sources = nil
	if got, err := s.Update(ctx, edit); err != nil || len(got.Sources) != 0 {
		t.Errorf("Update without sources = %+v, %v; want none left", got.Sources, err)
	}
	if err := s.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, id); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("second Delete: %v", err)
	}
	if near(36.0, 36.0) != 0 || mustCount(t, s) != 0 {
		t.Error("the deleted incident is still found")
	}
}

// testMissingIncident: writes to an ID that does not exist fail with
// ErrNotFound and change nothing.
func testMissingIncident(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	id := mustAdd(t, s, Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02"))[0]
	v0 := mustVersion(t, s)
	missing := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02")
	missing.ID = id + 50
	if _, err := s.Update(ctx, missing); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("Update of a missing incident: %v", err)
	}
	if err := s.Delete(ctx, id+50); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("Delete of a missing incident: %v", err)
	}
	if err := s.AddSources(ctx, id+50, []incidents.Source{{URL: "https://example.org/x"}}); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("AddSources to a missing incident: %v", err)
	}
	if v1 := mustVersion(t, s); v1 != v0 {
		t.Errorf("version moved from %d to %d on failed writes", v0, v1)
	}
	if got := mustFind(t, s, incidents.Filter{SourceKey: "https://example.org/x"}); len(got) != 0 {
		t.Errorf("a failed AddSources linked %v", IDs(got))
	}
}

func testExtentAndCount(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	if e, err := s.Extent(ctx); err != nil || e.Count != 0 {
		t.Fatalf("Extent of empty store = %+v, %v", e, err)
	}
	draft := Incident(incidents.TypeArrest, 42.0, 37.0, "2019-01-01", "2026-01-01")
	draft.Status = incidents.StatusDraft
	mustAdd(t, s, Incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24"),
		Incident(incidents.TypeArrest, 40.1, 35.3, "2025-06-22", "2025-12-07"), draft)
	e, err := s.Extent(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := orb.Bound{Min: orb.Point{35.9, 35.3}, Max: orb.Point{40.1, 35.9}}
	if e.Count != 2 || e.Bound != want || !e.First.Equal(Day("2025-06-22")) || !e.Last.Equal(Day("2025-12-07")) {
		t.Errorf("Extent = %+v, want the 2 published in %v over 2025-06-22..2025-12-07", e, want)
	}
	if n := mustCount(t, s); n != 3 {
		t.Errorf("Count = %d, want 3, the draft included", n)
	}
}

// testVersion: every successful write moves the version up; reads do not.
func testVersion(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	inc := Incident(incidents.TypeArrest, 35.9, 35.9, "2025-11-24", "2025-11-24")
	var id int64
	writes := []struct {
		name string
		fn   func() error
	}{
		{"Add", func() error {
			ids, err := s.Add(ctx, []incidents.Incident{inc})
			if err == nil {
				id = ids[0]
			}
			return err
		}},
		{"Update", func() error { inc.ID = id; inc.SummaryEN = "edited"; _, err := s.Update(ctx, inc); return err }},
		{"AddSources", func() error { return s.AddSources(ctx, id, []incidents.Source{{Title: "t"}}) }},
		{"Import", func() error { _, err := s.Import(ctx, many(3, 0, inc.CreatedAt), nil); return err }},
		{"Delete", func() error { return s.Delete(ctx, id) }},
	}
	v := mustVersion(t, s)
	for _, w := range writes {
		if err := w.fn(); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		mustFind(t, s, incidents.Filter{})
		s.Extent(ctx)
		if next := mustVersion(t, s); next <= v {
			t.Errorf("version %d after %s, want more than %d", next, w.name, v)
		} else {
			v = next
		}
	}
	if again := mustVersion(t, s); again != v {
		t.Errorf("version moved from %d to %d without a write", v, again)
	}
}
