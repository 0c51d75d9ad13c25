package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// News names many villages the gazetteer does not hold, or spells them
// otherwise ("كفرحلين", "al-Hamra"). Where the words around a name say it is a
// place ("في قرية X بريف إدلب", "the town of X", "the X neighborhood"), the name
// is kept as written: matched approximately when the gazetteer has a close
// spelling in the same governorate, else placed at the area named with it
// (or only by its governorate) with a note that the gazetteer lacks it.

// recoverTypes are the type words before a name ("قرية X") and, in English,
// before "of" ("the village of X") or after the name ("the X neighborhood").
var recoverTypes = map[string]gazetteer.Kind{
	"قريه": gazetteer.KindVillage, "بلده": gazetteer.KindTown, "مدينه": gazetteer.KindCity, "حي": gazetteer.KindNeighbourhood,
	"مخيم": gazetteer.KindVillage, "ناحيه": gazetteer.KindTown, "محله": gazetteer.KindNeighbourhood,
	"village": gazetteer.KindVillage, "town": gazetteer.KindTown, "city": gazetteer.KindCity,
	"منطقه":        gazetteer.KindVillage,
	"neighborhood": gazetteer.KindNeighbourhood, "neighbourhood": gazetteer.KindNeighbourhood, "quarter": gazetteer.KindNeighbourhood,
	"district": gazetteer.KindNeighbourhood, "area": gazetteer.KindVillage, "camp": gazetteer.KindVillage,
	"desert": gazetteer.KindVillage, // "the X desert of Y province": a stretch of the Badia named after a village or well
}

// nameStops end a name read after a type word: prepositions, directions, the
// area words of a context, and adjectives that follow type words
// ("منطقة زراعية", "بلدة مجاورة").
var nameStops = wordSet("في", "من", "علي", "الي", "عن", "مع", "بين", "قرب", "عند", "داخل", "خارج", "حيث", "التي",
	"الذي", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "ريف", "محافظه", "منطقه",
	"مجاوره", "مجاور", "قريبه", "قريب", "اخر", "ثان", "ثاني", "تابعه", "التابعه", "واقعه", "الواقعه", "الواقع", "واقع", "الكائن", "الكائنه", "صغيره", "كبيره", "نائيه", "اخري",
	"ثانيه", "ذاتها", "نفسها", "نفسه", "ذاته", "المذكوره", "سوريه", "السوريه", "حدوديه", "الحدوديه", "اليوم", "امس",
	"يوم", "مساء", "صباح", "فجر", "ليل", "ضد", "بعد", "قبل", "خلال", "اثناء", "منذ", "حتي", "عبر", "نحو", "باتجاه", "و", "او",
	"دون", "بدون", "جراء", "اثر", "بسبب", "حيث", "لصالح", "ضمن", "طالت",
	"ما", "مما", // "على بلدة X ما أدى إلى": the outcome, told with no comma
	"محيطه", "المحيطه", "محيط", "المحيط", // "قرى محيطة بها": the villages around a place told, no name
	"ناجمه", "ناجم", "الناجمه", "ناتجه", "ناتج", "نجمت", // "انفجارات بمنطقة X ناجمة عن قذائف": what caused it
	"ان", "انه", "انها", // "أفاد مراسل في ريف X أن …": what was said begins
	"تحت", "فوق", // "منطقة تحت سيطرة الفصيل": where it lies, not its name
	// particles and verbs that begin a clause about the place: "مخيم X لا يضم",
	// "منطقة تعد معقلاً", "البلدة هي"
	"لا", "لم", "لن", "قد", "هي", "هو", "كان", "كانت", "تعد", "يعد", "تعتبر", "يعتبر", "تضم", "يضم",
	// verbs whose subject the place's people or force were: "شرطة منطقة X تمكنت من"
	"تمكنت", "تمكن", "تمكنوا", "قامت", "قام", "اعلنت", "اعلن", "شهدت", "شهد", "راح", // "مدينة X راح ضحيتها"
	"ارتفع", "ارتفعت", "بلغ", "بلغت", // "عدد الضحايا في بلدة X ارتفع إلى"
	"تهمه", "تهم", "جرم", "جرائم", "هدف", "قصد", // "بتهمة", "بهدف": why, after the place
	// words for an event told by no incident word of its own, and how several stand apart:
	// "في حادثتين منفصلتين بريف حمص" tells how, not where
	"حادث", "حادثه", "حادثين", "حادثتين", "حوادث", "واقعه", "واقعتين", "منفصل", "منفصله", "منفصلين",
	"منفصلتين",
	// adjectives and nouns that describe places after a plural type word rather than name
	// them: "أحياء سكنية", "مناطق متفرقة", "قرى خاضعة لسيطرة", "أحياء العاصمة"
	"سكنيه", "سكني", "متفرقه", "مختلفه", "عديده", "عده", "خاضعه", "محرره", "محتله", "متاخمه", "محاذيه",
	"زراعيه", "ريفيه", "جبليه", "واسعه", "عاصمه", "سكنيين", "سكنيتين", "السكنيين", "السكنيتين",
	// what else was hit, told beside the places after a plural type word: "أحياء وأسواق
	// المدينة", "قرى ومزارع"
	"اسواق", "محال", "محلات", "مباني", "ابنيه", "بيوت", "شوارع", "طرقات", "مزارع", "مرافق",
	// the people a camp or quarter is of: "مخيمات النازحين", "أحياء المهجرين"
	"نازحين", "لاجئين", "مهجرين", "وافدين",
	"the", "of", "in", "near", "on", "at", "and", "or", "north", "south", "east", "west", "northern", "southern",
	"eastern", "western", "countryside", "province", "governorate", "city", "town", "village", "area",
	"neighborhood", "neighbourhood", "district", "camp", "syria", "syrian", "which", "that", "where", "who",
	"when", "while", "after", "before", "during", "was", "were", "is", "are", "by", "from", "to", "with",
	// adverbs that open an English sentence, capitalised there: "Meanwhile, villages in …"
	"meanwhile", "separately", "elsewhere", "additionally", "furthermore", "moreover", "also", "however", "earlier", "later",
	// determiners, capitalised at a sentence's start: "A neighbourhood of X was shelled", "A quarter of the victims"
	"a", "an", "one", "each", "every", "another", "this", "these", "those", "some", "any", "quarter")

// prepositionStops are the name stops that are prepositions: they take no
// article, so a word that is one of them with "ال" is a name ("العلي").
var prepositionStops = map[string]bool{"في": true, "من": true, "علي": true, "الي": true, "عن": true, "مع": true, "بين": true, "عند": true}

// stopWord reports a name stop with its proclitics ("وفي", "بعد") or a
// pronoun suffix ("شمالها", "جنوبه"); other endings are not stripped, since
// names end in them too ("بنين", "حزانو").
func stopWord(norm string) bool {
	if nameStops[norm] {
		return true
	}
	if rest, ok := strings.CutPrefix(norm, "ال"); ok && prepositionStops[rest] {
		return false // "غانم العلي": a family name, which folds like "على" once its article goes
	}
	for _, st := range stems(norm) {
		if nameStops[st] {
			return true
		}
		for _, suf := range []string{"ها", "ه", "هم", "هما"} {
			if base, ok := strings.CutSuffix(st, suf); ok && nameStops[base] {
				return true
			}
		}
	}
	return false
}

// siteNouns name the kind of spot an event happened at, not a place: "في أرض
// زراعية بقرية X", "في منزل مهجور بريف Y".
var siteNouns = wordSet("ارض", "اراضي", "منزل", "شقه", "محل", "مزرعه", "مبني", "بناء", "مستودع", "سياره", "طريق",
	"حاجز", "نقطه", "مقر", "مدرسه", "مسجد", "سوق", "مشفي", "مستشفي", "ساحه", "شارع", "حقل", "بستان", "مخزن", "معمل",
	"مصنع", "كهف", "مغاره", "خيمه", "ورشه", "مكتب", "فرن", "محطه", "منطقه", "بلده", "قريه", "مدينه", "حي", "مخيم",
	"موقع", "مواقع", "منشاه", "كازيه", "مقبره", "حديقه", "جامع", "كنيسه", "ثكنه", "مطار", "معبر", "سجن")

// recoverNames returns the mentions to add to a sentence for names the
// gazetteer did not find after a type word.
func (p *passage) recoverNames(toks []token, ms []gazetteer.Mention) []gazetteer.Mention {
	var out []gazetteer.Mention
	coverStart := func(pos int) int {
		for _, m := range ms {
			if pos >= m.Start && pos < m.End {
				return m.Start
			}
		}
		return -1
	}
	covered := func(pos int) bool { return coverStart(pos) >= 0 }
	for i := 0; i < len(toks); i++ {
		if m, ok := p.anaphora(toks, i, ms); ok && !covered(m.Start) {
			out = append(out, m)
			continue
		}
		spans, kind := p.namedAfterType(toks, i, ms)
		next := i
		for _, sp := range spans {
			first, last, tw := sp.first, sp.last, sp.typeTok
			next = max(next, last, tw)
			for last > first && gluedContext(ms, toks[last].Start) {
				last-- // "قرية X بالقنيطرة": the name ends where "in Quneitra" begins
			}
			tail := coverStart(toks[last].Start) // "the town of X al-Y": the gazetteer knows "Y" alone
			tailOnly := last > first && isLatin(toks[first].Norm) && tail > toks[first].End &&
				slices.ContainsFunc(toks[first:last], func(t token) bool { return t.End <= tail && !latinArticles[t.Norm] })
			if toks[first].in(unitWords) {
				continue // "في الفرقة الخامسة بريف درعا": a military unit, not a place
			}
			if covered(toks[first].Start) || covered(toks[last].Start) && !(last > first && kinshipWords[toks[last-1].Norm]) && !tailOnly {
				continue // but "بئر أبو خليل" holds the place "خليل" as a word of its name, "the town of Tell Y al-Gharbiya" the place "Gharbiya"
			}
			start, end := toks[first].Start+sp.cut, toks[last].End
			if tw >= 0 {
				start, end = min(start, toks[tw].Start), max(end, toks[tw].End)
			}
			m := gazetteer.Mention{Start: start, End: end, NameStart: toks[first].Start + sp.cut, NameEnd: toks[last].End, ContextStart: end}
			m.Text = p.text[m.Start:m.End]
			m.Match = p.resolveUnknown(p.text[m.NameStart:m.NameEnd], kind, toks, max(last, tw), first, ms)
			out = append(out, m)
		}
		i = next
	}
	return out
}

// unitWords head the names of military units, which a force's posts bear
// and news tells with "في" and a countryside: "يخدم في الفرقة الخامسة".
var unitWords = wordSet("فرقه", "الفرقه", "لواء", "اللواء", "فيلق", "الفيلق", "كتيبه", "الكتيبه", "فوج", "الفوج", "جهاز",
	"division", "brigade", "regiment", "battalion", "corps")

// gluedContext reports a known place starting at pos with "ب" or "ل" glued to
// it ("بالقنيطرة", "لدرعا"): the area a name before it lies in, not its end.
func gluedContext(ms []gazetteer.Mention, pos int) bool {
	for _, m := range ms {
		if m.Start == pos && (strings.HasPrefix(m.Proclitic, "ب") || strings.HasPrefix(m.Proclitic, "ل")) {
			return true
		}
	}
	return false
}

// anaphoraKinds are the definite type words that refer back to a place told
// before ("غربي المدينة", "على أطراف البلدة") and the kinds they refer to.
var anaphoraKinds = map[string][]gazetteer.Kind{
	"المدينه": {gazetteer.KindCity, gazetteer.KindTown},
	"البلده":  {gazetteer.KindTown, gazetteer.KindVillage, gazetteer.KindCity},
	"القريه":  {gazetteer.KindVillage, gazetteer.KindTown},
}

// anaphora returns a mention for "the city" at token i when it stands alone
// (no name after it): the place of that kind told last, in this sentence or
// before, with the direction before it ("غربي المدينة": west of it).
func (p *passage) anaphora(toks []token, i int, ms []gazetteer.Mention) (gazetteer.Mention, bool) {
	w := toks[i].Norm
	for _, pre := range []string{"و", "ب", "ف", "ل"} {
		if rest, ok := strings.CutPrefix(w, pre); ok && anaphoraKinds[rest] != nil {
			w = rest
		}
	}
	kinds := anaphoraKinds[w]
	if kinds == nil || i+1 < len(toks) && !p.punctBetween(toks[i], toks[i+1]) && !nameStops[toks[i+1].Norm] {
		return gazetteer.Mention{}, false
	}
	var ante *gazetteer.Mention
	all := append(append([]gazetteer.Mention(nil), p.earlier...), ms...)
	for k := len(all) - 1; k >= 0 && ante == nil; k-- {
		if all[k].End <= toks[i].Start && slices.Contains(kinds, all[k].Match.Place.Kind) && !p.groupName(all[k]) &&
			!distanceAside(p.text, all[k].Start) && // "جرمانا (7 كم عن مركز دمشق) … مدخل المدينة": an aside's place is not referred to

			!(k >= len(p.earlier) && isOrganisation(p.text, toks, spanOf(toks, all[k]))) {
			ante = &all[k] // but not "حماة" of "مديرية صحة حماة": an office's seat is no place told
		}
	}
	if ante == nil {
		return gazetteer.Mention{}, false
	}
	m := gazetteer.Mention{Start: toks[i].Start, End: toks[i].End, NameStart: toks[i].Start, NameEnd: toks[i].End}
	m.Match = gazetteer.Match{Query: w, Place: ante.Match.Place, Precision: kindPrecision(ante.Match.Place.Kind), Score: ante.Match.Score}
	if i > 0 && !p.punctBetween(toks[i-1], toks[i]) {
		for _, st := range stems(toks[i-1].Norm) {
			if d := directionEN[st]; d != "" {
				m.Start, m.Match.Qualifier = toks[i-1].Start, d+" of"
				m.Match.Precision = gazetteer.PrecisionDistrict
			}
		}
	}
	m.Text, m.ContextStart = p.text[m.Start:m.End], m.End
	return m, true
}

// distanceAside reports text[at] inside round brackets that measure a
// distance from it, opened before it on the same line: "(7 كم عن مركز X)",
// "(12 km from Y)". Such a place is a reference point, not an area told.
// The brackets are looked for within asideReach bytes either side: an aside
// is a few words, and a search back to the report's start at every name
// made a long report cost the square of its length.
func distanceAside(text string, at int) bool {
	before := text[max(0, at-asideReach):at]
	open := strings.LastIndexByte(before, '(')
	if open < 0 || open < strings.LastIndexByte(before, ')') || open < strings.LastIndexByte(before, '\n') ||
		strings.IndexByte(text[at:min(len(text), at+asideReach)], ')') < 0 {
		return false
	}
	return strings.ContainsFunc(before[open:], unicode.IsDigit)
}

// asideReach bounds how far distanceAside looks for an aside's brackets.
const asideReach = 200

// groupName reports a gazetteer mention that ends a group's name ("أحرار الشام").
func (p *passage) groupName(m gazetteer.Mention) bool {
	before := strings.Fields(normalize(p.text[max(0, m.Start-40):m.Start]))
	return len(before) > 0 && shamAfter(normalize(m.Text), before[len(before)-1])
}

// directionEN are the Arabic direction words and their English names.
var directionEN = map[string]string{"شمال": "north", "شمالي": "north", "جنوب": "south", "جنوبي": "south",
	"شرق": "east", "شرقي": "east", "غرب": "west", "غربي": "west"}

// namedAfterType reads the names at token i that the words around them say
// are places: "قرية X", "بلدة X Y", "في X بريف Y", "the town of al-X", "the al-X
// neighborhood", "X, Y and Z neighborhoods", "in X, eastern Daraa". Each span
// is the name's first and last token and the type word's token (-1 if none).
func (p *passage) namedAfterType(toks []token, i int, ms []gazetteer.Mention) ([]nameSpan, gazetteer.Kind) {
	if isLatin(toks[i].Norm) {
		return p.englishNamed(toks, i, ms)
	}
	w := toks[i].Norm
	if i+1 >= len(toks) || p.punctBetween(toks[i], toks[i+1]) && !p.quoteBetween(toks[i], toks[i+1]) {
		return nil, ""
	}
	if kind, plural := pluralTypeAt(w); plural {
		return p.listAfterPlural(toks, i), kind
	}
	if headAt(w) {
		last := p.nameRun(toks, i+1, toks[i+1].Norm, 2)
		if last < i+1 || !strings.HasPrefix(toks[i+1].Norm, "ال") {
			return nil, ""
		}
		return []nameSpan{{i, last, -1, headProclitic(w)}}, gazetteer.KindLandmark // "تل الحارة": the head is part of the name
	}
	kind, typed := typeWordAt(w)
	if !typed && w != "في" && w != "علي" && !edgeWordAt(w) {
		return nil, ""
	}
	first, last := i+1, p.nameRun(toks, i+1, toks[i+1].Norm, 2)
	if last < first || !looksLikeName(toks[first].Norm, last > first || disagrees(w, toks[first].Norm)) {
		return nil, ""
	}
	if !typed && toks[first].in(operationWords) {
		return nil, "" // "في حملة أمنية بمدينة X": the operation done there, not a place's name
	}
	if !typed {
		return p.untypedName(toks, i, first, last, ms), gazetteer.KindVillage
	}
	return []nameSpan{{first, last, i, 0}}, kind
}

// toponymHeads begin the names of hills, mountains, valleys and ruins:
// "تل الحارة", "تلة الصنوبر", "وادي بردى", "خربة الجوز". Indefinite and
// followed by a definite word, they say a name is told, and are part of it.
var toponymHeads = wordSet("تل", "تله", "جبل", "وادي", "خربه")

// headAt reads a toponym head with the conjunction "و" or the preposition "ب"
// glued to it ("وتل", "بوادي").
func headAt(w string) bool { return headProclitic(w) >= 0 }

// headProclitic returns the bytes of the proclitic glued to a toponym head
// ("وتل": those of "و"; "وادي" itself: none), or -1 if w is no head.
func headProclitic(w string) int {
	for _, pre := range []string{"", "و", "ب", "وب"} {
		if rest, ok := strings.CutPrefix(w, pre); ok && toponymHeads[rest] {
			return len(pre)
		}
	}
	return -1
}

// typeWordAt reads a type word with its proclitics: "قرية", "وبلدة", "بمدينة";
// "بلدة" itself starts with the letter of "ب".
func typeWordAt(w string) (gazetteer.Kind, bool) {
	for _, pre := range []string{"", "و", "ب", "وب"} {
		if rest, ok := strings.CutPrefix(w, pre); ok {
			if k, typed := recoverTypes[rest]; typed {
				return k, true
			}
		}
	}
	return "", false
}

// tokAt returns the normalised word at toks[i], "" outside the tokens.
func tokAt(toks []token, i int) string {
	if i >= 0 && i < len(toks) {
		return toks[i].Norm
	}
	return ""
}

// quoteBetween reports only an opening quote between two words: `قرية "X"`.
func (p *passage) quoteBetween(a, b token) bool {
	return strings.Trim(p.text[a.End:b.Start], " \"“«'") == ""
}

func (p *passage) punctBetween(a, b token) bool {
	return strings.ContainsAny(p.text[a.End:b.Start], ",،.:;()\"“”«»")
}

// englishListMax is how many names a list after a plural type word may hold.
const englishListMax = 12

// englishList reads on from the first name of a list after a plural type word
// ("the villages of X, Y, Umm Z, and W"): each further capitalised name after
// a comma, "and" or both.
func (p *passage) englishList(toks []token, spans []nameSpan) []nameSpan {
	for len(spans) < englishListMax {
		j := spans[len(spans)-1].last + 1
		comma := j < len(toks) && strings.Contains(p.text[toks[j-1].End:toks[j].Start], ",")
		if tokAt(toks, j) == "and" {
			j++
		} else if !comma {
			break
		}
		if j >= len(toks) || !p.capital(toks[j]) || calendarWord(toks[j].Norm) || p.punctBetween(toks[j-1], toks[j]) && !comma {
			break
		}
		spans = append(spans, nameSpan{j, p.nameEnd(toks, j), -1, 0})
	}
	return spans
}

// englishNamed reads "the town of al-Hamra", "the village of Tal Rahal", "the
// al-Waer neighborhood", "the Kisweh area", "al-Qaboun, Jobar and al-Midan
// neighborhoods", "in Kafr Shams, northern Daraa".
func (p *passage) englishNamed(toks []token, i int, ms []gazetteer.Mention) ([]nameSpan, gazetteer.Kind) {
	if spans := p.englishAround(toks, i); spans != nil {
		return spans, gazetteer.KindVillage
	}
	if k, isType := recoverTypes[singular(toks[i].Norm)]; isType && i+2 < len(toks) && toks[i+1].Norm == "of" && p.capital(toks[i+2]) {
		spans := []nameSpan{{i + 2, p.nameEnd(toks, i+2), -1, 0}}
		if singular(toks[i].Norm) != toks[i].Norm {
			spans = p.englishList(toks, spans) // "the villages of X, Y, and Z": each one a place
		}
		return spans, k
	}
	if attackVerbsEN[toks[i].Norm] && i+1 < len(toks) && p.capital(toks[i+1]) && !calendarWord(toks[i+1].Norm) && !p.acronym(toks[i+1]) {
		// "two drones attacked X in the Idlib countryside": the object, placed by the area after it
		last := p.nameEnd(toks, i+1)
		if ctx := contextAfter(toks, last, ms); ctx != nil && tokAt(toks, last+1) == "in" && (isArea(*ctx) || wideArea(*ctx)) &&
			!institutionName(toks, i+1, last) {
			return []nameSpan{{i + 1, last, -1, 0}}, gazetteer.KindVillage
		}
	}
	if placePrepsEN[toks[i].Norm] && toks[i].Norm != "of" && i+1 < len(toks) && p.capital(toks[i+1]) && !calendarWord(toks[i+1].Norm) {
		last := p.nameEnd(toks, i+1)
		if institutionName(toks, i+1, last) || p.acronym(toks[i+1]) || nationsEN[toks[i+1].Norm] {
			// "the Military Police Command in Afrin", "the SDF in X", "the Lebanese Hezbollah in Y":
			// an institution or a group, not a place
			return nil, ""
		}
		if ctx := contextAfter(toks, last, ms); ctx != nil && (ctx.Start == toks[last+1].Start && p.punctBetween(toks[last], toks[last+1]) ||
			tokAt(toks, last+1) == "in" && (isArea(*ctx) || wideArea(*ctx))) {
			return []nameSpan{{i + 1, last, -1, 0}}, gazetteer.KindVillage // "in Kafr Shams, northern Daraa", "on X in the countryside of Y"
		}
		if latinArticles[toks[i+1].Norm] && last >= i+2 && glued(p.text, toks[i+1], toks[i+2]) && !(last+1 < len(toks) && (toks[last+1].in(buildingWordsEN) || toks[last+1].in(siteWordsEN))) &&
			p.closeSettlement(p.text[toks[i+1].Start:toks[last].End]) {
			return []nameSpan{{i + 1, last, -1, 0}}, gazetteer.KindVillage // "in al-Karama": a name by its article, spelt otherwise than the gazetteer's
		}
		return nil, ""
	}
	if !p.capital(toks[i]) || i > 0 && p.capital(toks[i-1]) {
		return nil, ""
	}
	var spans []nameSpan
	j := i
	for {
		last := p.nameEnd(toks, j)
		spans = append(spans, nameSpan{j, last, -1, 0})
		k := last + 1
		if k < len(toks) && toks[k].Norm == "and" {
			k++
		}
		if k >= len(toks) || !p.capital(toks[k]) || k-last > 2 || k == last+1 && !p.punctBetween(toks[last], toks[k]) {
			j = last
			break
		}
		j = k
	}
	tw := j + 1
	if tw >= len(toks) || communityWordsEN[toks[j].Norm] || nationsEN[toks[j].Norm] || quantifiersEN[toks[i].Norm] {
		return nil, "" // "the mostly Druze village of X", "Iranian camps": a community's or a nation's adjective, not a name
	}
	k, isType := recoverTypes[singular(toks[tw].Norm)]
	if !isType || (k == gazetteer.KindCity || k == gazetteer.KindTown) && (i == 0 || !placePrepsEN[toks[i-1].Norm] || len(spans) > 1) {
		return nil, "" // "Jabab town" after "in", not any capitalised word before "town"
	}
	if len(spans) == 1 {
		spans[0].typeTok = tw // "the al-Waer neighborhood": the type word is part of how it is named
	}
	return spans, k // "the Kisweh area"
}

// quantifiersEN count or point to the places a plural type word names,
// capitalised at a sentence's start: "Both villages are …", "Several towns".
var quantifiersEN = wordSet("both", "all", "several", "many", "some", "these", "those", "other", "most", "nearby",
	"neighbouring", "neighboring", "surrounding", "adjacent", "two", "three", "four", "five", "dozens", "various")

// wideArea reports a place that holds villages: a district, a subdistrict or
// a region ("in X in the Jabal Y area", "in X in the Z district").
func wideArea(m gazetteer.Mention) bool {
	switch m.Match.Place.Kind {
	case gazetteer.KindDistrict, gazetteer.KindSubdistrict, gazetteer.KindRegion:
		return true
	}
	return false
}

// institutionNounsEN in a capitalised English name make it an institution's,
// a force's or an outlet's: "Internal Security Forces", "the Media Office".
var institutionNounsEN = wordSet("forces", "force", "army", "police", "units", "unit", "council", "command", "office",
	"ministry", "directorate", "brigade", "brigades", "division", "front", "party", "agency", "observatory", "network",
	"committee", "authority", "authorities", "administration", "government", "militia", "group", "organization",
	"organisation", "movement", "corps", "battalion", "guard", "service", "services", "department", "center", "centre",
	"bureau", "hezbollah")

// institutionName reports an institution's word among toks[first..last].
func institutionName(toks []token, first, last int) bool {
	for j := first; j <= last && j < len(toks); j++ {
		if institutionNounsEN[toks[j].Norm] {
			return true
		}
	}
	return false
}

// nationsEN are the adjectives of nations, which open the name of a force, a
// party or an agency in English news, never a Syrian village's.
var nationsEN = wordSet("lebanese", "iraqi", "iranian", "turkish", "russian", "israeli", "american", "jordanian",
	"british", "french", "syrian", "afghan", "pakistani")

// communityWordsEN are the adjectives of faith, sect and people that English
// news puts before a type word to describe a place ("a Druze village", "the
// mostly Kurdish town of X"): capitalised, but no name.
var communityWordsEN = wordSet("alawite", "alawi", "sunni", "shia", "shiite", "shi'ite", "druze", "ismaili", "christian",
	"muslim", "yazidi", "kurdish", "kurd", "arab", "turkmen", "turkoman", "assyrian", "armenian", "circassian", "syriac",
	"chaldean", "bedouin", "orthodox", "catholic", "murshidi")

// acronym reports a word written in two to five capital letters: "SDF", "HTS",
// "YPG". English news spells groups, forces and agencies so, not villages.
func (p *passage) acronym(t token) bool {
	w := p.text[t.Start:t.End]
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	for _, c := range w {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// placePrepsEN come before a place's name.
var placePrepsEN = wordSet("in", "at", "on", "near", "of", "from", "the")

// calendarWord reports a capitalised weekday or month: "on Monday".
func calendarWord(w string) bool {
	_, wd := enWeekdays[w]
	_, mo := enMonths[w]
	return wd || mo
}

// nameEnd returns the last token of a capitalised name starting at i: up to
// three words, hyphenated articles included.
func (p *passage) nameEnd(toks []token, i int) int {
	last := i
	for last+1 < len(toks) && last < i+3 && p.capital(toks[last+1]) && !p.punctBetween(toks[last], toks[last+1]) {
		last++
	}
	return last
}

// singular is an English type word without its plural "s".
func singular(w string) string {
	if t, ok := strings.CutSuffix(w, "s"); ok {
		if _, isType := recoverTypes[t]; isType {
			return t
		}
	}
	return w
}

// capital reports a capitalised Latin word, or "al-" glued before one.
func (p *passage) capital(t token) bool {
	if !isLatin(t.Norm) || t.in(nameStops) || calendarWord(t.Norm) {
		return false // "the village of X Sunday": the day, not a part of the name
	}
	c := p.text[t.Start]
	if c >= 'A' && c <= 'Z' {
		return true
	}
	return latinArticles[t.Norm] && strings.HasPrefix(p.text[t.End:], "-")
}

var latinArticles = wordSet("al", "el", "as", "ad", "ar", "az", "at", "an", "ash", "ath")

// glued reports a hyphen alone between a and b, a token before b: "al-X".
// A name of one token compared with itself ("in Ad") sliced the text
// backwards, a panic.
func glued(text string, a, b token) bool { return a.End <= b.Start && text[a.End:b.Start] == "-" }

// disagrees reports a word in the masculine nisba "ـي" after a feminine type
// word ("قرية قزعلي", "بلدة كفرعلي"): an adjective would agree ("قرية
// حدودية"), so it is a name.
func disagrees(typeWord, w string) bool {
	for _, pre := range []string{"", "و", "ب", "وب"} {
		if rest, ok := strings.CutPrefix(typeWord, pre); ok && feminineTypes[rest] {
			return strings.HasSuffix(w, "ي") && !strings.HasSuffix(w, "يه")
		}
	}
	return false
}

// feminineTypes are the feminine singular type words.
var feminineTypes = wordSet("قريه", "بلده", "مدينه", "منطقه", "ناحيه", "محله")

// looksLikeName rejects a lone word after a type word that reads as an
// adjective: indefinite and ending in the nisba "ـي", "ـية" ("منطقة زراعية",
// "حي سكني"), which names after type words rarely are.
func looksLikeName(w string, more bool) bool {
	if n := utf8.RuneCountInString(w); n < 2 || n < 3 && !more {
		return false // but "حي عش الورور", "قرية أم الكيف": a short first word of a longer name
	}
	if strings.HasPrefix(w, "ال") || more {
		return true
	}
	return !strings.HasSuffix(w, "يه") && !strings.HasSuffix(w, "ي")
}

// hasPlaceProclitic reports a word glued to "ب" or "ل" before a place word:
// "بريف", "لمحافظة": the start of a context, not part of a name.
func hasPlaceProclitic(w string) bool {
	for _, p := range []string{"ب", "ل", "وب"} {
		if rest, ok := strings.CutPrefix(w, p); ok && startsWithPlaceWord(rest) && !strings.HasPrefix(rest, "ال") {
			return true
		}
	}
	return false
}

func isTypeWord(w string) bool {
	for _, st := range stems(w) {
		if _, ok := recoverTypes[st]; ok {
			return true
		}
	}
	return false
}

// geocoder resolves one name approximately; *gazetteer.Gazetteer is one.
type geocoder interface {
	Geocode(query string) (gazetteer.Match, error)
}

// siteWordsEN after a name make it a site's: "the al-X market", "al-Y street".
var siteWordsEN = wordSet("market", "markets", "street", "square", "roundabout", "hospital", "bridge", "park", "mall")

// closeSettlement reports a name the gazetteer holds a town, village, city
// or quarter of in a close spelling ("al-Karama" for "Al Karamah").
func (p *passage) closeSettlement(name string) bool {
	g, ok := p.places.(geocoder)
	if !ok {
		return false
	}
	m, err := g.Geocode(name)
	if err != nil || m.Score < 0.75 || !closeSpelling(name, m.Place) || utf8.RuneCountInString(nameForm(name)) < 6 && m.Score < 0.95 {
		return false // a short name a letter off ("al-Hal", "Al Hol") is as likely another
	}
	switch m.Place.Kind {
	case gazetteer.KindVillage, gazetteer.KindTown, gazetteer.KindCity, gazetteer.KindNeighbourhood:
		return true
	}
	return false
}

// resolveUnknown resolves a name found after a type word: a close spelling in
// the gazetteer in the governorate of the area named with it, else the name
// as written placed at that area ("text:" IDs mark such places).
func (p *passage) resolveUnknown(name string, kind gazetteer.Kind, toks []token, last, first int, ms []gazetteer.Mention) gazetteer.Match {
	name = strings.TrimSpace(name)
	ctx := contextAfter(toks, last, ms)
	if ctx == nil {
		ctx = areaAfter(toks, last, ms)
	}
	if ctx == nil {
		ctx = areaBefore(p.text, toks[first].Start, ms)
	}
	if ctx == nil {
		ctx = nearAfter(toks, last, ms)
	}
	if ctx == nil {
		ctx = areaLater(toks, last, ms) // "one near X Stadium and the other at Y in Damascus": the sentence's own area
	}
	if ctx == nil {
		ctx = areaBefore(p.text, toks[first].Start, p.earlier)
	}
	var elsewhere []gazetteer.Place
	if g, ok := p.places.(geocoder); ok {
		if m, err := g.Geocode(name); err == nil && closeSpelling(name, m.Place) && m.Place.Kind != gazetteer.KindGovernorate {
			if ctx != nil && m.Place.Admin1PCode == ctx.Match.Place.Admin1PCode && m.Score >= 0.6 ||
				ctx == nil && (m.Score >= 0.75 || m.Score >= 0.6 && (m.Place.Kind == gazetteer.KindTown || m.Place.Kind == gazetteer.KindCity)) {
				m.Query = name
				return m
			}
			if ctx != nil && m.Score >= 0.6 {
				elsewhere = namesakes(name, m, ctx.Match.Place.Admin1PCode)
			}
		}
	}
	u := unknownPlace(name, kind, p.lang == langEnglish, ctx)
	u.Alternatives = elsewhere
	return u
}

// unknownPlace is a name the gazetteer lacks, as written, placed at the area
// told with it (ctx, if any); "text:" IDs mark such places.
func unknownPlace(name string, kind gazetteer.Kind, english bool, ctx *gazetteer.Mention) gazetteer.Match {
	pl := gazetteer.Place{ID: "text:" + gazetteer.Normalize(name), Kind: kind, Source: "not in the gazetteer"}
	if english {
		pl.NameEN = name
	} else {
		pl.NameAR = name
	}
	prec := gazetteer.PrecisionCountry
	if ctx != nil {
		c := ctx.Match.Place
		pl.Location, pl.Admin1PCode, pl.Admin1Name, pl.Admin2PCode, pl.Admin2Name = c.Location, c.Admin1PCode, c.Admin1Name, c.Admin2PCode, c.Admin2Name
		prec = coarsest(precisionOf(*ctx), gazetteer.PrecisionDistrict)
	}
	pl.PointPrecision = prec
	return gazetteer.Match{Query: name, Place: pl, Precision: kindPrecision(kind)}
}

// contextAfter returns the mention that locates a name: one starting within
// three words after it ("X بريف إدلب", "X in Western Raqqa", "X, eastern Daraa").
func contextAfter(toks []token, last int, ms []gazetteer.Mention) *gazetteer.Mention {
	if last+1 >= len(toks) {
		return nil
	}
	limit := toks[min(last+3, len(toks)-1)].End
	for i := range ms {
		if ms[i].Start == toks[last].Start && ms[i].End > toks[last].End && ms[i].Match.Qualifier != "" {
			return &ms[i] // "X village north of Y": the gazetteer read the type word with the direction
		}
		if ms[i].Start >= toks[last].End && ms[i].Start <= limit {
			if sibling(toks, last, ms[i]) {
				return nil // "X and Y areas", "قريتي X وY": the next of a list, not where X lies
			}
			return &ms[i]
		}
	}
	return nil
}

// areaAfter returns the first area named within eight words after a name,
// when no other place comes between: "X, a small village in the northern
// countryside of Latakia", "the outskirts of X and nearby farms in southern
// Idlib".
func areaAfter(toks []token, last int, ms []gazetteer.Mention) *gazetteer.Mention {
	if last+1 >= len(toks) {
		return nil
	}
	limit := toks[min(last+8, len(toks)-1)].End
	for i := range ms {
		if ms[i].Start < toks[last].End {
			continue
		}
		if ms[i].Start > limit || precisionRank(precisionOf(ms[i])) < precisionRank(gazetteer.PrecisionDistrict) {
			return nil
		}
		return &ms[i]
	}
	return nil
}

// nearAfter returns a town or an area told as near, within ten words after a
// name the gazetteer lacks and nothing else locates: "shelled the villages
// of X and Y near Z" lie where Z does, at a coarser precision.
func nearAfter(toks []token, last int, ms []gazetteer.Mention) *gazetteer.Mention {
	if last+1 >= len(toks) {
		return nil
	}
	limit := toks[min(last+10, len(toks)-1)].End
	for i := range ms {
		if ms[i].Start < toks[last].End || ms[i].Start > limit {
			continue
		}
		k := 0
		for k < len(toks) && toks[k].End <= ms[i].Start {
			k++
		}
		nearBy := k < len(toks) && toks[k].Start < ms[i].NameStart && toks[k].in(nearWords) || k > 0 && toks[k-1].in(nearWords)
		if nearBy && precisionRank(precisionOf(ms[i])) >= precisionRank(gazetteer.PrecisionTown) {
			return &ms[i]
		}
	}
	return nil
}

// areaLater returns the first city or wider area named later in the
// sentence, neither told as near nor in a direction ("west of Y"): where the
// sentence's events are, before any area of the sentences before it.
func areaLater(toks []token, last int, ms []gazetteer.Mention) *gazetteer.Mention {
	for i := range ms {
		if ms[i].Start < toks[last].End || precisionRank(precisionOf(ms[i])) < precisionRank(gazetteer.PrecisionDistrict) &&
			ms[i].Match.Place.Kind != gazetteer.KindCity {
			continue
		}
		if q := ms[i].Match.Qualifier; q != "" && !strings.Contains(q, "rural") {
			continue // "west of Damascus", "near Y": a point of reference, not the area
		}
		return &ms[i]
	}
	return nil
}

// sibling reports a mention joined by "and" or "و" to the name ending at
// token last: a place of the same list.
func sibling(toks []token, last int, m gazetteer.Mention) bool {
	next := toks[last+1]
	return next.Norm == "and" || next.Norm == "و" || strings.HasPrefix(m.Proclitic, "و") && next.Start <= m.Start && m.Start < next.End
}

// areaBefore returns the closest town, city or area named before pos, in the
// sentence or the ones before, to place a name the gazetteer lacks ("near
// Damascus, in the Mezzeh area").
func areaBefore(text string, pos int, ms []gazetteer.Mention) *gazetteer.Mention {
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].End <= pos && ms[i].Start > 0 && precisionRank(precisionOf(ms[i])) >= precisionRank(gazetteer.PrecisionTown) &&
			!distanceAside(text, ms[i].Start) {
			return &ms[i]
		}
	}
	return nil
}

// closeSpelling reports whether a name written in the text is a spelling of one
// of the place's names, not a part of it: "Qamishlo" of "Qamishli" is, "تل
// علي" of "علي باجلية" is not.
func closeSpelling(name string, pl gazetteer.Place) bool {
	n := nameForm(name)
	for _, pn := range append([]string{pl.NameEN, pl.NameAR}, pl.Variants...) {
		k := nameForm(pn)
		if k == "" {
			continue
		}
		l := max(utf8.RuneCountInString(k), utf8.RuneCountInString(n))
		if float64(gazetteer.EditDistance(k, n)) <= 0.25*float64(l) {
			return true
		}
	}
	return false
}

// nameForm folds a name for comparing spellings: normalised, without articles
// and spaces.
func nameForm(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(gazetteer.Normalize(s)) {
		if latinArticles[w] {
			continue
		}
		b.WriteString(strings.TrimPrefix(w, "ال"))
	}
	return b.String()
}

// isUnknown reports a place named in the text that the gazetteer lacks.
func isUnknown(m gazetteer.Mention) bool { return strings.HasPrefix(m.Match.Place.ID, "text:") }
