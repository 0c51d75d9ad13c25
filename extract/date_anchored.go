package extract

import "fmt"

// Dates told from another date of the story ("في اليوم التالي", "بعد أربعة أيام",
// "في اليوم نفسه") are found per sentence with an offset in days and resolved by
// the passage against the last day-precise date told before them.

// anchoredDay reads "اليوم التالي", "صباح اليوم التالي" (the word before is
// skipped by the scan), "اليوم السابق", "اليوم نفسه", "الليلة التالية".
func (s dateScan) anchoredDay(i int) (dateMention, int) {
	switch {
	case s.word(i, "اليوم", "واليوم", "باليوم", "الليله") && s.word(i+1, "التالي", "التاليه"):
		return anchored("اليوم التالي", 1), 2
	case s.word(i, "اليوم", "واليوم", "باليوم") && s.word(i+1, "السابق"):
		return anchored("اليوم السابق", -1), 2
	case s.word(i, "اليوم", "واليوم", "باليوم") && s.word(i+1, "نفسه", "ذاته"):
		return anchored("اليوم نفسه", 0), 2
	case s.word(i, "بعد", "وبعد"):
		return s.daysLater(i)
	}
	return dateMention{}, 0
}

// daysLater reads "بعد يوم", "بعد يومين", "بعد أربعة أيام", "بعد 3 أيام", "بعد
// أسبوع" at toks[i] == "بعد". Vague spans ("بعد أيام", "بعد ساعات") are not dates.
func (s dateScan) daysLater(i int) (dateMention, int) {
	if d, n := s.daysBeforeAside(i); n > 0 {
		return d, n
	}
	switch {
	case s.word(i+1, "يومين"):
		return anchored("بعد يومين", 2), 2
	case s.word(i+1, "يوم") && !s.word(i+2, "من", "علي"):
		return anchored("بعد يوم", 1), 2
	case s.word(i+1, "اسبوع") && !s.word(i+2, "من", "علي"):
		return anchored("بعد أسبوع", 7), 2
	case s.word(i+1, "اسبوعين"):
		return anchored("بعد أسبوعين", 14), 2
	}
	if v, n := parseNumber(s.toks, i+1); n > 0 && v >= 1 && v <= 30 && s.word(i+1+n, "ايام", "يوما") {
		return anchored("بعد أيام", v), n + 2
	}
	return dateMention{}, 0
}

// daysBeforeAside reads "ويأتي ذلك بعد يومين من غارة على X": the story
// comes a day or two after the event the aside names, which was that many
// days before the date told.
func (s dateScan) daysBeforeAside(i int) (dateMention, int) {
	if !isAside(s.toks) {
		return dateMention{}, 0
	}
	days := asideSpans[s.toks[min(i+1, len(s.toks)-1)].Norm]
	n := 2
	if s.word(i+n, "واحد") {
		n++
	}
	if days == 0 || !s.word(i+n, "من") {
		return dateMention{}, 0
	}
	return anchored("بعد "+s.toks[i+1].Norm+" من", -days), n
}

// asideSpans are the days an aside's "بعد … من" may count.
var asideSpans = map[string]int{"يوم": 1, "يومين": 2, "اسبوع": 7, "اسبوعين": 14}

func anchored(what string, days int) dateMention {
	return dateMention{Anchored: true, Offset: days,
		Note: fmt.Sprintf("date %q is told from an earlier date that is not known: left unknown", what)}
}

// resolveAnchored dates a mention told from another date: the anchor must be a
// single known day (a range or month would make the result a guess).
func resolveAnchored(d *dateMention, anchor *dateMention) {
	if !d.Anchored || anchor == nil || anchor.Prec != PrecisionDay {
		return
	}
	t := anchor.From.AddDate(0, 0, d.Offset)
	d.From, d.To, d.Prec, d.Note = t, t, PrecisionDay, ""
	if anchor.Inferred {
		d.Note, d.Inferred = anchor.Note, true // the year of "the next day" is the anchor's guess
	}
}

// ordinals are the Arabic ordinal numbers 1..10 (masculine, with the article),
// as days of a month are told: "الثامن من كانون الأول".
var ordinals = map[string]int{
	"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
	"السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي": 1,
}

// notDayBefore are nouns an ordinal may qualify instead of a day: "الأسبوع
// الثاني من الشهر" is not the second of the month.
var notDayBefore = wordSet("الاسبوع", "الشهر", "العام", "السنه", "الربع", "النصف", "الفصل", "المرحله",
	"الجزء", "الطابق", "اللواء", "الفيلق", "الجيل", "المؤتمر", "اليوم")

// ordinalDay reads a day of the month told as an ordinal at toks[i]: "الثامن",
// "السابع عشر", "الحادي والعشرين", "العشرين", "الثلاثين". n is 0 if there is none.
func (s dateScan) ordinalDay(i int) (day, n int) {
	if i >= len(s.toks) || i > 0 && notDayBefore[s.toks[i-1].Norm] {
		return 0, 0
	}
	w := s.toks[i].Norm
	switch w {
	case "العشرين":
		return 20, 1
	case "الثلاثين":
		return 30, 1
	}
	u, ok := ordinals[w]
	if !ok {
		return 0, 0
	}
	switch {
	case s.word(i+1, "عشر") && u < 10:
		return 10 + u, 2
	case s.word(i+1, "والعشرين") && u < 10:
		return 20 + u, 2
	case s.word(i+1, "والثلاثين") && u == 1:
		return 31, 2
	case w == "الحادي":
		return 0, 0
	}
	return u, 1
}

// dayAt reads a day of the month at toks[i], in digits or as an ordinal.
func (s dateScan) dayAt(i int) (day, n int) {
	if d, ok := s.num(i, 1, 31); ok {
		return d, 1
	}
	return s.ordinalDay(i)
}
