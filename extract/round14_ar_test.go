package extract

import (
	"strings"
	"testing"
)

// Rules of round 14 (Arabic, with English where the same rule holds). Every
// sentence here is ours.

// "قُتل وجرح 12" and "مقتل وإصابة أربعة" count the dead and the hurt
// together: neither count is known, and the note says so. A toll told apart
// ("مقتل شخص وإصابة ثلاثة") keeps both.
func TestExtract_DeadAndHurtCountedTogether(t *testing.T) {
	for _, text := range []string{
		"قُتل وجرح 12 شخصاً اليوم في اشتباك مسلح في مدينة جاسم بريف درعا الشمالي.",
		"أسفر هجوم مسلح على حاجز في بلدة تل شهاب بريف درعا عن مقتل وإصابة أربعة عناصر.",
	} {
		got := extractAll(t, text, ymd("2025-03-03"))
		if len(got) != 1 || got[0].Killed != nil || got[0].Injured != nil {
			t.Fatalf("Extract(%q) = %v; want one incident with neither count", text, describeAll(got))
		}
		if notes := strings.Join(got[0].Notes, "; "); !strings.Contains(notes, "told together with another kind") {
			t.Errorf("Extract(%q) notes = %q; want the combined count noted", text, notes)
		}
	}
	got := extractAll(t, "أسفر القصف عن مقتل شخص وإصابة ثلاثة آخرين في بلدة كفرنبل.", ymd("2025-03-03"))
	if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != 1 || got[0].Injured == nil || *got[0].Injured != 3 {
		t.Errorf("separate counts: %v; want killed 1, injured 3", describeAll(got))
	}
}

// News often writes the side of a countryside agreeing with the governorate's
// name ("ريف حماة الشرقية"): it is still the eastern countryside, and the place
// as written keeps the word.
func TestExtract_CountrysideSideInTheFeminine(t *testing.T) {
	got := extractAll(t, "أسفر هجوم مسلح على حاجز في ريف حماة الشرقية عن مقتل عنصرين.", ymd("2025-03-03"))
	if len(got) != 1 || got[0].PlaceNameAR != "ريف حماة الشرقية" || got[0].PlaceNameEN != "eastern rural Hama" {
		t.Errorf("got %v; want one incident in ريف حماة الشرقية (eastern rural Hama)", describeAll(got))
	}
}

// Infighting between clans, families or factions is fighting between two armed
// sides: a clash.
func TestExtract_InfightingIsAClash(t *testing.T) {
	for _, text := range []string{
		"اندلع اقتتال عشائري بين عائلتين في بلدة الكشكية بريف دير الزور الشرقي، ما أدى إلى مقتل شخص.",
		"Two people died on Monday in tribal infighting at Dhiban, Deir ez-Zor province.",
	} {
		got := extractAll(t, text, ymd("2025-03-03"))
		if len(got) != 1 || got[0].IncidentType != TypeClash || got[0].Admin1Name != "Deir ez-Zor" {
			t.Errorf("Extract(%q) = %v; want one clash in Deir ez-Zor", text, describeAll(got))
		}
	}
}

// "سلامة" is safety in a statement's stock phrase before it is a hamlet's name.
func TestExtract_SafetyIsNoPlace(t *testing.T) {
	got := extractAll(t, "اعتقلت قوات الأمن ثلاثة أشخاص خططوا لأعمال تستهدف أمن المحافظة وسلامة أهلها.", ymd("2025-03-03"))
	for _, c := range got {
		if c.PlaceNameEN == "Salama" || c.Admin1Name == "Aleppo" {
			t.Errorf("got %v; want no place read from سلامة", describeAll(got))
		}
	}
}

// A verb of result right after a typed name ("مدينة منبج أسفرت عن") ends the
// name as written; it is no second word of it.
func TestExtract_ResultVerbEndsTheName(t *testing.T) {
	got := extractAll(t, "قصفت القوات مدينة منبج أسفرت عن مقتل شخص.", ymd("2025-03-03"))
	if len(got) != 1 || got[0].PlaceNameAR != "منبج" {
		t.Errorf("got %v; want the place written as منبج", describeAll(got))
	}
}

// A quarter told with its city glued to a preposition ("حي المزة بدمشق") is
// the quarter, then the city that locates it.
func TestExtract_QuarterThenItsCity(t *testing.T) {
	got := extractAll(t, "انفجرت عبوة ناسفة في حي المزة بدمشق.", ymd("2025-03-03"))
	if len(got) != 1 || got[0].PlaceNameAR != "المزة" || got[0].PlaceNameEN != "Mazzeh" {
		t.Errorf("got %v; want the bombing in المزة (Mazzeh)", describeAll(got))
	}
}

// An armed brawl is an armed attack (personal disputes count); a brawl with no
// weapon told is none, and neither word is a place.
func TestExtract_ArmedBrawl(t *testing.T) {
	got := extractAll(t, "اندلعت مشاجرة مسلحة بين عائلتين في حي الميدان بدمشق أدت إلى إصابة ثلاثة أشخاص.", ymd("2025-03-03"))
	if len(got) != 1 || got[0].IncidentType != TypeArmedAttack || got[0].PlaceNameEN != "Midan" {
		t.Errorf("got %v; want one armed_attack in Midan", describeAll(got))
	}
	got = extractAll(t, "قتلت سيدة بطلق ناري في مدينة طفس، بينما لقي شاب مصرعه في مشاجرة مسلحة ببلدة المزيريب.", ymd("2025-03-03"))
	for _, c := range got {
		if strings.Contains(c.PlaceNameAR, "مشاجرة") {
			t.Errorf("got %v; want no place named مشاجرة", describeAll(got))
		}
	}
	if got := extractAll(t, "تطورت مشاجرة بين طالبين في مدرسة ببلدة المزيريب.", ymd("2025-03-03")); len(got) != 0 {
		t.Errorf("unarmed brawl: got %v; want nothing", describeAll(got))
	}
}

// A security operation may tell its manner and place at length before what it
// targeted; a cell targeted is the operation's, an arrest, not an attack.
func TestExtract_OperationTargetFarOn(t *testing.T) {
	text := "وأوضح المصدر أنه جرى خلال عملية أمنية واسعة في قرية البدروسية بريف اللاذقية، استهداف خلية مسلحة، وانتهت العملية بمقتل اثنين من أفرادها."
	got := extractAll(t, text, ymd("2025-03-03"))
	if len(got) != 1 || got[0].IncidentType != TypeArrest || got[0].PlaceNameAR != "البدروسية" {
		t.Errorf("got %v; want one arrest in البدروسية", describeAll(got))
	}
}

// An area described but not named ("منطقة جبلية") is no place of the
// gazetteer's, whatever hamlet shares the adjective; the village it belongs to
// is where the incident was.
func TestExtract_UnnamedAreaOfAVillage(t *testing.T) {
	got := extractAll(t, "لقي ثلاثة رعاة حتفهم برصاص مجهولين في منطقة جبلية تتبع قرية عين البيضا بريف اللاذقية.", ymd("2025-03-03"))
	if len(got) != 1 || got[0].PlaceNameAR != "عين البيضا" || got[0].Admin1Name != "Latakia" {
		t.Errorf("got %v; want one incident in عين البيضا (Latakia)", describeAll(got))
	}
	got = extractAll(t, "قصفت القوات بلدة كفرنبودة التابعة لمنطقة محردة بريف حماة.", ymd("2025-03-03"))
	if len(got) != 1 || got[0].PlaceNameAR != "كفرنبودة" {
		t.Errorf("a named town's area: got %v; want the town", describeAll(got))
	}
}

// What a group is known for ("متخصصة في الخطف", "specialised in kidnapping")
// is no incident of its own, and an adjective after a city's name is no
// word of it.
func TestExtract_GroupsTradeIsNoIncident(t *testing.T) {
	for _, text := range []string{
		"فككت قوى الأمن خلية إجرامية في مدينة حلب متخصصة في الخطف والابتزاز.",
		"Security forces dismantled a gang specialised in kidnapping in the city of Aleppo.",
	} {
		got := extractAll(t, text, ymd("2025-03-03"))
		if len(got) != 1 || got[0].IncidentType != TypeArrest || got[0].Admin1Name != "Aleppo" ||
			got[0].PlaceNameAR != "حلب" && got[0].PlaceNameEN != "Aleppo" {
			t.Errorf("Extract(%q) = %v; want one arrest in Aleppo", text, describeAll(got))
		}
	}
}

// A town told with a reference point in its own governorate ("مدينة سرمين،
// شرق مدينة إدلب") stays there when another clause of the sentence names
// another governorate.
func TestExtract_ReferencePointKeepsTheGovernorate(t *testing.T) {
	text := "أصيب ثلاثة مدنيين بقصف صاروخي طال مدينة سرمين، شرق مدينة إدلب، بينما قصفت مسيّرة إسرائيلية صباح اليوم موقعاً في بلدة الكسوة بريف دمشق."
	got := extractAll(t, text, ymd("2024-09-30"))
	if len(got) != 2 || got[0].PlaceNameAR != "سرمين" || got[0].Admin1Name != "Idlib" || got[1].Admin1Name != "Rif Dimashq" {
		t.Errorf("got %v; want a shelling in سرمين (Idlib) and an airstrike in Rif Dimashq", describeAll(got))
	}
}
