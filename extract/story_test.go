package extract

import (
	"slices"
	"testing"
)

// How a story tells one event over several sentences; every sentence is ours.

// TestExtract_PlaceToldLater: an event told by its area is placed at the
// village a later sentence with no incident word names inside that area, even
// after a sentence of detail; a home village told later is no such place.
func TestExtract_PlaceToldLater(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"قُتل شخصان بانفجار عبوة ناسفة بسيارة مدنية في ريف دير الزور الشرقي مساء أمس. " +
			"وأشارت مصادر محلية إلى أن العبوة كانت مزروعة أسفل السيارة. " +
			"وأوضحت المصادر أن السيارة كانت متوقفة أمام منزل صاحبها في بلدة الشحيل.", "الشحيل"},
		{"Gunmen shot dead a shop owner in Deir ez-Zor's eastern countryside on Monday. " +
			"A relative said the family had received threats for weeks. " +
			"The shooting happened in front of his shop in the town of al-Shuhail.", "al-Shuhail"},
		{"قُتل شاب برصاص مسلحين مجهولين في ريف درعا الغربي فجر اليوم. " +
			"وأفادت مصادر محلية بأن المسلحين فروا إلى جهة مجهولة. " +
			"والشاب من أبناء بلدة تل شهاب، ويعمل سائقاً على خط دمشق.", "ريف درعا الغربي"},
		// a place in another governorate is another story
		{"قُتل شخصان بانفجار عبوة ناسفة في ريف دير الزور الشرقي مساء أمس. " +
			"وأشارت مصادر محلية إلى أن العبوة كانت مزروعة أسفل السيارة. " +
			"وتشهد مدينة الرقة توتراً أمنياً منذ أيام.", "ريف دير الزور الشرقي"},
	} {
		got := extractAll(t, tc.text, ymd("2025-05-20"))
		if len(got) != 1 || placeOf(got[0]) != tc.want {
			t.Errorf("Extract(%q) = %v; want one incident at %q", tc.text, describeAll(got), tc.want)
		}
	}
}

// TestExtract_RetoldElsewhere: an event first told by the name of a
// governorate and then, on a source's word, at a finer place in another one
// is one event at the finer place; two arrests told one after the other stay
// two.
func TestExtract_RetoldElsewhere(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"أعلنت قوى الأمن الداخلي اعتقال قيادي في خلية تابعة لتنظيم داعش في دير الزور، مساء الأحد. " +
			"وبحسب بيان الأسايش، فقد جرى اعتقال القيادي في حي غويران بمدينة الحسكة.", []string{"غويران"}},
		{"Kurdish-led forces said they had arrested a senior Islamic State operative in Deir ez-Zor on Sunday. " +
			"According to a statement, he was captured in the Ghuwayran neighborhood of Hasakah city.", []string{"Ghuwayran"}},
		{"اعتقلت دورية من الأمن العام شابين في مدينة دير الزور، أمس السبت. " +
			"كما اعتقلت قوات الأسايش ثلاثة أشخاص في مدينة الحسكة.", []string{"دير الزور", "الحسكة"}},
		{"اعتقلت دورية من الأمن العام مطلوبين في دير الزور، أمس السبت. " +
			"واعتقلت قوات الأسايش ثلاثة أشخاص في مدينة الحسكة بتهمة تهريب السلاح.", []string{"دير الزور", "الحسكة"}},
	} {
		got := extractAll(t, tc.text, ymd("2025-02-10"))
		var places []string
		for _, c := range got {
			places = append(places, placeOf(c))
		}
		if !slices.Equal(places, tc.want) {
			t.Errorf("Extract(%q) = %v; want incidents at %q", tc.text, describeAll(got), tc.want)
		}
	}
}

// placeOf is a candidate's place as written in its report's language.
func placeOf(c Candidate) string {
	if DetectLanguage(c.Evidence) == langEnglish {
		return c.PlaceNameEN
	}
	return c.PlaceNameAR
}

// TestExtract_UntypedNames: names the gazetteer lacks that no singular type
// word introduces are kept where other words say they are places; the
// words of a side or a kind of spot are not read as names.
func TestExtract_UntypedNames(t *testing.T) {
	for _, tc := range []struct{ text, want, admin1 string }{
		{"قصفت قوات النظام بالمدفعية قرى خربة الشيخ علي والمشرفة الصغيرة بريف إدلب الجنوبي، ما أدى إلى إصابة امرأتين.", "خربة الشيخ علي", "SY07"},
		{"سقطت قذائف صاروخية على الحويجة الغربية ومحيطها في ريف دير الزور الشرقي، ما أدى إلى مقتل طفل.", "الحويجة الغربية", "SY09"},
		{"استهدفت طائرة مسيّرة محيط الزهيرية بريف الرقة الشمالي دون أن تسفر عن إصابات.", "الزهيرية", "SY11"},
		{"Turkish drones struck Kafr Mous, a small village in the northern countryside of Latakia, wounding two shepherds.", "Kafr Mous", "SY06"},
		{"Regime shelling hit the outskirts of Jubb al-Rayhan and nearby farms in southern Idlib, without casualties.", "Jubb al-Rayhan", "SY07"},
		// the plural with its article is no list of names
		{"ألقت مروحيات النظام براميل متفجرة على الأحياء السكنية في مدينة الأتارب بريف حلب الغربي.", "الأتارب", "SY02"},
	} {
		got := extractAll(t, tc.text, ymd("2025-08-21"))
		if len(got) != 1 || placeOf(got[0]) != tc.want || got[0].Admin1PCode != tc.admin1 {
			t.Errorf("Extract(%q) = %v; want one incident at %q in %s", tc.text, describeAll(got), tc.want, tc.admin1)
		}
	}
}

// TestExtract_OneEventTold: a killing and the attack that caused it are one
// event, and so is its retelling at a quarter of the city the gazetteer
// lacks; a further killing with its own toll at a village of its own is
// another event, however near.
func TestExtract_OneEventTold(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"قُتل عنصران من الشرطة عند حاجز في مدينة حماة، جراء هجوم نفذه مسلحون ملثمون على الحاجز. " +
			"ونقلت مصادر محلية أن الهجوم طال نقطة الحراسة في حي الضاحية الخضراء جنوبي المدينة.", []string{"الضاحية الخضراء"}},
		{"قُتل ثلاثة مقاتلين في قرية كنصفرة إثر اشتباكات بين فصيلين. " +
			"وقُتل مقاتل آخر في بلدة البارة إثر هجوم على أطراف البلدة.", []string{"كنصفرة", "البارة"}},
	} {
		got := extractAll(t, tc.text, ymd("2025-08-30"))
		var places []string
		for _, c := range got {
			places = append(places, placeOf(c))
		}
		if !slices.Equal(places, tc.want) {
			t.Errorf("Extract(%q) = %v; want incidents at %q", tc.text, describeAll(got), tc.want)
		}
	}
}

// TestExtract_NewsForms: a village named in quotes after its type word, a
// body found as a killing, an incursion told later at a place of its own as
// an incident apart from the arrest before it, and an event placed only by
// the authority that reports it.
func TestExtract_NewsForms(t *testing.T) {
	for _, tc := range []struct {
		text  string
		types []string
		place string
	}{
		{`عُثر على جثة شاب مقتولاً بطلق ناري في قرية "عين الشرقية" بريف جبلة.`, []string{TypeArmedAttack}, "عين الشرقية"},
		{"اعتقلت قوة إسرائيلية شاباً أثناء رعيه الأغنام في ريف القنيطرة الجنوبي اليوم. " +
			"وأشار المراسل إلى أن قوة أخرى توغلت مساء اليوم في قرية الرفيد جنوبي القنيطرة.", []string{TypeArrest, TypeOther}, ""},
		{"ضبطت الجهات المختصة في درعا شحنة حبوب مخدرة وألقت القبض على ناقليها.", []string{TypeArrest}, "درعا"},
	} {
		got := extractAll(t, tc.text, ymd("2025-08-21"))
		var types []string
		for _, c := range got {
			types = append(types, c.IncidentType)
		}
		if !slices.Equal(types, tc.types) || tc.place != "" && placeOf(got[0]) != tc.place {
			t.Errorf("Extract(%q) = %v; want %v at %q", tc.text, describeAll(got), tc.types, tc.place)
		}
	}
}

// TestExtract_NotThePlace: a hospital the wounded were taken to, a
// government named by its capital, and a person whose name a village shares
// are not where it happened; "the village" told again is named as the
// village it refers to.
func TestExtract_NotThePlace(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"قُتل عنصران بهجوم على حاجز عند أطراف بلدة تلبيسة، ونُقل الجرحى إلى مشفى حمص العسكري.", "تلبيسة"},
		{"Two soldiers of the Damascus government were killed when a drone struck their truck near the town of al-Mayadin.", "al-Mayadin"},
		{"استشهد مدني بانفجار دراجة نارية مفخخة في بلدة ذيبان، وأصيب كل من خضر العلي وعماد الحسن.", "ذيبان"},
		{"أطلقت القوات الإسرائيلية قذيفتين باتجاه محيط قرية كودنة. وقالت المصادر إن القذائف سقطت في أطراف القرية دون إصابات.", "كودنة"},
	} {
		got := extractAll(t, tc.text, ymd("2025-08-21"))
		if len(got) != 1 || placeOf(got[0]) != tc.want {
			t.Errorf("Extract(%q) = %v; want one incident at %q", tc.text, describeAll(got), tc.want)
		}
	}
	got := extractAll(t, "Two soldiers of the Damascus government were killed when a drone struck their truck near the town of al-Mayadin.", ymd("2025-08-21"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike {
		t.Errorf("killed … targeted by a drone = %v; want an airstrike", describeAll(got))
	}
}

// TestExtract_TollsAndAttempts: a failed attempt to arrest is no arrest; a
// preliminary toll told after the latest one adds nobody; a neighbourhood's
// mukhtar is named by his title, not where he was shot.
func TestExtract_TollsAndAttempts(t *testing.T) {
	got := extractAll(t, "استهدف مسلحون حاجزاً في بلدة الكسرة بالأسلحة النارية ما أدى إلى مقتل عنصر. "+
		"وطوّقت القوات البلدة سعياً للقبض على المهاجمين، دون جدوى.", ymd("2025-08-21"))
	if len(got) != 1 || got[0].IncidentType != TypeArmedAttack {
		t.Errorf("a failed arrest attempt = %v; want the attack only", describeAll(got))
	}
	got = extractAll(t, "سقطت قذيفتان على حي الصليبة في مدينة اللاذقية. وأفادت الوكالة بمقتل 12 شخصاً وجرح 40 آخرين في آخر حصيلة. "+
		"وكانت صفحات محلية قد تحدثت عن إصابة 15 آخرين في حصيلة أولية.", ymd("2025-08-21"))
	if len(got) != 1 || countStr(got[0].Injured) != "40" {
		t.Errorf("a preliminary toll after the latest = %v; want 40 injured", describeAll(got))
	}
	got = extractAll(t, "قُتل مختار حي الفردوس برصاص مسلحين في مدينة الرقة أثناء وجوده في سيارته.", ymd("2025-08-21"))
	if len(got) != 1 || placeOf(got[0]) != "الرقة" {
		t.Errorf("the mukhtar of a quarter = %v; want an attack in Raqqa city", describeAll(got))
	}
}
