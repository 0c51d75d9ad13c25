package extract

import (
	"testing"
)

// English news phrasing, in sentences of our own.

// TestFindCountsEN_NewsPhrasing: a singular person shot dead, tolls told
// with "left … dead", a number far before "of" and a name, the state media's
// "martyred".
func TestFindCountsEN_NewsPhrasing(t *testing.T) {
	for _, tc := range []struct {
		in   string
		kind countKind
		want int
	}{
		{"A young farmer was shot dead near his house", countKilled, 1},
		{"The ambush left six guards dead, with several more hurt", countKilled, 6},
		{"Three members of the National Defence Forces of the former government were killed", countKilled, 3},
		{"Eleven citizens were martyred in the blast", countKilled, 11},
		{"the toll of the dead climbed to 14", countKilled, 14},
	} {
		got := firstCount(tc.in, tc.kind)
		if got == nil || *got != tc.want {
			t.Errorf("%s count of %q = %v; want %d", tc.kind, tc.in, countStr(got), tc.want)
		}
	}
	// a group is no single person
	if got := firstCount("A group of civilians were killed", countKilled); got != nil && *got == 1 {
		t.Errorf("killed count of a group = 1; want none")
	}
}

func firstCount(in string, kind countKind) *int {
	toks := tokenize(in, 0, len(in))
	for _, c := range findCountsEN(in, toks, nil) {
		if c.Kind == kind && c.Value != nil {
			return c.Value
		}
	}
	return nil
}

// TestExtract_EnglishPlaces: names told with a type word after them, between
// a preposition and the area that holds them, and the phrase as written.
func TestExtract_EnglishPlaces(t *testing.T) {
	for _, tc := range []struct{ text, want, admin1 string }{
		{"An IED exploded near a checkpoint in Tell Qarmash town in northern Daraa countryside, injuring two soldiers.", "Tell Qarmash", "SY12"},
		{"Security forces found a depot of weapons and ammunition in Kafr Abdo in the countryside of Homs.", "Kafr Abdo", "SY04"},
		{"Russian jets bombed targets on Tal Khattab in the western countryside of Hama.", "Tal Khattab", "SY05"},
		// a weekday is no place
		{"Gunmen killed a farmer on Monday in the northern countryside of Hama.", "northern countryside of Hama", "SY05"},
	} {
		got := extractAll(t, tc.text, ymd("2025-08-21"))
		if len(got) != 1 || got[0].PlaceNameEN != tc.want || got[0].Admin1PCode != tc.admin1 {
			t.Errorf("Extract(%q) = %v; want one incident at %q in %s", tc.text, describeAll(got), tc.want, tc.admin1)
		}
	}
	got := extractAll(t, "An IED exploded in Jasim town in northern Daraa countryside.", ymd("2025-08-21"))
	if len(got) != 1 || !containsPlaceText(got[0], "Jasim town") {
		t.Errorf("Extract(Jasim town) = %v; want the place told as \"Jasim town\"", describeAll(got))
	}
	got = extractAll(t, "Regime artillery hit farmland around Bayanin village in southern Idlib.", ymd("2025-08-21"))
	if len(got) != 1 || !containsPlaceText(got[0], "Bayanin village") {
		t.Errorf("Extract(Bayanin village) = %v; want the place told as \"Bayanin village\"", describeAll(got))
	}
}

func containsPlaceText(c Candidate, s string) bool {
	for _, p := range c.Places {
		if p.Role == RoleIncident && p.Text == s {
			return true
		}
	}
	return false
}

// TestExtract_EnglishNotIncidents: history recalled with its own date long
// before publication, tallies since a period began or of many attacks; and
// English "shelling" by a foreign army stays shelling.
func TestExtract_EnglishNotIncidents(t *testing.T) {
	pub := ymd("2024-08-21")
	for _, text := range []string{
		"Ten years ago, on March 3, 2014, regime jets dropped barrels on the town of Saraqib, killing 30 people.",
		"The coalition launched 7 attacks on depots near al-Mayadin since the spring began, killing 12 fighters.",
		"Armed groups staged 30 rocket and drone attacks on bases across the region.",
	} {
		if got := extractAll(t, text, pub); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
	got := extractAll(t, "Turkish shelling of the town of Tal Rifaat killed two civilians and wounded a child.", pub)
	if len(got) != 1 || got[0].IncidentType != TypeShelling {
		t.Errorf("Turkish shelling = %v; want one shelling", describeAll(got))
	}
}

// TestExtract_EnglishAgoAndAdjectives: "N days ago" counts back from the day a
// source spoke when the sentence tells it, else from publication; a
// participle before a noun describes people, it tells no event.
func TestExtract_EnglishAgoAndAdjectives(t *testing.T) {
	pub := ymd("2018-10-03")
	got := extractAll(t, "On Sept. 28, the group said that ten days ago gunmen kidnapped a worker in the town of Saraqib.", pub)
	if len(got) != 1 || dateStr(got[0].DateFrom) != "2018-09-18" {
		t.Errorf("ten days ago from Sept. 28 = %v; want 2018-09-18", describeAll(got))
	}
	got = extractAll(t, "Gunmen kidnapped a worker in the town of Saraqib three days ago.", pub)
	if len(got) != 1 || dateStr(got[0].DateFrom) != "2018-09-30" {
		t.Errorf("three days ago = %v; want 2018-09-30", describeAll(got))
	}
	if got := extractAll(t, "Three kidnapped aid workers were released on Monday in Idlib province.", pub); len(got) != 0 {
		t.Errorf("a release = %v; want nothing", describeAll(got))
	}
}
