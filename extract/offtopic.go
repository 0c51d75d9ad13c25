package extract

import "strings"

// Sentences that use the words of incidents without reporting one: tallies
// over a period, court verdicts, commemorations, awareness campaigns; and the
// page furniture after an article (related headlines, a list of sources).

var (
	periodWords = wordSet("اشهر", "شهور", "سنوات", "اسابيع", "اعوام", "months", "years", "weeks")
	// verdictWords are the words of courts and sentences: what they judge is past.
	verdictWords = wordSet("محكمه", "محاكم", "احكام", "حكما", "قضت", "القاضي", "قاضي", "جنايات", "محكوم",
		"المحكومين", "محكومين", "بجرم", "الاشغال", "المؤبد", "غيابيه", "غيابي", "court", "courts", "sentenced",
		"verdict", "convicted", "tribunal", "trial",
		// a sentence handed down and who stands trial: "was given a life sentence", "his co-defendant"
		"sentence", "sentences", "defendant", "defendants", "prosecutors", "indictment")
	// memorialWords mark a commemoration of a past event.
	memorialWords = wordSet("ذكري", "الذكري", "ذكراها", "ذكراه", "تخليدا", "تخليد", "وقفه", "وقفات", "anniversary",
		"commemorate", "commemorated", "commemorating", "commemoration", "commemorations", "commemorative", "memorial", "vigil")
	// campaignWords mark awareness and training work about a danger.
	campaignWords = wordSet("توعيه", "التوعيه", "توعويه", "التوعويه", "ورشه", "تدريبيه", "جلسات", "awareness",
		"workshop", "workshops")
	// campaignNouns opening a sentence right after one about an awareness
	// campaign refer back to it: "The campaign targeted farmers in …".
	campaignNouns = wordSet("campaign", "الحمله", "حمله", "workshop", "الورشه", "sessions", "الجلسات")
	// furniture lines end an article and start the page's other content.
	furniture = []string{"مقالات ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "أخبار ذات صلة", "المصادر",
		"المراجع", "related articles", "related news", "read more", "read also", "sources", "see also"}
	periodOpeners = wordSet("خلال", "منذ", "مدي", "بعد", "over", "past", "during", "last", "since")
	newTopicWords = wordSet("سياق", "جهه", "حادثه", "منفصل", "صعيد", "بالتزامن", "meanwhile", "separately",
		"elsewhere", "separate", "context") // "In a related context", "On the same context": as "في سياق متصل"
)

// isSummary reports a trend or a documented tally (see isTrend, isTally);
// tallies over a period within a sentence are left out by filterTriggers.
func isSummary(toks []token) bool {
	return isTrend(toks) || isTally(toks) || countedEvents(toks) || rateTally(toks)
}

// rateTally reports a rate of events: "an average of six blasts per day",
// "بمعدل ثلاث حالات يومياً". A rate counts many events over a period.
func rateTally(toks []token) bool {
	for i, t := range toks {
		if !t.in(averageWords) {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+8; j++ {
			if toks[j].in(rateUnits) || toks[j].Norm == "per" && j+1 < len(toks) && toks[j+1].in(periodUnits) {
				return true
			}
		}
	}
	return false
}

var (
	averageWords = wordSet("average", "rate", "معدل", "بمعدل", "متوسط", "بمتوسط")
	rateUnits    = wordSet("daily", "weekly", "monthly", "يوميا", "اسبوعيا", "شهريا")
	periodUnits  = wordSet("day", "week", "month", "year")
)

// eventNouns counted by a number make a tally: "نحو 40 عملية", "15 غارة".
var eventNouns = wordSet("عمليه", "عمليات", "غاره", "غارات", "ضربه", "ضربات", "هجوما", "هجمات", "حمله",
	"اغتيالات", "تفجيرات", "جرائم", "جريمه",
	"operations", "strikes", "raids", "attacks", "murders", "killings", "crimes", "assassinations", "bombings",
	"explosions", "kidnappings", "abductions", "shootings")

// caseNouns counted by a number make a tally when an incident word follows:
// "347 حالة اعتقال", "120 cases of kidnapping" (not "حالات خطيرة").
var caseNouns = wordSet("حاله", "حالات", "cases", "incidents")

// countedEvents reports events counted by a number over a period: "نفذت نحو
// 40 عملية ضد مهربي المخدرات خلال العام الماضي".
func countedEvents(toks []token) bool {
	counted, many, period, aimed := false, false, false, false
	for i := range toks {
		if v, n := parseNumber(toks, i); n > 0 && v >= 3 && v < 1000 && eventNounWithin(toks, i+n, 4) { // not "ديسمبر 2025 هجوماً"
			counted, many = true, many || v >= 10
			aimed = aimed || anyNear(toks, i+n, 1, 10, oneTargetTypes) || anyNear(toks, 0, 0, 2, responseWords)
		}
		period = period || periodPhrase(toks, i)
	}
	// "launched 30 rocket and drone attacks": a tally with or without its period;
	// but "شن الطيران 15 غارة على مدينة X", "carried out 12 raids on areas in the
	// city of X": one day's wave on one town, told by the count of its strikes
	return counted && (period || many && !aimed)
}

// oneTargetTypes are the type words of one place a wave of strikes is aimed
// at: "على مدينة X", "on the town of Y".
var oneTargetTypes = wordSet("مدينه", "بلده", "قريه", "حي", "مخيم", "city", "town", "village", "neighbourhood", "neighborhood", "camp", "desert")

// responseWords open a sentence telling a wave of strikes as the answer to
// the event told before: "In response, jets carried out 50 raids on …".
var responseWords = wordSet("response", "retaliation", "ردا")

// toldPeople after a number say it counts people, not events: "وأصيب 30
// آخرون بغارة", "سقط 15 قتيلاً في غارات" are one strike's toll, no tally of
// strikes.
var toldPeople = wordSet("اخرون", "اخرين", "اخريات", "قتيلا", "قتيل", "قتلي", "جريحا", "جريح", "جرحي",
	"مصابا", "مصابين", "ضحيه", "ضحايا")

// eventNounWithin reports an event noun at toks[from] or after up to n-1
// modifiers ("44 ground and air attacks", "15 غارة جوية").
func eventNounWithin(toks []token, from, n int) bool {
	for j := from; j < len(toks) && j < from+n; j++ {
		if toks[j].in(eventNouns) {
			return true
		}
		if toks[j].in(caseNouns) {
			if j > from && isLatin(toks[j].Norm) && lexiconWord(toks[j-1].Norm) {
				return true // "22 abduction cases": the English noun of the kind before
			}
			k := j + 1
			if k < len(toks) && toks[k].Norm == "of" {
				k++
			}
			_, ok := lookup(toks[min(k, len(toks)-1)].Norm)
			return k < len(toks) && ok
		}
		if isNumber(toks[j].Norm) || personNouns[toks[j].Norm] || toks[j].in(toldPeople) || enPersons[toks[j].Norm] || monthAt(toks, j).ok {
			return false // "14 ديسمبر، جراء غارات", "on 14 December, airstrikes": a day, not a count
		}
		if _, ok := enMonths[toks[j].Norm]; ok {
			return false
		}
	}
	return false
}

// isOffTopic reports a sentence about a court, a commemoration or an awareness
// campaign: its incident words tell of the past or of dangers, not of an event.
func isOffTopic(toks []token) bool {
	for i, t := range toks {
		if t.in(verdictWords) || t.in(memorialWords) || t.in(campaignWords) || yearsSince(toks, i) || onThisDay(toks, i) || inMemoryOf(toks, i) ||
			deathSentence(toks, i) {
			return true
		}
	}
	return false
}

// deathSentence reports a death sentence told or carried out: "حكم
// الإعدام", "تنفيذ حكم الإعدام بحق", "قضت بالإعدام": a court's, not an event.
func deathSentence(toks []token, i int) bool {
	w := toks[i].Norm
	return w == "بالاعدام" || (w == "حكم" || w == "احكام" || w == "لاحكام" || w == "الحكم") && tokAt(toks, i+1) == "الاعدام"
}

// inMemoryOf reports a gathering that remembers the dead of a past event:
// "to remember the victims of", "mourned the dead of", "in memory of".
func inMemoryOf(toks []token, i int) bool {
	t := toks[i]
	if !isLatin(t.Norm) {
		return false
	}
	if t.Norm == "memory" {
		return tokAt(toks, i-1) == "in" && tokAt(toks, i+1) == "of"
	}
	return t.in(rememberWordsEN) && anyNear(toks, i, 1, 3, theDeadEN)
}

var (
	rememberWordsEN = wordSet("remember", "remembered", "remembering", "honour", "honor", "honoured", "honored", "honouring",
		"honoring", "mourn", "mourned", "mourning")
	theDeadEN = wordSet("victims", "dead", "martyrs", "those", "fallen")
)

// yearsSince reports "N years since", "مرور N أعوام على": the time passed
// since an event, told on its anniversary ("the day marked ten years since
// the killings"), not the event.
func yearsSince(toks []token, i int) bool {
	w := toks[i].Norm
	if (w == "years" || w == "decade" || w == "decades") && tokAt(toks, i+1) == "since" && i > 0 {
		_, ok := enNumberValue(toks[i-1].Norm)
		return ok || isNumber(toks[i-1].Norm) || toks[i-1].Norm == "a"
	}
	return (w == "مرور" || w == "بمرور") && anyNear(toks, i, 1, 3, yearNouns)
}

var yearNouns = wordSet("اعوام", "عاما", "سنوات", "سنه", "عام", "عقد")

// onThisDay reports "في مثل هذا اليوم" with years told after it ("قبل
// عامين", "من عام 2019"), "on this day N years ago": an anniversary's
// telling of the event, not the event.
func onThisDay(toks []token, i int) bool {
	w := toks[i].Norm
	switch {
	case w == "مثل" && tokAt(toks, i+1) == "هذا" && (tokAt(toks, i+2) == "اليوم" || tokAt(toks, i+2) == "الشهر"):
		i += 2
	case w == "on" && tokAt(toks, i+1) == "this" && tokAt(toks, i+2) == "day":
		i += 2
	default:
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+8; j++ {
		if toks[j].in(yearNouns) || toks[j].Norm == "years" || toks[j].Norm == "year" || len(toks[j].Norm) == 4 && isNumber(toks[j].Norm) {
			return true
		}
	}
	return false
}

// elaborates reports a sentence opening with "فقد" or "حيث": it tells more
// of the one before, and is of its topic.
func elaborates(toks []token) bool {
	return len(toks) > 0 && (toks[0].Norm == "فقد" || toks[0].Norm == "حيث")
}

// isNewTopic reports an opener that starts another story: "في سياق آخر", "من
// جهة أخرى", "وفي حادثة منفصلة", "Meanwhile", "In a separate incident".
//
// The incident told with the article ("ووقعت الحادثة في بلدة X") is the one
// just told, now placed: no other story.
func isNewTopic(toks []token) bool {
	for j := 0; j < len(toks) && j < 4; j++ {
		if toks[j].in(newTopicWords) && !(toks[j].in(incidentNouns) && (definite(toks[j].Norm) || j+1 < len(toks) && definite(toks[j+1].Norm))) {
			return true // but "الحادثة", and "حادثة الخطف", a construct with a definite noun: the one told
		}
		if toks[j].Norm == "other" && tokAt(toks, j+1) == "hand" {
			return true // "On the other hand, …", as "من جهة أخرى"
		}
	}
	return false
}

// incidentNouns are the words of newTopicWords that name an incident.
var incidentNouns = wordSet("حادثه")

// definite reports an Arabic word with the article, after a conjunction or
// preposition glued to it: "الحادثة", "والحادثة", "بالحادثة".
func definite(w string) bool {
	for _, pre := range []string{"", "و", "ف", "ب", "وب"} {
		if rest, ok := strings.CutPrefix(w, pre); ok && strings.HasPrefix(rest, "ال") {
			return true
		}
	}
	return strings.HasPrefix(w, "لل")
}

// isBackground reports the pluperfect "كان ... قد" of background in Arabic news,
// and the openers "في وقت سابق" and "يذكر أن", told before any incident word:
// a sentence that tells an event first and then its background ("وأدى القصف
// إلى جرح عاملين، كما ذكر المصدر أن المعبر كان قد تعرض لهجمات") is
// the event's.
func isBackground(toks []token) bool {
	at := backgroundAt(toks)
	if at < 0 {
		return false
	}
	for _, t := range toks[:at] {
		if _, ok := lookup(t.Norm); ok {
			return false
		}
	}
	return true
}

// backgroundAt returns the index of the word that opens a sentence's
// background ("كان" of "كان … قد", "وقت" of "في وقت سابق", an opener such as
// "يذكر"), or -1 if none.
func backgroundAt(toks []token) int {
	for i, t := range toks {
		if t.Norm == "وقت" && anyNear(toks, i, 1, 1, previousWords) || i < 2 && t.in(notedWords) {
			return i
		}
		if t.in(wasWords) {
			for j := i + 1; j < len(toks) && j <= i+6; j++ {
				if toks[j].Norm == "قد" {
					return i
				}
			}
			if i == 0 && anyNear(toks, i, 1, 5, sawWords) {
				return i // "وكان حي X شهد في 21 أكتوبر تفجيراً": what the place had seen, without "قد"
			}
		}
	}
	return -1
}

// sawWords tell what a place or a person had undergone, after an opening
// "كان": "وكان الحي شهد", "وكانت البلدة تعرضت".
var sawWords = wordSet("شهد", "شهدت", "تعرض", "تعرضت")

// bodyEnd is where an article's text ends: at a line that heads the page's
// related headlines or its list of sources.
func bodyEnd(text string) int {
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		l := strings.TrimRight(strings.TrimSpace(line), ":：")
		if len(l) > 4*longestFurniture {
			off += len(line)
			continue // a paragraph: lowered, it keeps a byte of every rune (of 4 at most), more than any heading has
		}
		l = strings.ToLower(l)
		for _, f := range furniture {
			if l == f {
				return off
			}
		}
		off += len(line)
	}
	return len(text)
}

// longestFurniture is the length in bytes of the longest furniture line.
var longestFurniture = func() (n int) {
	for _, f := range furniture {
		n = max(n, len(f))
	}
	return n
}()

// Word sets of the rules above, built once.
var (
	previousWords = wordSet("سابق")
	notedWords    = wordSet("يذكر")
	wasWords      = wordSet("كان", "كانت", "كانوا")
)
