package extract

import (
	"testing"
	"time"
)

// Rules of round 9 (Arabic), written from the classes of error that half A of
// the sixth set of real passages showed; every sentence here is ours.

// "قتل N، فيما أصيب M في غارات على X": a killing told bare, with no weapon and
// no place, then a clause opened by "فيما" that tells the wounded with the
// strike and its place, is one event: the toll of the strike, split over two
// clauses. Two events keep apart when each clause has its own weapon or place.
func TestExtract_TollSplitOverClauses(t *testing.T) {
	text := "قتل 12 شخصاً بينهم أطفال، فيما أصيب 30 آخرون في غارات جوية استهدفت سوقاً شعبياً في مدينة سراقب."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike || got[0].Killed == nil || *got[0].Killed != 12 || got[0].Injured == nil || *got[0].Injured != 30 {
		t.Errorf("Extract(%q) = %v; want one airstrike, 12 killed and 30 injured", text, describeAll(got))
	}
	text = "قتل مدني برصاص مسلحين في بلدة الصنمين، فيما أصيب ثلاثة بقصف مدفعي على بلدة الحراك."
	got = extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 2 {
		t.Errorf("Extract(%q) = %v; want two events, each with its own weapon and place", text, describeAll(got))
	}
}

// A number of people told with "آخرون" or a casualty noun ("وأصيب 30 آخرون
// بغارة", "سقط 15 قتيلاً في غارات") is a toll, not a count of strikes: the
// sentence is an event, not a tally.
func TestExtract_OthersCountedAreNoTally(t *testing.T) {
	for _, text := range []string{
		"قتل خمسة مدنيين وأصيب 30 آخرون بغارة جوية على بلدة معرة مصرين.",
		"سقط 15 قتيلاً في غارات جوية استهدفت بلدة معرة مصرين صباح اليوم.",
	} {
		got := extractAll(t, text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].IncidentType != TypeAirstrike {
			t.Errorf("Extract(%q) = %v; want one airstrike", text, describeAll(got))
		}
	}
}

// A foreign force's "قصف" with its guns named by "ب" after the subject and a
// time ("قصف الجيش التركي، ظهر الاثنين، بالمدفعية محيط قرية X") is shelling,
// not an air raid.
func TestExtract_ForeignShellingWithGunsLater(t *testing.T) {
	text := "قصف الجيش التركي، ظهر الاثنين، بالمدفعية محيط قرية مرعناز شمالي حلب، فأصيب طفلان بجروح."
	got := extractAll(t, text, ymd("2025-10-13"))
	if len(got) != 1 || got[0].IncidentType != TypeShelling {
		t.Errorf("Extract(%q) = %v; want one shelling", text, describeAll(got))
	}
}

// Rockets named after the subject say nothing of where they came from:
// "قصفت المقاتلات الروسية، فجر اليوم، بالصواريخ بلدة X" stays an air raid.
func TestExtract_ForeignRocketsLaterStayAir(t *testing.T) {
	text := "قصفت المقاتلات الروسية، فجر اليوم الاثنين، بالصواريخ بلدة كفرنبل بريف إدلب الجنوبي، ما أدى إلى إصابة طفلين."
	got := extractAll(t, text, ymd("2024-10-14"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike {
		t.Errorf("Extract(%q) = %v; want one airstrike", text, describeAll(got))
	}
}

// Two tellings at other parts of the same day, at two places, are two events:
// "قصف الجيش صباح الاثنين بلدة X" … "ومساء الاثنين قصف قرية Y".
func TestExtract_OtherPartOfDayOtherEvent(t *testing.T) {
	text := "قصف الجيش التركي صباح الاثنين بالهاون بلدة الشيوخ شرقي حلب، فأصيب ثلاثة مدنيين.\n" +
		"ومساء الاثنين قصف الجيش التركي بالمدافع قرية الجات المجاورة.\n" +
		"وذكر ناشط من المنطقة أن القصف أودى بحياة راعٍ.\n"
	got := extractAll(t, text, ymd("2025-10-12"))
	if len(got) != 2 {
		t.Errorf("Extract(%q) = %v; want two shellings", text, describeAll(got))
	}
}

// A place told with a neighbour's border province after a comma ("في بلدة X،
// غربي محافظة نينوى") is abroad, and so is an event told "داخل الأراضي
// اللبنانية": neither is an incident to map in Syria, though Syrian villages
// share the towns' names. Fire "من داخل الأراضي التركية" lands at home.
func TestExtract_NeighbourProvinceAndTerritory(t *testing.T) {
	for _, text := range []string{
		"اعتقلت القوات العراقية خمسة مهربين في بلدة سنجار، غربي محافظة نينوى، أثناء عبورهم الحدود.",
		"احتجزت قوة لبنانية 12 سورياً في بلدة القصر بعد أن ضبطتهم يعملون بلا إقامة داخل الأراضي اللبنانية.",
	} {
		if got := extractAll(t, text, ymd("2025-10-15")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing: abroad", text, describeAll(got))
		}
	}
	text := "قصفت القوات التركية من داخل الأراضي التركية بقذائف المدفعية قرية الدرباسية بريف الحسكة."
	if got := extractAll(t, text, ymd("2025-10-15")); len(got) != 1 {
		t.Errorf("Extract(%q) = %v; want the shelling at home", text, describeAll(got))
	}
}

// A seizure of a load whose contents a clause after it tells ("صادرت
// الحمولة كلها، وظهر بالتفتيش أنها عشرات من قذائف") is a weapons
// seizure, and the shells are what was seized, not a shelling. A shipment of
// drugs stays no weapons seizure.
func TestExtract_ShipmentSeized(t *testing.T) {
	text := "وفي بلدة القصير صادرت الدورية الحمولة كلها، وظهر بالتفتيش أنها عشرات من قذائف الهاون."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].IncidentType != TypeWeaponsSeizure {
		t.Errorf("Extract(%q) = %v; want one weapons seizure", text, describeAll(got))
	}
	text = "ضبطت دورية للأمن الداخلي شحنة كبيرة من حبوب الكبتاغون في بلدة القصير."
	for _, c := range extractAll(t, text, ymd("2025-10-15")) {
		if c.IncidentType == TypeWeaponsSeizure {
			t.Errorf("Extract(%q) = %v; want no weapons seizure", text, describeAll([]Candidate{c}))
		}
	}
}

// "قتل شخصان …، في حادثة إطلاق نار" tells the shooting that killed them: one
// event. "ووقعت الحادثة في بلدة X" then places that event, told with the
// article: it is no other story ("وفي حادثة منفصلة" is).
func TestExtract_IncidentToldThenPlaced(t *testing.T) {
	text := "قتل ثلاثة أشخاص وأصيب ستة آخرون بريف إدلب الجنوبي، في حادثة إطلاق نار خلال عرس.\n" +
		"ووقعت الحادثة في بلدة معرة حرمة، مساء الجمعة، عندما أقدم مسلحان على إطلاق النار على المدعوين.\n"
	got := extractAll(t, text, time.Time{})
	if len(got) != 1 || got[0].PlaceNameAR != "معرة حرمة" || got[0].Killed == nil || *got[0].Killed != 3 {
		t.Errorf("Extract(%q) = %v; want one shooting, 3 killed, at the town", text, describeAll(got))
	}
	text = "قتل شاب بإطلاق نار في بلدة معرة حرمة. وفي حادثة منفصلة، قتل رجل بإطلاق نار في بلدة كفرنبل."
	if got := extractAll(t, text, time.Time{}); len(got) != 2 {
		t.Errorf("Extract(%q) = %v; want two shootings", text, describeAll(got))
	}
}

// "ريف حمص الشرقي" is east of the city of Homs: a town there told after it
// lies in it, though west of the governorate's middle in the desert. The
// event told by the region and then at the town is one.
func TestExtract_CountrysideSideOfTheCity(t *testing.T) {
	text := "قتل شخصان وأصيب خمسة آخرون بريف حمص الشرقي خلال شجار عائلي، في حادثة إطلاق نار.\n" +
		"ووقعت الحادثة في مدينة القريتين، مساء الخميس، عندما أطلق مسلح النار على المتشاجرين.\n"
	got := extractAll(t, text, time.Time{})
	if len(got) != 1 || got[0].PlaceNameAR != "القريتين" {
		t.Errorf("Extract(%q) = %v; want one shooting at the town", text, describeAll(got))
	}
}

// "قصف مماثل طال Y" after a shelling of X in the same countryside is another
// shelling, at Y, not the first told again.
func TestExtract_SimilarStrikeElsewhere(t *testing.T) {
	text := "وحسب ناشطين، دكت مدفعية النظام تفتناز وما حولها شرقي إدلب منذ الفجر بعشرات القذائف.\n" +
		"ولفت الناشطون إلى قصف مماثل طال أطراف طعوم، إلى الشمال من بنش، في المنطقة نفسها.\n"
	got := extractAll(t, text, time.Time{})
	if len(got) != 2 {
		t.Errorf("Extract(%q) = %v; want two shellings", text, describeAll(got))
	}
}

// An event told "في العاصمة اللبنانية" happened abroad, and so did its telling
// in detail at a quarter there, whatever Syrian place shares the quarter's name.
func TestExtract_NeighbourCapital(t *testing.T) {
	text := "قُتل عامل سوري في العاصمة العراقية، برصاص مسلح على باب مطعم، ليل السبت 9 آب.\n" +
		"وذكرت الشرطة هناك أن المسلح أطلق النار على العامل في منطقة الصالحين.\n"
	if got := extractAll(t, text, time.Time{}); len(got) != 0 {
		t.Errorf("Extract(%q) = %v; want nothing: abroad", text, describeAll(got))
	}
}

// An arrest word whose object is a vehicle ("احتجاز سيارة", "حجز شاحنة")
// holds a thing, not a person: a quarrel over a held car is no arrest.
func TestExtract_VehicleHeldIsNoArrest(t *testing.T) {
	text := "اندلع شجار بين عائلتين في بلدة الكرك الشرقي بسبب احتجاز سيارة تعود لأحد أبناء البلدة."
	for _, c := range extractAll(t, text, ymd("2025-10-15")) {
		if c.IncidentType == TypeArrest {
			t.Errorf("Extract(%q) = %v; want no arrest", text, describeAll([]Candidate{c}))
		}
	}
}

// "عادوا إلى بيوتهم بعد خطفهم" tells again the kidnapping of those people,
// told before with its month: no new kidnapping dated on the day of return.
func TestExtract_EventToldWithPronounAfterBad(t *testing.T) {
	text := "أطلقت عصابة مسلحة سراح أربعة من عمال البناء كانت قد خطفتهم في آذار الماضي من بلدة الصورة الكبيرة بريف درعا، مقابل فدية.\n" +
		"وقال أقارب العمال إنهم وصلوا إلى بيوتهم يوم الجمعة بعد خطفهم من طريق قرب البلدة.\n"
	got := extractAll(t, text, ymd("2025-06-14"))
	if len(got) != 1 || got[0].IncidentType != TypeKidnapping {
		t.Errorf("Extract(%q) = %v; want one kidnapping", text, describeAll(got))
	}
}
