package extract

import (
	"strings"
	"testing"
	"time"
)

// Rules of round 16 (Arabic, and both languages). Every sentence here is ours.

// A distance after a place's name, in brackets or not, measures from a
// reference point: the place is no outlet's name ("السويداء 24" is).
func TestExtract_DistanceAfterTheName(t *testing.T) {
	for _, text := range []string{
		"سقطت قذائف على قرية حزانو (20 كم شمال مدينة إدلب) صباح اليوم، وأصيب طفلان.",
		"سقطت قذائف على قرية حزانو 20 كم شمال مدينة إدلب صباح اليوم، وأصيب طفلان.",
	} {
		got := extractAll(t, text, ymd("2024-03-05"))
		if len(got) != 1 || placeOf(got[0]) != "حزانو" {
			t.Errorf("Extract(%q) = %v; want one shelling at حزانو", text, describeAll(got))
		}
	}
	got := extractAll(t, "قالت شبكة السويداء 24 إن مسلحين قتلوا رجلاً في بلدة القريا مساء أمس.", ymd("2024-03-05"))
	if len(got) != 1 || placeOf(got[0]) != "القريا" {
		t.Errorf("an outlet named after its city: got %v; want the killing at القريا", describeAll(got))
	}
}

// A hospital named again as what the attack struck is where the attack was:
// its town is the place, not a city the wounded were taken to.
func TestExtract_HospitalStruckIsThePlace(t *testing.T) {
	got := extractAll(t, "أصيب ممرضان في مشفى الرحمة بمدينة معرة النعمان مساء أمس، بقصف مدفعي استهدف المشفى وأخرجه عن الخدمة.", ymd("2024-03-05"))
	if len(got) != 1 || placeOf(got[0]) != "معرة النعمان" {
		t.Errorf("got %v; want the shelling at معرة النعمان", describeAll(got))
	}
	got = extractAll(t, "وأصيب ثلاثة مدنيين بقصف مدفعي على بلدة حزانو مساء أمس، ونُقلوا إلى مشفى الرحمة بمدينة معرة النعمان.", ymd("2024-03-05"))
	if len(got) != 1 || placeOf(got[0]) != "حزانو" {
		t.Errorf("the wounded taken to a hospital: got %v; want the shelling at حزانو", describeAll(got))
	}
}

// A sentence or two that name no place and tell no event keep the story in
// the place told before them; past a tally or history, they do not.
func TestExtract_PlaceAcrossQuietSentences(t *testing.T) {
	text := "نفذت وحدات الأمن الداخلي عملية أمنية في مدينة البوكمال على الحدود مع العراق بناء على معلومات استخباراتية. " +
		"واستمرت المتابعة أسابيع قبل التنفيذ. " +
		"وداهمت الدوريات مستودعاً وضبطت قذائف وبنادق وأوقفت شخصين."
	got := extractAll(t, text, ymd("2025-11-20"))
	if len(got) == 0 {
		t.Fatalf("got nothing; want the raid at البوكمال")
	}
	for _, c := range got {
		if placeOf(c) != "البوكمال" {
			t.Errorf("got %v; want every incident at البوكمال", describeAll(got))
			break
		}
	}
	text = "Government barrel bombs have killed nearly 3,000 people in Homs so far this year, a monitor said. " +
		"The figure is the highest in years. " +
		"The barrel bombs are dropped from helicopters over crowded districts."
	if got := extractAll(t, text, ymd("2015-06-01")); len(got) != 0 {
		t.Errorf("past a tally: got %v; want nothing", describeAll(got))
	}
}

// "The city" refers to the town told last, not to a reference point in
// brackets after it; a quarter the gazetteer lacks lies in that town.
func TestExtract_CityAfterADistanceAside(t *testing.T) {
	text := "أصيب طفل بسقوط قذيفتين على مدينة دوما (12 كم عن مركز دمشق) صباح اليوم، إذ سقطت إحداهما في حارة البساتين والثانية قرب مدخل المدينة."
	got := extractAll(t, text, ymd("2016-05-10"))
	if len(got) != 1 {
		t.Fatalf("got %v; want one shelling", describeAll(got))
	}
	town := got[0].Places[0]
	for _, pl := range got[0].Places {
		if pl.Text == "المدينة" && (pl.Lat != town.Lat || pl.Lon != town.Lon) {
			t.Errorf("\"the city\" placed at %.4f,%.4f; want Douma's %s at %.4f,%.4f, not the reference point's city", pl.Lat, pl.Lon, town.Text, town.Lat, town.Lon)
		}
	}
}

// A lead telling shells on a city "and its surroundings" totals the suburbs'
// shellings told after it, as a countryside's lead does its villages'.
func TestExtract_LeadOfACityAndItsSurroundings(t *testing.T) {
	text := "سقطت قذائف هاون الأحد على أحياء في مدينة حمص ومحيطها. " +
		"وأصيب رجلان بقذيفة سقطت على بلدة تلبيسة، كما سقطت قذيفتان على بلدة الدار الكبيرة دون إصابات."
	got := extractAll(t, text, ymd("2016-05-10"))
	for _, c := range got {
		if placeOf(c) == "حمص" {
			t.Errorf("got %v; want the suburbs' shellings and no incident for the city", describeAll(got))
		}
	}
	if len(got) != 2 {
		t.Errorf("got %v; want two shellings", describeAll(got))
	}
}

// People numbered in turn ("الشخص الثاني", "الثالث") are arrested one by
// one, each at the place told with them, even when one place lies in another.
func TestExtract_PersonsNumberedInTurn(t *testing.T) {
	text := "أوقفت شرطة حمص ثلاثة مطلوبين بتهمة السرقة. " +
		"وأوقف أحدهم في بلدة تلبيسة. " +
		"أما الشخص الثاني فتم توقيفه في مدينة حمص. " +
		"فيما أوقف الشخص الثالث في حي الإنشاءات."
	got := extractAll(t, text, ymd("2024-03-05"))
	second := 0
	for _, c := range got {
		if strings.Contains(c.Evidence, "الشخص الثاني") && !strings.Contains(c.Evidence, "الشخص الثالث") {
			second++
		}
	}
	if second != 1 {
		t.Errorf("got %v; want the second person's arrest, in the city, apart from the third's in one of its quarters", describeAll(got))
	}
}

// Where attackers fled to is no place of the attack.
func TestExtract_WhereTheAttackersFled(t *testing.T) {
	text := "أطلق مسلحون ملثمون النار على مقهى في بلدة تلبيسة مساء أمس، ما أسفر عن مقتل رجلين، ثم لاذ المهاجمون بالفرار نحو مدينة الرستن."
	got := extractAll(t, text, ymd("2025-02-27"))
	if len(got) != 1 || placeOf(got[0]) != "تلبيسة" {
		t.Errorf("got %v; want one attack at تلبيسة", describeAll(got))
	}
	for _, c := range got {
		for _, pl := range c.Places {
			if pl.Text == "مدينة الرستن" && pl.Role == RoleIncident {
				t.Errorf("got %v; the town the attackers fled to is an incident place", describeAll(got))
			}
		}
	}
}

// A dual before what it is of drops its final nun: "راعيي أغنام", "عنصري
// الأمن" are two people.
func TestExtract_DualBeforeItsComplement(t *testing.T) {
	for _, text := range []string{
		"اعتقلت دورية للاحتلال راعيي ماشية قرب بلدة جباتا الخشب مساء أمس.",
		"اعتقلت قوات الأمن عنصري الحاجز في مدينة جاسم بتهمة الرشوة.",
	} {
		got := extractAll(t, text, ymd("2025-06-02"))
		if len(got) != 1 || got[0].Arrested == nil || *got[0].Arrested != 2 {
			t.Errorf("Extract(%q) = %v; want one arrest of 2", text, describeAll(got))
		}
	}
}

// An attack on positions that met fire from the other side is a clash; an
// ambush followed by an exchange stays the attack it was.
func TestExtract_AttackThatBecameAClash(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"شنت فصائل المعارضة هجوماً على مواقع قوات النظام في بلدة كفرنبودة ودارت اشتباكات عنيفة بين الطرفين.", TypeClash},
		{"Rebel factions attacked army positions in Khan Shaykhun, and fierce clashes broke out between the two sides.", TypeClash},
		{"تعرضت دورية للجيش لكمين مسلح قرب بلدة كفرنبودة أعقبه اشتباك مباشر.", TypeArmedAttack},
	} {
		got := extractAll(t, tc.text, ymd("2019-05-20"))
		if len(got) != 1 || got[0].IncidentType != tc.want {
			t.Errorf("Extract(%q) = %v; want one %s", tc.text, describeAll(got), tc.want)
		}
	}
}

// A toll told as the victims' number rising to a figure, far after the word
// of the toll, is the killed.
func TestExtract_TollOfVictimsRoseTo(t *testing.T) {
	for _, text := range []string{
		"ارتفعت حصيلة ضحايا القصف المدفعي على الأحياء الشرقية من مدينة دوما أمس الأحد إلى 14 مدنياً.",
		"ازداد عدد ضحايا الغارات التي استهدفت سوق مدينة أريحا يوم أمس إلى 21 شخصاً.",
	} {
		got := extractAll(t, text, ymd("2016-05-09"))
		if len(got) != 1 || got[0].Killed == nil {
			t.Errorf("Extract(%q) = %v; want one incident with its killed", text, describeAll(got))
		}
	}
}

// "من العاصمة دمشق إلى X" is a trip's start, told with the capital's title.
func TestExtract_TripFromTheCapital(t *testing.T) {
	text := "اختطف مسلحون خمسة ركاب أثناء توجههم قبل يومين من العاصمة دمشق إلى مدينة شهبا، على طريق بلدة المسمية بريف درعا."
	for _, c := range extractAll(t, text, ymd("2025-08-20")) {
		if placeOf(c) == "دمشق" {
			t.Errorf("got %v; the capital the trip started from is no incident place", describeAll(extractAll(t, text, ymd("2025-08-20"))))
		}
	}
}

// An event told with a day of its own weeks before the one told first is
// another event: it takes no place from the sentences before it.
func TestExtract_EarlierDayTakesNoPlace(t *testing.T) {
	text := "اختطف مسلحون مجهولون شابين في مدينة جرمانا بريف دمشق. " +
		"ولم تعرف الجهة المسؤولة عن عملية الاختطاف حتى الآن. " +
		"وفي 3 أيار الماضي، خطف مسلحون ثلاثة تجار من أهالي بلدة عريقة خلال عودتهم إلى العاصمة دمشق."
	got := extractAll(t, text, ymd("2025-06-02"))
	for _, c := range got {
		if !c.DateFrom.IsZero() && c.DateFrom.Month() == 5 && (placeOf(c) == "جرمانا" || placeOf(c) == "دمشق") {
			t.Errorf("got %v; the kidnapping of 3 May took the place of today's, or the end of the trip", describeAll(got))
		}
	}
}

// A grenade thrown at a house is an attack, whoever threw it; grenades found
// are a seizure.
func TestExtract_GrenadeThrown(t *testing.T) {
	got := extractAll(t, "رمى ملثمون من سيارة مسرعة قنبلة يدوية باتجاه منزل في بلدة الشحيل، دون وقوع إصابات.", ymd("2023-06-27"))
	if len(got) != 1 || got[0].IncidentType != TypeArmedAttack && got[0].IncidentType != TypeBombing || placeOf(got[0]) != "الشحيل" {
		t.Errorf("got %v; want one attack at الشحيل", describeAll(got))
	}
	got = extractAll(t, "ضبطت دورية للأمن الداخلي قنابل يدوية في منزل بمدينة الشحيل.", ymd("2023-06-27"))
	if len(got) != 1 || got[0].IncidentType != TypeWeaponsSeizure {
		t.Errorf("grenades found: got %v; want one seizure", describeAll(got))
	}
}

// A sentence telling an event's toll, then that the place "had been" hit
// before, is the event's: its toll stands, and the earlier attacks are none.
func TestExtract_TollThenBackgroundInOneSentence(t *testing.T) {
	text := "شنت طائرات حربية غارات على معبر جوسية بريف حمص مساء اليوم. " +
		"وأدى القصف إلى إصابة عاملين اثنين بجروح، كما ذكر المصدر أن المعبر كان قد تعرض لهجمات مماثلة في الأشهر الماضية."
	got := extractAll(t, text, ymd("2024-11-26"))
	if len(got) != 1 || got[0].Injured == nil || *got[0].Injured != 2 {
		t.Errorf("got %v; want one airstrike with 2 injured", describeAll(got))
	}
}

// Damage told beside the dead and wounded is no "only material damage"; an
// earlier report of the same day, told with its date, is the same story.
func TestExtract_EarlierReportOfTheSameDay(t *testing.T) {
	text := "قتل 9 أشخاص وأصيب 30 آخرون بجروح في انفجار سيارة مفخخة في وسط مدينة حمص، بحسب مصدر طبي. " +
		"وكان التلفزيون الرسمي قد ذكر أن انفجار السيارة وقع اليوم الأحد (العاشر من آذار 2013) قرب ساحة في وسط المدينة، وأسفر عن قتلى وجرحى وأضرار مادية كبيرة."
	got := extractAll(t, text, ymd("2013-03-10"))
	if len(got) != 1 || !countIs(got[0].Killed, 9) || !countIs(got[0].Injured, 30) {
		t.Errorf("got %v; want one bombing, 9 killed and 30 injured", describeAll(got))
	}
	if got := extractAll(t, "سقطت قذيفة على سوق بلدة تلبيسة ما أسفر عن قتلى وجرحى وأضرار مادية.", ymd("2013-03-10")); len(got) != 1 || countIs(got[0].Killed, 0) || placeOf(got[0]) != "تلبيسة" {
		t.Errorf("dead and damage: got %v; want one shelling at تلبيسة with no zero toll", describeAll(got))
	}
}

// A death by a gunshot ("بعيار ناري") is a shooting, told as a noun of death
// too ("مقتل شاب").
func TestExtract_KilledByAGunshot(t *testing.T) {
	got := extractAll(t, "شهدت بلدة كفرزيتا ليلة أمس مقتل رجل إثر إصابته بعيار ناري في الصدر.", ymd("2024-02-11"))
	if len(got) != 1 || got[0].IncidentType != TypeArmedAttack || placeOf(got[0]) != "كفرزيتا" {
		t.Errorf("got %v; want one armed attack at كفرزيتا", describeAll(got))
	}
}

// A name may begin with a two-letter word ("عش الورور", "أم الكيف"), and an
// adjective of the quarters told after them ends their list.
func TestExtract_ShortFirstWordOfAName(t *testing.T) {
	got := extractAll(t, "سقطت قذيفتان على حيي عش الغراب ومساكن برزة السكنيين بدمشق صباح اليوم.", ymd("2015-03-02"))
	if len(got) == 0 || placeOf(got[0]) != "عش الغراب" {
		t.Errorf("got %v; want the shelling at عش الغراب", describeAll(got))
	}
}

// A depot struck is a target, not a seizure; a hospital the strike fell
// behind is a landmark, and the town it stands in the strike's place.
func TestExtract_DepotStruckBehindAHospital(t *testing.T) {
	got := extractAll(t, "قصفت طائرة مسيرة مستودعاً للأسلحة خلف مشفى الزهراء في مدينة الميادين فجر اليوم.", ymd("2024-01-14"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike || placeOf(got[0]) != "الميادين" {
		t.Errorf("got %v; want one airstrike at الميادين", describeAll(got))
	}
}

// Two verbs of harm, each told with a person of its own: each counts that
// person ("طفلة قُتلت وأُصيبت والدتها" is one killed and one injured).
func TestExtract_EachVerbItsOwnPerson(t *testing.T) {
	got := extractAll(t, "وقال مسعفون إن رجلاً قتل وأصيب ابنه حين انفجر لغم قديم بقرية تل حلف.", ymd("2022-12-05"))
	if len(got) != 1 || !countIs(got[0].Killed, 1) || !countIs(got[0].Injured, 1) {
		t.Errorf("got %v; want one blast, 1 killed and 1 injured", describeAll(got))
	}
}

// An event told as years back is history, with or without a day of writing.
func TestExtract_YearsAgoIsHistory(t *testing.T) {
	for _, text := range []string{
		"وكانت قرية تل حلف شهدت اشتباكات عنيفة بين الفصائل قبل نحو أربع سنوات.",
		"The village of Tal Halaf saw heavy clashes between the factions four years ago.",
	} {
		for _, c := range extractAll(t, text, time.Time{}) {
			if c.IncidentType == TypeClash {
				t.Errorf("Extract(%q) gave the clashes of years ago: %v", text, describeAll(extractAll(t, text, time.Time{})))
			}
		}
	}
}
