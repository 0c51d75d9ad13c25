package extract

import (
	"strings"
	"testing"
	"time"
)

// Rules of round 28. Every sentence here is ours.

// TestExtract_CompanionKilledWithTheVictim: one more person killed "كان
// برفقته" (who was with him) died in the same attack, even told in a clause
// opening with "كما"; the town he is "من" is his home, not a second place.
// "قتل X …، وشخص آخر برفقته" counts both.
func TestExtract_CompanionKilledWithTheVictim(t *testing.T) {
	c := oneEvent(t, "أطلق مسلحون النار على سيارة قرب بلدة المسيفرة، ما أدى لمقتل سائقها، كما قتل شاب آخر من بلدة الكرك الشرقي كان برفقته.",
		"2023-04-02", TypeArmedAttack)
	if c != nil && (c.PlaceNameAR != "المسيفرة" || countStr(c.Killed) != "2") {
		t.Errorf("place %q, killed %s; want al-Musayfira and 2 (the driver and the man with him)", c.PlaceNameAR, countStr(c.Killed))
	}
	c = oneEvent(t, "قتل قيادي في فصيل محلي برصاص مجهولين كانوا في سيارة، وشخص آخر برفقته في بلدة المسيفرة مساء أمس.",
		"2023-04-02", TypeArmedAttack)
	if c != nil && countStr(c.Killed) != "2" {
		t.Errorf("killed %s; want 2: the commander and another with him", countStr(c.Killed))
	}
}

// TestExtract_VillageRoadIsTheVillage: "على طريق قرية X" is the village's own
// road, where it happened; a road between two places is still no place.
func TestExtract_VillageRoadIsTheVillage(t *testing.T) {
	c := oneEvent(t, "اغتال مجهولون شاباً على طريق قرية الشيخ سعد غربي درعا أمس.", "2022-09-14", TypeArmedAttack)
	if c != nil && c.PlaceNameAR != "الشيخ سعد" {
		t.Errorf("place = %q; want the village whose road it was", c.PlaceNameAR)
	}
	c = oneEvent(t, "اغتال مجهولون شاباً على طريق قرية الشيخ سعد - نوى أمس.", "2022-09-14", TypeArmedAttack)
	if c != nil && c.PlaceNameAR == "الشيخ سعد" {
		t.Errorf("place = %q; want no village: the road runs between two", c.PlaceNameAR)
	}
}

// TestExtract_WeekdayBeforeItsDate: "يوم الجمعة الموافق لـ الثالث من
// آذار" gives the year by the weekday when nothing else does.
func TestExtract_WeekdayBeforeItsDate(t *testing.T) {
	got := extractAll(t, "قصفت قوات النظام عصر يوم الجمعة الموافق لـ الثالث من آذار قرية الحمبوشية بريف اللاذقية.", time.Time{})
	if len(got) != 1 {
		t.Fatalf("got %v; want one shelling dated by its weekday", describeAll(got))
	}
	if d := got[0].DateFrom; d.Month() != time.March || d.Day() != 3 || d.Weekday() != time.Friday {
		t.Errorf("date %s; want a 3 March that is a Friday", d.Format(time.DateOnly))
	}
}

// TestExtract_CoalitionVehicleIsNoAircraft: "عربات التحالف" are the
// coalition's vehicles, the target: a rocket on one is no air strike, nor is a
// helicopter told as escorting it.
func TestExtract_CoalitionVehicleIsNoAircraft(t *testing.T) {
	got := extractAll(t, "أطلق مسلحون قذيفة صاروخية على إحدى عربات التحالف الدولي قرب بلدة الشحيل أمس.", ymd("2021-04-08"))
	if len(got) != 1 || got[0].IncidentType == TypeAirstrike {
		t.Errorf("got %v; want one attack from the ground (armed_attack or shelling)", describeAll(got))
	}
}

// TestExtract_AutomaticIsNoPreposition: "آلي" (automatic, as in a bakery)
// folds like "إلى" (to); the town after it is where it happened, not where
// someone went.
func TestExtract_AutomaticIsNoPreposition(t *testing.T) {
	c := oneEvent(t, "انفجرت سيارة مفخخة قرب فرن آلي في صحنايا اليوم وقتل أربعة أشخاص.", "2013-02-03", TypeBombing)
	if c != nil && c.PlaceNameAR != "صحنايا" {
		t.Errorf("place = %q; want Sahnaya", c.PlaceNameAR)
	}
}

// TestExtract_TurkishBombardmentIsShelling: "القصف التركي على X" is the guns
// of the Turkish army on the north, unless aircraft are named.
func TestExtract_TurkishBombardmentIsShelling(t *testing.T) {
	oneEvent(t, "أصيب ثلاثة مدنيين جراء القصف التركي على قرية الدردارة بريف تل تمر اليوم.", "2021-06-10", TypeShelling)
	oneEvent(t, "قتل مدنيان جراء القصف الجوي التركي على قرية الدردارة بريف تل تمر اليوم.", "2021-06-10", TypeAirstrike)
}

// TestExtract_AsideDayBefore: "يأتي هذا بعد يوم واحد من هجوم بالمدفعية على X"
// sets the story a day after an earlier shelling: that shelling is the day
// before, and "قرى محيطة بها" (villages around it) names no village.
func TestExtract_AsideDayBefore(t *testing.T) {
	text := "قصفت القوات التركية اليوم السبت بلدة عين عيسى. يأتي هذا بعد يوم واحد من هجوم مدفعي طال قرى محيطة بها وقرية الهوشان."
	got := extractAll(t, text, ymd("2020-12-05"))
	if len(got) != 2 || got[1].DateFrom.Format(time.DateOnly) != "2020-12-04" || got[1].PlaceNameAR != "الهوشان" {
		t.Errorf("got %v; want the shelling today and one the day before at al-Hawshan", describeAll(got))
	}
}

// TestExtract_CellsDeedIsABombing: a car bomb or device the arrested cell
// "فجّرت" (set off) is their earlier deed, a bombing of its own, not a find
// seized with them; what is found on them stays a seizure.
func TestExtract_CellsDeedIsABombing(t *testing.T) {
	got := extractAll(t, "ألقت قوى الأمن القبض على ثلاثة عناصر من الخلية التي فجرت عبوة ناسفة في مدينة الباب.", ymd("2022-03-04"))
	types := map[string]int{}
	for _, c := range got {
		types[c.IncidentType]++
	}
	if types[TypeArrest] != 1 || types[TypeBombing] != 1 || types[TypeWeaponsSeizure] != 0 {
		t.Errorf("got %v; want the arrest and the cell's bombing, nothing seized", describeAll(got))
	}
	got = extractAll(t, "ألقت قوى الأمن القبض على ثلاثة أشخاص وضبطت بحوزتهم عبوة ناسفة في مدينة الباب.", ymd("2022-03-04"))
	if len(got) != 2 || got[1].IncidentType != TypeWeaponsSeizure {
		t.Errorf("got %v; want the arrest and the device seized", describeAll(got))
	}
}

// TestExtract_ExplosivesMakeABombing: a blast blamed on explosives fixed to a
// motorcycle was set off: a bombing, as "a bomb" would make it.
func TestExtract_ExplosivesMakeABombing(t *testing.T) {
	oneEvent(t, "A blast outside a bakery in Homs killed two civilians on Monday. Police said the explosion came from explosives fixed under a parked motorcycle in the Karm al-Zeitoun neighbourhood.",
		"2014-03-11", TypeBombing)
}

// TestExtract_WaveInResponse: "In response, jets carried out about 40 raids
// on X" is one day's wave of strikes answering the event told, not a tally.
func TestExtract_WaveInResponse(t *testing.T) {
	got := extractAll(t, "Gunmen killed four soldiers near Sukhnah on Monday. In response, warplanes carried out about 40 air raids targeting militant hideouts in the countryside east of Salamiyah.", ymd("2021-02-09"))
	if len(got) != 2 || got[1].IncidentType != TypeAirstrike {
		t.Errorf("got %v; want the attack and the wave of air strikes", describeAll(got))
	}
	wantNone(t, "Warplanes carried out about 40 air raids targeting militant hideouts in the countryside east of Salamiyah during the past month.")
}

// TestExtract_YearOfTheDayToldBefore: with no publication date and no year
// written, a day whose year its weekday gave lends that year to the story's
// other days: "16 حزيران" told after "الأحد 14 أيلول" is June of that year,
// and "20 كانون الأول" after a day of January is December of the year before.
func TestExtract_YearOfTheDayToldBefore(t *testing.T) {
	for _, tc := range []struct{ text, month string }{
		{"أعلنت وزارة الداخلية، الجمعة 3 تشرين الأول، ضبط مستودع أسلحة في مدينة الصنمين. وكانت الشرطة ضبطت في 20 آب شحنة ذخائر في بلدة الشيخ مسكين.", "08-20"},
		{"أعلنت وزارة الداخلية، الأحد 5 كانون الثاني، ضبط مستودع أسلحة في مدينة الصنمين. وكانت الشرطة ضبطت في 20 كانون الأول شحنة ذخائر في بلدة الشيخ مسكين.", "12-20"},
	} {
		got := extractAll(t, tc.text, time.Time{})
		if len(got) != 2 || got[0].DateFrom.IsZero() || got[1].DateFrom.IsZero() {
			t.Errorf("got %v; want two seizures, both dated", describeAll(got))
			continue
		}
		first, second := got[0].DateFrom, got[1].DateFrom
		if second.Format("01-02") != tc.month || second.After(first) || first.Sub(second) > 365*24*time.Hour {
			t.Errorf("dates %s, %s; want the second on %s, within the year before the first", first.Format(time.DateOnly), second.Format(time.DateOnly), tc.month)
		}
	}
}

// TestExtract_SimilarIncursionStaysOne: "توغل مشابه" after an incursion in
// which a shepherd was arrested is an incursion again (other), not an arrest:
// "similar" lends the kind told before only to a word that could be of it.
func TestExtract_SimilarIncursionStaysOne(t *testing.T) {
	text := "توغلت قوة إسرائيلية اليوم في قرية الرفيد بريف القنيطرة واعتقلت مزارعاً. ويأتي ذلك بعد توغل مشابه يوم السبت الماضي، عندما دخلت دورية إسرائيلية بلدة الحميدية."
	got := extractAll(t, text, ymd("2026-03-04"))
	if len(got) != 2 || got[0].IncidentType != TypeArrest || got[1].IncidentType != TypeOther {
		t.Errorf("got %v; want the arrest, then the earlier incursion as other", describeAll(got))
	}
}

// TestExtract_ItsVictimsAreItsDead: "راح ضحيتها 12 شخصاً" (its victims were
// twelve) counts the dead.
func TestExtract_ItsVictimsAreItsDead(t *testing.T) {
	c := oneEvent(t, "شنت الطائرات غارة على بلدة كفرنبل اليوم راح ضحيتها 12 شخصاً.", "2019-05-02", TypeAirstrike)
	if c != nil && countStr(c.Killed) != "12" {
		t.Errorf("killed %s; want 12", countStr(c.Killed))
	}
}

// TestExtract_NamedListAndTheOthers: "اعتقل كل من X (40 عاماً)، وY وZ"
// counts three, their ages inside the list; the story told again by one of
// them ("اعتقل الناشط X") and "the other two" ("الشابين الآخرين") is that
// arrest, not two more.
func TestExtract_NamedListAndTheOthers(t *testing.T) {
	text := "اعتقلت الشرطة العسكرية يوم السبت ثلاثة أشخاص في مدينة سلقين. وقال مصدر محلي إن الدورية اعتقلت مساء السبت كل من سعيد حمدان (41 عاماً)، وماهر حمدان (28 عاماً) وعمار خليل في مدينة سلقين. " +
		"وأضاف أن الدورية اعتقلت الناشط سعيد حمدان أمام منزله، فيما اعتقلت الشابين الآخرين في سوق المدينة."
	got := extractAll(t, text, ymd("2023-10-16"))
	if len(got) != 1 || got[0].IncidentType != TypeArrest || countStr(got[0].Arrested) != "3" {
		t.Errorf("got %v; want one arrest of three", describeAll(got))
	}
}

// TestExtract_EnglishNamesListed: English lists of names count each person:
// "the arrest of "K.H", "S.D", and "M.N"", "The suspects A B and C D were
// arrested"; a list of peoples ("Kurds and Arabs") names no one, and
// "… have been detained, the ministry said" has no object after its comma.
func TestExtract_EnglishNamesListed(t *testing.T) {
	for text, want := range map[string]string{
		`A raid in the town of Nawa ended with the arrest of "K.H", "S.D", and "M.N" on Sunday.`:        "3",
		"The suspects Fadi Saleh and Omar Jaber and Nour Haddad were arrested in the town of Nawa.":     "3",
		"Police arrested Kurds and Arabs in the town of Nawa on Sunday.":                                "null",
		"Four gang members have been detained in the town of Nawa, the Assad government's police said.": "4",
	} {
		c := oneEvent(t, text, "2024-02-12", TypeArrest)
		if c != nil && countStr(c.Arrested) != want {
			t.Errorf("Extract(%q): arrested %s; want %s", text, countStr(c.Arrested), want)
		}
	}
}

// TestExtract_DamageAlsoIsNoZeroToll: "the shells also caused material
// damage" tells damage besides the harm told, not that nobody was hurt.
func TestExtract_DamageAlsoIsNoZeroToll(t *testing.T) {
	for _, text := range []string{
		"Mortar shells hit the Midan neighbourhood of Damascus, killing two people, a reporter said on Monday. The shells also caused material damage to shops in the neighbourhood, which the army secured two days ago.",
		"Mortar shells hit the Midan neighbourhood of Damascus on Sunday, killing two people and also causing material damage to shops.",
	} {
		got := extractAll(t, text, ymd("2014-05-05"))
		for _, c := range got {
			if countStr(c.Killed) == "0" || countStr(c.Injured) == "0" {
				t.Errorf("Extract(%q) = %v; want no toll of zero", text, describeAll(got))
			}
		}
	}
}

// TestExtract_ClauseDateIsNotTheEvents: a date in a "which …" clause that
// tells no incident ("the neighbourhood, which the army secured two days
// ago") dates what the clause tells, not the shells: the sentence retells
// the event before it.
func TestExtract_ClauseDateIsNotTheEvents(t *testing.T) {
	text := "Mortar shells hit the Midan neighbourhood of Damascus, killing two people, a reporter said on Monday. The shells also caused material damage to shops in the neighbourhood, which the army secured two days ago."
	if got := extractAll(t, text, ymd("2014-05-05")); len(got) != 1 {
		t.Errorf("got %v; want one shelling", describeAll(got))
	}
}

// TestExtract_RetoldAtItsOwnPlace: a later sentence telling again the first
// of two events ("the car bomb in X had wounded dozens too") joins the event
// at X, not the last one told, which stays where it was.
func TestExtract_RetoldAtItsOwnPlace(t *testing.T) {
	text := "A car bomb killed six soldiers in the city of Izraa on Tuesday, and a separate blast killed three people in Homs. A monitor reported that the car bomb in Izraa had wounded dozens too."
	got := extractAll(t, text, ymd("2014-09-02"))
	if len(got) != 2 || got[0].Admin1PCode != "SY12" || got[1].Admin1PCode != "SY04" {
		t.Errorf("got %v; want the bombing in Izraa (Daraa) and the blast in Homs", describeAll(got))
	}
}

// TestExtract_OnTheOtherHand: "On the other hand, …" opens another event, as
// "من جهة أخرى" does, even of the same kind in the same district.
func TestExtract_OnTheOtherHand(t *testing.T) {
	text := "Two farmers died when regime shells fell near Kafranbel in the south of Idlib province. On the other hand, government troops launched rockets at Hass and Maarrat Harma. Nobody was hurt there."
	if got := extractAll(t, text, ymd("2020-06-02")); len(got) != 2 {
		t.Errorf("got %v; want two shellings", describeAll(got))
	}
}

// TestExtract_PastWeekdayFromTheStorysDate: with no publication date, a
// weekday told as past ("الأربعاء الفائت") is the one before the first full
// date the passage writes; "اليوم" and year-less days stay unknown.
func TestExtract_PastWeekdayFromTheStorysDate(t *testing.T) {
	text := "قصفت طائرة مسيرة مساء الجمعة (5 آذار 2021) سيارة قرب مدينة القامشلي. وكانت مسيرة أخرى قد قصفت الأربعاء الفائت سيارة في بلدة عامودا."
	got := extractAll(t, text, time.Time{})
	if len(got) != 2 || got[1].DateFrom.Format(time.DateOnly) != "2021-03-03" {
		t.Errorf("got %v; want the second strike on 2021-03-03", describeAll(got))
	}
}

// TestExtract_LaunchedFromIsTheOrigin: "the shells had been fired from the
// edge of X" tells where fire came from, whatever follows, not a second
// shelling at X.
func TestExtract_LaunchedFromIsTheOrigin(t *testing.T) {
	oneEvent(t, "Mortar shells landed on Salhab, a village west of Hama, late on Tuesday and damaged two houses. According to police, the shells had been fired from the eastern edge of Kafr Nabl, where militants are based.",
		"2022-03-08", TypeShelling)
}

// TestExtract_KilledAndWoundedTogether: "seven shepherds were killed and
// wounded" is one figure for both kinds: neither count is taken from it,
// while "three were killed and two were wounded" gives both.
func TestExtract_KilledAndWoundedTogether(t *testing.T) {
	c := oneEvent(t, "Seven shepherds were killed and wounded in a landmine blast near the city of Tabqa on Thursday.", "2018-06-01", TypeOther)
	if c != nil && (countStr(c.Killed) != "null" || countStr(c.Injured) != "null") {
		t.Errorf("killed %s, injured %s; want neither", countStr(c.Killed), countStr(c.Injured))
	}
	c = oneEvent(t, "Three shepherds were killed and two were wounded in a landmine blast near the city of Tabqa on Thursday.", "2018-06-01", TypeOther)
	if c != nil && (countStr(c.Killed) != "3" || countStr(c.Injured) != "2") {
		t.Errorf("killed %s, injured %s; want 3 and 2", countStr(c.Killed), countStr(c.Injured))
	}
}

// TestExtract_LaterIsAnotherAct: an act told "later" ("Authorities later
// raided …", "اعتقلت القوات لاحقاً …") after an event of another kind is what
// followed it, not that event: the killing keeps its type and toll.
func TestExtract_LaterIsAnotherAct(t *testing.T) {
	got := extractAll(t, "Gunmen killed two guards in Baniyas. Officials later mounted a targeted operation against the cell they blamed.", ymd("2025-09-14"))
	if len(got) == 0 || got[0].IncidentType != TypeArmedAttack || countStr(got[0].Killed) != "2" {
		t.Errorf("got %v; want the killing first, as it was, then what followed", describeAll(got))
	}
}

// TestExtract_NoteNamesNoEmptyGovernorate: the note listing a name's
// namesakes elsewhere names a governorate only where the gazetteer has one,
// not "Villas in ".
func TestExtract_NoteNamesNoEmptyGovernorate(t *testing.T) {
	for _, c := range extractAll(t, "A drone struck a flat in the Western Villas neighbourhood of Damascus late on Wednesday.", ymd("2024-10-03")) {
		for _, n := range c.Notes {
			if strings.Contains(n, " in )") || strings.Contains(n, " in ,") {
				t.Errorf("note %q names an empty governorate", n)
			}
		}
	}
}

// TestExtract_SeriesThenOneOfThem: "nine dead this week in a series of
// attacks" then one of them told in full is that one event, with its own
// toll; "seriously wounding the owner of the shop" counts one hurt.
func TestExtract_SeriesThenOneOfThem(t *testing.T) {
	text := "Nine people have died this week in a series of attacks by masked men across the Homs countryside, monitors reported on Monday. " +
		"In the most recent one, a gunman fired into a bakery at Kafr Aya village, killing two customers and seriously wounding the bakery owner."
	c := oneEvent(t, text, "2025-10-20", TypeArmedAttack)
	if c != nil && (countStr(c.Killed) != "2" || countStr(c.Injured) != "1") {
		t.Errorf("killed %s, injured %s; want the bakery's 2 and 1", countStr(c.Killed), countStr(c.Injured))
	}
}

// TestExtract_PartOfTheToll: "four of its fighters were killed in the
// clashes" after a total of twenty is part of that toll, the same clashes,
// not an event of its own with four dead.
func TestExtract_PartOfTheToll(t *testing.T) {
	text := "Fighting between the SDF and tribal gunmen in the town of Busayrah has left 20 people dead since Tuesday, a monitor said. The SDF also said four of its fighters died in the fighting."
	c := oneEvent(t, text, "2023-09-01", TypeClash)
	if c != nil && countStr(c.Killed) != "20" {
		t.Errorf("killed %s; want the total, 20", countStr(c.Killed))
	}
}

// TestExtract_TookControlOfTheTown: "سيطرت قوات X على بلدة Y" (a force, told
// by a name of several words, took the town) was fought for: a clash at Y;
// "قرى وبلدات الريف" names no village called "وبلدات".
func TestExtract_TookControlOfTheTown(t *testing.T) {
	c := oneEvent(t, "سيطرت قوات الجيش الوطني السوري على قرية الحمام بريف منبج بعد انسحاب المقاتلين منها إلى قرى وبلدات الريف الغربي.", "2019-10-16", TypeClash)
	if c != nil && c.PlaceNameAR != "الحمام" {
		t.Errorf("place = %q; want the village taken", c.PlaceNameAR)
	}
}

// TestExtract_GunmenWhoTookAManAbductedHim: "إن المهاجمين اعتقلوا أحد
// العناصر" (the attackers "arrested" one of the men) is an abduction: no
// authority took him. "مقتل أحد المهاجمين والقبض على خمسة" is still the
// arrest of five by the force attacked.
func TestExtract_GunmenWhoTookAManAbductedHim(t *testing.T) {
	got := extractAll(t, "هاجم مسلحون مخفراً للشرطة في بلدة خان أرنبة أمس، وقالت مصادر محلية إن المسلحين اعتقلوا أحد عناصر المخفر قبل أن ينسحبوا.", ymd("2020-08-14"))
	kidnapped := false
	for _, c := range got {
		kidnapped = kidnapped || c.IncidentType == TypeKidnapping
		if c.IncidentType == TypeArrest {
			t.Errorf("got %v; want no arrest: gunmen took the man", describeAll(got))
		}
	}
	if !kidnapped {
		t.Errorf("got %v; want a kidnapping", describeAll(got))
	}
	got = extractAll(t, "دارت اشتباكات في بلدة خان أرنبة انتهت بمقتل أحد المهاجمين والقبض على ثلاثة آخرين.", ymd("2020-08-14"))
	if len(got) != 2 || got[1].IncidentType != TypeArrest || countStr(got[1].Arrested) != "3" {
		t.Errorf("got %v; want the clash, and three arrested by the force", describeAll(got))
	}
}

// TestExtract_WhereTheHostageWasHeld: a sentence telling where a kidnapped man
// was held ("لضمان سلامة المخطوف المحتجز داخل مزرعة في قرية X") denies no
// deed, though a word of kidnapping in it is blocked: the arrests told after
// it were made there, at X, not where he was taken from.
func TestExtract_WhereTheHostageWasHeld(t *testing.T) {
	text := "خطف مسلحون تاجراً من حي الشعار في مدينة حلب مساء الأحد. ووضعت الشرطة خطة محكمة لضمان سلامة المخطوف المحتجز داخل مزرعة في قرية الزربة. وأسفرت المداهمة عن القبض على خمسة من الخاطفين."
	got := extractAll(t, text, ymd("2025-06-03"))
	for _, c := range got {
		if c.IncidentType == TypeArrest && c.PlaceNameAR != "الزربة" {
			t.Errorf("got %v; want the arrest at al-Zirbah, where the man was held", describeAll(got))
		}
	}
}

// TestExtract_ShotAfterAMineBlast: a man killed "بنيران عناصر X" in another
// town after a mine blast is a shooting of its own; the village "بأنه من"
// (that he is from) is his home; "غانم العلي" is one name, its family word
// no "على"; "اشتعلت النيران" is a blaze, no shooting.
func TestExtract_ShotAfterAMineBlast(t *testing.T) {
	text := "قتل طفلان اليوم إثر انفجار لغم أرضي في قرية \"غانم العلي\" بريف الرقة الشرقي. وذكرت المصادر أن رجلاً قضى بنيران عناصر حاجز في بلدة الكرامة بريف الرقة، وقال أقاربه بأنه من قرية \"غانم العلي\"."
	got := extractAll(t, text, ymd("2018-03-03"))
	if len(got) != 2 || got[0].PlaceNameAR != "غانم العلي" || got[1].IncidentType != TypeArmedAttack || got[1].PlaceNameAR != "الكرامة" {
		t.Errorf("got %v; want the blast at Ghanem al-Ali, then the shooting at al-Karama", describeAll(got))
	}
	wantNone(t, "اشتعلت النيران في مستودع للأخشاب بمدينة حماة دون إصابات.")
}

// TestExtract_OutletsReporterAndCrimesCharged: "Rudaw's reporter" names an
// outlet, not the village Rudaw in Tartus; men "behind crimes of murder and
// abduction" are charged with them: the arrest is the event.
func TestExtract_OutletsReporterAndCrimesCharged(t *testing.T) {
	c := oneEvent(t, "A car bomb went off in the town of Azaz on Monday. According to Rudaw's correspondent, the blast wounded four people.", "2019-11-04", TypeBombing)
	if c != nil && c.PlaceNameEN != "Azaz" {
		t.Errorf("place = %q; want Azaz", c.PlaceNameEN)
	}
	got := extractAll(t, "Police in Hama arrested three members of a band who carried out crimes of kidnapping, killing and extortion in the town of Salamiyah.", ymd("2019-11-04"))
	for _, c := range got {
		if c.IncidentType != TypeArrest && c.IncidentType != TypeWeaponsSeizure {
			t.Errorf("got %v; want the arrest only", describeAll(got))
		}
	}
}
