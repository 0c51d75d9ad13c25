package gazetteer

import "testing"

// A name in quotation marks is located by the context after the closing
// mark as if it stood bare: a namesake in another governorate is not the
// place meant, and the answer is the context itself.
func TestFindAll_QuotedNameKeepsItsContext(t *testing.T) {
	g := ochaGazetteer(t)
	for _, text := range []string{
		`قصفت الطائرات قرية "كودنة" غربي حلب صباح اليوم.`,
		`قصفت الطائرات قرية «كودنة» غربي حلب صباح اليوم.`,
		`قصفت الطائرات قرية كودنة غربي حلب صباح اليوم.`,
	} {
		got := g.FindAll(text)
		if len(got) == 0 {
			t.Errorf("FindAll(%q) found nothing", text)
			continue
		}
		if a1 := got[0].Match.Place.Admin1PCode; a1 != "SY02" {
			t.Errorf("FindAll(%q)[0] = %q in %s (%s); want a place in Aleppo (SY02)", text, got[0].Text, a1, got[0].Match.Place.NameEN)
		}
	}
}

// A name told once with a type word is that place when told again bare,
// though alone the same word is a common one.
func TestFindAll_ToldBeforeBare(t *testing.T) {
	g := ochaGazetteer(t)
	alone := "وقال شاهد إن البصيرة وحدها لا تكفي للحكم على ما جرى."
	if got := g.FindAll(alone); len(got) != 0 {
		t.Fatalf("FindAll(%q) = %q; want no place: alone the word is a common noun", alone, got[0].Text)
	}
	text := "وصلت تعزيزات إلى مدينة البصيرة مساء الأحد. وقال شاهد إن البصيرة هادئة منذ الصباح."
	got := g.FindAll(text)
	if len(got) != 2 || got[1].Match.Place.ID != got[0].Match.Place.ID || got[1].Match.Place.Admin1PCode != "SY09" {
		t.Errorf("FindAll(%q) = %v; want the town twice, in Deir ez-Zor", text, describeMentions(got))
	}
}

// "وفي X، …" opening a sentence sets where what follows happened: the bare
// name is a place there, though alone it might be taken for a word.
func TestFindAll_FrontedPlace(t *testing.T) {
	g := ochaGazetteer(t)
	text := "سقطت قذائف على أحياء المدينة. وفي البصيرة، أصيب ثلاثة مدنيين بجروح."
	got := g.FindAll(text)
	if len(got) != 1 || got[0].Match.Place.Admin1PCode != "SY09" {
		t.Errorf("FindAll(%q) = %v; want البصيرة in Deir ez-Zor", text, describeMentions(got))
	}
}

// An English article opens no name, whatever the words after it spell in
// another transliteration: "The area is held by …" is no village.
func TestFindAll_ArticleOpensNoName(t *testing.T) {
	g := ochaGazetteer(t)
	text := "Gunmen shot two shepherds in the eastern Hama countryside. The area is held by government forces."
	for _, m := range g.FindAll(text) {
		if m.Match.Place.Kind != KindGovernorate {
			t.Errorf("FindAll(%q) found %q → %s (%s); want only the governorate", text, m.Text, m.Match.Place.ID, m.Match.Place.NameEN)
		}
	}
}

// describeMentions lists mentions as "text → place ID" for a failure message.
func describeMentions(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+" → "+m.Match.Place.ID)
	}
	return out
}
