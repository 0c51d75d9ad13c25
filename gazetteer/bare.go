package gazetteer

import (
	"strings"
	"unicode/utf8"
)

// OCHA tells apart villages of one name by a word after it (Arabic) or
// before it (its English): which bank of the Euphrates (سويدان جزيرة,
// "Sweidan Jazira"), upper and lower (فوقاني, تحتاني; "Upper", "Lower"), big
// and small (كبير, صغير; "Big", "Little"), east and west (شرقي, غربي;
// "Eastern", "Western"). News often leaves that word out: "بلدة سويدان",
// "the town of Swaidan". The name without it is indexed apart (bare) and
// read only when no place bears the name itself, a little under an exact
// match, so that a village named so, bare, always wins; and a bare Arabic
// name of one word only after a type word ("بلدة سويدان"), as it may be any
// word ("أربعة" of "أربعة صغيرة"). A Latin one is read capitalised.

// bareQualifiersAR are the words, normalised, that end such Arabic names.
var bareQualifiersAR = map[string]bool{
	"فوقاني": true, "تحتاني": true, "الفوقاني": true, "التحتاني": true,
	"كبير": true, "صغير": true, "كبيره": true, "صغيره": true, "الكبير": true, "الصغير": true,
	"الكبيره": true, "الصغيره": true, "الكبري": true, "الصغري": true, "كبري": true, "صغري": true,
	"شرقي": true, "غربي": true, "شمالي": true, "جنوبي": true, "قبلي": true,
	"الشرقي": true, "الغربي": true, "الشمالي": true, "الجنوبي": true, "القبلي": true,
	"شرقيه": true, "غربيه": true, "شماليه": true, "جنوبيه": true,
	"الشرقيه": true, "الغربيه": true, "الشماليه": true, "الجنوبيه": true,
	"جزيره": true, "شاميه": true, "الجزيره": true, "الشاميه": true,
}

// bareEndersEN are the transliterated Arabic words that end such Latin
// names; the English ones that open them are the spelling key's
// (qualifierWordsEN: "Big", "Little", "Upper", "Eastern" …).
var bareEndersEN = map[string]bool{
	"jazira": true, "jazirah": true, "jazireh": true, "shamiyeh": true, "shamiya": true, "shamiyah": true,
	"fawqani": true, "foqani": true, "fouqani": true, "tahtani": true, "kabir": true, "kbir": true,
	"saghir": true, "sghir": true, "zghir": true, "sharqi": true, "gharbi": true, "shamali": true,
	"janoubi": true, "janubi": true, "qabli": true,
}

// minBareRunes is the fewest letters a bare name's key may have: shorter
// ones ("تل", "عين") are words of many names.
const minBareRunes = 4

// bareKey returns the key of a name's normalised words without the word that
// tells it from its namesakes, or "".
func bareKey(toks []string) string {
	if len(toks) < 2 {
		return ""
	}
	var rest []string
	last, first := toks[len(toks)-1], toks[0]
	switch {
	case isArabic(last) && bareQualifiersAR[last]:
		rest = toks[:len(toks)-1]
	case !isArabic(last) && bareEndersEN[last]:
		rest = toks[:len(toks)-1]
	case !isArabic(first) && qualifierWordsEN[first] != 0:
		rest = toks[1:]
	default:
		return ""
	}
	k := joinKeys(rest)
	if utf8.RuneCountInString(k) < minBareRunes || strings.ContainsRune(k, '-') {
		return ""
	}
	return k
}

// indexBare adds place i under the bare key of a name's words and, for a Latin
// one, under its transliteration key (apart, after a NUL byte).
func (g *Gazetteer) indexBare(i int32, toks []string) {
	k := bareKey(toks)
	if k == "" {
		return
	}
	g.bare[k] = addIdx(g.bare[k], i)
	if t := translit(k); t != "" {
		g.bare["\x00"+t] = addIdx(g.bare["\x00"+t], i)
	}
}
