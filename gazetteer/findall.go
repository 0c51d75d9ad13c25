package gazetteer

import (
	"slices"
	"strings"
)

// FindAll returns the place names mentioned in running Arabic or English text, in
// order, each read with its prefixes and qualifiers ("في قرية البدروسية بريف اللاذقية
// الشمالي" gives Badrousiya with Latakia as context). At each position the longest
// name wins. Lone village names, which are often also common words, are only taken
// with something around them that says they are places: a type word, a context, a
// preposition, or a list of places they continue. It returns at most
// [MaxMentions], the first ones of the text, and reads the text a stretch of
// sentences at a time, so that its memory is bounded whatever the text's size.
// Safe for concurrent use.
func (g *Gazetteer) FindAll(text string) []Mention {
	var out []Mention
	var toks []token
	var told map[int32]bool
	for from := 0; from < len(text) && len(out) < MaxMentions; {
		to := stretchEnd(text, from)
		toks = tokenizeAt(toks, text, from, to)
		out, told = g.findIn(text, toks, out, told)
		from = to
	}
	pickByText(out)
	return out
}

// findIn appends to out the mentions in toks, the words of a stretch of text that
// no mention crosses (see stretchEnd), up to MaxMentions in all.
//
// told holds the places named with a type word or a context earlier in the
// text ("مدينة البصيرة", "وفي X، …"): told again bare, the name is that place, as a
// reader takes it ("قرب جسر البصيرة"), though alone it could be a common word.
func (g *Gazetteer) findIn(text string, toks []token, out []Mention, told map[int32]bool) ([]Mention, map[int32]bool) {
	var list listState
	possessor := -1 // the last word of a place just found, when it is a possessive: "Idlib's"
	for i := 0; i < len(toks) && len(out) < MaxMentions; {
		p, ok := g.parseAt(toks, i, mode{})
		if !ok || !g.plausible(toks, p, list.continues(toks, p), possessor >= 0 && p.first == possessor+1) && !toldBefore(toks, told, p) {
			list.skip(toks[i])
			i++
			if ok && i == p.last+1 && g.headsLongerName(toks, p) {
				list.skip(toks[i])
				i++ // "نجم الزهور": the rest of the construct is no place of its own either
			}
			continue
		}
		if p.kinds != nil || p.ctx != nil || frontedPlace(toks, p) {
			if told == nil {
				told = map[int32]bool{}
			}
			for _, c := range p.cands {
				if len(told) < MaxMentions {
					told[c.idx] = true
				}
			}
		}
		m := g.resolve(p)
		start, end := toks[p.first].start, toks[p.last].end
		nameStart := toks[p.nameFirst].start
		if a := articleBefore(text, start); a < start && nameStart == start {
			start, nameStart = a, a // "al-Midan quarter": the name as written, with its article
		}
		m.Query = text[start:end]
		mn := Mention{Start: start, End: end, Text: text[start:end], Match: m,
			NameStart: nameStart, NameEnd: toks[p.nameEnd-1].end, Proclitic: p.proclitic, ContextStart: end}
		if p.ctx != nil {
			mn.ContextStart = toks[p.ctx.first].start
		}
		out = append(out, mn)
		list.add(toks, p)
		possessor = -1
		if toks[p.last].poss {
			possessor = p.last
		}
		i = p.last + 1
	}
	return out, told
}

// articleBefore returns where a Latin article joined by a hyphen to the word
// at start begins ("al-" of "al-Midan"), or start when there is none.
func articleBefore(text string, start int) int {
	if start < 3 || text[start-1] != '-' {
		return start
	}
	a := start - 1
	for a > 0 && (text[a-1] >= 'a' && text[a-1] <= 'z' || text[a-1] >= 'A' && text[a-1] <= 'Z') {
		a--
	}
	if a == start-1 || !latinArticles[strings.ToLower(text[a:start-1])] {
		return start
	}
	return a
}

// toldBefore reports an Arabic name read without anything saying it is a
// place, all of whose candidate places were told as places earlier in the
// text.
func toldBefore(toks []token, told map[int32]bool, p parsed) bool {
	if len(told) == 0 || p.cands == nil || !toks[p.nameFirst].arabic {
		return false // an English name is found by its capital; one left out was left out for more than its rank
	}
	for _, c := range p.cands {
		if !told[c.idx] {
			return false
		}
	}
	return true
}

// listState follows a list of places: "قرى الخربة، تل حمرا وأم حوش". A list
// is opened by a plural type word ("قرى", "villages") and goes on from item to
// item, separated by commas or "و", while its items stay short; an item that
// is no known place does not end it.
type listState struct {
	open   bool
	joined bool // the last token seen was a place joined to the next by "و"
	words  int  // words of the current item that are no known place
}

func (l *listState) add(toks []token, p parsed) {
	l.open = p.plural || l.open && l.continues(toks, p)
	l.joined, l.words = true, 0
}

// skip reads a token that is not (the start of) a place.
func (l *listState) skip(t token) {
	switch {
	case t.brk && !t.comma:
		l.open = false
	case t.comma || conjunctions[t.norm]:
		l.words = 0
	default:
		l.words++
		if l.words > 3 {
			l.open = false
		}
	}
	l.joined = l.joined && conjunctions[t.norm]
}

// continues reports whether p is the next item of a list: it starts an item
// (after a comma or "و") of an open list, or it is joined by "و" right after a
// place ("في بلدة كفرنبل وحاس").
func (l *listState) continues(toks []token, p parsed) bool {
	if p.first >= len(toks) {
		return false
	}
	t := toks[p.first]
	startsItem := t.comma || strings.HasPrefix(p.proclitic, "و") || p.first > 0 && conjunctions[toks[p.first-1].norm]
	if l.open && startsItem {
		return true
	}
	return l.joined && (strings.HasPrefix(p.proclitic, "و") || p.first > 0 && conjunctions[toks[p.first-1].norm])
}

var conjunctions = map[string]bool{"و": true, "and": true, "or": true, "او": true}

// plausible rejects mentions that are more likely common words than places: lone
// low-importance names with nothing around them that says they are places, a
// village name glued to a preposition ("بالسلامة"), a name read without the article
// all its Arabic spellings have ("حالات" for "الحالات"), and an English name that is
// the first part of a longer capitalised one ("Tal" of "Tal Rifaat"). A name
// right after a place's possessive (possessed) is located by it, as by "in".
func (g *Gazetteer) plausible(toks []token, p parsed, inList, possessed bool) bool {
	if p.kinds == nil && !g.namesSite(p.cands) && slices.ContainsFunc(toks[p.nameFirst:p.nameEnd], func(t token) bool { return monthKeys[tokenKey(t.norm)] }) {
		return false // "السابع من نيسان" is a date unless a type word says otherwise
	}
	imp := 0.0
	for _, c := range p.cands {
		imp = max(imp, g.places[c.idx].Importance)
		if p.ctx == nil && genericQuarters[g.places[c.idx].NameAR] {
			return false // "9 كيلومترات من مركز المدينة": any city's centre, not Idlib's quarter of that name
		}
	}
	if imp < 0.8 && !toks[p.nameFirst].arabic && cutShort(toks, p) {
		return false
	}
	if g.headsLongerName(toks, p) {
		return false // "حي باب الجندلي": "باب" heads a longer name, not the town "الباب"
	}
	if len(p.kinds) > 0 || imp >= 0.8 {
		return true // a type word says it is a place: "قرية المغارة"
	}
	if !possessed && surnameAfterGivenName(toks, p) {
		return false // "Kamiran Kaso", "Ahmad Nabudah": a person's family name, however a village is spelt
	}
	if !g.articleAgrees(toks[p.nameFirst], p) {
		return false
	}
	if appositiveType(toks, p.nameEnd) {
		return true // "barrel bombs on X, a suburb north of Y": the words after it say what it is
	}
	if p.prefixed || p.ctx != nil || imp >= 0.45 || inList || frontedPlace(toks, p) {
		return true
	}
	if possessed {
		return true // "Quneitra province's Khan Arnaba": the place it belongs to stands for "in"
	}
	prev := p.nameFirst - 1
	if prev > 0 && !toks[prev].arabic && latinArticles[toks[prev].norm] && !toks[prev].upper && locativesEN[toks[prev-1].norm] {
		return !toks[p.nameFirst].brk && p.proclitic == "" // "in al-Hara": the article written apart stands between "in" and the name
	}
	if prev > 0 && !toks[prev].brk && nearbyWords[toks[prev].norm] {
		prev-- // "shelled nearby X", "in neighbouring X"
	}
	if prev > 0 && toks[prev].norm == "on" && strikeNounsEN[toks[prev-1].norm] && !toks[p.nameFirst].brk {
		return true // "the airstrike on X", "an attack on Y": what was struck
	}
	if prev > 0 && toks[prev].norm == "including" && !toks[p.nameFirst].brk && pluralTypeBefore(toks, prev) {
		return true // "several villages, including X and Y": the places counted
	}
	return prev >= 0 && !toks[p.nameFirst].brk && (triggers[toks[prev].norm] || landmarkHeads[tokenKey(toks[prev].norm)]) && p.proclitic == ""
}

// surnameAfterGivenName reports an English name of one word right after a
// capitalised word that is no place word, article or direction, with nothing
// between: the second word of a person's name ("Kamiran Kaso"). A nationality
// adjective ("Russian", "Turkish") or a possessor ("Idlib's") before a
// place is no given name.
func surnameAfterGivenName(toks []token, p parsed) bool {
	k := p.nameFirst - 1
	if p.nameEnd-p.nameFirst != 1 || k < 0 || toks[p.nameFirst].arabic || toks[p.nameFirst].brk || p.prefixed || !givenNameLike(toks[k]) {
		return false
	}
	opensRun := func(j int) bool { return j == 0 || toks[j].brk || !toks[j-1].upper || toks[j-1].arabic }
	// "Kamiran Kaso", not "Tal" of a longer name; or a third word after two
	// given names ("Hassan Jafar Qasir"), the three opening no longer run
	return opensRun(k) || givenNameLike(toks[k-1]) && opensRun(k-1)
}

// givenNameLike reports a capitalised English word that may be a given name:
// no place word, article, determiner, direction, nationality adjective
// ("Russian", "Turkish") or possessor ("Idlib's").
func givenNameLike(t token) bool {
	return !t.arabic && t.upper && !t.poss && !latinArticles[t.norm] && !determinersEN[t.norm] && !triggers[t.norm] &&
		!isQualifier(t.norm) && !strings.HasSuffix(t.norm, "ian") && !strings.HasSuffix(t.norm, "ish") && !strings.HasSuffix(t.norm, "ese")
}

// appositiveType reports ", a village", ", a suburb" right after a name
// ending before toks[j]: an English apposition saying it is a place.
func appositiveType(toks []token, j int) bool {
	if j+1 >= len(toks) || !toks[j].brk || toks[j].arabic || (toks[j].norm != "a" && toks[j].norm != "an") {
		return false
	}
	w := toks[j+1].norm
	_, typed := typeWords[w]
	return typed || w == "suburb" || w == "hamlet"
}

// genericQuarters are the Arabic names of quarters OCHA names by what any
// city has ("مركز المدينة", Idlib's "City Centre"): read only with their
// city named after them. So are the village OCHA calls "المدينة" (the city)
// and Daraa's "المنطقة الصناعية" (the industrial zone): "في منطقة المدينة
// الصناعية" after strikes on Raqqa is Raqqa's, not a village of Hasakah.
var genericQuarters = map[string]bool{"مركز المدينة": true, "المدينة": true, "المنطقة الصناعية": true}

// locativesEN are the English prepositions that place what follows them:
// after them a name written with its article apart ("in al-Hara") is a place;
// after "of", "to", "from" it may be a group's, a trip's end or a start.
var locativesEN = map[string]bool{"in": true, "near": true, "at": true, "around": true, "outside": true, "inside": true, "into": true}

// pluralTypeBefore reports an English plural type word within the three
// words before k: "villages, including", "districts including".
func pluralTypeBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if pluralTypesEN[toks[j].norm] {
			return true
		}
	}
	return false
}

var pluralTypesEN = map[string]bool{"villages": true, "towns": true, "cities": true, "districts": true, "neighbourhoods": true,
	"neighborhoods": true, "areas": true, "quarters": true, "camps": true}

// frontedPlace reports a name opening its sentence after "في" and closed by
// a comma: "وفي X، قُتل …" sets where what follows happened, as Arabic news
// does from one place to the next.
func frontedPlace(toks []token, p parsed) bool {
	in := p.first - 1
	if in < 0 || toks[in].norm != "في" && toks[in].norm != "وفي" || in > 0 && !toks[in].brk {
		return false
	}
	return p.last+1 < len(toks) && toks[p.last+1].comma
}

// headsLongerName reports a lone Arabic name without the article, of places
// whose names all have it, followed with no punctuation between by an Arabic
// word with it: the first noun of a construct ("باب الجندلي"), a name longer
// than the word, not the place "الباب".
func (g *Gazetteer) headsLongerName(toks []token, p parsed) bool {
	k := p.last + 1
	return toks[p.nameFirst].arabic && p.nameEnd-p.nameFirst == 1 && k < len(toks) && toks[k].arabic && !toks[k].brk &&
		strings.HasPrefix(toks[k].norm, "ال") && !g.articleAgrees(toks[p.nameFirst], p)
}

// cutShort reports an English name that ends in an article ("Saraya al") or is
// followed by another capitalised word that is no qualifier, with or without its
// article ("Bab al-Nairab"): the name in the text is longer than the one matched.
func cutShort(toks []token, p parsed) bool {
	if latinArticles[toks[p.nameEnd-1].norm] {
		return true
	}
	k := p.last + 1
	if k+1 < len(toks) && !toks[k].arabic && !toks[k].brk && latinArticles[toks[k].norm] && toks[k+1].upper && !toks[k+1].brk && !toks[p.last].poss {
		return true // "Bab al-Nairab": the name goes on with its next word's article
	}
	if k >= len(toks) || toks[k].brk || !toks[k].upper || toks[k].arabic || toks[p.last].poss {
		return false
	}
	return !isQualifier(tokenKey(toks[k].norm))
}

// articleAgrees reports whether a lone Arabic name is written with the article
// when the place's names have it: "حالات" is a common word, "الحالات" a village.
func (g *Gazetteer) articleAgrees(t token, p parsed) bool {
	if !t.arabic || p.nameEnd-p.nameFirst > 1 {
		return true
	}
	word := t.norm[len(p.proclitic):]
	if p.proclitic == "ل" && strings.HasPrefix(t.norm, "لل") {
		word = "ال" + t.norm[len("لل"):]
	}
	if strings.HasPrefix(word, "ال") {
		return true
	}
	for _, c := range p.cands {
		for _, n := range g.places[c.idx].names() {
			if nn := Normalize(n); isArabic(nn) && !strings.HasPrefix(nn, "ال") {
				return true
			}
		}
	}
	return false
}

// resolve turns a parsed mention into a match: context and type words pick among
// namesakes, "ريف X" becomes X's governorate, directions become the qualifier.
func (g *Gazetteer) resolve(p parsed) Match {
	var c cues
	c.kinds = p.kinds
	if p.ctx != nil {
		kinds := p.ctx.kinds
		if kinds == nil {
			kinds = contextKinds
		}
		cp, ctxConf, _ := g.rank(p.ctx.cands, cues{kinds: kinds})
		c.admin1, c.context = cp.Admin1PCode, []Place{cp}
		switch cp.Kind {
		case KindDistrict:
			c.admin2 = cp.Admin2PCode
		case KindCity, KindTown:
			c.city = &cp
		}
		if r, ok := g.contextRegion(cp, *p.ctx); ok {
			if p.cands = g.inRegion(p.cands, r); len(p.cands) == 0 {
				return g.contextOnly(p, c, ctxConf)
			}
		}
	}
	top, conf, alts := g.rank(p.cands, c)
	m := Match{Place: top, Score: conf, Alternatives: alts, Context: c.context}
	if p.ctx != nil {
		m.ContextQualifier = qualifierText(*p.ctx, c.context[0])
	}
	m.Qualifier = qualifierText(p, top)
	townRural := p.rural && ruralAroundTown(top)
	if p.rural && top.Admin1PCode == "SY01" {
		// the countryside of Damascus is a governorate of its own: "الريف الغربي لدمشق",
		// "the southern countryside of Damascus" are in Rif Dimashq
		if gov, ok := g.governorate("SY03"); ok {
			m.Alternatives = append([]Place{top}, alts...)
			m.Place = gov
		}
	} else if p.rural && !townRural && top.Kind != KindGovernorate {
		if gov, ok := g.governorate(top.Admin1PCode); ok {
			m.Alternatives = append([]Place{top}, alts...)
			m.Place = gov
		}
	}
	m.Precision = precisionOf(m.Place, m.Qualifier)
	switch {
	case townRural:
		m.Precision = PrecisionDistrict // "ريف جبلة": the country around the town, not the governorate
	case p.rural || m.Place.Kind == KindGovernorate && m.Qualifier != "":
		m.Precision = PrecisionGovernorate
	}
	return m
}

// contextKinds are the kinds of place a context names unless its words say
// otherwise: "X, Harim" is in Harim district, not a village called Harim.
var contextKinds = []Kind{KindGovernorate, KindDistrict, KindSubdistrict, KindCity}

// ruralAroundTown reports whether "ريف X" or "بادية X" names the country around
// the town X itself: X is a town or village, not a governorate seat (whose
// countryside is the governorate: "ريف حلب") nor an area.
func ruralAroundTown(top Place) bool {
	return top.Kind == KindTown || top.Kind == KindVillage
}

// qualifierText describes how p's words qualify the place: "northern rural",
// "west of", "near".
func qualifierText(p parsed, top Place) string {
	switch {
	case p.rural && p.ruralDir != "":
		return adjectiveEN(p.ruralDir) + " rural"
	case p.rural && p.dir != "":
		return adjectiveEN(p.dir) + " rural"
	case p.rural:
		return "rural"
	case p.dir != "" && (p.dirOf || top.Kind != KindGovernorate):
		return p.dir + " of"
	case p.dir != "":
		return adjectiveEN(p.dir)
	case p.ruralDir != "":
		return adjectiveEN(p.ruralDir)
	case p.near:
		return "near"
	}
	return ""
}
