package extract

import (
	"strings"
	"time"
)

// English dates: "on Thursday", "Tuesday afternoon", "yesterday", "On Jan. 2",
// "On March 7, 2021", "February 23", "the 9th of May 2017", "in
// March 2019", "on the same day".

var enMonths = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var enWeekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// enDay reads a day of the month at toks[i]: "2", "4th", "23rd".
func (s dateScan) enDay(i int) (int, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	w := s.toks[i].Norm
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if !isNumber(w) || len(w) > 2 {
		return 0, false
	}
	d := int(w[0] - '0')
	if len(w) == 2 {
		d = d*10 + int(w[1]-'0')
	}
	return d, d >= 1 && d <= 31
}

func (s dateScan) enMonth(i int) (time.Month, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	m, ok := enMonths[s.toks[i].Norm]
	return m, ok
}

// enMonthDay reads "March 7, 2021", "Jan. 2", "7 March 2021", "the 9th
// of May 2017", "March 2019".
func (s dateScan) enMonthDay(i int) (dateMention, int) {
	if m, ok := s.enMonth(i); ok {
		if d, ok := s.enDay(i + 1); ok {
			return s.enDate(d, m, i+2, 2)
		}
		part := monthPartsEN[tokAt(s.toks, i-1)] // "in early March", "late October 2022"
		if y, ny := s.yearAfter(i + 1); ny > 0 && s.toks[i].Norm != "may" {
			return partOfMonth(monthMention(y, m), part), 1 + ny
		}
		if s.word(i-1, "last", "in", "during", "early", "late", "mid", "middle") {
			return partOfMonth(s.enMonthAlone(i, m), part), 1 // "last November", "in early March": the latest such month
		}
		return dateMention{}, 0
	}
	d, ok := s.enDay(i)
	if !ok {
		return dateMention{}, 0
	}
	j := i + 1
	if s.word(j, "of") {
		j++
	}
	if m, ok := s.enMonth(j); ok {
		return s.enDate(d, m, j+1, j+1-i)
	}
	return dateMention{}, 0
}

// monthPartsEN tell a part of the month named after them.
var monthPartsEN = map[string]int{"early": 1, "mid": 2, "middle": 2, "late": 3}

// enMonthAlone reads a month told with no day nor year ("last November", "in
// March"): the latest such month not after publication, the one before it
// for "last" told in that month itself.
func (s dateScan) enMonthAlone(i int, m time.Month) dateMention {
	y, ok := s.inferYear(m, 1)
	if !ok {
		return noYear("month")
	}
	if p := s.ctx.published; s.word(i-1, "last") && !p.IsZero() && p.Year() == y && p.Month() == m {
		y--
	}
	return monthMention(y, m)
}

// enDate completes a day and month with the year at toks[j], if any; n is the
// number of tokens read so far.
func (s dateScan) enDate(d int, m time.Month, j, n int) (dateMention, int) {
	y, ny := s.yearAfter(j)
	if ny == 0 {
		var ok bool
		if y, ok = s.inferYear(m, d); !ok || s.weekdayDisagrees(j-n, j, y, m, d) {
			return s.byWeekday(j-n, j, m, d), n
		}
	}
	t := day(y, m, d)
	if t.IsZero() {
		return dateMention{}, 0
	}
	return dayMention(t), n + ny
}

// enWeekday reads "Thursday", "last Tuesday", "Tuesday afternoon": the latest
// such day on or before publication.
func (s dateScan) enWeekday(i int) (dateMention, int) {
	wd, ok := enWeekdays[s.toks[i].Norm]
	if !ok {
		return dateMention{}, 0
	}
	if s.word(i-1, "next") || s.word(i+1, "next") {
		return dateMention{}, 1
	}
	p := s.ctx.published
	if p.IsZero() {
		return s.relative(s.toks[i].Norm, 0, 0, PrecisionDay), 1
	}
	back := daysBack(p, wd)
	if back == 0 && s.word(i-1, "last") {
		back = 7
	}
	return s.relative(s.toks[i].Norm, -back, -back, PrecisionDay), 1
}

// enRelative reads "today", "yesterday", "last night", "this morning", "the
// same day", "the next day".
func (s dateScan) enRelative(i int) (dateMention, int) {
	if s.toks[i].Norm == "today" {
		if d, n, ok := s.todayNamed(i, "today"); ok {
			return d, n // "today, Wednesday"
		}
	}
	switch w := s.toks[i].Norm; {
	case w == "today" || w == "tonight":
		return s.today(w, 0), 1
	case w == "yesterday":
		return s.today(w, -1), 1
	case w == "overnight":
		return s.relative(w, -1, 0, PrecisionRange), 1
	case w == "last" && s.word(i+1, "night"):
		return s.relative("last night", -1, 0, PrecisionRange), 2
	case w == "this" && s.word(i+1, "morning", "afternoon", "evening"):
		return s.relative("this "+s.toks[i+1].Norm, 0, 0, PrecisionDay), 2
	case (w == "last" || w == "this" || w == "past") && s.word(i+1, "week"):
		return s.enWeek(w), 2
	case (w == "last" || w == "this") && s.word(i+1, "month"):
		return s.month(map[string]int{"last": -1, "this": 0}[w]), 2
	case (w == "last" || w == "this") && s.word(i+1, "year"):
		return s.year(map[string]int{"last": -1, "this": 0}[w]), 2
	case s.word(i+2, "ago") && s.word(i+1, "day", "days", "week", "weeks"):
		return s.enAgo(i)
	case s.word(i+2, "earlier", "later") && s.word(i+1, "day", "days"):
		// not "a day after X": that dates the event told with it, not X
		if n, ok := enNumberValue(w); ok && n > 0 && n <= 30 {
			if s.word(i+2, "earlier") {
				n = -n
			}
			return anchored(s.toks[i].Norm+" "+s.toks[i+1].Norm+" "+s.toks[i+2].Norm, n), 3 // "two days earlier": from the day told before
		}
	case w == "same" && s.word(i+1, "day"):
		return anchored("the same day", 0), 2
	case (w == "next" || w == "following") && s.word(i+1, "day"):
		return anchored("the next day", 1), 2
	}
	return dateMention{}, 0
}

// enWeek reads "last week" (the Monday-to-Sunday week before the one of
// publication, as English news counts weeks), "this week" (its Monday to
// publication) and "the past week" (the seven days before publication).
func (s dateScan) enWeek(w string) dateMention {
	p := s.ctx.published
	if p.IsZero() {
		return s.relative(w+" week", 0, 0, PrecisionRange)
	}
	monday := p.AddDate(0, 0, -(int(p.Weekday())+6)%7)
	switch w {
	case "last":
		return s.relativeSpan(monday.AddDate(0, 0, -7), monday.AddDate(0, 0, -1))
	case "this":
		return s.relativeSpan(monday, p)
	}
	return s.relativeSpan(p.AddDate(0, 0, -7), p.AddDate(0, 0, -1))
}

func (s dateScan) relativeSpan(from, to time.Time) dateMention {
	return dateMention{From: from, To: to, Prec: PrecisionRange, Relative: true}
}

// enAgo reads "ten days ago", "a week ago" at toks[i]: days before
// publication, or before the day a source spoke told in the same sentence
// ("On Sept. 28, the group said that ten days ago …"; see agoFromSaying).
func (s dateScan) enAgo(i int) (dateMention, int) {
	n, ok := enNumberValue(s.toks[i].Norm)
	if !ok || n <= 0 || n > 60 {
		return dateMention{}, 0
	}
	if s.word(i+1, "week", "weeks") {
		n *= 7
	}
	d := s.relative(s.toks[i].Norm+" "+s.toks[i+1].Norm+" ago", -n, -n, PrecisionDay)
	d.agoDays = n
	return d, 3
}
