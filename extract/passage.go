package extract

import (
	"fmt"
	"github.com/paulmach/orb/geo"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// sentence is one sentence of a passage with what the rules found in it.
type sentence struct {
	span
	toks          []token
	trig          []trigger
	dates         []dateMention
	counts        []count
	ms            []mention
	newTopic      bool // opens with "في سياق آخر", "Meanwhile": not a follow-up
	background    bool // "وكان التنظيم قد ...": an earlier event, not dated by the story's date
	aside         bool // "ويأتي ذلك بعد ...": an earlier event told to set the story, undated by it
	tally         bool // counts many events over a period: its figures are no event's
	earlierReport bool // "أفادت في وقت سابق": an earlier telling of the story, whose figures were first ones
}

// tokenAt returns the index of the sentence's token starting at byte offset
// pos (an incident word's), or -1.
func (s *sentence) tokenAt(pos int) int { return tokenIndexAt(s.toks, pos) }

// tokenIndexAt returns the index of the token of toks starting at byte offset
// pos, or -1.
func tokenIndexAt(toks []token, pos int) int {
	i, found := sort.Find(len(toks), func(i int) int { return pos - toks[i].Start })
	if !found {
		return -1
	}
	return i
}

// passage is a text being read.
type passage struct {
	text      string
	lang      string
	published time.Time
	places    Places
	sents     []sentence
	earlier   []gazetteer.Mention        // the gazetteer's mentions of the sentences read so far
	abroadIDs map[string]bool            // places told as another country's: "Hermel in eastern Lebanon"
	reread    map[string]gazetteer.Match // places the gazetteer put far from the point they were told by: see farFromReference
	memorial  bool                       // it marks an anniversary or a commemoration
	foreign   int8                       // foreignStory, read once: 0 not yet, 1 yes, 2 no
	persons   map[string]bool            // names told as people's, at most maxPersons: see namePerson
	named     map[string]gazetteer.Place // the place each name was read as where the passage first told it, at most maxPersons: see sameNameAsBefore
	leadLooks int                        // drafts looked at by the passes over leads (markAreaSummaries, markProvinceLeads): a test's measure of their work
}

// newPassage splits text into sentences and finds triggers, dates, counts and
// places in each.
func newPassage(text, lang string, published, today time.Time, places Places) *passage {
	return newPassageOf(text, findPlaces(text, places), lang, published, today, places)
}

// findPlaces returns the gazetteer's mentions in the body of text, in the
// order of the text.
func findPlaces(text string, places Places) []gazetteer.Mention {
	if places == nil {
		return nil
	}
	ms := slices.Clone(places.FindAll(text[:bodyEnd(text)]))
	slices.SortFunc(ms, func(a, b gazetteer.Mention) int { return a.Start - b.Start })
	return ms
}

// newPassageOf is newPassage with the mentions findPlaces returns.
func newPassageOf(text string, ms []gazetteer.Mention, lang string, published, today time.Time, places Places) *passage {
	p := &passage{text: text, lang: lang, published: published, places: places}
	body := text[:bodyEnd(text)]
	dateStart, dateEnd := findDateline(body, ms)
	dash := datelineDash(body, ms)
	spans := splitSentences(body)
	toks := make([][]token, len(spans))
	for i, sp := range spans {
		toks[i] = tokenize(text, sp.Start, sp.End)
	}
	for _, ts := range toks {
		p.memorial = p.memorial || anyNear(ts, -1, 1, len(ts), memorialWords)
	}
	ctx := dateContext{published: published, year: statedYear(toks), today: today}
	if published.IsZero() {
		ctx.era = findEra(toks)
		ctx = storyDay(toks, text, ctx, dash)
	}
	var anchor *dateMention // the last day told, for "في اليوم التالي"
	seized := false         // the last sentence with incident words told a seizure
	inTally := false        // the sentence before was a tally
	inOffTopic := false     // the sentence before was about a court, a commemoration or a campaign
	for i, sp := range spans {
		s := sentence{span: sp, toks: toks[i]}
		raw := findTriggers(s.toks)
		s.trig = filterTriggers(text, s.toks, raw)
		tally := isSummary(s.toks) || len(s.trig) == 0 && (len(raw) > 0 && slices.ContainsFunc(s.toks, func(t token) bool { return t.in(periodOpeners) }) ||
			wholeMonth(s.toks) && (len(raw) > 0 || slices.ContainsFunc(s.toks, func(t token) bool { return t.in(countVerbs[countKilled]) || t.in(countVerbs[countInjured]) }))) ||
			wholeMonth(s.toks) && numberOfTheDead(s.toks) ||
			duringAMonth(s.toks) && manyCounted(s.toks) || // "إن 950 مدنياً قُتلوا خلال شهر أيار الماضي"
			inTally && anyNear(s.toks, -1, 1, len(s.toks), tallyNouns) ||
			monthTally(s.toks, s.trig) ||
			inTally && tallyGoesOn(s, ms, sp, text, ctx) ||
			inTally && listItem(text, sp) // "- 395 … were killed in raids …": a line of the breakdown the tally opened
		wasOffTopic := inOffTopic
		offTopic := isOffTopic(s.toks) || inOffTopic && (anyNear(s.toks, -1, 1, 3, campaignNouns) || isBackground(s.toks) || elaborates(s.toks))
		inOffTopic = offTopic
		link := linkLine(s.toks)
		if tally || offTopic || link {
			s.trig = nil // "نفذت القوات 40 عملية خلال عام": a tally, not an incident; "وأوضح التقرير أن القتلى…": its breakdown
		}
		inTally, s.tally = tally, tally
		if seized && inventory(s.toks, s.trig) {
			s.trig = nil // "شملت المضبوطات قذائف هاون": what was seized, told after the seizure
		} else if len(s.trig) > 0 {
			seized = slices.ContainsFunc(s.trig, func(t trigger) bool { return t.Typ == TypeWeaponsSeizure })
		}
		s.dates = markClauseDates(text, s.toks, markChargeDates(text, s.toks, findDates(s.toks, text, ctx)))
		for k := range s.dates {
			s.dates[k].Reported = s.dates[k].Reported || s.dates[k].End <= dash // filed then, not happened then
		}
		agoFromSaying(s.dates, s.toks)
		todayFromSaying(s.dates, s.toks, text, s.Start)
		anchor = resolveAnchors(s.dates, anchor)
		if ctx.year == 0 && !ctx.yearDay.IsZero() {
			noteYearOfDay(s.dates, s.toks, ctx.yearDay)
		}
		if y := explicitYear(s.dates, s.toks); y != 0 {
			ctx.year = y // "وفي 25 نوفمبر" after "في 24 نوفمبر 2025": the year told last
		}
		if ctx.published.IsZero() && ctx.year == 0 && ctx.yearDay.IsZero() {
			ctx.yearDay = inferredDay(s.dates)
		}
		s.newTopic = isNewTopic(s.toks)
		s.background = isBackground(s.toks)
		if s.background && earlierReport(s.toks) && !slices.ContainsFunc(s.dates, func(d dateMention) bool {
			return (!d.Relative || d.resolved()) && !onDay(d, ctx.published) // "قد قال إن سيارة انفجرت اليوم (8 نيسان)": of the day written
		}) {
			s.background, s.earlierReport = false, true // "وكان المرصد قد ذكر في وقت سابق مقتل…": the same story, first told
		}
		s.aside = isAside(s.toks)
		lo, hi := mentionRange(ms, sp)
		var found []gazetteer.Mention
		ctxAt := map[int]bool{}
		for _, m := range ms[lo:hi] {
			parts := splitContext(text, m, places)
			if len(parts) == 2 {
				ctxAt[parts[1].Start] = true
			}
			found = append(found, parts...)
		}
		found = slices.DeleteFunc(found, func(m gazetteer.Mention) bool {
			// a mention starting outside the sentence (the gazetteer reads stretches of text,
			// not the sentences split here) is no place of it: its words are not among its
			// tokens, which the role rules read it by
			return m.Start < sp.Start || m.Start >= sp.End || p.insideEnglishName(s.toks, m)
		})
		found = append(found, p.recoverNames(s.toks, found)...)
		slices.SortFunc(found, func(a, b gazetteer.Mention) int { return a.Start - b.Start })
		nameEnd := 0
		for k, m := range found {
			if m.Start < nameEnd {
				continue // a word of the name before, read as written ("قرية X Y" matched as X)
			}
			next := len(text) // a place glued to its preposition ends the name before it
			if k+1 < len(found) && (found[k+1].Proclitic != "" || ctxAt[found[k+1].Start]) {
				next = found[k+1].Start
			}
			mn := newMention(text, s.toks, m, next)
			if personNamed(s.toks, mn) {
				p.namePerson(mn)
				continue // "المواطن خضر", "Mohammad Al-Suwaidi": a person's name
			}
			if p.persons[normalize(mn.name)] && !typedName(mn) {
				continue // "Al-Suwaidi told reporters" after "Mohammad Al-Suwaidi": the same man
			}
			if incidentWordName(s.toks, mn) || shamName(s.toks, mn) || actorName(s.toks, mn) || plateNamed(s.toks, mn) || stanceNamed(text, mn) {
				continue // "ما أدى إلى مقتله", "أحرار الشام", "قوات الأسد", "لوحة حماة", "pro-Assad": an incident word a village shares, a group's name, a number plate, a stance
			}
			mn.ofPrev = ctxAt[m.Start]
			s.ms = append(s.ms, mn)
			nameEnd = mn.writtenEnd
		}
		p.earlier = append(p.earlier, ms[lo:hi]...)
		if link {
			s.ms = nil // "Read more: … in X": another story's headline, no place of this one
		}
		assignRoles(text, s.toks, s.ms, dateStart, dateEnd)
		p.sameNameAsBefore(s.ms)
		p.quartersOfTheStoryCity(s.ms)
		p.farFromReference(s.ms)
		for _, m := range s.ms {
			if m.abroad {
				if p.abroadIDs == nil {
					p.abroadIDs = map[string]bool{}
				}
				p.abroadIDs[m.Match.Place.ID] = true
			}
		}
		skip := skipSpans(s.dates, s.ms)
		s.counts = append(findCounts(s.toks, skip), findCountsEN(text, s.toks, skip)...)
		if wasOffTopic && !offTopic && len(s.trig) > 0 && len(s.dates) == 0 && len(s.counts) == 0 &&
			!slices.ContainsFunc(s.ms, func(m mention) bool { return m.role == RoleIncident }) {
			// "وطالب المشاركون بمحاسبة مرتكبي المجزرة" after a commemoration, a
			// verdict's detail after the verdict: the same topic, no new event
			s.trig, inOffTopic = nil, true
		}
		p.sents = append(p.sents, s)
	}
	return p
}

// markChargeDates marks the dates told in the clause of what someone is
// charged with ("a man accused of killing two civilians in 2023", "متهم
// بقتل شاب في العام الماضي"): the deed's day, not the arrest's, which would
// otherwise be read as an old event. No draft is dated by them.
func markChargeDates(text string, toks []token, ds []dateMention) []dateMention {
	if len(ds) == 0 {
		return ds
	}
	for i := range toks {
		if _, ok := lookup(toks[i].Norm); !ok || !chargedWith(toks, i) {
			continue
		}
		end := i + 1
		for end < len(toks) && end-i <= 12 && !strings.ContainsAny(text[toks[end-1].End:toks[end].Start], ",;:.،؛") {
			end++
		}
		from, to := toks[i].Start, toks[end-1].End
		for k := range ds {
			ds[k].Charge = ds[k].Charge || ds[k].Start >= from && ds[k].Start < to
		}
	}
	return ds
}

// markClauseDates marks as Charge (no date of the event) each date told in an
// English clause "which …" that tells no incident: "the shells hit the
// neighbourhood, which the army entered two days ago" dates the army's entry,
// not the shells.
func markClauseDates(text string, toks []token, ds []dateMention) []dateMention {
	for k := range ds {
		at := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= ds[k].Start })
		for i := at - 1; i >= 0; i-- {
			w := toks[i].Norm
			if _, ok := lookup(w); ok || strings.ContainsAny(text[toks[i].End:ds[k].Start], ".;:") || ds[k].Start-toks[i].End > 80 {
				break
			}
			if w == "which" {
				ds[k].Charge = true
				break
			}
		}
	}
	return ds
}

// earlierReport reports a sentence whose background marker governs a verb of
// reporting: "وكان المرصد قد ذكر في وقت سابق…", "had earlier reported":
// an earlier telling of the story, not an earlier event (unless it tells a
// date of its own: "في وقت سابق من هذا الشهر، ذكر مسؤول أن…").
func earlierReport(toks []token) bool {
	for i := 0; i < len(toks) && i < 8; i++ {
		if toks[i].in(reportWords) {
			return true
		}
	}
	return false
}

// insideEnglishName reports a gazetteer match on the last words of a longer
// capitalised name ("Sousa" in "the Kafr Sousa neighborhood"): the name is
// read whole, as written, not as the place its last word names.
func (p *passage) insideEnglishName(toks []token, m gazetteer.Mention) bool {
	if !isLatin(normalize(m.Text)) {
		return false
	}
	i := 0
	for i < len(toks) && toks[i].Start < m.Start {
		i++
	}
	if i == 0 || i >= len(toks) || toks[i].Start != m.Start {
		return false
	}
	prev := toks[i-1]
	return p.capital(prev) && strings.TrimSpace(p.text[prev.End:m.Start]) == "" && !prev.in(directionWords) && !prev.in(nameHeadsEN) &&
		(i < 2 || !p.capital(toks[i-2]) || p.punctBetween(toks[i-2], prev)) && i >= 2 &&
		(toks[i-2].Norm == "the" || placePrepsEN[toks[i-2].Norm] && typeWordAfter(toks, m) || typeOfBefore(toks, i-2))
}

// typeOfBefore reports an English type word and "of" ending at toks[j]: "the
// town of Kafr Abu Hamid" names the town by all its capitalised words.
func typeOfBefore(toks []token, j int) bool {
	if j < 1 || toks[j].Norm != "of" {
		return false
	}
	_, ok := recoverTypes[singular(toks[j-1].Norm)]
	return ok && isLatin(toks[j-1].Norm)
}

// typeWordAfter reports an English type word right after a mention: "in Tal
// Sousa village" names the village by both its words.
func typeWordAfter(toks []token, m gazetteer.Mention) bool {
	for j := range toks {
		if toks[j].Start >= m.NameEnd {
			_, ok := recoverTypes[singular(toks[j].Norm)]
			return ok && isLatin(toks[j].Norm)
		}
	}
	return false
}

// nameHeadsEN before a place's name are no part of it: "Eastern Ghouta" aside,
// titles and adjectives of nations.
var nameHeadsEN = wordSet("greater", "old", "new", "upper", "lower", "eastern", "western", "northern", "southern", "central", "syrian", "israeli", "turkish", "russian", "kurdish")

// tallyNouns name a report or its figures: a sentence after a tally that
// cites them breaks the tally down.
var tallyNouns = wordSet("التقرير", "تقرير", "الاحصائيه", "الاحصائيات", "الحصيله", "report", "statistics", "figures", "tally",
	// the documentation the tally came from: "وحسب توثيق أصدره المرصد، قتل 1053 مدنياً"
	"توثيق", "التوثيق", "documentation",
	// the victims of the tally told before, told by kind: "ووثق الفريق جميع الضحايا من المدنيين، بينهم …"
	"الضحايا", "ضحايا")

// wholeMonth reports a month told as a whole ("في شهر آب", "شهر نيسان
// الماضي"): with no incident word left standing, a toll over it ("رصدت الشبكة
// في شهر آب مقتل خمسة") is a tally.
func wholeMonth(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if monthNamed(toks, i) {
			return true
		}
	}
	return false
}

// monthNamed reports "شهر" and a month's name at toks[i]: "شهر آذار".
func monthNamed(toks []token, i int) bool {
	return toks[i].Norm == "شهر" && monthAt(toks, i+1).ok
}

// duringAMonth reports a month told as the span of what is counted:
// "خلال شهر أغسطس", "طوال شهر آذار", "في شهر تموز" (not "في الخامس من شهر
// آب", a day of it).
func duringAMonth(toks []token) bool {
	for i := 1; i+1 < len(toks); i++ {
		if monthNamed(toks, i) && toks[i-1].in(monthSpanWords) {
			return true
		}
	}
	return false
}

var monthSpanWords = wordSet("خلال", "طوال", "طيله", "في")

// numberOfTheDead reports "عدد القتلى", "عدد الضحايا": the number of the
// dead, which a month's toll gives ("بلغ عدد القتلى في شهر تشرين الثاني
// 4182"), whatever incident word the dead are told by.
func numberOfTheDead(toks []token) bool {
	for i, t := range toks {
		if strings.TrimPrefix(t.Norm, "و") == "عدد" && anyNear(toks, i, 1, 2, theDeadAR) {
			return true
		}
	}
	return false
}

// theDeadAR are the dead a month's toll counts.
var theDeadAR = wordSet("القتلي", "قتلي", "الضحايا", "ضحايا")

// manyIncidents are the plural nouns of a month's tally: "في حوادث عنف", "incidents".
var manyIncidents = wordSet("حوادث", "incidents")

// monthTally reports a month's toll told over many incidents, before any
// incident word: "رصدت في شهر شباط مقتل 7 أشخاص في حوادث عنف". An event told
// first and then its kind's recent run ("استهدفت العبوة عنصراً، حيث تكررت
// حوادث العبوات في شهر أيار") is the event's.
func monthTally(toks []token, trig []trigger) bool {
	if !wholeMonth(toks) {
		return false
	}
	for i, t := range toks {
		if t.in(manyIncidents) {
			return len(trig) == 0 || trig[0].Tok > i
		}
	}
	return false
}

// mentionRange returns the indices [lo, hi) of the mentions starting in sp.
func mentionRange(ms []gazetteer.Mention, sp span) (int, int) {
	lo := 0
	for lo < len(ms) && ms[lo].Start < sp.Start {
		lo++
	}
	hi := lo
	for hi < len(ms) && ms[hi].Start < sp.End {
		hi++
	}
	return lo, hi
}

// strongOrWeak drops weak triggers ("قتل") when a sentence has a strong one:
// the killing is then a count of that incident.
func strongOrWeak(ts []trigger) []trigger {
	strong := slices.DeleteFunc(slices.Clone(ts), func(t trigger) bool { return t.Weak })
	if len(strong) > 0 {
		return strong
	}
	return ts
}

// explicitYear is the year of the last date of a sentence written with one
// ("24 نوفمبر 2025", "مارس 2019"), or 0.
func explicitYear(ds []dateMention, toks []token) int {
	y := 0
	for _, d := range ds {
		if !d.resolved() || d.Relative || d.Since {
			continue
		}
		for _, t := range toks {
			if t.Start >= d.Start && t.End <= d.End && len(t.Norm) == 4 && isNumber(t.Norm) {
				y = d.To.Year()
			}
		}
	}
	return y
}

// inferredDay returns the first day among ds whose year a weekday gave, or
// zero: the year later year-less dates of the story share.
func inferredDay(ds []dateMention) time.Time {
	for _, d := range ds {
		if d.Inferred && d.resolved() && d.Prec == PrecisionDay && !d.Relative {
			return d.From
		}
	}
	return time.Time{}
}

// noteYearOfDay notes on each day among ds that names no year of its own that
// its year is that of day, itself inferred: a guess to check.
func noteYearOfDay(ds []dateMention, toks []token, day time.Time) {
	for k := range ds {
		d := &ds[k]
		if !d.resolved() || d.Relative || d.Inferred || explicitYear(ds[k:k+1], toks) != 0 {
			continue
		}
		d.Inferred = true
		d.Note = fmt.Sprintf("year %d taken from the day told before (%s), whose year the weekday gave; check", d.From.Year(), day.Format(time.DateOnly))
	}
}

// statedYear is the first explicit year (1990-2100) written in the passage, to
// date "24 نوفمبر" when the publication date is unknown and no year was told
// before it.
func statedYear(toks [][]token) int {
	for _, ts := range toks {
		for _, t := range ts {
			if len(t.Norm) == 4 && isNumber(t.Norm) && t.Norm >= "1990" && t.Norm <= "2100" {
				var y int
				for _, c := range t.Norm {
					y = y*10 + int(c-'0')
				}
				return y
			}
		}
	}
	return 0
}

// skipSpans are the dates and place names of a sentence, as byte spans.
func skipSpans(ds []dateMention, ms []mention) []span {
	out := make([]span, 0, len(ds)+len(ms))
	for _, d := range ds {
		out = append(out, span{Start: d.Start, End: d.End})
	}
	for _, m := range ms {
		out = append(out, span{Start: m.Start, End: m.End})
	}
	return out
}

// resolveAnchors dates the mentions of one sentence told from an earlier date,
// in order, and returns the anchor for the next sentence: the last known day
// that is not the date of an announcement.
func resolveAnchors(ds []dateMention, anchor *dateMention) *dateMention {
	for i := range ds {
		resolveAnchored(&ds[i], anchor)
		if ds[i].resolved() && ds[i].Prec == PrecisionDay && !ds[i].Reported {
			a := ds[i]
			anchor = &a
		}
	}
	return anchor
}

// storyDay returns ctx with the day of writing a passage without a
// publication date tells itself, in its dateline ("DAMASCUS, Jan 5, 2025
// (Reuters) -", dash the end of it) or as today ("اليوم الجمعة 14 شباط"), so
// that its other "اليوم" and "أمس" are dated by it. When it tells none, it
// sets ctx.leadDay instead: the first full date (day, month and year written)
// of the first sentence that tells a date. That date of the story anchors a
// weekday told as past ("الأربعاء الفائت" after "مساء الجمعة (5 آذار 2021)" is
// the Wednesday before it); other relative dates and year-less ones stay
// unknown, since the date is the story's, not the day of writing.
func storyDay(toks [][]token, text string, ctx dateContext, dash int) dateContext {
	var lead time.Time
	leadRead := false // the first sentence that tells a date was read for lead
	for _, ts := range toks {
		ds := findDates(ts, text, ctx)
		for _, d := range ds {
			if d.End <= dash && d.resolved() && d.Prec == PrecisionDay {
				d.storyDay = d.From
			}
			if !d.storyDay.IsZero() {
				ctx.published = d.storyDay
				if d.Inferred {
					ctx.dayNote = d.Note
				}
				return ctx
			}
			if !leadRead && lead.IsZero() && d.resolved() && d.Prec == PrecisionDay && !d.Relative && !d.Since && !d.Inferred &&
				explicitYear([]dateMention{d}, ts) != 0 {
				lead = d.From
			}
		}
		leadRead = leadRead || len(ds) > 0
	}
	ctx.leadDay = lead
	return ctx
}

// agoFromSaying dates "N days ago" from the day a source spoke, when the
// sentence tells that day before it: "On Sept. 28, the group said that ten
// days ago gunmen kidnapped …".
func agoFromSaying(ds []dateMention, toks []token) {
	for k := range ds {
		if ds[k].agoDays == 0 {
			continue
		}
		for j := k - 1; j >= 0; j-- {
			if said := ds[j]; said.resolved() && said.Prec == PrecisionDay && (said.Reported || saidBetween(toks, said.End, ds[k].Start)) {
				t := said.From.AddDate(0, 0, -ds[k].agoDays)
				ds[k].From, ds[k].To, ds[k].Prec, ds[k].Note = t, t, PrecisionDay, ""
				break
			}
		}
	}
}

// todayFromSaying dates "today" and "yesterday" told inside a quotation from
// the day the sentence says the quoted source spoke, outside it: in
// "«… قصفت اليوم …» قال الدفاع المدني يوم الاثنين" and "\"… shells hit the
// market twice today …,\" the rescuers said on Monday", today is that
// Monday, not the day of publication.
func todayFromSaying(ds []dateMention, toks []token, text string, from int) {
	for k := range ds {
		if !ds[k].isToday || !ds[k].Relative || !inQuotation(text[from:ds[k].Start]) {
			continue
		}
		for j := range ds {
			if said := ds[j]; j != k && (said.Reported || said.Start > ds[k].End && saidBetween(toks, ds[k].End, said.Start)) &&
				!said.isToday && said.resolved() && said.Prec == PrecisionDay && !inQuotation(text[from:said.Start]) {
				t := said.From.AddDate(0, 0, ds[k].todayOff)
				ds[k].From, ds[k].To, ds[k].Note = t, t, ""
				break
			}
		}
	}
}

// inQuotation reports text, from a sentence's start, ending inside a quotation:
// an open «, “ or " not closed after it.
func inQuotation(text string) bool {
	depth, straight := 0, false
	for _, r := range text {
		switch r {
		case '«', '“':
			depth++
		case '»', '”':
			depth = max(depth-1, 0)
		case '"':
			straight = !straight
		}
	}
	return depth > 0 || straight
}

// saidBetween reports a verb of saying between two offsets.
func saidBetween(toks []token, from, to int) bool {
	for _, t := range toks {
		if t.Start >= from && t.End <= to && t.in(reportWords) {
			return true
		}
	}
	return false
}

// onDay reports d resolved to the day day (a publication day).
func onDay(d dateMention, day time.Time) bool {
	return !day.IsZero() && d.resolved() && d.From.Equal(day) && d.To.Equal(day)
}

// tallyGoesOn reports a sentence after a tally that tells only killings, with
// no place and no day of their own: the tally's breakdown ("بينما قتلت قوات
// أخرى 11 مدنياً", "while 29 were killed by other parties"), not an event.
func tallyGoesOn(s sentence, ms []gazetteer.Mention, sp span, text string, ctx dateContext) bool {
	if len(s.trig) == 0 || slices.ContainsFunc(s.trig, func(t trigger) bool { return !t.Weak }) {
		return false
	}
	if lo, hi := mentionRange(ms, sp); lo < hi {
		return false
	}
	return len(findDates(s.toks, text, ctx)) == 0
}

// listItem reports a sentence set out as an item of a list: a dash, a
// bullet or a star before its first word.
func listItem(text string, sp span) bool {
	r, _ := utf8.DecodeRuneInString(text[sp.Start:])
	return r == '-' || r == '–' || r == '—' || r == '•' || r == '*' || r == '·'
}

// linkLine reports a line a web page puts between paragraphs to link another
// story: "Read more: …", "Read also: …", "اقرأ أيضاً: …", "Related: …".
func linkLine(toks []token) bool {
	if len(toks) < 2 {
		return false
	}
	a, b := toks[0].Norm, toks[1].Norm
	return (a == "read" || a == "اقرا" || a == "واقرا") && (linkSecond[b] || b == "more") ||
		a == "related" || a == "see" && b == "also" || (a == "شاهد" || a == "اقرا") && linkSecond[b]
}

var linkSecond = wordSet("also", "more", "ايضا", "المزيد", "اكثر")

// referenceKm is how far a village told with a reference point may lie from
// it: "X, 10 km east of Y" names a village within a district of Y.
const referenceKm = 60

// referenceGap is how many words may stand between a name and the
// reference point told after it: "X village, some 20 km to the east of Y".
const referenceGap = 6

// namePerson keeps the name of m, told as a person's, so that the same name
// told alone later is the person's too: a story names "Mohammad Al-Suwaidi",
// then quotes "Al-Suwaidi". At most maxPersons names are kept.
func (p *passage) namePerson(m mention) {
	if len(p.persons) >= maxPersons || typedName(m) {
		return
	}
	if p.persons == nil {
		p.persons = map[string]bool{}
	}
	p.persons[normalize(m.name)] = true
}

// maxPersons bounds the people's names a passage keeps.
const maxPersons = 64

// sameNameAsBefore reads a name told again as the place it was read as the
// first time the passage told it, when that place is one of its namesakes and
// nothing around it now says otherwise: after "Saida town in the Daraa
// countryside", "an alley in Saida town" is that Saida, not the namesake the
// bare name ranks first. It then records the places of names told first here.
func (p *passage) sameNameAsBefore(ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.role != RoleIncident && m.role != RoleContext || isUnknown(m.Mention) {
			continue
		}
		key := normalize(m.name)
		first, ok := p.named[key]
		switch {
		case !ok:
			if len(p.named) < maxPersons {
				if p.named == nil {
					p.named = map[string]gazetteer.Place{}
				}
				p.named[key] = m.Match.Place
			}
		case first.ID != m.Match.Place.ID && m.ContextStart >= m.End && !namesOwnGovernorate(ms, i) && !namesGovernorateOf(ms, i):
			for _, alt := range m.Match.Alternatives {
				if alt.ID == first.ID {
					readAs(&m.Match, alt)
					break
				}
			}
		}
	}
}

// namesGovernorateOf reports a governorate or its countryside told in the
// sentence of ms[i], in the governorate ms[i] is read in.
func namesGovernorateOf(ms []mention, i int) bool {
	for j, m := range ms {
		if j != i && precisionOf(m.Mention) == gazetteer.PrecisionGovernorate && m.Match.Place.Admin1PCode == ms[i].Match.Place.Admin1PCode {
			return true
		}
	}
	return false
}

// quartersOfTheStoryCity reads a neighbourhood told in a sentence that names
// no city as one of the city the story told before, when the gazetteer put it
// in another governorate and has a namesake there: after a car bomb told in
// Homs, "five died in al-Zahraa" is Homs's al-Zahraa, not Daraa's.
func (p *passage) quartersOfTheStoryCity(ms []mention) {
	for _, m := range ms {
		if m.Match.Place.Kind == gazetteer.KindCity && !isUnknown(m.Mention) && (m.role == RoleIncident || m.role == RoleContext) {
			return // the sentence names its city: agreeWithGovernorate reads its quarters
		}
	}
	var cities []*gazetteer.Place
	for i := range ms {
		m := &ms[i]
		if m.role != RoleIncident || m.Match.Place.Kind != gazetteer.KindNeighbourhood {
			continue
		}
		if cities == nil {
			cities = p.citiesTold()
		}
		for _, city := range cities { // the latest first
			if m.Match.Place.Admin1PCode == city.Admin1PCode {
				break
			}
			alt, ok := namesakeIn(m.Match, city.Admin1PCode)
			if !ok || alt.Kind != gazetteer.KindNeighbourhood {
				alt, ok = p.quarterIn(m.Match.Place, city) // its namesake there may be spelt otherwise in English ("al-Zahraa", "Zahra'")
			}
			if ok {
				readAs(&m.Match, alt)
				break
			}
		}
	}
}

// quarterIn looks the Arabic name of the neighbourhood q up as a quarter of
// city: the gazetteer's own reading of "حي X في Y".
func (p *passage) quarterIn(q gazetteer.Place, city *gazetteer.Place) (gazetteer.Place, bool) {
	if p.places == nil || q.NameAR == "" || city.NameAR == "" {
		return gazetteer.Place{}, false
	}
	for _, m := range p.places.FindAll("حي " + q.NameAR + " في " + city.NameAR) {
		if pl := m.Match.Place; pl.Kind == gazetteer.KindNeighbourhood && pl.Admin1PCode == city.Admin1PCode && pl.ID != q.ID {
			return pl, true
		}
	}
	return gazetteer.Place{}, false
}

// citiesTold returns the last few cities named as incident places in the
// last storyLookback sentences read, the latest first, one a governorate: at
// most maxStoryCities, so that a report naming thousands of places costs each
// quarter a few look-ups, not one a city or a sentence.
func (p *passage) citiesTold() []*gazetteer.Place {
	var out []*gazetteer.Place
	seen := map[string]bool{}
	for j := len(p.sents) - 1; j >= 0 && j >= len(p.sents)-storyLookback && len(out) < maxStoryCities; j-- {
		for k := len(p.sents[j].ms) - 1; k >= 0 && len(out) < maxStoryCities; k-- {
			if m := &p.sents[j].ms[k]; m.role == RoleIncident && m.Match.Place.Kind == gazetteer.KindCity && !isUnknown(m.Mention) && !seen[m.Match.Place.Admin1PCode] {
				seen[m.Match.Place.Admin1PCode] = true
				out = append(out, &m.Match.Place)
			}
		}
	}
	return out
}

// maxStoryCities is how many of the story's cities a quarter is looked up
// in, and storyLookback how many sentences back they are looked for.
const (
	maxStoryCities = 3
	storyLookback  = 8
)

// farFromReference re-reads a village or town told with a reference point by
// a direction right after its name ("in X village, 20 km east of Y") that the
// gazetteer placed far from that point, in another governorate: that X is a
// namesake or a near spelling of the one meant, which is placed near Y as
// written, with the gazetteer's X as the alternative. X told again later in
// the passage is read so too.
func (p *passage) farFromReference(ms []mention) {
	for i := range ms {
		m := &ms[i]
		if u, ok := p.reread[m.Match.Place.ID]; ok {
			m.Match = u
			continue
		}
		k := m.Match.Place.Kind
		if m.role != RoleIncident || m.near || isUnknown(m.Mention) || len(m.Match.Context) > 0 || k != gazetteer.KindVillage && k != gazetteer.KindTown {
			continue // a place told with its area ("بلدة X بريف Y") was read in it already
		}
		for j := i + 1; j < len(ms) && ms[j].tok0 <= m.tok1+referenceGap; j++ {
			r := &ms[j]
			rp := r.Match.Place
			if !r.near || r.role != RoleIncident && r.role != RoleReference || !strings.HasSuffix(r.Match.Qualifier, " of") || isUnknown(r.Mention) ||
				r.tok0 < m.tok1 || rp.Admin1PCode == "" || rp.Admin1PCode == m.Match.Place.Admin1PCode ||
				rp.Kind == gazetteer.KindGovernorate || rp.Kind == gazetteer.KindRegion ||
				geo.Distance(rp.Location, m.Match.Place.Location) <= referenceKm*1000 {
				continue
			}
			u := unknownPlace(m.name, k, p.lang == langEnglish, &r.Mention)
			u.Alternatives = []gazetteer.Place{m.Match.Place}
			if p.reread == nil {
				p.reread = map[string]gazetteer.Match{}
			}
			p.reread[m.Match.Place.ID] = u
			m.Match = u
			break
		}
	}
}
