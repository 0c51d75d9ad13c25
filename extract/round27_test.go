package extract

import (
	"slices"
	"strings"
	"testing"
)

// Rules of round 27. Every sentence here is ours.

// TestExtract_TheSameShellingKeepsItsToll: people killed "في القصف ذاته"
// ("in the same shelling"), told in a clause after the shelling, are its
// dead, not those of the air strikes the sentence tells next.
func TestExtract_TheSameShellingKeepsItsToll(t *testing.T) {
	for _, same := range []string{"ذاته", "نفسه"} {
		text := "استهدفت المدفعية منازل في مدينة أريحا، ما تسبب بأضرار مادية، بينما قتل ثلاثة مدنيين في القصف " + same +
			"، كما ارتفع إلى 5 عدد الغارات الجوية على بلدة سرجة."
		got := extractAll(t, text, ymd("2020-02-11"))
		if len(got) != 2 || got[0].IncidentType != TypeShelling || countStr(got[0].Killed) != "3" ||
			got[1].IncidentType != TypeAirstrike || countStr(got[1].Killed) != "null" {
			t.Errorf("%s: got %v; want the shelling of Ariha with its 3 dead, then the air strikes on Serjeh", same, describeAll(got))
		}
	}
}

// TestExtract_ExchangeOfFireIsAClash: fire exchanged ("بتبادل لإطلاق
// النار", "تبادل مسلحون إطلاق النار مع دورية") comes from both sides: a clash,
// as "an exchange of fire" is in English. A prisoner exchange is no event.
func TestExtract_ExchangeOfFireIsAClash(t *testing.T) {
	for _, text := range []string{
		"قتل مقاتل وأصيب اثنان بتبادل لإطلاق النار بين فصيلين في مدينة الباب أمس.",
		"قتل شاب خلال تبادل إطلاق نار بين عائلتين في بلدة الحراك.",
		"تبادل مسلحون إطلاق النار مع دورية للشرطة في مدينة الصنمين.",
	} {
		oneEvent(t, text, "2021-05-04", TypeClash)
	}
	wantNone(t, "جرت عملية تبادل للأسرى بين الطرفين قرب مدينة الباب.") // a prisoner exchange
}

// TestExtract_CeasefireIsNoFire: "وقف إطلاق النار" is a ceasefire: no
// armed attack where it is agreed, announced or said to be breached.
func TestExtract_CeasefireIsNoFire(t *testing.T) {
	wantNone(t,
		"أعلنت روسيا وتركيا وقف إطلاق النار في ريف إدلب اعتباراً من منتصف الليل.",
		"تبادل الطرفان الاتهامات بخرق اتفاق وقف إطلاق النار في ريف حلب الغربي.",
	)
}

// TestExtract_AlsoOpensAnotherEvent: a sentence opening with "كما" or
// "كذلك" tells one more event, even of the same kind in a town next to the
// last one's, or after an event placed nowhere.
func TestExtract_AlsoOpensAnotherEvent(t *testing.T) {
	for _, text := range []string{
		"اندلعت اشتباكات عنيفة في بلدة الفوعة وقتل أربعة مقاتلين. كما اندلعت اشتباكات في مدينة بنش.",
		"اندلعت اشتباكات عنيفة في بلدة الفوعة وقتل أربعة مقاتلين. كذلك دارت اشتباكات في مدينة بنش.",
		"تصدى الأهالي لهجوم المسلحين وقتل أربعة منهم. كما تمت ملاحقة المسلحين عند مدخل مدينة سراقب وأسفر الاشتباك عن مقتل اثنين.",
	} {
		if got := extractAll(t, text, ymd("2013-05-02")); len(got) != 2 {
			t.Errorf("Extract(%q) = %v; want two events", text, describeAll(got))
		}
	}
}

// TestExtract_VigilsOnAnAnniversaryAreNoEvent: vigils ("وقفات") held on a
// massacre's anniversary ("في ذكراها الخامسة") remember it; "the massacres
// of the regime since 2011" are years of them, no one event.
func TestExtract_VigilsOnAnAnniversaryAreNoEvent(t *testing.T) {
	wantNone(t,
		"نظم ناشطون أمس وقفات في ساحة مدينة الباب رفعوا خلالها صوراً تذكر بالمجزرة في ذكراها الخامسة.",
		"طالبت المنظمة بالتحقيق في مجازر القوات الحكومية منذ عام 2012 بمدينة حمص.",
	)
}

// TestExtract_NameAsWrittenStopsAtSince: an unknown word after a place's
// name continues it ("قرية X الشرقية"), but "منذ" and "حتى" begin a time:
// "قرية لطمين منذ" is no name.
func TestExtract_NameAsWrittenStopsAtSince(t *testing.T) {
	got := extractAll(t, "قتل مدنيان في غارات على قرية لطمين منذ صباح اليوم.", ymd("2019-07-30"))
	if len(got) != 1 || got[0].PlaceNameAR != "لطمين" {
		t.Errorf("got %v; want the strikes on لطمين", describeAll(got))
	}
	for _, c := range got {
		for _, p := range c.Places {
			if strings.Contains(p.Text, "منذ") {
				t.Errorf("place %q holds the word of time after the name", p.Text)
			}
		}
	}
}

// TestExtract_DawnIsNoDetonation: "فجر اليوم" is dawn, not "فجّر" (he set
// off): a depot that blew up at dawn with no bomb named is an explosion of
// untold cause, "other"; a bomber who blew himself up at dawn is a bombing.
func TestExtract_DawnIsNoDetonation(t *testing.T) {
	for _, tc := range []struct{ text, typ string }{
		{"انفجر مستودع للذخيرة قرب قرية الفرقلس بريف حمص فجر اليوم.", TypeOther},
		{"وقع انفجار في مدينة القريتين فجر الأربعاء.", TypeOther},
		{"فجر انتحاري نفسه عند حاجز في مدينة القريتين فجر اليوم.", TypeBombing},
	} {
		oneEvent(t, tc.text, "2022-09-21", tc.typ)
	}
}

// TestExtract_ASourcesSeatIsNoPlace: where an outlet or a monitor sits
// ("ومقرها دمشق", "ومقره في لندن") is not where the event it tells was.
func TestExtract_ASourcesSeatIsNoPlace(t *testing.T) {
	got := extractAll(t, "قالت إذاعة خاصة ومقرها دمشق إن انفجاراً وقع في بلدة الكسوة صباح اليوم.", ymd("2022-09-21"))
	if len(got) != 1 || got[0].PlaceNameEN != "Al Kiswah" {
		t.Errorf("got %v; want the explosion in al-Kiswah alone", describeAll(got))
	}
	for _, c := range got {
		for _, pl := range placeTexts(c) {
			if pl == "دمشق" {
				t.Errorf("the radio's seat %q is among the places", pl)
			}
		}
	}
}

// TestExtract_GroundShellingOfAForeignArmy: "قصف بري" is fire from the
// ground, and so is the bombardment of a foreign army told by its forces
// with a preposition glued to them ("بقصف للقوات التركية"); the drone such
// forces own still strikes from the air.
func TestExtract_GroundShellingOfAForeignArmy(t *testing.T) {
	for _, tc := range []struct{ text, typ string }{
		{"أصيب ثلاثة مدنيين نتيجة قصف بري إسرائيلي على بلدة كودنة في ريف القنيطرة.", TypeShelling},
		{"أصيب ثلاثة مدنيين بقصف للقوات التركية على قرية الدردارة في ريف الحسكة.", TypeShelling},
		{"أصيب ثلاثة مدنيين بقصف نفذته طائرة مسيرة تابعة للقوات التركية على قرية الدردارة في ريف الحسكة.", TypeAirstrike},
	} {
		oneEvent(t, tc.text, "2021-08-18", tc.typ)
	}
}

// TestExtract_TownInAForeignValley: a town told "in the Bekaa valley, east
// of Lebanon" ("في وادي البقاع شرق لبنان") lies abroad, though the
// gazetteer knows neither it nor the valley.
func TestExtract_TownInAForeignValley(t *testing.T) {
	wantNone(t,
		"أوقف الجيش اللبناني أمس ثلاثة سوريين في بلدة القاع في وادي البقاع شرق لبنان.",
		"The Lebanese army detained three Syrians in the town of Qaa in the Bekaa valley in eastern Lebanon on Friday.",
	)
}

// TestExtract_MineAndBombToldTogether: a landmine's blast ("بانفجار لغم")
// is of no bomb, though the sentence tells an IED besides; "كما (و)أصيب"
// opens the IED's clause, another event with its own wounded.
func TestExtract_MineAndBombToldTogether(t *testing.T) {
	for _, also := range []string{"كما أصيب", "كما وأصيب"} {
		text := "قتل راع بانفجار لغم أرضي في قرية الكرامة بريف الرقة، " + also + " ثلاثة عناصر بانفجار عبوة ناسفة بسيارة عسكرية قرب بلدة عين عيسى."
		got := extractAll(t, text, ymd("2019-04-02"))
		if len(got) != 2 || got[0].IncidentType != TypeOther || countStr(got[0].Killed) != "1" ||
			got[1].IncidentType != TypeBombing || countStr(got[1].Injured) != "3" {
			t.Errorf("%s: got %v; want the mine's blast (other, 1 dead), then the IED (bombing, 3 wounded)", also, describeAll(got))
		}
	}
}

// TestExtract_DroneOwnedByHitsFromTheAir: "a drone, apparently owned by
// Israel, hit" is an air strike though words of ownership stand between the
// aircraft and its verb.
func TestExtract_DroneOwnedByHitsFromTheAir(t *testing.T) {
	oneEvent(t, "A farmer died on Thursday after a drone, apparently owned by Israel, hit the tractor he drove near Khan Arnabah in Quneitra province.", "2020-02-27", TypeAirstrike)
}

// TestExtract_CountedCrimesAreATally: "12 murders since the start of the
// month", "وثق المرصد 9 جرائم منذ مطلع الشهر" count many events over a
// period: no incident of their own.
func TestExtract_CountedCrimesAreATally(t *testing.T) {
	wantNone(t,
		"A monitoring group said 12 murders have been committed in government-held areas of Homs since the start of the month, leaving 15 people dead.",
		"Activists recorded 11 assassinations across rural Deir ez-Zor since January.",
		"وثق المرصد 9 جرائم قتل في محافظة حمص منذ مطلع الشهر الجاري راح ضحيتها 12 شخصاً.",
	)
}

// TestExtract_StreetNamedAfterACapital: "Baghdad Street", "شارع بيروت" are
// streets of a Syrian town, not the capitals abroad they are named after.
func TestExtract_StreetNamedAfterACapital(t *testing.T) {
	for _, text := range []string{
		"A mortar round fell on Baghdad Street on Sunday, wounding four passers-by.",
		"أصيب ثلاثة مدنيين بسقوط قذيفة هاون في شارع بغداد صباح الأحد.",
	} {
		oneEvent(t, text, "2013-11-17", TypeShelling)
	}
}

// TestExtract_TheForeignShellingToldAgain: "جراء القصف التركي على X"
// after a shelling of X told in the lead, beside another's elsewhere, is
// that shelling with its toll: no air strike of its own, though the
// foreign adjective alone reads as one. (The villages' shelling may be told
// with it: the test asks only for the toll's event.)
func TestExtract_TheForeignShellingToldAgain(t *testing.T) {
	text := "قصفت القوات التركية صباح اليوم بلدة عين عيسى، بالتزامن مع قصف قرى في ريف تل أبيض. " +
		"وقتل مدني وأصيب ثلاثة آخرون جراء القصف التركي على بلدة عين عيسى."
	got := extractAll(t, text, ymd("2020-06-10"))
	if len(got) == 0 || got[0].IncidentType != TypeShelling || countStr(got[0].Killed) != "1" || countStr(got[0].Injured) != "3" {
		t.Errorf("got %v; want the shelling of Ain Issa with its dead and wounded", describeAll(got))
	}
	for _, c := range got {
		if c.IncidentType == TypeAirstrike {
			t.Errorf("got %v; want no air strike", describeAll(got))
		}
	}
}

// TestExtract_AShootingIsNoBlast: a shooting told after a blast in the
// same town ("أطلق مسلحون النار على منزل في X" after "تفجير صالة في X") is
// an event of its own; an attack told as "an attack", then named a
// bombing, stays one. The man shot "ما أدى إلى إصابته ووفاته" is one dead.
func TestExtract_AShootingIsNoBlast(t *testing.T) {
	text := "استهدف تفجير مساء أمس محلاً تجارياً في مدينة الصنمين. " +
		"وفي وقت لاحق أطلق ملثمون النار على منزل الشاب خالد في الحي الغربي بمدينة الصنمين، ما أدى إلى إصابته ووفاته بعد ساعة."
	got := extractAll(t, text, ymd("2024-07-03"))
	if len(got) != 2 || got[0].IncidentType != TypeBombing || got[1].IncidentType != TypeArmedAttack || countStr(got[1].Killed) != "1" {
		t.Errorf("got %v; want the blast, then the shooting with its one dead", describeAll(got))
	}
}

// TestExtract_AircraftTargetingInALaterClause: warplanes told as the doer,
// then "حيث استهدفت منازل" in a clause after: the aircraft struck, an air
// strike; "أحياء وأسواق المدينة" names the city's quarters and markets, no
// place called أسواق.
func TestExtract_AircraftTargetingInALaterClause(t *testing.T) {
	got := extractAll(t, "قالت فرق الإسعاف إن الطائرات الحربية ارتكبت مجزرة في بلدة حمورية بالغوطة الشرقية، حيث استهدفت منازل المدنيين ليلاً وقتلت أربعة منهم.", ymd("2016-11-20"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike {
		t.Errorf("got %v; want one air strike", describeAll(got))
	}
	for _, c := range extractAll(t, "تعرضت مدينة حمورية أمس لقصف مدفعي عنيف استهدف أحياء وأسواق المدينة.", ymd("2016-11-20")) {
		for _, pl := range placeTexts(c) {
			if strings.Contains(pl, "أسواق") {
				t.Errorf("place %q: the markets are no place's name", pl)
			}
		}
	}
}

// TestExtract_PortOfATownAsWritten: the place of a strike on "مرفأ
// اللاذقية" or "مطار الضبعة" is told with the work, as written; its point
// is the town's.
func TestExtract_PortOfATownAsWritten(t *testing.T) {
	for _, tc := range []struct{ text, place string }{
		{"شنت طائرات إسرائيلية غارة على مرفأ اللاذقية ليلة الأحد وأشعلت حريقاً.", "مرفأ اللاذقية"},
		{"شنت طائرات إسرائيلية غارة على مطار الضبعة ليلة الأحد وأشعلت حريقاً.", "مطار الضبعة"},
	} {
		got := extractAll(t, tc.text, ymd("2021-12-28"))
		if len(got) != 1 || !slices.Contains(placeTexts(got[0]), tc.place) {
			t.Errorf("Extract(%q) = %v; want one event at %q", tc.text, describeAll(got), tc.place)
		}
	}
}

// TestExtract_MurderedAreKilled: "murdered a driver", "was murdered",
// "assassinated two officials" count the dead as "killed" does.
func TestExtract_MurderedAreKilled(t *testing.T) {
	for _, tc := range []struct{ text, killed string }{
		{"Masked men murdered a baker at his oven in Tabqa late on Monday.", "1"},
		{"A teacher was murdered in Tabqa late on Monday.", "1"},
		{"Masked men assassinated two local officials in Tabqa late on Monday.", "2"},
	} {
		got := extractAll(t, tc.text, ymd("2022-04-26"))
		if len(got) != 1 || countStr(got[0].Killed) != tc.killed {
			t.Errorf("Extract(%q) = %v; want one attack, killed %s", tc.text, describeAll(got), tc.killed)
		}
	}
}

// TestExtract_DroneAttacksToldAfterTheirDoer: "نفذ الطيران المسير ثلاث
// هجمات صاروخية" are the drones' strikes, though missiles alone read as
// rockets from the ground; gunmen told after their verb in another clause
// ("فيما هاجم مسلحون حاجزاً") still shoot.
func TestExtract_DroneAttacksToldAfterTheirDoer(t *testing.T) {
	oneEvent(t, "ونفذ الطيران المسير التركي أمس ثلاث هجمات صاروخية على نقاط عسكرية في قرية الشيوخ.", "2024-12-20", TypeAirstrike)
	got := extractAll(t, "قصفت الطائرات الحربية بلدة كفرنبل، فيما هاجم مسلحون حاجزاً في بلدة معرة حرمة.", ymd("2020-01-01"))
	if len(got) != 2 || got[0].IncidentType != TypeAirstrike || got[1].IncidentType != TypeArmedAttack {
		t.Errorf("got %v; want the air strike, then the gunmen's attack", describeAll(got))
	}
}

// TestExtract_HeadlineThenMeanwhile: a headline line with no full stop,
// then its story opened by "Meanwhile," or "في سياق آخر،", is one event: the
// opener sets the story apart from the one before the headline, not from it.
func TestExtract_HeadlineThenMeanwhile(t *testing.T) {
	for _, text := range []string{
		"Farmer wounded by shell in Hama countryside\n\nMeanwhile, a farmer was wounded when a shell fell on his land near the village of Tiba in the western Hama countryside on Sunday.",
		"Shells kill two men near Sanamayn\n\nIn another context, two men were killed on Sunday when mortar shells fell on the town of Sanamayn in northern Daraa.",
	} {
		if got := extractAll(t, text, ymd("2016-12-05")); len(got) != 1 {
			t.Errorf("Extract(%q) = %v; want one event", text, describeAll(got))
		}
	}
}

// TestExtract_KillingAfterTwoKidnappings: a killing near a town, told after
// two kidnappings, does not reach past the last of them to a kidnapping
// placed only in the province (borrowed from the lead): it is an event of its
// own.
func TestExtract_KillingAfterTwoKidnappings(t *testing.T) {
	text := "In two separate incidents, unknown men kidnapped two people in the government-held Daraa governorate, southern Syria.\n\n" +
		"On Friday, local sources said that unknown men kidnapped Khaled Omar, a man from the town of Jasim, while he was going to " +
		"the city of Inkhil, 20 kilometers north of the city of Daraa, with no word on the kidnappers or the motive for the kidnap.\n\n" +
		"Other sources also said that unknown men in a van kidnapped a nurse from inside a clinic in the town of Sheikh Maskin.\n\n" +
		"Government soldiers killed two farmers from the towns of Ibta and Dael after they refused to halt at a checkpoint near the town of Nawa, relatives said."
	shot := 0
	for _, c := range extractAll(t, text, ymd("2020-06-09")) {
		if c.IncidentType == TypeArmedAttack && countStr(c.Killed) == "2" {
			shot++
		}
	}
	if shot != 1 {
		t.Errorf("got %v; want the shooting near Dael as an event of its own", describeAll(extractAll(t, text, ymd("2020-06-09"))))
	}
}

// TestExtract_SummerResortAsWritten: "مصيف سلمى" is placed as written, the
// resort of the town.
func TestExtract_SummerResortAsWritten(t *testing.T) {
	got := extractAll(t, "ألقت مروحية برميلاً متفجراً على مصيف سلمى فجر السبت.", ymd("2015-10-20"))
	if len(got) != 1 || !slices.Contains(placeTexts(got[0]), "مصيف سلمى") {
		t.Errorf("got %v; want one strike at مصيف سلمى", describeAll(got))
	}
}

// TestExtract_AccusativeOfAWordToldWhole: "برميلاً متفجراً" is the barrel
// bomb "برميل" in the accusative: an air strike.
func TestExtract_AccusativeOfAWordToldWhole(t *testing.T) {
	oneEvent(t, "ألقت مروحية برميلاً متفجراً على بلدة كفرنبل صباح السبت.", "2015-10-20", TypeAirstrike)
}

// TestExtract_TheGovernorateIsNoGovernor: "شبان ينتمون إلى المحافظة في ريف
// حماة" names the governorate the men are of, then where they were held: the
// place after it is no governor's seat (محافظ), and the event is there.
func TestExtract_TheGovernorateIsNoGovernor(t *testing.T) {
	got := extractAll(t, "اعتقلت دورية أمس أربعة شبان ينتمون إلى المحافظة في ريف حماة الشمالي.", ymd("2019-03-10"))
	if len(got) != 1 || !slices.Contains(placeTexts(got[0]), "ريف حماة الشمالي") {
		t.Errorf("got %v; want the arrest placed in northern rural Hama", describeAll(got))
	}
}

// TestExtract_FourMoreWounded: "and four more wounded", "wounding four
// more" count the hurt as "four others" does.
func TestExtract_FourMoreWounded(t *testing.T) {
	for _, text := range []string{
		"A drone hit a pickup near Tal Abyad on Saturday. Two men were killed and five more wounded in the strike.",
		"A drone hit a pickup near Tal Abyad on Saturday, killing two men and wounding five more.",
	} {
		got := extractAll(t, text, ymd("2021-10-23"))
		if len(got) != 1 || countStr(got[0].Killed) != "2" || countStr(got[0].Injured) != "5" {
			t.Errorf("Extract(%q) = %v; want one strike, 2 killed and 5 wounded", text, describeAll(got))
		}
	}
}
