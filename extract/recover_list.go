package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// Names the gazetteer lacks that no singular type word introduces, where other
// words still say they are places: a list after a plural or dual type word
// ("قرى X وY وZ", "بلدتي X وY"), a name with its surroundings ("محيط X",
// "أطراف X", "X ومحيطها", "the outskirts of X") and an English apposition ("X,
// a small village in …").

// nameSpan is a name found in a sentence: its first and last token, the token
// of its type word (-1 if none) and the bytes of a conjunction glued to its
// first token ("والمشرفة") that are not part of it.
type nameSpan struct {
	first, last, typeTok, cut int
}

// pluralTypes are the plural and dual type words a list of names follows.
var pluralTypes = map[string]gazetteer.Kind{
	"قري": gazetteer.KindVillage, "قريتي": gazetteer.KindVillage, "بلدات": gazetteer.KindTown, "بلدتي": gazetteer.KindTown,
	"مدن": gazetteer.KindCity, "مدينتي": gazetteer.KindCity, "احياء": gazetteer.KindNeighbourhood, "حيي": gazetteer.KindNeighbourhood,
	"مخيمات": gazetteer.KindVillage, "مخيمي": gazetteer.KindVillage, "مزارع": gazetteer.KindVillage,
	// the two fronts or axes of a battle are named by their villages: "على جبهتي X وY"
	"جبهتي": gazetteer.KindVillage, "محوري": gazetteer.KindVillage,
}

// edgeWords name the surroundings of a place, which they are followed by:
// "محيط X", "على أطراف X". aroundWords follow it: "X ومحيطها".
var (
	edgeWords   = wordSet("محيط", "اطراف", "ضواحي", "مشارف", "تخوم")
	aroundWords = wordSet("ومحيطها", "ومحيطه", "واطرافها", "واطرافه", "وضواحيها", "وريفها", "وجوارها", "ومحيطهما")
	edgeWordsEN = wordSet("outskirts", "vicinity", "edge", "edges", "surroundings", "environs", "suburbs", "suburb", "outskirt")
)

// pluralTypeAt reads a plural type word with its proclitics but without the
// article: "قرى X" lists names, "القرى المجاورة" does not.
func pluralTypeAt(w string) (gazetteer.Kind, bool) {
	for _, pre := range []string{"", "و", "ب", "وب", "ل"} {
		if rest, ok := strings.CutPrefix(w, pre); ok {
			if k, ok := pluralTypes[rest]; ok {
				return k, true
			}
		}
	}
	return "", false
}

// dualTypeAt reports a dual type word ("بلدتي", "قريتي", "حيي"), with its
// proclitics.
func dualTypeAt(w string) bool {
	for _, pre := range []string{"", "و", "ب", "وب", "ل"} {
		if rest, ok := strings.CutPrefix(w, pre); ok && dualTypes[rest] {
			return true
		}
	}
	return false
}

var dualTypes = wordSet("قريتي", "بلدتي", "مدينتي", "حيي", "مخيمي", "منطقتي", "جبهتي", "محوري")

func edgeWordAt(w string) bool {
	for _, s := range stems(w) {
		if edgeWords[s] {
			return true
		}
	}
	return false
}

// nameRun returns the last token of a name starting at toks[from] (its first
// word read as norm0, without a conjunction): up to words words that are no
// stop, incident, count or type word, number or context, and -1 if there is
// none.
func (p *passage) nameRun(toks []token, from int, norm0 string, words int) int {
	last := -1
	for j := from; j < len(toks) && j < from+words; j++ {
		n := toks[j].Norm
		if j == from {
			n = norm0
		} else if p.punctBetween(toks[j-1], toks[j]) || strings.HasPrefix(n, "و") {
			break
		}
		if j > from && (p.nameAli(toks[j]) || nameAdjectives[n]) {
			last = j // "الشيخ علي", "X الغربية": part of the name, not a preposition or a side
			continue
		}
		if stopWord(n) || isNumber(n) || isLatin(n) || hasPlaceProclitic(n) || j > from && prepPhrase(n) || j == from && relativeVerb(n) || isTypeWord(n) || isCountWord(n) ||
			aroundWords[n] || edgeWordAt(n) || j > from && toks[j].in(siteNouns) || j > from && placeVerbs[n] {
			break // "بلدة X أراضي زراعية": the name ends before a site it holds
		}
		if _, ok := lookup(n); ok {
			break
		}
		last = j
	}
	if last >= from && kinshipWords[toks[last].Norm] && last+1 < len(toks) && !p.punctBetween(toks[last], toks[last+1]) &&
		!stopWord(toks[last+1].Norm) && !strings.HasPrefix(toks[last+1].Norm, "و") && !isTypeWord(toks[last+1].Norm) {
		last++ // "بئر أبو خليل", "فيضة ابن موينع": a name never ends in "son of", "father of"
	}
	return last
}

// kinshipWords join the words of a name ("أبو", "ابن", "أم"): one is never its
// last word.
var kinshipWords = wordSet("ابو", "ابن", "بن", "ام", "بني", "ذات", "ذو")

// dwellVerbs, with the pronoun of the place glued to them, open a clause that
// describes a place instead of naming it: "حي يقطنه موظفون" (a quarter its
// people are …), "قرية تسكنها عائلات", "بلدة تضم مخيمات".
var dwellVerbs = wordSet("يقطن", "تقطن", "يسكن", "تسكن", "يضم", "تضم", "يحوي", "تحوي", "يقيم", "تقيم")

// relativeVerb reports a verb of dwelling or holding with a pronoun suffix
// right after a type word: the place is described, not named.
func relativeVerb(w string) bool {
	for _, suf := range []string{"ه", "ها", "هم"} {
		if base, ok := strings.CutSuffix(w, suf); ok && dwellVerbs[base] {
			return true
		}
	}
	return false
}

// nameAli reports the name "علي" written with a dotted yaa, which normalising
// folds into the preposition "على".
func (p *passage) nameAli(t token) bool {
	return t.Norm == "علي" && strings.HasSuffix(p.text[t.Start:t.End], "ي")
}

// listAfterPlural reads the names after a plural or dual type word at toks[i]:
// "قرى X وY وZ بريف حمص", "بلدتي X وY".
func (p *passage) listAfterPlural(toks []token, i int) []nameSpan {
	var out []nameSpan
	j, cut, norm := i+1, 0, tokAt(toks, i+1)
	most := 12
	if dualTypeAt(toks[i].Norm) {
		most = 2 // "بين بلدتي X وY، وتظهر": a dual names two
	}
	for j < len(toks) && len(out) < most {
		if j > i+1 && p.punctBetween(toks[j-1], toks[j]) && !strings.ContainsAny(p.text[toks[j-1].End:toks[j].Start], ",،") {
			break
		}
		if _, plural := pluralTypeAt(norm); plural || isTypeWord(strings.TrimPrefix(norm, "و")) {
			break // "قرى وبلدات الريف الشرقي": a second type word, no name
		}
		last := p.nameRun(toks, j, norm, 3)
		// an adjective after a dual agrees in the dual ("قريتين صغيرتين"): a word in
		// "ـية" after "قريتي" is a name ("قريتي X وY"), as it is not after "قرى"
		if last < 0 || !looksLikeName(norm, last > j || most == 2 && utf8.RuneCountInString(norm) >= 3) {
			break
		}
		if last == j && relativePronounsAR[tokAt(toks, j+1)] {
			break // "قرى تسيطر عليها الفصائل": villages that someone holds, told by a verb, not named
		}
		out = append(out, nameSpan{first: j, last: last, typeTok: -1, cut: cut})
		j = last + 1
		rest, ok := strings.CutPrefix(tokAt(toks, j), "و")
		if !ok || len(rest) < 4 {
			break
		}
		cut, norm = len("و"), rest
	}
	if len(out) > 0 {
		out[0].typeTok = i
	}
	return out
}

// untypedName reads a name after "في", "على" or a word of surroundings at
// toks[i], told as a place by what stands around it: a context right after it
// ("في الخربة بريف Y", definite or of two words), or surroundings before or
// after it ("محيط X بريف Y", "على X ومحيطها في ريف Y"). first..last is the
// name read after toks[i].
func (p *passage) untypedName(toks []token, i, first, last int, ms []gazetteer.Mention) []nameSpan {
	w := toks[i].Norm
	around := aroundWords[tokAt(toks, last+1)]
	after := last
	if around {
		after = last + 1
	}
	if contextAfter(toks, after, ms) == nil || toks[first].in(siteNouns) {
		return nil
	}
	if !around && !edgeWordAt(w) {
		if w != "في" || !hasPlaceProclitic(tokAt(toks, last+1)) || last == first && !strings.HasPrefix(toks[first].Norm, "ال") {
			return nil
		}
	}
	return []nameSpan{{first, last, -1, 0}}
}

// englishAround reads "the outskirts of X" and "X, a small village in …" at
// toks[i].
func (p *passage) englishAround(toks []token, i int) []nameSpan {
	if edgeWordsEN[toks[i].Norm] && tokAt(toks, i+1) == "of" && i+2 < len(toks) && p.capital(toks[i+2]) {
		return []nameSpan{{i + 2, p.nameEnd(toks, i+2), -1, 0}}
	}
	if !p.capital(toks[i]) || i > 0 && p.capital(toks[i-1]) {
		return nil
	}
	last := p.nameEnd(toks, i)
	k := last + 1
	if k >= len(toks) || !strings.Contains(p.text[toks[last].End:toks[k].Start], ",") || toks[k].Norm != "a" && toks[k].Norm != "an" {
		return nil
	}
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		if kind, ok := recoverTypes[toks[j].Norm]; ok && (kind == gazetteer.KindVillage || kind == gazetteer.KindTown) {
			return []nameSpan{{i, last, -1, 0}}
		}
	}
	return nil
}

// relativePronounsAR are "عليها", "فيها", "منها" and their kin: the pronoun
// of a relative clause whose verb stands right before it, after a plural
// type word ("قرى تسيطر عليها", "قرى يقطنها", "مناطق ينتشر فيها").
var relativePronounsAR = wordSet("عليها", "عليه", "عليهم", "فيها", "فيه", "منها", "منه", "اليها", "اليه", "بها", "به")
