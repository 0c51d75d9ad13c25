package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// testNotFoundSaysTheSame: a write to an incident or proposal that is not
// there fails with [incidents.ErrNotFound] in the words a read uses,
// naming no store. The API answers them as a 404's detail, which said
// "sqlite: update 9: …" on one store and "postgis: update 9: …" on the
// other (round 16).
func testNotFoundSaysTheSame(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	id := mustAdd(t, s, Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02"))[0]
	missing := id + 50
	inc := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02")
	inc.ID = missing
	same := func(inc incidents.Incident) (incidents.Incident, error) { return inc, nil }
	noCheck := func(incidents.Incident) error { return nil }
	wantIncident := fmt.Sprintf("incidents: not found: incident %d", missing)
	wantProposal := fmt.Sprintf("incidents: not found: proposal %d", missing)
	for _, c := range []struct {
		op   string
		err  error
		want string
	}{
		{"Get", second(s.Get(ctx, missing)), wantIncident},
		{"Update", second(s.Update(ctx, inc)), wantIncident},
		{"Edit", second(s.Edit(ctx, missing, same)), wantIncident},
		{"Delete", s.Delete(ctx, missing), wantIncident},
		{"DeleteIf", s.DeleteIf(ctx, missing, noCheck), wantIncident},
		{"AddSources", s.AddSources(ctx, missing, []incidents.Source{{URL: "https://example.org/x"}}), wantIncident},
		{"AcceptProposal", second(s.AcceptProposal(ctx, missing)), wantProposal},
		{"RejectProposal", second(s.RejectProposal(ctx, missing)), wantProposal},
	} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("%s of a missing one: %v; want %q", c.op, c.err, c.want)
		}
	}
}

func second[T any](_ T, err error) error { return err }
