package extract

import (
	"strings"
	"testing"
)

// Rules of round 24. Every sentence here is ours.

// A place told with an English possessive holds the place it owns: in
// "Idlib's Saraqib", "Daraa's town of Nawa", "Quneitra province's Khan Arnaba"
// and "Aleppo's Sheikh Maqsoud neighbourhood" the event is in the second.
func TestExtract_PossessorLocatesThePlace(t *testing.T) {
	for _, tc := range []struct{ text, typ, place, admin1 string }{
		{"A drone struck a car in Idlib's Saraqib on Friday, killing two men.", TypeAirstrike, "Saraqib", "Idlib"},
		{"A bomb went off in Daraa's town of Nawa on Friday, wounding three people.", TypeBombing, "Nawa", "Daraa"},
		{"Government artillery shelled Quneitra province's Khan Arnaba on Friday.", TypeShelling, "Khan Arnaba", "Quneitra"},
		{"Gunmen shot dead a man in Aleppo’s Sheikh Maqsoud neighbourhood on Friday.", TypeArmedAttack, "Maqsoud", "Aleppo"},
	} {
		c := oneEvent(t, tc.text, "2023-03-11", tc.typ)
		if c != nil && (!strings.Contains(c.PlaceNameEN, tc.place) || c.Admin1Name != tc.admin1) {
			t.Errorf("Extract(%q): place = %q in %q; want %s in %s", tc.text, c.PlaceNameEN, c.Admin1Name, tc.place, tc.admin1)
		}
	}
	// the possessor alone is still the place: "Daraa's western countryside"
	c := oneEvent(t, "Shells fell on farms in Daraa's western countryside on Friday.", "2023-03-11", TypeShelling)
	if c != nil && (c.Admin1Name != "Daraa" || c.GeoPrecision != "governorate") {
		t.Errorf("place = %q (%s) in %q; want Daraa's countryside", c.PlaceNameEN, c.GeoPrecision, c.Admin1Name)
	}
}
