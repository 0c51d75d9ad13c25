package extract

import (
	"strings"
	"testing"
)

// Rules of round 14 (English). Every sentence here is ours.

// The day and year of a date told after "shot dead on" are no count of the dead.
func TestExtractEN_DateAfterVerbIsNoCount(t *testing.T) {
	for _, text := range []string{
		"A young man was killed by gunmen on March 3, 2024, at a checkpoint in the town of Tafas in Daraa governorate.",
		"One man was shot dead on March 3 by gunmen in the town of Tafas.",
	} {
		got := extractAll(t, text, ymd("2024-03-04"))
		if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != 1 {
			t.Errorf("Extract(%q) = %v; want one incident with 1 killed", text, describeAll(got))
		}
	}
	got := extractAll(t, "Gunmen shot dead on Monday 3 members of the security forces in the town of Tafas.", ymd("2023-06-08"))
	if len(got) != 1 || got[0].Killed == nil || *got[0].Killed != 3 {
		t.Errorf("a count after a weekday: got %v; want 3 killed", describeAll(got))
	}
}

// Qualifiers ending a sentence ("in the countryside of the town.") do not
// reach across the full stop to the next sentence's first capitalised word.
func TestExtractEN_QualifiersEndWithTheSentence(t *testing.T) {
	text := "A shepherd was injured in a landmine explosion in the village of Kafr Nabudah in the western countryside of the town.\n\nSANA correspondent added that he was taken to hospital."
	for _, c := range extractAll(t, text, ymd("2023-06-08")) {
		for _, p := range c.Places {
			if strings.Contains(p.Text, "SANA") || strings.Contains(p.Text, "\n") {
				t.Errorf("place %q read across the sentence's end", p.Text)
			}
		}
	}
}

// A lead tells two events of one kind in two cities; the details tell each
// again in turn, the first on a source's word with its toll to the person:
// two incidents, each at the finer place the details give.
func TestExtractEN_LeadThenDetailsInTurn(t *testing.T) {
	text := "A rocket attack on the al-Hamidiya neighborhood in Deir Ezzor city killed three civilians and injured four others on Monday. " +
		"Also two civilians were killed and six others were injured on Monday evening in mortar attacks on Aleppo city.\n\n" +
		"A source told SANA that militants fired rocket shells at al-Hamidiya neighborhood in Deir Ezzor city, killing three civilians and injuring four others.\n\n" +
		"Militants also fired mortar shells at the al-Midan neighborhood in Aleppo, killing two civilians and injuring six others."
	got := extractAll(t, text, ymd("2016-03-08"))
	if len(got) != 2 || got[0].Admin1Name != "Deir ez-Zor" || got[1].Admin1Name != "Aleppo" ||
		got[0].Killed == nil || *got[0].Killed != 3 || got[1].Killed == nil || *got[1].Killed != 2 {
		t.Errorf("got %v; want two shellings, Deir ez-Zor (3 killed) and Aleppo (2 killed)", describeAll(got))
	}
}

// An event with no place of its own, told as happening in a neighbouring
// country ("on Lebanon", "على لبنان"), is abroad; a Syrian place named beside
// the country's border stays.
func TestExtract_PlacelessEventInAnotherCountry(t *testing.T) {
	for _, text := range []string{
		"According to the monitor, strikes on Lebanon on Monday left 40 Syrian refugees dead.",
		"شنت طائرات حربية غارات على لبنان أمس أسفرت عن مقتل خمسة سوريين.",
	} {
		if got := extractAll(t, text, ymd("2025-03-03")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
	got := extractAll(t, "A Turkish drone strike killed two fighters near Kobani, close to the border with Turkey, on Monday.", ymd("2025-03-03"))
	if len(got) != 1 || got[0].Admin1Name != "Aleppo" {
		t.Errorf("got %v; want one airstrike in Aleppo", describeAll(got))
	}
}

// A list after a plural type word names each of its places, known or not:
// "the villages of X, Y, Z, and W".
func TestExtractEN_ListAfterPluralType(t *testing.T) {
	got := extractAll(t, "Turkish forces shelled the villages of Tal Nasri, Tal Jumaa, Tal Hurmuz, and Qabr Shamiya in the countryside of Tal Tamr on Monday.", ymd("2025-03-03"))
	if len(got) != 1 {
		t.Fatalf("got %v; want one shelling", describeAll(got))
	}
	var names []string
	for _, p := range got[0].Places {
		if p.Role == RoleIncident {
			names = append(names, p.Text)
		}
	}
	all := strings.Join(names, "|")
	for _, want := range []string{"Tal Nasri", "Tal Jumaa", "Tal Hurmuz", "Qabr Shamiya"} {
		if !strings.Contains(all, want) {
			t.Errorf("incident places = %q; want %s among them", names, want)
		}
	}
	if strings.Contains(all, "countryside") {
		t.Errorf("incident places = %q; the countryside is the villages' context", names)
	}
}

// "shelled X with artillery and mortar shells": the weapons after "with" are
// the shelling's, one event with its toll, not a second one without a place.
func TestExtractEN_WeaponsAfterWith(t *testing.T) {
	got := extractAll(t, "Regime forces shelled the town of Kafranbel with artillery and mortar shells, killing two civilians.", ymd("2025-03-03"))
	if len(got) != 1 || got[0].IncidentType != TypeShelling || got[0].Killed == nil || *got[0].Killed != 2 || got[0].PlaceNameEN != "Kafranbel" {
		t.Errorf("got %v; want one shelling in Kafranbel with 2 killed", describeAll(got))
	}
}
