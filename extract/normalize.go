package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or number of a text: its byte span in the original text and
// its normalised form (see normalize).
type token struct {
	Start, End int
	Norm       string
	DualMark   bool     // written with the vowels of a dual ending: "مدنيَّين"
	forms      []string // Norm without its proclitics and suffixes (see wordForms)
	setForms   []string // those of forms some word set holds (see vocabulary), for word-set lookups
}

// in reports whether the token is a form of a word in set: what stemIn says of
// its Norm, read from forms computed once. Only the forms some word set holds
// are looked up: most words of a report (names, numbers, most nouns) are in
// none, and cost no look-up however many sets a rule asks about.
func (t token) in(set map[string]bool) bool {
	if checkWordSets {
		checkWordSet(set)
	}
	for _, f := range t.setForms {
		if set[f] {
			return true
		}
	}
	return false
}

// appendSetForms appends to dst those of forms that some word set holds.
func appendSetForms(dst, forms []string) []string {
	vocab := vocabulary()
	for _, f := range forms {
		if vocab[f] {
			dst = append(dst, f)
		}
	}
	return dst
}

// inInflected reports whether the token, its proclitics stripped, is a word
// of set as written there: for sets that list their inflected forms (verbs
// with their endings), where stripping a suffix would make other words of
// them ("لقوات" is no "لقوا" with a "ت").
func (t token) inInflected(set map[string]bool) bool {
	for _, s := range stems(t.Norm) {
		if set[s] {
			return true
		}
	}
	return false
}

// wordForms returns the forms stemIn looks up for a normalised word: English
// base forms, or each proclitic-stripped form bare and without each suffix.
func wordForms(norm string) []string {
	return appendWordForms(nil, norm)
}

// appendWordForms appends wordForms(norm) to dst.
func appendWordForms(dst []string, norm string) []string {
	if isLatin(norm) {
		return append(dst, englishForms(norm)...)
	}
	for _, s := range stems(norm) {
		dst = append(dst, s)
		for _, suf := range suffixesFor(s) {
			if base, ok := strings.CutSuffix(s, suf); ok {
				dst = append(dst, base)
			}
		}
	}
	return dst
}

// normalize folds the spelling variation of Arabic news text that does not change
// meaning for our rules: short vowels and tatweel are dropped, alef forms become
// bare alef, alef maqsura becomes yaa, taa marbuta becomes haa, and Arabic-Indic
// digits become ASCII digits.
//
// A text that nothing folds is returned as it is, without a copy: the
// tokenizer normalises every word.
func normalize(s string) string {
	for i, r := range s {
		if r2, keep := foldRune(r); !keep || r2 != r || r == utf8.RuneError {
			return normalizeFrom(s, i)
		}
	}
	return s
}

// normalizeFrom is normalize of s, whose bytes before i nothing folds.
func normalizeFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if r2, keep := foldRune(r); keep {
			b.WriteRune(r2)
		}
	}
	return b.String()
}

// foldRune maps one rune for normalize; keep is false for runes to drop.
func foldRune(r rune) (rune, bool) {
	if r >= 0 && r < runeTableSize {
		f := runeTable[r]
		return f.fold, f.keep
	}
	return foldRuneSlow(r)
}

func foldRuneSlow(r rune) (rune, bool) {
	switch {
	case isApostrophe(r):
		return 0, false
	case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640: // harakat, dagger alef, tatweel
		return 0, false
	case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
		return 'ا', true
	case r == 'ى':
		return 'ي', true
	case r == 'ة':
		return 'ه', true
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	}
	return unicode.ToLower(r), true
}

// isWordRune reports whether r belongs inside a token: letters, digits and the
// combining marks and tatweel that decorate Arabic letters.
func isWordRune(r rune) bool {
	if r >= 0 && r < runeTableSize {
		return runeTable[r].word
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// runeTable holds what foldRune and isWordRune answer for the runes below
// runeTableSize (Latin and Arabic, nearly every rune of the news), asked at
// every rune of a text: a look-up instead of Unicode's range tables.
var runeTable = func() (t [runeTableSize]struct {
	fold       rune
	keep, word bool
}) {
	for r := range t {
		t[r].fold, t[r].keep = foldRuneSlow(rune(r))
		t[r].word = isWordRuneSlow(rune(r))
	}
	return t
}()

const runeTableSize = 0x700

// tokenize splits text[start:end] into tokens with byte offsets into text. A run
// of letters followed by digits ("و27") is split so that the number stands alone
// after a conjunction, as in "بين 24 و27 نوفمبر".
func tokenize(text string, start, end int) []token {
	toks := make([]token, 0, (end-start)/6+1) // a word and its space are some 6 bytes
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < end {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r2) && !(isApostrophe(r2) && j > i && j+s2 < end && isLatinLetterAt(text, j+s2) && !possessive(text, j+s2, end)) {
				break // an apostrophe between letters stays in the word: "Sa‘sa‘", "Ma'arrat"
			}
			j += s2
		}
		if k := thousandsEnd(text, i, j, end); k > j {
			// "2,000", "162,000": one number written with thousands separators
			toks = append(toks, token{Start: i, End: k, Norm: strings.ReplaceAll(text[i:k], ",", "")})
			i = k
			continue
		}
		if k, v := compoundNumberEnd(text, i, j, end); k > j {
			// "Fifty-three", "twenty-one": one English number written with a hyphen
			toks = append(toks, token{Start: i, End: k, Norm: strconv.Itoa(v)})
			i = k
			continue
		}
		toks = splitLetterDigits(toks, text, i, j)
		i = j
	}
	forms := make([]string, 0, 4*len(toks)) // the forms of all the words, in one array
	setForms := make([]string, 0, 2*len(toks))
	for k := range toks {
		if toks[k].Norm == "الي" && strings.HasPrefix(text[toks[k].Start:], "آ") {
			toks[k].Norm = "آلي" // "فرن آلي", automatic: no "إلى", which folds alike
		}
		from := len(forms)
		forms = appendWordForms(forms, toks[k].Norm)
		toks[k].forms = forms[from:len(forms):len(forms)] // capped: an append to one word's forms copies them
		from = len(setForms)
		setForms = appendSetForms(setForms, toks[k].forms)
		toks[k].setForms = setForms[from:len(setForms):len(setForms)]
	}
	return joinAntiAircraft(toks)
}

// antiWords name a weapon against what follows them: "anti-aircraft",
// "مضادات الطيران", "مضاد للطيران".
var antiWords = wordSet("anti", "مضاد", "مضادات", "مضاده", "المضاد", "المضادات", "المضاده")

// joinAntiAircraft makes an anti word and the aircraft word after it one
// token, whose word is in no set: a gun on the ground, never an aircraft
// for any rule that looks for one ("shots from an anti-aircraft gun").
func joinAntiAircraft(toks []token) []token {
	out := toks[:0]
	for k := 0; k < len(toks); k++ {
		if k+1 < len(toks) && toks[k].in(antiWords) && toks[k+1].in(airWords) {
			t := token{Start: toks[k].Start, End: toks[k+1].End, Norm: toks[k].Norm + toks[k+1].Norm}
			t.forms = []string{t.Norm}
			out = append(out, t)
			k++
			continue
		}
		out = append(out, toks[k])
	}
	return out
}

// compoundNumberEnd returns where an English number of tens and units
// written with a hyphen ends ("Fifty-three"), and its value, when text[i:j]
// holds its tens; else j.
func compoundNumberEnd(text string, i, j, end int) (int, int) {
	if j+1 >= end || text[j] != '-' {
		return j, 0 // no hyphen: no word of it lowered and looked up
	}
	tens := enNumbers[strings.ToLower(text[i:j])]
	if tens < 20 || tens > 90 || tens%10 != 0 {
		return j, 0
	}
	k := j + 1
	for k < end && isLatinLetterAt(text, k) {
		k++
	}
	units := enNumbers[strings.ToLower(text[j+1:k])]
	if units < 1 || units > 9 {
		return j, 0
	}
	return k, tens + units
}

// thousandsEnd returns where a number that text[i:j] opens ends when it is
// written with commas between groups of three digits ("2,000", "1,250,000"),
// or j when it is not: one to three ASCII digits, then ",ddd" groups, each
// followed by no further digit or letter.
func thousandsEnd(text string, i, j, end int) int {
	if j-i > 3 || !isNumber(text[i:j]) {
		return j
	}
	k := j
	for k+4 <= end && text[k] == ',' && isNumber(text[k+1:k+4]) {
		if k+4 < end {
			if r, _ := utf8.DecodeRuneInString(text[k+4:]); isWordRune(r) {
				break
			}
		}
		k += 4
	}
	return k
}

// splitLetterDigits appends text[i:j] to dst as one token, or as two when a
// short letter prefix is glued to a number ("و27" → "و", "27").
func splitLetterDigits(dst []token, text string, i, j int) []token {
	norm := normalize(text[i:j])
	if d := digitsThenLetters(norm); d > 0 {
		// "15شخصا", "9آخرين": a count glued to its noun, as typed in haste
		p := i
		for p < j {
			r, size := utf8.DecodeRuneInString(text[p:])
			if !unicode.IsDigit(r) {
				break
			}
			p += size
		}
		return append(dst, token{Start: i, End: p, Norm: norm[:d]}, token{Start: p, End: j, Norm: norm[d:], DualMark: dualMarked(text[p:j])})
	}
	k := strings.IndexFunc(norm, unicode.IsDigit)
	// "ب15", and a word of counting glued to the figure after it as typed in
	// haste ("استشهاد24 مواطنا", "وإصابة52"); any other ("درعا24", an outlet;
	// "F16", "Su24") is a name
	if k <= 0 || strings.IndexFunc(norm[k:], unicode.IsLetter) >= 0 || utf8.RuneCountInString(norm[:k]) > 2 && !countingWord(norm[:k]) {
		return append(dst, token{Start: i, End: j, Norm: norm, DualMark: dualMarked(text[i:j])})
	}
	// find the byte in the original text where digits begin
	p := i
	for p < j {
		r, size := utf8.DecodeRuneInString(text[p:])
		if unicode.IsDigit(r) {
			break
		}
		p += size
	}
	return append(dst, token{Start: i, End: p, Norm: norm[:k]}, token{Start: p, End: j, Norm: norm[k:]})
}

// countingWord reports an Arabic verb or noun that counts people ("استشهاد",
// "وإصابة", "اعتقال"), with its proclitics.
func countingWord(norm string) bool {
	if !isArabicWord(norm) {
		return false
	}
	t := token{Norm: norm, forms: wordForms(norm)}
	t.setForms = appendSetForms(nil, t.forms)
	for _, set := range countVerbs {
		if t.in(set) {
			return true
		}
	}
	return false
}

// digitsThenLetters returns the length of the digits a normalised word starts
// with when Arabic letters follow them ("15شخصا"), else 0.
func digitsThenLetters(norm string) int {
	d := 0
	for d < len(norm) && norm[d] >= '0' && norm[d] <= '9' {
		d++
	}
	if d == 0 || d == len(norm) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(norm[d:])
	if r < 0x0600 || r > 0x06FF {
		return 0 // "4th", "2025م" stay whole
	}
	return d
}

// prefixes are the proclitics stripped before looking a word up: conjunctions,
// prepositions and the article, longest first.
var prefixes = []string{"وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "لل", "وب", "ول", "فب", "وس", "ال", "و", "ف", "ب", "ل", "ك", ""}

// stems returns the word itself and the forms left after stripping each
// proclitic, keeping at least two letters.
func stems(norm string) []string {
	out := make([]string, 0, 4)
	for _, p := range prefixesFor(norm) {
		if strings.HasPrefix(norm, p) {
			rest := norm[len(p):]
			if utf8.RuneCountInString(rest) >= 2 {
				out = append(out, rest)
			}
		}
	}
	return out
}

// prefixesFor returns the proclitics norm may begin with, in the order of
// prefixes: those whose second byte is norm's (which tells apart the
// two-byte Arabic letters they begin with), and "". Grouped once, they spare
// stems some eighteen comparisons a word, at every look-up. Kept small so that
// stems stays inlined and its slice on its caller's stack.
func prefixesFor(norm string) []string {
	if len(norm) < 2 {
		return nil // too short to leave two letters after any
	}
	return prefixGroups.by[norm[1]]
}

// suffixesFor returns the suffixes s may end with, in the order of suffixes:
// those whose last byte is s's.
func suffixesFor(s string) []string {
	if b, ok := lastByte(s); ok {
		return suffixGroups.by[b]
	}
	return suffixGroups.short
}

var (
	prefixGroups = groupAffixes(prefixes, secondByte)
	suffixGroups = groupAffixes(suffixes, lastByte)
)

func secondByte(w string) (byte, bool) {
	if len(w) < 2 {
		return 0, false
	}
	return w[1], true
}

func lastByte(w string) (byte, bool) {
	if w == "" {
		return 0, false
	}
	return w[len(w)-1], true
}

// affixGroups are a list of affixes grouped by a byte of theirs: a word can
// carry only those of its own byte's group.
type affixGroups struct {
	by    [256][]string
	short []string // the affixes too short to have that byte, for a word as short
}

// groupAffixes groups affixes by the byte key returns (ok false when an
// affix is too short to have it), each group in the order of affixes. An
// affix too short belongs to every group.
func groupAffixes(affixes []string, key func(string) (byte, bool)) (g affixGroups) {
	for _, a := range affixes {
		k, ok := key(a)
		if !ok {
			g.short = append(g.short, a)
		}
		for b := range g.by {
			if !ok || k == byte(b) {
				g.by[b] = append(g.by[b], a)
			}
		}
	}
	return g
}

// isNumber reports whether s is all ASCII digits.
func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '‘', '’', 'ʿ', 'ʾ', 'ʼ':
		return true
	}
	return false
}

func isLatinLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r < 0x250 && unicode.IsLetter(r)
}

// possessive reports the "s" of "Syria’s" after an apostrophe at i.
func possessive(text string, i, end int) bool {
	if i >= end || text[i] != 's' {
		return false
	}
	return i+1 >= end || !isLatinLetterAt(text, i+1)
}

// withoutFormatControls returns text without the invisible controls that
// change how text reads but not what it says, Unicode's format characters
// (Cf): bidi embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), the direction marks, zero-width spaces and word joiners,
// the soft hyphen and the byte order mark. A news text full of them ("و\u202eإدلب") put them in a draft's
// evidence and names, where U+202E reverses how a summary reads in the review
// queue, and they split names the gazetteer would know. The joiner and
// non-joiner (U+200C, U+200D), which shape Persian and Kurdish letters, stay.
func withoutFormatControls(text string) string {
	if strings.IndexFunc(text, formatControl) < 0 {
		return text
	}
	return strings.Map(func(r rune) rune {
		if formatControl(r) {
			return -1
		}
		return r
	}, text)
}

func formatControl(r rune) bool {
	return r != '\u200c' && r != '\u200d' && unicode.Is(unicode.Cf, r)
}
