package extract

import (
	"slices"
	"strings"
)

// A news sentence often tells two events joined by "فيما", "بينما", "في حين",
// "while": "قُتل مدنيان بغارة على بلدة X، فيما أصيب ثلاثة بقصف مدفعي على
// بلدة Y". Such a word opens a clause of its own, whose incident words and
// places are not those of the clause before.

// clauseOpeners start a clause that tells another event.
var clauseOpeners = wordSet("فيما", "بينما", "وبينما", "وفيما", "while", "whereas", "meanwhile")

// clauseStarts returns the token indices that open a clause, the first
// always 0.
func clauseStarts(toks []token) []int {
	out := []int{0}
	for i := 1; i < len(toks); i++ {
		w := toks[i].Norm
		switch {
		case clauseOpeners[w]:
			out = append(out, i)
		case w == "في" && i+1 < len(toks) && toks[i+1].Norm == "حين":
			out = append(out, i) // "في حين"
		case (w == "كما" || w == "وكما") && i+1 < len(toks) && (incidentVerb(strings.TrimPrefix(toks[i+1].Norm, "و")) || harmVerb(toks[i+1])):
			// "قُتل مدنيان بقصف على X، كما قصفت طائرة حربية Y", "…، كما (و)أصيب عنصران بانفجار
			// عبوة": another event, also told
			out = append(out, i)
		}
	}
	return out
}

// clauseOf returns the index of the clause holding token i.
func clauseOf(starts []int, i int) int {
	c := 0
	for k, s := range starts {
		if s <= i {
			c = k
		}
	}
	return c
}

// commaClauses returns, for each token, the index of the stretch between
// commas it stands in.
func commaClauses(text string, toks []token) []int {
	out := make([]int, len(toks))
	c := 0
	for i := 1; i < len(toks); i++ {
		if strings.ContainsAny(text[toks[i-1].End:toks[i].Start], "،,;؛") {
			c++
		}
		out[i] = c
	}
	return out
}

// filterTriggers keeps a sentence's incident words that report an event: in
// each stretch between commas the weak ones ("قتل") only when it has no strong
// one, none in a
// stretch that tallies a period ("خلال الأشهر الثلاثة الماضية"), and none told as
// earlier background ("كان قد اعتقل في وقت سابق").
func filterTriggers(text string, toks []token, ts []trigger) []trigger {
	if at := backgroundAt(toks); at >= 0 {
		// "وكان القيادي قد أشرف على تنفيذ هجمات": a record of deeds, not an event
		ts = slices.DeleteFunc(slices.Clone(ts), func(t trigger) bool { return t.Tok > at && pluralEvents[toks[t.Tok].Norm] })
	}
	starts := clauseStarts(toks)
	commas := commaClauses(text, toks)
	strong := map[int]bool{}
	for _, t := range ts {
		if !t.Weak {
			strong[commas[t.Tok]] = true
		}
	}
	tally := map[int][]int{} // the tally phrases of each stretch between commas
	for i := range toks {
		if periodPhrase(toks, i) || manyPlaces(toks, i) || runningTotal(toks, i) {
			tally[commas[i]] = append(tally[commas[i]], i)
		}
	}
	if frontedTally(toks, commas) {
		for i, c := range commas {
			tally[c] = append(tally[c], i)
		}
	}
	tallied := func(at int) bool {
		for _, p := range tally[commas[at]] {
			if !instanceBetween(toks, p, at) {
				return true
			}
		}
		return false
	}
	var out []trigger
	for _, t := range ts {
		t.Clause, t.Comma = clauseOf(starts, t.Tok), commas[t.Tok]
		if t.Weak && strong[commas[t.Tok]] || tallied(t.Tok) || earlierAfter(toks, t.Tok) || causeTold(toks, ts, t) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// instanceWords open the instance of what was told before them: "تكررت
// الهجمات في عدة مناطق، حيث قُتل اثنان بعبوة في بلدة X".
var instanceWords = wordSet("حيث", "اذ", "where")

// instanceBetween reports a word opening an instance between a tally phrase
// at p and an incident word at i after it: the incident is one event told.
func instanceBetween(toks []token, p, i int) bool {
	for j := p + 1; j < i; j++ {
		if toks[j].in(instanceWords) {
			return true
		}
	}
	return false
}

// causeOpeners before a definite incident word tell it as the cause of what
// the sentence tells: "على خلفية الاعتقال وقعت مواجهات", "عقب التفجير بدأت
// حملة اعتقالات", "clashes erupted after the raid".
var causeOpeners = wordSet("خلفيه", "عقب", "اثر", "بعد", "following", "after")

// causeTold reports the trigger t told, definite, as the cause of another
// event the sentence tells by a strong word of another kind: the event told
// before, not a part of the new one ("وعقب الاعتقال دارت اشتباكات قتل فيها
// عنصران" is a clash whose toll is its own).
func causeTold(toks []token, ts []trigger, t trigger) bool {
	if !toldAsCause(toks, t.Tok) {
		return false
	}
	for _, o := range ts {
		if o.Tok != t.Tok && !o.Weak && o.Typ != t.Typ && !toldAsCause(toks, o.Tok) {
			return true // before it or after: "… غارات على X، بعد تفجير الكلية في Y"
		}
	}
	return false
}

// toldAsCause reports the incident word at toks[i] definite, after a cause
// opener and the definite words joined to it: "إثر الدهم والتوقيف".
func toldAsCause(toks []token, i int) bool {
	for j := i; j >= 0 && j >= i-3; j-- {
		w := strings.TrimPrefix(toks[j].Norm, "و")
		switch {
		case j < i && toks[j].in(causeOpeners):
			return true
		case w == "the" || strings.HasPrefix(w, "ال"):
		case j == i && !isLatin(w) && i+1 < len(toks) && definite(toks[i+1].Norm):
			// "بعد تفجير الكلية": a construct with a definite noun is definite
		default:
			return false
		}
	}
	return false
}

// runningTotal reports "bringing the number of people killed … to 25",
// "raising the death toll to 9": a clause that adds the event to a total, whose
// incident words are the total's, not another event.
func runningTotal(toks []token, i int) bool {
	return toks[i].in(bringWords) && anyNear(toks, i, 1, 3, totalNouns)
}

var (
	bringWords = wordSet("bringing", "raising", "taking", "pushing")
	totalNouns = wordSet("number", "toll", "total", "tally", "count")
)

// frontedTally reports an English sentence opened by a span of time set off by
// a comma, told in the present perfect: "So far this year, 120 people have
// been killed", "Over the past month, dozens of attacks have hit X". The span
// governs the whole sentence, which counts what happened in it.
func frontedTally(toks []token, commas []int) bool {
	fronted := false
	for i := 0; i < len(toks) && i <= 3 && commas[i] == 0; i++ {
		fronted = fronted || periodPhrase(toks, i)
	}
	if !fronted || len(toks) == 0 || commas[len(toks)-1] == 0 {
		return false
	}
	return anyNear(toks, -1, 1, len(toks), perfectAux)
}

// perfectAux are the auxiliaries of the English present perfect.
var perfectAux = wordSet("have", "has")

// periodPhrase reports a span of time at toks[i] that makes a count a tally:
// "خلال الأشهر الثلاثة", "منذ تموز", "منذ مطلع العام", "over the past six months".
func periodPhrase(toks []token, i int) bool {
	if toks[i].Norm == "far" && i > 0 && toks[i-1].Norm == "so" {
		// "so far this year", "so far": a count up to now; but "a mine of so-far
		// unknown origin", "the doers are so far unidentified" tell what is not
		// known yet, of one event
		return !toks[min(i+1, len(toks)-1)].in(notYetKnown)
	}
	if partOfYear(toks, i) || warTally(toks, i) {
		return true
	}
	if !periodOpeners[toks[i].Norm] {
		return false
	}
	if spanOpeners[toks[i].Norm] {
		for j := i + 1; j < len(toks) && j <= i+3; j++ {
			if periodUnitsEN[toks[j].Norm] {
				return true // "over the past year", "during the last month": a span, not a day
			}
			if (toks[j].Norm == "few" || toks[j].Norm == "several") && j+1 < len(toks) && fewUnitsEN[toks[j+1].Norm] {
				return true // "over the past few days": a span of days not told
			}
		}
	}
	if toks[i].Norm == "since" && i+1 < len(toks) && (toks[i+1].Norm == "the" || len(toks[i+1].Norm) == 4 && isNumber(toks[i+1].Norm)) {
		return true // "since the war began", "since 2011": a period, whatever its noun
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		w := toks[j].Norm
		if toks[j].in(periodWords) || monthAt(toks, j).ok && (toks[i].in(monthSpanOpeners) || j > i+1 && toks[j-1].Norm == "شهر") || periodStarts[w] ||
			j == i+1 && (w == "العام" || w == "year") {
			return true
		}
	}
	return false
}

// notYetKnown are the words "so far" tells of one event, not of a span:
// "so far unknown", "so far unidentified", "so far unclaimed".
var notYetKnown = wordSet("unknown", "unidentified", "unclear", "undetermined", "unclaimed", "unconfirmed", "unnamed", "undisclosed")

// partOfYear reports "the first half of 2022", "the last quarter of the
// year": a count over a part of a year.
func partOfYear(toks []token, i int) bool {
	return yearParts[toks[i].Norm] && i > 0 && ordinalsEN[toks[i-1].Norm] && tokAt(toks, i+1) == "of"
}

// warTally reports a relative clause told of a war or a conflict ("the
// conflict, which has left half a million dead", "a war that has displaced
// millions"): what it counts is the war's toll, not an event.
func warTally(toks []token, i int) bool {
	if toks[i].Norm != "which" && toks[i].Norm != "that" || i == 0 {
		return false
	}
	return warNouns[toks[i-1].Norm] || i > 1 && warNouns[toks[i-2].Norm] && toks[i-1].Norm == "s"
}

var (
	yearParts  = wordSet("half", "quarter")
	ordinalsEN = wordSet("first", "second", "third", "fourth", "last")
	warNouns   = wordSet("war", "conflict", "uprising", "revolution", "crisis")
)

var periodStarts = wordSet("مطلع", "بدايه", "beginning", "start")

// monthSpanOpeners before a month name make it a span: "منذ تموز", and "خلال
// أيار" (over May, as "خلال شهر أيار"), a month's toll rather than a day's.
var monthSpanOpeners = wordSet("منذ", "خلال")

// spanOpeners open an English span of time with a singular unit ("over the
// past year"); "last week" alone is a date, so "last" and "past" are not here.
var (
	spanOpeners   = wordSet("over", "during", "throughout", "within")
	periodUnitsEN = wordSet("year", "month", "week", "decade")
	fewUnitsEN    = wordSet("days", "weeks", "months", "years")
)

// earlierWords after an incident word tell it as background: "في وقت سابق",
// "سابقاً", "earlier", "previously".
var (
	earlierWords = wordSet("سابق", "سابقا", "earlier", "previously")
	sameDayWords = wordSet("من", "اليوم", "on", "today", "this", "in", "that")
)

func earlierAfter(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+5; j++ {
		w := toks[j].Norm
		if !earlierWords[w] || w == "سابق" && toks[j-1].Norm != "وقت" {
			continue
		}
		if j+1 < len(toks) && sameDayWords[toks[j+1].Norm] {
			return false // "earlier on Tuesday", "earlier today": the same story's day
		}
		return true
	}
	return false
}

// manyPlaces reports "في عدة مناطق", "في مناطق متفرقة", "in several areas": a
// count over many places is a tally, not an incident.
func manyPlaces(toks []token, i int) bool {
	if !toks[i].in(areaPlurals) {
		return false
	}
	return anyNear(toks, i, -1, 1, manyWords)
}

// pluralEvents are incident nouns in the plural.
var pluralEvents = wordSet("هجمات", "الهجمات", "غارات", "الغارات", "عمليات", "العمليات", "تفجيرات", "التفجيرات",
	"attacks", "strikes", "bombings", "operations")

// Word sets of the rules above, built once.
var (
	areaPlurals = wordSet("مناطق", "المناطق", "areas", "regions", "provinces", "محافظات")
	manyWords   = wordSet("عده", "متفرقه", "مختلف", "several", "various", "different", "multiple")
)

// incidentVerb reports an Arabic past-tense incident verb, its subject after
// it: "قصفت", "استهدف", "اعتقلت", "قتل".
func incidentVerb(w string) bool {
	lx, ok := lookup(w)
	return ok && !lx.item && !isLatin(w) && !strings.HasPrefix(w, "ال") && !strings.HasPrefix(w, "م")
}

// harmVerb reports a verb telling people killed or wounded: "أصيب", "قتل".
func harmVerb(t token) bool {
	return !isLatin(t.Norm) && (t.in(countVerbs[countKilled]) || t.in(countVerbs[countInjured]))
}
