package extract

import (
	"testing"
)

// Rules of round 12, written from the classes of error that half B of the
// seventh and eighth sets of real English passages showed; every sentence
// here is ours.

// Arms taken out of use or stopped on their way are arms seized: a bomb
// defused or dismantled by engineers, a shipment intercepted. What air
// defences intercept is shot down, and a cell dismantled is an arrest.
func TestExtract_ArmsTakenOutOfUse(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Army engineers dismantled an explosive device planted near the school in Salamiyah on Sunday.", TypeWeaponsSeizure},
		{"A landmine was defused on the road outside Jableh on Sunday.", TypeWeaponsSeizure},
		{"Border guards intercepted a shipment of rifles near Talkalakh on Sunday.", TypeWeaponsSeizure},
		{"Police dismantled a drug-smuggling gang in Salamiyah on Sunday.", TypeArrest},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].IncidentType != tc.want {
			t.Errorf("Extract(%q) = %v; want one %s", tc.text, describeAll(got), tc.want)
		}
	}
	for _, text := range []string{
		"Syrian air defences intercepted several missiles over Salamiyah on Sunday.",
	} {
		for _, c := range extractAll(t, text, ymd("2025-10-15")) {
			if c.IncidentType == TypeWeaponsSeizure {
				t.Errorf("Extract(%q) = %v; want no weapons_seizure", text, describeAll([]Candidate{c}))
			}
		}
	}
}
