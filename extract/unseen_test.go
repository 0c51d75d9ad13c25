package extract

import (
	"strings"
	"testing"
	"time"
)

// wantOne checks that each text gives exactly one incident, of type typ.
func wantOne(t *testing.T, typ string, published time.Time, texts ...string) {
	t.Helper()
	for _, text := range texts {
		if got := extractAll(t, text, published); len(got) != 1 || got[0].IncidentType != typ {
			t.Errorf("Extract(%q) = %v; want one %s", text, describeAll(got), typ)
		}
	}
}

// Rules of the fourth round, each for a class of phrasing of Syrian news in
// general, found on real passages the earlier rules were not written from.
// Every sentence here is ours.

// An adjective or a common noun after a plural type word describes the places
// rather than naming them: "أحياء سكنية", "قرى خاضعة لسيطرة", "أحياء العاصمة".
func TestExtract_PluralTypeWordAdjectives(t *testing.T) {
	for _, tc := range []struct{ text, word string }{
		{"أصيب خمسة مدنيين جراء سقوط قذائف هاون على أحياء سكنية مكتظة وسط مدينة حلب صباح اليوم.", "سكنية"},
		{"قصفت المدفعية قرى خاضعة لسيطرة الفصائل بريف إدلب الجنوبي، ما أدى إلى مقتل مدني.", "خاضعة"},
		{"سقطت قذائف هاون على أحياء العاصمة صباح اليوم، ما أدى إلى إصابة شخصين.", "العاصمة"},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 {
			t.Fatalf("Extract(%q) = %v; want one incident", tc.text, describeAll(got))
		}
		for _, pl := range placeTexts(got[0]) {
			if strings.Contains(pl, tc.word) {
				t.Errorf("Extract(%q): place %q is an adjective or a common noun", tc.text, pl)
			}
		}
	}
}

// A release of detainees is no arrest, whatever the word for them.
func TestExtract_ReleaseIsNoArrest(t *testing.T) {
	for _, text := range []string{
		"أفرجت السلطات أمس عن ستين موقوفاً من السجن المركزي في مدينة حمص.",
		"قال مصدر قضائي إنه تم إخلاء سبيل 40 موقوفاً في مدينة حماة بموجب قرار العفو.",
	} {
		if got := extractAll(t, text, ymd("2025-10-15")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want none", text, describeAll(got))
		}
	}
}

// In a sentence that tells a seizure, weapon nouns told before its word are
// what was seized, not a shelling or a bombing.
func TestExtract_SeizedBeforeTheVerb(t *testing.T) {
	wantOne(t, TypeWeaponsSeizure, ymd("2025-10-15"),
		"Rifles, mortar shells and ammunition were also seized during the raid on a farm in the town of Jasim in rural Daraa.",
		"A cache of explosives and mortar rounds was found and seized by the patrol in the village of Tal Hamis.",
	)
}

// A farm road between two villages is named by its ends, and sources speak
// from their seat: neither is where the body was found.
func TestExtract_FarmRoadAndSourcesSeat(t *testing.T) {
	text := "عثر أهالٍ على جثة رجل مقتولاً بطلقات نارية على الطريق الزراعي بين بلدتي الغارية الشرقية والكرك الشرقي في ريف درعا الشرقي، بحسب مصادر محلية في السويداء."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 {
		t.Fatalf("Extract = %v; want one incident", describeAll(got))
	}
	for _, pl := range placeTexts(got[0]) {
		if strings.Contains(pl, "الغارية") || strings.Contains(pl, "الكرك") || strings.Contains(pl, "السويداء") {
			t.Errorf("place %q: a road's end or a source's seat", pl)
		}
	}
	if got[0].Admin1Name != "Daraa" {
		t.Errorf("governorate %q; want Daraa", got[0].Admin1Name)
	}
}

// A village, town or city told with the region it lies in ("بلدة X في منطقة
// Y") is the place, though the gazetteer holds a quarter called Y elsewhere;
// a name before a place glued to "ب" ("قرية X بالقنيطرة") ends where that
// place begins.
func TestExtract_SettlementBeforeItsRegion(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"اعتقلت القوات شابين في بلدة تسيل في منطقة اليرموك بريف درعا الغربي أمس.", "تسيل"},
		{"توغلت دورية إسرائيلية في قرية الرواضي بالقنيطرة وفتشت عدداً من المنازل.", "الرواضي"},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || !containsStr(placeTexts(got[0]), tc.want) && got[0].PlaceNameAR != tc.want {
			t.Errorf("Extract(%q) = %v; want one incident at %s", tc.text, describeAll(got), tc.want)
		}
	}
}

// A participle after an operation word tells what the operation aimed at,
// however long the phrase between: no attack of its own.
func TestExtract_OperationTargetingFar(t *testing.T) {
	wantOne(t, TypeArrest, ymd("2025-10-15"), "Sources said the SDF began a wide security campaign, with the support and cover of the coalition's forces, targeting ISIS cells in the Ghuwayran neighbourhood of Hasakah city, where 12 suspects were arrested.")
}

// An English incident word after an adverb of frequency tells a habit, not an
// event: "cells regularly carry out attacks".
func TestExtract_HabitNotEvent(t *testing.T) {
	text := "Two fighters were killed when a landmine hit their car in the town of Busaira on Sunday. Sleeper cells regularly mount attacks on villages held by the SDF."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 {
		t.Errorf("Extract = %v; want the landmine only", describeAll(got))
	}
}

// A day of the month before an event noun dates the event; it does not count
// events: "يوم الأحد 14 ديسمبر، جراء غارات" is no tally of fourteen raids.
func TestExtract_DayIsNoCount(t *testing.T) {
	wantOne(t, TypeAirstrike, ymd("2025-12-15"),
		"قتل ثمانية مدنيين يوم الأحد 14 ديسمبر، جراء غارات جوية على مدينة معرة النعمان بريف إدلب الجنوبي.",
		"Eight civilians were killed on Sunday, 14 December, in airstrikes on the town of Maarat al-Numan in southern Idlib.",
	)
}

// A definite word of the event told just before ("وقت الهجوم") in a sentence
// whose background marker governs someone's deed ("كان قد غادر") is that
// event again, not an earlier one.
func TestExtract_ToldEventInBackgroundSentence(t *testing.T) {
	text := "أسفرت غارة بطائرة مسيرة استهدفت مقراً عسكرياً في مدينة تدمر عن مقتل خمسة عناصر، بحسب الإعلام الرسمي\n" +
		"وبحسب مصادر حضر الاجتماع عدد من الضباط، لكن مصدراً قال في وقت لاحق إن القائد كان قد غادر بالفعل مبنى المقر في تدمر وقت الهجوم"
	got := extractAll(t, text, time.Time{})
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike {
		t.Errorf("Extract = %v; want the airstrike once", describeAll(got))
	}
}

// English words of killing, bombardment and fighting beyond the first
// lexicon: "gunned down", "slain", "pounded", "fought".
func TestExtract_EnglishLexiconBreadth(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Two men were gunned down on Monday in the town of Saraqib in rural Idlib.", TypeArmedAttack},
		{"A shepherd was found slain on Monday near his flock in the village of Tal Hamis in rural Hasakah.", TypeArmedAttack},
		{"Government forces pounded the town of Kafr Nabl in southern Idlib overnight.", TypeShelling},
		{"Tribal fighters and the SDF fought for hours on Monday in the town of Busaira in eastern Deir ez-Zor.", TypeClash},
	} {
		wantOne(t, tc.want, ymd("2025-10-15"), tc.text)
	}
}

// Where a force that fires is posted ("المتمركزة في X", "stationed at X") is
// the origin of the fire, not where it fell; a post that was itself attacked
// is the place.
func TestExtract_StationedIsOrigin(t *testing.T) {
	for _, tc := range []struct{ text, want, not string }{
		{"سقطت قذائف أطلقتها المدفعية المتمركزة في بلدة جورين على قرية الزيارة بريف حماة الغربي.", "الزيارة", "جورين"},
		{"Gunmen stationed at the town of Tal Rifaat fired mortar shells on the village of Kaljibrin north of Aleppo.", "Kaljibrin", "Tal Rifaat"},
		{"تعرض الحاجز المتمركز في بلدة جورين بريف حماة الغربي لهجوم مسلح.", "جورين", ""},
		{"استهدفت المدفعية المتمركزة في بلدة جورين أراضي زراعية في قرية الزيارة بريف حماة الغربي.", "الزيارة", "جورين"},
		{"هاجم مسلحون الحاجز المتمركز في بلدة جورين بريف حماة الغربي فجر اليوم.", "جورين", ""},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 {
			t.Errorf("Extract(%q) = %v; want one incident", tc.text, describeAll(got))
			continue
		}
		pls := strings.Join(placeTexts(got[0]), "|")
		if !strings.Contains(pls, tc.want) || tc.not != "" && strings.Contains(pls, tc.not) {
			t.Errorf("Extract(%q): places %s; want %s, not %q", tc.text, pls, tc.want, tc.not)
		}
	}
}

// A hill, mountain or valley is named by its head and the word after it
// ("تل X", "وادي X"): the name as written, head included, though the gazetteer
// lacks it.
func TestExtract_ToponymHeads(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"استهدفت غارة جوية إسرائيلية أمس موقعاً على تل الدرعيات غربي مدينة نوى في محافظة درعا.", "تل الدرعيات"},
		{"اختطف مسلحون مجهولون شاباً أثناء عمله في وادي الصفصاف بريف السويداء الغربي.", "وادي الصفصاف"},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || !strings.Contains(strings.Join(placeTexts(got[0]), "|"), tc.want) {
			t.Errorf("Extract(%q) = %v; want one incident at %s", tc.text, describeAll(got), tc.want)
		}
	}
}

// A dual type word names two places, no more ("بين بلدتي X وY، وتظهر"), and
// the people a camp is of ("مخيمات النازحين") are no place.
func TestExtract_DualNamesTwoAndCampsOfPeople(t *testing.T) {
	got := extractAll(t, "عثر أهالٍ على جثة رجل بين بلدتي ناحتة والمليحة، وتظهر عليها آثار طلقات نارية.", ymd("2025-10-15"))
	if len(got) != 1 || strings.Contains(strings.Join(placeTexts(got[0]), "|"), "تظهر") {
		t.Errorf("dual: Extract = %v; want one incident, no place \"تظهر\"", describeAll(got))
	}
	got = extractAll(t, "اعتقلت دورية أمنية شاباً عند مدخل أحد مخيمات النازحين شمالي بلدة أطمة بريف إدلب.", ymd("2025-10-15"))
	if len(got) != 1 || strings.Contains(strings.Join(placeTexts(got[0]), "|"), "النازحين") {
		t.Errorf("camp: Extract = %v; want one incident, no place \"النازحين\"", describeAll(got))
	}
}

// A capitalised English name holding an institution's word ("the Internal
// Security Forces in X") is the institution, not a place.
func TestExtract_EnglishInstitutionIsNoPlace(t *testing.T) {
	text := "The Military Police Command in Afrin Countryside arrested three smugglers in the village of Maabatli on Tuesday."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || strings.Contains(strings.Join(placeTexts(got[0]), "|"), "Command") {
		t.Errorf("Extract = %v; want one arrest placed without the command's name", describeAll(got))
	}
}

// A country's adjective on its border names no force: fire "near the Turkish
// border" is not a Turkish strike from the air.
func TestExtract_BorderIsNoForce(t *testing.T) {
	text := "A rocket fired by gunmen hiding close to the Turkish border landed on Thursday in the al-Ramel neighborhood of Latakia city, injuring three civilians."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].IncidentType == TypeAirstrike {
		t.Errorf("Extract = %v; want one incident, not an airstrike", describeAll(got))
	}
}

// A bomb dropped from an aircraft is an airstrike, as the conventions say of
// anything from the air.
func TestExtract_BombFromTheAir(t *testing.T) {
	wantOne(t, TypeAirstrike, ymd("2025-10-15"), "Regime helicopters dropped explosive barrels and bombs on the town of Morek in northern Hama on Monday.")
}

// Events told with dates of their own a few months before publication, as
// the background of a story, are still events to map; history recalled (a
// massacre years before) is not.
func TestExtract_MonthsBeforeIsNoHistory(t *testing.T) {
	wantOne(t, TypeKidnapping, ymd("2020-06-29"), "On March 12, 2020, armed men abducted a shop owner in the town of Shahba, in al-Suwayda.")
	text := "On March 12, 2014, armed men abducted a shop owner in the town of Shahba, in al-Suwayda."
	if got := extractAll(t, text, ymd("2020-06-29")); len(got) != 0 {
		t.Errorf("Extract = %v; want none: history", describeAll(got))
	}
}

// Dismantling a cell or a gang ("تفكيك خلية", "dismantled a cell") takes its
// members: an arrest, told without the word.
func TestExtract_DismantledCell(t *testing.T) {
	wantOne(t, TypeArrest, ymd("2025-10-15"),
		"Counter-terrorism units dismantled an ISIS cell in the village of Jadid Ekaydat in rural eastern Deir ez-Zor on Monday.",
		"تمكنت وحدات الأمن الداخلي من تفكيك خلية تابعة لتنظيم داعش في بلدة الشحيل بريف دير الزور الشرقي يوم الاثنين.",
	)
}

// A weekday told with a day and month outweighs a year written elsewhere in a
// passage without a publication date (a page banner): Wednesday 12 November
// under a banner of 2026 is in 2025.
func TestExtract_WeekdayOverBannerYear(t *testing.T) {
	text := "السبت 10 كانون الثاني 2026\n\nأعلنت الداخلية أن دورية للأمن الداخلي ألقت القبض مساء الأربعاء 12 تشرين الثاني على ثلاثة مطلوبين في مدينة بانياس بريف طرطوس."
	got := atToday(New(mustGazetteer(t))).Extract(text, time.Time{})
	if len(got) != 1 || got[0].DateFrom.Format(time.DateOnly) != "2025-11-12" {
		t.Errorf("Extract = %v; want one arrest on 2025-11-12", describeAll(got))
	}
}

// Weapons discovered or found ("اكتشفت موقعين يحتويان على أسلحة", "عُثر على
// بنادق") are a seizure; two words of one find are one.
func TestExtract_WeaponsDiscovered(t *testing.T) {
	wantOne(t, TypeWeaponsSeizure, ymd("2025-10-15"),
		"اكتشفت دورية أمنية اليوم موقعين فيهما أسلحة خفيفة وذخائر في قرية الحواش بريف حماة الغربي.",
		"تابعت وحدات الهندسة أعمال التمشيط في ريف حماة الجنوبي وعثرت على مستودع ذخيرة في بلدة طيبة الإمام.",
	)
}

// "لم" before a casualty noun negates the casualties, not the event: "لم تسجل
// إصابات بقصف" tells a shelling that hurt no one.
func TestExtract_NoCasualtiesIsStillAnEvent(t *testing.T) {
	text := "أصيب طفلان بقذائف مدفعية سقطت على بلدة مورك، بينما لم تسجل إصابات بقصف طال قرية التوينة بريف حماة الشمالي."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 2 {
		t.Errorf("Extract = %v; want two shellings", describeAll(got))
	}
}

// In an undated passage "أمس الخميس" and "ليلة أمس" are one day: a lead and
// its telling at a finer place are one event.
func TestExtract_YesterdayToldTwice(t *testing.T) {
	text := "هاجم مسلحون مجهولون نقطة عسكرية في ريف دير الزور الشرقي يوم أمس الخميس.\nوقالت شبكة محلية إن النقطة الواقعة في مدينة الميادين تعرضت ليلة أمس لإطلاق نار كثيف."
	got := atToday(New(mustGazetteer(t))).Extract(text, time.Time{})
	if len(got) != 1 {
		t.Errorf("Extract = %v; want one attack", describeAll(got))
	}
}

// An incident word a reporter covers ("تغطية المعارك", "covering the clashes")
// is no event.
func TestExtract_CoverageIsNoEvent(t *testing.T) {
	wantOne(t, TypeArrest, ymd("2025-10-15"), "اعتقلت الهيئة ناشطاً إعلامياً في مدينة سرمدا بريف إدلب أمس. وقد عمل الناشط طويلاً على تغطية المعارك في مدينة سراقب.")
}

// After a dual type word a word in "ـية" is a name, not an adjective (which
// would agree in the dual): "قريتي X وY" with X ending in "ـية".
func TestExtract_DualBeforeNisbaName(t *testing.T) {
	text := "نفذت الفصائل عملية دهم واعتقال في قريتي عرشانية وكفرنايا بريف حلب الشمالي أسفرت عن اعتقال أربعة مواطنين."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || !strings.Contains(strings.Join(placeTexts(got[0]), "|"), "عرشانية") {
		t.Errorf("Extract = %v; want one arrest at the two villages", describeAll(got))
	}
}

// Weapons named in a sentence of an arrest, with no verb of their use, are
// what the arrested held: a seizure told with the arrest, not a bombing.
func TestExtract_WeaponsOfTheArrested(t *testing.T) {
	text := "Security units arrested six cell members in the town of Hajin on Monday, who were carrying rifles, grenades and explosive devices."
	got := extractAll(t, text, ymd("2025-10-15"))
	types := map[string]bool{}
	for _, c := range got {
		types[c.IncidentType] = true
	}
	if !types[TypeArrest] || !types[TypeWeaponsSeizure] || types[TypeBombing] {
		t.Errorf("Extract = %v; want an arrest and a weapons_seizure, no bombing", describeAll(got))
	}
}
