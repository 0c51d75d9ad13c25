package extract

import (
	"fmt"
	"strings"
	"time"
)

// relative returns the mention of a date dayOffset days from publication, or an
// unresolved one when the publication date is unknown.
func (s dateScan) relative(what string, from, to int, prec string) dateMention {
	p := s.ctx.published
	if p.IsZero() {
		return dateMention{Relative: true, Note: fmt.Sprintf("relative date %q needs the publication date: left unknown", what)}
	}
	d := dateMention{From: p.AddDate(0, 0, from), To: p.AddDate(0, 0, to), Prec: prec, Relative: true}
	if s.ctx.dayNote != "" {
		d.Inferred, d.Note = true, "told from the day the text calls today: "+s.ctx.dayNote
	}
	return d
}

// today is the mention of "اليوم" (offset 0), "أمس" (-1) and the like, which
// also tell the day of writing when a date follows them.
func (s dateScan) today(what string, off int) dateMention {
	d := s.relative(what, off, off, PrecisionDay)
	d.isToday, d.todayOff = true, off
	return d
}

// daysBack is how many days before t the latest wd on or before it falls.
func daysBack(t time.Time, wd time.Weekday) int { return (int(t.Weekday()) - int(wd) + 7) % 7 }

// namedDay is a day told from the day of writing (off: "اليوم" 0, "أمس" -1)
// with its weekday: "اليوم الأربعاء", "أمس السبت". Published the day after
// it was written (a report filed at night, a source quoted from the day
// before), the weekday lies a day further back than off, and names the day;
// a weekday further off is a slip, and off stands.
func (s dateScan) namedDay(what string, off int, wd time.Weekday) dateMention {
	if p := s.ctx.published; !p.IsZero() {
		if back := daysBack(p, wd); back == 1-off {
			d := s.relative(what, -back, -back, PrecisionDay)
			d.isToday, d.todayOff = true, off
			return d
		}
	}
	return s.today(what, off)
}

// todayNamed reads "اليوم الأربعاء", "today, Wednesday" at toks[i] when a
// weekday follows (ok). With no publication date the weekday is read on its
// own, as before, unless a date follows it ("اليوم الإثنين 11 تشرين الأول":
// the date says which Monday).
func (s dateScan) todayNamed(i int, what string) (d dateMention, n int, ok bool) {
	wd, ok := s.weekdayAt(i + 1)
	if !ok {
		return dateMention{}, 0, false
	}
	if s.ctx.published.IsZero() && !(i+2 < len(s.toks) && isNumber(s.toks[i+2].Norm)) {
		return s.today(what, 0), 1, true
	}
	return s.namedDay(what, 0, wd), 2, true
}

// outletHeads name a kind of outlet before its name: "موقع روسيا اليوم".
var outletHeads = wordSet("موقع", "قناه", "صحيفه", "شبكه", "وكاله", "تلفزيون", "اذاعه", "صفحه", "جريده", "مجله")

var pastWords = []string{"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "السابق"}

// relativeDay reads "أمس", "أول أمس", "اليوم", "الليلة الماضية", "قبل يومين",
// "قبل ثلاثة أيام".
func (s dateScan) relativeDay(i int) (dateMention, int) {
	w := s.toks[i].Norm
	switch {
	case w == "اول" && s.word(i+1, "امس", "الامس"):
		return s.today("أول أمس", -2), 2
	case w == "امس" || w == "الامس" || w == "وامس":
		if s.word(i+1, "الاول") {
			return s.today("أمس الأول", -2), 2
		}
		if wd, ok := s.weekdayAt(i + 1); ok {
			return s.namedDay("أمس", -1, wd), 2 // "أمس الخميس": the weekday says the same day
		}
		return s.today("أمس", -1), 1
	case w == "اليوم" || w == "واليوم":
		if s.word(i+1, "التالي", "نفسه", "ذاته", "الذي", "السابق", "الاول", "الثاني") {
			return dateMention{}, 0
		}
		if w == "اليوم" && i >= 2 && s.toks[i-2].in(outletHeads) {
			return dateMention{}, 0 // "موقع روسيا اليوم", "قناة سوريا اليوم": an outlet's name
		}
		if d, n, ok := s.todayNamed(i, "اليوم"); ok {
			return d, n
		}
		return s.today("اليوم", 0), 1
	case w == "الليله" && s.word(i+1, pastWords...):
		return s.relative("الليلة الماضية", -1, 0, PrecisionRange), 2
	case w == "قبل":
		return s.daysAgo(i)
	case w == "منذ":
		return s.daysSince(i)
	}
	return dateMention{}, 0
}

// daysAgo reads "قبل يومين", "قبل يوم", "قبل 3 أيام" at toks[i] == "قبل".
func (s dateScan) daysAgo(i int) (dateMention, int) {
	if s.word(i+1, "يومين") {
		return s.relative("قبل يومين", -2, -2, PrecisionDay), 2
	}
	if s.word(i+1, "يوم") && !s.word(i+2, "من") {
		return s.relative("قبل يوم", -1, -1, PrecisionDay), 2
	}
	if v, n := parseNumber(s.toks, i+1); n > 0 && v <= 30 && s.word(i+1+n, "ايام", "يوما") {
		d := s.relative("قبل أيام", -v, -v, PrecisionDay)
		d.agoDays = v // from the day a source spoke, if told (see agoFromSaying)
		return d, n + 2
	}
	return dateMention{}, 0
}

// daysSince reads "منذ يومين", "منذ 3 أيام" at toks[i] == "منذ": the day that
// many days ago for a deed told, and the days since then for one told as
// going on ("تتواصل الاشتباكات منذ يومين").
func (s dateScan) daysSince(i int) (dateMention, int) {
	v, n := 0, 0
	switch {
	case s.word(i+1, "يومين"):
		v, n = 2, 2
	case s.word(i+1, "يوم") && !s.word(i+2, "من", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"):
		v, n = 1, 2
	default:
		if k, nk := parseNumber(s.toks, i+1); nk > 0 && k <= 30 && s.word(i+1+nk, "ايام", "يوما") {
			v, n = k, nk+2
		}
	}
	if n == 0 {
		return dateMention{}, 0
	}
	if anyNear(s.toks, i, -6, -1, goingOnVerbs) || anyNear(s.toks, i, -6, -1, ongoingAdjectives) {
		return s.relative("منذ أيام", -v, 0, PrecisionRange), n
	}
	return s.relative("منذ أيام", -v, -v, PrecisionDay), n
}

// ongoingAdjectives tell something still going on: "الاشتباكات المستمرة منذ يومين".
var ongoingAdjectives = wordSet("مستمره", "المستمره", "متواصله", "المتواصله", "مستمر", "المستمر")

// relativePeriod reads "الأسبوع الماضي", "هذا الأسبوع", "الشهر الماضي",
// "الـ17 من الشهر الجاري", "السابع عشر من الشهر الجاري", "العام الماضي".
func (s dateScan) relativePeriod(i int) (dateMention, int) {
	if d, nd := s.dayAt(i); nd > 0 {
		j := i + nd
		if s.word(j, "من") {
			j++
		}
		if m, n := s.relativeMonth(j); n > 0 {
			return s.dayOfMonth(d, m), j + n - i
		}
		return dateMention{}, 0
	}
	if m, n := s.relativeMonth(i); n > 0 {
		return m, n
	}
	this := s.word(i, "هذا", "هذه")
	j := i
	if this {
		j++
	}
	switch {
	case s.word(j, "الاسبوع") && (this || s.word(j+1, "الجاري", "الحالي")):
		return s.week(0), j - i + 1 + boolInt(!this)
	case s.word(j, "الاسبوع") && s.word(j+1, pastWords...):
		return s.week(-1), 2
	case s.word(j, "العام", "السنه") && (this || s.word(j+1, "الجاري", "الحالي")):
		return s.year(0), j - i + 1 + boolInt(!this)
	case s.word(j, "العام", "السنه") && s.word(j+1, pastWords...):
		return s.year(-1), 2
	}
	return dateMention{}, 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// relativeMonth reads "الشهر الماضي", "الشهر الجاري", "هذا الشهر".
func (s dateScan) relativeMonth(i int) (dateMention, int) {
	switch {
	case s.word(i, "هذا") && s.word(i+1, "الشهر"):
		return s.month(0), 2
	case s.word(i, "الشهر") && s.word(i+1, "الجاري", "الحالي", "ذاته", "نفسه"):
		return s.month(0), 2 // "الشهر ذاته": the month of the story, as a rule the month of publication
	case s.word(i, "الشهر") && s.word(i+1, pastWords...):
		return s.month(-1), 2
	}
	return dateMention{}, 0
}

// month is the publication month shifted by delta, with month precision.
func (s dateScan) month(delta int) dateMention {
	p := s.ctx.published
	if p.IsZero() {
		return s.relative("الشهر", 0, 0, PrecisionMonth)
	}
	first := time.Date(p.Year(), p.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, delta, 0)
	d := monthMention(first.Year(), first.Month())
	d.Relative = true
	return d
}

// dayOfMonth is day d of the month m, left unknown if that day is missing.
func (s dateScan) dayOfMonth(d int, m dateMention) dateMention {
	if !m.resolved() {
		return m
	}
	t := day(m.From.Year(), m.From.Month(), d)
	if t.IsZero() {
		return dateMention{}
	}
	dm := dayMention(t)
	dm.Relative = true
	return dm
}

// week is the Saturday-to-Friday week of publication shifted by delta weeks
// (the Syrian week starts on Saturday); this week ends at publication.
func (s dateScan) week(delta int) dateMention {
	p := s.ctx.published
	if p.IsZero() {
		return s.relative("الأسبوع", 0, 0, PrecisionRange)
	}
	sinceSat := (int(p.Weekday()) + 1) % 7
	sat := p.AddDate(0, 0, -sinceSat+7*delta)
	end := sat.AddDate(0, 0, 6)
	if end.After(p) {
		end = p
	}
	return dateMention{From: sat, To: end, Prec: PrecisionRange, Relative: true}
}

// year is the publication year shifted by delta, with year precision.
func (s dateScan) year(delta int) dateMention {
	p := s.ctx.published
	if p.IsZero() {
		return s.relative("العام", 0, 0, PrecisionYear)
	}
	d := yearMention(p.Year() + delta)
	d.Relative = true
	return d
}

var weekdays = map[string]time.Weekday{
	"الاحد": time.Sunday, "الاثنين": time.Monday, "الثلاثاء": time.Tuesday, "الاربعاء": time.Wednesday,
	"الخميس": time.Thursday, "الجمعه": time.Friday, "السبت": time.Saturday,
}

// weekday reads "يوم الإثنين", "الثلاثاء الماضي": the latest such day on or
// before publication (before it, with "الماضي"). Coming days are ignored.
func (s dateScan) weekday(i int) (dateMention, int) {
	w, _ := strings.CutPrefix(s.toks[i].Norm, "و")
	wd, ok := weekdays[w]
	if !ok {
		return dateMention{}, 0
	}
	if w == "الاثنين" && !s.word(i-1, "يوم", "مساء", "صباح", "فجر", "ليل", "ظهر", "في", "منذ", "حتي") && !s.word(i+1, pastWords...) {
		return dateMention{}, 0 // "الاثنين" is also "the two"
	}
	n := 1
	past := s.word(i+1, pastWords...)
	if past {
		n++
	}
	if s.word(i+1, "المقبل", "القادم") {
		return dateMention{}, 2
	}
	p := s.ctx.published
	if p.IsZero() && past && !s.ctx.leadDay.IsZero() {
		// "الأربعاء الفائت" after "مساء الجمعة (5 آذار 2021)": the Wednesday before
		// the passage's first full date, as the labelling conventions anchor it
		back := daysBack(s.ctx.leadDay, wd)
		if back == 0 {
			back = 7
		}
		t := s.ctx.leadDay.AddDate(0, 0, -back)
		return dateMention{From: t, To: t, Prec: PrecisionDay, Relative: true, Inferred: true,
			Note: fmt.Sprintf("told from %s, the first full date the passage gives (no publication date); check", s.ctx.leadDay.Format(time.DateOnly))}, n
	}
	if p.IsZero() {
		return s.relative("يوم "+w, 0, 0, PrecisionDay), n
	}
	back := daysBack(p, wd)
	if back == 0 && past {
		back = 7
	}
	if wd2, ok := s.weekdayAfter(i + n); ok {
		// "ليل الإثنين - الثلاثاء", "يومي الأحد والإثنين": from the first day to the second
		span := (int(wd2) - int(wd) + 7) % 7
		if span > 0 && span <= back {
			return s.relative(w, -back, -back+span, PrecisionRange), n + 1
		}
	}
	return s.relative(w, -back, -back, PrecisionDay), n
}

// weekdayAfter reads a second weekday joined by "و" or a dash at toks[i].
func (s dateScan) weekdayAfter(i int) (time.Weekday, bool) {
	if i >= len(s.toks) {
		return 0, false
	}
	w := s.toks[i].Norm
	rest, wa := strings.CutPrefix(w, "و")
	if g := s.gap(i); !wa && g != "-" && g != "–" && g != "/" {
		return 0, false
	}
	if !wa {
		rest = w
	}
	wd, ok := weekdays[rest]
	return wd, ok
}
