package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize folds a place name for comparison: Arabic diacritics and tatweel are
// dropped, alef forms become ا, ة becomes ه, ى and ئ become ي, ؤ becomes و, Persian and
// Kurdish letter forms become their Arabic ones, Arabic-Indic digits become ASCII; Latin
// letters are lower-cased and stripped of diacritics, apostrophes and ayn marks are
// dropped, and other punctuation becomes a single space. Normalize(Normalize(s)) ==
// Normalize(s).
func Normalize(s string) string {
	for _, r := range s {
		if f := foldRune(r); f != r || f == ' ' || f == 0 || r == utf8.RuneError {
			return fold(s)
		}
	}
	return s // nothing to fold: no copy, for the tokenizer normalises every word
}

// fold is Normalize of a string with something to fold.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // no leading space
	for _, r := range s {
		r = foldRune(r)
		switch {
		case r == 0:
			continue
		case r == ' ':
			if !space {
				b.WriteByte(' ')
				space = true
			}
		default:
			b.WriteRune(r)
			space = false
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}

// foldTable holds foldRune's answers for the runes below 0x700 (Latin, its
// diacritics and Arabic), which are nearly all a name holds.
var foldTable = func() (t [0x700]rune) {
	for r := range t {
		t[r] = foldRuneSlow(rune(r))
	}
	return t
}()

// foldRune maps one rune to its folded form: 0 to drop it, ' ' for a separator.
func foldRune(r rune) rune {
	if r >= 0 && r < rune(len(foldTable)) {
		return foldTable[r]
	}
	return foldRuneSlow(r)
}

func foldRuneSlow(r rune) rune {
	if r < 0x80 {
		switch {
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r == '\'' || r == '`':
			return 0
		}
		return ' '
	}
	if f, ok := arabicFold[r]; ok {
		return f
	}
	if r >= 0x064B && r <= 0x065F || r == 0x0670 || r == 0x0640 { // harakat, dagger alef, tatweel
		return 0
	}
	if r >= 0x0660 && r <= 0x0669 {
		return '0' + r - 0x0660
	}
	if r >= 0x06F0 && r <= 0x06F9 {
		return '0' + r - 0x06F0
	}
	if f, ok := latinFold[r]; ok {
		return f
	}
	switch {
	case unicode.Is(unicode.Mn, r), r == utf8.RuneError:
		return 0
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		if l := unicode.ToLower(r); l != r {
			return foldRuneSlow(l) // "Ę" → "ę" → "e"
		}
		return r
	}
	return ' '
}

var arabicFold = map[rune]rune{
	'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
	'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه', 'ہ': 'ه', 'ھ': 'ه', 'ۃ': 'ه',
	'ى': 'ي', 'ئ': 'ي', 'ی': 'ي', 'ې': 'ي', 'ێ': 'ي', 'ۍ': 'ي',
	'ؤ': 'و', 'ۆ': 'و', 'ۇ': 'و', 'ۈ': 'و', 'ۋ': 'و',
	'ء': 0, 'ٔ': 0, 'ٕ': 0,
	'ک': 'ك', 'گ': 'ك', 'ڪ': 'ك', 'ڭ': 'ك',
	'چ': 'ج', 'پ': 'ب', 'ژ': 'ز', 'ڤ': 'ف', 'ڨ': 'ق', 'ڵ': 'ل', 'ڕ': 'ر',
	'،': ' ', '؛': ' ', '؟': ' ', '٫': ' ', '٬': ' ',
}

var latinFold = map[rune]rune{
	'‘': 0, '’': 0, 'ʿ': 0, 'ʾ': 0, 'ʼ': 0, '´': 0, 'ʻ': 0, 'ʽ': 0, '′': 0,
	'ā': 'a', 'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ă': 'a', 'ą': 'a',
	'Ā': 'a', 'Á': 'a', 'À': 'a', 'Â': 'a', 'Ä': 'a', 'Ã': 'a', 'Å': 'a',
	'ē': 'e', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'ė': 'e', 'ę': 'e', 'ě': 'e', 'ə': 'e',
	'Ē': 'e', 'É': 'e', 'È': 'e', 'Ê': 'e', 'Ë': 'e', 'Ə': 'e',
	'ī': 'i', 'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ı': 'i', 'Ī': 'i', 'Í': 'i', 'Î': 'i', 'Ï': 'i', 'İ': 'i',
	'ō': 'o', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ø': 'o', 'Ō': 'o', 'Ó': 'o', 'Ô': 'o', 'Ö': 'o',
	'ū': 'u', 'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ů': 'u', 'Ū': 'u', 'Ú': 'u', 'Û': 'u', 'Ü': 'u',
	'ý': 'y', 'ÿ': 'y', 'Ý': 'y',
	'ḩ': 'h', 'ḥ': 'h', 'Ḩ': 'h', 'Ḥ': 'h', 'ḫ': 'h', 'ħ': 'h',
	'ţ': 't', 'ṭ': 't', 'Ţ': 't', 'Ṭ': 't', 'ť': 't',
	'ş': 's', 'ṣ': 's', 'Ş': 's', 'Ṣ': 's', 'š': 's', 'Š': 's', 'ś': 's',
	'ḑ': 'd', 'ḍ': 'd', 'Ḑ': 'd', 'Ḍ': 'd', 'đ': 'd', 'ď': 'd',
	'ẓ': 'z', 'Ẓ': 'z', 'ž': 'z', 'Ž': 'z', 'ż': 'z', 'ź': 'z',
	'ç': 'c', 'Ç': 'c', 'č': 'c', 'Č': 'c', 'ć': 'c',
	'ñ': 'n', 'Ñ': 'n', 'ń': 'n', 'ğ': 'g', 'Ğ': 'g', 'ǧ': 'g', 'ḡ': 'g',
	'ł': 'l', 'ß': 's', 'æ': 'e', 'œ': 'e', 'Æ': 'e', 'Œ': 'e',
	'‐': ' ', '‑': ' ', '–': ' ', '—': ' ',
}

// isArabic reports whether s starts with an Arabic-script letter.
func isArabic(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 0x0600 && r <= 0x06FF
}

// latinArticles are transliterated forms of the Arabic article, dropped from keys.
var latinArticles = map[string]bool{
	"al": true, "el": true, "il": true, "ad": true, "ed": true, "adh": true, "ath": true,
	"ash": true, "esh": true, "ech": true, "as": true, "es": true, "az": true, "ez": true,
	"at": true, "et": true, "ar": true, "er": true, "an": true, "en": true, "aj": true, "ej": true,
}

// tokenKey reduces one normalised token for indexing: the Arabic article ال is
// stripped, and a Latin article becomes "".
func tokenKey(t string) string {
	if isArabic(t) {
		if rest, ok := strings.CutPrefix(t, "ال"); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
		return t
	}
	if latinArticles[t] {
		return ""
	}
	return t
}

// assimilated reports the length of a glued, assimilated Latin article: "ezzor" is
// "ez-zor", "ashsham" is "ash-sham". Only for tokens after the first.
func assimilated(t string) int {
	if len(t) >= 5 && (t[0] == 'a' || t[0] == 'e') && t[1] == t[2] && strings.IndexByte("tdrzsnl", t[1]) >= 0 {
		return 2
	}
	return 0
}

// laterKey is tokenKey for a token after a name's first. A Latin article glued
// to the word is dropped there: OCHA writes "Ein Elhamra", "Ras Elhisn".
func laterKey(t string) string {
	k := tokenKey(t)
	if isArabic(k) {
		return k
	}
	if n := assimilated(k); n > 0 {
		return k[n:]
	}
	if len(k) >= 5 && (k[0] == 'a' || k[0] == 'e') && k[1] == 'l' {
		return k[2:]
	}
	return k
}

// nameKey returns the lookup key of a name: normalised, articles dropped, tokens
// joined without spaces, so that "Deir ez-Zor", "deir ezzor" and "Deir-ez-Zor" meet.
func nameKey(name string) string {
	toks := strings.Fields(Normalize(name))
	return joinKeys(toks)
}

func joinKeys(toks []string) string {
	var b strings.Builder
	for i, t := range toks {
		k := laterKey(t)
		if i == 0 {
			k = tokenKey(t)
		}
		if i < len(toks)-1 {
			k = boundTa(k)
		}
		b.WriteString(k)
	}
	if b.Len() == 0 && len(toks) > 0 {
		return strings.Join(toks, "")
	}
	return b.String()
}

// skeleton is a coarse Latin key for transliteration variants: digraphs merged,
// vowels and glides dropped, doubled letters collapsed ("dayrzawr" and "deirzor" both
// give "drzr"). It is "" for Arabic or very short keys.
func skeleton(key string) string {
	if key == "" || isArabic(key) {
		return ""
	}
	s := skeletonReplacer.Replace(key)
	s = strings.TrimSuffix(s, "h")
	var b strings.Builder
	var last byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte("aeiouyw", c) >= 0 || c < 'a' || c > 'z' {
			continue
		}
		if c != last {
			b.WriteByte(c)
		}
		last = c
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

var skeletonReplacer = strings.NewReplacer(
	"sch", "s", "sh", "s", "ch", "s", "kh", "k", "gh", "g", "dh", "d", "th", "t",
	"dj", "j", "ph", "f", "ou", "u", "q", "k", "c", "k", "x", "ks", "ee", "i",
)
