package extract

import (
	"strings"
	"testing"
)

// Rules of round 10 (Arabic, second part): one event told twice, the place of
// a candidate carried from an earlier sentence, destinations and homes, and
// the weapons of an armed attack. Every sentence here is ours.

// onlyOne runs text and returns its only candidate, or fails the test.
func onlyOne(t *testing.T, text, published string) Candidate {
	t.Helper()
	got := extractAll(t, text, ymd(published))
	if len(got) != 1 {
		t.Fatalf("Extract(%q) = %v; want one incident", text, describeAll(got))
	}
	return got[0]
}

// A toll told as risen is dated when it rose; the sentence telling the event
// it updates, with a date of its own a day before, is the same event, and the
// event's date stands.
func TestExtract_TollUpdateKeepsEventDate(t *testing.T) {
	text := "ارتفعت، اليوم الخميس، حصيلة ضحايا الغارة الجوية على بلدة سرمين إلى خمسة قتلى، بينهم امرأة.\n\n" +
		"وأسفرت الغارة التي طالت سوق الخضار في بلدة سرمين، عصر أمس، عن جرح 12 شخصاً."
	c := onlyOne(t, text, "2024-05-02")
	if c.DateFrom.Format("2006-01-02") != "2024-05-01" || countStr(c.Killed) != "5" || countStr(c.Injured) != "12" {
		t.Errorf("Extract(%q) = %v; want one strike on 2024-05-01, 5 killed, 12 injured", text, describeAll([]Candidate{c}))
	}
}

// A later sentence naming the victims of "the attack" ("قتل كل من X وY في
// الهجوم") tells the attack told before, not another one.
func TestExtract_VictimsOfTheAttackToldBefore(t *testing.T) {
	text := "قتل مدنيان وأصيب ثلاثة آخرون، مساء الثلاثاء، في هجوم مسلح على مقهى في حي الشعار بمدينة حلب.\n" +
		"وبحسب مصادر محلية، قتل كل من محمود العلي وخالد السعيد في الهجوم، فيما أصيب الشاب سامر الأحمد بجروح خطيرة."
	c := onlyOne(t, text, "2024-05-01")
	if countStr(c.Killed) != "2" || countStr(c.Injured) != "3" {
		t.Errorf("Extract(%q) = %v; want 2 killed and 3 injured", text, describeAll([]Candidate{c}))
	}
}

// "N آخرين" after a count of another kind in its own sentence ("مقتل شخص
// وإصابة 12 آخرين") are others than those just counted, not more than a lead
// told before: a lead's "أكثر من 12" restated in the detail stays 12.
func TestExtract_DetailRestatesLeadToll(t *testing.T) {
	text := "استهدفت الفصائل المسلحة أحياء مدينة دمشق بقذائف الهاون ما أسفر عن مقتل مدني وإصابة أكثر من 12 شخصاً.\n" +
		"وقال مصدر في الشرطة إن القذائف سقطت على حيي باب توما والقصاع ما أدى إلى مقتل شخص وإصابة 12 آخرين."
	c := onlyOne(t, text, "2024-05-01")
	if countStr(c.Injured) != "12" || countStr(c.Killed) != "1" {
		t.Errorf("Extract(%q) = %v; want 1 killed and 12 injured", text, describeAll([]Candidate{c}))
	}
}

// A candidate placed where the sentence before told its story lists that
// place among its places, with the incident role.
func TestExtract_PlaceFromEarlierSentenceListed(t *testing.T) {
	text := "اندلعت اشتباكات عنيفة بين مجموعتين مسلحتين في بلدة القريا بريف السويداء.\n" +
		"كما أقدم مسلحو إحدى المجموعتين على خطف ثلاثة شبان."
	got := extractAll(t, text, ymd("2024-05-01"))
	found := false
	for _, c := range got {
		if c.IncidentType != TypeKidnapping {
			continue
		}
		for _, p := range c.Places {
			found = found || p.Role == RoleIncident && strings.Contains(p.Text, "القريا")
		}
	}
	if !found {
		t.Errorf("Extract(%q) = %v; want a kidnapping listing القريا as its incident place", text, describeAll(got))
	}
}

// placeRole returns the role of the first place of c whose text holds name.
func placeRole(c Candidate, name string) string {
	for _, p := range c.Places {
		if strings.Contains(p.Text, name) {
			return p.Role
		}
	}
	return ""
}

// Where someone was heading ("أثناء توجهه لمدينة X", "لـ" glued to the place)
// and a home told after the place ("X التي يقيم فيها") are not where the
// event happened; "في كل من X وY" names two incident places, not people; a
// chamber's name holds the place after it ("غرفة صناعة X").
func TestExtract_DestinationsHomesAndChambers(t *testing.T) {
	for _, tc := range []struct{ text, name, role string }{
		{"خطف مسلحون مجهولون طبيباً قرب بلدة الحراك أثناء توجهه لمدينة إزرع.", "إزرع", RoleOrigin},
		{"عثر على جثة شاب مقتولاً بالرصاص قرب قرية نمر، وكان قد خرج صباحاً من قرية جاسم التي يقيم فيها.", "جاسم", RoleOrigin},
		{"أصيب سائق بإطلاق نار في بلدة الصنمين التي يقيم فيها.", "الصنمين", RoleIncident},
		{"سقطت قذائف صاروخية على كل من كفرنبل وحاس بريف إدلب الجنوبي.", "كفرنبل", RoleIncident},
		{"سقطت قذائف صاروخية على كل من كفرنبل وحاس بريف إدلب الجنوبي.", "حاس", RoleIncident},
		{"قتل ثلاثة مدنيين بسقوط قذيفة هاون على مبنى غرفة صناعة حلب في حي الجميلية.", "حلب", RoleOrganisation},
	} {
		got := extractAll(t, tc.text, ymd("2024-05-01"))
		if len(got) != 1 || placeRole(got[0], tc.name) != tc.role {
			t.Errorf("Extract(%q) = %v; want one incident with %s as %s", tc.text, describeAll(got), tc.name, tc.role)
		}
	}
}

// Shoulder-fired rockets ("قذيفة آر بي جي", "قذائف الـRPG") and shells told
// with machine guns or hand grenades are the weapons of an armed attack, not
// a shelling.
func TestExtract_RPGAndSmallArmsAreAnAttack(t *testing.T) {
	for _, text := range []string{
		"استهدف مسلحون دورية للشرطة في مدينة جاسم بقذيفة آر بي جي، ما أدى إلى إصابة ثلاثة عناصر.",
		"هاجم مسلحون مقراً للأمن في مدينة جاسم بالقذائف والرشاشات، ما أدى إلى إصابة ثلاثة عناصر.",
	} {
		c := onlyOne(t, text, "2024-05-01")
		if c.IncidentType != TypeArmedAttack {
			t.Errorf("Extract(%q) = %v; want an armed attack", text, describeAll([]Candidate{c}))
		}
	}
}
