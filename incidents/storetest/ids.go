package storetest

import (
	"context"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// testIDsNeverReused: an ID names one incident, and one proposal, for good.
// A deleted incident's URL, an editor's open form or a stale review list must
// never reach another incident or proposal that took its number: SQLite gave
// the largest ID again once its row was deleted (PostgreSQL's sequences
// never do).
func testIDsNeverReused(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	inc := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24")
	ids := mustAdd(t, s, inc, inc, inc)
	last := ids[2]
	if err := s.Delete(ctx, last); err != nil {
		t.Fatal(err)
	}
	if again := mustAdd(t, s, inc); again[0] <= last {
		t.Errorf("after deleting incident %d, a new incident got ID %d", last, again[0])
	} else {
		last = again[0]
	}
	// Every incident gone, and imported rather than added.
	for _, id := range append(ids[:2], last) {
		if err := s.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Import(ctx, Seq([]incidents.Incident{inc}), nil); err != nil {
		t.Fatal(err)
	}
	got := mustFind(t, s, incidents.Filter{})
	if len(got) != 1 || got[0].ID <= last {
		t.Errorf("after deleting every incident up to %d, an import gave IDs %v", last, IDs(got))
	}

	// A proposal accepted or rejected is deleted: the next one gets a new ID.
	pub := got[0].ID
	var lastProposal int64
	for i, resolve := range []func(context.Context, int64) (incidents.Proposal, error){s.AcceptProposal, s.RejectProposal, nil} {
		src := incidents.Source{Title: "report", URL: "https://example.org/report" + string(rune('a'+i))}
		mustAddReport(t, s, incidents.Report{Source: src, Proposals: []int64{pub}})
		props, err := s.Proposals(ctx, pub, 0, 0)
		if err != nil || len(props) != 1 {
			t.Fatalf("Proposals = %+v, %v; want 1", props, err)
		}
		if props[0].ID <= lastProposal {
			t.Errorf("proposal of %s got ID %d, that of a resolved one (%d)", src.URL, props[0].ID, lastProposal)
		}
		lastProposal = props[0].ID
		if resolve == nil {
			break
		}
		if _, err := resolve(ctx, props[0].ID); err != nil {
			t.Fatal(err)
		}
	}
}
