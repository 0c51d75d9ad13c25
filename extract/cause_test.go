package extract

import (
	"testing"
)

// Rules of which sentences tell an incident, which word decides its type and
// which place it is at, written for the way Syrian news tells events in
// general. Every sentence here is ours.

// An explosion is a bombing only when a bomb is named; a mine, a remnant of
// war or an explosion whose cause is not told is "other".
func TestExtract_ExplosionCause(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"قتل شخصان بانفجار سيارة في بلدة الصنمين بريف درعا الشمالي صباح اليوم.", TypeOther},
		{"أصيب طفل بانفجار لغم أرضي في قرية معرة حرمة بريف إدلب الجنوبي.", TypeOther},
		{"Two shepherds were killed by an explosion near the town of Sukhnah in the Homs desert.", TypeOther},
		{"قتل شخصان بانفجار عبوة ناسفة في بلدة الصنمين بريف درعا الشمالي صباح اليوم.", TypeBombing},
		{"An explosion, caused by a bomb planted under a car, killed a man in the city of Azaz.", TypeBombing},
	} {
		got := extractAll(t, tc.text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].IncidentType != tc.want {
			t.Errorf("Extract(%q) = %v; want one %s", tc.text, describeAll(got), tc.want)
		}
	}
}

// After a seizure, a sentence that lists what was seized tells no shelling or
// bombing, and the seat of the source who tells it is no place of the event.
func TestExtract_SeizedInventory(t *testing.T) {
	for _, text := range []string{
		"ضبطت وحدات الأمن الداخلي مستودعاً للأسلحة في قرية الحواش بريف حماة الغربي. وتضمنت الكمية قذائف هاون وعبوات ناسفة وبنادق آلية.",
		"Security units seized a weapons depot in the village of Tal Hamis in rural Hasakah. A source in the authorities in Qamishli said the seized items included mortar shells and explosive devices.",
	} {
		got := extractAll(t, text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].IncidentType != TypeWeaponsSeizure || got[0].PlaceNameEN == "Al Qamishli" {
			t.Errorf("Extract(%q) = %v; want one weapons_seizure at the village", text, describeAll(got))
		}
	}
}
