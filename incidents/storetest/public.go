package storetest

import (
	"context"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// testPublicVersion: the public version moves, to the data version, with
// exactly the writes that change what the public reads; drafts, proposals
// and their rejection leave it (a new draft used to change every public
// ETag and empty the response cache).
func testPublicVersion(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	shared := incidents.Source{Title: "shared", URL: "https://example.org/shared"}
	pub := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24")
	pub.Sources = []incidents.Source{shared}
	draft := draftOf(shared, 36.7)
	draft.Sources = nil
	var pubID, draftID, otherDraft int64
	var proposals []incidents.Proposal
	edit := func(id int64, fn func(*incidents.Incident)) error {
		_, err := s.Edit(ctx, id, func(cur incidents.Incident) (incidents.Incident, error) { fn(&cur); return cur, nil })
		return err
	}
	steps := []struct {
		name   string
		public bool
		fn     func() error
	}{
		{"add a published incident", true, func() (err error) { pubID = mustAdd(t, s, pub)[0]; return nil }},
		{"add a draft", false, func() error { draftID = mustAdd(t, s, draft)[0]; return nil }},
		{"edit the draft", false, func() error { return edit(draftID, func(i *incidents.Incident) { i.Killed = intp(2) }) }},
		{"import drafts", false, func() error {
			_, err := s.Import(ctx, func(yield func(incidents.Incident, error) bool) { yield(draft, nil) }, nil)
			return err
		}},
		{"a report's drafts and proposal", false, func() error {
			src := incidents.Source{Title: "report", URL: "https://example.org/report"}
			ids, err := s.AddReport(ctx, incidents.Report{Source: src, Drafts: []incidents.Incident{draftOf(src, 36.6)}, Proposals: []int64{pubID}})
			if err == nil {
				otherDraft = ids[0]
				proposals, err = s.Proposals(ctx, pubID, 0, 0)
			}
			return err
		}},
		{"reject a proposal", false, func() error { _, err := s.RejectProposal(ctx, proposals[0].ID); return err }},
		{"delete a draft", false, func() error { return s.Delete(ctx, otherDraft) }},
		{"a draft cites a published incident's source as it is", false, func() error {
			return edit(draftID, func(i *incidents.Incident) { i.Sources = []incidents.Source{shared} })
		}},
		{"a draft corrects a published incident's source", true, func() error {
			return edit(draftID, func(i *incidents.Incident) { i.Sources = []incidents.Source{{Title: "corrected", URL: shared.URL}} })
		}},
		{"edit the published incident", true, func() error { return edit(pubID, func(i *incidents.Incident) { i.Injured = intp(1) }) }},
		{"a proposal accepted", true, func() error {
			src := incidents.Source{Title: "second", URL: "https://example.org/second"}
			if _, err := s.AddReport(ctx, incidents.Report{Source: src, Proposals: []int64{pubID}}); err != nil {
				return err
			}
			props, err := s.Proposals(ctx, pubID, 0, 0)
			if err == nil {
				_, err = s.AcceptProposal(ctx, props[0].ID)
			}
			return err
		}},
		{"publish the draft", true, func() error {
			return edit(draftID, func(i *incidents.Incident) { i.Status = incidents.StatusPublished })
		}},
		{"draft a published incident", true, func() error { return edit(draftID, func(i *incidents.Incident) { i.Status = incidents.StatusDraft }) }},
		{"delete a published incident", true, func() error { return s.Delete(ctx, pubID) }},
	}
	for _, st := range steps {
		p0, v0 := mustPublicVersion(t, s), mustVersion(t, s)
		if err := st.fn(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		p, v := mustPublicVersion(t, s), mustVersion(t, s)
		switch {
		case v <= v0:
			t.Errorf("%s: version %d → %d, want it moved", st.name, v0, v)
		case st.public && p != v:
			t.Errorf("%s: public version %d → %d, want it moved to the version, %d", st.name, p0, p, v)
		case !st.public && p != p0:
			t.Errorf("%s: public version %d → %d, want it left", st.name, p0, p)
		}
	}
}

func mustPublicVersion(t *testing.T, s incidents.Store) int64 {
	t.Helper()
	v, err := s.PublicVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}
