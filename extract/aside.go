package extract

// Sentences that mention incidents without reporting one: the reason or
// setting of the story ("ويأتي ذلك بعد أيام من هجوم ..."), a trend ("وتشهد
// المنطقة منذ مطلع العام حوادث خطف متكررة") and a documented tally ("وثق
// المكتب مقتل 40 شخصاً خلال تشرين الثاني").

var (
	comesWords = wordSet("ياتي", "تاتي", "جاء", "جاءت")
	thisWords  = wordSet("ذلك", "هذا", "هذه")
	trendVerbs = wordSet("تشهد", "يشهد", "تتكرر", "تكررت", "تتواصل", "تستمر", "يتكرر", "تكرر")
	tallyWords = wordSet("وثق", "وثقت", "توثيق", "حصيله", "احصائيه", "احصائيات", "يرتفع", "ارتفع", "ليرتفع",
		// a monitor's report over the period: "أفادت الشبكة في تقريرها بأن عدد القتلى خلال شهر آب بلغ …"
		"رصد", "رصدت", "تقرير", "تقريرها", "تقريره", "التقرير",
		// "وسجّلت الشبكة مقتل مدنيين خلال الشهر الماضي": what a monitor recorded over the month
		"سجل", "سجلت", "وسجلت", "وسجل",
		// "Since March 2019, the toll of those assassinated has risen to 512"
		"number", "toll", "tally", "documented", "increased", "rose", "risen",
		// "the results of the year's first quarter"
		"results", "statistics", "نتائج")
	// startWords name the start of a period: "the beginning of 2025", "مطلع العام"
	startWords = wordSet("beginning", "start", "مطلع", "بدايه", "اول")
	// yearPartWords name a part of a year: "the second half of 2025", "الربع الأول"
	yearPartWords = wordSet("half", "quarter", "النصف", "الربع")
	sinceWords    = wordSet("منذ", "since")
	duringWords   = wordSet("خلال", "during")
)

// isAside reports "ويأتي ذلك ..." among the first words: the sentence sets the
// story in context, and the incidents it names were reported before.
func isAside(toks []token) bool {
	for i := 0; i < len(toks) && i < 3; i++ {
		if toks[i].in(comesWords) && anyNear(toks, i, 1, 2, thisWords) {
			return true
		}
		if (toks[i].Norm == "comes" || toks[i].Norm == "came") && i > 0 && (toks[i-1].Norm == "this" || toks[i-1].Norm == "it") &&
			asideLinksEN[tokAt(toks, i+1)] {
			return true // "This comes as part of …", "It came amid …"
		}
	}
	return false
}

// asideLinksEN follow "This comes" in an English aside.
var asideLinksEN = wordSet("as", "amid", "after", "in", "within", "following", "days", "weeks", "hours", "a", "one", "two", "three")

// isTrend reports a verb of recurrence with "منذ": "وتشهد المحافظة منذ سنوات".
func isTrend(toks []token) bool {
	verb, since := false, false
	for _, t := range toks {
		verb = verb || t.in(trendVerbs)
		since = since || sinceWords[t.Norm]
	}
	return verb && since
}

// isTally reports a documented count over a month or more: a tally word and
// "خلال" or "منذ" before a month or period.
func isTally(toks []token) bool {
	tally, period := false, false
	for i, t := range toks {
		tally = tally || t.in(tallyWords)
		if t.in(periodAdjectives) || t.Norm == "in" && wholeMonthEN(toks, i+1) {
			period = true // "its worst monthly toll", "the deaths of 2,100 people in May 2019"
		}
		if sinceWords[t.Norm] || duringWords[t.Norm] {
			_, enMonth := enMonths[tokAt(toks, i+1)]
			period = period || monthAt(toks, i+1).ok || monthAt(toks, i+2).ok && toks[i+1].Norm == "شهر" ||
				anyNear(toks, i, 1, 2, monthWords) || enMonth
		}
	}
	return tally && (period || yearPart(toks)) || sinceYearStart(toks) && manyCounted(toks)
}

// periodAdjectives tell a tally of a period: "the monthly death toll".
var periodAdjectives = wordSet("monthly", "annual", "yearly", "الشهريه", "السنويه")

// wholeMonthEN reports an English month and its year with no day at toks[i]:
// "September 2017".
func wholeMonthEN(toks []token, i int) bool {
	_, ok := enMonths[tokAt(toks, i)]
	y := tokAt(toks, i+1)
	return ok && len(y) == 4 && isNumber(y)
}

// sinceYearStart reports a period running from a year or its start: "since
// 2019", "since the beginning of 2025", "منذ مطلع العام", "منذ بداية عام
// 2024". Not "since Monday": a clash of some days is one event.
func sinceYearStart(toks []token) bool {
	for i, t := range toks {
		if !sinceWords[t.Norm] {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			w := toks[j].Norm
			if isNumber(w) && len(w) == 4 || w == "العام" && j > i+1 && toks[j-1].in(startWords) || w == "year" && j > i+2 && anyNear(toks, j, -3, -1, startWords) {
				return true
			}
		}
	}
	return false
}

// manyCounted reports a count of twenty or more in the words: a figure of a
// period, where one event's toll is rarely that high.
func manyCounted(toks []token) bool {
	for i := range toks {
		if v, n := parseNumber(toks, i); n > 0 && v >= 20 && v <= 100000 && !(n == 1 && len(toks[i].Norm) == 4 && v >= 1900 && v <= 2100) {
			return true
		}
	}
	return false
}

// yearPart reports a half or a quarter of a year told as a period: "the
// second half of 2025", "the first quarter of the year", "النصف الأول من
// عام 2024", "الربع الأخير من العام".
func yearPart(toks []token) bool {
	for i, t := range toks {
		if !t.in(yearPartWords) {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if isNumber(toks[j].Norm) && len(toks[j].Norm) == 4 || toks[j].Norm == "year" || toks[j].Norm == "العام" {
				return true
			}
		}
	}
	return false
}

// Word sets of the rules above, built once.
var (
	monthWords = wordSet("الشهر", "العام", "مطلع", "بدايه")
)
