package extract

import (
	"testing"
	"time"
)

// Rules of round 25. Every sentence here is ours.

// Two sides of one governorate's countryside told apart are two areas: a
// kidnapping in its eastern countryside told after one in its western is
// another kidnapping, not the first told again, in either language.
func TestExtract_OtherSideOfTheCountrysideIsAnotherEvent(t *testing.T) {
	for _, text := range []string{
		"On March 3, a gang let go of a merchant from Nawa in Daraa's western countryside once his family had paid a ransom. " +
			"The merchant was abducted by gunmen near the town of Jasim in Daraa's western countryside. " +
			"On March 5, masked men abducted a young man, Khaled al-Hariri, near the village of Busra al-Harir in Daraa's eastern countryside.",
		"خطف مسلحون تاجراً في ريف درعا الغربي يوم 3 آذار. وخطف مسلحون شاباً في ريف درعا الشرقي يوم 5 آذار.",
	} {
		got := extractAll(t, text, ymd("2023-04-08"))
		if len(got) != 2 || got[0].DateFrom.Day() == got[1].DateFrom.Day() {
			t.Errorf("Extract(%q) = %v; want two kidnappings, on March 3 in the west and March 5 in the east", text, describeAll(got))
		}
	}
	// the same side told again, with more detail, is the same area
	got := extractAll(t, "Gunmen abducted a trader in Daraa's western countryside on Friday. The trader was seized in Daraa's western countryside while driving home.", ymd("2023-04-08"))
	if len(got) != 1 {
		t.Errorf("got %v; want one kidnapping", describeAll(got))
	}
}

// A shell told as left from the fighting ("من مخلفات الحرب", "قديمة", "غير
// منفجرة", "unexploded", "old … left over") that goes off is a remnant of
// war, "other", as a mine is; a shell fired now is shelling.
func TestExtract_LeftOverShellIsOther(t *testing.T) {
	for _, tc := range []struct{ text, typ string }{
		{"قتل طفلان بانفجار قذيفة من مخلفات الحرب في قرية كفر تخاريم يوم الأحد.", TypeOther},
		{"أصيب راعٍ بانفجار قذيفة غير منفجرة في أرض زراعية قرب بلدة سراقب يوم الأحد.", TypeOther},
		{"قتل رجل بانفجار قذيفة قديمة أثناء عمله في حقل بقرية كفر تخاريم يوم الأحد.", TypeOther},
		{"Two boys died on Sunday when an unexploded shell they found went off in the village of Kafr Takharim.", TypeOther},
		{"A farmer was hurt on Sunday when an old shell left over from the fighting blew up near Saraqib.", TypeOther},
		{"قتل طفلان بسقوط قذيفة هاون على قرية كفر تخاريم يوم الأحد.", TypeShelling},
		{"Two boys were killed on Sunday when a shell fired by government forces hit the village of Kafr Takharim.", TypeShelling},
	} {
		oneEvent(t, tc.text, "2024-05-12", tc.typ)
	}
}

// An ambush the security forces laid that ended in arrests is how they
// made them: one arrest, no armed attack; "an ambush was executed" puts no
// one to death, nor does "executed an operation". Gunmen's ambushes and
// executions are still attacks.
func TestExtract_SecurityAmbushEndingInArrest(t *testing.T) {
	for _, tc := range []struct {
		text     string
		arrested int
	}{
		{"Police laid an ambush in Homs on Sunday that led to the capture of three drug dealers.", 3},
		{"A police ambush was executed in Homs on Sunday and ended with the apprehension of four gang members.", 4},
		{"Security units executed an operation in Homs on Sunday that ended in the arrest of two smugglers.", 2},
	} {
		c := oneEvent(t, tc.text, "2024-05-12", TypeArrest)
		if c != nil {
			wantCount(t, "arrested", c.Arrested, tc.arrested)
		}
	}
	oneEvent(t, "Gunmen ambushed a police patrol near Homs on Sunday, killing two officers.", "2024-05-12", TypeArmedAttack)
	oneEvent(t, "Three prisoners were executed by the group in the town of Saraqib on Sunday.", "2024-05-12", TypeArmedAttack)
}

// A gathering that remembers the dead of a past event ("to remember the
// victims of", "in memory of", "mourned the dead of") reports no event; the
// burial of those an event just killed still tells it.
func TestExtractEN_RememberingTheVictims(t *testing.T) {
	for _, text := range []string{
		"Activists met in Idlib city on Saturday to honour those who died in the 2013 chemical attack on Ghouta, which killed hundreds of people.",
		"Doctors held a vigil in Azaz on Saturday in memory of those killed in the 2016 airstrikes on Aleppo.",
		"Families in Daraa mourned the dead of the 2018 shelling of Nawa, which killed 12 people, at a gathering on Saturday.",
	} {
		if got := extractAll(t, text, ymd("2021-08-22")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
	oneEvent(t, "Hundreds of mourners in Saraqib on Saturday buried the victims of an airstrike that killed four people on Friday.", "2021-08-22", TypeAirstrike)
}

// An explosion told as aimed at a target ("An explosion targeted a patrol",
// "استهدف انفجار سيارة", "انفجار استهدف") was set off: a bombing, though no
// device is named. One of unknown cause stays "other".
func TestExtract_ExplosionAimedIsBombing(t *testing.T) {
	for _, tc := range []struct{ text, typ string }{
		{"An explosion targeted an army truck in the town of Tabqa on Sunday, killing two soldiers.", TypeBombing},
		{"استهدف انفجار سيارة عسكرية في مدينة الطبقة يوم الأحد، ما أدى إلى مقتل عنصرين.", TypeBombing},
		{"انفجار استهدف سيارة عسكرية في مدينة الطبقة يوم الأحد أدى إلى مقتل عنصرين.", TypeBombing},
		{"An explosion of unknown cause hit a fuel depot in the town of Tabqa on Sunday.", TypeOther},
		{"وقع انفجار في مستودع وقود بمدينة الطبقة يوم الأحد دون معرفة أسبابه.", TypeOther},
	} {
		oneEvent(t, tc.text, "2024-05-12", tc.typ)
	}
}

// English news tells a drone's strike as "an attack was carried out by a
// drone" or "an attack by Turkish drones": from the air. An attack by gunmen stays
// an armed attack.
func TestExtractEN_AttackByAircraft(t *testing.T) {
	oneEvent(t, "On Monday an attack was carried out by a drone on a car in the city of Tal Rifaat.", "2024-05-12", TypeAirstrike)
	oneEvent(t, "An attack by Turkish drones on a farm near Qamishli wounded two men on Monday.", "2024-05-12", TypeAirstrike)
	oneEvent(t, "An attack by gunmen on a checkpoint near Tal Rifaat killed two soldiers on Monday.", "2024-05-12", TypeArmedAttack)
}

// Attempts foiled ("foiled the militants' attempts to detonate two explosive
// devices", "thwarted an attempt to plant a bomb") set nothing off.
func TestExtractEN_FoiledAttemptSetsNothingOff(t *testing.T) {
	for _, text := range []string{
		"The army foiled the militants' attempts to detonate two explosive devices near the village of Kafr Takharim on Monday.",
		"Police thwarted an attempt to plant a bomb under a car in the town of Saraqib on Monday.",
	} {
		if got := extractAll(t, text, ymd("2024-05-12")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
	c := oneEvent(t, "Police foiled an attempt to smuggle weapons near Kafr Takharim on Monday and arrested two men.", "2024-05-12", TypeArrest)
	if c != nil {
		wantCount(t, "arrested", c.Arrested, 2)
	}
}

// An army that "destroyed the militants' gatherings" or "positions" in a
// place fought there: a clash, as the conventions label "تدمير تجمعات". A
// house destroyed is what a strike did.
func TestExtractEN_DestroyedPositionsIsClash(t *testing.T) {
	c := oneEvent(t, "Soldiers destroyed the militants' gatherings in the Homs districts of Bab Hood and Jouret al-Shayyah on Monday.", "2024-05-12", TypeClash)
	if c != nil && c.Admin1Name != "Homs" {
		t.Errorf("place = %q in %q; want Homs's districts", c.PlaceNameEN, c.Admin1Name)
	}
	oneEvent(t, "An airstrike destroyed a house in Saraqib on Monday.", "2024-05-12", TypeAirstrike)
}

// "وهما من بلدة X", like "وهم من X": the two people told are from X, their
// home, which is not where the event was.
func TestExtract_DualPronounTellsHome(t *testing.T) {
	c := oneEvent(t, "خطف مسلحون مجهولون شابين على الطريق مساء الاثنين، وهما من بلدة الكسوة.", "2019-05-08", TypeKidnapping)
	if c != nil && c.PlaceNameAR == "الكسوة" {
		t.Errorf("place = %q (%s); want no town: Kiswah is the men's home", c.PlaceNameAR, c.GeoPrecision)
	}
}

// Without a publication date, "اليوم" and a weekday told alone ("يوم
// الجمعة") may name one day, the day of writing: a source's account of the
// fighting "today" after a lead that told it "on Friday" is the same fight,
// with its toll. "أمس" is another day than "اليوم".
func TestExtract_TodayAndAWeekdayMayBeOneDay(t *testing.T) {
	text := "تصدت قوات مجلس منبج العسكري يوم الجمعة لمحاولة تسلل لفصائل مسلحة في قرية عون الدادات شمال منبج. " +
		"وقال مصدر محلي إن التسلل وقع ظهر اليوم وتلته اشتباكات، وقُتل فيها ثلاثة من المهاجمين."
	got := extractAll(t, text, time.Time{})
	if len(got) != 1 {
		t.Fatalf("got %v; want one clash", describeAll(got))
	}
	wantCount(t, "killed", got[0].Killed, 3)
	if !sameKey("Friday", "اليوم") || sameKey("اليوم", "Friday|yesterday") || sameKey("Friday", "Saturday") {
		t.Error(`sameKey: want "اليوم" to meet a weekday told alone, and no other pair`)
	}
}

// "الطريق العام ببلدة X" is the road through the town, where it happened;
// "طريق بلدة X – Y" is a road between two towns, ends only. (Round 28: a
// road told by one village with its type word, "طريق قرية X", is the
// village's own road, as real reports label it.)
func TestExtract_RoadInTheTown(t *testing.T) {
	c := oneEvent(t, "أصيب عنصر من قسد برصاص مسلحين بالقرب من الطريق العام ببلدة الشحيل شرق دير الزور يوم الأحد.", "2024-05-12", TypeArmedAttack)
	if c != nil && c.PlaceNameAR != "الشحيل" {
		t.Errorf("place = %q (%s); want the town the road runs through", c.PlaceNameAR, c.GeoPrecision)
	}
	c = oneEvent(t, "قتل سائق برصاص مسلحين على طريق بلدة الشحيل - البصيرة يوم الأحد.", "2024-05-12", TypeArmedAttack)
	if c != nil && c.GeoPrecision == "town" {
		t.Errorf("place = %q (%s); want no town: the road runs between them", c.PlaceNameAR, c.GeoPrecision)
	}
}

// Arrests and attacks told as done "at the hospital in X" happened in X:
// the building is where, not an institution speaking from its seat. English
// counts the doctors, nurses and traders taken.
func TestExtractEN_DoneAtTheBuildingInATown(t *testing.T) {
	c := oneEvent(t, "On October 24, Turkish-backed police arrested two doctors at the public hospital in Ras Al-Ain.", "2024-10-26", TypeArrest)
	if c != nil {
		wantCount(t, "arrested", c.Arrested, 2)
		if c.GeoPrecision != "town" || c.Admin1Name != "Al-Hasakah" {
			t.Errorf("place = %q (%s); want Ras al-Ain itself", c.PlaceNameEN, c.GeoPrecision)
		}
	}
	c = oneEvent(t, "Gunmen shot a man in Nawa on Friday; he was taken to the hospital in Daraa.", "2024-10-26", TypeArmedAttack)
	if c != nil && c.PlaceNameEN != "Nawa" {
		t.Errorf("place = %q; want Nawa, not the hospital he was taken to", c.PlaceNameEN)
	}
}

// English names what is seized in other words too: "weaponry",
// "armaments", "firearms", a "pistol".
func TestExtractEN_WeaponryIsWeapons(t *testing.T) {
	for _, text := range []string{
		"Late last month, an army unit seized 4 trucks laden with heavy weaponry near the town of Suran, east of Hama.",
		"Police seized firearms and a pistol in a raid on a house in Homs on Monday.",
		"Customs officers seized armaments hidden in a truck at a checkpoint near Homs on Monday.",
	} {
		oneEvent(t, text, "2015-03-10", TypeWeaponsSeizure)
	}
}

// An English passive's subject may carry an aside before its verb:
// "weapons and ammunition, some of them foreign made, were discovered" is a
// seizure.
func TestExtractEN_PassiveSubjectWithAnAside(t *testing.T) {
	oneEvent(t, "Rifles and ammunition, some of them made abroad, were discovered on Wednesday as troops combed the town of al-Hara in Daraa's northwestern countryside.", "2019-05-10", TypeWeaponsSeizure)
}

// A count of strikes aimed at one town ("شن الطيران 15 غارة على مدينة
// دوما", "jets carried out at least 20 raids on the town of Saqba") is one day's
// wave there, not a tally; strikes counted across a region or a period still
// are. A count between "carried out" and "raids" keeps the aircraft that
// carried them out.
func TestExtract_WaveOfStrikesOnOneTown(t *testing.T) {
	for _, text := range []string{
		"شن الطيران الحربي 15 غارة على مدينة دوما في الغوطة الشرقية يوم الخميس، ما أدى إلى إصابة 4 مدنيين.",
		"Jets carried out at least 20 raids on the town of Saqba on Thursday, injuring 4 people.",
	} {
		c := oneEvent(t, text, "2017-03-10", TypeAirstrike)
		if c != nil {
			wantCount(t, "injured", c.Injured, 4)
		}
	}
	for _, text := range []string{
		"Armed groups staged 30 rocket and drone attacks on bases across the region.",
		"شن الطيران الحربي أكثر من 200 غارة على مناطق متفرقة خلال الشهر الماضي.",
	} {
		if got := extractAll(t, text, ymd("2017-03-10")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing: a tally", text, describeAll(got))
		}
	}
}

// Text copied from a web page keeps line breaks where a link or a narrow
// column broke a sentence: a break after a word no sentence ends with ("في",
// "عدد", "the", "of") or before a lower-case word goes on; one after a full
// line (a dateline, a headline) still ends it.
func TestSplitSentences_WrappedLines(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"قتل شاب برصاص مسلحين في\nمدينة جاسم مساء أمس.", 1},
		{"Gunmen shot dead a man in the\ntown of Jasim on Friday.", 1},
		{"Gunmen shot dead a man in Jasim\non Friday.", 1},
		{"درعا - نورث برس\nقتل شاب برصاص مسلحين في مدينة جاسم مساء أمس.", 2},
		{"Gunmen kill a man in Jasim\nGunmen shot dead a man in Jasim on Friday.", 2},
	} {
		if got := splitSentences(tc.text); len(got) != tc.want {
			t.Errorf("splitSentences(%q) = %d sentences; want %d", tc.text, len(got), tc.want)
		}
	}
}

// A month's toll ("بلغ عدد القتلى في شهر آذار الماضي نحو 1200") and the
// documentation it cites after it ("وحسب توثيق أصدره المرصد، قتل نحو 600
// مدني جراء غارات …") are a tally, not strikes.
func TestExtract_MonthTollAndItsDocumentation(t *testing.T) {
	text := "بلغ عدد\nالقتلى في سوريا خلال شهر آذار الماضي نحو 1200 شخص بحسب المرصد. " +
		"وحسب توثيق أصدره المرصد، قتل نحو 600 مدني جراء غارات الطائرات الحربية وقصف قوات النظام وانفجار العبوات."
	if got := extractAll(t, text, time.Time{}); len(got) != 0 {
		t.Errorf("got %v; want nothing: a month's tally", describeAll(got))
	}
}

// "قرى تسيطر عليها الفصائل" tells villages by what holds them, a verb and
// its relative pronoun, not by a name: no place "تسيطر". A town told bare
// after its countryside ("ريف منبج الشمالي" … "في منبج") is no finer place
// for the event: the countryside lies outside the town.
func TestExtract_VillagesHeldAndTheTownsCountryside(t *testing.T) {
	text := "أصيب عنصران من قسد اليوم في ريف منبج الشمالي خلال اشتباكات مع فصائل معارضة. " +
		"واندلعت الاشتباكات رداً على محاولة تسلل باتجاه قرى تسيطر عليها الفصائل جنوب جرابلس. " +
		"وقال مصدر عسكري في منبج إن الاشتباكات وقعت قرب معبر على خط التماس."
	got := extractAll(t, text, ymd("2020-08-16"))
	if len(got) != 1 || got[0].PlaceNameAR != "ريف منبج الشمالي" {
		t.Errorf("got %v; want one clash in Manbij's northern countryside", describeAll(got))
	}
}

// A lead naming two governorates and nothing finer, with no toll of its own
// ("دخلت قوات … عدة بلدات من محافظتي درعا والقنيطرة … واعتقلت عدداً"), sums
// up the events told after it at places inside each: no event of its own.
// When the details tell only one of them, the lead stands for the other.
func TestExtract_LeadOverTwoGovernorates(t *testing.T) {
	lead := "دخلت قوات إسرائيلية يوم الجمعة عدة بلدات من محافظتي درعا والقنيطرة في الجنوب، حيث أقامت حواجز واعتقلت عدداً من الشبان. "
	both := lead + "ودخلت دورية إسرائيلية إلى بلدة عابدين غربي درعا واعتقلت ثلاثة شبان. وفي القنيطرة، توغلت آليات إسرائيلية في قرية العجرف وفتشت عدداً من المنازل."
	got := extractAll(t, both, ymd("2025-08-23"))
	if len(got) != 2 {
		t.Errorf("got %v; want the arrest in Abidin and the incursion in al-Ajraf, not the lead", describeAll(got))
	}
	one := lead + "ودخلت دورية إسرائيلية إلى بلدة عابدين غربي درعا واعتقلت ثلاثة شبان."
	if got := extractAll(t, one, ymd("2025-08-23")); len(got) != 2 {
		t.Errorf("got %v; want the lead kept for Quneitra beside the arrest in Abidin", describeAll(got))
	}
}

// What a search found may be told as a list, the weapons last ("found a
// phone and a box of rifle ammunition"): a seizure. "torture and killing
// tools" are what tools are for, no killing.
func TestExtractEN_FoundListAndKillingTools(t *testing.T) {
	c := oneEvent(t, "On Tuesday, guards said they found a phone, a laptop and one crate of AK-47 ammunition, besides torture and killing tools, hidden under a tent in al-Hol camp.", "2022-08-31", TypeWeaponsSeizure)
	if c != nil && c.Admin1Name != "Al-Hasakah" {
		t.Errorf("place = %q in %q; want al-Hol camp", c.PlaceNameEN, c.Admin1Name)
	}
}

// The dead named after "هما:" ("وعُرفت هوية اثنين من القتلى هما: X من بلدة Y")
// are from Y: their home, no event there.
func TestExtract_DeadNamedWithTheirHomes(t *testing.T) {
	text := "قتل 5 عناصر من قسد ليل الخميس حين هاجم مسلحون نقطة عسكرية لهم داخل بلدة ذيبان شرقي دير الزور. " +
		"وعُرفت هوية اثنين من القتلى هما: محمد العلي من بلدة الشحيل، وياسر الحسن من قرية الصبحة."
	got := extractAll(t, text, ymd("2025-08-10"))
	if len(got) != 1 || got[0].PlaceNameAR != "ذيبان" {
		t.Errorf("got %v; want one attack, in Dhiban", describeAll(got))
	}
}

// A month's toll in English ("documented the deaths of 2,100 people in May
// 2019, its worst monthly toll") is a tally, and the lines of its
// breakdown set out as a list ("- 300 were killed in air raids on several
// areas") are too.
func TestExtractEN_MonthlyTollAndItsList(t *testing.T) {
	text := "LONDON, 1 June, 2019 (Monitor): The monitor documented the death of 2100 in May 2019, its worst monthly death toll of 2019, and the toll is as follows:\n" +
		"Civilian toll: 800 people, with 150 children below eighteen, and 90 women above eighteen, who were killed as listed here:\n" +
		"- 300 were killed in air raids by government and Russian jets on several areas of the country."
	if got := extractAll(t, text, ymd("2019-06-01")); len(got) != 0 {
		t.Errorf("got %v; want nothing: a month's tally", describeAll(got))
	}
}

// A count of the dead over a month ("إن 950 مدنياً قُتلوا خلال شهر أيار
// الماضي في أنحاء البلاد") is a tally; a killing told on a day of a month
// ("في الخامس من شهر آب") is an event.
func TestExtract_DeadCountedOverAMonth(t *testing.T) {
	if got := extractAll(t, "قالت منظمة حقوقية، اليوم الخميس، إن 950 مدنياً قُتلوا، خلال شهر أيار الماضي، في مختلف المحافظات والمدن.", time.Time{}); len(got) != 0 {
		t.Errorf("got %v; want nothing: a month's tally", describeAll(got))
	}
	oneEvent(t, "قُتل 25 شخصاً في الخامس من شهر آب بقصف جوي على مدينة سراقب.", "2019-08-10", TypeAirstrike)
}

// A death sentence told or carried out ("تنفيذ حكم الإعدام بحق رجل قتل
// أطفاله") is a court's act and its crime is the past; gunmen who executed
// people did kill them.
func TestExtract_DeathSentenceIsNoEvent(t *testing.T) {
	if got := extractAll(t, "وتم تنفيذ حكم الإعدام بحق رجل قتل أطفاله الثلاثة في حي الميدان بدمشق.", ymd("2021-09-22")); len(got) != 0 {
		t.Errorf("got %v; want nothing: a sentence carried out", describeAll(got))
	}
	oneEvent(t, "أعدم مسلحو التنظيم ثلاثة مدنيين في قرية الشحيل يوم الثلاثاء.", "2021-09-22", TypeArmedAttack)
}
