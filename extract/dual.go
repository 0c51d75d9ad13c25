package extract

import "strings"

// Arabic writes "two people" with the dual ending of the noun: "قُتل مدنيان",
// "إصابة عنصرين", "اعتقال شخصين", "طفلتين". Without short vowels the oblique dual
// "-ين" of a noun with a sound plural ("مدنيين", "مواطنين") reads the same as its
// plural, so it is taken as two only for nouns whose plural is broken (عنصر →
// عناصر), or when the writer marked the dual with a fatha ("مدنيَّين").

// brokenPlural are singular person nouns whose plural is not "-ين"/"-ون": their
// "-ين" form can only be the dual.
var brokenPlural = wordSet("شخص", "عنصر", "طفل", "جندي", "رجل", "شاب", "ضابط", "تاجر", "شرطي", "راعي",
	"شقيق", "ابن", "اخ", "قائد", "حارس", "طبيب", "سجين", "اسير", "شيخ", "قاضي", "راكب")

// twoWords are "two" after a counted plural: "مدنيين اثنين".
var twoWords = wordSet("اثنين", "اثنان", "اثنتين", "اثنتان")

// personCount reads a person noun at t: 1 for a singular ("مدني", "عنصراً"),
// 2 for a dual ("مدنيان", "عنصرين", "طفلتين"). ok is false for anything else,
// plurals included.
func personCount(t token) (n int, ok bool) {
	if possessedDualPerson(t.Norm) {
		return 2, true
	}
	for _, s := range stems(t.Norm) {
		if dualPersons[s] || isDual(s, t.DualMark) {
			return 2, true
		}
		if singularPersons[s] {
			return 1, true
		}
		for _, suf := range []string{"ها", "هم", "هما", "ه"} { // "سائقها", "ابنه": one person of someone's
			if base, found := strings.CutSuffix(s, suf); found && base != "احد" && base != "احدي" && (singularPersons[base] || kinPersons[base]) {
				return 1, true
			}
		}
	}
	return 0, false
}

// possessedDualPerson reports two people of someone's: a person noun's dual
// in construct, which drops its ن before the possessive ("طفلاها",
// "وطفليها", "ابناه", "شقيقيه"). The oblique "-ي" is a dual only where the
// plural is broken, as isDual reads it ("مدنييها" may be the plural). The
// five nouns take ا and ي in the singular: "أخاه", "أخيه", "أباه" are one.
func possessedDualPerson(w string) bool {
	w = strings.TrimPrefix(w, "و")
	for _, suf := range []string{"هما", "هم", "ها", "ه"} {
		base, ok := strings.CutSuffix(w, suf)
		if !ok || base == "اخا" || base == "اخي" || base == "ابا" || base == "ابي" {
			continue
		}
		if sing, ok := strings.CutSuffix(base, "ا"); ok && (singularPersons[sing] || kinPersons[sing]) || isDual(base, false) {
			return true
		}
	}
	return false
}

// kinPersons are relatives, counted as one person with a possessive: "ابنه",
// "زوجته", "شقيقها".
var kinPersons = wordSet("ابن", "ابنت", "زوج", "زوجت", "شقيق", "شقيقت", "اخ", "اخت", "والد", "والدت", "سائق",
	"اخو", "اخا", "اخي", "ابو", "ابا", "ابي") // the five nouns in construct: "أخوه", "أخاه", "أبيه"

// isDual reports whether the normalised stem s is the dual of a person noun.
// marked says the writer vowelled the ending as a dual ("-َيْن").
func isDual(s string, marked bool) bool {
	if base, ok := strings.CutSuffix(s, "ي"); ok && brokenPlural[base] {
		return true // the oblique dual before what it is of: "راعيي أغنام", "عنصري الأمن"
	}
	for _, end := range []string{"ان", "ين"} {
		base, ok := strings.CutSuffix(s, end)
		if !ok {
			continue
		}
		fem, isFem := strings.CutSuffix(base, "ت") // "طفلتان" is the dual of "طفلة"
		switch {
		case isFem && singularPersons[fem+"ه"]:
			return true
		case end == "ان" && singularPersons[base]:
			return true
		case end == "ين" && (brokenPlural[base] || marked && singularPersons[base]):
			return true
		}
	}
	return false
}

// dualMarked reports whether a word as written ends in a vowelled oblique dual:
// a fatha (with or without shadda) on the letter before the final "ين", as in
// "مدنيَّين"; the plural has a kasra there ("مدنيِّين").
func dualMarked(word string) bool {
	r := []rune(word)
	strip := func(i int) int { // skip a sukun
		for i >= 0 && r[i] == '\u0652' {
			i--
		}
		return i
	}
	i := strip(len(r) - 1)
	if i < 1 || r[i] != 'ن' {
		return false
	}
	i = strip(i - 1)
	if i < 1 || r[i] != 'ي' {
		return false
	}
	for i--; i >= 0 && (r[i] == '\u0651' || r[i] == '\u064E'); i-- {
		if r[i] == '\u064E' {
			return true
		}
	}
	return false
}
