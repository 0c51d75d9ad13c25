package extract

import (
	"testing"
	"time"
)

// Rules of round 15 (English). Every sentence here is ours.

// The seat of an office in a title ("the head of internal security in X
// province") is no place of the event; a body part ("shot in the head in Y")
// is no title.
func TestExtractEN_TitleOfOfficeIsNoPlace(t *testing.T) {
	text := "Gunmen killed two men on Monday, the head of internal security in Hama province said. A man was shot in the head in Idlib."
	got := extractAll(t, text, ymd("2025-12-10"))
	idlib := false
	for _, c := range got {
		for _, p := range c.Places {
			if p.Role == RoleIncident && p.Text == "Hama province" {
				t.Errorf("%q is an incident place of %v; want the seat of the office only", p.Text, describeAll(got))
			}
			idlib = idlib || p.Role == RoleIncident && p.Text == "Idlib"
		}
	}
	if !idlib {
		t.Errorf("got %v; want Idlib an incident place", describeAll(got))
	}
}

// "High-explosive shells" are the shelling's munition, as "قذائف شديدة
// الانفجار": no bombing of their own.
func TestExtractEN_HighExplosiveIsAMunition(t *testing.T) {
	got := extractAll(t, "Government forces shelled the town of Kafr Nabl with high-explosive shells on Monday, killing one civilian.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].IncidentType != TypeShelling || got[0].Killed == nil || *got[0].Killed != 1 {
		t.Errorf("got %v; want one shelling with 1 killed", describeAll(got))
	}
}

// "Today" inside a quotation is the day the source spoke, told outside it.
func TestExtract_TodayInAQuotation(t *testing.T) {
	for text, want := range map[string]string{
		"\"Shells hit the town of Ariha twice today, killing two people,\" the civil defence said on Monday.": "2025-12-08",
		"«قصفت قوات النظام مدينة أريحا اليوم مرتين»، قال الدفاع المدني يوم الاثنين.":                          "2025-12-08",
		"Shells hit the town of Ariha twice today, killing two people, the civil defence said.":               "2025-12-10",
	} {
		got := extractAll(t, text, ymd("2025-12-10"))
		if len(got) != 1 || got[0].DateFrom.Format(time.DateOnly) != want {
			t.Errorf("Extract(%q) = %v; want one incident dated %s", text, describeAll(got), want)
		}
	}
}

// A quarter told "in" a town ("the al-Hamra district in al-Sousah town") is
// in that town: not a namesake in another governorate.
func TestExtractEN_QuarterInATown(t *testing.T) {
	got := extractAll(t, "A man was shot dead on Sunday in the al-Hamra district in al-Sousah town, east of Deir Ezzor.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].Admin1Name != "Deir ez-Zor" {
		t.Errorf("got %v; want one attack in Deir ez-Zor", describeAll(got))
	}
}

// A quarter the gazetteer lacks, placed at the countryside told with it, is
// not inside a town named before: the attacks in the two are two events.
func TestExtractEN_UnknownQuarterIsNotInAKnownTown(t *testing.T) {
	text := "A fighter was wounded by gunfire in al-Bosirah city, east of Deir Ezzor. " +
		"Yesterday, a fighter was shot dead in the al-Zuhour district, in the Deir Ezzor countryside to the west."
	got := extractAll(t, text, ymd("2025-12-10"))
	if len(got) != 2 || got[0].Injured == nil || *got[0].Injured != 1 || got[0].Killed != nil ||
		got[1].Killed == nil || *got[1].Killed != 1 {
		t.Errorf("got %v; want two attacks, 1 injured in al-Bosirah and 1 killed in al-Zuhour", describeAll(got))
	}
}

// Places told as one event's, most of them in one governorate: one read as a
// quarter of a city elsewhere is the namesake of a village the gazetteer
// lacks, and not where the event is placed.
func TestExtract_MostPlacesSayTheGovernorate(t *testing.T) {
	got := extractAll(t, "Turkish guns pounded the village of Hazima, the town of Karama and the village of Akrama on Monday.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].Admin1Name != "Raqqa" {
		t.Errorf("got %v; want one shelling placed in Raqqa", describeAll(got))
	}
}

// A killing told as what set off a clash ("following the killing of a man")
// is an event of its own, at the clash's place, and its dead are not the
// clash's; the clash, retold at a town after a lead in its countryside, keeps
// the lead's toll.
func TestExtractEN_KillingThatSetOffAClash(t *testing.T) {
	text := "Five people were killed on Friday in clashes between two armed groups in the eastern countryside of Hama. " +
		"The fighting broke out in the town of Salamiyah, following the killing of a young man at a checkpoint by a member of one group."
	got := extractAll(t, text, ymd("2025-12-10"))
	if len(got) != 2 || got[0].IncidentType != TypeClash || got[0].Killed == nil || *got[0].Killed != 5 ||
		got[1].IncidentType != TypeArmedAttack || got[1].Killed == nil || *got[1].Killed != 1 || got[1].PlaceNameEN != "Salamiyah" {
		t.Errorf("got %v; want a clash with 5 killed and an attack with 1 killed in Salamiyah", describeAll(got))
	}
}

// A foreign force's adjective before "-backed" names the backer of men on
// the ground: their attack is no airstrike.
func TestExtractEN_ForeignBackedIsNoAirForce(t *testing.T) {
	for _, text := range []string{
		"On Monday, Turkish-backed factions attacked a village in rural northern Aleppo, killing four fighters.",
		"On Monday, pro-Turkish factions attacked a village in rural northern Aleppo, killing four fighters.",
	} {
		got := extractAll(t, text, ymd("2025-12-10"))
		if len(got) != 1 || got[0].IncidentType != TypeArmedAttack {
			t.Errorf("Extract(%q) = %v; want one armed attack", text, describeAll(got))
		}
	}
	got := extractAll(t, "On Monday, a Turkish attack hit a village in rural northern Aleppo, killing four fighters.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike {
		t.Errorf("a Turkish attack: got %v; want one airstrike", describeAll(got))
	}
}

// "A terrorist cell", "a smuggling gang": a group, not one person arrested.
func TestExtractEN_AGroupIsNoCountOfOne(t *testing.T) {
	for text, want := range map[string]int{
		"Police arrested a terrorist cell in the city of Masyaf on Monday.": 0,
		"Police arrested a smuggling gang in the city of Masyaf on Monday.": 0,
		"Police arrested a terrorist in the city of Masyaf on Monday.":      1,
	} {
		got := extractAll(t, text, ymd("2025-12-10"))
		if len(got) != 1 || want == 0 && got[0].Arrested != nil || want > 0 && (got[0].Arrested == nil || *got[0].Arrested != want) {
			t.Errorf("Extract(%q) = %v; want one arrest, %d arrested (0: not told)", text, describeAll(got), want)
		}
	}
}

// Weapons a vehicle was loaded with are its cargo, not a shelling.
func TestExtract_CargoIsNoFiring(t *testing.T) {
	for _, text := range []string{
		"Police seized a truck in the city of Masyaf on Monday. The truck was loaded with rockets, mortar shells and rifles.",
		"ضبطت الشرطة شاحنة في مدينة مصياف يوم الاثنين، وكانت الشاحنة محملة بقذائف هاون وصواريخ.",
	} {
		for _, c := range extractAll(t, text, ymd("2025-12-10")) {
			if c.IncidentType != TypeWeaponsSeizure && c.IncidentType != TypeArrest {
				t.Errorf("Extract(%q): a %s; want the seizure alone", text, c.IncidentType)
			}
		}
	}
}

// An arrest raid that met with a clash, its dead and its arrests told
// together: a clash with the dead, an arrest with the arrested, and a later
// "in the clashes" is that clash.
func TestExtractEN_RaidThatMetAClash(t *testing.T) {
	text := "Police arrested a cell of smugglers in the city of Masyaf on Monday. " +
		"A source said a patrol clashed with the six members of the cell, adding that one of them was killed and the five others were arrested. " +
		"No policeman was hurt in the clashes, the source added."
	got := extractAll(t, text, ymd("2025-12-10"))
	var clash, arrest int
	for _, c := range got {
		switch {
		case c.IncidentType == TypeClash && c.Killed != nil && *c.Killed == 1 && c.Arrested == nil:
			clash++
		case c.IncidentType == TypeArrest && c.Arrested != nil && *c.Arrested == 5 && c.Killed == nil:
			arrest++
		default:
			t.Errorf("unexpected %v", describeAll([]Candidate{c}))
		}
	}
	if clash != 1 || arrest != 1 {
		t.Errorf("got %v; want a clash with 1 killed and an arrest of 5", describeAll(got))
	}
}

// An ambush the security forces laid to stop smugglers, with no one hurt,
// is how the seizure told with it was made, not an attack of its own.
func TestExtractEN_SecurityAmbushIsTheOperation(t *testing.T) {
	text := "Police confiscated a consignment of rifles on Tuesday in the Homs countryside. " +
		"Police units followed the smugglers for days before setting up an ambush in the town of Qusayr."
	got := extractAll(t, text, ymd("2025-12-10"))
	if len(got) != 1 || got[0].IncidentType != TypeWeaponsSeizure || got[0].PlaceNameEN != "Qusayr" {
		t.Errorf("got %v; want one seizure in Qusayr", describeAll(got))
	}
	got = extractAll(t, "Gunmen killed two soldiers in an ambush in the town of Qusayr on Tuesday.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].IncidentType != TypeArmedAttack {
		t.Errorf("an ambush by gunmen: got %v; want one armed attack", describeAll(got))
	}
}

// "Following the X blasts, …" names where an earlier event was: the place
// of the event told is the one after.
func TestExtractEN_PlaceOfTheEventBefore(t *testing.T) {
	got := extractAll(t, "Following the Homs blasts, two car bombs went off in the city of Hama on Monday.", ymd("2025-12-10"))
	if len(got) != 1 || got[0].Admin1Name != "Hama" {
		t.Errorf("got %v; want one bombing in Hama", describeAll(got))
	}
}

// Whom militants or gunmen "capture" or "detain" they kidnap; whom the
// security forces detain, however near militants are told, is arrested.
func TestExtractEN_CapturedByMilitantsIsAKidnapping(t *testing.T) {
	for text, want := range map[string]string{
		"Militants holed up in the town of Jableh captured seven policemen late on Monday.": TypeKidnapping,
		"Two doctors were detained by gunmen in the town of Jableh on Monday.":              TypeKidnapping,
		"Security forces hunting for militants around Jableh arrested five men on Monday.":  TypeArrest,
		"Police captured seven gunmen in the town of Jableh on Monday.":                     TypeArrest,
	} {
		got := extractAll(t, text, ymd("2025-12-10"))
		if len(got) != 1 || got[0].IncidentType != want {
			t.Errorf("Extract(%q) = %v; want one %s", text, describeAll(got), want)
		}
	}
}
