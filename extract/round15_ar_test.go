package extract

import (
	"testing"
	"time"
)

// Rules of round 15 (Arabic, and both languages). Every sentence here is ours.

// A toll told over months with no place is a tally of many events, not an
// incident: a monitor's half-year figures give nothing.
func TestExtract_PlacelessTollOverMonthsIsATally(t *testing.T) {
	for _, text := range []string{
		"أحصت منظمة حقوقية 120 قتيلاً من المدنيين في البلاد بين كانون الثاني وحزيران 2024، بينهم 30 طفلاً.",
		"وقتلت القوات الحكومية 40 مدنياً خلال عام 2024.",
		"A rights group counted 120 civilian deaths across the country between January and June 2024, 30 of them children.",
		"Government forces killed 40 civilians in 2024.",
	} {
		if got := extractAll(t, text, ymd("2024-07-02")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
	// A placeless event on one day still stands for a reviewer.
	if got := extractAll(t, "Gunmen killed two men on Monday, a monitor said.", ymd("2024-07-02")); len(got) != 1 {
		t.Errorf("a placeless killing on a day: got %v; want one incident", describeAll(got))
	}
}

// A lead telling a city's toll, then its quarters' in turn: the lead totals
// them, and is no incident of its own.
func TestExtract_CityLeadBeforeItsQuarters(t *testing.T) {
	text := "سقطت قذائف هاون على عدة أحياء في مدينة حلب يوم الأحد، وأصيب جراءها 6 مدنيين. " +
		"وأفاد ناشطون أن قذيفة سقطت على حي الميدان وأصيب شخصان، في حين أصيب ثلاثة بقذيفة في حي السليمانية، وأصيب رجل في حي الجميلية."
	got := extractAll(t, text, ymd("2025-12-10"))
	for _, c := range got {
		if c.GeoPrecision != "neighbourhood" {
			t.Errorf("got %v; want every shelling in a quarter, none for the city", describeAll(got))
			break
		}
	}
	if len(got) < 2 {
		t.Errorf("got %v; want the quarters' shellings", describeAll(got))
	}
}

// A person's arrests told as repeated over a year are a history, not an
// event; the raid told before them stands.
func TestExtract_ArrestsRepeatedOverAYear(t *testing.T) {
	text := "داهمت قوات الأمن فجر اليوم بلدة الميادين، واعتقلت المدعو خالد واثنين من أقاربه. " +
		"وأشار المراسل إلى أن خالد سبق أن اعتُقل ثم أُطلق سراحه 4 مرات خلال العام الماضي، إذ كانت الأجهزة تعتقله بتهمة الانتماء إلى خلية."
	got := extractAll(t, text, time.Time{})
	if len(got) != 1 || got[0].IncidentType != TypeArrest {
		t.Errorf("got %v; want the one arrest of today", describeAll(got))
	}
}

// "الواقع" after a camp's or village's name tells where it lies: no part of
// the name.
func TestExtract_LocatedIsNoPartOfTheName(t *testing.T) {
	got := extractAll(t, "قتل رجل برصاص مجهولين في مخيم الصمود الواقع بالقرب من قرية أطمة يوم الاثنين.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].PlaceNameAR != "الصمود" {
		t.Errorf("got %v; want one attack at the camp named الصمود", describeAll(got))
	}
}

// A campaign told as escalating its attacks is no one event.
func TestExtract_EscalatedAttacksAreACampaign(t *testing.T) {
	for _, text := range []string{
		"وكثّف الجيش التركي هجماته على قرى ريف الرقة في الأسابيع الأخيرة.",
		"Turkish forces have stepped up their attacks on areas in the Raqqa countryside in recent weeks.",
	} {
		if got := extractAll(t, text, ymd("2025-12-10")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
}

// "أحد عشر" before a count noun is eleven, not ten.
func TestExtract_ElevenBeforeTheNoun(t *testing.T) {
	got := extractAll(t, "قال الدفاع المدني إن أحد عشر شهيداً سقطوا بانفجار عبوة ناسفة في بلدة سراقب يوم الاثنين.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != 11 {
		t.Errorf("got %v; want 11 killed", describeAll(got))
	}
}

// "موقع روسيا اليوم" is an outlet: its "اليوم" dates nothing.
func TestExtract_TodayInAnOutletsName(t *testing.T) {
	text := "وقع انفجار في مستودع ذخيرة في مدينة محردة ليل أمس. وبحسب موقع روسيا اليوم فإن الانفجار حدث قرب مدرسة في المدينة."
	got := extractAll(t, text, ymd("2025-12-10"))
	if len(got) != 1 || got[0].DateFrom.Format(time.DateOnly) != "2025-12-09" {
		t.Errorf("got %v; want one explosion dated 2025-12-09", describeAll(got))
	}
}

// The city of the hospitals the wounded were taken to, after the hospitals'
// own names, is no place of the event.
func TestExtract_HospitalsCityIsNoPlace(t *testing.T) {
	text := "انفجرت سيارة مفخخة في مدينة جرمانا يوم الاثنين. وقال مصدر إن ثلاثة قتلوا في التفجير الإرهابي، وإن الأهالي نقلوا المصابين إلى مشفيي المجتهد والمواساة بدمشق."
	got := extractAll(t, text, ymd("2025-12-10"))
	if len(got) != 1 || got[0].Admin1Name != "Rif Dimashq" {
		t.Errorf("got %v; want one bombing in Rif Dimashq", describeAll(got))
	}
}

// With no day of writing, a piece marking an anniversary still tells its
// remembered event as history: its own date and year are long past.
func TestExtract_AnniversaryWithoutPublicationDate(t *testing.T) {
	for _, text := range []string{
		"تحيي مدينة كفرنبل هذا الأسبوع الذكرى العاشرة لمجزرة السوق. وفي 12 آذار 2014، قصفت طائرات النظام سوق المدينة، وقتل 40 مدنياً.",
		"Kafr Nabl marks this week the tenth anniversary of the market massacre. On March 12, 2014, government jets struck the town's market, killing 40 civilians.",
	} {
		if got := extractAll(t, text, time.Time{}); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
}

// The toll of a group's past deeds, told after its arrest ("تورطهم في
// اغتيال ..."), is not the arrest's.
func TestExtract_PastDeedsTollIsNotTheArrests(t *testing.T) {
	text := "ألقت وحدات الأمن القبض على خلية مسلحة في بلدة الشيخ بدر يوم الأربعاء. " +
		"وأوضح المسؤول أن التحقيقات بيّنت تورط أفراد الخلية في جرائم اغتيال طالت أكثر من خمسة عشر مدنياً."
	got := extractAll(t, text, ymd("2025-12-10"))
	if len(got) != 1 || got[0].IncidentType != TypeArrest || got[0].Killed != nil {
		t.Errorf("got %v; want one arrest with no dead", describeAll(got))
	}
}

// "نفذت الوحدات في مدينة X عملية أمنية": the operation done there is no part
// of the town's name.
func TestExtract_OperationAfterTheTown(t *testing.T) {
	got := extractAll(t, "شنّت دورية للشرطة في مدينة الميادين عملية دهم انتهت باعتقال مطلوبين اثنين.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].PlaceNameAR != "الميادين" {
		t.Errorf("got %v; want one arrest in الميادين", describeAll(got))
	}
}

// Clashes feared are no clashes: "خشية اتساع رقعة الاشتباكات", "fearing
// renewed clashes".
func TestExtract_FearedClashesAreNone(t *testing.T) {
	for _, text := range []string{
		"نزح عشرات الأهالي من حي الميدان في حلب يوم الاثنين خشية تجدد الاشتباكات.",
		"Dozens of families left the Midan quarter of Aleppo on Monday, fearing renewed clashes.",
	} {
		if got := extractAll(t, text, ymd("2025-12-10")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
}

// A name never ends in "ابن" or "أبو": "منطقة بئر أبو خليل" is one name,
// not "بئر أبو" beside the place "خليل"; a place named before a person's
// kunya keeps its own name.
func TestExtract_NameGoesOnPastKinship(t *testing.T) {
	for text, want := range map[string]string{
		"قتل عنصران في كمين بمنطقة بئر أبو خليل جنوب مدينة الميادين يوم الاثنين.":   "بئر أبو خليل",
		"قتل عنصران في كمين بمنطقة مزرعة ابن هلال جنوب مدينة الميادين يوم الاثنين.": "مزرعة ابن هلال",
		"اعتقلت الشرطة في جاسم أبو محمد وابنه يوم الاثنين.":                         "جاسم",
	} {
		got := extractAll(t, text, ymd("2025-12-10"))
		if len(got) != 1 || got[0].PlaceNameAR != want {
			t.Errorf("Extract(%q) = %v; want one incident at %s", text, describeAll(got), want)
		}
	}
}

// "N قتلوا وأصيب M": each verb has its own number, so each count stands;
// only a bare "قُتل وجرح N" counts both kinds together.
func TestExtract_KilledAndInjuredEachCounted(t *testing.T) {
	got := extractAll(t, "وأفادت مديرية الصحة بأن 9 أشخاص قتلوا وأصيب 21، جراء قصف على مدينة سراقب يوم الاثنين.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != 9 || got[0].Injured == nil || *got[0].Injured != 21 {
		t.Errorf("got %v; want 9 killed and 21 injured", describeAll(got))
	}
}

// "، كما قصفت طائرة Y": an event also told, in a clause of its own, with
// its own place and toll; the clause before keeps its dead.
func TestExtract_AlsoOpensAClause(t *testing.T) {
	text := "قُتل ثلاثة مدنيين بقصف مدفعي لقوات النظام اليوم، كما قصفت طائرات روسية محيط مدينة سرمين، ما أدى إلى إصابة مدني."
	got := extractAll(t, text, ymd("2025-12-10"))
	if len(got) != 2 || got[0].Killed == nil || *got[0].Killed != 3 || got[1].Killed != nil ||
		got[1].Injured == nil || *got[1].Injured != 1 {
		t.Errorf("got %v; want a shelling with 3 killed and an airstrike with 1 injured", describeAll(got))
	}
}

// A health directorate named after its governorate ("مديرية صحة حماة") is
// the source of a toll, not the place of an event.
func TestExtract_HealthDirectorateIsASource(t *testing.T) {
	text := "قصفت طائرات حربية محيط بلدة كفرنبودة فجر الاثنين. ونقلت وكالة رسمية عن مديرية صحة حماة أن خمسة أشخاص قتلوا جراء القصف على البلدة."
	got := extractAll(t, text, ymd("2025-12-10"))
	if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != 5 {
		t.Errorf("got %v; want one airstrike with 5 killed", describeAll(got))
	}
}

// A name told after "محيط قرية" runs on as after "قرية": "محيط قرية X Y"
// is the village X Y as written, though the gazetteer knows only X.
func TestExtract_NameAfterEdgeAndTypeWord(t *testing.T) {
	got := extractAll(t, "اعتقلت دورية شابين يرعيان الأغنام في محيط قرية صيدا الحانوت يوم الجمعة.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].PlaceNameAR != "صيدا الحانوت" {
		t.Errorf("got %v; want one arrest at صيدا الحانوت", describeAll(got))
	}
}

// An event told with a day of its own, weeks before the day of writing,
// after one of its kind told with none: two events, not one.
func TestExtract_OwnEarlierDayIsAnotherEvent(t *testing.T) {
	text := "اختطف مسلحون مجهولون شابين عند مدخل مدينة جرمانا، بحسب ناشطين. " +
		"وفي 28 آب الماضي، اختطف مسلحون ثلاثة رجال من أبناء بلدة القريا أثناء سفرهم."
	got := extractAll(t, text, ymd("2025-09-08"))
	if len(got) != 2 {
		t.Errorf("got %v; want two kidnappings", describeAll(got))
	}
}
