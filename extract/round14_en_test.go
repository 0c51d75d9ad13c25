package extract

import (
	"strings"
	"testing"
)

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

// Qualifiers ending a sentence ("in the countryside of the town.") do not
// reach across the full stop to the next sentence's first capitalised word.
func TestExtractEN_QualifiersEndWithTheSentence(t *testing.T) {
	text := "A shepherd was injured in a landmine explosion in the village of Kafr Nabudah in the western countryside of the town.\n\nSANA correspondent added that he was taken to hospital."
	for _, c := range extractAll(t, text, ymd("2023-06-08")) {
		for _, p := range c.Places {
			if strings.Contains(p.Text, "SANA") || strings.Contains(p.Text, "\n") {
				t.Errorf("place %q read across the sentence's end", p.Text)
			}
		}
	}
}
