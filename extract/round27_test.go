package extract

import (
	"testing"
)

// Rules of round 27. Every sentence here is ours.

// TestExtract_TheSameShellingKeepsItsToll: people killed "في القصف ذاته"
// ("in the same shelling"), told in a clause after the shelling, are its
// dead, not those of the air strikes the sentence tells next.
func TestExtract_TheSameShellingKeepsItsToll(t *testing.T) {
	for _, same := range []string{"ذاته", "نفسه"} {
		text := "استهدفت المدفعية منازل في مدينة أريحا، ما تسبب بأضرار مادية، بينما قتل ثلاثة مدنيين في القصف " + same +
			"، كما ارتفع إلى 5 عدد الغارات الجوية على بلدة سرجة."
		got := extractAll(t, text, ymd("2020-02-11"))
		if len(got) != 2 || got[0].IncidentType != TypeShelling || countStr(got[0].Killed) != "3" ||
			got[1].IncidentType != TypeAirstrike || countStr(got[1].Killed) != "null" {
			t.Errorf("%s: got %v; want the shelling of Ariha with its 3 dead, then the air strikes on Serjeh", same, describeAll(got))
		}
	}
}
