package extract

import (
	"strings"
	"testing"
)

// Rules of round 19, Arabic and English. Every sentence here is ours.

// An aggression told with armed men as its doers is an armed attack, even
// with the place and the day told between; the victims told as undergoing
// it ("تعرض … لاعتداء") make it one that happened, not a purpose. An
// aggression with neither weapons nor armed doers is no event.
func TestExtract_AggressionByArmedMen(t *testing.T) {
	c := oneEvent(t, "تعرض ثلاثة مزارعين مساء الثلاثاء لاعتداء بالضرب داخل أرضهم في بلدة كفرنبل بريف إدلب الجنوبي على يد عصابة مسلحة.",
		"2024-05-08", TypeArmedAttack)
	if c != nil && !strings.Contains(c.PlaceNameAR, "كفرنبل") {
		t.Errorf("place = %q; want كفرنبل", c.PlaceNameAR)
	}
	if got := extractAll(t, "تعرض موظف في بلدة كفرنبل لاعتداء لفظي من أحد المراجعين أثناء عمله.", ymd("2024-05-08")); len(got) != 0 {
		t.Errorf("a quarrel: got %v; want nothing", describeAll(got))
	}
}

// Fears of clashes to come are no clash: "وسط مخاوف من حدوث اشتباكات".
func TestExtract_FearedClashes(t *testing.T) {
	oneEvent(t, "قُتل رجل برصاص مجهولين في بلدة الصنمين بريف درعا الشمالي يوم الأحد، ما أثار مخاوف من حدوث اشتباك بين عائلتين في البلدة.",
		"2024-05-06", TypeArmedAttack)
}

// A bridge named after a town lies by the town: "قرب جسر X" places the
// event near X, not nowhere.
func TestExtract_BridgeOfTown(t *testing.T) {
	c := oneEvent(t, "عثر الأهالي صباح اليوم على جثة رجل مقتولاً بالرصاص قرب جسر الرستن.", "2024-05-06", TypeArmedAttack)
	if c != nil && (!strings.Contains(c.PlaceNameAR, "الرستن") || c.Admin1Name != "Homs") {
		t.Errorf("place = %q in %q; want near الرستن, Homs", c.PlaceNameAR, c.Admin1Name)
	}
}

// A town named with its type word once is the place when named again bare
// in a later sentence, though alone its name is a common word.
func TestExtract_TownToldAgainBare(t *testing.T) {
	c := oneEvent(t, "قُتل شاب من أهالي مدينة البصيرة برصاص مجهولين يوم الأحد. وعثر ذووه على جثته مقتولاً قرب البصيرة مساءً.",
		"2024-05-06", TypeArmedAttack)
	if c != nil && (!strings.Contains(c.PlaceNameAR, "البصيرة") || c.Admin1Name != "Deir ez-Zor") {
		t.Errorf("place = %q in %q; want البصيرة, Deir ez-Zor", c.PlaceNameAR, c.Admin1Name)
	}
}
