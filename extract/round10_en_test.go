package extract

import (
	"testing"
)

// Rules of round 10, written from the classes of error that half A of the
// seventh set of real English passages showed; every sentence here is ours.

// A passive pair of tolls, the first told with whose people they are ("12
// members of the group were killed, and about 7 others were injured"): the
// second figure is the injured, not the first one read again.
func TestExtract_SecondPassiveFigureIsItsOwn(t *testing.T) {
	for _, tc := range []struct {
		text            string
		killed, injured int
	}{
		{"Twelve members of the armed factions were killed, and about 7 others were wounded in clashes near the village of Kodana on Monday.", 12, 7},
		{"Three members of the Border Guard of the old army were killed in the village of Kodana on Monday.", 3, -1},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || !countIs(got[0].Killed, tc.killed) || !countIs(got[0].Injured, tc.injured) {
			t.Errorf("Extract(%q) = %v; want one incident, killed %d, injured %d", tc.text, describeAll(got), tc.killed, tc.injured)
		}
	}
}
