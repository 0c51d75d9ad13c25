package extract

import "testing"

// Rules of round 17, Arabic and English. Every sentence here is ours.

// The type an event takes from its weapon and its doer: a foreign force's
// strike, the official media's "air aggression", Israel's missiles, a
// motorcycle that exploded, a gunshot; a military academy is no warplane.
func TestExtract_Round17Types(t *testing.T) {
	for _, tc := range []struct{ text, pub, want string }{
		{"أدت ضربة إسرائيلية على مستودع قرب بلدة الكسوة فجر اليوم إلى مقتل عنصرين.", "2023-05-02", TypeAirstrike},
		{"قُتل ثلاثة جنود حين نفذ العدو عدواناً جوياً على مواقع قرب بلدة الكسوة فجر اليوم.", "2023-05-02", TypeAirstrike},
		{"استهدف قصف صاروخي إسرائيلي تل الجموع غرب بلدة نوى فجر اليوم.", "2023-05-02", TypeAirstrike},
		{"استهدف قصف مدفعي إسرائيلي أطراف بلدة كودنا فجر اليوم.", "2023-05-02", TypeShelling},
		{"أصيب خمسة مدنيين بانفجار دراجة نارية قرب دوار البلدية في مدينة جاسم صباح اليوم.", "2023-05-02", TypeBombing},
		{"وكانت دراجة نارية قد انفجرت صباح اليوم قرب سوق مدينة جاسم وأصيب ثلاثة أشخاص.", "2023-05-02", TypeBombing},
		{"قُتل رجل بانفجار سيارة ملغمة في مدينة جاسم صباح اليوم.", "2023-05-02", TypeBombing},
		{"أصيب رجل بطلق ناري طائش في بلدة الشيخ مسكين مساء أمس.", "2023-05-02", TypeArmedAttack},
		{"هاجم مسلحون مدخل الكلية الحربية بمدينة حمص ليلة أمس وتصدى لهم الحراس.", "2023-05-02", TypeArmedAttack},
		{"قصفت المقاتلات أطراف بلدة كنصفرة مساء أمس.", "2023-05-02", TypeAirstrike},
	} {
		got := extractAll(t, tc.text, ymd(tc.pub))
		if len(got) != 1 || got[0].IncidentType != tc.want {
			t.Errorf("Extract(%q) = %v; want one %s", tc.text, describeAll(got), tc.want)
		}
	}
}

// What may explode, a search without arrests and an incursion told as a
// force entering are no bombing and no arrest.
func TestExtract_NoEventInTheWords(t *testing.T) {
	got := extractAll(t, "عرض المدربون في مدينة دير الزور أنواع المخلفات القابلة للانفجار وطرق الإبلاغ عنها.", ymd("2024-06-01"))
	if len(got) != 0 {
		t.Errorf("an awareness session: got %v; want nothing", describeAll(got))
	}
	for _, text := range []string{
		"A military patrol entered the village of Jubata al-Khashab on Sunday without carrying out arrests, residents said.",
		"دخلت دورية عسكرية قرية جباتا الخشب يوم الأحد دون تنفيذ اعتقالات، بحسب الأهالي، وتوغلت في أطرافها.",
	} {
		got := extractAll(t, text, ymd("2025-09-22"))
		if len(got) != 1 || got[0].IncidentType != TypeOther || got[0].PlaceNameAR != "جباتا الخشب" {
			t.Errorf("Extract(%q) = %v; want one incursion (other) at Jubata al-Khashab", text, describeAll(got))
		}
	}
	got = extractAll(t, "قُتل مدني بقصف مدفعي على بلدة كودنا دون وقوع إصابات أخرى.", ymd("2025-09-22"))
	if len(got) != 1 || got[0].IncidentType != TypeShelling {
		t.Errorf("no further casualties: got %v; want the shelling", describeAll(got))
	}
}

// A reporter's post is no place of the event; a colon after the reporter
// ends the post, and "أن" ends a name.
func TestExtract_CorrespondentsPost(t *testing.T) {
	wantOnePlace(t, "أفاد مراسل شبكة الجنوب في درعا بأن سيارة انفجرت بعبوة ناسفة في بلدة المزيريب صباح اليوم.", "2024-02-10", "المزيريب")
	wantOnePlace(t, "ذكر شهود عيان في ريف حلب أن عبوة انفجرت بحافلة صباح اليوم.", "2024-02-10", "ريف حلب") // not "حلب أن", Halban
	wantOnePlace(t, "مراسل الشبكة: خطف مسلحون شاباً في بلدة المزيريب مساء أمس.", "2024-02-10", "المزيريب")
}

// A month's toll over many incidents is a tally; an event told before the
// run of its kind stands.
func TestExtract_MonthTallyOverIncidents(t *testing.T) {
	got := extractAll(t, "أحصى مرصد محلي خلال شهر آذار الماضي مقتل 9 أشخاص في حوادث أمنية شهدتها مدينة درعا، أو هجمات طالت أبناءها خارجها.", ymd("2024-04-02"))
	if len(got) != 0 {
		t.Errorf("a month's tally: got %v; want nothing", describeAll(got))
	}
	got = extractAll(t, "استهدفت عبوة ناسفة سيارة في حي الكاشف بمدينة درعا، ما أسفر عن إصابة شخصين، حيث تكررت حوادث العبوات في شهر آذار.", ymd("2024-04-02"))
	if len(got) != 1 || got[0].IncidentType != TypeBombing {
		t.Errorf("an event, then its kind's run: got %v; want the bombing", describeAll(got))
	}
}

// English: a weekday is no place, nor a word counting the places a plural
// type word names.
func TestExtract_WeekdaysAndQuantifiersAreNoPlaces(t *testing.T) {
	got := extractAll(t, "The toll from Friday’s suicide attack on the market of Jisr al-Shughur has climbed to 17, medics said.", ymd("2024-05-06"))
	if len(got) != 1 || got[0].PlaceNameAR != "جسر الشغور" {
		t.Errorf("got %v; want the bombing at Jisr al-Shughur", describeAll(got))
	}
	got = extractAll(t, "Government troops fought rebels in the villages of Kinsabba and Salma, activists said. "+
		"Both villages lie east of the town of Mhardeh and the nearby dam, which rebels captured on Sunday.", ymd("2014-04-02"))
	for _, c := range got {
		for _, p := range c.Places {
			if p.Text == "Both villages" {
				t.Errorf("\"Both villages\" read as a place: %v", describeAll(got))
			}
		}
	}
}

// Counts: a toll told as risen without the word "toll", people named by
// their creed, a leader and his men, one named and another, bodies counted
// after their word, the one an assassination names after its doers, the one
// shot dead after the weapon told between commas.
func TestExtract_Round17Counts(t *testing.T) {
	ptr := func(v int) *int { return &v }
	for _, tc := range []struct {
		text                      string
		killed, injured, arrested *int
	}{
		{"The death from Friday’s suicide attack on the market of Jisr al-Shughur has climbed to 17, medics said.", ptr(17), nil, nil},
		{"The number of people killed by the rockets on Douma has risen to 19.", ptr(19), nil, nil},
		{"The number of wounded in the shelling of Douma has risen to 24.", nil, nil, nil},
		{"On Friday evening, two young Christians were shot dead by masked men in the town of Mhardeh.", ptr(2), nil, nil},
		{"The raid in Douma on Tuesday ended with the arrest of its commander and 4 of his men.", nil, nil, ptr(5)},
		{"Police arrested a smuggler and two of his aides in Douma on Tuesday.", nil, nil, ptr(3)},
		{"Masked men shot dead, with hunting rifles, a guard of the grain silos in the town of Mhardeh on Monday.", ptr(1), nil, nil},
		{"اعتقلت قوات الأمن المعلم أحمد الخطيب وشخصاً آخر من منزلهما في بلدة سرمين مساء اليوم.", nil, nil, ptr(2)},
		{"عثر الأهالي على جثث ثلاثة أشقاء مقتولين قرب قرية حيالين بريف حماة الغربي صباح اليوم.", ptr(3), nil, nil},
		{"اغتال مجهولون يستقلون سيارة الشاب حسن العلي أمام محله في قرية محيميدة بريف دير الزور صباح اليوم.", ptr(1), nil, nil},
	} {
		got := extractAll(t, tc.text, ymd("2024-05-06"))
		if len(got) != 1 || !sameCount(got[0].Killed, tc.killed) || !sameCount(got[0].Injured, tc.injured) || !sameCount(got[0].Arrested, tc.arrested) {
			t.Errorf("Extract(%q) = %v; want killed %v injured %v arrested %v", tc.text, describeAll(got), countStr(tc.killed), countStr(tc.injured), countStr(tc.arrested))
		}
	}
}

// The movement ("الحراك") is no town unless told as one, and "بعد" is a
// distance only in "على بعد".
func TestExtract_MovementAndAfter(t *testing.T) {
	for _, text := range []string{
		"اعتقلت الهيئة شاباً بعد مداهمة منزله في مدينة سرمين بسبب مشاركته في الحراك ضد الهيئة.",
		"اعتقلت دورية شاباً بعد مداهمة منزله في مدينة سرمين صباح اليوم.",
	} {
		got := extractAll(t, text, ymd("2024-06-24"))
		if len(got) != 1 || placeOf(got[0]) != "سرمين" || len(got[0].Places) == 0 || got[0].Places[0].Role != RoleIncident {
			t.Errorf("Extract(%q) = %v; want one arrest at سرمين, the place it happened", text, describeAll(got))
		}
	}
}

// One event or two: "this bombing" is the one told; a strike told "also" at
// villages of its own is another, however near.
func TestExtract_Round17Events(t *testing.T) {
	got := extractAll(t, "Warplanes fired missiles on the village of Kafr Nabl on Thursday, killing three civilians. "+
		"This bombing followed an attack by government helicopters using barrel bombs that killed a woman.", ymd("2019-12-20"))
	for _, c := range got {
		if c.IncidentType != TypeAirstrike {
			t.Errorf("\"this bombing\" and barrel bombs: got %v; want airstrikes only", describeAll(got))
			break
		}
	}
	got = extractAll(t, "أصيب طفل بغارة جوية روسية على قرية بلشون بريف إدلب مساء أمس. "+
		"واستهدفت الطائرات الحربية أيضاً محيط قريتي أحسم وجوزف في الريف نفسه دون أن توقع إصابات.", ymd("2023-10-14"))
	if len(got) != 2 {
		t.Errorf("a strike told also elsewhere: got %v; want two airstrikes", describeAll(got))
	}
}

// English names: a sentence adverb and an office's word are no places, and a
// village's whole name stands though the gazetteer knows a word of it.
func TestExtract_Round17EnglishNames(t *testing.T) {
	got := extractAll(t, "Meanwhile, villages in rural southern Idlib came under rocket fire from government forces.", ymd("2019-11-02"))
	for _, c := range got {
		for _, p := range c.Places {
			if p.Text == "Meanwhile, villages" || c.PlaceNameEN == "Meanwhile" {
				t.Errorf("\"Meanwhile\" read as a place: %v", describeAll(got))
			}
		}
	}
	got = extractAll(t, "The Narcotics Control Bureau arrested three dealers in the town of Jubbeh on Saturday.", ymd("2023-05-28"))
	if len(got) != 1 || got[0].Admin1Name != "Rif Dimashq" {
		t.Errorf("an office's word: got %v; want one arrest at Jubbeh, Rif Dimashq", describeAll(got))
	}
	got = extractAll(t, "Security forces raided the town of Ghour al-Gharbiya near Homs on Tuesday and found an arms depot.", ymd("2025-03-12"))
	if len(got) == 0 || got[0].PlaceNameEN != "Ghour al-Gharbiya" {
		t.Errorf("got %v; want the raid at Ghour al-Gharbiya", describeAll(got))
	}
}

// Read from real15: "نتيجة لـ" tells a cause, not a purpose; "من العام"
// joins a month to its year; a group is counted with its subgroup told
// after it, and the children with their mother; how "the incident" began is
// the incident told before.
func TestExtract_Round17Arabic15(t *testing.T) {
	got := extractAll(t, "قُتل 4 مدنيين نتيجة لانفجار سيارة مفخخة في سوق مدينة إعزاز، فيما ألقت الشرطة القبض على مشتبه به.", ymd("2024-02-10"))
	if len(got) == 0 || got[0].IncidentType != TypeBombing || !sameCount(got[0].Killed, ptrInt(4)) {
		t.Errorf("a cause: got %v; want the bombing with 4 killed first", describeAll(got))
	}
	got = extractAll(t, "قالت مصادر إن 6 مدنيين بينهم طفلان قتلوا بتفجير سيارة مفخخة في سوق مدينة إعزاز، التي تسيطر عليها الفصائل منذ آذار من العام 2018.", ymd("2024-02-10"))
	if len(got) != 1 || !sameCount(got[0].Killed, ptrInt(6)) || !got[0].DateFrom.IsZero() && got[0].DateFrom.Year() == 2018 {
		t.Errorf("a group and its subgroup, and a period's start: got %v; want 6 killed, not dated 2018", describeAll(got))
	}
	got = extractAll(t, "وقال طبيب إن المشفى استقبل أربعة أطفال ووالدهم أُصيبوا بانفجار قنبلة في حي غويران بمدينة الحسكة.", ymd("2024-02-10"))
	if len(got) != 1 || !sameCount(got[0].Injured, ptrInt(5)) {
		t.Errorf("children and their father: got %v; want 5 injured", describeAll(got))
	}
	got = extractAll(t, "قُتل أربعة أشخاص في اشتباكات بين عائلتين في مدينة شهبا اليوم. "+
		"وقال أحد الأقارب إن الحادثة بدأت عندما أطلق شاب النار على جاره ما أدى إلى مقتله.", ymd("2021-07-18"))
	if len(got) != 1 || !sameCount(got[0].Killed, ptrInt(4)) {
		t.Errorf("how the incident began: got %v; want one clash with 4 killed", describeAll(got))
	}
}

func ptrInt(v int) *int { return &v }

// English, read from real15: an operation against cells told with a clash
// is the clash; "a similar attack" is of the kind told before; a number of
// tens and units is written with a hyphen.
func TestExtract_Round17English15(t *testing.T) {
	got := extractAll(t, "Government forces clashed with a local faction in Raqqa city on Monday in security operations targeting terror cells.", ymd("2018-06-05"))
	if len(got) != 1 || got[0].IncidentType != TypeClash {
		t.Errorf("got %v; want one clash", describeAll(got))
	}
	got = extractAll(t, "Mortar rounds fell on the Bab Touma quarter of Damascus on Wednesday, wounding five people.\n\n"+
		"A day earlier, two women died in a similar attack on Jaramana.", ymd("2013-10-23"))
	if len(got) != 2 || got[1].IncidentType != TypeShelling {
		t.Errorf("a similar attack: got %v; want two shellings", describeAll(got))
	}
	got = extractAll(t, "Fifty-three farmers were killed in an attack near the town of Sukhnah on Friday.", ymd("2023-02-18"))
	if len(got) != 1 || !sameCount(got[0].Killed, ptrInt(53)) {
		t.Errorf("got %v; want 53 killed", describeAll(got))
	}
}

// A fight between two sides is a clash, and a killing told with it after
// "while", with no place of its own, is its toll.
func TestExtract_FightAndItsToll(t *testing.T) {
	got := extractAll(t, "A fight broke out yesterday between two armed groups in the Sayeda Zeinab area. "+
		"The clashes left several people wounded, while a boy was killed by a stray bullet.", ymd("2021-06-10"))
	if len(got) != 1 || got[0].IncidentType != TypeClash || !sameCount(got[0].Killed, ptrInt(1)) {
		t.Errorf("got %v; want one clash with one killed", describeAll(got))
	}
}

// An attack told only by its governorate, with no toll, before or after a
// violent event at a place inside it on the same day (of its kind, unless
// it is a bare attack), stands for that event or for none; a region told as
// where it happened stays.
func TestExtract_ProvinceLead(t *testing.T) {
	got := extractAll(t, "شهدت درعا هجوماً جديداً اليوم. فقد قُتل شاب برصاص مجهولين في بلدة المزيريب غربي درعا.", ymd("2023-09-17"))
	if len(got) != 1 || placeOf(got[0]) != "المزيريب" {
		t.Errorf("got %v; want the killing at المزيريب alone", describeAll(got))
	}
	got = extractAll(t, "Regime rockets killed five civilians in Idlib on Saturday, a monitor said. The shelling hit the village of Kansafra late Saturday. "+
		"Hours before, regime artillery pounded Idlib as well, the monitor added.", ymd("2021-07-18"))
	if len(got) != 2 {
		t.Errorf("a shelling told by the governorate alone: got %v; want two shellings, none of them of Idlib alone with no toll", describeAll(got))
	}
	got = extractAll(t, "تعرضت دورية لكمين مسلح في ريف اللاذقية الشمالي صباح اليوم. "+
		"وفي 22 كانون الأول الفائت هاجم مسلحون حاجزاً في مدينة جبلة ما أدى إلى مقتل عنصرين.", ymd("2025-02-01"))
	if len(got) != 2 {
		t.Errorf("a region and another day: got %v; want two attacks", describeAll(got))
	}
}

// "Abu X" after a person's given names is his family name, not a place.
func TestExtract_KunyaIsNoPlace(t *testing.T) {
	got := extractAll(t, "On Monday, Khaled Mahmoud Abu Horan was found dead at his farm, shot by masked men.", ymd("2023-01-03"))
	for _, c := range got {
		if c.Admin1Name != "" {
			t.Errorf("got %v; want no place", describeAll(got))
		}
	}
}

// An event told first by its governorate alone, on the day it was reported,
// then by a definite word at a place inside it, is placed and dated there.
func TestExtract_PlacedInTheNextSentence(t *testing.T) {
	got := extractAll(t, "Government rocket fire killed four civilians in Idlib, a monitor said on Sunday. "+
		"The shelling hit the village of Kansafra late Saturday.", ymd("2021-07-18"))
	if len(got) != 1 || got[0].PlaceNameEN != "Kansafra" || got[0].DateFrom.Format("2006-01-02") != "2021-07-17" || !sameCount(got[0].Killed, ptrInt(4)) {
		t.Errorf("got %v; want one shelling at Kansafra on 2021-07-17 with four killed", describeAll(got))
	}
}

// A word in the masculine nisba after a feminine type word is a name: an
// adjective would agree with it ("قرية حدودية").
func TestExtract_NisbaNameAfterFeminineType(t *testing.T) {
	wantOnePlace(t, "استهدفت مسيرة تركية موقعاً عسكرياً في قرية قزعلي شمالي الرقة، ما أدى لمقتل عنصر.", "2022-07-26", "قزعلي")
	got := extractAll(t, "استهدفت مسيرة تركية موقعاً في منطقة زراعية شمالي الرقة، ما أدى لمقتل عنصر.", ymd("2022-07-26"))
	if len(got) != 1 || placeOf(got[0]) == "زراعية" {
		t.Errorf("an adjective that agrees: got %v; want no place named زراعية", describeAll(got))
	}
}

// "ريف X الأوسط" is the middle of X's countryside, told whole.
func TestExtract_MiddleCountryside(t *testing.T) {
	wantOnePlace(t, "خطف مسلحون مجهولون طبيباً في ريف درعا الأوسط مساء أمس، وطالبوا بفدية مالية.", "2023-03-20", "ريف درعا الأوسط")
}

// wantOnePlace checks that text gives one incident, at want (as written in
// the text's language's place name).
func wantOnePlace(t *testing.T, text, published, want string) {
	t.Helper()
	got := extractAll(t, text, ymd(published))
	if len(got) != 1 || placeOf(got[0]) != want {
		t.Errorf("Extract(%q) = %v; want one incident at %s", text, describeAll(got), want)
	}
}

// An unknown village told with its type word, then a direction from a city
// that the gazetteer reads with that type word, lies in the city's
// governorate.
func TestExtract_UnknownVillageNorthOfACity(t *testing.T) {
	got := extractAll(t, "Gunmen attacked a checkpoint outside al-Jiflah village north of Raqqa, a monitor said.", ymd("2022-04-22"))
	if len(got) != 1 || got[0].Admin1Name != "Raqqa" {
		t.Errorf("got %v; want one attack in Raqqa governorate", describeAll(got))
	}
}
