package extract

import (
	"testing"
)

// Rules of round 11, written from the classes of error that half A of the
// eighth set of real English passages showed; every sentence here is ours.

// "hit" with an aircraft or a foreign air force beside it is a strike from
// the air, as "struck" is: "a drone hit the village", "Israeli jets hit a
// depot"; shells or rockets that hit are the shelling they name.
func TestExtract_AircraftHit(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"A Turkish drone hit the village of Umm al-Kaif in the Qamishli district on Monday.", TypeAirstrike},
		{"Russian jets hit the town of Saraqib on Monday, wounding three civilians.", TypeAirstrike},
		{"Two mortar shells hit the town of Mhardeh on Monday, wounding a woman.", TypeShelling},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].IncidentType != tc.want {
			t.Errorf("Extract(%q) = %v; want one %s", tc.text, describeAll(got), tc.want)
		}
	}
}
