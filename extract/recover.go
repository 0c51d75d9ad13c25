package extract

import (
	"strings"
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
	"neighborhood": gazetteer.KindNeighbourhood, "neighbourhood": gazetteer.KindNeighbourhood,
	"district": gazetteer.KindNeighbourhood, "area": gazetteer.KindVillage, "camp": gazetteer.KindVillage,
}

// nameStops end a name read after a type word: prepositions, directions, the
// area words of a context, and adjectives that follow type words
// ("منطقة زراعية", "بلدة مجاورة").
var nameStops = wordSet("في", "من", "علي", "الي", "عن", "مع", "بين", "قرب", "عند", "داخل", "خارج", "حيث", "التي",
	"الذي", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "ريف", "محافظه", "منطقه",
	"مجاوره", "مجاور", "قريبه", "قريب", "تابعه", "التابعه", "واقعه", "الواقعه", "صغيره", "كبيره", "نائيه", "اخري",
	"ثانيه", "ذاتها", "نفسها", "نفسه", "ذاته", "المذكوره", "سوريه", "السوريه", "حدوديه", "الحدوديه", "اليوم", "امس",
	"يوم", "مساء", "صباح", "فجر", "ليل", "ضد", "بعد", "قبل", "خلال", "اثناء", "عبر", "نحو", "باتجاه", "و", "او",
	"the", "of", "in", "near", "on", "at", "and", "or", "north", "south", "east", "west", "northern", "southern",
	"eastern", "western", "countryside", "province", "governorate", "city", "town", "village", "area",
	"neighborhood", "neighbourhood", "district", "camp", "syria", "syrian", "which", "that", "where", "who",
	"when", "while", "after", "before", "during", "was", "were", "is", "are", "by", "from", "to", "with")

// recoverNames returns the mentions to add to a sentence for names the
// gazetteer did not find after a type word.
func (p *passage) recoverNames(toks []token, ms []gazetteer.Mention) []gazetteer.Mention {
	var out []gazetteer.Mention
	covered := func(pos int) bool {
		for _, m := range ms {
			if pos >= m.Start && pos < m.End {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(toks); i++ {
		first, last, kind, ok := p.namedAfterType(toks, i)
		if !ok || covered(toks[first].Start) || covered(toks[last].Start) {
			continue
		}
		start := min(toks[i].Start, toks[first].Start)
		m := gazetteer.Mention{Start: start, End: toks[last].End, NameStart: toks[first].Start, NameEnd: toks[last].End}
		m.Text = p.text[m.Start:m.End]
		m.ContextStart = m.End
		m.Proclitic = nameProclitic(toks[first])
		m.Match = p.resolveUnknown(strings.TrimSpace(p.text[m.NameStart+len(m.Proclitic):m.NameEnd]), kind, toks, last, ms)
		out = append(out, m)
		i = last
	}
	return out
}

// namedAfterType reads "قرية X", "بلدة X Y", "the town of al-X", "the al-X
// neighborhood" at token i: the name's tokens [first, last] and the kind.
func (p *passage) namedAfterType(toks []token, i int) (first, last int, kind gazetteer.Kind, ok bool) {
	w := toks[i].Norm
	if isLatin(w) {
		return p.englishNamed(toks, i)
	}
	kind, ok = recoverTypes[strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ب")]
	if !ok || i+1 >= len(toks) || strings.ContainsAny(p.text[toks[i].End:toks[i+1].Start], ",،.:;()") {
		return 0, 0, "", false
	}
	first, last = i+1, i
	for j := i + 1; j < len(toks) && j <= i+2; j++ {
		t := toks[j]
		if j > i+1 && strings.ContainsAny(p.text[toks[j-1].End:t.Start], ",،.:;()") {
			break
		}
		if stemIn(t.Norm, nameStops) || nameStops[t.Norm] || isNumber(t.Norm) || isLatin(t.Norm) || hasPlaceProclitic(t.Norm) ||
			j > i+1 && strings.HasPrefix(t.Norm, "و") || isTypeWord(t.Norm) {
			break
		}
		if _, ok := lookup(t.Norm); ok || isCountWord(t.Norm) {
			break
		}
		last = j
	}
	if last < first || !looksLikeName(toks[first].Norm, last > first) {
		return 0, 0, "", false
	}
	return first, last, kind, true
}

// englishNamed reads "the town of al-Hamra", "the village of Tal Rahal", "the al-Waer
// neighborhood", "the Kisweh area".
func (p *passage) englishNamed(toks []token, i int) (first, last int, kind gazetteer.Kind, ok bool) {
	if k, isType := recoverTypes[toks[i].Norm]; isType && i+2 < len(toks) && toks[i+1].Norm == "of" && p.capital(toks[i+2]) {
		first, last = i+2, i+2
		for last+1 < len(toks) && last < i+4 && p.capital(toks[last+1]) && !glued(p.text, toks[last], toks[last+1]) {
			last++
		}
		return first, last, k, true
	}
	if !p.capital(toks[i]) || i > 0 && p.capital(toks[i-1]) && !glued(p.text, toks[i-1], toks[i]) {
		return 0, 0, "", false
	}
	last = i
	for last+1 < len(toks) && last < i+2 && p.capital(toks[last+1]) {
		last++
	}
	if last+1 < len(toks) {
		if k, isType := recoverTypes[toks[last+1].Norm]; isType && k != gazetteer.KindCity && k != gazetteer.KindTown {
			return i, last, k, true // "the al-Waer neighborhood", "the Kisweh area"
		}
	}
	return 0, 0, "", false
}

// capital reports a capitalised Latin word, or "al-" glued before one.
func (p *passage) capital(t token) bool {
	if !isLatin(t.Norm) || stemIn(t.Norm, nameStops) {
		return false
	}
	c := p.text[t.Start]
	if c >= 'A' && c <= 'Z' {
		return true
	}
	return latinArticles[t.Norm] && strings.HasPrefix(p.text[t.End:], "-")
}

var latinArticles = wordSet("al", "el", "as", "ad", "ar", "az", "at", "an", "ash", "ath")

func glued(text string, a, b token) bool { return text[a.End:b.Start] == "-" }

// looksLikeName rejects a lone word after a type word that reads as an
// adjective: indefinite and ending in the nisba "ـي", "ـية" ("منطقة زراعية",
// "حي سكني"), which names after type words rarely are.
func looksLikeName(w string, more bool) bool {
	if utf8.RuneCountInString(w) < 3 {
		return false
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

func nameProclitic(t token) string { return "" }

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

// resolveUnknown resolves a name found after a type word: a close spelling in
// the gazetteer in the governorate of the area named with it, else the name
// as written placed at that area ("text:" IDs mark such places).
func (p *passage) resolveUnknown(name string, kind gazetteer.Kind, toks []token, last int, ms []gazetteer.Mention) gazetteer.Match {
	ctx := contextAfter(toks, last, ms)
	if g, ok := p.places.(geocoder); ok {
		if m, err := g.Geocode(name); err == nil && closeSpelling(name, m.Place) && m.Place.Kind != gazetteer.KindGovernorate &&
			(ctx != nil && m.Place.Admin1PCode == ctx.Match.Place.Admin1PCode && m.Score >= 0.6 || ctx == nil && m.Score >= 0.75) {
			m.Query = name
			return m
		}
	}
	pl := gazetteer.Place{ID: "text:" + gazetteer.Normalize(name), Kind: kind, Source: "not in the gazetteer"}
	if p.lang == langEnglish {
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
		if ms[i].Start >= toks[last].End && ms[i].Start <= limit {
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
		if float64(levenshtein(k, n)) <= 0.25*float64(l) {
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

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// isUnknown reports a place named in the text that the gazetteer lacks.
func isUnknown(m gazetteer.Mention) bool { return strings.HasPrefix(m.Match.Place.ID, "text:") }
