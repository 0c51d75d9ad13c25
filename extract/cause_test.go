package extract

import (
	"testing"
)

// Rules of which sentences tell an incident, which word decides its type and
// which place it is at, written for the way Syrian news tells events in
// general. Every sentence here is ours.

// An explosion is a bombing only when a bomb is named; a mine, a remnant of
// war or an explosion whose cause is not told is "other".
func TestExtract_ExplosionCause(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"قتل شخصان بانفجار سيارة في بلدة الصنمين بريف درعا الشمالي صباح اليوم.", TypeOther},
		{"أصيب طفل بانفجار لغم أرضي في قرية معرة حرمة بريف إدلب الجنوبي.", TypeOther},
		{"Two shepherds were killed by an explosion near the town of Sukhnah in the Homs desert.", TypeOther},
		{"قتل شخصان بانفجار عبوة ناسفة في بلدة الصنمين بريف درعا الشمالي صباح اليوم.", TypeBombing},
		{"An explosion, caused by a bomb planted under a car, killed a man in the city of Azaz.", TypeBombing},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].IncidentType != tc.want {
			t.Errorf("Extract(%q) = %v; want one %s", tc.text, describeAll(got), tc.want)
		}
	}
}

// After a seizure, a sentence that lists what was seized tells no shelling or
// bombing, and the seat of the source who tells it is no place of the event.
func TestExtract_SeizedInventory(t *testing.T) {
	for _, text := range []string{
		"ضبطت وحدات الأمن الداخلي مستودعاً للأسلحة في قرية الحواش بريف حماة الغربي. وتضمنت الكمية قذائف هاون وعبوات ناسفة وبنادق آلية.",
		"Security units seized a weapons depot in the village of Tal Hamis in rural Hasakah. A source in the authorities in Qamishli said the seized items included mortar shells and explosive devices.",
	} {
		got := extractAll(t, text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].IncidentType != TypeWeaponsSeizure || got[0].PlaceNameEN == "Al Qamishli" {
			t.Errorf("Extract(%q) = %v; want one weapons_seizure at the village", text, describeAll(got))
		}
	}
}

// One event told again on a source's word or as its toll, with other figures,
// is one incident with the first figures (or the toll told as risen); a part
// of a total told first stays apart for the total to be read as a summary.
func TestExtract_RetoldWithOtherFigures(t *testing.T) {
	for _, tc := range []struct {
		text   string
		killed int
	}{
		{"قتل ثلاثة أشخاص بقصف مدفعي على مدينة اللطامنة بريف حماة الشمالي. ونقل المرصد عن مصادر محلية أن القصف أدى إلى مقتل خمسة أشخاص.", 3},
		{"قتل ثلاثة أشخاص بقصف مدفعي على مدينة اللطامنة بريف حماة الشمالي. وارتفعت حصيلة القتلى في وقت لاحق إلى سبعة.", 7},
		{"Three people were killed in artillery shelling on the town of Kafr Zita in rural Hama. The Observatory said the shelling killed five people.", 3},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != tc.killed {
			t.Errorf("Extract(%q) = %v; want one incident, %d killed", tc.text, describeAll(got), tc.killed)
		}
	}
	text := "قتل 7 أشخاص بانفجار لغمين في ريف حماة. وذكرت الوكالة أن خمسة قتلوا بانفجار لغم في قرية الحمرا. كما قتل اثنان بانفجار لغم آخر في قرية عقيربات."
	if got := extractAll(t, text, ymd("2025-10-15")); len(got) != 2 {
		t.Errorf("Extract(%q) = %v; want the two blasts, not their total", text, describeAll(got))
	}
}

// A place past a landmark at its edge ("بالقرب من مفرق قرية X") is a
// reference; a sentence telling only how the event just told happened, with
// no place, date or toll of its own, is that event.
func TestExtract_JunctionAndDetail(t *testing.T) {
	text := "قتل عنصران بغارة لطائرة مسيرة على سيارة في ريف القامشلي اليوم. وقال مصدر إن الطائرة استهدفت السيارة بالقرب من مفرق قرية تل حميس. وأضاف شهود أن السيارة استهدفت بصاروخ واحترقت بالكامل."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike || got[0].PlaceNameAR != "ريف القامشلي" {
		t.Errorf("Extract(%q) = %v; want one airstrike in rural Qamishli", text, describeAll(got))
	}
}

// A definite word of a violent event that names no weapon ("جراء القصف",
// "القصف الذي نُفذ") is the event told before it: an air raid stays an
// airstrike. Killed and injured told together in one figure count neither.
func TestExtract_DefiniteEventAndCombinedToll(t *testing.T) {
	text := "شنت طائرات حربية غارات جوية على مدينة سراقب بريف إدلب الشرقي، فيما بلغ عدد المصابين بسبب القصف في بلدة كفرنبل خمسة."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 2 || got[0].IncidentType != TypeAirstrike || got[1].IncidentType != TypeAirstrike {
		t.Errorf("Extract(%q) = %v; want two airstrikes", text, describeAll(got))
	}
	text = "ارتفعت حصيلة الغارات على مدينة مصياف إلى 40 قتيلاً وجريحاً."
	got = extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].Killed != nil || got[0].Injured != nil {
		t.Errorf("Extract(%q) = %v; want one airstrike with no count", text, describeAll(got))
	}
}

// A lead that tells by an area, or by the places of the events told after it,
// what those events are, is no incident of its own; so is a lead whose
// arrests add up to those told after it.
func TestExtract_LeadOverEvents(t *testing.T) {
	wantIncidents(t, 2,
		"خطف مسلحون شابين من مدينتي منبج والباب بريف حلب. وخطف الأول من سوق مدينة منبج مساء الأحد. أما الثاني فقد خطف من مدينة الباب قبل يومين.",
		"Israeli troops detained five young men in rural Quneitra on Sunday. Three were detained in Kudna village as they grazed sheep. In a separate incident, two shepherds were detained near the village of Jubata al-Khashab.")
}

// wantIncidents checks that each text, published on a day of 2025, gives n
// candidates.
func wantIncidents(t *testing.T, n int, texts ...string) {
	t.Helper()
	for _, text := range texts {
		if got := extractAll(t, text, ymd("2025-10-15")); len(got) != n {
			t.Errorf("Extract(%q) = %v; want %d incidents", text, describeAll(got), n)
		}
	}
}

// "الشام" ending a group's name is no place, nor what "البلدة" refers back to;
// a report's breakdown after its monthly tally, and many cases counted, are
// no incidents.
func TestExtract_GroupNamesAndTallies(t *testing.T) {
	text := "قتل عنصر من حركة أحرار الشام في بلدة كنصفرة بريف إدلب الجنوبي إثر هجوم لهيئة تحرير الشام على أطراف البلدة."
	got := extractAll(t, text, ymd("2025-10-15"))
	for _, c := range got {
		if c.Admin1Name != "Idlib" {
			t.Errorf("Extract(%q) gave %v; want every incident in Idlib", text, describeAll(got))
		}
	}
	wantIncidents(t, 0,
		"وثقت منظمة حقوقية مقتل 150 مدنياً في سوريا خلال شهر أيلول الماضي. وأوضح التقرير أن القتلى بينهم 30 طفلاً، قتل 40 منهم بغارات روسية و20 على يد فصائل مسلحة.",
		"سجلت المنظمة في النصف الأول من العام 210 حالات اعتقال تعسفي في محافظة الحسكة.",
		// "آب" is August after "شهر", not "father"
		"وثق مكتب حقوقي مقتل 90 مدنياً في عموم البلاد خلال شهر آب. وبيّن التقرير أن القتلى بينهم 25 طفلاً، في حين قتلت القوات الحكومية 30 منهم.")
}

// A name right after a word for an armed force is that force's ("قوات الأسد"),
// a home told with a pronoun ("أنهم من بلدة X") is no place of the event, and
// a warrant is no arrest.
func TestExtract_ForcesHomesWarrants(t *testing.T) {
	text := "قتل ثلاثة شبان على حاجز لقوات الأسد بريف درعا الشرقي. وأفادت مصادر محلية أنهم من بلدة الكرك الشرقي."
	got := extractAll(t, text, ymd("2024-03-15"))
	if len(got) != 1 || got[0].PlaceNameAR != "ريف درعا الشرقي" {
		t.Errorf("Extract(%q) = %v; want one incident in rural Daraa", text, describeAll(got))
	}
	wantIncidents(t, 0, "أعلنت الوزارة إلغاء برقيات التوقيف الصادرة بحق آلاف المطلوبين.")
}

// "وكان التلفزيون قد ذكر في وقت سابق مقتل…" is the story told earlier, with its
// first figures, not an earlier event; with a day of its own it is one.
func TestExtract_EarlierReport(t *testing.T) {
	text := "قتل شخص وأصيب 12 آخرون بانفجار عبوة ناسفة في مدينة جبلة أمس. وكان التلفزيون قد ذكر في وقت سابق مقتل شخص وجرح ثلاثة بالانفجار، وقال إنه حصل عند مدخل السوق في أطراف مدينة جبلة."
	got := extractAll(t, text, ymd("2024-03-15"))
	if len(got) != 1 || got[0].Injured == nil || *got[0].Injured != 12 {
		t.Errorf("Extract(%q) = %v; want one bombing, 12 injured", text, describeAll(got))
	}
}

// A gazetteer name on the last word of a longer capitalised name is no match:
// "the Kafr Sousa neighborhood" is read whole.
func TestExtract_EnglishNameReadWhole(t *testing.T) {
	text := "Israeli missiles hit an apartment block in the Kafr Sousa neighborhood of Damascus on Sunday, killing five people."
	got := extractAll(t, text, ymd("2023-02-19"))
	if len(got) != 1 || got[0].Admin1Name != "Damascus" || got[0].PlaceNameEN != "Kafr Sousa" {
		t.Errorf("Extract(%q) = %v; want one airstrike at Kafr Sousa, Damascus", text, describeAll(got))
	}
	// two names joined by a hyphen are a road's ends, not one name
	text = "Gunmen kidnapped a trader on the Homs-Hama highway on Friday."
	got = extractAll(t, text, ymd("2023-02-19"))
	if len(got) != 1 || got[0].PlaceNameEN == "Homs" || got[0].PlaceNameEN == "Hama" {
		t.Errorf("Extract(%q) = %v; want one kidnapping on a road, at neither end", text, describeAll(got))
	}
}
