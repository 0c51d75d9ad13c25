package extract

import (
	"testing"
)

// Rules of round 25. Every sentence here is ours.

// Two sides of one governorate's countryside told apart are two areas: a
// kidnapping in its eastern countryside told after one in its western is
// another kidnapping, not the first told again, in either language.
func TestExtract_OtherSideOfTheCountrysideIsAnotherEvent(t *testing.T) {
	for _, text := range []string{
		"On March 3, a gang let go of a merchant from Nawa in Daraa's western countryside once his family had paid a ransom. " +
			"The merchant was abducted by gunmen near the town of Jasim in Daraa's western countryside. " +
			"On March 5, masked men abducted a young man, Khaled al-Hariri, near the village of Busra al-Harir in Daraa's eastern countryside.",
		"خطف مسلحون تاجراً في ريف درعا الغربي يوم 3 آذار. وخطف مسلحون شاباً في ريف درعا الشرقي يوم 5 آذار.",
	} {
		got := extractAll(t, text, ymd("2023-04-08"))
		if len(got) != 2 || got[0].DateFrom.Day() == got[1].DateFrom.Day() {
			t.Errorf("Extract(%q) = %v; want two kidnappings, on March 3 in the west and March 5 in the east", text, describeAll(got))
		}
	}
	// the same side told again, with more detail, is the same area
	got := extractAll(t, "Gunmen abducted a trader in the western countryside of Daraa on Friday. The trader was seized in Daraa's western countryside while driving home.", ymd("2023-04-08"))
	if len(got) != 1 {
		t.Errorf("got %v; want one kidnapping", describeAll(got))
	}
}
