package gazetteer

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/paulmach/orb/geo"
)

// parsed is one place name read from tokens with the words that qualify it.
type parsed struct {
	first, last      int // tokens of the whole mention, prefixes and context included
	nameFirst        int
	nameEnd          int // the name itself is tokens [nameFirst, nameEnd)
	cands            []candidate
	kinds            []Kind
	dir, ruralDir    string
	dirOf            bool // "north of X", "غربي مدينة X"
	rural, near      bool
	prefixed         bool // some qualifier or type word came before the name
	plural           bool // a plural or dual type word came before it: "قرى", "بلدتي", "villages"
	proclitic        string
	ctx              *parsed
	ctxKindsAccepted bool
}

// mode says how strict the parser is: running text needs capitalised English
// names and skips common words; a search query does not.
type mode struct {
	query    bool
	typed    bool // a type word ("مدينة", "بلدة") came before: common words may be names
	afterDir bool // reading the place after a direction word, for directionThenPlace
}

// parseAt reads a place name, with its qualifiers, starting at token i.
func (g *Gazetteer) parseAt(toks []token, i int, m mode) (parsed, bool) {
	p := parsed{first: i}
	j := g.parsePrefix(toks, i, &p)
	typed := m
	typed.typed = p.kinds != nil && !(j > i && definiteArabic(toks[j-1]))
	cands, end, proc := g.matchSpan(toks, j, typed)
	if j > i && j < len(toks) && toks[j].brk && (!toks[j].arabic || toks[j].stop) {
		cands = nil // "the countryside of the city. SANA said", "في محيط المنطقة. دمشق": the qualifiers end with their sentence
	}
	if j > i { // a name may itself start with a qualifier word: "ريف دمشق", "Rural Damascus"
		if dc, de, dp := g.matchSpan(toks, i, m); dc != nil && de >= end {
			p = parsed{first: i}
			j, cands, end, proc = i, dc, de, dp
		}
	}
	if cands == nil {
		return p, false
	}
	if typed.typed && end+1 < len(toks) && !toks[end].arabic && latinArticles[toks[end].norm] && !toks[end].brk &&
		toks[end+1].upper && !toks[end+1].brk && toks[end+1].start == toks[end].end+1 {
		if whole := g.closeWhole(toks, j, end+2); whole != nil {
			cands = whole // "the city of Busra al-Harir": Busr al-Harir, not Busra ash-Sham and a word more
		}
		end += 2 // "the town of X al-Y": the name as written goes on past the part the gazetteer knows
	}
	p.nameFirst, p.nameEnd, p.cands, p.proclitic, p.last = j, end, cands, proc, end-1
	k := g.parseSuffix(toks, end, &p)
	p.last = k - 1

	if k < len(toks) && (!toks[k].brk || toks[k].comma || toks[k].quoted) {
		if ctx, ok := g.parseContext(toks, k, m, slices.Contains(p.kinds, KindNeighbourhood)); ok && !g.townApart(p.cands, ctx) {
			c := ctx // only a context found escapes to the heap
			p.ctx, p.last = &c, c.last
		}
	}
	return p, true
}

// closeWhole returns the places whose name is within a small edit of the
// whole name toks[j:e] ("Busra al-Harir" for Busr al-Harir), scored at
// least wholeNameScore, or nil: a name the gazetteer knows only in part may
// be another place's name written a little otherwise.
func (g *Gazetteer) closeWhole(toks []token, j, e int) []candidate {
	var kb [128]byte
	key := appendKey(kb[:0], toks[j].norm, toks[j+1:e])
	var out []candidate
	for _, c := range g.fuzzy(string(key)) {
		if c.name >= wholeNameScore {
			out = append(out, c)
		}
	}
	return out
}

// wholeNameScore is how close a whole written name must come to a known
// name to be read as it.
const wholeNameScore = 0.75

// townApartKm is how far a town told after "in" may lie from a name and still
// be the place it is in: a village in a town's lands, a quarter in it.
const townApartKm = 12

// townApart reports a town's name followed by a bare context (no type or countryside word) that reads
// only as towns, villages, districts or subdistricts of that name, none of them holding or
// near any place the name may be: "a man from Saraqib in Ariha" tells two
// towns, the second not where the first lies.
func (g *Gazetteer) townApart(names []candidate, ctx parsed) bool {
	if ctx.kinds != nil || ctx.rural || ctx.ruralDir != "" || len(ctx.cands) == 0 || len(names) == 0 {
		return false
	}
	for _, n := range names {
		if k := g.places[n.idx].Kind; k != KindTown && k != KindCity {
			return false // a quarter or hamlet known elsewhere may be one of this town's that the gazetteer lacks
		}
	}
	for _, c := range ctx.cands {
		cp := g.places[c.idx]
		for _, n := range names {
			np := g.places[n.idx]
			switch cp.Kind {
			case KindDistrict:
				if np.Admin2PCode == cp.Admin2PCode {
					return false
				}
			case KindSubdistrict:
				if np.Admin3PCode == cp.Admin3PCode {
					return false
				}
			case KindTown, KindVillage:
				if geo.Distance(np.Location, cp.Location) <= townApartKm*1000 {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}

// definiteArabic reports an Arabic word with the article, after a conjunction
// or preposition glued to it ("المنطقة", "وفي البلدة" → "البلدة", "للقرية"). A
// definite type word is not in construct with a name: "في المنطقة على إثر"
// is "in the area, after", so the common word after it stays one.
func definiteArabic(t token) bool {
	if !t.arabic {
		return false
	}
	w := t.norm
	for _, pre := range []string{"وب", "و", "ب", "ف", "ك"} {
		if rest, ok := strings.CutPrefix(w, pre); ok && strings.HasPrefix(rest, "ال") {
			w = rest
			break
		}
	}
	return strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "لل")
}

// parsePrefix consumes qualifier and type words before a name and returns the index
// of the first token after them.
func (g *Gazetteer) parsePrefix(toks []token, i int, p *parsed) int {
	j := i
	adjectiveEN := false // "northern": an English adjective of direction
	for j < len(toks) && j-i < 5 {
		if j > i && toks[j].brk {
			break
		}
		k := wordKey(toks[j])
		switch {
		case directions[k] != "":
			if p.kinds != nil {
				// "a village north of Hama", "قرية شمال حماة": the type word is of the
				// place told there, not of Hama
				p.kinds, p.plural = nil, false
			}
			p.dir = directions[k]
			adjectiveEN = strings.HasSuffix(k, "ern")
			if j+1 < len(toks) && !toks[j+1].brk && directions[wordKey(toks[j+1])] != "" && p.dir != directions[wordKey(toks[j+1])] {
				j++
				p.dir += directions[wordKey(toks[j])]
			}
		case ruralWords[k], desertWords[k]:
			p.rural = true
		case nearWords[k]:
			p.near = true
			// "a village near Hama": the type word is of the place told near
			// Hama, not of Hama, which may be of any kind
			p.kinds, p.plural = nil, false
		case p.rural && ruralNounsEN[k]:
			// "the rural region of Hama", "the rural parts of Homs": the countryside
		case typeWords[k] != nil && toks[j].poss:
			return j // "Idlib province's Saraqib city": the province is Idlib's, not a word of the next name
		case typeWords[k] != nil && p.kinds != nil && toks[j].arabic && strings.HasPrefix(toks[j].norm, "ال"):
			return j // "بلدة الحارة": after a type word, one with the article is the name (al-Harra)
		case typeWords[k] != nil:
			p.kinds = typeWords[k]
			p.plural = p.plural || pluralTypeWords[k]
			if adjectiveEN {
				// "the northwestern province of Latakia", "the northern city of Aleppo": where
				// in the country the place lies, not a part of it
				p.dir, adjectiveEN = "", false
			} else if p.dir != "" {
				p.dirOf = true
			}
		case j > i && !toks[j].arabic && !toks[j].upper && latinArticles[toks[j].norm] && j+1 < len(toks) && toks[j+1].upper && !toks[j+1].brk:
			// "the countryside of al-Raqqa province": the article of the name after the qualifiers
		case k == "of" || k == "the" || k == "من" && (p.near || p.dir != ""):
			if k == "of" && p.dir != "" {
				p.dirOf = true
			}
			if j == i {
				return j
			}
		default:
			return j
		}
		p.prefixed = true
		j++
	}
	return j
}

// wordKey is the key of a qualifier word, read without a leading و ب ل ف.
func wordKey(t token) string {
	for _, f := range forms(t) {
		k := tokenKey(f.text)
		if directions[k] != "" || ruralWords[k] || nearWords[k] || typeWords[k] != nil {
			return k
		}
	}
	return tokenKey(t.norm)
}

// parseSuffix consumes words after a name that qualify it: Arabic direction
// adjectives ("ريف حلب الشمالي الغربي"), English "governorate", "city", "countryside".
func (g *Gazetteer) parseSuffix(toks []token, k int, p *parsed) int {
	for k < len(toks) && !toks[k].brk {
		t := toks[k]
		key := tokenKey(t.norm)
		switch {
		case t.arabic && len(t.norm) > len(key) && directions[key] != "":
			p.ruralDir += directions[key]
		case t.arabic && p.rural && len(t.norm) > len(key) && directions[strings.TrimSuffix(key, "ه")] != "":
			p.ruralDir += directions[strings.TrimSuffix(key, "ه")] // "ريف حماة الشرقية": the adjective agreeing with the name, as news often writes it
		case t.arabic && p.rural && len(t.norm) > len(key) && (key == "اوسط" || key == "وسطي"):
			// "ريف درعا الأوسط": the middle of the countryside, which no direction moves
		case t.arabic && placeAdjectives[t.norm]:
			// "حي الميدان السكني", "البلدة الحدودية": a word describing the place,
			// before the area that locates it
		case !t.arabic && (ruralWords[key] || desertWords[key]):
			p.rural = true // "Daraa countryside", "the Homs desert"
		case !t.arabic && directions[key] != "" && k+1 < len(toks) && !toks[k+1].brk && ruralWords[tokenKey(toks[k+1].norm)]:
			p.ruralDir += directions[key] // "Daraa western countryside", "Raqqa's northern countryside"
		case !t.arabic && typeWords[key] != nil && !toks[k-1].poss:
			p.kinds = typeWords[key] // but "Daraa's town of Nawa": the town is Daraa's, not Daraa
		default:
			return k
		}
		k++
	}
	return k
}

// parseContext reads the place that locates a name: ", Idlib", "in rural Idlib",
// "بريف حلب", "شمال إدلب". It must be a governorate, district or major city;
// for a quarter (quarter: the name told as a neighbourhood or district), any
// town told as one: "the X district in al-Y town", "حي X في بلدة Y".
func (g *Gazetteer) parseContext(toks []token, k int, m mode, quarter bool) (parsed, bool) {
	if k > 0 && k < len(toks) && toks[k-1].poss {
		return parsed{}, false // "Daraa's town of Nawa": what follows a possessive is the place owned, not the owner's area
	}
	ofType := false
	if k > 0 && k+1 < len(toks) && toks[k].norm == "of" && !toks[k-1].arabic && typeWords[toks[k-1].norm] != nil {
		k, ofType = k+1, true // "X village of Y countryside": the area the village is of
	}
	for k < len(toks) && (toks[k].norm == "في" || toks[k].norm == "in" || toks[k].norm == "ضمن") {
		k++
	}
	afterIn := ofType || k > 0 && (toks[k-1].norm == "في" || toks[k-1].norm == "in")
	if k >= len(toks) || afterIn && toks[k].brk && !toks[k].comma {
		return parsed{}, false // "Idlib in . Maarat al-Numan": no area across the sentence's end
	}
	var ctx parsed
	ctx.first = k
	if quarter && afterIn && k+1 < len(toks) && latinArticles[toks[k].norm] && toks[k+1].upper && !toks[k+1].brk {
		k++ // "the X district in al-Y town": the article of the town's name
	}
	if conjoined(toks[k]) {
		return parsed{}, false // "كفرنبل ومدينة أريحا": a second place, not the first one's area
	}
	j := g.parsePrefix(toks, k, &ctx)
	if j >= len(toks) {
		return parsed{}, false // "... في البلدة" at the end: a type word and no name
	}
	explicit := ctx.prefixed || afterIn
	if f := forms(toks[j]); !explicit && len(f) > 1 && f[len(f)-1].proclitic == "ب" {
		explicit = true
	}
	comma := toks[k].comma
	cands, end, proc := g.matchSpan(toks, j, m)
	if cands == nil || !explicit && !comma || j == k && strings.HasPrefix(proc, "و") {
		return parsed{}, false
	}
	ctx.nameFirst, ctx.nameEnd, ctx.cands = j, end, cands
	ctx.last = g.parseSuffix(toks, end, &ctx) - 1
	if ofType && !ctx.rural {
		return parsed{}, false // but "the X city of Y", "the villages of Y and Z": Y is the name
	}
	for _, c := range cands {
		pl := g.places[c.idx]
		if pl.Kind == KindGovernorate || pl.Kind == KindDistrict || pl.Kind == KindSubdistrict ||
			(explicit || m.query) && pl.Importance >= 0.55 || pl.Importance >= 0.8 ||
			quarter && explicit && ctx.kinds != nil && (pl.Kind == KindTown || pl.Kind == KindCity) {
			return ctx, true
		}
	}
	return parsed{}, false
}

// matchSpan finds the longest run of tokens from j that is an indexed name, reading
// the first token with and without its clitics; Latin names match in another
// transliteration too. A run never crosses punctuation nor an overlong word. Keys
// are built in a buffer on the stack, so a word costs no allocation unless it
// names a place.
func (g *Gazetteer) matchSpan(toks []token, j int, m mode) ([]candidate, int, string) {
	if j >= len(toks) || !toks[j].arabic && !m.query && (!toks[j].upper || determinersEN[toks[j].norm]) {
		return nil, 0, ""
	}
	maxN := 0
	for maxN < g.maxTok && j+maxN < len(toks) && !toks[j+maxN].long && (maxN == 0 || !toks[j+maxN].brk && !toks[j+maxN-1].poss) {
		maxN++ // a possessive ends a name: "Daraa's town of Nawa" holds no name "Daraa's town"
	}
	fs := forms(toks[j])
	var rb [8]int
	reach, most := g.reach(rb[:0], toks[j:j+maxN], fs)
	var kb, tb, bb [128]byte
	for n := min(maxN, most); n >= 1; n-- {
		if n > 1 && !toks[j+n-1].arabic && latinArticles[toks[j+n-1].norm] {
			continue // "X al-Y": a name ends in no article, whose own name follows
		}
		if n > 1 && toks[j+n-1].arabic && clauseParticles[toks[j+n-1].norm] {
			continue // "في ريف حلب أن سيارة …": what was said begins, no name ends ("حلب أن" is no Halban)
		}
		if n > 1 && englishWordAfter(toks, j+n-1) {
			continue // "X at dawn", "X as": an English word that is also an article ends no name
		}
		if n > 1 && !m.query && lowerTail(toks, j+n-1) {
			continue // "Hama on Monday": a lower-case English word does not end a name read in running text
		}
		for fi, f := range fs {
			if n > reach[fi] {
				continue // no name key begins with the words before the last
			}
			key := appendKey(kb[:0], f.text, toks[j+1:j+n])
			if toks[j].arabic && len(key) > 0 && key[0] >= 0x80 && len(g.exact[string(key)]) == 0 && (len(g.bare[string(key)]) == 0 || !m.typed && !m.query && n == 1) {
				continue // only the exact index names an Arabic key (see reach): no name, nothing below to check
			}
			// a type word names the word right after it, not one joined to it by "و"
			// ("بين القرى وعلى الطرق"): there a common word stays one
			typed := m.typed && !strings.HasPrefix(f.proclitic, "و")
			if n == 1 && !m.query && areaAdjectives[toks[j].norm] {
				continue // "منطقة جبلية": an area described, not named
			}
			if n == 1 && compoundHeads[f.text] && j+1 < len(toks) && toks[j+1].arabic && !toks[j+1].brk {
				continue // "تل الجموع": the first word of a compound name, not the town "التل"
			}
			if e := j + n; typed && !m.query && e+1 < len(toks) && toks[e].arabic && kinshipWords[toks[e].norm] && !toks[e].brk && !toks[e+1].brk ||
				n > 1 && toks[j+n-1].arabic && kinshipWords[toks[j+n-1].norm] {
				continue // "فيضة ابن موينع": a name goes on past "ابن", "أبو", and never ends in one
			}
			if n == 1 && (qualifierKey(key) && !(m.typed && typeWords[string(key)] != nil && toks[j].arabic) || !m.query && foreign(toks[j]) ||
				!m.query && !typed && (stopKeys[string(key)] || monthKeys[string(key)])) {
				continue
			}
			if n > 1 && !m.afterDir && g.directionThenPlace(toks, j+n, m) {
				break // "الباب شرقي حلب" is al-Bab east of Aleppo, not a quarter "Bab Sharqi"
			}
			if idx := g.exact[string(key)]; len(idx) > 0 {
				return exactCandidates(idx), j + n, f.proclitic
			}
			bare := typed || m.query || n > 1 || !toks[j].arabic // an Arabic word alone may be any word ("أربعة" of "أربعة صغيرة"): a type word must say it is a place; a Latin one is capitalised
			if idx := g.bare[string(key)]; bare && len(idx) > 0 {
				return scoredCandidates(idx, 0.9), j + n, f.proclitic
			}
			if len(key) < 4 || n > 1 && !toks[j+n-1].arabic && typeWords[toks[j+n-1].norm] != nil {
				continue // "al-Hara town" is Hara and a type word, not a spelling of Huraytan
			}
			tk := appendTranslit(tb[:0], key)
			if idx := g.trans[string(tk)]; len(idx) > 0 {
				return g.translitCandidates(idx, string(key)), j + n, f.proclitic
			}
			if len(tk) > 0 && bare {
				bk := append(append(bb[:0], 0), tk...) // the transliteration keys of bare names, apart after a NUL (indexBare)
				if idx := g.bare[string(bk)]; len(idx) > 0 {
					return scoredCandidates(idx, 0.86), j + n, f.proclitic
				}
			}
			if idx := g.skeletonMatch(toks, j, n, key, m); len(idx) > 0 {
				return g.translitCandidates(idx, string(key)), j + n, f.proclitic
			}
			if idx := g.spellMatch(toks, j, n, m); len(idx) > 0 {
				return g.spellCandidates(idx, string(key)), j + n, f.proclitic
			}
		}
	}
	return nil, 0, ""
}

// reach returns, for each reading of run[0], the most words of run that may
// be a name read with it, appended to dst, and the largest of them. Only the
// exact index can name an Arabic reading (it has no transliteration, and
// skeletons are Latin), so a run of words whose key, as appendKey builds it,
// already begins no name key can be no name, however many words follow: the
// cheap first pass that spares matchSpan a key and its look-ups for each
// length at each word of running text. Other readings may be as long as run.
func (g *Gazetteer) reach(dst []int, run []token, fs []form) ([]int, int) {
	most := 0
	for _, f := range fs {
		n := len(run)
		if first := tokenKey(f.text); n > 0 && run[0].arabic && first != "" && first[0] >= 0x80 {
			n = g.keyReach(first, run[1:])
		}
		dst = append(dst, n)
		most = max(most, n)
	}
	return dst, most
}

// keyReach is the number of words, first and then those of later, whose key
// so far still begins some name key: the words a name read from first may
// have, at most.
func (g *Gazetteer) keyReach(first string, later []token) int {
	var kb [128]byte
	key := append(kb[:0], first...)
	n := 1
	for _, t := range later {
		if key = appendBoundTa(key); !g.keyStarts(key) {
			break
		}
		key = append(key, laterKey(t.norm)...)
		n++
	}
	return n
}

// keyStarts reports whether some name key begins with p, by a binary search
// of the sorted keys that begin with its first keyHead bytes.
func (g *Gazetteer) keyStarts(p []byte) bool {
	keys := g.sorted
	if len(p) >= keyHead {
		r, ok := g.heads[string(p[:keyHead])]
		if !ok {
			return false
		}
		keys = keys[r[0]:r[1]]
	}
	i := sort.Search(len(keys), func(i int) bool { return keys[i] >= string(p) })
	return i < len(keys) && len(keys[i]) >= len(p) && keys[i][:len(p)] == string(p)
}

// keyHead is the number of bytes of a key that heads its run of sorted keys:
// two Arabic letters, four Latin ones.
const keyHead = 4

// sortKeys returns the keys of exact in byte order, and the range of them
// that begins with each keyHead bytes.
func sortKeys(exact map[string][]int32) ([]string, map[string][2]int32) {
	sorted := slices.Sorted(maps.Keys(exact))
	heads := map[string][2]int32{}
	for i, k := range sorted {
		if len(k) < keyHead {
			continue
		}
		r, ok := heads[k[:keyHead]]
		if !ok {
			r[0] = int32(i)
		}
		r[1] = int32(i + 1) // sorted: the keys of a head follow one another
		heads[k[:keyHead]] = r
	}
	return sorted, heads
}

// minSkeleton is the fewest consonants a name read by its skeleton alone may
// have: shorter skeletons are shared by too many words and names.
const minSkeleton = 4

// maxSkeletonPlaces is the most places one skeleton may name for running
// text to read a name by it.
const maxSkeletonPlaces = 3

// skeletonMatch returns the places whose Latin name has the consonants of
// key in order, whatever vowels each writer put between them: news writes
// محردة as Mhardeh, OCHA as Muhradah; اللطامنة as Latamneh and Latmana. Vowel
// placement is free in transliteration because Arabic does not write short
// vowels. Only running text reads so, only one capitalised word not possessed
// ("Mohammed's") against one-word names, and only skeletons of four consonants
// or more naming at most three places: the place still needs what makes any
// lone name plausible (a preposition, a type word, a context), as [FindAll]
// says.
func (g *Gazetteer) skeletonMatch(toks []token, j, n int, key []byte, m mode) []int32 {
	if m.query || n > 1 || toks[j].arabic || toks[j].poss {
		return nil
	}
	s := skeleton(string(key))
	if len(s) < minSkeleton {
		return nil
	}
	idx := g.skel[s]
	if len(idx) == 0 || len(idx) > maxSkeletonPlaces {
		return nil
	}
	for _, i := range idx {
		if strings.ContainsAny(g.places[i].NameEN, " -'") {
			return nil // "Abu Rasin" and "Barshun" share consonants only when the words run together
		}
	}
	return idx
}

// englishWordAfter reports whether toks[k] is a Latin article ("at", "as", "an")
// that no capitalised word follows: the English word after a name, not the
// article of its next word ("Sayda al-Hanout" goes on).
func englishWordAfter(toks []token, k int) bool {
	if toks[k].arabic || !latinArticles[toks[k].norm] {
		return false
	}
	return k+1 >= len(toks) || toks[k+1].brk || !toks[k+1].upper
}

// lowerTail reports an English function word at toks[k], written in lower
// case: "Hama on Monday" is Hama and the start of a date, whatever place the
// two words may spell in another transliteration.
func lowerTail(toks []token, k int) bool {
	t := toks[k]
	return !t.arabic && !t.upper && functionWordsEN[t.norm]
}

// determinersEN are English possessives, demonstratives, quantifiers and
// pronouns: capitalised at the head of a sentence ("His co-defendant", "This
// week", "More than a dozen people", "Some of them"), they start no name,
// whatever they or the words after them spell in another transliteration
// ("More" is a reading of Mare').
var determinersEN = map[string]bool{
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"this": true, "that": true, "these": true, "those": true,
	"more": true, "most": true, "some": true, "many": true, "several": true, "all": true, "both": true,
	"each": true, "every": true, "any": true, "no": true, "none": true, "few": true, "other": true,
	"others": true, "another": true, "such": true, "he": true, "she": true, "it": true, "we": true,
	"they": true, "there": true, "here": true, "who": true, "which": true, "what": true, "when": true,
	"where": true, "while": true,
	// the articles: "The area is held by …" read as "Tharwa" in another transliteration
	"the": true, "a": true, "an": true,
}

// functionWordsEN are English prepositions, conjunctions and auxiliaries that
// follow a name in running text.
var functionWordsEN = map[string]bool{
	"on": true, "in": true, "of": true, "to": true, "by": true, "for": true, "with": true, "from": true,
	"near": true, "after": true, "before": true, "during": true, "and": true, "or": true, "the": true,
	"was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true,
}

// directionThenPlace reports whether the run of words ending before k ends in a
// direction word that a place name follows directly: "الباب شرقي حلب", "X north of
// Y". An adjective with its article ("جوبر الغربي") is part of a name, and a place
// after a preposition ("باب شرقي بدمشق") locates the name, so neither counts.
func (g *Gazetteer) directionThenPlace(toks []token, k int, m mode) bool {
	dir := toks[k-1]
	if k >= len(toks) || toks[k].brk || directions[tokenKey(dir.norm)] == "" || strings.HasPrefix(dir.norm, "ال") {
		return false
	}
	if toks[k].norm == "of" || toks[k].norm == "من" {
		k++
	}
	m.afterDir = true // one level: the place after is not itself checked
	cands, _, proc := g.matchSpan(toks, k, m)
	return cands != nil && proc == ""
}

// appendKey appends to dst the name key of a run of words: first (a reading of the
// first word) and the words after it, as joinKeys builds them.
func appendKey(dst []byte, first string, later []token) []byte {
	dst = append(dst, tokenKey(first)...)
	for _, t := range later {
		dst = appendBoundTa(dst)
		dst = append(dst, laterKey(t.norm)...)
	}
	return dst
}

// appendBoundTa is boundTa on the last word of a key being built: a final ta
// marbuta (ه, two bytes, as the other Arabic letters) becomes ت.
func appendBoundTa(b []byte) []byte {
	if n := len(b); n >= 4 && b[n-2] == 0xD9 && b[n-1] == 0x87 && b[n-4] >= 0xD8 && b[n-4] <= 0xDB {
		b[n-2], b[n-1] = 0xD8, 0xAA
	}
	return b
}

// qualifierKey is isQualifier for a key being built.
func qualifierKey(k []byte) bool {
	return directions[string(k)] != "" || ruralWords[string(k)] || nearWords[string(k)] ||
		typeWords[string(k)] != nil || triggers[string(k)]
}

// translitCandidates scores the places with a Latin name that key spells in
// another transliteration (Dayr az-Zawr for Deir ez-Zor): a little under an exact
// match, by how close the spellings are.
func (g *Gazetteer) translitCandidates(idx []int32, key string) []candidate {
	out := make([]candidate, len(idx))
	for i, v := range idx {
		out[i] = candidate{idx: v, name: 0.92 + 0.06*g.nameSimilarity(v, key)}
	}
	return out
}

func isQualifier(k string) bool {
	return directions[k] != "" || ruralWords[k] || nearWords[k] || typeWords[k] != nil || triggers[k]
}

func exactCandidates(idx []int32) []candidate { return scoredCandidates(idx, 1) }

// scoredCandidates gives each place of idx the same name score.
func scoredCandidates(idx []int32, score float64) []candidate {
	out := make([]candidate, len(idx))
	for i, v := range idx {
		out[i] = candidate{idx: v, name: score}
	}
	return out
}

// conjoined reports an Arabic qualifier or type word glued to the conjunction
// "و" ("ومدينة", "وريف"): what follows is coordinated, not a context.
func conjoined(t token) bool {
	if !t.arabic || !strings.HasPrefix(t.norm, "و") || isQualifier(tokenKey(t.norm)) {
		return false
	}
	return isQualifier(tokenKey(strings.TrimPrefix(t.norm, "و")))
}

// foreign reports a word that, read whole, names a neighbouring country:
// "لبنان" must not be read as the preposition ل and a hamlet "بنان".
func foreign(t token) bool {
	for _, f := range forms(t) {
		if foreignKeys[tokenKey(f.text)] {
			return true
		}
	}
	return false
}
