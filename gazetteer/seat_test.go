package gazetteer

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// TestGovernorateSeats: every governorate place carries the point of its seat
// city, which lies in the governorate (Rif Dimashq's is Damascus), so that the
// sides of a governorate's countryside are reckoned from the city news means.
func TestGovernorateSeats(t *testing.T) {
	g := mustDefault(t)
	damascus, _ := g.Place("adm1:SY01")
	for _, gov := range g.Governorates() {
		p, ok := g.Place("adm1:" + gov.PCode)
		if !ok {
			t.Fatalf("no place adm1:%s", gov.PCode)
		}
		switch {
		case p.Seat == (orb.Point{}):
			t.Errorf("%s: no seat", gov.NameEN)
		case gov.PCode == "SY03":
			if p.Seat != damascus.Seat {
				t.Errorf("Rif Dimashq's seat %v, want Damascus's %v", p.Seat, damascus.Seat)
			}
		case !planar.MultiPolygonContains(gov.Geometry, p.Seat) && !gov.Geometry.Bound().Pad(0.03).Contains(p.Seat): // simplified outlines cut the coast
			t.Errorf("%s: seat %v outside the governorate", gov.NameEN, p.Seat)
		}
	}
	m, err := g.Geocode("سراقب")
	if err != nil {
		t.Fatal(err)
	}
	if m.Place.Seat != (orb.Point{}) {
		t.Errorf("a town carries a seat: %v", m.Place.Seat)
	}
}
