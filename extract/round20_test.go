package extract

import (
	"testing"
)

// Rules of round 20. Every sentence here is ours.

// "so far" before a word of not knowing ("a device whose source is so far
// unknown") tells what is not known yet of one event, not a count up to now.
func TestExtract_SoFarUnknownIsNoTally(t *testing.T) {
	c := oneEvent(t, "A landmine whose source is so far unknown went off near Kafr Nabl on May 3, 2020, killing a shepherd.", "2020-05-04", TypeOther)
	if c != nil {
		wantCount(t, "killed", c.Killed, 1)
	}
	wantNothing(t, "So far this year, mines have killed 40 people across the province.", "2020-05-04", "a tally up to now")
}

// A person "from al X village" is from there, the article written apart
// from the name as "the" is: his home, not where the blast was.
func TestExtract_FromAlVillageIsHome(t *testing.T) {
	c := oneEvent(t, "A boy from al Hass village was killed when a landmine went off in the town of Kafr Nabl on Sunday.", "2021-03-08", TypeOther)
	if c != nil && c.PlaceNameEN != "Kafr Nabl" {
		t.Errorf("place = %q; want Kafr Nabl, not the boy's home", c.PlaceNameEN)
	}
}

// A sentence opened by "A" and one person, however much is told of him
// before his verb, counts one; "his brother was injured" counts one more
// hurt; so do "another sustained severe injuries" and "suffered wounds".
func TestExtract_OnePersonToldAtLength(t *testing.T) {
	c := oneEvent(t, "A boy from Kafr Nabl named as Ahmad Saleh was killed on Sunday, and his brother was injured, as a landmine blew up near Hass.",
		"2021-03-08", TypeOther)
	if c != nil {
		wantCount(t, "killed", c.Killed, 1)
		wantCount(t, "injured", c.Injured, 1)
	}
	c = oneEvent(t, "A bomb went off under a car in the village of Sukkariyeh on Wednesday. It killed an officer and a soldier, while another sustained severe injuries.",
		"2023-11-15", TypeBombing)
	if c != nil {
		wantCount(t, "killed", c.Killed, 2)
		wantCount(t, "injured", c.Injured, 1)
	}
	c = oneEvent(t, "A bomb went off under a car in the village of Sukkariyeh on Wednesday. Three soldiers suffered minor wounds.", "2023-11-15", TypeBombing)
	if c != nil {
		wantCount(t, "injured", c.Injured, 3)
	}
}

// Explosions heard with no cause told are an event of unknown cause; heard
// with their cause told, they are that event's sound, and one event.
func TestExtract_ExplosionsHeardEN(t *testing.T) {
	c := oneEvent(t, "Residents reported hearing two loud explosions in Jableh city at dawn, and their cause is not known.", "2024-05-01", TypeOther)
	if c != nil && c.PlaceNameEN != "Jableh" {
		t.Errorf("place = %q; want Jableh", c.PlaceNameEN)
	}
	oneEvent(t, "The blast heard in the Mazzeh area at noon came from a bomb that went off in a parked car, police said.", "2024-05-01", TypeBombing)
}

// "Assad's militia", "Idlib's police": a force named by whose it is, the
// name no place.
func TestExtract_PossessiveForceIsNoPlace(t *testing.T) {
	c := oneEvent(t, "Two members of Assad’s militia were killed by a roadside bomb on Wednesday in the village of Sukkariyeh.", "2023-11-15", TypeBombing)
	if c == nil {
		return
	}
	if c.PlaceNameEN != "Sukkariyeh" {
		t.Errorf("place = %q; want Sukkariyeh", c.PlaceNameEN)
	}
	for _, p := range c.Places {
		if p.Text == "Assad" && p.Role == RoleIncident {
			t.Errorf("Assad listed as where it happened: %+v", p)
		}
	}
}

// "Homs/Hama, SANA –" is a dateline of two places: neither is where the
// event was. "were reported injured" counts as "were injured".
func TestExtract_SlashDatelineEN(t *testing.T) {
	c := oneEvent(t, "Homs/Hama, SANA – Two people were killed when rockets fell on the Karm al-Zeitoun neighborhood in Homs city on Friday. Four others were reported injured by the rockets.",
		"2017-02-17", TypeShelling)
	if c == nil {
		return
	}
	for _, p := range c.Places {
		if p.Text == "Hama" && p.Role != RoleDateline {
			t.Errorf("Hama has role %q; want dateline", p.Role)
		}
	}
	if c.Admin1Name != "Homs" {
		t.Errorf("governorate = %q; want Homs", c.Admin1Name)
	}
	wantCount(t, "injured", c.Injured, 4)
}

// Fire launched by men "posted (positioned) in al X" came from X: the article
// apart does not hide the verb of posting.
func TestExtract_PositionedInAlTown(t *testing.T) {
	c := oneEvent(t, "Rockets fired by militants positioned in al-Nueimeh town hit Daraa al-Balad on Friday, and two people died.", "2017-02-17", TypeShelling)
	if c != nil && c.PlaceNameEN == "al-Nueimeh" {
		t.Errorf("placed at %q, where the fire came from", c.PlaceNameEN)
	}
}

// A building of an institution told "في منطقة X" stands in X: the place of a
// blast near it, not the institution's seat ("قرب مبنى تابع لوزارة الداخلية
// في حي X").
func TestExtract_InstitutionBuildingInArea(t *testing.T) {
	c := oneEvent(t, "انفجرت عبوة ناسفة قرب مبنى تابع لوزارة الداخلية في حي المزة بدمشق صباح اليوم، ما أدى إلى إصابة ثلاثة أشخاص.",
		"2024-05-08", TypeBombing)
	if c != nil && c.PlaceNameAR != "المزة" {
		t.Errorf("place = %q; want المزة", c.PlaceNameAR)
	}
}

// "حادثة الخطف" told after a kidnapping is that kidnapping told again, a
// construct with a definite noun as definite as "الحادثة": one event.
func TestExtract_ConstructRetellsEvent(t *testing.T) {
	c := oneEvent(t, "خطف مسلحون مجهولون شاباً في مدينة نوى بريف درعا الغربي يوم أمس. وأضاف المصدر أن حادثة الخطف وقعت في الحي الشمالي لمدينة نوى.",
		"2023-03-07", TypeKidnapping)
	if c != nil && c.PlaceNameAR != "نوى" {
		t.Errorf("place = %q; want نوى", c.PlaceNameAR)
	}
}

// A death at armed men's hands ("مقتل تاجر على يد مجموعة مسلحة") is their
// attack; a death told alone ("مقتل تاجر") is not yet one. The object of
// "تشهد مدينة X" is no part of X's name.
func TestExtract_DeathByArmedMen(t *testing.T) {
	c := oneEvent(t, "تشهد مدينة مصياف فوضى أمنية متزايدة، وأحدث فصولها مقتل تاجر على يد مجموعة مسلحة مساء أمس.",
		"2017-12-27", TypeArmedAttack)
	if c != nil && c.PlaceNameAR != "مصياف" {
		t.Errorf("place = %q; want مصياف", c.PlaceNameAR)
	}
	wantNothing(t, "نعت العائلة مقتل تاجر من مدينة مصياف.", "2017-12-27", "a death of no told cause")
}

// "This comes as part of …" opens an aside, as "يأتي ذلك" does: the
// clashes told after it in another sentence are their own event.
func TestExtract_ThisComesAsAside(t *testing.T) {
	got := extractAll(t, "Security forces arrested four men in the village of Tasnin on Monday. "+
		"This comes as part of campaigns in Homs province amid rising crime, including murders, thefts and clashes. "+
		"No fewer than three people died on Sunday as gunmen and the security forces clashed west of Homs, near Qusayr.", ymd("2025-01-07"))
	found := false
	for _, c := range got {
		if c.IncidentType == TypeClash && c.Killed != nil && *c.Killed == 3 {
			found = true
		}
	}
	if !found {
		t.Errorf("got %v; want a clash with 3 killed", describeAll(got))
	}
}

// "الاعتداء الإسرائيلي" is Israel's aggression, told as a strike: its toll
// told in the same sentence counts.
func TestExtract_IsraeliAggressionToll(t *testing.T) {
	c := oneEvent(t, "قال مصدر عسكري اليوم إن ثلاثة عسكريين استشهدوا وجرح خمسة آخرون في الاعتداء الإسرائيلي على نقاط للجيش في ريف القنيطرة.",
		"2023-10-25", TypeAirstrike)
	if c != nil {
		wantCount(t, "killed", c.Killed, 3)
		wantCount(t, "injured", c.Injured, 5)
	}
}

// "ارتقاء شهيد" is one dead, told by the singular as "سقوط قتيل" is; the
// dual "أوقعت إصابتين" is two hurt.
func TestExtract_OneMartyrTwoInjuries(t *testing.T) {
	c := oneEvent(t, "استهدفت غارة جوية بلدة الكسوة في ريف دمشق، وقد أدت الغارة لارتقاء شهيد وأوقعت إصابتين أخريين.", "2025-02-09", TypeAirstrike)
	if c != nil {
		wantCount(t, "killed", c.Killed, 1)
		wantCount(t, "injured", c.Injured, 2)
	}
}

// "led to the sudden death of a boy" counts one dead, an adjective of
// grief between the article and the death; "was left wounded"
// counts as "was wounded".
func TestExtract_TragicDeathLeftWounded(t *testing.T) {
	c := oneEvent(t, "Masked men fired at a shop in the Karm al-Loz quarter of Homs on Tuesday. "+
		"The shooting led to the sudden death of a boy, while a woman nearby was left wounded.", "2025-08-26", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 1)
		wantCount(t, "injured", c.Injured, 1)
	}
}

// A monitor that "documented the death of" people tells the toll of the
// event told, as "resulted in the death of" does.
func TestExtract_DocumentedTheDeathOf(t *testing.T) {
	c := oneEvent(t, "Shells fired by regime forces fell on the village of Iblin at dawn. Monitors documented the death of three farmers and the injury of four others.",
		"2020-03-01", TypeShelling)
	if c != nil {
		wantCount(t, "killed", c.Killed, 3)
		wantCount(t, "injured", c.Injured, 4)
	}
}

// "the Lebanese Hezbollah in X countryside" is a party, not a village the
// gazetteer lacks: the countryside is the place.
func TestExtract_NationalPartyIsNoPlace(t *testing.T) {
	c := oneEvent(t, "A drone hit a car carrying fighters of the Lebanese Hezbollah in Al-Qusayr countryside on Monday, killing two of them.",
		"2024-05-01", TypeAirstrike)
	if c == nil {
		return
	}
	if c.PlaceNameEN != "Al-Qusayr countryside" && c.Admin1Name != "Homs" {
		t.Errorf("place = %q in %q; want the Qusayr countryside, Homs", c.PlaceNameEN, c.Admin1Name)
	}
	for _, p := range c.Places {
		if p.Text == "Lebanese Hezbollah" {
			t.Errorf("the party listed as a place: %+v", p)
		}
	}
}

// "A strike killed three": the noun "strike" as the subject of a verb of
// hitting is a blow from the air, as Syrian war news uses it; "a hunger
// strike" is none.
func TestExtract_StrikeAsSubject(t *testing.T) {
	oneEvent(t, "A strike killed four people in a car near the village of Tal Tamr on Friday evening.", "2022-07-23", TypeAirstrike)
	wantNothing(t, "A general strike hit the markets of Sweida city on Sunday as traders protested prices.", "2022-07-23", "a strike of traders")
}

// A killing told first ("two men were killed near X") and then by its kind
// ("the strikes hit a farm there") is that kind.
func TestExtract_KillingThenItsKind(t *testing.T) {
	c := oneEvent(t, "Three fighters were killed near the town of Qusayr on Monday. According to a monitor, the strikes hit a depot of theirs on a farm outside the town.",
		"2024-11-05", TypeAirstrike)
	if c != nil {
		wantCount(t, "killed", c.Killed, 3)
	}
}

// A village told by a direction from a town ("in X village, 20 km east of
// Y") that the gazetteer has only far from Y, in another
// governorate, is another village of that name, placed near Y: the namesake
// is the alternative. Told again later, it is the same village.
func TestExtract_VillageFarFromItsReference(t *testing.T) {
	c := oneEvent(t, "A drone strike killed two men in Khanaser village, 20 km east of Qamishli, on Friday evening. "+
		"A man from Khanaser said the car burned for an hour.", "2022-07-23", TypeAirstrike)
	if c == nil {
		return
	}
	if c.Admin1Name != "Al-Hasakah" || c.PlaceNameEN != "Khanaser" {
		t.Errorf("place = %q in %q; want Khanaser as written, in Al-Hasakah near Qamishli", c.PlaceNameEN, c.Admin1Name)
	}
	// told near its reference in the same governorate, a village stays the gazetteer's
	c = oneEvent(t, "A drone strike killed two men in Khanaser village, 20 km south of Safira, on Friday evening.", "2022-07-23", TypeAirstrike)
	if c != nil && c.Admin1Name != "Aleppo" {
		t.Errorf("place = %q in %q; want the gazetteer's Khanaser, Aleppo", c.PlaceNameEN, c.Admin1Name)
	}
}

// Detentions by the force that holds the land are arrests, though the
// government's media call them kidnappings ("QSD militia kidnapped eight
// civilians"); a kidnapping by gunmen, of an SDF fighter, or one the SDF
// ended, stays a kidnapping.
func TestExtract_HoldingForceDetains(t *testing.T) {
	oneEvent(t, "Hasakah, SANA – QSD militia raided houses in the town of Tal Hamis on Tuesday and kidnapped six young men to take them to its camps.",
		"2023-03-08", TypeArrest)
	for _, text := range []string{
		"Gunmen kidnapped an SDF fighter near the town of Tal Hamis on Tuesday.",
		"The SDF rescued a trader whom a gang had kidnapped for ransom in the town of Tal Hamis on Tuesday.",
	} {
		oneEvent(t, text, "2023-03-08", TypeKidnapping)
	}
}
