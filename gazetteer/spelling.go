package gazetteer

import (
	"slices"
	"strings"
)

// English news transliterates a village's Arabic name itself, independently of
// OCHA's English name: كفر نبودة is "Kafr Nabudah" in the news and "Kafr
// Nabutha" in OCHA, أورم الصغرى "Urum al-Sughra" and "Little Orm". The spelling
// key meets such pairs from the Arabic side. Each place's Arabic names are
// written as the Latin consonants writers use for their letters (ش sh, خ kh,
// ق q or k, ث th, ذ dh …, folded as [skeleton] folds them), leaving out what
// writers render as they please: the long vowels and glides ا و ي, hamza and
// ain. A Latin name from the text is folded the same way, so that the two meet
// whatever vowels the writer chose. Three things keep the key from meeting
// words it should not:
//
//   - words stay apart: "Abu Rasin" cannot meet "Barshun", which has the same
//     consonants run together;
//   - the last word says whether it ends in a vowel (ة, ا, ى, ي, و, ع; in
//     Latin a vowel, or a vowel and h): "Mohammed" does not meet محمدية,
//     whose -iyya any writer writes;
//   - words of position and size (شرقي Sharqi Eastern, غربي, شمالي, جنوبي,
//     صغير Saghir Sughra Little, كبير Kabir Kubra Big Great, فوقاني Fawqani
//     Upper, تحتاني Tahtani Lower) are read as what they mean, in any order:
//     "Salam Sharqi" and "Eastern Salam" are سلام شرقي.
//
// A ta marbuta before another word of the name is the t it is read as
// (مزرعة بيت جن, "Mazraat Beit Jinn"); on the Latin side a word ending in a
// vowel before another is read with and without that t, since writers drop it
// before an adjective ("Ghouta Sharqiya").

// spellSep separates the words of a spelling key; spellVowel ends a last word
// ending in a vowel. Qualifiers are written as one upper-case letter each,
// after the words, in byte order.
const (
	spellSep   = ' '
	spellVowel = '.'
)

// minSpellRunning and minSpellQuery are the fewest consonants a spelling key
// needs to name a place, in running text and in a query; a qualifier counts
// as two, being a word of its own.
const (
	minSpellRunning = 4
	minSpellQuery   = 3
)

// maxSpellPlaces is the most places one spelling key may name: a key shared
// by more is too coarse to tell them apart, and is not kept.
const maxSpellPlaces = 3

// maxSpellWords is the most words of a name read by its spelling key.
const maxSpellWords = 6

// spellScore and spellSpread place a spelling-key match below exact (1) and
// transliteration matches (0.92 and up): the base, and how much the likeness
// of the spelling to the place's own names adds.
const (
	spellScore  = 0.82
	spellSpread = 0.08
)

// arabicLetters are the Latin consonants English and French writers use for
// each Arabic letter, after the digraphs are folded as [skeleton] folds them,
// except that ش (sh, ch) is c and خ (kh) is x: writers keep these apart from
// س and from ك, ق, so "Tal Shenan" is تل شنان, not تل سنان;
// the letters left out (ا و ي ع, and ء, which Normalize drops) are the
// vowels, glides, hamza and ain that writers render as they please.
var arabicLetters = map[rune]byte{
	'ب': 'b', 'ت': 't', 'ث': 't', 'ج': 'j', 'ح': 'h', 'خ': 'x', 'د': 'd', 'ذ': 'd',
	'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'c', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z',
	'غ': 'g', 'ف': 'f', 'ق': 'k', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h',
}

// arabicVowels are the Arabic letters a writer renders as a vowel, or not at all.
var arabicVowels = map[rune]bool{'ا': true, 'و': true, 'ي': true, 'ع': true}

// qualifierConsonants are the words of position and size, by their consonants:
// the nisba adjectives only when they end in a vowel (شرقي, Sharqiya; not
// "Sharq", "Ismail"), صغير and كبير in any form (Saghir, Sughra, Kabira).
var qualifierConsonants = map[string]struct {
	class  byte
	vowels bool
}{
	"crk": {'E', true}, "grb": {'W', true}, "cml": {'N', true}, "jnb": {'S', true},
	"fkn": {'U', true}, "thtn": {'D', true}, "sgr": {'L', false}, "kbr": {'B', false},
}

// qualifierWordsEN are the English words for them.
var qualifierWordsEN = map[string]byte{
	"eastern": 'E', "western": 'W', "northern": 'N', "nothern": 'N', "southern": 'S', // OCHA writes "Nothern" twice
	"upper": 'U', "lower": 'D', "little": 'L', "small": 'L', "lesser": 'L',
	"big": 'B', "great": 'B', "greater": 'B', "large": 'B',
}

// spellWord is one word of a name read for its spelling key.
type spellWord struct {
	cb    [maxGaps]byte // its consonants, cb[:nc]
	nc    int
	vowel bool // it ends in a vowel
	qual  byte // a qualifier's class, or 0
	// Latin words only: other readings of the end. taH: a final vowel and h
	// is also read as a consonant h (صالح "Saleh"); boundT: a final vowel is
	// also read as the bound ta marbuta t.
	taH, boundT bool
	// gaps[k] are the vowels written before consonant k (gaps[len(cons)]
	// after the last): in Arabic the long vowels (arA, arI, arU), in Latin
	// the vowel letters (latA …).
	gaps [maxGaps]uint8
}

// maxGaps is the most vowel gaps of a word that are compared.
const maxGaps = 16

// The long vowels an Arabic gap holds, and the vowel letters of a Latin one.
const (
	arA = 1 << iota // ا
	arI             // ي
	arU             // و
)

const (
	latA = 1 << iota
	latE
	latI
	latO
	latU
	latY
	latW
)

var latinVowelBits = [256]uint8{'a': latA, 'e': latE, 'i': latI, 'o': latO, 'u': latU, 'y': latY, 'w': latW}

// gapAgrees reports whether a Latin gap may render an Arabic one. Arabic
// writes its long vowels, so a writer renders them: ا as a or e, ي as i, e
// or y (ee, ei, ay), و as u, o or w (ou, aw); a final ي may be the alif
// maqsura that Normalize folds into it, an a ("Mustafa"). A Latin vowel
// where Arabic writes none is a short vowel, free; a gap the writer left
// empty agrees with anything. So "Barshun" is no برشين, whose ي no u renders.
func gapAgrees(ar, lat uint8, final bool) bool {
	if ar == 0 || lat == 0 {
		return true
	}
	if ar&arA != 0 && lat&(latA|latE) == 0 {
		return false
	}
	if ar&arI != 0 && lat&(latI|latE|latY) == 0 && !(final && lat&latA != 0) {
		return false
	}
	return ar&arU == 0 || lat&(latU|latO|latW) != 0
}

// spellAgrees reports whether the Latin words render the long vowels of the
// Arabic ones, word by word, qualifiers aside.
func spellAgrees(lat, ar []spellWord) bool {
	i, k := 0, 0
	for {
		for i < len(lat) && lat[i].qual != 0 {
			i++
		}
		for k < len(ar) && ar[k].qual != 0 {
			k++
		}
		if i == len(lat) || k == len(ar) {
			return i == len(lat) && k == len(ar)
		}
		n := min(ar[k].nc, lat[i].nc, maxGaps-1)
		for g := 0; g <= n; g++ {
			if !gapAgrees(ar[k].gaps[g], lat[i].gaps[g], g == ar[k].nc) {
				return false
			}
		}
		i, k = i+1, k+1
	}
}

// cons returns w's consonants.
func (w *spellWord) cons() []byte { return w.cb[:w.nc] }

// push adds a consonant to w; it reports false when w holds as many as it can.
func (w *spellWord) push(c byte) bool {
	if w.nc == len(w.cb) {
		return false
	}
	w.cb[w.nc] = c
	w.nc++
	return true
}

// endsIn reports whether w's last consonant is c.
func (w *spellWord) endsIn(c byte) bool { return w.nc > 0 && w.cb[w.nc-1] == c }

// qualify sets w.qual when w's consonants are a qualifier's.
func (w *spellWord) qualify() {
	if q, ok := qualifierConsonants[string(w.cons())]; ok && (w.vowel || !q.vowels) {
		w.qual = q.class
	}
}

// arabicSpellKey returns the spelling key of an Arabic name, or "" when it has
// a word in another script or fewer than minSpellQuery consonants.
func arabicSpellKey(name string) string {
	words, last := arabicSpellWords(name)
	key, weight := appendSpellKey(nil, words, last)
	if weight < minSpellQuery {
		return ""
	}
	return string(key)
}

// arabicSpellWords reads the words of an Arabic name and returns them with
// the index of the last that is no qualifier (see [lastNamed]); none when a
// word is in another script.
func arabicSpellWords(name string) ([]spellWord, int) {
	toks := strings.Fields(Normalize(name))
	if len(toks) == 0 || len(toks) > maxSpellWords || !isArabic(toks[0]) {
		return nil, -1
	}
	words := make([]spellWord, 0, len(toks))
	for _, t := range toks {
		w, ok := arabicSpellWord(tokenKey(t))
		if !ok {
			return nil, -1
		}
		if w.nc > 0 || w.qual != 0 {
			words = append(words, w)
		}
	}
	// a ta marbuta before another word of the name (not before a qualifier,
	// an adjective) is read as t: "Maarrat", "Mazraat"
	last := lastNamed(words)
	for i := range last {
		if words[i].qual == 0 && words[i].boundT && !words[i].endsIn('t') && !words[i].push('t') {
			return nil, -1
		}
	}
	return words, last
}

// arabicSpellWord reads one Arabic word (a key, the article dropped). boundT
// is set when it ends in ه, a ta marbuta (or ha) that another word makes t.
func arabicSpellWord(k string) (spellWord, bool) {
	var w spellWord
	var last byte
	var final rune
	for i, r := range k {
		final = r
		if arabicVowels[r] {
			last = 0
			if w.nc < maxGaps && !(i == 0 && r == 'ا') { // a word's first alef carries a hamza, no long vowel
				w.gaps[w.nc] |= arabicVowelBit(r)
			}
			continue
		}
		c, ok := arabicLetters[r]
		if !ok {
			return w, false
		}
		if c != last && !w.push(c) {
			return w, false
		}
		last = c
	}
	switch {
	case final == 'ه':
		w.nc-- // the ta marbuta: a vowel, or t before another word
		w.vowel, w.boundT = true, true
	case arabicVowels[final]:
		w.vowel = true
	}
	w.qualify()
	return w, true
}

// arabicVowelBit is the gap bit of a long vowel letter; ع has none.
func arabicVowelBit(r rune) uint8 {
	switch r {
	case 'ا':
		return arA
	case 'ي':
		return arI
	case 'و':
		return arU
	}
	return 0
}

// lastNamed returns the index of the last word that is no qualifier, or -1.
func lastNamed(words []spellWord) int {
	for i := len(words) - 1; i >= 0; i-- {
		if words[i].qual == 0 {
			return i
		}
	}
	return -1
}

// appendSpellKey appends the key of words to dst: the words that are no
// qualifier in order, the last one's vowel ending marked, then the qualifiers'
// classes sorted. It returns the key and its weight, the consonants it holds
// (a qualifier counts two); a key without a named word weighs nothing.
func appendSpellKey(dst []byte, words []spellWord, last int) ([]byte, int) {
	if last < 0 {
		return dst, 0
	}
	weight := 0
	var quals [maxSpellWords]byte
	nq := 0
	for i, w := range words {
		if w.qual != 0 {
			if nq < len(quals) {
				quals[nq] = w.qual
				nq++
			}
			weight += 2
			continue
		}
		if len(dst) > 0 {
			dst = append(dst, spellSep)
		}
		dst = append(dst, w.cons()...)
		weight += w.nc
		if i == last && w.vowel {
			dst = append(dst, spellVowel)
		}
	}
	slices.Sort(quals[:nq])
	for _, q := range quals[:nq] {
		dst = append(dst, spellSep, q)
	}
	return dst, weight
}

// spellDigraphs are the Latin spellings of one Arabic letter, longer first,
// and the letter of the key for each: ش sh/ch/sch as c, خ kh as x (kept
// apart from س and ك), the others as [skeleton] folds them.
var spellDigraphs = []struct {
	from string
	to   byte
}{
	{"sch", 'c'}, {"sh", 'c'}, {"ch", 'c'}, {"kh", 'x'}, {"ck", 'k'}, {"gh", 'g'}, {"dh", 'd'}, {"th", 't'},
	{"dj", 'j'}, {"ph", 'f'},
}

// spellDigraph returns the key letter of the digraph at k[i] and its length,
// or k[i] itself and 1.
func spellDigraph(k string, i int) (byte, int) {
	for _, d := range spellDigraphs {
		if hasPrefixAt(k, i, d.from) {
			return d.to, len(d.from)
		}
	}
	return k[i], 1
}

// latinSpellWord reads one Latin word (a key, articles dropped) as
// [skeleton] does, but keeping a consonant that a vowel separates from its
// double ("Haddadiyah" has the two d of حدادية) and the end's readings. It
// returns false for a word with a digit.
func latinSpellWord(k string) (spellWord, bool) {
	var w spellWord
	if q := qualifierWordsEN[k]; q != 0 {
		w.qual = q
		return w, true
	}
	var last byte
	vowelEnd := false
	for i := 0; i < len(k); {
		c, n := spellDigraph(k, i)
		switch {
		case n > 1:
		case c == 'q' || c == 'c':
			c = 'k'
		case c == 'x':
			c = 'k' // and an s after it, below
		case c == 'v':
			c = 'f'
		case c == 'p':
			c = 'b'
		case c >= '0' && c <= '9':
			return w, false
		}
		i += n
		if bits := latinVowelBits[c]; bits != 0 {
			if w.nc < maxGaps {
				w.gaps[w.nc] |= bits
			}
			last, vowelEnd = 0, true
			continue
		}
		if c < 'a' || c > 'z' {
			return w, false
		}
		vowelEnd = false
		if c == 'k' && k[i-1] == 'x' {
			if !w.push('k') {
				return w, false
			}
			c = 's'
		}
		if c != last && !w.push(c) {
			return w, false
		}
		last = c
	}
	if !vowelEnd && w.endsIn('h') && len(k) >= 2 && strings.IndexByte("aeiouy", k[len(k)-2]) >= 0 {
		w.nc, vowelEnd, w.taH = w.nc-1, true, true // "-ah", "-eh": a ta marbuta, or a final ح
	}
	w.vowel = vowelEnd
	// only a and e stand for a ta marbuta: "Abu", "Tali" are bound to nothing
	end := strings.TrimSuffix(k, "h")
	w.boundT = vowelEnd && !w.endsIn('t') && (strings.HasSuffix(end, "a") || strings.HasSuffix(end, "e"))
	w.qualify()
	return w, true
}

// spellMatch returns the places whose Arabic name has the spelling key of the
// Latin words toks[j:j+n], or nil. Running text reads so only capitalised
// words (their articles aside), a last word not possessed ("Mohammed's"), and
// a key of at least minSpellRunning consonants; a query needs
// minSpellQuery. Like [Gazetteer.skeletonMatch], a name read so still needs
// what makes any lone name plausible in running text.
func (g *Gazetteer) spellMatch(toks []token, j, n int, m mode) []int32 {
	if n > maxSpellWords || toks[j].arabic || !m.query && toks[j+n-1].poss {
		return nil
	}
	var ws [maxSpellWords]spellWord
	words := ws[:0]
	for i, t := range toks[j : j+n] {
		if t.arabic || t.long {
			return nil
		}
		k := laterKey(t.norm)
		if i == 0 {
			k = tokenKey(t.norm)
		}
		if k == "" {
			continue // an article
		}
		if !m.query && !t.upper {
			return nil // "Salam on Monday": a name in running text is capitalised
		}
		w, ok := latinSpellWord(k)
		if !ok {
			return nil
		}
		if w.nc > 0 || w.qual != 0 {
			words = append(words, w)
		}
	}
	last := lastNamed(words)
	least := minSpellRunning
	if m.query {
		least = minSpellQuery
	}
	return g.spellLookup(words, last, 0, least)
}

// spellLookup tries the readings of words from the i-th on, the earlier ones
// as set, and returns the places of the first key that names some.
func (g *Gazetteer) spellLookup(words []spellWord, last, i, least int) []int32 {
	for i < len(words) && !(i == last && words[i].taH) && !(i < last && words[i].qual == 0 && words[i].boundT) {
		i++ // a word of one reading
	}
	if i == len(words) {
		var kb [128]byte
		key, weight := appendSpellKey(kb[:0], words, last)
		if weight < least {
			return nil
		}
		if idx := g.spell[string(key)]; len(idx) > 0 {
			return g.spellAgreeing(idx, string(key), words)
		}
		return nil
	}
	w := words[i]
	if idx := g.spellLookup(words, last, i+1, least); len(idx) > 0 {
		return idx
	}
	alt := w
	if i == last {
		alt.vowel, alt.taH = false, false // "Saleh": صالح
		alt.push('h')
	} else {
		alt.boundT = false // "Mazraa Beit Jinn": مزرعة بيت جن
		alt.push('t')
	}
	words[i] = alt
	idx := g.spellLookup(words, last, i+1, least)
	words[i] = w
	return idx
}

// spellAgreeing returns the places of idx that have an Arabic name of spelling
// key key whose long vowels the Latin words render (see [gapAgrees]).
func (g *Gazetteer) spellAgreeing(idx []int32, key string, lat []spellWord) []int32 {
	var out []int32
	for _, v := range idx {
		for _, n := range g.places[v].names() {
			if !isArabic(n) {
				continue
			}
			ar, last := arabicSpellWords(n)
			if k, _ := appendSpellKey(nil, ar, last); string(k) == key && spellAgrees(lat, ar) {
				out = append(out, v)
				break
			}
		}
	}
	return out
}

// indexSpelling adds place i under the spelling key of each of its Arabic names.
func (g *Gazetteer) indexSpelling(i int32, names []string) {
	for _, n := range names {
		if !isArabic(n) {
			continue
		}
		if k := arabicSpellKey(n); k != "" {
			g.spell[k] = addIdx(g.spell[k], i)
		}
	}
}

// pruneSpelling drops the spelling keys that name more than maxSpellPlaces
// places: they could name none of them.
func (g *Gazetteer) pruneSpelling() {
	for k, idx := range g.spell {
		if len(idx) > maxSpellPlaces {
			delete(g.spell, k)
		}
	}
}

// spellCandidates scores places read by their spelling key: below a
// transliteration, by how close key comes to their names.
func (g *Gazetteer) spellCandidates(idx []int32, key string) []candidate {
	out := make([]candidate, len(idx))
	for i, v := range idx {
		out[i] = candidate{idx: v, name: spellScore + spellSpread*g.nameSimilarity(v, key)}
	}
	return out
}
