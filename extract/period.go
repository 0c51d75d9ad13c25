package extract

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// A day and month told with a weekday ("يوم الجمعة 14 شباط", "on Monday, Dec.
// 16") but no year and no publication date fixes the year up to a cycle of
// five to eleven years. The latest such year not after today is the guess a
// reader makes; the names a passage uses narrow it further, because the
// actors and institutions of the Syrian war exist only in certain years.

// periodCue is a name that dates a text: it was not written before From, and,
// for something that ended (the regime's forces, Russian air raids), not
// after To when told as acting. To is zero for what still exists.
type periodCue struct {
	Phrase   string // as written in the news (normalised when read)
	From, To string // YYYY-MM-DD; To empty when open
}

// periodCues is our table, from general knowledge of the war (see
// docs/EXTRACTION.md). Only names tied to a period belong here: "الجيش" or
// "الأمن الداخلي" alone do not (the Kurdish-led administration has had an
// "internal security" since 2013, and so does Lebanon).
var periodCues = []periodCue{
	// Armed groups, by the date the name came into use.
	{"جبهة النصرة", "2012-01-01", ""}, {"Nusra", "2012-01-01", ""},
	{"داعش", "2013-04-01", ""}, {"تنظيم الدولة", "2013-04-01", ""},
	{"ISIS", "2013-04-01", ""}, {"ISIL", "2013-04-01", ""}, {"Daesh", "2013-04-01", ""}, {"Islamic State", "2013-04-01", ""},
	{"التحالف الدولي", "2014-09-22", ""}, {"international coalition", "2014-09-22", ""}, {"US-led coalition", "2014-09-22", ""},
	{"الإدارة الذاتية", "2014-01-21", ""}, {"Autonomous Administration", "2014-01-21", ""},
	{"الخوذ البيضاء", "2014-10-25", ""}, {"الخوذات البيضاء", "2014-10-25", ""}, {"White Helmets", "2014-10-25", ""},
	{"قوات سوريا الديمقراطية", "2015-10-10", ""}, {"قسد", "2015-10-10", ""},
	{"Syrian Democratic Forces", "2015-10-10", ""}, {"SDF", "2015-10-10", ""},
	{"هيئة تحرير الشام", "2017-01-28", ""}, {"تحرير الشام", "2017-01-28", ""}, {"Tahrir al-Sham", "2017-01-28", ""}, {"HTS", "2017-01-28", ""},
	{"حكومة الإنقاذ", "2017-11-02", ""}, {"Salvation Government", "2017-11-02", ""},
	{"الجيش الوطني السوري", "2017-12-30", ""}, {"Syrian National Army", "2017-12-30", ""},
	{"كورونا", "2020-01-01", ""}, {"كوفيد", "2020-01-01", ""}, {"coronavirus", "2020-01-01", ""}, {"Covid", "2020-01-01", ""},
	// The security service of the Idlib administration from 2020, the state's from December 2024.
	{"الأمن العام", "2020-01-01", ""}, {"General Security", "2020-01-01", ""},
	// The offensive of November 2024 and the state after the regime fell on 8 December 2024.
	{"ردع العدوان", "2024-11-27", ""}, {"إدارة العمليات العسكرية", "2024-11-27", ""}, {"Military Operations Command", "2024-11-27", ""},
	{"النظام البائد", "2024-12-08", ""}, {"النظام المخلوع", "2024-12-08", ""}, {"النظام السابق", "2024-12-08", ""},
	{"النظام الساقط", "2024-12-08", ""}, {"العهد البائد", "2024-12-08", ""}, {"فلول النظام", "2024-12-08", ""},
	{"former regime", "2024-12-08", ""}, {"ousted regime", "2024-12-08", ""}, {"fallen regime", "2024-12-08", ""},
	{"regime remnants", "2024-12-08", ""}, {"Assad remnants", "2024-12-08", ""},
	{"الرئيس أحمد الشرع", "2024-12-08", ""}, {"الرئيس الشرع", "2024-12-08", ""}, {"President Ahmed al-Sharaa", "2024-12-08", ""},
	{"الحكومة السورية الانتقالية", "2024-12-08", ""}, {"transitional government", "2024-12-08", ""},
	{"قيادة الأمن الداخلي", "2025-01-01", ""}, {"Internal Security Command", "2025-01-01", ""},
	// What ended with the regime, told as acting.
	{"قوات النظام", "2011-03-15", "2024-12-08"}, {"قوات الأسد", "2011-03-15", "2024-12-08"},
	{"ميليشيات الأسد", "2011-03-15", "2024-12-08"}, {"جيش النظام", "2011-03-15", "2024-12-08"},
	{"نظام الأسد", "2011-03-15", "2024-12-08"}, {"الجيش العربي السوري", "1946-08-01", "2024-12-08"},
	{"regime forces", "2011-03-15", "2024-12-08"}, {"Assad forces", "2011-03-15", "2024-12-08"},
	{"Assad regime", "2011-03-15", "2024-12-08"}, {"pro-Assad", "2011-03-15", "2024-12-08"},
	{"Syrian Arab Army", "1946-08-01", "2024-12-08"},
	{"الميليشيات الإيرانية", "2012-01-01", "2024-12-08"}, {"Iranian-backed militias", "2012-01-01", "2024-12-08"},
	// Russian air raids, from 30 September 2015 until the regime fell.
	{"الاحتلال الروسي", "2015-09-30", "2024-12-08"}, {"الطيران الروسي", "2015-09-30", "2024-12-08"},
	{"الطيران الحربي الروسي", "2015-09-30", "2024-12-08"}, {"الطائرات الروسية", "2015-09-30", "2024-12-08"},
	{"المقاتلات الروسية", "2015-09-30", "2024-12-08"}, {"غارات روسية", "2015-09-30", "2024-12-08"},
	{"الغارات الروسية", "2015-09-30", "2024-12-08"},
	{"Russian warplanes", "2015-09-30", "2024-12-08"}, {"Russian jets", "2015-09-30", "2024-12-08"},
	{"Russian airstrikes", "2015-09-30", "2024-12-08"}, {"Russian air strikes", "2015-09-30", "2024-12-08"},
	{"Russian aircraft", "2015-09-30", "2024-12-08"},
}

// goneWords next to a name of what ended say it is told as the past: "قوات
// النظام البائد", "the ousted Assad regime". Arabic puts them after the name,
// English before.
var (
	goneAfter  = wordSet("البائد", "البائده", "السابق", "السابقه", "سابقا", "المخلوع", "الساقط", "المنحل", "المنحله", "المنهار")
	goneBefore = wordSet("former", "ousted", "fallen", "deposed", "toppled", "defunct", "collapsed", "old")
	regimeEnd  = day(2024, 12, 8)
	// foreignAfter and foreignBefore name another country's institution of the same name.
	foreignAfter  = wordSet("اللبناني", "الاردني", "العراقي", "التركي")
	foreignBefore = wordSet("lebanese", "jordanian", "iraqi", "turkish", "lebanon", "jordan")
)

type compiledCue struct {
	words    []string
	from, to time.Time
	phrase   string
}

// cueTable holds the period cues tokenized, and indexed by their first word.
type cueTable struct {
	phrases []compiledCue
	index   map[string][]int // the first word of each cue → the cues it starts
}

// cues is the cue table, built at the first text read: tokenizing the cues
// reads the word sets, which package initialisation fills first.
var cues = sync.OnceValue(func() cueTable {
	phrases := compileCues()
	index := map[string][]int{}
	for k, c := range phrases {
		index[c.words[0]] = append(index[c.words[0]], k)
		if bare, ok := strings.CutPrefix(c.words[0], "ال"); ok {
			index[bare] = append(index[bare], k) // "للطيران", "بالأمن": the article under a proclitic
		}
	}
	return cueTable{phrases, index}
})

func compileCues() []compiledCue {
	out := make([]compiledCue, 0, len(periodCues))
	for _, c := range periodCues {
		var words []string
		for _, t := range tokenize(c.Phrase, 0, len(c.Phrase)) {
			words = append(words, t.Norm)
		}
		out = append(out, compiledCue{words: words, from: ymdCue(c.From), to: ymdCue(c.To), phrase: c.Phrase})
	}
	return out
}

func ymdCue(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(fmt.Sprintf("extract: period cue date %q: %v", s, err))
	}
	return t
}

// era is the span of time a passage's names allow; zero ends are open.
type era struct {
	from, to       time.Time
	fromWhy, toWhy string // the names that set each end
}

// findEra reads the period cues of a passage. Where they disagree (a name of
// the regime's time beside one coined after it), the later-coined name wins:
// a text can recall what is gone, not name what does not exist yet.
func findEra(sents [][]token) era {
	var e era
	for _, toks := range sents {
		for i := range toks {
			for _, k := range cuesAt(toks, i) {
				e.add(cues().phrases[k], toks, i)
			}
		}
	}
	if !e.to.IsZero() && !e.to.After(e.from) {
		e.to, e.toWhy = time.Time{}, ""
	}
	return e
}

// cuesAt returns the cues whose words stand at toks[i], the first with a
// proclitic or suffix allowed ("لقوات", "وداعش"), the rest as written.
func cuesAt(toks []token, i int) []int {
	var out []int
	forms := toks[i].forms
	if !slices.Contains(forms, toks[i].Norm) {
		forms = append(forms[:len(forms):len(forms)], toks[i].Norm)
	}
	table := cues()
	for _, f := range forms {
		for _, k := range table.index[f] {
			if restAt(toks, i, table.phrases[k].words) && !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

func restAt(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k := 1; k < len(words); k++ {
		if toks[i+k].Norm != words[k] {
			return false
		}
	}
	return true
}

// add narrows the era by cue c found at toks[i]; a name of another country's
// service ("الأمن العام اللبناني") says nothing of Syria's years.
func (e *era) add(c compiledCue, toks []token, i int) {
	n := len(c.words)
	if i+n < len(toks) && foreignAfter[toks[i+n].Norm] || i > 0 && foreignBefore[toks[i-1].Norm] {
		return
	}
	from, to := c.from, c.to
	if !to.IsZero() && toldAsGone(toks, i, n) {
		from, to = regimeEnd, time.Time{}
	}
	if from.After(e.from) {
		e.from, e.fromWhy = from, c.phrase
	}
	if !to.IsZero() && (e.to.IsZero() || to.Before(e.to)) {
		e.to, e.toWhy = to, c.phrase
	}
}

func toldAsGone(toks []token, i, n int) bool {
	return i+n < len(toks) && goneAfter[toks[i+n].Norm] || i > 0 && goneBefore[toks[i-1].Norm]
}

// yearOfWeekday returns the latest year, not after today and within the era,
// in which day d of month m falls on weekday wd, and a note saying how it was
// found.
func yearOfWeekday(m time.Month, d int, wd time.Weekday, today time.Time, e era) (int, string, bool) {
	if today.IsZero() {
		return 0, "", false
	}
	for y := today.Year(); y >= 1950; y-- {
		t := day(y, m, d)
		switch {
		case t.IsZero() || t.After(today) || t.Weekday() != wd:
			continue
		case !e.from.IsZero() && t.Before(e.from):
			return 0, "", false
		case !e.to.IsZero() && t.After(e.to):
			continue
		}
		return y, inferNote(y, wd, e), true
	}
	return 0, "", false
}

func inferNote(y int, wd time.Weekday, e era) string {
	var why []string
	if e.fromWhy != "" {
		why = append(why, fmt.Sprintf("not before %s (%q)", e.from.Format(time.DateOnly), e.fromWhy))
	}
	if e.toWhy != "" {
		why = append(why, fmt.Sprintf("not after %s (%q)", e.to.Format(time.DateOnly), e.toWhy))
	}
	note := fmt.Sprintf("year %d inferred from the weekday (%s)", y, wd)
	if len(why) > 0 {
		note += ", the latest such year " + strings.Join(why, " and ")
	}
	return note + "; check"
}

// byWeekday dates a day and month without a year, told in toks[i:j], by a
// weekday right before or after it ("السبت الماضي 14 كانون الثاني", "Monday,
// Dec. 16", "14 شباط (الجمعة)"), or leaves it unknown with a note.
func (s dateScan) byWeekday(i, j int, m time.Month, d int) dateMention {
	wd, ok := s.weekdayNear(i, j)
	if !ok {
		return noYear("day and month")
	}
	y, note, ok := yearOfWeekday(m, d, wd, s.ctx.today, s.ctx.era)
	if !ok {
		return noYear("day and month")
	}
	dm := dayMention(day(y, m, d))
	dm.Note, dm.Inferred = note, true
	return dm
}

// weekdayDisagrees reports a year taken from elsewhere in a passage without a
// publication date (a year written in a page banner) on which the weekday told
// with the day and month does not fall: "الأربعاء 12 تشرين الثاني" under a
// banner of 2026 is a Wednesday of 2025. The weekday told with the date wins.
func (s dateScan) weekdayDisagrees(i, j, y int, m time.Month, d int) bool {
	if !s.ctx.published.IsZero() || y == 0 {
		return false
	}
	wd, ok := s.weekdayNear(i, j)
	t := day(y, m, d)
	return ok && !t.IsZero() && t.Weekday() != wd
}

// weekdayFiller are words that may stand between a weekday and its date:
// "الماضي", "الموافق", "يوم".
var weekdayFiller = wordSet("الماضي", "المنصرم", "الفائت", "الموافق", "ل", "يوم", "the", "on", "last") // "الجمعة الموافق لـ الثالث من آذار"

// weekdayNear finds a weekday before toks[i] or at toks[j], filler words
// skipped.
func (s dateScan) weekdayNear(i, j int) (time.Weekday, bool) {
	k := i - 1
	for k >= 0 && k >= i-3 && weekdayFiller[s.toks[k].Norm] {
		k--
	}
	if wd, ok := s.weekdayAt(k); ok {
		return wd, true
	}
	if s.word(j, "يوم") {
		j++
	}
	return s.weekdayAt(j)
}

func (s dateScan) weekdayAt(k int) (time.Weekday, bool) {
	if k < 0 || k >= len(s.toks) {
		return 0, false
	}
	w := strings.TrimPrefix(s.toks[k].Norm, "و")
	if wd, ok := weekdays[w]; ok {
		return wd, true
	}
	wd, ok := enWeekdays[s.toks[k].Norm]
	return wd, ok
}
