package gazetteer

import (
	"strings"
	"testing"
)

// TestFindAll_NoQualifierAcrossTheSentenceEnd: Arabic qualifiers at a
// sentence's end ("في محيط المنطقة.") qualify no name of the next sentence:
// the mention "محيط المنطقة. محافظة حمص" spanned both and gave the first
// sentence's event the second's place. A type word before a quoted name
// («بلدة "الحارة"») still reads the name.
func TestFindAll_NoQualifierAcrossTheSentenceEnd(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{
		"وتستمر المواجهات في محيط المنطقة.\n\nمحافظة حمص: سقطت قذيفة على حي الوعر.",
		"دارت معارك في ريف. حماة شهدت هدوءاً.",
		"اندلعت اشتباكات قرب! حلب",
	} {
		for _, m := range g.FindAll(text) {
			if strings.ContainsAny(m.Text, ".!") {
				t.Errorf("FindAll(%q) read %q across the sentence's end", text, m.Text)
			}
		}
	}
	found := false
	for _, m := range g.FindAll("قصفت القوات بلدة \"كفرنبل\" بريف إدلب") {
		found = found || m.Match.Place.NameEN == "Kafranbel"
	}
	if !found {
		t.Errorf("a quoted name after its type word: not found")
	}
}

// TestFindAll_NameAfterALandmarkHead: a checkpoint, an airport, a port or a
// crossing called after its town names the town ("حاجز قلعة المضيق",
// "مطار الضبعة"): the village is found in running text as after "في".
func TestFindAll_NameAfterALandmarkHead(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct{ text, want string }{
		{"هاجم مسلحون حاجز قلعة المضيق ليلاً.", "Qal'at al Madiq"},
		{"استهدفت غارة مطار الضبعة العسكري صباحاً.", "Dabaa"},
	} {
		found := false
		for _, m := range g.FindAll(tc.text) {
			found = found || m.Match.Place.NameEN == tc.want
		}
		if !found {
			t.Errorf("FindAll(%q): %s not found", tc.text, tc.want)
		}
	}
}
