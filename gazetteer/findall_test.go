package gazetteer

import (
	"strings"
	"testing"
)

// TestFindAll reads a paragraph we wrote in the style of the seed reports.
func TestFindAll(t *testing.T) {
	g := mustDefault(t)
	text := "أعلنت الوزارة القبض على خلية في قرية البدروسية بريف اللاذقية الشمالي، وأخرى في عفرين بريف حلب الشمالي الغربي. " +
		"ونُفذت عملية في الدانا شمال إدلب وأخرى غربي مدينة إدلب، وعُثر على جثة قرب مدينة معرة مصرين. " +
		"وتبنى التنظيم هجوماً في مدينة سراقب بريف إدلب وآخر في ريف دير الزور الشمالي، ودُمرت مخابئ في محافظة ريف دمشق. " +
		"وكان انتحاري قد فجّر نفسه في كنيسة مار إلياس الواقعة في حي الدويلعة بدمشق."
	want := []struct {
		text, id, qual, ctxQual string
	}{
		{"قرية البدروسية بريف اللاذقية الشمالي", "ocha:C3537", "", "northern rural"},
		{"عفرين بريف حلب الشمالي الغربي", "geonames:174186", "", "northwestern rural"},
		{"الدانا شمال إدلب", "geonames:174259", "", "north of"},
		{"غربي مدينة إدلب", "geonames:169389", "west of", ""},
		{"قرب مدينة معرة مصرين", "geonames:167605", "near", ""},
		{"مدينة سراقب بريف إدلب", "geonames:164816", "", "rural"},
		{"ريف دير الزور الشمالي", "adm1:SY09", "northern rural", ""},
		{"محافظة ريف دمشق", "adm1:SY03", "", ""},
		{"كنيسة مار إلياس", "curated:mar-elias-church", "", ""},
		{"حي الدويلعة بدمشق", "curated:dweila", "", ""},
	}
	got := g.FindAll(text)
	if len(got) != len(want) {
		for _, m := range got {
			t.Logf("found %q → %s", m.Text, m.Match.Place.ID)
		}
		t.Fatalf("FindAll found %d mentions; want %d", len(got), len(want))
	}
	for i, w := range want {
		m := got[i]
		if !hasID(m.Match.Place, w.id) || m.Match.Qualifier != w.qual || m.Match.ContextQualifier != w.ctxQual {
			t.Errorf("mention %d = %s q=%q ctx=%q; want %s q=%q ctx=%q", i, m.Match.Place.ID,
				m.Match.Qualifier, m.Match.ContextQualifier, w.id, w.qual, w.ctxQual)
		}
		if !strings.HasSuffix(m.Text, w.text) || text[m.Start:m.End] != m.Text {
			t.Errorf("mention %d text %q at [%d,%d); want %q", i, m.Text, m.Start, m.End, w.text)
		}
	}
}

func TestFindAll_English(t *testing.T) {
	g := mustDefault(t)
	got := g.FindAll("Security forces raided a cell in Dana, Idlib, and another west of Idlib city; attacks hit rural Deir ez-Zor.")
	want := []string{"geonames:174259", "geonames:169389", "adm1:SY09"}
	if len(got) != len(want) {
		t.Fatalf("FindAll found %d mentions (%v); want %d", len(got), got, len(want))
	}
	for i, id := range want {
		if !hasID(got[i].Match.Place, id) {
			t.Errorf("mention %d %q = %s; want %s", i, got[i].Text, got[i].Match.Place.ID, id)
		}
	}
	if got[1].Match.Qualifier != "west of" || got[2].Match.Qualifier != "rural" {
		t.Errorf("qualifiers %q, %q; want \"west of\", \"rural\"", got[1].Match.Qualifier, got[2].Match.Qualifier)
	}
}

// TestFindAll_CommonWords checks that a sentence without places yields none, even
// though many of its words name some hamlet in the OCHA list.
func TestFindAll_CommonWords(t *testing.T) {
	g := ochaGazetteer(t)
	for _, text := range []string{
		"قالت وزارة الداخلية إن قوات الأمن العام ضبطت أسلحة وذخيرة بعد اشتباك مع عناصر التنظيم.",
		"The Interior Ministry said the cell had planned attacks with the help of the coalition.",
		// glued prepositions, words read without the article their hamlets have, a person's name
		"أصيب ثلاثة مدنيين بجروح في حالات متفرقة، ونُقلوا إلى المشفى بالسلامة، وقال الوزير إن التحقيق مستمر.",
		"Security sources named the suspect as Rami Al-Hassan, who was detained with Saraya al-Jawad members.",
		// a person's age, a series of events, countries named in English and an outlet's kind
		"قُتل شاب يبلغ من العمر عشرين عاماً، وكان في عمره الأول حين بدأت سلسلة من الهجمات.",
		"A monitor in Syria said gunmen fled to Iraq, as Radio Free Europe and outlets in Turkey and Lebanon reported.",
		// a word whose first letter is also the conjunction "ف" (فرقه: his teams, not "ف" + الرقة),
		// and the safety of a statement's stock phrase (السلامة is a hamlet)
		"وقال الدفاع المدني إن فرقه أسعفت المصابين، مؤكداً حرصه على أمن وسلامة المواطنين.",
	} {
		if got := g.FindAll(text); len(got) != 0 {
			for _, m := range got {
				t.Errorf("FindAll(%q) found %q → %s (%s)", text, m.Text, m.Match.Place.ID, m.Match.Place.NameEN)
			}
		}
	}
}

// TestFindAll_Found covers names the extractor's author found missing or misread,
// in sentences we wrote; each must resolve with the embedded data alone and with
// the OCHA files imported.
func TestFindAll_Found(t *testing.T) {
	tests := map[string]struct {
		text    string
		wantIDs []string // with the embedded data; "" to skip a mention's ID
		wantA1  []string // governorate of each mention
	}{
		"two places joined by wa": {text: "اعتقال مطلوبين في بلدة كفرنبل ومدينة أريحا أمس", wantA1: []string{"SY07", "SY07"},
			wantIDs: []string{"geonames:168661", "geonames:172994"}},
		"a farm is not a village": {text: "عُثر على أسلحة في مزرعة قرب مدينة القصير", wantA1: []string{"SY04"},
			wantIDs: []string{"geonames:173322"}},
		"a typed common word is a name": {text: "وقعت اشتباكات في بلدة المزرعة بريف السويداء", wantA1: []string{"SY13"}},
		"shaddadi":                      {text: "داهمت القوات منازل في الشدادي جنوب الحسكة", wantA1: []string{"SY08"}},
		"jubata al-khashab":             {text: "توغلت دورية في بلدة جباتا الخشب بريف القنيطرة", wantA1: []string{"SY14"}},
		"around sarmada":                {text: "سقطت قذيفة في محيط بلدة سرمدا", wantA1: []string{"SY07"}},
		"lebanon is not a hamlet":       {text: "وقعت اشتباكات قرب مدينة تلكلخ على الحدود مع لبنان", wantA1: []string{"SY04"}},
	}
	for _, gz := range []struct {
		name string
		g    func(testing.TB) *Gazetteer
	}{{"embedded", mustDefault}, {"with OCHA", ochaGazetteer}} {
		var g *Gazetteer
		for name, tc := range tests {
			t.Run(gz.name+"/"+name, func(t *testing.T) {
				if g == nil {
					g = gz.g(t)
				}
				got := g.FindAll(tc.text)
				if len(got) != len(tc.wantA1) {
					t.Fatalf("FindAll(%q) = %v; want %d mentions", tc.text, mentionIDs(got), len(tc.wantA1))
				}
				for i, m := range got {
					if m.Match.Place.Admin1PCode != tc.wantA1[i] {
						t.Errorf("mention %q → %s in %s; want %s", m.Text, m.Match.Place.ID, m.Match.Place.Admin1PCode, tc.wantA1[i])
					}
					if gz.name == "embedded" && i < len(tc.wantIDs) && !hasID(m.Match.Place, tc.wantIDs[i]) {
						t.Errorf("mention %q → %s; want %s", m.Text, m.Match.Place.ID, tc.wantIDs[i])
					}
				}
			})
		}
	}
}

func mentionIDs(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+"→"+m.Match.Place.ID)
	}
	return out
}

// TestFindAll_CountryAroundTown checks that "ريف X" and "بادية X" of a town stay
// at the town with district precision, while "ريف حلب" is the governorate.
func TestFindAll_CountryAroundTown(t *testing.T) {
	g := mustDefault(t)
	tests := map[string]struct {
		text     string
		wantName string
		wantPrec Precision
	}{
		"rural town":       {"قتل عنصران في ريف جبلة", "Jablah", PrecisionDistrict},
		"desert of a town": {"غارة في بادية الميادين", "Al Mayadin", PrecisionDistrict},
		"rural seat":       {"اشتباكات في ريف حلب", "Aleppo", PrecisionGovernorate},
		// the countryside of Damascus is the Rif Dimashq governorate, not Damascus's
		"rural Damascus":          {"غارات على الريف الغربي لدمشق", "Rif Dimashq", PrecisionGovernorate},
		"countryside of Damascus": {"shells fell on the southern countryside of Damascus", "Rif Dimashq", PrecisionGovernorate},
		"a Damascus suburb":       {"a car bomb went off in a Damascus suburb", "Rif Dimashq", PrecisionGovernorate},
		"suburbs, arabic":         {"انفجرت سيارة مفخخة في ضواحي دمشق", "Rif Dimashq", PrecisionGovernorate},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			ms := g.FindAll(tc.text)
			if len(ms) != 1 || ms[0].Match.Place.NameEN != tc.wantName || ms[0].Match.Precision != tc.wantPrec {
				t.Fatalf("FindAll(%q) = %+v; want %s at %s precision", tc.text, ms, tc.wantName, tc.wantPrec)
			}
		})
	}
}

// TestFindAll_WhereInTheCountry: an English adjective of direction before a
// type word tells where the place lies in Syria ("the northern city of
// Aleppo"), not a part of it ("northern Aleppo", "the northern countryside of
// Aleppo").
func TestFindAll_WhereInTheCountry(t *testing.T) {
	g := mustDefault(t)
	for text, wantQ := range map[string]string{
		"gunmen attacked a checkpoint inside the northwestern province of Latakia": "",
		"a car bomb went off in the northern city of Aleppo":                       "",
		"shells fell on the northern countryside of Aleppo":                        "northern rural",
		"a blast in northern Aleppo":                                               "north of",
	} {
		ms := g.FindAll(text)
		if len(ms) != 1 || ms[0].Match.Qualifier != wantQ {
			t.Errorf("FindAll(%q) = %+v; want one place with qualifier %q", text, ms, wantQ)
		}
	}
}

// TestFindAll_EndsInTypeWord: a name whose context starts with a type word at
// the very end of the text ("... على أطراف البلدة") must not read past it.
func TestFindAll_EndsInTypeWord(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{"هاجموا النقطة في إدلب، في البلدة", "وقع الهجوم في حلب، في مدينة", "clashes in Idlib, in the town"} {
		g.FindAll(text) // must not panic
	}
}

// TestFindAll_Lists reads a list of villages opened by a plural type word, with
// an item that is no place in it: every village is found, with the OCHA files.
func TestFindAll_Lists(t *testing.T) {
	g := ochaGazetteer(t)
	got := g.FindAll("طال القصف قرى تل غزال، الشمدينية، محيط المدرسة، حرملة والحريشية بريف القامشلي.")
	if len(got) != 4 {
		t.Fatalf("FindAll found %v; want the four villages", mentionIDs(got))
	}
	for _, m := range got {
		if !strings.Contains(m.Text, "حرملة") && m.Match.Place.Admin1PCode != "SY08" { // حرملة has namesakes
			t.Errorf("mention %q → %s in %s; want a village of Al-Hasakah", m.Text, m.Match.Place.ID, m.Match.Place.Admin1PCode)
		}
	}
}

// TestFindAll_Demonyms: English proper adjectives are no places, though some
// hamlet's transliterated name spells one.
func TestFindAll_Demonyms(t *testing.T) {
	g := mustDefault(t)
	got := g.FindAll("Russian jets and Turkish drones struck the city of Aleppo, killing dozens.")
	if len(got) != 1 || got[0].Match.Place.Admin1PCode != "SY02" {
		t.Errorf("FindAll = %v; want Aleppo only", mentionIDs(got))
	}
}

// TestFindAll_AdjectiveBeforeContext: an adjective told after its noun and
// before a place ("الموقع العسكري قرب مدينة X") is no name the place locates.
func TestFindAll_AdjectiveBeforeContext(t *testing.T) {
	g := mustDefault(t)
	text := "قصفت الطائرات الموقع العسكري قرب مدينة نوى، واستهدف الجيش التركي التل الأمني شرقي مدينة حلب."
	for _, m := range g.FindAll(text) {
		if name := text[m.NameStart:m.NameEnd]; name == "العسكري" || name == "الأمني" || name == "التركي" {
			t.Errorf("FindAll read the adjective %q as a name (%q → %s)", name, m.Text, m.Match.Place.ID)
		}
	}
}

// TestFindAll_PrepositionWithPronoun: "وعليه" (accordingly, on it) after a
// place told in the sentence before is no hamlet continuing its list.
func TestFindAll_PrepositionWithPronoun(t *testing.T) {
	g := mustDefault(t)
	text := "ضبطت القوات مستودعاً في بلدة المنصورة في ريف الرقة الغربي.\nوعليه فرضت القوات طوقاً حول المكان وعليها حراسة."
	for _, m := range g.FindAll(text) {
		if name := text[m.NameStart:m.NameEnd]; strings.Contains(name, "علي") {
			t.Errorf("FindAll read %q as a place (%q → %s)", name, m.Text, m.Match.Place.ID)
		}
	}
}

// TestFindAll_AdjectiveAfterName: a word describing a place ("السكنية",
// "الحدودية") between its name and its area leaves the area locating it.
func TestFindAll_AdjectiveAfterName(t *testing.T) {
	g := mustDefault(t)
	got := g.FindAll("سقطت قذائف صباح الأحد على حي الميدان السكني بحلب.")
	if len(got) != 1 || got[0].Match.Place.Admin1PCode != "SY02" || len(got[0].Match.Context) == 0 {
		t.Errorf("FindAll = %v; want one mention in Aleppo, located by the city after the adjective", mentionIDs(got))
	}
}

// TestFindAll_EnglishWordAfterName: "at", "as", "an" are English words as
// well as spellings of the Arabic article; after a name they are not part of it.
func TestFindAll_EnglishWordAfterName(t *testing.T) {
	g := mustDefault(t)
	for _, s := range []string{"Shells fell on the town of Kafr Zita at dawn.", "Gunmen opened fire in Kafr Zita as night fell."} {
		got := g.FindAll(s)
		if len(got) != 1 || got[0].Match.Place.NameAR != "كفر زيتا" || !strings.HasSuffix(got[0].Text, "Kafr Zita") {
			t.Errorf("%s: %v; want Kafr Zita, read without the word after it", s, got)
		}
	}
}

// TestFindAll_TownAfterInIsNoContext: a town told after "in" locates a name
// only when it lies near it; else it is a place of its own.
func TestFindAll_TownAfterInIsNoContext(t *testing.T) {
	g := mustDefault(t)
	got := g.FindAll("Gunmen shot dead a man from Saraqib in Ariha on Monday.")
	if len(got) != 2 || got[0].Match.Place.NameEN != "Saraqib" || !strings.Contains(got[1].Text, "Ariha") || got[0].End > got[1].Start {
		t.Errorf("FindAll = %v; want Saraqib and Ariha, two mentions", got)
	}
}

// TestFindAll_LowerCaseWordEndsNoName: a lower-case English function word after a name
// ("Hama on Monday") is no part of it, even when the two spell another place.
func TestFindAll_LowerCaseWordEndsNoName(t *testing.T) {
	g := mustDefault(t)
	for _, s := range []string{"A man was killed in Hama on Monday.", "Shells fell on rural Hama on Monday."} {
		got := g.FindAll(s)
		if len(got) != 1 || got[0].Match.Place.Admin1PCode != "SY05" || !strings.HasSuffix(got[0].Text, "Hama") {
			t.Errorf("%s: %v; want Hama alone", s, got)
		}
	}
}

// TestFindAll_PossessiveCountryside: "Daraa's western countryside" and "Daraa
// western countryside" are the governorate's western countryside; the "'s" of
// a possessive is no letter of the name, but "Ra's" keeps its own.
func TestFindAll_PossessiveCountryside(t *testing.T) {
	g := mustDefault(t)
	for _, s := range []string{"Shells fell in Daraa's western countryside.", "Shells fell in Daraa western countryside.", "Shells fell in Daraa’s western countryside."} {
		got := g.FindAll(s)
		if len(got) != 1 || got[0].Match.Place.ID != "adm1:SY12" || got[0].Match.Qualifier != "western rural" {
			t.Errorf("%s: %v; want Daraa governorate, western rural", s, got)
		}
	}
	if got := g.FindAll("Shells fell in Ra's al-Ayn."); len(got) != 1 || got[0].Match.Place.Admin1PCode != "SY08" {
		t.Errorf("Ra's al-Ayn: %v; want the town in Hasakah", got)
	}
}

// TestFindAll_TypeWordThenConjunction: a type word names the word right after
// it, not one joined to it by "و": "بين القرى وعلى الطرق" is the villages and
// the roads, no hamlet called على.
func TestFindAll_TypeWordThenConjunction(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{
		"نشرت الشرطة دوريات بين القرى وعلى الطرق الرئيسية في ريف حمص الشرقي.",
		"أقامت القوات حواجز داخل المدينة وعلى مداخلها بعد الهجوم.",
	} {
		for _, m := range g.FindAll(text) {
			if name := text[m.NameStart:m.NameEnd]; strings.Contains(name, "على") {
				t.Errorf("FindAll(%q) read %q as a place (%q → %s)", text, name, m.Text, m.Match.Place.ID)
			}
		}
	}
}

// An English possessive or demonstrative capitalised at the head of a sentence
// starts no name: "His co-worker" is not read as a transliteration of a city.
func TestFindAll_DeterminerStartsNoName(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{"His co-worker was wounded in the attack.", "Their co-founder was arrested on Monday."} {
		if got := g.FindAll(text); len(got) != 0 {
			t.Errorf("FindAll(%q) = %q → %s; want no place", text, got[0].Text, got[0].Match.Place.ID)
		}
	}
	if got := g.FindAll("This week gunmen killed two men in Hama."); len(got) != 1 || got[0].Match.Place.NameEN != "Hama" {
		t.Errorf("FindAll lost the place after a determiner: %d mentions", len(got))
	}
}

// TestFindAll_DefiniteTypeWordNamesNothing: a type word with the article
// ("المنطقة", "البلدة") is not in construct with a name, so a common word after
// it ("على", the preposition some hamlet is called) stays a common word; the
// indefinite type word still names a place so called.
func TestFindAll_DefiniteTypeWordNamesNothing(t *testing.T) {
	g := mustDefault(t)
	text := "وداهمت الشرطة عدة منازل في المنطقة على إثر الهجوم، ثم انسحبت من البلدة على عجل."
	for _, m := range g.FindAll(text) {
		t.Errorf("FindAll read %q as a place (%s)", m.Text, m.Match.Place.ID)
	}
}

// TestFindAll_QuarterInATown: a quarter told "in" a town, with the town's
// article ("the X district in al-Y town"), is read with the town as its
// context, whatever the town's size: a namesake of the quarter elsewhere is
// not the place.
func TestFindAll_QuarterInATown(t *testing.T) {
	g := mustDefault(t)
	got := g.FindAll("A man was shot dead on Sunday in the al-Hamra district in al-Sousah town, east of Mayadin.")
	if len(got) == 0 || got[0].Match.Place.Admin1PCode != "SY09" || len(got[0].Match.Context) != 1 {
		t.Errorf("FindAll = %v; want one mention in Deir ez-Zor, with al-Sousah as its context", got)
	}
}

// TestFindAll_NameGoesOnAfterItsArticle: a name the gazetteer knows in part
// ("Sayda") and the text writes in full with an article and a further word
// ("the town of Saida al-Hanout") keeps the name as written, and never
// ends in the bare article.
func TestFindAll_NameGoesOnAfterItsArticle(t *testing.T) {
	g := mustDefault(t)
	got := g.FindAll("Two farmers were held for hours on Friday in the town of Saida al-Hanout, south of Quneitra.")
	if len(got) == 0 || !strings.Contains(got[0].Text, "Saida al-Hanout") || got[0].Match.Place.Admin1PCode != "SY14" {
		t.Errorf("FindAll = %v; want the town of Saida al-Hanout, in Quneitra", got)
	}
}

// TestFindAll_CompoundHeadAlone: "تل" or "عين" before another word begins a
// compound name ("تل X"), and is not read alone as the town "التل".
func TestFindAll_CompoundHeadAlone(t *testing.T) {
	g := mustDefault(t)
	for _, m := range g.FindAll("تعرضت مناطق تل الزعتر ومحيط مدينة نوى لقصف مدفعي.") {
		if m.Match.Place.Admin1PCode == "SY03" {
			t.Errorf("FindAll read %q as %s in Rif Dimashq; want no town of its own", m.Text, m.Match.Place.NameEN)
		}
	}
}

// TestFindAll_VillageOnARegionsFringe: a village told "in" a named region
// whose parts leave its subdistrict out, but on the region's slopes, is the
// village, not the region.
func TestFindAll_VillageOnARegionsFringe(t *testing.T) {
	g := mustDefault(t)
	got := g.FindAll("سقطت قذائف على بلدة بزابور في جبل الزاوية.")
	if len(got) == 0 || got[0].Match.Place.NameEN != "Bazabur" {
		t.Errorf("FindAll = %v; want Bazabur", got)
	}
}
