package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// testGovernorateAgainstPoint: with a locator, an incident placed finer than
// its governorate whose point lies in a district of another governorate than
// its admin1_pcode, beyond incidents.GovernorateSlack, is refused on every
// write, naming admin1_pcode and the district, and nothing is stored. It had
// been stored as given: governorate filters and counts then placed it in one
// governorate, district ones in another.
func testGovernorateAgainstPoint(t *testing.T, s incidents.Store) {
	ds, ok := s.(districtStore)
	if !ok {
		t.Fatal("the store cannot set districts")
	}
	ctx := context.Background()
	// Made-up districts: Idlib's west of 36.7 E, Aleppo's east of it.
	ds.SetLocator(func(p orb.Point) string {
		if p.Lon() < 36.7 {
			return "SY0701"
		}
		return "SY0201"
	})
	idlib := Incident(incidents.TypeShelling, 36.6, 35.9, "2025-02-01", "2025-02-01") // SY07, in SY0701
	ids := mustAdd(t, s, idlib)
	far := idlib
	far.Location = orb.Point{36.9, 35.9} // some 18 km into SY0201
	before := mustVersion(t, s)
	refused := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, incidents.ErrInvalid) || !strings.Contains(err.Error(), "admin1_pcode: SY07") || !strings.Contains(err.Error(), "SY0201") {
			t.Errorf("%s of an Idlib incident at a point in SY0201: %v, want an invalid admin1_pcode naming the district", what, err)
		}
	}
	_, err := s.Add(ctx, []incidents.Incident{far})
	refused("Add", err)
	_, err = s.Import(ctx, Seq([]incidents.Incident{idlib, far}), nil)
	refused("Import", err)
	moved := idlib
	moved.ID = ids[0]
	moved.Location = far.Location
	_, err = s.Update(ctx, moved)
	refused("Update", err)
	_, err = s.Edit(ctx, ids[0], func(cur incidents.Incident) (incidents.Incident, error) {
		cur.Admin1PCode = "SY02" // a point in Idlib's district told as Aleppo's
		return cur, nil
	})
	if err == nil || !strings.Contains(err.Error(), "admin1_pcode: SY02") {
		t.Errorf("Edit to SY02 of an incident in SY0701: %v, want an invalid admin1_pcode", err)
	}
	src := incidents.Source{Title: "a report of our own on a raid east of 36.7 E"}
	_, err = s.AddReport(ctx, incidents.Report{Source: src, Drafts: []incidents.Incident{draftOf(src, 36.9)}})
	refused("AddReport", err)
	if after := mustVersion(t, s); after != before {
		t.Errorf("refused writes moved the version from %d to %d", before, after)
	}
	if got, err := s.Get(ctx, ids[0]); err != nil || got.Location != idlib.Location || got.Admin1PCode != "SY07" {
		t.Errorf("the stored incident after refused edits: %+v, %v", got, err)
	}
	// Accepted: a point within the slack of its governorate's district, one
	// standing for its whole governorate, and one with no governorate.
	near := idlib
	near.Location = orb.Point{36.705, 35.9} // some 450 m east of the line
	whole := far
	whole.GeoPrecision = incidents.GeoGovernorate
	none := far
	none.Admin1PCode, none.Admin1Name = "", ""
	aleppo := far
	aleppo.Admin1PCode, aleppo.Admin1Name = "SY02", "Aleppo"
	if _, err := s.Add(ctx, []incidents.Incident{near, whole, none, aleppo}); err != nil {
		t.Errorf("Add of incidents whose governorate agrees with their point, or is not checked: %v", err)
	}
}
