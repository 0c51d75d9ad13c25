package extract

import (
	"strings"
	"time"
)

// westernMonths and levantineMonths are the month names of Arabic news in
// their normalised forms: the Western ("نوفمبر") and the Syriac-derived names
// used in the Levant ("تشرين الثاني").
var westernMonths = map[string]time.Month{
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "افريل": 4, "مايو": 5, "ماي": 5, "يونيو": 6, "يونيه": 6,
	"يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}

var levantineMonths = map[string]time.Month{
	"شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9,
}

// twoWordMonths are "تشرين الأول" and the like, keyed by their first word.
var twoWordMonths = map[string]map[string]time.Month{
	"تشرين": {"الاول": 10, "اول": 10, "الثاني": 11, "ثاني": 11},
	"كانون": {"الاول": 12, "اول": 12, "الثاني": 1, "ثاني": 1},
}

// monthMatch is a month name found at a token: the month and the number of
// tokens it spans, including a second name in the dual form "مارس/آذار".
type monthMatch struct {
	month time.Month
	n     int
	ok    bool
}

// monthAt reads a month name at toks[i], with a one-letter proclitic allowed
// ("بنوفمبر", "وآذار"), followed optionally by its other name after "/" or in
// parentheses.
func monthAt(toks []token, i int) monthMatch {
	m := singleMonthAt(toks, i)
	if !m.ok {
		return m
	}
	if next := singleMonthAt(toks, i+m.n); next.ok && next.month == m.month {
		m.n += next.n // "6 مارس/آذار", "تشرين الثاني (نوفمبر)"
	} else if m.month == 8 && i+m.n < len(toks) && toks[i+m.n].Norm == "اب" {
		m.n++ // "أغسطس/آب"
	}
	return m
}

func singleMonthAt(toks []token, i int) monthMatch {
	if i >= len(toks) {
		return monthMatch{}
	}
	for _, w := range monthStems(toks[i].Norm) {
		if m, ok := westernMonths[w]; ok {
			return monthMatch{month: m, n: 1, ok: true}
		}
		if m, ok := levantineMonths[w]; ok {
			if w == "اب" && !(i > 0 && isNumber(toks[i-1].Norm)) && !(i+1 < len(toks) && isNumber(toks[i+1].Norm)) &&
				!(i > 0 && strings.TrimPrefix(toks[i-1].Norm, "و") == "شهر") && // "خلال شهر آب"
				!(i > 1 && toks[i-1].Norm == "من" && (isNumber(toks[i-2].Norm) || ordinals[toks[i-2].Norm] > 0 || isTensOrdinal(toks[i-2].Norm))) {
				continue // "أب" is also "father": take it only next to a number, after "شهر", or after "30 من"
			}
			return monthMatch{month: m, n: 1, ok: true}
		}
		if second, ok := twoWordMonths[w]; ok && i+1 < len(toks) {
			if m, ok := second[toks[i+1].Norm]; ok {
				return monthMatch{month: m, n: 2, ok: true}
			}
		}
	}
	return monthMatch{}
}

// isTensOrdinal reports the second word of an ordinal day ("عشر", "والعشرين")
// or a tens ordinal ("العشرين").
func isTensOrdinal(w string) bool {
	switch w {
	case "عشر", "والعشرين", "والثلاثين", "العشرين", "الثلاثين":
		return true
	}
	return false
}

// monthStems is the word and the word without a one-letter proclitic.
// It is small enough to be inlined, so that its slice (a word begins with
// one of the proclitics at most) stays on the caller's stack: it is asked at
// every word, by several date forms.
func monthStems(w string) []string {
	out := append(make([]string, 0, 2), w)
	for _, p := range monthProclitics {
		if strings.HasPrefix(w, p) && len(w) >= len(p)+4 {
			out = append(out, w[len(p):]) // two letters left at least
		}
	}
	return out
}

var monthProclitics = []string{"و", "ب", "ل", "ف"}

// daysIn is the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// day returns UTC midnight of y-m-d, or the zero time if the day does not exist.
func day(y int, m time.Month, d int) time.Time {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return time.Time{}
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
