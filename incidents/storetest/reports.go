package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// draftOf is a draft citing src, as ingestion makes them.
func draftOf(src incidents.Source, lon float64) incidents.Incident {
	d := Incident(incidents.TypeArrest, lon, 35.87, "2025-11-24", "2025-11-24")
	d.Status, d.Sources = incidents.StatusDraft, []incidents.Source{src}
	return d
}

func mustAddReport(t *testing.T, s incidents.Store, r incidents.Report) []int64 {
	t.Helper()
	ids, err := s.AddReport(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func sourceOf(t *testing.T, s incidents.Store, id int64, url string) incidents.Source {
	t.Helper()
	inc, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range inc.Sources {
		if src.URL == url {
			return src
		}
	}
	t.Fatalf("incident %d does not cite %s: %+v", id, url, inc.Sources)
	return incidents.Source{}
}

// testSourceCorrections: an editor's write corrects what a source says for
// every incident citing it, even when ingestion stored it first; ingestion
// (a report's drafts, an accepted proposal, AddSources) never overwrites
// what is stored.
func testSourceCorrections(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	x := incidents.Source{Title: "ingest title", URL: "https://example.org/x", Publisher: "Ingest P"}
	draft := mustAddReport(t, s, incidents.Report{Source: x, Drafts: []incidents.Incident{draftOf(x, 36.8)}})[0]
	a := Incident(incidents.TypeClash, 36.7, 35.8, "2025-11-20", "2025-11-20")
	a.Sources = []incidents.Source{{Title: "editor title", URL: x.URL}}
	idA := mustAdd(t, s, a)[0]
	if got := sourceOf(t, s, draft, x.URL); got.Title != "editor title" || got.Publisher != "Ingest P" {
		t.Errorf("after an editor cited it, the report says %+v; want the editor's title, the publisher kept", got)
	}
	stored, _ := s.Get(ctx, idA)
	stored.Sources = []incidents.Source{{Title: "Corrected", URL: x.URL, Publisher: "Real P", Published: Day("2025-11-21")}}
	if _, err := s.Update(ctx, stored); err != nil {
		t.Fatal(err)
	}
	want := stored.Sources[0]
	for _, id := range []int64{idA, draft} {
		if got := sourceOf(t, s, id, x.URL); got != want {
			t.Errorf("incident %d cites %+v after the correction, want %+v", id, got, want)
		}
	}
	b := mustAdd(t, s, Incident(incidents.TypeClash, 36.6, 35.8, "2025-11-20", "2025-11-20"))[0]
	if err := s.AddSources(ctx, b, []incidents.Source{{Title: "attacker title", URL: x.URL, Publisher: "Fake"}}); err != nil {
		t.Fatal(err)
	}
	if got := sourceOf(t, s, b, x.URL); got != want {
		t.Errorf("AddSources changed the corrected source to %+v", got)
	}
	// A source an editor stored and no incident cites any more: a report
	// citing it is new, and its words do not replace the editor's.
	y := incidents.Source{Title: "editor y", URL: "https://example.org/y", Publisher: "Y"}
	c := Incident(incidents.TypeClash, 36.6, 35.8, "2025-11-20", "2025-11-20")
	c.Sources = []incidents.Source{y}
	if err := s.Delete(ctx, mustAdd(t, s, c)[0]); err != nil {
		t.Fatal(err)
	}
	fake := incidents.Source{Title: "attacker y", URL: y.URL, Publisher: "Fake"}
	d := mustAddReport(t, s, incidents.Report{Source: fake, Drafts: []incidents.Incident{draftOf(fake, 36.9)}})[0]
	if got := sourceOf(t, s, d, y.URL); got != y {
		t.Errorf("ingestion rewrote an editor's source: %+v, want %+v", got, y)
	}
}

// testReports: a report yields drafts and, for published incidents it
// restates, proposals that change nothing public until an editor accepts
// one; a report stored before stores nothing.
func testReports(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	pub := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24")
	pub.Sources = []incidents.Source{{Title: "first report", URL: "https://example.org/first"}}
	ids := mustAdd(t, s, pub, pub)
	before, _ := s.Get(ctx, ids[0])
	r := incidents.Source{Title: "restated", URL: "https://attacker.example/r", Publisher: "Fake Agency", Published: Day("2025-11-25")}
	drafts := mustAddReport(t, s, incidents.Report{Source: r, Drafts: []incidents.Incident{draftOf(r, 36.81)},
		Proposals: []int64{ids[0], ids[1], ids[1] + 100}})
	if len(drafts) != 1 {
		t.Fatalf("AddReport gave draft IDs %v, want 1", drafts)
	}
	if got, _ := s.Get(ctx, drafts[0]); got.Status != incidents.StatusDraft {
		t.Errorf("the report's incident is %s, want a draft", got.Status)
	}
	if after, _ := s.Get(ctx, ids[0]); len(after.Sources) != 1 || !after.UpdatedAt.Equal(before.UpdatedAt) {
		t.Errorf("a proposal changed the published incident: %+v", after.Sources)
	}
	if got := mustFind(t, s, incidents.Filter{SourceKey: r.URL}); len(got) != 0 {
		t.Errorf("the public finds %v citing the proposed report", IDs(got))
	}
	props, err := s.Proposals(ctx, 0, 0, 0)
	if err != nil || len(props) != 2 || props[0].IncidentID != ids[0] || props[0].Source != r || props[0].CreatedAt.IsZero() {
		t.Fatalf("Proposals = %+v, %v; want 2, for %d and %d, saying what the report says", props, err, ids[0], ids[1])
	}
	if mine, _ := s.Proposals(ctx, ids[1], 0, 0); len(mine) != 1 || mine[0].ID != props[1].ID {
		t.Errorf("Proposals of %d = %+v", ids[1], mine)
	}
	// Paged: at most limit, after an ID.
	if first, _ := s.Proposals(ctx, 0, 0, 1); len(first) != 1 || first[0].ID != props[0].ID {
		t.Errorf("Proposals(limit 1) = %+v, want the first", first)
	}
	if rest, _ := s.Proposals(ctx, 0, props[0].ID, 5); len(rest) != 1 || rest[0].ID != props[1].ID {
		t.Errorf("Proposals(after %d) = %+v, want the second", props[0].ID, rest)
	}
	if none, _ := s.Proposals(ctx, ids[0], props[0].ID, 0); len(none) != 0 {
		t.Errorf("Proposals(%d, after its one) = %+v, want none", ids[0], none)
	}
	v0, n0 := mustVersion(t, s), mustCount(t, s)
	for name, again := range map[string]incidents.Report{
		"the same report":          {Source: r, Drafts: []incidents.Incident{draftOf(r, 36.82)}},
		"a report an editor cites": {Source: pub.Sources[0], Drafts: []incidents.Incident{draftOf(pub.Sources[0], 36.82)}},
	} {
		if _, err := s.AddReport(ctx, again); !errors.Is(err, incidents.ErrDuplicate) {
			t.Errorf("AddReport of %s: %v, want ErrDuplicate", name, err)
		}
	}
	published := draftOf(incidents.Source{URL: "https://example.org/p"}, 36.8)
	published.Status = incidents.StatusPublished
	if _, err := s.AddReport(ctx, incidents.Report{Source: published.Sources[0], Drafts: []incidents.Incident{published}}); !errors.Is(err, incidents.ErrInvalid) {
		t.Errorf("AddReport of a published incident: %v, want ErrInvalid", err)
	}
	if v, n := mustVersion(t, s), mustCount(t, s); v != v0 || n != n0 {
		t.Errorf("refused reports moved the version %d → %d, the count %d → %d", v0, v, n0, n)
	}
	accepted, err := s.AcceptProposal(ctx, props[0].ID)
	if err != nil || accepted.IncidentID != ids[0] {
		t.Fatalf("AcceptProposal = %+v, %v", accepted, err)
	}
	if after, _ := s.Get(ctx, ids[0]); len(after.Sources) != 2 || after.Sources[1] != r || !after.UpdatedAt.After(before.UpdatedAt) {
		t.Errorf("after accepting, sources %+v", after.Sources)
	}
	if _, err := s.RejectProposal(ctx, props[1].ID); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Get(ctx, ids[1]); len(after.Sources) != 1 {
		t.Errorf("a rejected proposal was linked: %+v", after.Sources)
	}
	if left, _ := s.Proposals(ctx, 0, 0, 0); len(left) != 0 {
		t.Errorf("proposals left after accepting and rejecting: %+v", left)
	}
	for _, resolve := range []func(context.Context, int64) (incidents.Proposal, error){s.AcceptProposal, s.RejectProposal} {
		if _, err := resolve(ctx, props[0].ID); !errors.Is(err, incidents.ErrNotFound) {
			t.Errorf("resolving a proposal twice: %v, want ErrNotFound", err)
		}
	}
	// A proposal goes with its incident.
	other := incidents.Source{Title: "other", URL: "https://example.org/other"}
	mustAddReport(t, s, incidents.Report{Source: other, Proposals: []int64{ids[1]}})
	if err := s.Delete(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.Proposals(ctx, 0, 0, 0); len(left) != 0 {
		t.Errorf("proposals of a deleted incident: %+v", left)
	}
}

// testReportsConcurrent: ten reports posted six times each at once are each
// stored once (a check before the write let 4 and 6 drafts through).
func testReportsConcurrent(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	stored := map[string]int{}
	start := make(chan struct{})
	for r := range 10 {
		src := incidents.Source{Title: fmt.Sprintf("report %d", r), URL: fmt.Sprintf("https://example.org/report/%d", r)}
		for range 6 {
			wg.Go(func() {
				<-start
				_, err := s.AddReport(ctx, incidents.Report{Source: src,
					Drafts: []incidents.Incident{draftOf(src, 36.8), draftOf(src, 36.9)}})
				switch {
				case err == nil:
					mu.Lock()
					stored[src.URL]++
					mu.Unlock()
				case !errors.Is(err, incidents.ErrDuplicate):
					t.Error(err)
				}
			})
		}
	}
	close(start)
	wg.Wait()
	for r := range 10 {
		url := fmt.Sprintf("https://example.org/report/%d", r)
		drafts := mustFind(t, s, incidents.Filter{Status: incidents.StatusDraft, SourceKey: url})
		if stored[url] != 1 || len(drafts) != 2 {
			t.Errorf("%s posted 6 times at once: stored %d times, %d drafts; want once, 2", url, stored[url], len(drafts))
		}
	}
	if n := mustCount(t, s); n != 20 {
		t.Errorf("%d incidents, want 20", n)
	}
}

// testSourcesAtTheLimit: accepting a proposal (or AddSources) for an
// incident citing incidents.MaxSources sources is refused, naming the
// limit, and changes nothing: the proposal stays, the sources stay. It
// linked a 101st source, and more, after which every edit of the incident
// was refused for its sources.
func testSourcesAtTheLimit(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	full := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24")
	for i := range incidents.MaxSources {
		full.Sources = append(full.Sources, incidents.Source{Title: fmt.Sprint("report ", i), URL: fmt.Sprint("https://example.org/full/", i)})
	}
	id := mustAdd(t, s, full)[0]
	extra := incidents.Source{Title: "one more", URL: "https://example.org/one-more"}
	mustAddReport(t, s, incidents.Report{Source: extra, Proposals: []int64{id}})
	props, err := s.Proposals(ctx, id, 0, 0)
	if err != nil || len(props) != 1 {
		t.Fatalf("Proposals = %+v, %v; want 1", props, err)
	}
	if _, err := s.AcceptProposal(ctx, props[0].ID); !errors.Is(err, incidents.ErrInvalid) || !strings.Contains(err.Error(), "at most 100") {
		t.Errorf("accepting a 101st source: %v, want ErrInvalid naming the limit", err)
	}
	if err := s.AddSources(ctx, id, []incidents.Source{{Title: "another", URL: "https://example.org/another"}}); !errors.Is(err, incidents.ErrInvalid) {
		t.Errorf("AddSources of a 101st source: %v, want ErrInvalid", err)
	}
	if got, _ := s.Get(ctx, id); len(got.Sources) != incidents.MaxSources {
		t.Errorf("the incident cites %d sources, want %d", len(got.Sources), incidents.MaxSources)
	}
	if left, _ := s.Proposals(ctx, id, 0, 0); len(left) != 1 {
		t.Errorf("the refused proposal is gone: %+v", left)
	}
	// With one source dropped, a proposal is accepted as before.
	mustAddReport(t, s, incidents.Report{Source: incidents.Source{Title: "fresh", URL: "https://example.org/fresh"}, Proposals: []int64{id}})
	if _, err := s.RejectProposal(ctx, props[0].ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(ctx, id)
	got.Sources = got.Sources[:incidents.MaxSources-1]
	if _, err := s.Update(ctx, got); err != nil {
		t.Fatal(err)
	}
	left, _ := s.Proposals(ctx, id, 0, 0)
	if len(left) != 1 {
		t.Fatalf("proposals %+v, want the fresh one", left)
	}
	if _, err := s.AcceptProposal(ctx, left[0].ID); err != nil {
		t.Errorf("accepting a 100th source: %v", err)
	}
}
