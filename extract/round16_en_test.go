package extract

import "testing"

// Rules of round 16 (English). Every sentence here is ours.

// A toll told for "the attacks", then the jets that struck, is one airstrike.
func TestExtract_AttacksToldFromTheAir(t *testing.T) {
	text := "Nine civilians were killed in the attacks, rescuers said. " +
		"A monitoring group said Russian jets targeted a crowded market in Saraqib."
	got := extractAll(t, text, ymd("2020-02-10"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike || placeOf(got[0]) != "Saraqib" {
		t.Errorf("got %v; want one airstrike at Saraqib", describeAll(got))
	}
}

// People displaced "in" a place are there now: it is where an attack on them
// was, not their home ("displaced from X" still is).
func TestExtract_DisplacedInAPlace(t *testing.T) {
	for _, text := range []string{
		"Russian jets targeted a school sheltering displaced families in Saraqib on Monday.",
		"قصفت طائرات حربية خيام النازحين في بلدة أطمة يوم الاثنين.",
	} {
		got := extractAll(t, text, ymd("2020-02-10"))
		if len(got) != 1 || placeOf(got[0]) != "Saraqib" && placeOf(got[0]) != "أطمة" {
			t.Errorf("Extract(%q) = %v; want one airstrike where the displaced were", text, describeAll(got))
		}
	}
}

// A placeless toll told for a whole month is a tally, as one over months is.
func TestExtract_PlacelessTollOverAMonth(t *testing.T) {
	for _, text := range []string{
		"Gunmen killed 212 civilians in November, a monitoring group said.",
		"قتل مسلحون 212 مدنياً خلال شهر تشرين الثاني، بحسب مرصد حقوقي.",
		"Gunmen killed 40 civilians in February, a monitoring group said.",
	} {
		if got := extractAll(t, text, ymd("2025-12-02")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
}

// English counts told by who the dead were or by a noun of harm.
func TestExtract_EnglishCountsOfNationalsAndHarmNouns(t *testing.T) {
	for _, tc := range []struct {
		text            string
		killed, injured int
	}{
		{"Two Syrian nationals were killed on Tuesday when a drone struck a car near Jableh.", 2, -1},
		{"Three Syrian security forces were killed in an ambush near Talkalakh on Monday.", 3, -1},
		{"Gunmen killed five civilians in a shop in Talkalakh on Monday, and another person was injured.", 5, 1},
		{"A mine blast in a field near Tal Abyad on Monday resulted in at least three deaths and a dozen injured.", 3, 12},
	} {
		got := extractAll(t, tc.text, ymd("2025-03-18"))
		if len(got) != 1 || !countIs(got[0].Killed, tc.killed) || !countIs(got[0].Injured, tc.injured) {
			t.Errorf("Extract(%q) = %v; want one incident, %d killed and %d injured (-1: none told)", tc.text, describeAll(got), tc.killed, tc.injured)
		}
	}
}

// A lead telling an attack on "a town in" an area, then the town by its name,
// tells one event: the town's.
func TestExtract_UnnamedTownInTheLead(t *testing.T) {
	for _, text := range []string{
		"A woman was killed on Sunday when government forces attacked a town in the southern Idlib countryside, rescuers said. " +
			"Warplanes carried out four strikes on the town of Kafr Nabl, killing a woman, the monitor said.",
		"قتلت امرأة يوم الأحد بقصف لقوات النظام على بلدة بريف إدلب الجنوبي. " +
			"وشنت الطائرات الحربية أربع غارات على بلدة كفرنبل ما أدى إلى مقتل امرأة.",
	} {
		got := extractAll(t, text, ymd("2019-07-29"))
		if len(got) != 1 || placeOf(got[0]) != "Kafr Nabl" && placeOf(got[0]) != "كفرنبل" {
			t.Errorf("Extract(%q) = %v; want one incident at Kafr Nabl", text, describeAll(got))
		}
	}
}

// Goods bound for a Gulf country are no Syrian place, and an office named
// after its city between the seizure's place and the arrests names none.
func TestExtract_BoundForTheGulf(t *testing.T) {
	text := "Police seized 20,000 Captagon pills hidden in olive oil tins in the Mezzeh district of Damascus. " +
		"The find was credited to the Anti-Narcotics Branch of Damascus, the ministry said. " +
		"The pills were to be smuggled to Saudi Arabia. " +
		"Two men were arrested over the case."
	got := extractAll(t, text, ymd("2024-05-06"))
	if len(got) != 1 || got[0].Admin1PCode != "SY01" {
		t.Errorf("got %v; want one arrest in Damascus", describeAll(got))
	}
}

// The type told by the weapon and who used it: "missile shelling" by ground
// forces is shelling, Israeli missiles that strike an airstrike; a foreign
// force's soldiers who shoot attack on the ground; "suicide" is a bombing's
// only as a bomber's.
func TestExtract_TypeByWeaponAndActor(t *testing.T) {
	for _, tc := range []struct{ text, pub, want string }{
		{"Missile shelling by government forces on Kafr Nabl on Monday killed three children.", "2022-04-05", TypeShelling},
		{"Three people were killed when Israeli missiles struck a farm near Kafr Nabl on Monday.", "2022-04-05", TypeAirstrike},
		{"An Israeli soldier shot and wounded a shepherd near Jubata al-Khashab on Saturday.", "2025-02-09", TypeArmedAttack},
		{"أطلق جنود إسرائيليون النار على راع قرب بلدة جباتا الخشب يوم السبت وأصابوه بجروح.", "2025-02-09", TypeArmedAttack},
		{"An Israeli strike hit a position near Jubata al-Khashab on Saturday.", "2025-02-09", TypeAirstrike},
		{"A man shot dead two of his cousins in Safita on Friday, then tried to take his own life; the suicide attempt failed.", "2022-11-12", TypeArmedAttack},
		{"A suicide bomber blew himself up at a checkpoint in Safita on Friday.", "2022-11-12", TypeBombing},
	} {
		got := extractAll(t, tc.text, ymd(tc.pub))
		if len(got) != 1 || got[0].IncidentType != tc.want {
			t.Errorf("Extract(%q) = %v; want one %s", tc.text, describeAll(got), tc.want)
		}
	}
}

// Both ends of a road told "between X and Y" are road ends, the first one a
// name the gazetteer lacks too.
func TestExtract_RoadBetweenAnUnknownAndAKnownEnd(t *testing.T) {
	got := extractAll(t, "Gunmen kidnapped a trader on the highway between Qitar and Khirbat Ghazala in rural Daraa.", ymd("2024-05-06"))
	if len(got) != 1 || placeOf(got[0]) == "Khirbat Ghazala" {
		t.Errorf("got %v; want one kidnapping, not placed at a road's end", describeAll(got))
	}
}

// "the twin attack" told with a place, after a lead that named only a point
// near it, is the lead's event, there.
func TestExtract_TheTwinAttackToldAgain(t *testing.T) {
	text := "Two suicide bombers killed five people and wounded 11 on Sunday near a market south of Damascus, state media said. " +
		"Police said the twin attack hit a checkpoint in the town of Babbila."
	got := extractAll(t, text, ymd("2016-02-22"))
	if len(got) != 1 || got[0].IncidentType != TypeBombing || !countIs(got[0].Killed, 5) {
		t.Errorf("got %v; want one bombing with 5 killed", describeAll(got))
	}
}

// A name told with its article ("in al-Karama") is a place when the gazetteer
// holds a town of a close spelling; a short one a letter off, or one before
// "market", is not taken for another.
func TestExtract_ArticleNameSpeltOtherwise(t *testing.T) {
	got := extractAll(t, "Security forces arrested two men in al-Karama on Saturday.", ymd("2023-05-16"))
	if len(got) != 1 || got[0].Admin1PCode != "SY11" {
		t.Errorf("got %v; want one arrest in Raqqa, at Al Karamah", describeAll(got))
	}
	got = extractAll(t, "A car bomb exploded in the al-Hal market on Friday, killing three people.", ymd("2023-05-16"))
	for _, c := range got {
		if c.Admin1PCode == "SY08" {
			t.Errorf("got %v; a market's name is no town of Hasakah", describeAll(got))
		}
	}
}
