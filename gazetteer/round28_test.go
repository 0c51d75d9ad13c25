package gazetteer

import "testing"

// TestFindAll_GenericQuartersNeedTheirCity: OCHA names a village "المدينة"
// (the city) and a quarter of Daraa "المنطقة الصناعية" (the industrial
// zone): in running text these are any city's, read only with their city
// named after them.
func TestFindAll_GenericQuartersNeedTheirCity(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{
		"وسقط أغلب القتلى في منطقة المدينة الصناعية.",
		"انفجرت عبوة في المنطقة الصناعية صباح اليوم.",
	} {
		for _, m := range g.FindAll(text) {
			if n := m.Match.Place.NameAR; n == "المدينة" || n == "المنطقة الصناعية" {
				t.Errorf("FindAll(%q) read %q as %s (%s)", text, m.Text, m.Match.Place.NameEN, m.Match.Place.Admin1PCode)
			}
		}
	}
}

// TestFindAll_ThirdWordOfAPersonsName: a town's name as the third of three
// capitalised words opening no longer run ("Omar Saleh Qasir") is a
// person's family name, as it was after one given name; alone after a
// preposition it is still the town.
func TestFindAll_ThirdWordOfAPersonsName(t *testing.T) {
	g := mustDefault(t)
	for _, m := range g.FindAll("The dead were named as Omar Saleh Qasir and his brother.") {
		t.Errorf("read %q as %s", m.Text, m.Match.Place.NameEN)
	}
	found := false
	for _, m := range g.FindAll("Government forces shelled the outskirts of Qasir on Monday.") {
		found = found || m.Match.Place.Admin1PCode == "SY04"
	}
	if !found {
		t.Error("want Qasir, the town of Homs, read after a preposition")
	}
}

// TestFindAll_VillageOnARegionsEdge: a village told "بجبل الزاوية" that lies
// on the highland's northern slopes, past the subdistricts the region is made
// of, is still that village, not the region in its place.
func TestFindAll_VillageOnARegionsEdge(t *testing.T) {
	g := mustDefault(t)
	ms := g.FindAll("قصفت الطائرات أمس قرية كفرلاتة بجبل الزاوية.")
	if len(ms) == 0 || ms[0].Match.Place.NameEN != "Kafrlata" {
		var got []string
		for _, m := range ms {
			got = append(got, m.Match.Place.NameEN)
		}
		t.Errorf("FindAll = %v; want Kafrlata, the village", got)
	}
}

// TestFindAll_NameWithAnApposition: an English name the gazetteer holds,
// with nothing before it that says it is a place, is one when an apposition
// after it says so (", a suburb of …", ", a village in …").
func TestFindAll_NameWithAnApposition(t *testing.T) {
	g := mustDefault(t)
	found := false
	for _, m := range g.FindAll("Helicopters dropped barrel bombs on Kafr Hamra, a suburb north of Aleppo, on Friday.") {
		found = found || m.Match.Place.NameEN == "Kafr Hamra"
	}
	if !found {
		t.Error("want Kafr Hamra, told as a suburb")
	}
}
