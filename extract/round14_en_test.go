package extract

import "testing"

// Rules of round 14 (English). Every sentence here is ours.

// The day and year of a date told after "shot dead on" are no count of the dead.
func TestExtractEN_DateAfterVerbIsNoCount(t *testing.T) {
	for _, text := range []string{
		"A young man was killed by gunmen on March 3, 2024, at a checkpoint in the town of Tafas in Daraa governorate.",
		"One man was shot dead on March 3 by gunmen in the town of Tafas.",
	} {
		got := extractAll(t, text, ymd("2024-03-04"))
		if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != 1 {
			t.Errorf("Extract(%q) = %v; want one incident with 1 killed", text, describeAll(got))
		}
	}
	got := extractAll(t, "Gunmen shot dead on Monday 3 members of the security forces in the town of Tafas.", ymd("2023-06-08"))
	if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != 3 {
		t.Errorf("a count after a weekday: got %v; want 3 killed", describeAll(got))
	}
}
