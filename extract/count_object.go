package extract

import (
	"maps"
	"strings"
	"sync"
)

// A verb of arrest or killing may stand far from its number when the agent
// comes between: "اعتقلت دورية تابعة للأمن الداخلي شخصين", "اعتقلت قسد خلال
// حملة مداهمات في منبج 9 شبان". Such a number is taken only when a person
// noun follows it, and only before anything that starts a new clause.

var (
	// pluralPersons are people counted by a number before them: "11 شاباً"
	// is singular after 11..99, "ثلاثة شبان" plural after 3..10.
	pluralPersons = wordSet("اشخاص", "شبان", "مدنيين", "عناصر", "مطلوبين", "متهمين", "مشتبه", "اطفال", "نساء",
		"رجال", "مقاتلين", "افراد", "مسلحين", "جنود", "ضباط", "مواطنين", "عمال", "طلاب", "شخصا", "شابا", "عنصرا",
		"سوريين", "عسكريين", "ارهابيين", "نساء", "فتيات", "رعاه", "مزارعين", "موظفين", "مهربين", "مشتبهين",
		"مدنيا", "مطلوبا", "متهما", "مقاتلا", "جنديا", "مهاجمين", "مهاجما", "انتحاريين")
	// ordinalPersons after a verb of injury or death are one more person: "وأصيب ثالث".
	ordinalPersons = wordSet("ثالث", "ثالثه", "رابع", "رابعه", "خامس", "خامسه", "سادس", "اخر", "اخري")
	// otherPairs after a verb of injury or death are two more people: "وجرح آخران".
	otherPairs = wordSet("اخران", "اخريان")
	// assassinWords are counts of the killed only when the attempt succeeded.
	assassinWords = wordSet("اغتيال", "اغتال")
	attemptWords  = wordSet("محاوله", "محاولات")
	// clauseWords end the stretch an agent may fill.
	clauseWords = wordSet("بعد", "قبل", "اثر", "عقب", "حيث", "بينما", "فيما", "الذي", "التي", "الذين")
)

// objectCount looks past the agent of a verb for its counted object: up to
// eight words that are not dates or places, stopping at another count word, a
// clause word or a number not followed by a person noun.
func objectCount(toks []token, j int, k countKind, skip []span) (count, bool) {
	seen := 0
	for ; j < len(toks) && seen < 12; j++ {
		if inSpans(toks[j].Start, skip) {
			continue
		}
		w := toks[j].Norm
		if _, day := weekdays[strings.TrimPrefix(w, "و")]; day {
			continue // "يوم الإثنين" is no "اثنين"
		}
		if clauseWords[w] || isCountWord(w) {
			return count{}, false
		}
		if v, n := parseNumber(toks, j); n > 0 {
			if j+n < len(toks) && isPersonNoun(toks, j+n) && v > 0 && v <= 5000 {
				return withFollowers(toks, j+n, count{Kind: k, Value: &v, Pos: toks[j].Start}), true
			}
			return count{}, false
		}
		if seen > 0 && oneMoreAfterName(toks, j) {
			v := 2 // "اعتقل الأستاذ X Y وشخصاً آخر": the one named before, and another
			return count{Kind: k, Value: &v, Pos: toks[j].Start}, true
		}
		if n, ok := personCount(toks[j]); ok && (strings.HasSuffix(w, "ين") || strings.HasSuffix(w, "ا") || n == 2 && strings.HasSuffix(w, "ي")) {
			return withFollowers(toks, j+1, count{Kind: k, Value: &n, Pos: toks[j].Start}), true // "شخصين", "قيادياً", "راعيي أغنام"
		}
		seen++
	}
	return count{}, false
}

// isPersonNoun reports a person noun at toks[i], or "من" and a person noun
// ("ثلاثة من المتهمين").
func isPersonNoun(toks []token, i int) bool {
	if toks[i].Norm == "من" && i+1 < len(toks) {
		i++
	}
	return toks[i].in(pluralPersons) || toks[i].in(singularPersons)
}

// isCountWord reports a word that introduces a count of its own.
func isCountWord(w string) bool {
	verbs, nouns := countWordSets()
	return stemIn(w, verbs) && !onForm(w) || stemIn(w, nouns)
}

// countWordSets are the count verbs and nouns of all kinds, each in one set,
// so that a word is looked up once, not once a kind.
var countWordSets = sync.OnceValues(func() (map[string]bool, map[string]bool) {
	verbs, nouns := map[string]bool{}, map[string]bool{}
	for k := countKilled; k <= countArrested; k++ {
		maps.Copy(verbs, countVerbs[k])
		maps.Copy(nouns, countNouns[k])
	}
	return verbs, nouns
})

// onForm reports "على" with its proclitics or suffixes ("وعلى", "عليها") and
// words that end like one ("عليا"): a count word only after "القبض".
func onForm(w string) bool {
	for _, f := range wordForms(w) {
		if f == "علي" {
			return true
		}
	}
	return false
}

// definiteNumber reads "الثلاثة", "الأربعة" after a noun: its value.
func definiteNumber(t token) (int, bool) {
	rest, ok := strings.CutPrefix(t.Norm, "ال")
	if !ok {
		return 0, false
	}
	v, ok := units[rest]
	return v, ok && v >= 3 // "الاثنين" is Monday more often than "the two"
}
