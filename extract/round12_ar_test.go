package extract

import (
	"testing"
	"time"
)

// Rules of round 12 (Arabic). Every sentence here is ours.

// A monitor's monthly toll ("N قتلى في X خلال <month>", "رصدت الشبكة في شهر
// <month> مقتل N") and the breakdown of its victims told after it are a
// tally, not incidents, with or without a publication date.
func TestExtract_MonthlyTallyAndBreakdown(t *testing.T) {
	text := "سبعة قتلى في درعا خلال كانون الثاني 2024\n\n" +
		"رصدت شبكة محلية مقتل 7 أشخاص وإصابة 5 آخرين بجروح، جراء حوادث أمنية متفرقة شهدتها محافظة درعا في شهر كانون الثاني الماضي.\n\n" +
		"ووثق الفريق جميع الضحايا من المدنيين، بينهم شاب قُتل برصاص مجهولين، إضافة إلى طفل قتل بانفجار لغم أرضي."
	for _, pub := range []time.Time{{}, ymd("2024-02-03")} {
		if got := extractAll(t, text, pub); len(got) != 0 {
			t.Errorf("Extract(%q, %v) = %v; want no incident", text, pub, describeAll(got))
		}
	}
	text = "وثقت منظمة حقوقية في شهر آذار/مارس 2023، مقتل 11 شخصاً في محافظة حمص.\n" +
		"وسجلت المنظمة بين الضحايا امرأتين قتلتا برصاص مجهولين في مدينة تلكلخ."
	if got := extractAll(t, text, time.Time{}); len(got) != 0 {
		t.Errorf("Extract(%q) = %v; want no incident", text, describeAll(got))
	}
}

// A monitor's report of the dead over a month ("أفادت المنظمة في تقريرها بأن
// عدد القتلى خلال شهر X بلغ N") is a tally, whatever its breakdown.
func TestExtract_MonthlyReportTally(t *testing.T) {
	text := "قالت منظمة حقوقية في تقريرها الشهري إن عدد الضحايا المدنيين في سوريا خلال شهر حزيران 2023 بلغ 64 شخصاً، بينهم 9 أطفال، إضافة إلى 3 أشخاص قتلوا تحت التعذيب."
	if got := extractAll(t, text, time.Time{}); len(got) != 0 {
		t.Errorf("Extract(%q) = %v; want no incident", text, describeAll(got))
	}
}

// A lead that counts its toll as that of two events ("جراء تفجيرين منفصلين",
// "بحادثتي انفجار ألغام") is no incident of its own, and the two events told
// after it stay apart however their places are told.
func TestExtract_LeadOfTwoEventsApart(t *testing.T) {
	text := "قتل أربعة عناصر من الشرطة، الثلاثاء، جراء تفجيرين منفصلين في مدينة حمص.\n" +
		"وأفادت مصادر أن سيارة عسكرية انفجرت بعبوة ناسفة في حي الوعر، ما أدى إلى مقتل ثلاثة عناصر.\n" +
		"وأضافت أن عبوة ناسفة انفجرت بدورية قرب بلدة تلبيسة بريف حمص الشمالي."
	got := extractAll(t, text, ymd("2024-03-11"))
	if len(got) != 2 || countStr(got[0].Killed) != "3" || got[1].Killed != nil {
		t.Errorf("Extract(%q) = %v; want two bombings, 3 killed in the first", text, describeAll(got))
	}
	text = "توفي طفلان، أمس الأحد، في ريف حماة بحادثتي انفجار لألغام قديمة.\n" +
		"وقال مصدر محلي إن لغماً انفجر بطفل أثناء رعيه الأغنام قرب قرية عقيربات شرقي حماة.\n" +
		"وفي قرية كفرنبودة بريف حماة الشمالي، توفي طفل آخر بانفجار قنبلة عنقودية من مخلفات القصف."
	got = extractAll(t, text, ymd("2024-03-11"))
	if len(got) != 2 || got[1].PlaceNameAR != "كفرنبودة" || countStr(got[1].Killed) != "1" {
		t.Errorf("Extract(%q) = %v; want two explosions, the second at كفرنبودة with 1 killed", text, describeAll(got))
	}
}

// An institution's building told where the event happened, at it or near it
// ("بجانب مخفر بمدينة X", "هاجم مسلحون مخفراً في بلدة Y"), stands in the
// place told after it, which is where it happened; a patient taken to a
// hospital in a town keeps that town the hospital's.
func TestExtract_AtBuildingInTown(t *testing.T) {
	for text, want := range map[string]string{
		"انفجرت عبوة ناسفة، صباح اليوم الأحد، بسيارة مركونة بجانب مخفر بمدينة جبلة في محافظة اللاذقية.": "جبلة",
		"هاجم مسلحون مجهولون مخفراً في بلدة الحراك بريف درعا الشرقي فجر اليوم الأحد.":                   "الحراك",
		"نقل الجرحى إلى مشفى في مدينة جبلة، بعد انفجار عبوة ناسفة في قرية بستان الباشا، اليوم الأحد.":   "بستان الباشا",
	} {
		c := onlyOne(t, text, "2024-03-10")
		if c.PlaceNameAR != want {
			t.Errorf("Extract(%q) = %v; want the place %s", text, describeAll([]Candidate{c}), want)
		}
	}
}

// A square or a city gate named after another town ("قرب دوار باب X في
// مدينة Y") is in the town told after it: that town is where it happened.
func TestExtract_GateNamedAfterTown(t *testing.T) {
	text := "انفجرت سيارة مفخخة قرب دوار باب حمص في مدينة حماة صباح اليوم الأحد."
	c := onlyOne(t, text, "2024-03-10")
	if c.Admin1Name != "Hama" {
		t.Errorf("Extract(%q) = %v; want it in Hama", text, describeAll([]Candidate{c}))
	}
}

// "قصف" told of aircraft is an airstrike: with the coalition after it ("في
// قصف للتحالف الدولي"), and after the aircraft told as its doer before
// "على" or a verb of going on ("تناوبت طائرات حربية خلال الليل على قصف X").
func TestExtract_AircraftBombardment(t *testing.T) {
	for _, text := range []string{
		"قتل 12 مدنياً، الأحد، في قصف للتحالف الدولي على حي سكني في مدينة الميادين.",
		"تناوبت طائرات حربية روسية خلال الليل على قصف بلدة كنصفرة في جبل الزاوية، اليوم الأحد.",
	} {
		c := onlyOne(t, text, "2024-03-10")
		if c.IncidentType != TypeAirstrike {
			t.Errorf("Extract(%q) = %v; want an airstrike", text, describeAll([]Candidate{c}))
		}
	}
}

// A death told of the victim by a pronoun, as what the event brought ("ما
// أدى إلى مقتله", "أسفر عن وفاتهما") or after the wounds ("لكنه توفي متأثراً
// بإصابته"), counts the victim: one, two for the dual.
func TestExtract_DeathToldByPronoun(t *testing.T) {
	for text, want := range map[string]string{
		"أطلق مجهولون النار على شاب في بلدة نمر بريف درعا، مساء الاثنين، ما أدى إلى مقتله.":                                       "1",
		"أطلق مجهولون النار على عنصر من الشرطة في بلدة الصورة، الاثنين، فنقل جريحاً إلى مشفى المدينة، لكنه توفي متأثراً بإصابته.": "1",
		"هاجم مسلحون سيارة تقل شقيقين قرب بلدة المزيريب، مساء الاثنين، ما أسفر عن مقتلهما.":                                       "2",
	} {
		c := onlyOne(t, text, "2024-03-12")
		if countStr(c.Killed) != want {
			t.Errorf("Extract(%q) = %v; want %s killed", text, describeAll([]Candidate{c}), want)
		}
	}
}

// "اعتداء" / "اعتدى" with a weapon after it is an attack told in the official
// media's words, typed by its weapon (rockets or shells: shelling);
// without one it tells no attack.
func TestExtract_AggressionWithWeapon(t *testing.T) {
	text := "قُتل رجل وجُرح اثنان، اليوم الثلاثاء، إثر اعتداء مسلحين بالصواريخ على قرية جورين بريف حماة."
	c := onlyOne(t, text, "2024-03-12")
	if c.IncidentType != TypeShelling || c.PlaceNameAR != "جورين" {
		t.Errorf("Extract(%q) = %v; want a shelling of جورين", text, describeAll([]Candidate{c}))
	}
	text = "اشتكى أهالي قرية جورين من اعتداء على الأملاك العامة."
	if got := extractAll(t, text, ymd("2024-03-12")); len(got) != 0 {
		t.Errorf("Extract(%q) = %v; want no incident", text, describeAll(got))
	}
}

// "أطلق … النار" with its doers told between the verb and its object
// ("أطلق مسلحون مجهولون النار", "أطلق مجهولون يستقلون سيارة النار") is a
// shooting; a release ("إطلاق سراحه") is none.
func TestExtract_FireAfterItsDoers(t *testing.T) {
	text := "أطلق مسلحون مجهولون النار على موظف في بلدة الحراك بريف درعا الشرقي، مساء الاثنين."
	c := onlyOne(t, text, "2024-03-12")
	if c.IncidentType != TypeArmedAttack || c.PlaceNameAR != "الحراك" {
		t.Errorf("Extract(%q) = %v; want an armed attack at الحراك", text, describeAll([]Candidate{c}))
	}
	text = "أفرجت الشرطة عن شاب بعد إطلاق سراحه بكفالة في بلدة الحراك."
	if got := extractAll(t, text, ymd("2024-03-12")); len(got) != 0 {
		t.Errorf("Extract(%q) = %v; want no incident", text, describeAll(got))
	}
}
