package extract

import (
	"fmt"
	"slices"
	"strings"
)

// Counts of one incident are sometimes told in pieces. Two are added up, and
// only these: people joined by "و" right after a count ("إصابة طفلين وامرأة" is
// three), and a later count of the same kind marked "آخرين" ("وقُتل اثنان آخران")
// in a sentence told about the same incident.

// otherWords mark people besides those already counted.
var otherWords = wordSet("اخرين", "اخرون", "اخران", "اخر", "اخري", "اخريات")

// withFollowers completes the count c whose words end before toks[i]: it adds
// the people joined to it by "و" and marks it More when "آخرين" follows.
func withFollowers(toks []token, i int, c count) count {
	if i < len(toks) && !isNumber(toks[i].Norm) && !otherWords[toks[i].Norm] && !strings.HasPrefix(toks[i].Norm, "و") {
		if _, ok := personCount(toks[i]); ok || !isCountNoun(toks[i].Norm) {
			i++ // the counted noun: "3 مدنيين", "طفلين"
		}
	}
	if oneAfterNoun(toks, i, c) {
		i++ // "شخص واحد": the noun's numeral, not "و" and "أحد" (and one more)
	}
	for i < len(toks) {
		if n, used := joinedPersons(toks, i); used > 0 {
			*c.Value += n
			i += used
			continue
		}
		if n, used := joinedMembers(toks, i); used > 0 {
			*c.Value += n // "متزعم الخلية وأربعة من أفرادها", "عنصرين من الأمن العام وثلاثة من المسلحين"
			i += used
			continue
		}
		break
	}
	if i < len(toks) && c.Value != nil && vagueJoined(toks[i]) && !anyCountWord(toks, i+1, i+4) {
		// "قتل رجلان وعدد لم يحدد من العناصر": so many and some more is no number
		return count{Kind: c.Kind, Pos: c.Pos, Note: fmt.Sprintf("%s count told with a vague number more (%q): not taken", c.Kind, toks[i].Norm)}
	}
	if oneMoreAfterName(toks, i) {
		*c.Value++ // "اعتقل المعلم أحمد الخطيب وشخصاً آخر": the one named, and another
	} else {
		c.More = i < len(toks) && otherWords[toks[i].Norm]
	}
	return c
}

// vagueJoined reports "وعدد", "وعشرات", "والعديد": people joined to a count
// by "و" with no number of their own.
func vagueJoined(t token) bool {
	rest, ok := strings.CutPrefix(t.Norm, "و")
	if !ok {
		return false
	}
	_, vague := vagueWords[rest]
	return vague && rest != "اخرون" && rest != "اخرين" || rest == "عدد"
}

// anyCountWord reports a count verb or noun among toks[from:to]: "وعدد من
// الجرحى" after the dead counts the hurt, not more dead.
func anyCountWord(toks []token, from, to int) bool {
	for j := from; j < to && j < len(toks); j++ {
		if isCountWord(toks[j].Norm) {
			return true
		}
	}
	return false
}

// anotherOne after a singular person noun makes it one more: "وشخصاً آخر".
var anotherOne = wordSet("اخر", "اخرا")

// oneMoreAfterName reports "و" and a singular person noun with "آخر" after
// at most three words of a person's name from i: "المعلم أحمد الخطيب
// وشخصاً آخر" counts the teacher and another.
func oneMoreAfterName(toks []token, i int) bool {
	for a := i; a < len(toks) && a <= i+12; a++ {
		w := toks[a].Norm
		if strings.HasPrefix(w, "و") {
			n, ok := personCount(toks[a])
			return ok && n == 1 && a+1 < len(toks) && anotherOne[toks[a+1].Norm]
		}
		if isNumber(w) || clauseWords[w] || isCountWord(w) {
			return false
		}
	}
	return false
}

// oneAfterNoun reports "واحد" or "واحدة" at toks[i] right after a count of one
// ("قتل شخص واحد", "طفلة واحدة"): the numeral agreeing with its noun, when what
// follows it is no noun it governs: the sentence goes on with a preposition,
// a conjunction or "على الأقل", or ends. "وأحد عناصر الأمن" (and one of the
// security men), which normalising spells alike, goes on to the noun of whom.
func oneAfterNoun(toks []token, i int, c count) bool {
	if i >= len(toks) || c.Value == nil || *c.Value != 1 || toks[i].Norm != "واحد" && toks[i].Norm != "واحده" {
		return false
	}
	if i+1 >= len(toks) || toks[i+1].Start > toks[i].End+1 {
		return true // the sentence ends, or punctuation follows
	}
	next := toks[i+1].Norm
	return oneFollowers[next] || strings.HasPrefix(next, "و") || strings.HasPrefix(next, "ب") && !strings.HasPrefix(next, "بن")
}

// oneFollowers may follow the numeral "واحد" after its noun.
var oneFollowers = wordSet("علي", "في", "فقط", "جراء", "اثر", "بسبب", "خلال", "عند", "داخل", "قرب", "بعد", "منذ",
	"حتي", "اثناء")

// joinedMembers reads, within three words of a count, "وأربعة من أفرادها",
// "و3 من المسلحين", or within eight "بالإضافة إلى خمسة مدنيين" or "و" after
// the group the count is of ("عناصر من قوى الأمن وقوات الحماية وطفلين"): more
// people of the same count, of another group. It returns the number and the
// tokens used, or 0, 0.
func joinedMembers(toks []token, i int) (int, int) {
	ofGroup := tokAt(toks, i) == "من" // "عناصر من قوى الأمن": the group the count is of, named after it
	for gap := 0; gap <= 8 && i+gap < len(toks); gap++ {
		j := i + gap
		if gap > 0 && (isCountWord(toks[j-1].Norm) || isNumber(toks[j-1].Norm) || clauseWords[toks[j-1].Norm] || subgroup[toks[j-1].Norm]) {
			// "9 أشخاص بينهم طفل و4 من العمال": a part of the count, not more people
			return 0, 0
		}
		rest, ok := strings.CutPrefix(toks[j].Norm, "و")
		n := 0
		switch {
		case toks[j].in(additionWords) && j+2 < len(toks) && toks[j+1].Norm == "الي":
			// "19 عنصراً من الفصيل بالإضافة إلى أربعة مدنيين": the group named at
			// length, then the others
			if v, used := parseNumber(toks, j+2); used == 1 {
				n, j = v, j+2
			} else if v, isPerson := personCount(toks[j+2]); isPerson {
				return v, j + 3 - i // "أربعة لصوص، إضافة إلى زعيمهم": and their leader
			}
		case gap > 3 && !(ofGroup && !whereBetween(toks, j-gap, j)):
			// "و" joins what follows the count closely, or after the group it is of
			// ("سبعة عناصر من قوى الأمن وقوات الحماية وطفلين"); "بالإضافة إلى" may come
			// after the group's name
			continue
		case ok && rest != "":
			bare := slices.Clone(toks[j : j+1])
			bare[0].Norm = rest
			if v, isPerson := personCount(bare[0]); isPerson && gap > 1 && ofGroup {
				return v, j + 1 - i // "… من قوى الأمن وقوات الحماية وطفلين": people of no number word, after the group
			}
			if v, used := parseNumber(bare, 0); used == 1 {
				n = v
			}
		case toks[j].Norm == "و" && j+1 < len(toks):
			if v, used := parseNumber(toks, j+1); used == 1 {
				n, j = v, j+1
			}
		}
		if n > 0 && n <= 5000 && j+1 < len(toks) && toks[j+1].Norm == "من" {
			return n, j + 2 - i
		}
		if n > 0 && n <= 5000 && j+1 < len(toks) && toks[j+1].in(pluralPersons) {
			return n, j + 2 - i // "خمسة مدنيين، وثلاثة عناصر"
		}
	}
	return 0, 0
}

// whereWords tell where, between a count and more people joined to it: the
// people after them are of another place, maybe another event.
var whereWords = wordSet("في", "علي", "الي", "عند", "قرب", "داخل", "بين")

// whereBetween reports a word of whereWords, as written, in toks[from:to]
// ("الداخلي" is an adjective, not "داخل").
func whereBetween(toks []token, from, to int) bool {
	for k := max(from, 0); k < to && k < len(toks); k++ {
		if whereWords[toks[k].Norm] {
			return true
		}
	}
	return false
}

// additionWords, with "إلى", add people to those counted: "بالإضافة إلى".
var additionWords = wordSet("بالاضافه", "اضافه")

// joinedPersons reads "وامرأة", "وطفلين", "و3 أطفال" at toks[i]: the number of
// people and the tokens used, or 0, 0.
func joinedPersons(toks []token, i int) (int, int) {
	t := toks[i]
	if rest, ok := strings.CutPrefix(t.Norm, "و"); ok && rest != "" {
		bare := t
		bare.Norm = rest
		if n, ok := personCount(bare); ok {
			return n, 1
		}
		return 0, 0
	}
	if t.Norm != "و" || i+2 >= len(toks) {
		return 0, 0
	}
	v, n := parseNumber(toks, i+1)
	noun := toks[i+1+n].Norm
	if n == 0 || v > 5000 || stemIn(noun, notPersons) || monthAt(toks, i+1+n).ok || isCountNoun(noun) {
		return 0, 0
	}
	return v, 1 + n
}

// isCountNoun reports a noun that introduces a count of its own: "5 جرحى".
func isCountNoun(w string) bool {
	_, nouns := countWordSets()
	return stemIn(w, nouns)
}

// addCount adds a count told as "آخرين" to the one a draft already has.
func (d *draft) addCount(k countKind, v int) {
	sum := *d.counts[k] + v
	d.counts[k] = &sum
	note := k.String() + ": counts told in separate clauses added up"
	if !strings.Contains(strings.Join(d.notes, "|"), note) {
		d.notes = append(d.notes, note)
	}
}
