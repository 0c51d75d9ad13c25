package gazetteer

import "testing"

// "X village of Y countryside": the countryside after "of" is the area the
// village lies in, and rules out a namesake elsewhere; "the X city of Y"
// and "the villages of Y" name Y itself.
func TestFindAll_VillageOfCountryside(t *testing.T) {
	g := ochaGazetteer(t)
	text := "Gunmen shot a farmer in Khanaser village of Hama eastern countryside."
	got := g.FindAll(text)
	if len(got) == 0 || got[0].Match.Place.Admin1PCode == "SY02" || len(got[0].Match.Context) == 0 {
		t.Errorf("FindAll(%q) = %v; want the village told in the Hama countryside, not its namesake in Aleppo", text, describeMentions(got))
	}
	text = "Helicopters struck the west Ghouta city of Daraya with barrel bombs."
	got = g.FindAll(text)
	found := false
	for _, m := range got {
		found = found || m.Match.Place.NameEN == "Darayya" || m.Match.Place.NameEN == "Daraya"
	}
	if !found {
		t.Errorf("FindAll(%q) = %v; want Daraya named", text, describeMentions(got))
	}
}
