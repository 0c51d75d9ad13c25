package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The date precisions of the incidents package.
const (
	PrecisionDay   = "day"
	PrecisionRange = "range"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// dateMention is a date expression found in a sentence. From and To are UTC
// midnights, both zero when the expression could not be resolved (a relative
// date without a publication date); Note then says why.
type dateMention struct {
	Start, End int // byte span in the text
	From, To   time.Time
	Prec       string
	Relative   bool // resolved against the publication date
	Reported   bool // follows a reporting verb: "أعلنت يوم الأحد"
	Anchored   bool // told from an earlier date of the story: "في اليوم التالي"
	Offset     int  // days from that date, for an anchored mention
	Note       string
	Key        string    // for an unresolved date, its weekday or words: two tellings of one day share it
	Since      bool      // "منذ مارس 2019", "since 2014": where a period starts, not when something happened
	Charge     bool      // told in what someone is charged with ("accused of killing two last year"): not when the event told happened
	Inferred   bool      // its year was inferred (see byWeekday); Note says how
	todayOff   int       // for "اليوم", "أمس", "yesterday": days from the day of writing
	isToday    bool      // todayOff is set
	agoDays    int       // "ten days ago": this many days before publication or before a source spoke
	storyDay   time.Time // the day of writing this date fixes: "اليوم الجمعة 14 شباط"
}

// resolved reports whether the mention has a date.
func (d dateMention) resolved() bool { return !d.From.IsZero() }

// dateContext is what relative and year-less dates are resolved against.
type dateContext struct {
	published time.Time // UTC midnight of the article's day, or the day the text calls today; zero if unknown
	dayNote   string    // when published is a day the text calls today with an inferred year: that note
	leadDay   time.Time // with no publication date: the first full date the passage tells (see storyDay), for "الأربعاء الفائت"
	year      int       // a year stated elsewhere in the passage; 0 if none
	yearDay   time.Time // with no publication date and no year stated: a day told before whose year a weekday gave
	today     time.Time // the day of reading, for a year inferred from a weekday; zero: none is
	era       era       // the years the passage's names allow
}

// dateScan walks the tokens of one sentence.
type dateScan struct {
	toks []token
	text string
	ctx  dateContext
}

// findDates returns the date expressions in toks, in order.
func findDates(toks []token, text string, ctx dateContext) []dateMention {
	s := dateScan{toks: toks, text: text, ctx: ctx}
	var out []dateMention
	for i := 0; i < len(toks); {
		d, n := s.at(i)
		if n == 0 {
			i++
			continue
		}
		d.Start, d.End = toks[i].Start, toks[i+n-1].End
		if !d.resolved() {
			d.Key = dateKey(toks[i : i+n])
		}
		d.Since = i > 0 && (toks[i-1].Norm == "منذ" || toks[i-1].Norm == "since")
		d.Reported = i > 0 && toks[i-1].in(reportWords) ||
			i > 1 && toks[i-2].in(reportWords) && (toks[i-1].Norm == "يوم" || toks[i-1].Norm == "on")
		out = append(out, d)
		i += n
	}
	return joinRanges(toks, dropRedundant(toks, out))
}

// rangeWords join the first and last day of a span told with a verb of
// going on between them: "began on Sunday and lasted until Tuesday", "from
// Sunday to Tuesday", "يوم الأحد واستمرت حتى يوم الثلاثاء".
var rangeWords = wordSet("until", "till", "to", "through", "حتي", "لغايه", "ولغايه")

// rangeFillers may stand between a word of rangeWords and the last day.
var rangeFillers = wordSet("on", "the", "يوم")

// joinRanges makes one span of two day dates of a sentence told as its first
// and last day: a word of rangeWords right before the second (rangeFillers
// aside), within the six words between them, the second after the first and
// within a month of it.
func joinRanges(toks []token, ds []dateMention) []dateMention {
	for k := 0; k+1 < len(ds); k++ {
		a, b := &ds[k], &ds[k+1]
		if !a.resolved() || !b.resolved() || a.Prec != PrecisionDay || b.Prec != PrecisionDay || a.Since || b.Reported || a.Reported ||
			!b.From.After(a.To) || b.From.Sub(a.To) > 31*24*time.Hour {
			continue
		}
		between, joined := 0, false
		for _, t := range toks {
			if t.Start >= a.End && t.End <= b.Start {
				between++
				switch {
				case t.in(rangeWords):
					joined = true
				case joined && !rangeFillers[t.Norm]:
					joined = false // "on Sunday and was taken to hospital on Tuesday": not the span's end
				}
			}
		}
		if !joined || between > 6 {
			continue
		}
		a.To, a.End = b.To, b.End
		ds = slices.Delete(ds, k+1, k+2)
	}
	return ds
}

// dropRedundant removes relative mentions standing right before an absolute
// one: in "يوم الإثنين 24 نوفمبر" and "اليوم السبت 3 أيار" the date says it all.
// A chain that starts with "اليوم" or "أمس" also tells the day of writing.
func dropRedundant(toks []token, ds []dateMention) []dateMention {
	drop := make([]bool, len(ds))
	for k := len(ds) - 2; k >= 0; k-- {
		next := ds[k+1]
		drop[k] = ds[k].Relative && (next.Start-ds[k].End <= 8 || onlyWeekdayFillers(toks, ds[k].End, next.Start)) && (!next.Relative || drop[k+1])
	}
	for k := range ds {
		if !drop[k] || !ds[k].isToday {
			continue
		}
		end := k + 1
		for drop[end] {
			end++
		}
		if d := &ds[end]; d.resolved() && d.Prec == PrecisionDay {
			d.storyDay = d.From.AddDate(0, 0, -ds[k].todayOff)
		}
	}
	out := ds[:0]
	for k, d := range ds {
		if !drop[k] {
			out = append(out, d)
		}
	}
	return out
}

// onlyWeekdayFillers reports the words between byte offsets from and to all
// fillers of a weekday and its date: "اليوم الأحد الموافق لـ 7 تشرين الأول".
func onlyWeekdayFillers(toks []token, from, to int) bool {
	n := 0
	for _, t := range toks {
		if t.Start >= from && t.End <= to {
			if !weekdayFiller[t.Norm] {
				return false
			}
			n++
		}
	}
	return n > 0 && n <= 3
}

// reportWords are verbs of saying; a date right after one is when something was
// said, not when it happened.
var reportWords = wordSet("اعلن", "اعلنت", "قال", "قالت", "افاد", "افادت", "ذكر", "ذكرت", "اكد", "اكدت", "نشر", "نشرت", "اصدر", "اصدرت",
	"said", "says", "reported", "reports", "announced", "stated", "confirmed", "told", "added", "claimed")

// at tries each date form at toks[i]; n is the number of tokens used, 0 if none.
func (s dateScan) at(i int) (dateMention, int) {
	for _, try := range dateForms {
		if d, n := try(s, i); n > 0 {
			return d, n
		}
	}
	return dateMention{}, 0
}

// dateForms are the forms at tries, in turn: method expressions, so that no
// slice of method values is built at every token.
var dateForms = []func(dateScan, int) (dateMention, int){
	dateScan.numeric, dateScan.anchoredDay, dateScan.dayRange, dateScan.dayMonth, dateScan.monthPart,
	dateScan.relativeDay, dateScan.relativePeriod, dateScan.weekday, dateScan.monthOnly, dateScan.yearOnly,
	dateScan.enMonthDay, dateScan.enWeekday, dateScan.enRelative,
}

// num returns the number at toks[i] if it lies in lo..hi.
func (s dateScan) num(i, lo, hi int) (int, bool) {
	if i < 0 || i >= len(s.toks) || !isNumber(s.toks[i].Norm) || len(s.toks[i].Norm) > 4 {
		return 0, false
	}
	v, err := strconv.Atoi(s.toks[i].Norm) // not fmt.Sscan, which reads "08" as octal and stops at its 8
	return v, err == nil && v >= lo && v <= hi
}

// gap returns the non-space text between toks[i-1] and toks[i].
func (s dateScan) gap(i int) string {
	if i <= 0 || i >= len(s.toks) {
		return ""
	}
	return strings.TrimSpace(s.text[s.toks[i-1].End:s.toks[i].Start])
}

// word reports whether toks[i] is one of words.
func (s dateScan) word(i int, words ...string) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	for _, w := range words {
		if s.toks[i].Norm == w {
			return true
		}
	}
	return false
}

// numeric reads "24/11/2025", "24-11-2025" and "2025-11-24".
func (s dateScan) numeric(i int) (dateMention, int) {
	sep := s.gap(i + 1)
	if (sep != "/" && sep != "-" && sep != ".") || s.gap(i+2) != sep {
		return dateMention{}, 0
	}
	if y, ok := s.num(i, 1900, 2200); ok && len(s.toks[i].Norm) == 4 {
		m, ok1 := s.num(i+1, 1, 12)
		d, ok2 := s.num(i+2, 1, 31)
		if t := day(y, time.Month(m), d); ok1 && ok2 && !t.IsZero() {
			return dayMention(t), 3
		}
		return dateMention{}, 0
	}
	d, ok1 := s.num(i, 1, 31)
	m, ok2 := s.num(i+1, 1, 12)
	y, ok3 := s.num(i+2, 1900, 2200)
	if t := day(y, time.Month(m), d); ok1 && ok2 && ok3 && !t.IsZero() {
		return dayMention(t), 3
	}
	return dateMention{}, 0
}

func dayMention(t time.Time) dateMention {
	return dateMention{From: t, To: t, Prec: PrecisionDay}
}

// yearAfter reads an explicit year after a month name: "2025", "عام 2025",
// "من العام 2025", "2025م". It returns the year and the tokens used.
func (s dateScan) yearAfter(i int) (int, int) {
	skip := 0
	if s.word(i, "من") && s.word(i+1, "عام", "سنه", "العام") {
		skip = 1 // "تشرين الأول من العام 2019"
	}
	if s.word(i+skip, "عام", "سنه", "العام") {
		skip++
	}
	if y, ok := s.num(i+skip, 1900, 2200); ok && len(s.toks[i+skip].Norm) == 4 {
		return y, skip + 1
	}
	return 0, 0
}

// inferYear picks the year of a year-less date: the publication year (or the
// one before, if the date would be more than a day after publication), else
// the year stated elsewhere in the passage.
func (s dateScan) inferYear(m time.Month, d int) (int, bool) {
	if p := s.ctx.published; !p.IsZero() {
		return yearUpTo(p, m, d), true
	}
	if s.ctx.year != 0 {
		return s.ctx.year, true
	}
	if p := s.ctx.yearDay; !p.IsZero() {
		// "أعلنت الوزارة الجمعة 3 تشرين الأول …" "وكانت ضبطت في 20 آب …": the day whose
		// year a weekday gave stands for the day of writing
		return yearUpTo(p, m, d), true
	}
	return 0, false
}

// yearUpTo returns the year of the latest day d of month m not more than a
// day after p: p's year, or the one before.
func yearUpTo(p time.Time, m time.Month, d int) int {
	y := p.Year()
	if t := day(y, m, max(d, 1)); t.IsZero() || t.After(p.AddDate(0, 0, 1)) {
		y--
	}
	return y
}

// noYear is the mention for a date whose year cannot be known.
func noYear(what string) dateMention {
	return dateMention{Note: fmt.Sprintf("date %q has no year and no publication date: left unknown", what)}
}

// dateKey names an unresolved date for comparing tellings: its weekday if it
// has one ("أمس الخميس" and "مساء يوم الخميس" share "thursday"), else its words;
// a day told as yesterday adds "yesterday" ("أمس الخميس" and "ليلة أمس" share
// it). Keys are compared by sameKey.
func dateKey(toks []token) string {
	var words []string
	wday, rel := "", ""
	for _, t := range toks {
		w := strings.TrimPrefix(t.Norm, "و")
		if wd, ok := weekdays[w]; ok && wday == "" {
			wday = wd.String()
		}
		if wd, ok := enWeekdays[w]; ok && wday == "" {
			wday = wd.String()
		}
		if w == "امس" || w == "yesterday" {
			rel = "yesterday"
		}
		words = append(words, t.Norm)
	}
	if wday == "" {
		wday = strings.Join(words, " ")
	}
	if rel != "" {
		return wday + "|" + rel
	}
	return wday
}

// sameKey reports two date keys that may name one day: equal, or sharing the
// weekday or "yesterday".
func sameKey(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	pa, pb := strings.Split(a, "|"), strings.Split(b, "|")
	return pa[0] == pb[0] || len(pa) == 2 && len(pb) == 2 || todayKey(a) && weekdayKey(b) || todayKey(b) && weekdayKey(a)
}

// todayKey reports the key of "today" told without the day: "اليوم", "ظهر
// اليوم", "this morning", "tonight".
func todayKey(k string) bool {
	for _, w := range strings.Fields(k) {
		if todayWords[strings.TrimPrefix(w, "و")] {
			return true
		}
	}
	return false
}

var todayWords = wordSet("اليوم", "الليله", "today", "tonight")

// weekdayKey reports the key of a weekday told alone ("الجمعة", "on Friday"),
// which may be the day of writing: "اليوم" told beside it may be that day.
func weekdayKey(k string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if k == d.String() {
			return true
		}
	}
	return false
}
