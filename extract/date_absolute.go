package extract

import "time"

// dayRange reads "بين 24 و27 نوفمبر", "من 24 إلى 27 تشرين الثاني 2025",
// "24-27 نوفمبر" and "بين 30 نوفمبر و2 ديسمبر".
func (s dateScan) dayRange(i int) (dateMention, int) {
	j := i
	if s.word(j, "بين", "من", "منذ") {
		j++
	}
	d1, ok := s.num(j, 1, 31)
	if !ok {
		return dateMention{}, 0
	}
	m1 := monthAt(s.toks, j+1)
	k := j + 1
	if m1.ok {
		k += m1.n
	}
	y1, ny1 := s.yearAfter(k)
	k += ny1
	if s.word(k, "و", "الي", "حتي", "لغايه") {
		k++
	} else if s.gap(k) != "-" && s.gap(k) != "–" {
		return dateMention{}, 0
	}
	d2, ok := s.num(k, 1, 31)
	m2 := monthAt(s.toks, k+1)
	if !ok || !m2.ok {
		return dateMention{}, 0
	}
	end := k + 1 + m2.n
	y2, ny2 := s.yearAfter(end)
	end += ny2
	if !m1.ok {
		m1, y1 = m2, y2
	}
	return s.makeRange(d1, m1.month, y1, d2, m2.month, y2), end - i
}

// makeRange resolves a day range whose years may be missing.
func (s dateScan) makeRange(d1 int, m1 time.Month, y1, d2 int, m2 time.Month, y2 int) dateMention {
	if y2 == 0 {
		var ok bool
		if y2, ok = s.inferYear(m2, d2); !ok {
			return noYear("day range")
		}
	}
	if y1 == 0 {
		y1 = y2
		if m1 > m2 {
			y1-- // "30 ديسمبر و2 يناير 2026"
		}
	}
	from, to := day(y1, m1, d1), day(y2, m2, d2)
	if from.IsZero() || to.IsZero() || to.Before(from) || to.Sub(from) > 366*24*time.Hour {
		return dateMention{}
	}
	if from.Equal(to) {
		return dayMention(from)
	}
	return dateMention{From: from, To: to, Prec: PrecisionRange}
}

// dayMonth reads "24 نوفمبر 2025", "6 مارس/آذار", "17 من تشرين الثاني", "الثامن
// من كانون الأول", "5 من شهر شباط".
func (s dateScan) dayMonth(i int) (dateMention, int) {
	d, nd := s.dayAt(i)
	if nd == 0 {
		return dateMention{}, 0
	}
	var ok bool
	j := i + nd
	if s.word(j, "من") {
		j++
	}
	if s.word(j, "شهر") && monthAt(s.toks, j+1).ok {
		j++ // "الـ5 من شهر شباط": the month told with its word
	}
	m := monthAt(s.toks, j)
	if !m.ok {
		return dateMention{}, 0
	}
	j += m.n
	y, ny := s.yearAfter(j)
	j += ny
	if ny == 0 {
		if s.word(j, "الماضي", "المنصرم", "الفائت", "الجاري", "الحالي") {
			j++
		}
		if y, ok = s.inferYear(m.month, d); !ok || s.weekdayDisagrees(i, j, y, m.month, d) {
			return s.byWeekday(i, j, m.month, d), j - i
		}
	}
	t := day(y, m.month, d)
	if t.IsZero() {
		return dateMention{}, 0
	}
	return dayMention(t), j - i
}

// monthParts maps "بداية", "منتصف", "أواخر" and their synonyms to a part of a
// month: 1 early (days 1-10), 2 middle (11-20), 3 late (21-end).
var monthParts = map[string]int{
	"بدايه": 1, "مطلع": 1, "اوائل": 1, "اوايل": 1, "مستهل": 1,
	"منتصف": 2, "اواسط": 2,
	"اواخر": 3, "نهايه": 3, "اخر": 3, "ختام": 3,
}

// monthPart reads "بداية ديسمبر", "أواخر تشرين الثاني 2025", "منتصف الشهر
// الجاري": a range of ten days or so.
func (s dateScan) monthPart(i int) (dateMention, int) {
	part := 0
	for _, w := range monthStems(s.toks[i].Norm) {
		if p, ok := monthParts[w]; ok {
			part = p
		}
	}
	if part == 0 {
		return dateMention{}, 0
	}
	j := i + 1
	if s.word(j, "شهر") {
		j++
	}
	var whole dateMention
	var n int
	if whole, n = s.monthOnly(j); n == 0 {
		if whole, n = s.relativeMonth(j); n == 0 {
			return dateMention{}, 0
		}
	}
	return partOfMonth(whole, part), j + n - i
}

// partOfMonth narrows a whole month to its early (1), middle (2) or late (3)
// part: days 1-10, 11-20, 21 to its end.
func partOfMonth(whole dateMention, part int) dateMention {
	if !whole.resolved() || part == 0 {
		return whole
	}
	from := whole.From.AddDate(0, 0, (part-1)*10)
	to := whole.To
	if part < 3 {
		to = from.AddDate(0, 0, 9)
	}
	return dateMention{From: from, To: to, Prec: PrecisionRange, Relative: whole.Relative}
}

// monthOnly reads a month with or without a year: "نوفمبر 2025", "حزيران
// الماضي", "في آذار".
func (s dateScan) monthOnly(i int) (dateMention, int) {
	m := monthAt(s.toks, i)
	if !m.ok {
		return dateMention{}, 0
	}
	j := i + m.n
	y, ny := s.yearAfter(j)
	j += ny
	if ny == 0 {
		if s.word(j, "الماضي", "المنصرم", "الفائت", "الجاري", "الحالي") {
			j++
		}
		var ok bool
		if y, ok = s.inferYear(m.month, 1); !ok {
			return noYear("month"), j - i
		}
	}
	return monthMention(y, m.month), j - i
}

func monthMention(y int, m time.Month) dateMention {
	return dateMention{From: day(y, m, 1), To: day(y, m, daysIn(y, m)), Prec: PrecisionMonth}
}

// yearOnly reads "عام 2024", "خلال العام 2024", "in 2019".
func (s dateScan) yearOnly(i int) (dateMention, int) {
	if !s.word(i, "عام", "سنه", "العام", "in") { // and the English "in 2019"
		return dateMention{}, 0
	}
	if s.word(i-1, "مواليد", "تولد", "المولود", "مولود", "born") {
		return dateMention{}, 0 // "من مواليد عام 1997", "born in 1990": someone's birth, no date of the story
	}
	y, ok := s.num(i+1, 1900, 2200)
	if !ok || len(s.toks[i+1].Norm) != 4 {
		return dateMention{}, 0
	}
	return yearMention(y), 2
}

func yearMention(y int) dateMention {
	return dateMention{From: day(y, 1, 1), To: day(y, 12, 31), Prec: PrecisionYear}
}
