package extract

import "testing"

// Rules of round 22. Every sentence here is ours.

// The men an arrest names after "المدعوين" are counted, each name of one to
// four words, the next joined by "و" ("وعلي" too, and not "وليد" inside a
// name); the list ends at the first word no name is made of. One of them
// named again later ("القبض على المدعو نزار") is of the same arrest.
func TestExtract_NamedMenCounted(t *testing.T) {
	c := oneEvent(t, "اعتقلت الشرطة المدعوين علي خليل حداد ونزار فؤاد شحادة، "+
		"وعلي وليد الأسعد في مدينة حماة ليل الجمعة للاشتباه بصلتهم بسرقة مستودع.", "2026-03-07", TypeArrest)
	if c != nil {
		wantCount(t, "arrested", c.Arrested, 3)
	}
	got := extractAll(t, "اعتقلت الشرطة المدعوين علي خليل حداد ونزار فؤاد شحادة، "+
		"وعلي وليد الأسعد في مدينة حماة ليل الجمعة للاشتباه بصلتهم بسرقة مستودع.\n\n"+
		"وأوضحت الوزارة أن الوحدات تابعت تحركاته منذ وصوله، فاعتقلت المدعو نزار، "+
		"وعلي المتورطين معه، وضبط عبوات ناسفة بحوزتهما.", ymd("2026-03-07"))
	arrests := 0
	for _, c := range got {
		if c.IncidentType == TypeArrest {
			arrests++
			wantCount(t, "arrested", c.Arrested, 3)
		}
	}
	if arrests != 1 {
		t.Errorf("got %v; want one arrest of three", describeAll(got))
	}
	c = oneEvent(t, "ألقت الشرطة القبض على المدعوين سامي خليل حداد ووليد فؤاد شحادة في مدينة حمص أمس.", "2026-03-07", TypeArrest)
	if c != nil {
		wantCount(t, "arrested", c.Arrested, 2)
	}
}

// "ما يقارب", "يناهز" before a number are "about": the number is the count,
// before "من" as before a noun. A count joined to a vague number more ("طفل
// وعدد غير معروف من المقاتلين", "وعشرات") is no number; a vague number of
// the hurt after the dead ("وعدد من الجرحى") leaves the dead counted.
func TestExtract_AboutAndVagueMore(t *testing.T) {
	c := oneEvent(t, "خلّف الهجوم المسلح على نقطة للجيش قرب بلدة السخنة مقتل ما يقارب 7 من الجنود وجرح ما يناهز 15 آخرين.", "2024-03-02", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 7)
		wantCount(t, "injured", c.Injured, 15)
	}
	c = oneEvent(t, "لقي فتى وعدد غير معروف من المقاتلين حتفهم بضربة طائرة مسيرة شمال بلدة عامودا.", "2024-03-02", TypeAirstrike)
	if c != nil && c.Killed != nil {
		t.Errorf("killed = %d; want null, a boy and an unknown number more", *c.Killed)
	}
	c = oneEvent(t, "أوقع قصف مدفعي على بلدة عامودا صباح اليوم 3 قتلى وعدداً من الجرحى.", "2024-03-02", TypeShelling)
	if c != nil {
		wantCount(t, "killed", c.Killed, 3)
	}
}

// "quarter" after a name is a neighbourhood's type word, as "neighbourhood"
// is: "in al-Midan quarter in Damascus" is Midan, not the city. A capitalised
// determiner opening a sentence ("A neighbourhood of X", "A quarter of the
// victims") is no place's name.
func TestExtract_QuarterAndDeterminersEN(t *testing.T) {
	c := oneEvent(t, "A car bomb went off on Monday in al-Midan quarter in Damascus, killing four people.", "2013-05-06", TypeBombing)
	if c != nil && c.PlaceNameEN != "Midan" && c.PlaceNameEN != "al-Midan" {
		t.Errorf("place = %q (%q); want Midan, the quarter", c.PlaceNameEN, c.PlaceNameAR)
	}
	for _, text := range []string{
		"A neighborhood of Douma came under shelling on Monday.",
		"Rockets hit Douma on Monday. A quarter of those hurt were women.",
	} {
		c := oneEvent(t, text, "2013-05-06", TypeShelling)
		if c != nil && c.PlaceNameAR != "دوما" {
			t.Errorf("Extract(%q): place = %q (%q); want Douma", text, c.PlaceNameEN, c.PlaceNameAR)
		}
	}
}

// "captured", "caught" count the people they take ("captured a five-member
// cell": five arrested), and ground they take is fought for: "captured the
// rebel-held X enclave", "captured two army positions" are clashes. A name
// after them is as often a place as a person, so it counts nobody.
func TestExtract_CapturedEN(t *testing.T) {
	c := oneEvent(t, "Security forces captured a five-member cell in Tabqa on Sunday.", "2023-01-10", TypeArrest)
	if c != nil {
		wantCount(t, "arrested", c.Arrested, 5)
	}
	for _, text := range []string{
		"On Sunday, the factions captured the Kurdish-controlled Afrin pocket.",
		"The factions captured two army positions near Kafranbel on Sunday.",
	} {
		c := oneEvent(t, text, "2023-01-10", TypeClash)
		if c != nil && c.Arrested != nil {
			t.Errorf("Extract(%q): arrested = %d; want null", text, *c.Arrested)
		}
	}
}

// The attackers' dead told after the victims' (or the other way round), in a
// later sentence of the same event, are the other side's: both are summed, as
// the labelling conventions do. Another figure for the same side is a source's
// own count, and the first stands.
func TestExtract_BothSidesAcrossSentences(t *testing.T) {
	c := oneEvent(t, "Nine police officers died and four others were hurt when gunmen ambushed their patrol near the town of Safita on Monday. "+
		"A war monitor confirmed the ambush and said that two armed men were killed in the exchange of fire.", "2025-01-10", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 11)
	}
	c = oneEvent(t, "قتل خمسة عناصر من الشرطة بهجوم مسلح على حاجز في بلدة تلكلخ فجر اليوم. وذكر مصدر محلي مقتل اثنين من المهاجمين خلال الاشتباك.", "2025-01-10", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 7)
	}
	c = oneEvent(t, "Nine police officers died when gunmen ambushed their patrol near the town of Safita on Monday. "+
		"A war monitor said that eleven police officers were killed in the ambush.", "2025-01-10", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 9)
	}
}

// Attackers are people counted like any others: "ثلاثة من المهاجمين قتلوا",
// "قُتل مهاجم".
func TestExtract_AttackersCounted(t *testing.T) {
	c := oneEvent(t, "وأكد شاهد أن أربعة من المهاجمين قتلوا خلال اشتباك مع الحراس في بلدة تلكلخ ليل السبت.", "2025-01-10", TypeClash)
	if c != nil {
		wantCount(t, "killed", c.Killed, 4)
	}
	c = oneEvent(t, "قتل مهاجم وجرح حارسان خلال اشتباك عند مدخل بلدة تلكلخ ليل السبت.", "2025-01-10", TypeClash)
	if c != nil {
		wantCount(t, "killed", c.Killed, 1)
	}
}

// A toll told after the events it totals, with no place of its own ("the
// number of civilians killed … has reached eight" after five and three), is
// their total, not another event at the last one's place. An event of its own
// place with that toll is still an event.
func TestExtract_TotalAfterItsParts(t *testing.T) {
	got := extractAll(t, "Government forces killed five farmers in rocket attacks on the town of Sarmin at dawn. "+
		"Besides, monitors documented the deaths of three farmers due to rocket fire on Ariha at dawn. "+
		"Accordingly, the number of farmers killed at dawn in bombardment by government forces has reached eight people.", ymd("2021-06-10"))
	if len(got) != 2 {
		t.Errorf("got %v; want the two shellings, not their total", describeAll(got))
	}
	got = extractAll(t, "Government artillery hit the village of Iblin at dawn, killing five farmers. "+
		"Three more farmers died when rockets struck Kafranbel an hour later. "+
		"In the evening, rockets killed eight people in the town of Ariha.", ymd("2021-06-10"))
	if len(got) != 3 {
		t.Errorf("got %v; want three shellings", describeAll(got))
	}
}

// "X, a cousin of his, was also killed" counts one more of the event told
// before, the subject read across its aside, even with a sentence about the
// first victim between; the town he "lived in" is his home, not the place.
func TestExtract_AlsoKilledAcrossAnAsideEN(t *testing.T) {
	c := oneEvent(t, "A drone struck a pickup truck near Khan Arnaba on Sunday, killing a local commander. "+
		"Relatives said the commander had once lived in Damascus before going back to his village. "+
		"His bodyguard, a cousin of his, was also killed.", "2024-09-12", TypeAirstrike)
	if c != nil {
		wantCount(t, "killed", c.Killed, 2)
		if c.PlaceNameEN != "Khan Arnaba" {
			t.Errorf("place = %q; want Khan Arnaba, not the town he lived in", c.PlaceNameEN)
		}
	}
}

// People joined by "and" before a passive verb are all counted: "a mother and
// four children died" is five, "a shepherd and his small daughter were killed" two,
// "12 pro-government militiamen and 9 jihadists" 21 (each side's number a few
// words before its noun).
func TestExtract_JoinedBeforePassiveEN(t *testing.T) {
	for text, want := range map[string]int{
		"A mother and four children died when shells hit the Ashrafiyeh neighborhood on Monday.":                         5,
		"A shepherd and his little daughter were killed by snipers near Ariha on Monday.":                                2,
		"Twelve pro-government militiamen and 9 jihadists had been killed since fighting began on Monday in Deir Ezzor.": 21,
	} {
		got := extractAll(t, text, ymd("2015-05-08"))
		if len(got) != 1 {
			t.Errorf("Extract(%q) = %v; want one event", text, describeAll(got))
			continue
		}
		wantCount(t, "killed", got[0].Killed, want)
	}
}

// "in another area", "في حي آخر": a place apart from the event told before,
// in the area around both, not the last event's quarter.
func TestExtract_AnotherAreaIsNotTheLastPlace(t *testing.T) {
	got := extractAll(t, "Attacks on Aleppo city killed at least five civilians on Monday. "+
		"A mother and her two sons died when rockets hit the Ashrafiyeh neighborhood. "+
		"A pharmacist was shot dead by a sniper in another government-held neighborhood.", ymd("2015-05-08"))
	if len(got) < 2 || got[len(got)-1].PlaceNameEN != "Aleppo" {
		t.Errorf("got %v; want the sniper's killing placed in Aleppo, not in Ashrafiyeh", describeAll(got))
	}
}

// A town told as a neighbouring country's ("near the Lebanese border town of
// X", "the Iraqi border city of Y") is abroad; so is a story told from a
// neighbour's capital ("بغداد - وكالات", "العاصمة العراقية") that names
// neither Syria nor a place in it. A story told from Beirut of a place in
// Syria is still Syria's.
func TestExtract_AbroadByAdjectiveAndCapital(t *testing.T) {
	for _, text := range []string{
		"A drone hit a motorcycle near the Lebanese border town of Kfarkela on Monday, killing its rider.",
		"Gunmen shot dead a shop owner in the Iraqi border city of Qaim on Monday.",
		"بغداد - وكالات\nقتل خمسة أشخاص وأصيب تسعة آخرون بانفجار سيارة مفخخة قرب مرآب للحافلات في قضاء الخالص شمال شرق العاصمة العراقية.",
	} {
		if got := extractAll(t, text, ymd("2024-08-26")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing: it happened abroad", text, describeAll(got))
		}
	}
	oneEvent(t, "بيروت - وكالات\nقتل شخصان بانفجار لغم في منطقة الطيبة شرقي سوريا أمس.", "2024-08-26", TypeOther)
}

// People taken to a hospital are hurt: "ونُقل خمسة عمال إلى مستشفى المدينة",
// "two others were rushed to a nearby hospital". A body taken there is not.
func TestExtract_TakenToHospitalAreHurt(t *testing.T) {
	for text, want := range map[string]int{
		"قتل شاب برصاص مجهولين في مدينة جاسم مساء أمس، وأسعف أربعة من رفاقه إلى مشفى المدينة.":               4,
		"Gunmen shot dead a trader in Jasim on Monday, and two bystanders were rushed to a nearby hospital.": 2,
	} {
		got := extractAll(t, text, ymd("2025-12-11"))
		if len(got) != 1 {
			t.Errorf("Extract(%q) = %v; want one event", text, describeAll(got))
			continue
		}
		wantCount(t, "injured", got[0].Injured, want)
	}
	c := oneEvent(t, "قتل شاب برصاص مجهولين في مدينة جاسم مساء أمس، ونقلت جثته إلى المشفى الوطني.", "2025-12-11", TypeArmedAttack)
	if c != nil && c.Injured != nil {
		t.Errorf("injured = %d; want null: a body taken to hospital is no one hurt", *c.Injured)
	}
}

// "بالإضافة إلى", "إضافة إلى" add a person told by his noun, not only a
// number: "خمسة أفراد، إضافة إلى متزعمها" are six.
func TestExtract_InAdditionToTheLeader(t *testing.T) {
	c := oneEvent(t, "ألقت الشرطة القبض على عصابة من أربعة أفراد، إضافة إلى زعيمهم، داخل مدينة حمص صباح اليوم.", "2026-01-14", TypeArrest)
	if c != nil {
		wantCount(t, "arrested", c.Arrested, 5)
	}
}

// "ضبط" of a band of people ("ضبطت الشرطة عصابة") is an arrest; weapons
// found with a gang ("ضبطت أسلحة بحوزة عصابة") are still a seizure.
func TestExtract_GangCaughtIsAnArrest(t *testing.T) {
	oneEvent(t, "ضبطت الشرطة في مدينة حماة عصابة لسرقة الدراجات النارية ليل الخميس.", "2026-01-14", TypeArrest)
	oneEvent(t, "ضبطت الشرطة في مدينة حماة قنابل يدوية وبنادق بحوزة عصابة ليل الخميس.", "2026-01-14", TypeWeaponsSeizure)
}

// A hospital someone hurt was taken to or left at, and its town, are where he
// ended up, not where he was hurt: "ألقوه أمام باب مشفى Y في مدينة X"
// after a kidnapping in the countryside. A shell that fell at a
// hospital's door fell there.
func TestExtract_LeftAtHospitalIsNoPlace(t *testing.T) {
	c := oneEvent(t, "خطف مسلحون تاجراً في ريف درعا الشرقي فجر اليوم، وبعد ساعات ألقوه أمام باب مشفى بصرى الشام وهو مصاب بجروح.", "2025-05-10", TypeKidnapping)
	if c != nil && c.PlaceNameEN != "eastern rural Daraa" {
		t.Errorf("place = %q (%q); want the eastern Daraa countryside, not the hospital he was left at", c.PlaceNameEN, c.PlaceNameAR)
	}
	c = oneEvent(t, "سقطت قذيفة أمام باب مشفى بصرى الشام فجر اليوم.", "2025-05-10", TypeShelling)
	if c != nil && c.PlaceNameAR != "بصرى الشام" && c.PlaceNameAR != "مشفى بصرى الشام" {
		t.Errorf("place = %q; want Busra al-Sham, where the hospital the shell hit stands", c.PlaceNameAR)
	}
}

// A cause told as disputed ("تضاربت الأنباء حول سبب الانفجار", "conflicting
// reports about the cause of the blast") names the sources' guesses, not
// events: the explosion stays one, of unknown cause. "استهدف الانفجار X" tells
// the explosion again, and "أسفر عن قضاء ثلاثة" counts its dead.
func TestExtract_DisputedCauseIsOneExplosion(t *testing.T) {
	for _, text := range []string{
		"دوى انفجار قوي ظهر اليوم في مدينة مارع بريف حلب. وتضاربت الأنباء حول سبب الانفجار، إذ تحدث ناشطون عن غارة لطائرة مسيرة بينما قال آخرون إن دراجة نارية مفخخة انفجرت.",
		"A loud explosion shook the town of Marea at noon. There were conflicting accounts of the cause of the explosion: a drone strike, said some, while others spoke of a booby-trapped motorcycle.",
	} {
		oneEvent(t, text, "2021-03-02", TypeOther)
	}
	c := oneEvent(t, "دوى انفجار قوي ظهر اليوم في مدينة مارع بريف حلب. واستهدف الانفجار مبنى المجلس المحلي، وأسفر عن قضاء ثلاثة موظفين.", "2021-03-02", TypeOther)
	if c != nil {
		wantCount(t, "killed", c.Killed, 3)
	}
}

// "the bombs", "the shells" told after an event are its devices: "killed by
// the bombs" after barrel bombs from helicopters is no bombing of its own.
func TestExtract_TheBombsAreTheEventsEN(t *testing.T) {
	for _, text := range []string{
		"Helicopters dropped barrel bombs on the town of Nawa on Monday, killing 12 people. A medic said the bombs took the lives of four men.",
		"Government helicopters struck the town of Nawa with barrel bombs on Monday, killing 12 people. The bombs killed two women near the market.",
	} {
		oneEvent(t, text, "2014-02-05", TypeAirstrike)
	}
}

// "in a similar incident", "في حادثة مماثلة" is of the kind told before: a
// child killed so after a landmine blast died in another blast, not by gunmen.
func TestExtract_SimilarIncidentTakesTheKindBefore(t *testing.T) {
	for _, text := range []string{
		"A landmine killed a shepherd in a field near the town of Kafranbel on Friday. A day earlier, two farmers were killed in a similar incident near the village of Kansafra.",
		"قتل راع بانفجار لغم أرضي قرب بلدة كفرنبل يوم الجمعة. وقبل ذلك بيوم، قتل مزارع في حادثة مماثلة في ريف إدلب الجنوبي.",
	} {
		got := extractAll(t, text, ymd("2025-05-10"))
		if len(got) != 2 || got[1].IncidentType != got[0].IncidentType {
			t.Errorf("Extract(%q) = %v; want two events of one kind", text, describeAll(got))
		}
	}
}

// A toll told near a town far from the events told before it ("killed three
// at a checkpoint near the town of X") is an event of its own, not the
// kidnapping told before at a town 20 km away; and "a street near the town of
// X" is no street named after X.
func TestExtract_TollNearAnotherTownIsItsOwnEvent(t *testing.T) {
	got := extractAll(t, "On Friday, gunmen kidnapped a young man from Ibta while he was driving to the town of Dael. "+
		"Other sources also said that gunmen in a van kidnapped a trader outside a bakery in the town of Tafas. "+
		"Army troops killed three men from the town of Alma after they refused to halt at a roadblock on a busy street near the town of Sheikh Miskin, sources said.", ymd("2020-06-05"))
	shot := 0
	for _, c := range got {
		if c.IncidentType == TypeArmedAttack {
			shot++
			wantCount(t, "killed", c.Killed, 3)
		} else if c.Killed != nil {
			t.Errorf("%s at %s: killed = %d; want null, the shooting's dead are its own", c.IncidentType, c.PlaceNameEN, *c.Killed)
		}
	}
	if shot != 1 {
		t.Errorf("got %v; want the shooting near Sheikh Miskin as an event of its own", describeAll(got))
	}
}

// A vehicle intercepted with a load of arms is a seizure, whatever the
// length of the load's name ("a van carrying Kornet anti-tank missiles");
// air defences intercepting missiles seize nothing.
func TestExtract_InterceptedLoadEN(t *testing.T) {
	oneEvent(t, "Police in Tartus intercepted a van carrying Kornet anti-tank missiles and heavy machine gun rounds on Thursday.", "2025-06-05", TypeWeaponsSeizure)
	if got := extractAll(t, "Air defences intercepted a number of missiles over Damascus on Thursday.", ymd("2025-06-05")); len(got) != 0 {
		t.Errorf("got %v; want nothing: missiles shot down are no seizure", describeAll(got))
	}
}

// "…, while the monitor reported 27 dead" after a toll is another source's
// figure for the event just told, not an event of its own with no place; the
// first figure stands. An event told after "while" at a place of its own is
// still one.
func TestExtract_AnotherSourcesFigureInTheSameSentence(t *testing.T) {
	c := oneEvent(t, "A drone strike on a farm near Masyaf killed 11 people according to the health ministry, while a war monitor reported 16 dead.", "2024-09-12", TypeAirstrike)
	if c != nil {
		wantCount(t, "killed", c.Killed, 11)
	}
	if got := extractAll(t, "Shelling killed two civilians in Kafranbel, while a drone strike killed three in Ariha, a war monitor reported.", ymd("2024-09-12")); len(got) != 2 {
		t.Errorf("got %v; want two events", describeAll(got))
	}
}

// A quarter told in a sentence naming no city is one of the city the story
// told before, when the gazetteer put it in another governorate: after a
// car bomb told in Homs, five who died "in the al-Zahraa neighborhood" died in
// Homs's Zahra', not the Daraa quarter of that name, even with an event near
// Damascus told between.
func TestExtract_QuarterOfTheStorysCity(t *testing.T) {
	got := extractAll(t, "A car bomb went off in Homs on Monday, state media said. "+
		"Police defused a second car bomb near a mosque south of Damascus. "+
		"Officials said the first blast killed five people and wounded 20 in the al-Zahraa neighborhood.", ymd("2017-05-23"))
	for _, c := range got {
		if c.PlaceNameAR == "الزهراء" && c.Admin1Name != "Homs" {
			t.Errorf("al-Zahraa placed in %s; want Homs, the city the story told", c.Admin1Name)
		}
	}
	if len(got) == 0 || got[0].Admin1Name != "Homs" {
		t.Errorf("got %v; want the Homs bombing first", describeAll(got))
	}
}

// "strike(s) on", "against", "targeting" a target are blows from the air, as
// "a strike killed three" is; a hunger strike is none.
func TestExtract_StrikesOnTargetsEN(t *testing.T) {
	oneEvent(t, "Seven gunmen died overnight in strikes against militia posts in Al Mayadin, a monitor said on Tuesday.", "2024-03-26", TypeAirstrike)
	oneEvent(t, "A strike on a pickup truck near Al Mayadin killed two fighters on Monday.", "2024-03-26", TypeAirstrike)
	if got := extractAll(t, "Detainees in Hama central prison began a hunger strike on Monday.", ymd("2024-03-26")); len(got) != 0 {
		t.Errorf("got %v; want nothing: a hunger strike", describeAll(got))
	}
}

// A sentence opening with "Additionally," counts people besides those told:
// the militiamen killed after the bystanders killed are more dead.
func TestExtract_AdditionallyCountsMoreEN(t *testing.T) {
	c := oneEvent(t, "Fighting flared on Tuesday between Kurdish police and government militias in the city of Qamishli, and a medic said six bystanders were killed. Additionally, two militiamen were killed.", "2016-08-17", TypeClash)
	if c != nil {
		wantCount(t, "killed", c.Killed, 8)
	}
}
