package extract

import (
	"slices"
	"strings"
	"time"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/paulmach/orb/geo"
)

// draft is an incident being assembled from one or more sentences.
type draft struct {
	segment
	sents     []int        // sentence indices, in order
	spans     []span       // where counts were read in each
	places    []*mention   // where it happened: one, or several told as one event
	refs      []*mention   // near or reference points, used when no place is named
	date      *dateMention // nil when no date is told
	inherited bool         // date taken from an earlier sentence
	counts    [3]*int
	countAt   [3]int  // where each count was read
	more      [3]bool // the count was told as "آخرين": add it to an earlier one of the incident
	named     [3]bool // the count is of people told by name, who may be among those a larger count told
	side      [3]side // whose people each count is: the attackers', the others', or not told
	borrowed  bool    // its place is an earlier sentence's, none of its own
	notes     []string
	apart     bool // told as background or an aside: never merged with the story's incidents
	summary   bool // totals incidents told after it
	several   bool // told as the toll of several events apart: the events told after it are its parts
	zero      bool // told as hurting nobody: killed and injured are 0 unless counted
	announced bool // told as announced ("announced the arrest of …"): its day may be the announcement's
	// rose and dayParts say what its sentences tell, kept as sentences join
	// it so that weighing a later draft against it costs the same however
	// many it holds (a story repeating one sentence had made each such weighing
	// read every sentence joined before: the square of the text's length).
	rose     bool  // one of its sentences tells the toll as risen (tollRose)
	dayParts uint8 // the parts of the day its sentences tell (dayPart), bit 0 for none
}

func (d *draft) lastSent() int { return d.sents[len(d.sents)-1] }

// join adds sentence si to d, with what it tells that later drafts are
// weighed against.
func (p *passage) join(d *draft, si int) {
	d.sents = append(d.sents, si)
	d.rose = d.rose || p.tollRose(si)
	d.dayParts |= 1 << p.dayPart(si)
}

// candidates reads the passage sentence by sentence: a sentence with incident
// words gives drafts, which join an earlier draft of the same event when they
// only add to it (a compatible type, the same or a containing place or none,
// no other date); a sentence without any may add counts, a date or a finer
// place to the draft just before it.
func (p *passage) candidates() []Candidate {
	var drafts []draft
	var lastDate *dateMention
	for si := range p.sents {
		s := &p.sents[si]
		if len(s.trig) == 0 {
			p.followUp(drafts, si)
		}
		if n := len(drafts); n > 0 && len(s.trig) > 0 && disputedCause(s.toks) {
			// "وتضاربت المعلومات حول سبب الانفجار: قصف طيران أو سيارة مفخخة": what
			// each source guesses, not events; the explosion told stays one of unknown cause
			if note := "its cause is told as disputed: the causes named are guesses, not events"; !slices.Contains(drafts[n-1].notes, note) {
				drafts[n-1].notes = append(drafts[n-1].notes, note)
			}
			continue
		}
		for _, g := range segments(s) {
			d := p.newDraft(si, g, lastDate, drafts)
			if d.apart && len(d.places) == 0 && len(d.refs) == 0 && (d.date == nil || !d.date.resolved() || d.counts == [3]*int{}) {
				continue // an earlier event with no place, or no date and toll, of its own: background, not a candidate
			}
			drafts = p.add(drafts, d)
		}
		if d := bestDate(s.dates, span{Start: s.Start, End: s.End}, s.Start); d != nil && d.resolved() && !s.aside && !s.background {
			lastDate = d
		}
	}
	p.dropRestatedLeadCounts(drafts)
	markSummaries(drafts)
	markTotalsAfter(drafts)
	p.markAreaSummaries(drafts)
	p.markProvinceLeads(drafts)
	p.markMultiProvinceLeads(drafts)
	for i := range drafts {
		drafts[i].summary = drafts[i].summary || drafts[i].several && i+1 < len(drafts)
	}
	drafts = splitDuals(drafts)
	var out []Candidate
	for _, d := range drafts {
		if d.summary || p.history(d) || p.abroad(d) || len(d.places) == 0 && len(d.refs) == 0 && (d.date == nil || !d.date.resolved() || d.inherited) && d.counts == [3]*int{} &&
			p.hintedGovernorate(d) == "" {
			continue // a total of incidents told apart, or nothing of its own a reviewer could place, date or count
		}
		if len(d.places) == 0 && len(d.refs) == 0 && d.date != nil && d.date.resolved() && d.date.To.Sub(d.date.From) > periodSpan &&
			p.hintedGovernorate(d) == "" {
			continue // "أحصت منظمة 120 قتيلاً في البلاد منذ مطلع العام": a tally over months, placed nowhere
		}
		out = append(out, p.candidatesOf(d)...)
	}
	return out
}

// disputeWords, with reasonWords, tell a cause in dispute: "تضاربت الأنباء
// حول سبب الانفجار", "لم يُعرف سبب الانفجار", "conflicting reports about the
// cause", "the cause of the blast remains unclear".
var (
	disputeWords  = wordSet("تضاربت", "تضارب", "اختلفت", "تباينت", "conflicting", "contradictory")
	reasonWords   = wordSet("سبب", "اسباب", "cause", "causes")
	unknownVerbAR = wordSet("يعرف", "تعرف", "يتضح", "تتضح")
	unclearWords  = wordSet("unclear", "unknown", "disputed")
)

// disputedCause reports a sentence telling an explosion's cause as disputed
// or not yet known, whose weapons are the sources' guesses.
func disputedCause(toks []token) bool {
	for i, t := range toks {
		switch {
		case t.in(disputeWords) && anyNear(toks, i, 1, 6, reasonWords):
			return true
		case t.Norm == "لم" && i+1 < len(toks) && toks[i+1].in(unknownVerbAR) && anyNear(toks, i, 2, 4, reasonWords):
			return true
		case t.in(reasonWords) && isLatin(t.Norm) && anyNear(toks, i, 1, 6, unclearWords):
			return true // "the cause of the blast remains unclear"
		}
	}
	return false
}

// severalNouns name events of any kind in the dual or plural; apartWords say they
// stood apart: "في حادثتين منفصلتين", "في حوادث متفرقة", "in two separate incidents".
var (
	severalNouns = wordSet("حادثتين", "حادثين", "حوادث", "واقعتين", "هجومين", "هجمات", "incidents", "attacks",
		// duals of incident words: "جراء تفجيرين منفصلين"
		"تفجيرين", "انفجارين", "اعتداءين", "استهدافين")
	// casesTold count events by their kind as cases, in the dual or plural:
	// "ثلاث حالات خطف", "حالتي اغتيال".
	casesTold = wordSet("حالات", "حالتي", "حالتين", "حالتا")
	// twoIncidents are the dual of "incident" in construct, which names two
	// events by their kind without a word of apartness: "بحادثتي انفجار ألغام".
	twoIncidents = wordSet("حادثتي", "واقعتي")
	apartWords   = wordSet("منفصلتين", "منفصلين", "منفصله", "متفرقه", "متفرقتين", "متفرقين", "separate", "different")
)

// severalEvents reports a sentence's segment that tells its toll as that of
// several events told apart ("قتل رجل وأصيب آخر في حادثتين منفصلتين بريف حمص"):
// a lead totalling the events told after it, no incident of its own.
func severalEvents(toks []token, sp span) bool {
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if a.Start < sp.Start || b.End > sp.End {
			continue
		}
		if a.in(severalNouns) && b.in(apartWords) || a.in(apartWords) && b.in(severalNouns) || a.inInflected(twoIncidents) && !definite(a.Norm) {
			// (a construct takes no article: "بلدتي X وY الواقعتين تحت سيطرة" tells where they lie)
			return true
		}
		// the kind of the events between them: "حوادث عنف متفرقة", "تفجيرين إرهابيين منفصلين"
		if i+2 < len(toks) && toks[i+2].End <= sp.End && a.in(severalNouns) && toks[i+2].in(apartWords) {
			return true
		}
		if a.Norm == "series" && b.Norm == "of" && i+2 < len(toks) && toks[i+2].End <= sp.End && strings.HasSuffix(toks[i+2].Norm, "s") {
			return true // "nine dead this week in a series of attacks": the events told one by one after it
		}
		if a.in(casesTold) && b.End <= sp.End {
			if _, ok := lookup(b.Norm); ok {
				return true // "وثّقت المصادر ثلاث حالات خطف في X وY", "حالتي اغتيال": cases counted, each told after
			}
		}
	}
	return false
}

// partOfSeveral reports drafts[k] told after a lead that counts several
// events apart ("جراء تفجيرين منفصلين"): one of its parts.
func partOfSeveral(drafts []draft, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if drafts[j].several {
			return true
		}
	}
	return false
}

// abroad reports a draft whose place is in another country: told so, or the
// same place told so elsewhere in the passage ("in the town" after "Hermel in
// eastern Lebanon").
func (p *passage) abroad(d draft) bool {
	m, _ := d.mainPlace()
	if m != nil && (m.abroad || p.abroadIDs[m.Match.Place.ID]) {
		return true
	}
	toks := p.sents[d.sents[0]].toks
	if insideAbroad(toks) || m == nil && len(d.refs) == 0 && (inCountry(toks) || foreignActor(toks) || inCityAbroad(toks)) {
		return true
	}
	return (m == nil || isUnknown(m.Mention) && m.Match.Place.Admin1PCode == "") && len(d.refs) == 0 && p.foreignStory()
}

// inCityAbroad reports a city abroad told with "in" or "في": "detained 14
// young Syrians in Istanbul", which the gazetteer does not hold as a place.
func inCityAbroad(toks []token) bool {
	for i := 1; i < len(toks); i++ {
		if toks[i].in(foreignCities) && (toks[i-1].Norm == "in" || toks[i-1].Norm == "في" || toks[i-1].Norm == "مدينه") && !streetNamed(toks, i) {
			return true
		}
	}
	return false
}

// foreignStory reports a passage told from a neighbouring country's capital
// or of its provinces ("بغداد - كونا", "العاصمة العراقية", "in northern Iraq")
// that names neither Syria nor a place in it: its events happened there.
func (p *passage) foreignStory() bool {
	if p.foreign == 0 {
		p.foreign = 2
		if p.readForeignStory() {
			p.foreign = 1
		}
	}
	return p.foreign == 1
}

// readForeignStory reads the whole passage for foreignStory, once.
func (p *passage) readForeignStory() bool {
	foreign := false
	for i := range p.sents {
		s := &p.sents[i]
		for j := range s.ms {
			if m := &s.ms[j]; !isUnknown(m.Mention) && m.Match.Place.Admin1PCode != "" && !m.abroad && !p.abroadIDs[m.Match.Place.ID] {
				return false
			}
		}
		if syriaTold(s.toks) {
			return false // "BEIRUT (AFP) – … in Syria": a Syrian story told from next door
		}
		foreign = foreign || inCountry(s.toks) || capitalNamed(s.toks) || capitalOfAbroad(s.toks)
	}
	return foreign
}

// syriaWords name the country: a story that does is Syria's.
var syriaWords = wordSet("syria", "سوريا", "سوريه")

// syriaTold reports the country named other than as where people or goods
// came from: "smugglers crossing into Jordan from Syria" tells Jordan's
// border, "clashes in Syria" Syria.
func syriaTold(toks []token) bool {
	for i, t := range toks {
		if t.in(syriaWords) && !(i > 0 && (toks[i-1].Norm == "from" || toks[i-1].Norm == "من")) && !strings.HasPrefix(t.Norm, "من") {
			return true
		}
	}
	return false
}

// foreignCapitals are the capitals of the neighbouring countries, as a
// dateline or a place names them.
var foreignCapitals = wordSet("بغداد", "بيروت", "انقره", "baghdad", "beirut", "ankara", "amman")

// capitalNamed reports a neighbouring capital named other than as a
// street's name.
func capitalNamed(toks []token) bool {
	for i := range toks {
		if toks[i].in(foreignCapitals) && !streetNamed(toks, i) {
			return true
		}
	}
	return false
}

// streetNamed reports the name at i told as a street's or a square's: "in
// Baghdad Street", "شارع بغداد", "ساحة بيروت".
func streetNamed(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i+1].in(streetWords) || i > 0 && toks[i-1].in(streetWords)
}

// capitalOfAbroad reports "العاصمة العراقية", "the Lebanese capital".
func capitalOfAbroad(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Norm == "العاصمه" && foreignAdjectives[toks[i+1].Norm] || foreignAdjectivesEN[toks[i].Norm] && toks[i+1].Norm == "capital" {
			return true
		}
	}
	return false
}

// historyDays is how long before publication an event told with a date of
// its own is history recalled (an anniversary piece retelling a massacre of
// years before, with its date), not news to map.
const historyDays = 180

// history reports a draft dated, by a date of its own, historyDays or more
// before the publication date.
func (p *passage) history(d draft) bool {
	if (d.date == nil || d.inherited) && yearsAgo(p.sents[d.sents[0]].toks) {
		return true // "وكانت القرية شهدت اشتباكات قبل نحو 3 سنوات": years before, whatever the day of writing
	}
	if d.date == nil || !d.date.resolved() || d.inherited {
		return false
	}
	if p.published.IsZero() {
		// No day of writing to measure from: in a piece marking an anniversary, an
		// event told with a date and year of its own is the one remembered
		return p.memorial && !d.date.Relative && !d.date.Inferred && !d.date.Anchored
	}
	return d.date.To.Before(p.published.AddDate(0, 0, -historyDays))
}

// yearWords count years: "قبل 3 سنوات", "قبل عامين", "two years ago".
var yearWords = wordSet("سنوات", "سنه", "سنين", "اعوام", "عام", "عاما", "عامين", "سنتين", "years", "year")

// yearsAgo reports a sentence telling its event years back: "قبل (نحو) N
// سنوات", "قبل عامين", "N years ago".
func yearsAgo(toks []token) bool {
	for i, t := range toks {
		if t.Norm == "قبل" {
			for j := i + 1; j < len(toks) && j <= i+3; j++ {
				if toks[j].in(yearWords) {
					return true
				}
			}
		}
		if t.Norm == "ago" && i >= 2 && toks[i-1].in(yearWords) && toks[i-1].Norm != "year" {
			return true
		}
	}
	return false
}

// newDraft makes the draft of one segment of sentence si.
func (p *passage) newDraft(si int, g segment, lastDate *dateMention, drafts []draft) draft {
	s := &p.sents[si]
	d := draft{segment: g, spans: []span{g.sp}, apart: s.background || s.aside || g.earlier}
	p.join(&d, si)
	if g.similar && len(drafts) > 0 && (g.typ != TypeOther || sameKind(drafts[len(drafts)-1].typ, g.typ)) { // but "توغل مشابه" after an arrest is an incursion still
		prev := drafts[len(drafts)-1]
		d.typ, d.rank, d.weak = prev.typ, prev.rank, prev.weak // "بقصف مماثل": the same kind as before
		d.another = d.another || len(g.places) > 0             // "قصف مماثل طال Y": another event of that kind, at Y
	} else if n := len(drafts); g.told && n > 0 && violent[drafts[n-1].typ] && drafts[n-1].lastSent() >= si-2 {
		prev := &drafts[toldAntecedent(drafts, s)]
		if prev.weak && !g.weak && prev.typ == TypeArmedAttack {
			// "two men were killed near X" and then "the strikes hit a house": the
			// killing told first was the strike's, told now by its kind
			prev.typ, prev.rank, prev.weak = g.typ, g.rank, false
		}
		d.typ, d.rank = prev.typ, prev.rank // "جراء القصف" after "غارة جوية": the strike told before
		d.apart = d.apart && g.earlier      // "كان قد غادر وقت الهجوم": the background is someone's deed, the attack is the one told
	}
	for _, i := range g.places {
		m := &s.ms[i]
		if m.near {
			d.refs = append(d.refs, m)
		} else {
			d.places = append(d.places, m)
		}
	}
	if len(d.refs) > 0 && onlyRegions(s.toks, d.places) {
		d.places = nil // "in the Badia east of Salamiyah": the point says more than the desert
	}
	if len(d.places) == 0 {
		for i := range s.ms {
			if m := &s.ms[i]; m.role == RoleReference && m.Start >= g.sp.Start && m.Start < g.sp.End {
				d.refs = append(d.refs, m)
			}
		}
	}
	d.several = severalEvents(s.toks, g.sp)
	d.date = bestDate(s.dates, g.sp, g.pos)
	if d.date == nil {
		d.date = bestDate(s.dates, span{Start: s.Start, End: s.End}, g.pos)
	}
	if d.date == nil && lastDate != nil && !d.apart {
		d.date, d.inherited = lastDate, true
	}
	d.announced = announcedBefore(s, g.pos)
	d.takeCounts(s, g.sp)
	if g.elliptic > 0 && d.counts == [3]*int{} {
		d.ellipticCount(s, g)
	}
	return d
}

// sameEventRetold returns the earlier draft a draft opened as another topic
// ("من جهة أخرى", "Meanwhile") tells again, or -1: one of the same type at
// the same town or quarter on the same day, with no count that differs. A
// lead that names two events and the sentences that detail them one by one
// so tell each twice.
func sameEventRetold(drafts []draft, d *draft) int {
	m, _ := d.mainPlace()
	if m == nil || d.date == nil || !d.date.resolved() || precisionRank(precisionOf(m.Mention)) > precisionRank(gazetteer.PrecisionTown) {
		return -1
	}
	for k := range drafts {
		e := &drafts[k]
		em, _ := e.mainPlace()
		if e.apart || e.several || e.typ != d.typ || em == nil || em.Match.Place.ID != m.Match.Place.ID ||
			e.date == nil || !e.date.From.Equal(d.date.From) || !e.date.To.Equal(d.date.To) {
			continue
		}
		if !countsDiffer(e, d) {
			return k
		}
	}
	return -1
}

// toldAntecedent returns the index of the draft a definite event word of
// sentence s tells again ("وجاء القصف مع …"): the last one, unless an
// earlier one of the last three, also violent, is placed at a town the
// sentence names ("… على بلدة X" before "وجاء القصف"): that story's event.
func toldAntecedent(drafts []draft, s *sentence) int {
	last := len(drafts) - 1
	for k := last; k >= 0 && k >= last-2; k-- {
		m, _ := drafts[k].mainPlace()
		if m == nil || !violent[drafts[k].typ] || precisionRank(precisionOf(m.Mention)) > precisionRank(gazetteer.PrecisionTown) {
			continue
		}
		for i := range s.ms {
			if s.ms[i].Match.Place.ID == m.Match.Place.ID {
				return k
			}
		}
	}
	return last
}

// ellipticCount gives "وآخر في بلدة Y" the count of the kind told just before
// it: "قتل مدني في بلدة X وآخر في بلدة Y" killed one in each.
func (d *draft) ellipticCount(s *sentence, g segment) {
	for k := len(s.counts) - 1; k >= 0; k-- {
		if c := s.counts[k]; c.Pos < g.sp.Start && c.Value != nil {
			v := g.elliptic
			d.counts[c.Kind] = &v
			return
		}
	}
}

// onlyRegions reports places that are all wide named regions (the Badia, the
// Jazira) rather than admin areas or settlements, or a city told with its
// whole countryside ("في دمشق وريفها", "in Idlib and its countryside").
func onlyRegions(toks []token, ms []*mention) bool {
	for _, m := range ms {
		if m.Match.Place.Kind != gazetteer.KindRegion && !withItsCountryside(toks, m) {
			return false
		}
	}
	return len(ms) > 0
}

// withItsCountryside reports a mention followed by "وريفها", "وريفه" or
// "and its countryside": the city and all the land around it.
func withItsCountryside(toks []token, m *mention) bool {
	switch w := tokAt(toks, m.tok1); w {
	case "وريفها", "وريفه":
		return true
	case "and":
		return tokAt(toks, m.tok1+1) == "its" && tokAt(toks, m.tok1+2) == "countryside"
	}
	return false
}

// add appends d, or merges it into an earlier draft of the same event.
func (p *passage) add(drafts []draft, d draft) []draft {
	si := d.sents[0]
	if n := len(drafts); n > 0 && drafts[n-1].lastSent() == si && (d.weak || d.typ == drafts[n-1].typ) && len(d.places) == 0 && len(d.refs) == 0 &&
		violent[drafts[n-1].typ] && spanHas(p.sents[si].toks, d.sp, sourceWords) {
		return drafts // "…, while the Observatory reported 27 dead": another source's figure for the event just told
	}
	if p.sents[si].earlierReport {
		d.counts, d.more = [3]*int{}, [3]bool{} // a first toll, told as the story's earlier telling: the later one stands
	}
	if len(d.places) == 0 && !d.another && p.toldWithPronoun(d) {
		for k := len(drafts) - 1; k >= 0; k-- {
			if sameKind(drafts[k].typ, d.typ) {
				drafts[k].absorb(d) // "عادوا بعد خطفهم": the kidnapping told before
				return drafts
			}
		}
	}
	if k := len(drafts) - 1; k >= 0 && violent[drafts[k].typ] && p.explosionsHeard(d) {
		return drafts // "… غارات على محيط X" "وسُمع دوي الانفجارات": the strikes heard, nothing more
	}
	if p.sents[si].newTopic && !d.apart && !d.another {
		if k := sameEventRetold(drafts, &d); k >= 0 {
			drafts[k].absorb(d) // "من جهة أخرى، أفاد المرصد بانفجار عبوة في حي X": the blast the lead told in X
			return drafts
		}
		if n := len(drafts); n > 0 && drafts[n-1].lastSent() == si-1 && p.headline(si-1) && p.continues(&drafts[n-1], &d) {
			drafts[n-1].absorb(d) // "Farmer wounded by shell near Tiba" "Meanwhile, a farmer was wounded …": the headline's story
			return drafts
		}
	}
	if !d.apart && !d.another && len(drafts) > 1 && p.toldDefinite(&d) {
		if k := sameEventRetold(drafts[:len(drafts)-1], &d); k >= 0 {
			drafts[k].absorb(d) // "a car bomb in X …, and a separate blast in Y" "the car bomb in X had also wounded dozens": X's, not the last told
			return drafts
		}
	}
	if !p.sents[si].newTopic && !d.apart && !d.another {
		for k := len(drafts) - 1; k >= 0 && k >= len(drafts)-4; k-- {
			last := &drafts[k]
			if last.lastSent() >= si || last.apart || last.several {
				continue
			}
			if p.tollUpdate(last, &d) {
				p.mergeTollUpdate(last, d)
				return drafts
			}
			if p.alsoElsewhere(last, &d) {
				break // "كما تمت ملاحقة المسلحين عند مدخل مدينة Y وأسفر الاشتباك عن …": one more event, elsewhere
			}
			if k == len(drafts)-1 && last.lastSent() == si-1 && p.unnamedInLead(last, &d) {
				last.absorb(d) // "attacked a town in the Aleppo countryside … airstrikes on the town of X": X is that town
				last.places = d.places
				return drafts
			}
			if k == len(drafts)-1 && p.placedLater(last, &d) {
				last.absorb(d) // "rockets killed two in Homs, a source said on Monday" … "The shelling struck X on Sunday night"
				last.places = d.places
				if d.date != nil && !d.inherited {
					last.date, last.inherited = d.date, false
				}
				return drafts
			}
			if (k == len(drafts)-1 || placedAlike(last.places, d.places)) && p.theEventToldBefore(last, &d) {
				last.absorb(d) // "قتل كل من X وY في الهجوم": the victims of the attack told before
				return drafts
			}
			if k == len(drafts)-1 && p.subjectRetold(last, &d) {
				places := last.places
				last.absorb(d) // "… killed two in village X." "The drone attack targeted the forces of camp Y": the strike told before
				if len(places) > 0 && precisionRank(precisionOf(places[0].Mention)) <= precisionRank(gazetteer.PrecisionTown) {
					last.places = places // a town told first stands: a target or a victim's home told after it is no finer place
				}
				return drafts
			}
			if k == len(drafts)-1 && p.howItBegan(last, &d) {
				d.counts, d.more = [3]*int{}, [3]bool{} // its first victim, one of the toll told
				last.absorb(d)
				return drafts
			}
			if k == len(drafts)-1 && p.arrestRetold(last, &d) {
				places := d.places
				last.absorb(d) // "… القبض على أحد المتورطين" "ألقت القبض عليه في مدينة X": where he was caught
				if len(places) > 0 {
					last.places = places
				}
				return drafts
			}
			if k == len(drafts)-1 && p.victimRetold(last, &d) {
				last.absorb(d) // "freed a trader who had been kidnapped" … "The trader was kidnapped on March 2"
				last.date, last.inherited = d.date, false
				return drafts
			}
			if p.otherTimeOfDay(last, &d) {
				if sameKind(last.typ, d.typ) {
					break // "قصف صباحاً مدينة X" … "وظهراً قصف قرية Y": two strikes
				}
				continue
			}
			if sameKind(last.typ, d.typ) && (len(d.places) > 0 || len(d.refs) > 0) && partOfSeveral(drafts, k) {
				break // "قتل خمسة في تفجيرين منفصلين" … X … Y: the parts a lead counted stay apart
			}
			if p.ownEarlierDay(last, &d) {
				break // "وفي أيار الماضي خُطف تاجر …" after a kidnapping told today: another, earlier
			}
			if k < len(drafts)-1 && !sameKind(last.typ, d.typ) {
				continue // "three killed at a checkpoint near Y" two kidnappings after one placed only in the province: no part of it
			}
			if p.continues(last, &d) {
				last.absorb(d)
				return drafts
			}
			if p.retelling(last, &d) {
				rose := p.tollRose(d.sents[0])
				last.absorb(d)
				if rose {
					last.counts = d.counts // "ارتفعت حصيلة القتلى إلى 14": the latest toll
				}
				return drafts
			}
			if p.retold(last, &d) {
				first := last.places[0].name
				last.absorb(d)
				last.places = d.places
				last.notes = append(last.notes, "first told as in "+first+"; placed where the detailed telling says")
				return drafts
			}
			if sameKind(last.typ, d.typ) && len(d.places) > 0 && !(k > 0 && drafts[k-1].lastSent() == last.lastSent()) {
				if j := p.leadRetold(drafts, k, &d); j >= 0 {
					drafts[j].absorb(d) // a lead told two events; the details tell the first again, with its toll
					return drafts
				}
				break // the same kind of event elsewhere: a new one, and older ones are further still (but not those told beside it)
			}
		}
	}
	if n := len(drafts); n > 0 && p.detail(&drafts[n-1], &d) {
		d.weak = true // the weapon of an event told just before: its type stays
		drafts[n-1].absorb(d)
		return drafts
	}
	if n := len(drafts); n > 0 && len(d.places) == 0 && len(d.refs) == 0 && sameAreaTold(p.sents[si].toks) {
		if m, _ := drafts[n-1].mainPlace(); m != nil {
			d.refs = []*mention{m} // "قرب المنطقة ذاتها", "near the same area": the place of the event told before, as a point near
			d.notes = append(d.notes, "told as near the same area as the event before it")
		}
	}
	var around *mention
	if len(d.places) == 0 && len(d.refs) == 0 && !d.apart && anotherAreaTold(p.sents[si].toks) {
		around = areaAroundLast(drafts)
	}
	if around != nil {
		d.places, d.borrowed = []*mention{around}, true // "killed in another area of the city": the city, not the last event's quarter
		d.notes = append(d.notes, "told as in another area than the event before it: placed in the area around both")
	} else if len(d.places) == 0 && len(d.refs) == 0 && !d.apart && !dayApart(drafts, &d) && !(len(drafts) > 0 && p.ownEarlierDay(&drafts[len(drafts)-1], &d)) {
		if pl := p.placeBefore(si, drafts, d.typ); pl != nil {
			d.places = []*mention{pl}
			d.borrowed = true
			if n := len(drafts); n > 0 && drafts[n-1].lastSent() == si {
				d.notes = append(d.notes, "place taken from the event told before it in the sentence")
			} else {
				d.notes = append(d.notes, "place taken from an earlier sentence")
			}
		}
	}
	return append(drafts, d)
}

// headline reports sentence si a headline: a line of few words with no full
// stop, the story told under it.
func (p *passage) headline(si int) bool {
	s := &p.sents[si]
	line := strings.TrimSpace(p.text[s.Start:s.End])
	return len(s.toks) <= 16 && line != "" && !strings.ContainsAny(line[len(line)-1:], ".!?:") && !strings.HasSuffix(line, "؟") &&
		strings.HasPrefix(strings.TrimLeft(p.text[s.End:], " \t"), "\n")
}

// spanHas reports a word of set among the tokens within sp.
func spanHas(toks []token, sp span, set map[string]bool) bool {
	for _, t := range toks {
		if t.Start >= sp.Start && t.Start < sp.End && t.in(set) {
			return true
		}
	}
	return false
}

// periodSpan is the longest a placeless event may be dated over: a toll told
// over a longer period, with no place, is a tally of many events. A whole
// month is such a period ("503 civilians were killed in December", From the
// 1st to the 30th or 31st, the 28th in February).
const periodSpan = 26 * 24 * time.Hour

// dayParts are the parts of the day news tells an event at, grouped: dawn and
// morning, noon, afternoon, evening and night.
var dayParts = map[string]int{"فجر": 1, "صباح": 1, "صباحا": 1, "ظهر": 2, "ظهرا": 2, "الظهيره": 2, "عصر": 3, "عصرا": 3,
	"مساء": 4, "مساءا": 4, "ليل": 4, "ليله": 4, "ليلا": 4}

// dayPart returns the part of the day sentence si tells an event at, 0 if
// none; one told with a reporting verb ("نشرت الشرطة مساء الجمعة أن…")
// is when the news came, not when the event happened.
func (p *passage) dayPart(si int) int {
	toks := p.sents[si].toks
	for i, t := range toks {
		for _, f := range t.forms {
			if v := dayParts[f]; v > 0 && !anyNear(toks, i, -4, -1, reportWords) {
				return v
			}
		}
	}
	return 0
}

// otherTimeOfDay reports d told at another part of the day than last, at
// another named place: "قصف الجيش صباحاً مدينة X" … "وظهراً قصف قرية Y"
// are two events, however near the places.
func (p *passage) otherTimeOfDay(last, d *draft) bool {
	b := p.dayPart(d.sents[0])
	if b == 0 || len(last.places) == 0 || len(d.places) == 0 {
		return false
	}
	x, y := last.places[0], d.places[0]
	if x.isArea() || y.isArea() || precisionRank(precisionOf(x.Mention)) > precisionRank(gazetteer.PrecisionTown) ||
		precisionRank(precisionOf(y.Mention)) > precisionRank(gazetteer.PrecisionTown) ||
		samePlace(x.Mention, y.Mention) || nameForm(x.name) == nameForm(y.name) {
		return false // a village the gazetteer lacks is placed at its area: its name tells it apart
	}
	return last.dayParts&^(1|1<<b) != 0 // a part of the day other than b told in one of its sentences
}

// toldWithPronoun reports a draft told by an incident noun with a pronoun
// after "بعد", "عقب" or "إثر" ("عادوا إلى بيوتهم بعد خطفهم", "أُفرج عنه عقب
// اعتقاله"): the event of those people, told before in the passage if one of
// its kind was, not a new one.
func (p *passage) toldWithPronoun(d draft) bool {
	toks := p.sents[d.sents[0]].toks
	for i, t := range toks {
		if t.Start != d.pos {
			continue
		}
		if i == 0 || !toks[i-1].in(afterWords) && toks[i-1].Norm != "اثر" {
			return false
		}
		_, ok := withPronoun(t.Norm)
		return ok
	}
	return false
}

// withPronoun returns the incident word of an Arabic word carrying the
// pronoun of its object or its people: "خطفهم", "اعتقاله", "اعتقلوه",
// "اعتقلته".
func withPronoun(norm string) (lexeme, bool) {
	if isLatin(norm) {
		return lexeme{}, false
	}
	for _, suf := range []string{"وهم", "وه", "تهم", "ته", "هما", "هم", "ها", "هن", "ه"} {
		if base, ok := strings.CutSuffix(norm, suf); ok && len(base) > 4 {
			if lx, ok := lookup(base); ok {
				return lx, true
			}
		}
	}
	return lexeme{}, false
}

// detail reports d telling how the violent event of the sentence before
// happened, with nothing of its own: no place, date or toll, and nothing
// saying it is another ("وقال شهود إن السيارة استهدفت بصاروخ" after a drone
// strike on a car, "the attackers then opened fire").
func (p *passage) detail(last, d *draft) bool {
	si := d.sents[0]
	if !violent[last.typ] || !violent[d.typ] || last.lastSent() != si-1 || last.apart || d.apart || d.another ||
		len(d.places) > 0 || len(d.refs) > 0 || d.date != nil && !d.inherited || d.counts != [3]*int{} || d.zero ||
		p.sents[si].newTopic || anyNear(p.sents[si].toks, -1, 1, 3, alsoWords) {
		return false
	}
	return true
}

// placeBefore is the incident place of the sentence just before si, if it is a
// follow-up of the same story: the place of the incident told there, else its
// last incident place.
func (p *passage) placeBefore(si int, drafts []draft, typ string) *mention {
	if si == 0 || p.sents[si].newTopic {
		return nil
	}
	if n := len(drafts); n > 0 && (drafts[n-1].lastSent() == si-1 || drafts[n-1].lastSent() == si) {
		// the sentence before's place, or this one's: "fighting erupted in X, following the killing of a man"
		if m, refOnly := drafts[n-1].mainPlace(); m != nil && !refOnly {
			return m
		}
	}
	if n := len(drafts); n > 0 && si >= 2 && drafts[n-1].lastSent() == si-2 && p.onlyDeniedEvents(si-1) {
		// "The cell was responsible for a bombing in X. Two were also arrested": the
		// event told between is the cell's past deed; the story's place is the one before it
		if m, refOnly := drafts[n-1].mainPlace(); m != nil && !refOnly {
			return m
		}
	}
	span := 0
	if typ == TypeArrest || typ == TypeWeaponsSeizure {
		span = quietSpan
	}
	for k := si - 1; k >= 0 && k >= si-1-span; k-- {
		s := &p.sents[k]
		if k < si-1 && !toldIn(drafts, k) && (s.tally || s.background || s.aside || tellsEvents(s)) {
			return nil // past quiet sentences, a place told with events not taken (a tally, history) is theirs
		}
		for i := len(s.ms) - 1; i >= 0; i-- {
			if s.ms[i].role == RoleIncident && !s.ms[i].near {
				if i > 0 && finerBefore(s.ms[i-1], s.ms[i]) {
					return &s.ms[i-1] // "في بلدة X بريف دير الزور الغربي": the town, not the countryside that locates it
				}
				return &s.ms[i]
			}
		}
		if slices.ContainsFunc(s.ms, func(m mention) bool { return !inheritsContext[m.role] }) || len(s.trig) > 0 || s.newTopic {
			return nil // but "The drug branch of X made the discovery": an office's seat names no place of the story
		}
	}
	return nil
}

// anotherAreaTold reports "in another area", "another regime-held
// neighbourhood", "في منطقة أخرى", "في حي آخر": a place apart from the one
// told before, in the same wider area.
func anotherAreaTold(toks []token) bool {
	for i, t := range toks {
		if t.Norm == "another" {
			for j := i + 1; j < len(toks) && j <= i+3; j++ {
				if _, ok := recoverTypes[singular(toks[j].Norm)]; ok || toks[j].Norm == "part" {
					return true
				}
			}
		}
		if _, ok := recoverTypes[strings.TrimPrefix(t.Norm, "ب")]; ok && !isLatin(t.Norm) && i+1 < len(toks) &&
			(toks[i+1].Norm == "اخري" || toks[i+1].Norm == "اخر") {
			return true
		}
	}
	return false
}

// areaAroundLast returns a place of one of the last few drafts that holds the
// main place of the last one: the city around the quarter last told.
func areaAroundLast(drafts []draft) *mention {
	n := len(drafts)
	if n == 0 {
		return nil
	}
	last, _ := drafts[n-1].mainPlace()
	if last == nil {
		return nil
	}
	for k := n - 1; k >= 0 && k >= n-4; k-- {
		for _, m := range drafts[k].places {
			if m != last && m.Match.Place.ID != last.Match.Place.ID && within(last.Mention, m.Mention) {
				return m
			}
		}
	}
	return nil
}

// sameAreaTold reports "المنطقة ذاتها", "المنطقة نفسها", "the same area" in a
// sentence: the area of the event told before.
func sameAreaTold(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		w := toks[i].Norm
		if strings.HasSuffix(w, "المنطقه") && (toks[i+1].Norm == "ذاتها" || toks[i+1].Norm == "نفسها") ||
			w == "same" && (toks[i+1].Norm == "area" || toks[i+1].Norm == "region") && tokAt(toks, i-1) == "the" {
			return true
		}
	}
	return false
}

// finerBefore reports a town-or-finer incident place a right before b, an
// area coarser than a town told as where a lies.
func finerBefore(a, b mention) bool {
	return a.role == RoleIncident && !a.near && b.tok0 >= a.tok1 && b.tok0 <= a.tok1+1 &&
		precisionRank(precisionOf(a.Mention)) <= precisionRank(gazetteer.PrecisionTown) &&
		precisionRank(precisionOf(b.Mention)) > precisionRank(gazetteer.PrecisionTown)
}

// tellsEvents reports a sentence with an incident word not told as foiled,
// planned or denied.
func tellsEvents(s *sentence) bool {
	if len(s.trig) > 0 {
		return true
	}
	for i, t := range s.toks {
		if lx, ok := lookup(t.Norm); ok && needMet(s.toks, i, lx.need) && !blocked(s.toks, i) {
			return true
		}
	}
	return false
}

// dayApart reports d told with a day of its own days away from the day of the
// event told before it: "وفي 3 أيار الماضي، خُطف تاجر من البلدة" after a
// kidnapping of today is another kidnapping, not one at today's place.
func dayApart(drafts []draft, d *draft) bool {
	n := len(drafts)
	if n == 0 || d.date == nil || !d.date.resolved() || d.inherited {
		return false
	}
	last := drafts[n-1].date
	if last == nil || !last.resolved() {
		return false
	}
	return d.date.To.Before(last.From.AddDate(0, 0, -2)) || d.date.From.After(last.To.AddDate(0, 0, 2))
}

// toldIn reports a draft told in sentence si.
func toldIn(drafts []draft, si int) bool {
	for i := range drafts {
		if slices.Contains(drafts[i].sents, si) {
			return true
		}
	}
	return false
}

// quietSpan is how many sentences naming no place and telling no event may
// stand between a security operation's place and its arrests or seizures told
// after them without one: "Security forces foiled a smuggling attempt in X.
// The operation followed a tip-off about a depot. They raided the site and
// found missiles": still X. Other events told so are background as often as
// not ("… attacks worldwide"), and take only the sentence before's place.
const quietSpan = 2

// onlyDeniedEvents reports a sentence whose incident words are all told as
// blamed, threatened, planned or denied ("was responsible for a bombing in
// X", "accused of attacks in Y"): it tells no event of the story.
func (p *passage) onlyDeniedEvents(si int) bool {
	s := &p.sents[si]
	if len(s.trig) > 0 {
		return false
	}
	for i, t := range s.toks {
		if lx, ok := lookup(t.Norm); ok && violent[lx.typ] && blocked(s.toks, i) {
			return true // but "لضمان سلامة المخطوف المحتجز في X": where the raid went, no deed denied
		}
	}
	return false
}

// ownEarlierDay reports d told with a day of its own, days before the day of
// writing, after last told with none (so dated when it was reported): two
// events of one kind, the later one told first.
func (p *passage) ownEarlierDay(last, d *draft) bool {
	return last.date == nil && d.date != nil && d.date.resolved() && !d.inherited && !d.date.Relative &&
		!p.published.IsZero() && d.date.To.Before(p.published.AddDate(0, 0, -2)) && sameKind(last.typ, d.typ)
}

// sameKind reports types that one event may be told with: an arrest raid that
// seizes weapons, an attack that turns into a clash, an explosion later named
// a bombing.
func sameKind(a, b string) bool {
	if a == b {
		return true
	}
	for _, pair := range [][2]string{{TypeArrest, TypeWeaponsSeizure}, {TypeArmedAttack, TypeClash}, {TypeBombing, TypeOther},
		// "an attack" told first, named later: "an attack ... with an IED", "هجوم ... بطائرة مسيرة"
		{TypeArmedAttack, TypeBombing}, {TypeArmedAttack, TypeAirstrike}} {
		if a == pair[0] && b == pair[1] || a == pair[1] && b == pair[0] {
			return true
		}
	}
	return false
}

// continues reports whether d, from a later sentence, tells more of last: a
// type one event may have, the same place, a finer or coarser one or none,
// and no other date.
func (p *passage) continues(last, d *draft) bool {
	if !sameKind(last.typ, d.typ) && !last.weak && !d.weak && !raidClash(last, d) {
		return false
	}
	if (last.typ == TypeBombing || last.typ == TypeOther && !last.weak) && d.typ == TypeArmedAttack && (!d.weak || p.firedOn(d)) && p.shot(d) ||
		d.typ == TypeBombing && last.typ == TypeArmedAttack && !last.weak && p.shot(last) {
		return false // "انفجار في صالة بمدينة X" … "أطلق مسلحون النار على منزل في X": a shooting, no blast
	}
	sameDate := d.date == nil || d.inherited || last.date == nil || last.inherited && (!last.date.resolved() || len(d.places) > 0) || sameUnresolved(last.date, d.date) ||
		d.date.resolved() && last.date.resolved() && !d.date.From.After(last.date.To) && !last.date.From.After(d.date.To) ||
		announcedAfter(last, d)
	if d.weak && d.typ == TypeOther && last.typ != TypeOther && len(d.places) > 0 {
		return false // "توغلت قوة إلى التل X" after an arrest: an incursion at a place of its own
	}
	if d.typ != last.typ && p.toldAsLater(d) {
		return false // "gunmen killed two …" "Authorities later conducted a raid against the cell": what followed
	}
	if d.counts != [3]*int{} && len(last.places) > 0 && len(d.places) > 0 && !placesNest(last.places, d.places) {
		return false // "وقُتل عنصر آخر في بلدة Y": a toll of its own at a place of its own, however near
	}
	if refsElsewhere(last, d) || refsElsewhere(d, last) {
		return false // "killed near X north of Deir ez-Zor" … "an attack in Y east of Raqqa": two events
	}
	if d.counts != [3]*int{} && refsAway(d, last) || last.counts != [3]*int{} && refsAway(last, d) {
		return false // "kidnapped a man heading to X" … "killed three at a checkpoint near Y": a toll of its own near another town
	}
	return sameDate && placesAgree(last.places, d.places) && !countsDiffer(last, d)
}

// wordOf returns the sentence of d's incident word and the word's index in
// it (-1 if none starts at d.pos).
func (p *passage) wordOf(d *draft) (*sentence, int) {
	s := &p.sents[d.sents[0]]
	return s, s.tokenAt(d.pos)
}

// toldDefinite reports d's incident word told as one known: told before (see
// trigger.Told), with the article (definiteTrigger), or in English with "the"
// a word before it ("the car bomb").
func (p *passage) toldDefinite(d *draft) bool {
	s, i := p.wordOf(d)
	return d.told || p.definiteTrigger(d) || i > 1 && s.toks[i-2].Norm == "the"
}

// toldAsLater reports d's incident word told after "later", "subsequently"
// or "لاحقاً" in its sentence: an act that followed the one told before.
func (p *passage) toldAsLater(d *draft) bool {
	s, i := p.wordOf(d)
	return i > 0 && anyNear(s.toks, i, -4, -1, afterwardWords)
}

var afterwardWords = wordSet("later", "subsequently", "afterwards", "لاحقا", "بعدها")

// firedOn reports d's incident word a noun of gunfire: "بنيران عناصر X",
// "برصاص مجهولين".
func (p *passage) firedOn(d *draft) bool {
	s, i := p.wordOf(d)
	return i >= 0 && s.toks[i].in(fireNouns)
}

// shot reports d told by gunfire: its word is one of shooting, or has one
// right by it.
func (p *passage) shot(d *draft) bool {
	s, i := p.wordOf(d)
	return i >= 0 && shotOnTheGround(s.toks, i)
}

// announcedAfter reports last dated only by its announcement ("announced
// on Wednesday the arrest of a cell") and d, told after it with no place of
// last's to differ, dated by a day of its own in the fortnight before: the
// day the announced event happened ("had detained four men on Monday").
func announcedAfter(last, d *draft) bool {
	if last.date == nil || !(last.date.Reported || last.announced) || last.inherited || d.date == nil || d.inherited || d.date.Reported ||
		!last.date.resolved() || !d.date.resolved() || len(last.places) > 0 {
		return false
	}
	return !d.date.To.After(last.date.To) && last.date.From.Sub(d.date.From) <= 14*24*time.Hour
}

// announceWords tell an announcement: "أعلنت الوزارة القبض على …", "announced
// the arrest of …".
var announceWords = wordSet("اعلن", "اعلنت", "اعلنوا", "announced", "announces", "announce")

// announcedBefore reports an announcement within the twelve words before the
// incident word at byte offset pos.
func announcedBefore(s *sentence, pos int) bool {
	i := s.tokenAt(pos)
	return i >= 0 && anyNear(s.toks, i, -12, -1, announceWords)
}

// raidClash reports d a clash told with no place or toll of its own after an
// arrest raid that met with a clash: "none of the patrol was hurt in the
// clashes" tells that clash again.
func raidClash(last, d *draft) bool {
	return d.typ == TypeClash && last.typ == TypeArrest && slices.Contains(last.also, TypeClash) &&
		len(d.places) == 0 && d.counts == [3]*int{}
}

// refsElsewhere reports a telling a that names no place of its own but only
// reference points, all in another governorate than every place of b: the
// reference says roughly where a happened, and that is not where b did.
func refsElsewhere(a, b *draft) bool {
	if len(a.places) > 0 || len(a.refs) == 0 || len(b.places) == 0 {
		return false
	}
	govs := map[string]bool{}
	for _, m := range b.places {
		if g := m.Match.Place.Admin1PCode; g != "" {
			govs[g] = true
		}
	}
	known := false
	for _, m := range a.refs {
		if m.building {
			continue // "near the X mosque": a namesake's governorate says nothing
		}
		g := m.Match.Place.Admin1PCode
		if g != "" && govs[g] {
			return false
		}
		known = known || g != ""
	}
	return known && len(govs) > 0
}

// retelling reports d, from a later sentence, telling last again on a
// source's word or as its toll, with other figures: "وأفادت الوكالة بمقتل 22
// شخصاً" after "سقطت قذيفتان … ما خلف قتلى", SANA's toll after the
// Observatory's. The same kind of event, the same place, one inside the other
// or none, no other date, and nothing saying it is another ("كما", "also",
// "another"): the first figures stay, unless the toll is told as risen.
func (p *passage) retelling(last, d *draft) bool {
	if !sameKind(last.typ, d.typ) && !d.weak || d.another || d.counts == [3]*int{} || refsAway(d, last) {
		return false
	}
	s := &p.sents[d.sents[0]]
	toll := anyNear(s.toks, -1, 1, len(s.toks), tollWords)
	part := partOf(last, d) && (len(d.places) > 0 || len(d.refs) > 0) // a part told where it happened; a figure alone is a source's own count
	if anyNear(s.toks, -1, 1, 3, alsoWords) || !toll && (!anyNear(s.toks, -1, 1, len(s.toks), sourceWords) || part && !s.earlierReport && !toldBefore(s.toks)) {
		return false
	}
	sameDate := d.date == nil || d.inherited || last.date == nil || last.inherited && (!last.date.resolved() || len(d.places) > 0) || sameUnresolved(last.date, d.date) ||
		d.date.resolved() && last.date.resolved() && !d.date.From.After(last.date.To) && !last.date.From.After(d.date.To)
	return sameDate && (len(d.places) == 0 || len(last.places) == 0 || placesNest(last.places, d.places))
}

// leadRetold returns the draft before drafts[k] that d tells again, or -1: a
// lead tells two events of one kind in two places, and the details tell each
// again in turn, on a source's word, with the same toll to the person and the
// places nesting ("two killed in X … one killed in Y" … "a source said shells
// on the Z quarter of X killed two"). Only the same figures, none of them
// missing on either side, make the telling the same event.
func (p *passage) leadRetold(drafts []draft, k int, d *draft) int {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if drafts[j].lastSent() >= d.sents[0] || drafts[j].apart || drafts[j].several {
			continue
		}
		if sameToll(&drafts[j], d) && p.retelling(&drafts[j], d) && len(drafts[j].places) > 0 {
			return j
		}
	}
	return -1
}

// unnamedInLead reports d naming the town, village or city that last told
// without a name, as "a town in" an area ("attacked a town in Aleppo's
// northern countryside", "قصفت بلدة بريف حلب"), with d's place of that kind
// in the area's governorate and the same toll or none.
func (p *passage) unnamedInLead(last, d *draft) bool {
	bombardment := last.typ == TypeShelling && d.typ == TypeAirstrike || last.typ == TypeAirstrike && d.typ == TypeShelling // "قصف" told, the weapon after
	if len(last.places) != 1 || len(d.places) == 0 || !sameKind(last.typ, d.typ) && !bombardment || !p.areaLead(last) ||
		d.counts != [3]*int{} && !sameToll(last, d) {
		return false
	}
	a := last.places[0]
	s := &p.sents[last.sents[0]]
	if a.Start < s.Start || a.Start >= s.End {
		// The lead's place was told in a later sentence of it: its token
		// indices are that sentence's, and the words read before it were
		// another sentence's, or past the lead's end (a panic).
		return false
	}
	kind, ok := unnamedTypeBefore(s.toks, *a)
	return ok && (d.places[0].Match.Place.Kind == kind || kind == gazetteer.KindTown && d.places[0].Match.Place.Kind == gazetteer.KindCity) &&
		d.places[0].Match.Place.Admin1PCode == a.Match.Place.Admin1PCode // the side of the countryside news gives is loose
}

// unnamedTypeBefore returns the kind of an unnamed place told right before
// the area m: "a town in X", "a village in the X countryside", "بلدة بريف X",
// "قرية في ريف X".
func unnamedTypeBefore(toks []token, m mention) (gazetteer.Kind, bool) {
	if kind, ok := settlementKind(toks[m.tok0].Norm); ok && m.tok0+1 < m.tok1 && strings.HasPrefix(toks[m.tok0+1].Norm, "ب") {
		return kind, true // "بلدة بريف X", read with its type word
	}
	j := m.tok0 - 1
	if j >= 0 && (toks[j].Norm == "in" || toks[j].Norm == "في") {
		j--
	} else if !strings.HasPrefix(toks[m.tok0].Norm, "ب") {
		return "", false
	}
	if j < 0 {
		return "", false
	}
	kind, ok := settlementKind(toks[j].Norm)
	if !ok {
		return "", false
	}
	if isLatin(toks[j].Norm) {
		return kind, j > 0 && (toks[j-1].Norm == "a" || toks[j-1].Norm == "an")
	}
	return kind, true
}

// sameToll reports two drafts telling the same figures, at least one.
func sameToll(a, b *draft) bool {
	told := false
	for k := range a.counts {
		x, y := a.counts[k], b.counts[k]
		if (x == nil) != (y == nil) || x != nil && *x != *y {
			return false
		}
		told = told || x != nil
	}
	return told
}

// toldBefore reports an English sentence telling what a source had said
// before: "Earlier, the agency had reported …", "the monitor had said …". Its
// figures are the story's first toll, not a part of the one told since.
func toldBefore(toks []token) bool {
	for i, t := range toks {
		if t.in(reportWords) && i > 0 && isLatin(t.Norm) && (toks[i-1].Norm == "had" ||
			i > 1 && toks[i-1].Norm == "earlier" && toks[i-2].Norm == "had" || toks[0].Norm == "earlier") {
			return true
		}
	}
	return false
}

// partOf reports d counting fewer of the people last counts, and none more:
// a part of the total told first ("قتل 10 … بانفجار لغمين" … "ثمانية قتلوا
// بانفجار لغم في قرية X"), not the same event told again.
func partOf(last, d *draft) bool {
	fewer := false
	for k := range d.counts {
		a, b := last.counts[k], d.counts[k]
		if a == nil || b == nil {
			continue
		}
		if *b > *a {
			return false
		}
		fewer = fewer || *b < *a
	}
	return fewer
}

// tollUpdateDays is how long after an event its toll may be told as risen.
const tollUpdateDays = 7

// tollUpdate reports two tellings of one event of which one tells its toll as
// risen ("ارتفعت حصيلة ضحايا القصف على X إلى N") and is dated when the toll
// rose, the other tells the event, at the same place or one inside the other
// or none, dated that day or up to tollUpdateDays before.
func (p *passage) tollUpdate(last, d *draft) bool {
	if !sameKind(last.typ, d.typ) && !d.told && !d.weak || d.another || last.date == nil || d.date == nil ||
		!last.date.resolved() || !d.date.resolved() || last.inherited || d.inherited {
		return false
	}
	if last.rose == d.rose {
		return false
	}
	ev, rose := last.date, d.date
	if last.rose {
		ev, rose = d.date, last.date
	}
	if ev.From.After(rose.To) || ev.To.Before(rose.From.AddDate(0, 0, -tollUpdateDays)) {
		return false
	}
	return len(d.places) == 0 || len(last.places) == 0 || placesNest(last.places, d.places)
}

// mergeTollUpdate merges d into last, one the toll update of the other: the
// event's date stands, and the risen toll replaces the figures it tells.
func (p *passage) mergeTollUpdate(last *draft, d draft) {
	lastRose := last.rose
	date, inherited := last.date, last.inherited
	if lastRose {
		date, inherited = d.date, d.inherited
	}
	rose := last.counts
	last.absorb(d)
	if !lastRose {
		rose = d.counts
	}
	for k := range rose {
		if rose[k] != nil {
			last.counts[k] = rose[k]
		}
	}
	last.date, last.inherited = date, inherited
}

// howItBegan reports d, from the sentence right after last, telling how
// "the incident" began ("أن الحادثة بدأت عندما أطلق X النار على Y", "the
// incident started when"): last's event told in detail, its victims among
// last's toll, at last's place or none.
func (p *passage) howItBegan(last, d *draft) bool {
	si := d.sents[0]
	if last.lastSent() != si-1 || !violent[last.typ] || !violent[d.typ] || !placesNest(last.places, d.places) && len(d.places) > 0 {
		return false
	}
	toks := p.sents[si].toks
	for i := 0; i+1 < len(toks); i++ {
		if (toks[i].in(incidentNouns) && definite(toks[i].Norm) || toks[i].Norm == "incident" && i > 0 && toks[i-1].Norm == "the") &&
			toks[i+1].in(beganWords) {
			return true
		}
	}
	return false
}

// beganWords tell how an event began: "بدأت", "started".
var beganWords = wordSet("بدات", "بدا", "اندلعت", "began", "started", "erupted")

// theEventToldBefore reports d, from a later sentence, telling the violent
// event of the draft just before by a definite word of it ("في الهجوم",
// "الهجوم الذي", "جراء القصف") with no place, reference or other date of its
// own: its victims, named or counted, are that event's.
func (p *passage) theEventToldBefore(last, d *draft) bool {
	si := d.sents[0]
	if !d.told || !violent[last.typ] || !violent[d.typ] || last.lastSent() < si-2 ||
		(len(d.places) > 0 || len(d.refs) > 0) && len(last.places) > 0 && !p.harmOfTheEvent(last, d) && !placedAlike(last.places, d.places) ||
		d.date != nil && !d.inherited && (last.date == nil || toldOnOtherDay(last, d)) {
		return false
	}
	return !anyNear(p.sents[si].toks, -1, 1, 3, alsoWords)
}

// placedAlike reports places all told before: "جراء القصف على مركز ناحية
// X" after "قصفاً عنيفاً على مركز ناحية X" tells the same strike's toll.
func placedAlike(before, places []*mention) bool {
	if len(places) == 0 {
		return false
	}
	for _, m := range places {
		if !slices.ContainsFunc(before, func(b *mention) bool { return samePlace(b.Mention, m.Mention) }) {
			return false
		}
	}
	return true
}

// toldOnOtherDay reports d told with a date of its own and last with one,
// not the same: another unresolved day, or another first day.
func toldOnOtherDay(last, d *draft) bool {
	if d.date == nil || d.inherited || last.date == nil {
		return false
	}
	return !sameUnresolved(last.date, d.date) && !(d.date.resolved() && last.date.resolved() && d.date.From.Equal(last.date.From))
}

// subjectRetold reports d, from the sentence right after last, opening with
// a definite word of a violent event as its subject ("The attack resulted
// in …", "The drone strike targeted …", "وأدى الهجوم إلى …"): news tells
// the event just told so, adding its victims, its target or its origin. Its
// places lie in the governorate of last's, or it names none; no other date,
// no other toll, nothing saying it is another ("also", "كما").
func (p *passage) subjectRetold(last, d *draft) bool {
	si := d.sents[0]
	if last.lastSent() != si-1 || !violent[last.typ] && last.typ != TypeOther || !violent[d.typ] && d.typ != TypeOther || d.another ||
		countsDiffer(last, d) && !anyNear(p.sents[si].toks, -1, 1, len(p.sents[si].toks), sourceWords) ||
		d.date != nil && !d.inherited && (last.date == nil || toldOnOtherDay(last, d)) {
		return false
	}
	toks := p.sents[si].toks
	if anyNear(toks, -1, 1, 3, alsoWords) || !subjectEventWord(toks) {
		return false
	}
	for _, m := range d.places {
		if !sameGovernorate(m, last.places) {
			return false
		}
	}
	return true
}

// arrestRetold reports d an arrest told, in one of the two sentences after
// last's, of someone already told arrested: by a pronoun ("ألقت القبض عليه
// في مدينة X", "اعتقلوه", "arrested him", "he was detained") and with no
// other date, toll or "also". Its place, if it tells one, is where the
// arrest was made.
func (p *passage) arrestRetold(last, d *draft) bool {
	si := d.sents[0]
	if d.typ != TypeArrest || last.typ != TypeArrest || last.lastSent() < si-2 || d.another || countsDiffer(last, d) ||
		toldOnOtherDay(last, d) {
		return false
	}
	toks := p.sents[si].toks
	if anyNear(toks, -1, 1, 3, alsoWords) {
		return false
	}
	for i, t := range toks {
		if t.Start != d.pos {
			continue
		}
		if i+1 < len(toks) && (arrestedPronouns[toks[i+1].Norm] || isLatin(t.Norm) && (toks[i+1].Norm == "him" || toks[i+1].Norm == "her" || toks[i+1].Norm == "them")) {
			return true // "ألقت القبض عليه", "arrested him"
		}
		if i >= 2 && isLatin(t.Norm) && (toks[i-1].Norm == "was" || toks[i-1].Norm == "were") && (toks[i-2].Norm == "he" || toks[i-2].Norm == "she" || toks[i-2].Norm == "they") {
			return true // "he was arrested in X"
		}
		lx, ok := withPronoun(t.Norm)
		return ok && lx.typ == TypeArrest // "اعتقلوه", "اعتقلته"
	}
	return false
}

// arrestedPronouns are "على" with the pronoun of someone told before, after
// "القبض": "القبض عليه".
var arrestedPronouns = wordSet("عليه", "عليهم", "عليها", "عليهما")

// victimRetold reports d, from the sentence right after last, telling the
// ordeal of last's victim again with the day it happened: last, dated only by
// when it was told, named the victim ("freed a trader who had been
// kidnapped", "حررت الشرطة تاجراً مختطفاً"), and d opens with that person told
// as one already known, "the" and a person noun or a pronoun ("The trader was
// kidnapped on March 2", "وكان التاجر قد خُطف يوم 2 آذار"). d's day is the
// event's. Another place, toll or an "also" makes it another event.
func (p *passage) victimRetold(last, d *draft) bool {
	si := d.sents[0]
	if last.lastSent() != si-1 || !sameKind(last.typ, d.typ) || d.another || last.date != nil && !last.date.Reported ||
		d.date == nil || d.inherited || !d.date.resolved() || countsDiffer(last, d) || len(d.refs) > 0 ||
		len(d.places) > 0 && !placesNest(last.places, d.places) {
		return false
	}
	toks := p.sents[si].toks
	return !anyNear(toks, -1, 1, 3, alsoWords) && knownPersonOpens(p.text, toks)
}

// knownPersonOpens reports a sentence whose subject, in its first words, is a
// person told before: "The trader …", "The young man …", "He was …", a
// name ("Al-Khatib was …", also after "According to the police, "),
// "وكان التاجر قد …", "خُطف الشاب …".
func knownPersonOpens(text string, toks []token) bool {
	if len(toks) > 2 && toks[0].Norm == "according" && toks[1].Norm == "to" {
		for j := 2; j < len(toks) && j < 10; j++ {
			if strings.Contains(text[toks[j-1].End:toks[j].Start], ",") {
				toks = toks[j:] // "According to the police, …": the sentence's own subject
				break
			}
		}
	}
	if len(toks) < 2 {
		return false
	}
	for j := 0; j < 3 && j+1 < len(toks) && capitalised(text, toks[j]) && !stopWord(toks[j].Norm); j++ {
		if toks[j+1].Norm == "was" && !strings.ContainsAny(text[toks[0].Start:toks[j].End], ",.;:") {
			return true // "Ahmad al-Khatib was abducted …": a person named
		}
	}
	switch toks[0].Norm {
	case "he", "she":
		return true
	case "the":
		person := func(w string) bool { return enPersons[w] || personNouns[w] }
		return person(toks[1].Norm) || len(toks) > 2 && !stopWord(toks[1].Norm) && person(toks[2].Norm)
	}
	for _, t := range toks[:min(3, len(toks))] {
		w := strings.TrimPrefix(t.Norm, "و")
		if base, ok := strings.CutPrefix(w, "ال"); ok && personNouns[base] {
			return true
		}
	}
	return false
}

// subjectEventWord reports a sentence opening with a definite word of a
// violent event: "The attack …", "The Israeli drone strike …", "وأسفر
// القصف عن …", "الهجوم الذي …".
func subjectEventWord(toks []token) bool {
	for i, t := range toks {
		if (t.Norm == "that" || t.Norm == "ان") && i > 0 && i < 16 && anyNear(toks, i, -i, -1, reportWords) {
			return subjectEventWord(toks[i+1:]) // "The SDF said that the drone attack had hit …"
		}
	}
	if len(toks) > 1 && toks[0].Norm == "the" {
		for j := 1; j < len(toks) && j <= 3; j++ {
			if toks[j].in(genericWords) || isExplosion(toks[j].Norm) || retoldEventsEN[toks[j].Norm] {
				return true
			}
			if !isLatin(toks[j].Norm) || stopWord(toks[j].Norm) || toks[j].in(countingOrdinals) {
				return false // "The fourth exploded in X": one more of those told
			}
		}
		return false
	}
	for j := 0; j < len(toks) && j <= 1; j++ {
		if toks[0].in(accompaniedWords) {
			return false // "وترافق القصف مع اشتباكات في X": the clashes, another event
		}
		if !isLatin(toks[j].Norm) && (definiteGeneric(toks, j) || retoldDevices[strings.TrimPrefix(toks[j].Norm, "و")]) {
			return true
		}
	}
	return false
}

// retoldEventsEN are English words of an event, in the plural too, that
// open a sentence telling it again: "The battles raged in …", "The clashes
// left …".
var retoldEventsEN = wordSet("attacks", "strikes", "airstrike", "airstrikes", "raid", "raids", "clashes", "battles",
	"fighting", "bombardments", "explosions", "blasts", "bombings")

// retoldDevices are the definite words of what struck, opening a sentence
// about the strike just told: "اللغم زرعته خلايا …", "والعبوة كانت مزروعة …".
var retoldDevices = wordSet("اللغم", "العبوه", "الغاره", "القذيفه", "الصاروخ", "المسيره")

// accompaniedWords open a sentence telling what came with the event told:
// "وترافق القصف مع …", "وتزامن الهجوم مع …".
var accompaniedWords = wordSet("ترافق", "وترافق", "تزامن", "وتزامن", "رافق", "ورافق", "تلا", "وتلا")

// countingOrdinals count one event among several: "the second blast", "the
// other attack".
var countingOrdinals = func() map[string]bool {
	m := wordSet("fifth", "sixth", "other", "another", "new")
	for w := range ordinalsEN {
		m[w] = true
	}
	return m
}()

// sameGovernorate reports m in the governorate of one of places, or places
// none.
func sameGovernorate(m *mention, places []*mention) bool {
	if len(places) == 0 {
		return true
	}
	for _, x := range places {
		if g := x.Match.Place.Admin1PCode; g != "" && g == m.Match.Place.Admin1PCode {
			return true
		}
	}
	return false
}

// explosionsHeard reports d an explosion of no known cause told only as
// heard, with no place, toll or day of its own: "وسُمع دوي الانفجارات",
// "explosions were heard". After a violent event it is that event's sound.
func (p *passage) explosionsHeard(d draft) bool {
	if d.typ != TypeOther || len(d.places) > 0 || len(d.refs) > 0 || d.counts != [3]*int{} || d.another ||
		d.date != nil && !d.inherited {
		return false
	}
	s, i := p.wordOf(&d)
	return i >= 0 && anyNear(s.toks, i, -3, 3, heardWords)
}

// heardWords tell a sound heard: "سُمع دوي انفجار", "explosions were heard".
var heardWords = wordSet("سمع", "وسمع", "يسمع", "سماع", "دوي", "heard", "sound", "sounds")

// harmOfTheEvent reports d telling, at a place of last's governorate and
// with no toll, harm done by the event told before: "شب حريق في منطقة X
// جراء العدوان": the place is one the strike hit.
func (p *passage) harmOfTheEvent(last, d *draft) bool {
	if d.counts != [3]*int{} || len(d.refs) > 0 || !causeBefore(&p.sents[d.sents[0]], d.pos) {
		return false
	}
	for _, m := range d.places {
		if !sameGovernorate(m, last.places) {
			return false
		}
	}
	return true
}

// definiteTrigger reports d's incident word told with the article: "the
// shelling", "القصف".
func (p *passage) definiteTrigger(d *draft) bool {
	s, i := p.wordOf(d)
	if i < 0 {
		return false
	}
	t := s.toks[i]
	return isLatin(t.Norm) && i > 0 && s.toks[i-1].Norm == "the" || !isLatin(t.Norm) && definite(t.Norm)
}

// placedLater reports d, from the sentence right after last, telling last
// again by a definite word ("the shelling", "الهجوم") at a place inside the
// governorate that alone placed last, on the day last was reported or none:
// "rockets killed two in Homs, a source said on Monday" … "The shelling
// struck the village of X on Sunday night" places the event
// told and dates it.
func (p *passage) placedLater(last, d *draft) bool {
	if last.lastSent() != d.sents[0]-1 || !violent[last.typ] || !violent[d.typ] || !d.told && !(last.typ == d.typ && p.definiteTrigger(d)) ||
		d.another || anyNear(p.sents[d.sents[0]].toks, -1, 1, 3, alsoWords) || d.counts != [3]*int{} && !sameToll(last, d) {
		return false
	}
	if last.date != nil && !last.inherited && !last.date.Reported {
		return false
	}
	gov, ok := p.provinceOnly(last.places)
	return ok && p.finerInside(d.places, gov)
}

// provinceOnly returns the governorate that alone places a draft: each of
// places names it bare ("في إدلب", "in Idlib province"), with no
// countryside or direction told ("ريف إدلب الجنوبي" is a region, a place of
// its own).
func (p *passage) provinceOnly(places []*mention) (string, bool) {
	if len(places) == 0 {
		return "", false
	}
	gov := places[0].Match.Place.Admin1PCode
	for _, m := range places {
		if !p.namesGovernorate(m) || m.Match.Qualifier != "" || m.Match.Place.Admin1PCode != gov {
			return "", false
		}
	}
	return gov, true
}

// finerInside reports places all finer than a governorate and inside gov.
func (p *passage) finerInside(places []*mention, gov string) bool {
	return len(places) > 0 && !slices.ContainsFunc(places, func(m *mention) bool {
		return p.namesGovernorate(m) || m.Match.Place.Admin1PCode != gov
	})
}

// tollRose reports a sentence telling that a toll rose: "ارتفعت حصيلة",
// "the death toll climbed to".
func (p *passage) tollRose(si int) bool {
	s := &p.sents[si]
	return anyNear(s.toks, -1, 1, len(s.toks), tollWords) && anyNear(s.toks, -1, 1, len(s.toks), climbWords)
}

// climbWords tell a figure that rose: "ارتفعت", "climbed".
var climbWords = wordSet("ارتفعت", "ارتفع", "ترتفع", "يرتفع", "rose", "risen", "climbed", "rises", "increased")

// placesNest reports two tellings of a place: the same, or one inside the
// other.
func placesNest(a, b []*mention) bool {
	for _, x := range a {
		for _, y := range b {
			if samePlace(x.Mention, y.Mention) || within(x.Mention, y.Mention) || within(y.Mention, x.Mention) ||
				sameGovernorateArea(x.Mention, y.Mention) {
				return true
			}
		}
	}
	return false
}

// retold reports d, from a later sentence, telling last again where it
// happened: last was told by a bare name that is also its governorate's ("a
// cell leader was arrested in Deir ez-Zor", meaning the province or the
// cell's), d by a finer place elsewhere and on a source's word, as a lead's
// story is told again in detail ("according to a statement, he was arrested
// in the Ghuwayran quarter of Hasakah"), with the same type and date, no
// other toll and nothing saying it is another event ("كما", "also").
func (p *passage) retold(last, d *draft) bool {
	if d.typ != last.typ || d.another || len(last.places) != 1 || len(d.places) == 0 || !p.namesGovernorate(last.places[0]) ||
		precisionRank(precisionOf(d.places[0].Mention)) > precisionRank(gazetteer.PrecisionTown) || p.toldAsAnother(d) {
		return false
	}
	sameDate := d.date == nil || d.inherited || last.date == nil || sameUnresolved(last.date, d.date) ||
		d.date.resolved() && last.date.resolved() && d.date.From.Equal(last.date.From) && d.date.To.Equal(last.date.To)
	return sameDate && !countsDiffer(last, d) && anyNear(p.sents[d.sents[0]].toks, -1, 1, 1<<20, sourceWords)
}

// sourceWords attribute a telling to a source: "قال", "بحسب", "according".
var sourceWords = func() map[string]bool {
	m := wordSet("بحسب", "حسب", "وفق", "وفقا", "نقلا", "نقل", "نقلت", "بيان", "according", "statement")
	for w := range reportWords {
		m[w] = true
	}
	return m
}()

// namesGovernorate reports a place told as a governorate, or by the bare name
// of a city that is also its governorate's ("في دير الزور"): the news may
// mean either.
func (p *passage) namesGovernorate(m *mention) bool {
	if precisionOf(m.Mention) == gazetteer.PrecisionGovernorate {
		return true
	}
	return !typedName(*m) && m.Match.Qualifier == "" && p.seatNamedAsGovernorate(m)
}

// seatNamedAsGovernorate reports a governorate's seat told by the name they
// share, even after a type word ("بمحافظتي القنيطرة ودرعا": the two
// provinces, whatever kind of place the name was read as).
func (p *passage) seatNamedAsGovernorate(m *mention) bool {
	pl := m.Match.Place
	if pl.Kind != gazetteer.KindCity {
		return false
	}
	g, ok := governorateOf(p.places, pl, "")
	return ok && nameForm(g.NameAR) == nameForm(pl.NameAR)
}

// alsoWords open the telling of one more event: "كما اعتقلت", "also".
var alsoWords = wordSet("كما", "وكذلك", "كذلك", "ايضا", "also", "another", "separately", "meanwhile")

// alsoElsewhere reports d told "also" at places of its own, apart from
// last's: "واستهدفت الغارات أيضاً محيط قرى X وY" after a strike on Z is
// another strike, however near.
func (p *passage) alsoElsewhere(last, d *draft) bool {
	s := &p.sents[d.sents[0]]
	return len(d.places) > 0 && !placesNest(last.places, d.places) &&
		(alsoOpens(s.toks, d) || len(last.places) > 0 && anyNear(s.toks, -1, 1, 6, alsoAdverbs))
}

// alsoOpens reports d's sentence opening with a word of one more event:
// "كما اندلعت اشتباكات في Y", "كذلك تم استهداف Y", "Separately, …". But
// the event told again right after it ("كما وطال القصف قرى …") is the one
// told before, reaching further.
func alsoOpens(toks []token, d *draft) bool {
	if len(toks) == 0 || !toks[0].in(alsoWords) {
		return false
	}
	return !d.told || len(toks) > 3 && d.pos > toks[3].Start
}

// alsoAdverbs tell one more event of the kind told: "أيضاً", "also", "In
// addition, other warplanes hit X", "بالإضافة إلى ذلك".
var alsoAdverbs = wordSet("ايضا", "also", "addition", "additionally", "بالاضافه", "وبالاضافه", "اضافه", "واضافه")

// toldAsAnother reports a draft whose sentence says it is one more event.
func (p *passage) toldAsAnother(d *draft) bool {
	s := &p.sents[d.sents[0]]
	return anyNear(s.toks, -1, 1, 3, alsoWords) || anyNear(s.toks, -1, 1, len(s.toks), othersWords)
}

// othersWords are "others": "وقتل آخرون", "killing others".
var othersWords = wordSet("اخرين", "others", "اخرون")

// sameUnresolved reports two dates of which one could not be resolved and
// that may be the same day: the same words ("الخميس" and "مساء يوم الخميس"), or
// one known and one told from an unknown anchor.
func sameUnresolved(a, b *dateMention) bool {
	if a.resolved() && b.resolved() {
		return false
	}
	if a.resolved() != b.resolved() {
		return true
	}
	return sameKey(a.Key, b.Key)
}

// countsDiffer reports a toll told differently: another event, not the same
// one again ("قُتل 10 ... وقُتل ثمانية في ..." is a total and its parts).
func countsDiffer(last, d *draft) bool {
	for k := range d.counts {
		if last.counts[k] != nil && d.counts[k] != nil && *last.counts[k] != *d.counts[k] && !d.more[k] &&
			!(d.named[k] && *d.counts[k] < *last.counts[k]) && // "القبض على المدعو X" after three arrested: one of them
			!otherSide(last.side[k], d.side[k]) { // the attackers' dead after the victims': the other side's
			return true
		}
	}
	return false
}

// placesAgree: either names no place, or one names the same place as the
// other, or an area holding it or held by it.
func placesAgree(a, b []*mention) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	if placesNest(a, b) {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if adjoining(x.Mention, y.Mention) {
				return true
			}
		}
	}
	return false
}

// adjoiningKm is how close two named places may lie to be told of one event:
// a town and its old quarter, a village and the farms beside it.
const adjoiningKm = 5

// adjoining reports two places of town precision or finer within adjoiningKm.
func adjoining(a, b gazetteer.Mention) bool {
	if borrowedPoint(a) || borrowedPoint(b) {
		return false // a quarter the gazetteer places at its city's point lies anywhere in the city
	}
	if precisionRank(precisionOf(a)) > precisionRank(gazetteer.PrecisionTown) ||
		precisionRank(precisionOf(b)) > precisionRank(gazetteer.PrecisionTown) {
		return false
	}
	return geo.Distance(a.Match.Place.Location, b.Match.Place.Location) <= adjoiningKm*1000
}

// borrowedPoint reports a place of the gazetteer whose point is that of the
// place around it ("Nashwa", a quarter at its city's point), so that its
// distance to another says nothing of how near they lie.
func borrowedPoint(m gazetteer.Mention) bool {
	return !isUnknown(m) && m.Match.Place.PointPrecision != ""
}

// refsAway reports d told by reference points only, every one of them a town
// farther than a town's reach from every town last is placed at.
func refsAway(d, last *draft) bool {
	if len(d.places) > 0 || len(d.refs) == 0 || len(last.places) == 0 {
		return false
	}
	for _, r := range d.refs {
		if precisionRank(precisionOf(r.Mention)) > precisionRank(gazetteer.PrecisionTown) {
			return false
		}
		for _, m := range last.places {
			if precisionRank(precisionOf(m.Mention)) > precisionRank(gazetteer.PrecisionTown) ||
				geo.Distance(r.Match.Place.Location, m.Match.Place.Location) <= nearTownKm*1000 {
				return false
			}
		}
	}
	return true
}

// nearTownKm is how far a point told "near" a town may lie from a place told
// of the same event.
const nearTownKm = 8

// absorb merges a later draft of the same incident.
func (d *draft) absorb(o draft) {
	announced := announcedAfter(d, &o) // before o's places join d's
	d.sents = append(d.sents, o.sents...)
	d.rose, d.dayParts = d.rose || o.rose, d.dayParts|o.dayParts
	d.spans = append(d.spans, o.spans...)
	if d.weak && !o.weak || !o.weak && o.rank > d.rank || d.typ == TypeArmedAttack && (o.typ == TypeAirstrike || o.typ == TypeClash && o.mutual && !o.weak) {
		// "killed in the attacks … Russian jets targeted X": an attack told from the air is an airstrike;
		// "a ground assault on X … encountering fierce clashes with rebels": an attack met is fighting
		// between two sides (but "مقتل اثنين من المهاجمين خلال الاشتباك": the attack itself, told again)
		d.also = append(d.also, d.typ)
		d.typ, d.rank, d.weak = o.typ, o.rank, false
	} else if o.typ != d.typ {
		d.also = append(d.also, o.typ)
	}
	d.also = append(d.also, o.also...)
	d.places = finer(d.places, o.places)
	if len(d.places) == 0 {
		d.refs = append(d.refs, o.refs...)
	}
	if d.date == nil || d.inherited && o.date != nil && !o.inherited || announced {
		d.date, d.inherited = o.date, o.inherited // an event's own day before the day it was announced
	}
	for k := range d.counts {
		switch {
		case d.counts[k] == nil:
			d.counts[k], d.more[k], d.countAt[k] = o.counts[k], o.more[k], o.countAt[k]
		case o.counts[k] != nil && o.more[k]:
			d.addCount(countKind(k), *o.counts[k])
		case o.counts[k] != nil && otherSide(d.side[k], o.side[k]):
			d.addCount(countKind(k), *o.counts[k]) // "14 troops were killed" … "three gunmen were killed in the clashes": both sides
			d.side[k] = sideBoth
		}
	}
	d.notes = append(d.notes, o.notes...)
	d.zero = d.zero || o.zero
}

// finer returns the places of the two tellings that say best where it
// happened: the finer when one holds the other, else the first.
func finer(a, b []*mention) []*mention {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	if placeRank(b[0]) < placeRank(a[0]) && !townOfCountryside(b[0], a[0]) {
		return b
	}
	for _, r := range b {
		if countrysideOfCity(r, a[0]) {
			return []*mention{r}
		}
	}
	return a
}

// townOfCountryside reports m, a town told bare, whose countryside r was
// told ("ريف منبج الشمالي" … "منبج"): the countryside lies outside the town,
// so the town is no finer telling of it.
func townOfCountryside(m, r *mention) bool {
	return strings.Contains(r.Match.Qualifier, "rural") && m.Match.Qualifier == "" && !isUnknown(m.Mention) && !isUnknown(r.Mention) &&
		nameForm(m.Match.Place.NameAR) == nameForm(r.Match.Place.NameAR)
}

// countrysideOfCity reports r, the countryside of a governorate ("northern Homs
// countryside", "ريف حماة الغربي"), told after m, the bare name of the city the
// governorate is named after ("in Homs"): the city's name meant the province,
// and the countryside says where in it.
func countrysideOfCity(r, m *mention) bool {
	g, c := r.Match.Place, m.Match.Place
	return g.Kind == gazetteer.KindGovernorate && strings.Contains(r.Match.Qualifier, "rural") &&
		c.Kind == gazetteer.KindCity && m.Match.Qualifier == "" && !typedName(*m) &&
		c.Admin1PCode == g.Admin1PCode && nameForm(c.NameAR) == nameForm(g.NameAR)
}

// placeRank orders places from the finest: by precision, then among areas of
// one governorate "ريف حماة الغربي" before "ريف حماة" before "حماة" the
// governorate.
func placeRank(m *mention) int {
	r := 4 * precisionRank(precisionOf(m.Mention))
	q := m.Match.Qualifier
	switch {
	case isUnknown(m.Mention):
		r-- // a named place the gazetteer lacks, within the area it is placed at
	case q == "" && m.Match.Place.Kind == gazetteer.KindGovernorate:
		r += 2
	case q == "rural" || strings.HasSuffix(q, " of"):
		r++ // "ريف حماة", "غرب محافظة حماة" are vaguer than "ريف حماة الغربي"
	}
	return r
}

// followUp lets a sentence with no incident word complete the draft of the
// sentence before it: "وأسفر ذلك عن مقتل ثلاثة", "وجرى ذلك يوم الإثنين", "ووقع
// الانفجار في شارع بغداد". A few sentences later, after only quotes and
// detail, it may still say where a draft told only by its area happened
// ("في إحدى قرى ريف طرطوس" … "وأضاف أن العملية نُفذت في قرية X").
// moreCounted reports a sentence counting people besides those told before
// ("His guard, a cousin of his, was also killed"): it adds to the event
// of the sentence before the one between them that told none.
func moreCounted(s *sentence) bool {
	for _, c := range s.counts {
		if c.More && c.Value != nil {
			return true
		}
	}
	return false
}

func (p *passage) followUp(drafts []draft, si int) {
	s := &p.sents[si]
	if len(drafts) == 0 || s.newTopic || s.background || s.tally {
		return
	}
	d := &drafts[len(drafts)-1]
	if !p.quietSince(d.lastSent(), si) {
		return
	}
	var here []*mention
	for i := range s.ms {
		if m := &s.ms[i]; m.role == RoleIncident && !m.near {
			here = append(here, m)
		}
	}
	if len(here) > 0 && !placesAgree(d.places, here) {
		return // another place: another story
	}
	if d.lastSent() != si-1 && !(d.lastSent() == si-2 && moreCounted(s)) {
		if inner := placeWithin(d.places, here); inner != nil {
			d.places = []*mention{inner}
			p.join(d, si)
			d.spans = append(d.spans, span{Start: s.Start, End: s.End})
		}
		return
	}
	before, n, places, refs := d.counts, len(d.notes), len(d.places), len(d.refs)
	whole := span{Start: s.Start, End: s.End}
	if !anyNear(s.toks, -1, 1, len(s.toks), involvedWords) {
		d.takeCounts(s, whole) // but "كشفت التحقيقات تورطهم في اغتيال أكثر من عشرين مدنياً": their past deeds' toll
	}
	if d.dual && len(d.places) == 0 {
		d.places = here // "جرت العمليتان في منطقتي X وY": each is a place of its own
	} else {
		d.places = finer(d.places, here)
	}
	for i := range s.ms {
		if m := &s.ms[i]; m.near && m.role == RoleIncident && d.dual {
			d.refs = append(d.refs, m)
		}
	}
	took := d.counts != before || len(d.notes) > n || len(d.places) != places || len(d.refs) != refs
	if dm := bestDate(s.dates, whole, s.Start); dm != nil && (d.date == nil || d.inherited) {
		d.date, d.inherited, took = dm, false, true
	}
	if took {
		p.join(d, si)
		d.spans = append(d.spans, whole)
	}
}

// maxFollowGap is how many sentences after its draft one with no incident
// word may still tell where it happened.
const maxFollowGap = 3

// quietSince reports whether sentence si may complete a draft ending at
// sentence last: it comes next, or within maxFollowGap with only sentences
// between that tell no incident and start no other story.
func (p *passage) quietSince(last, si int) bool {
	if si <= last || si-last > maxFollowGap {
		return false
	}
	for k := last + 1; k < si; k++ {
		if s := &p.sents[k]; len(s.trig) > 0 || s.newTopic || s.background {
			return false
		}
	}
	return true
}

// placeWithin returns the one place of here inside the area the draft is
// told by ("ريف طرطوس", a district), if the draft names nothing finer.
func placeWithin(places, here []*mention) *mention {
	if len(places) != 1 || len(here) == 0 || precisionRank(precisionOf(places[0].Mention)) <= precisionRank(gazetteer.PrecisionTown) {
		return nil
	}
	var inner *mention
	for _, m := range here {
		if within(m.Mention, places[0].Mention) && (inner == nil || placeRank(m) < placeRank(inner)) {
			inner = m
		}
	}
	return inner
}

// markSummaries marks a draft whose count of killed or injured is the sum of
// the counts of two or more drafts told after it: "قتل 10 أشخاص بانفجار
// لغمين" before the two blasts, each with its own toll.
func markSummaries(drafts []draft) {
	for i := range drafts {
		for k := countKilled; k <= countArrested; k++ {
			c := drafts[i].counts[k]
			if c == nil || *c == 0 {
				continue
			}
			sum, n, end := 0, 0, i+1
			for j := i + 1; j < len(drafts) && sum < *c; j++ {
				if o := drafts[j].counts[k]; o != nil {
					sum, n, end = sum+*o, n+1, j+1
				}
			}
			if n < 2 || sum != *c {
				continue
			}
			drafts[i].summary = true
			for j := i + 1; j < end; j++ {
				if drafts[j].weak { // "وفي أريحا وحدها قُتل خمسة": killed in the strikes the total told
					drafts[j].typ, drafts[j].rank, drafts[j].weak = drafts[i].typ, drafts[i].rank, drafts[i].weak
				}
			}
		}
	}
}

// markTotalsAfter marks a draft told with no place of its own whose count of
// killed or injured is the sum of the counts of the two or more drafts of its
// kind told just before it: "five killed in X", "three killed in Y", then a
// toll of eight since dawn. The total of the events told, not another event
// at the last one's place.
func markTotalsAfter(drafts []draft) {
	for i := range drafts {
		if !drafts[i].borrowed && len(drafts[i].places) > 0 {
			continue
		}
		for k := countKilled; k <= countInjured; k++ {
			c := drafts[i].counts[k]
			if c == nil || *c == 0 {
				continue
			}
			sum, n := 0, 0
			for j := i - 1; j >= 0 && j >= i-totalParts && sum < *c && sameKind(drafts[j].typ, drafts[i].typ); j-- {
				if o := drafts[j].counts[k]; o != nil {
					sum, n = sum+*o, n+1
				}
			}
			if n >= 2 && sum == *c {
				drafts[i].summary = true
			}
		}
	}
}

// totalParts is how many events told just before a total it may sum.
const totalParts = 8

// markAreaSummaries marks a lead that tells, by an area or by no place, the
// events told right after it, each at a place inside that area: "وسعت القوات
// قصفها ليطال عدة قرى بريف تل تمر" before the villages shelled, "اعتقلت قوات
// الاحتلال راعيين بمحافظة القنيطرة" before the two arrests. Two or more events
// of the lead's kind, told next, none counting more than the lead. (The lead's
// day is often the day it was reported, so days are not compared.)
func (p *passage) markAreaSummaries(drafts []draft) {
	for i := range drafts {
		l := &drafts[i]
		if l.summary || l.apart || !p.areaLead(l) {
			continue
		}
		n, last := 0, l.lastSent()
		for j := i + 1; j < len(drafts); j++ {
			d := &drafts[j]
			p.leadLooks++
			if d.sents[0] > last+1 || d.apart || p.sents[d.sents[0]].newTopic || !sameKind(l.typ, d.typ) ||
				len(d.places) == 0 || !insideAll(d.places, l.places) || countsExceed(d, l) {
				break
			}
			n, last = n+1, d.lastSent()
			if n == 2 {
				break // enough: reading the rest of a run of such events cost each lead the run, the square of the run
			}
		}
		if n >= 2 {
			l.summary = true
		}
	}
}

// dropRestatedLeadCounts takes from a lead its figures that the events told
// after it tell again. A lead tells a toll by an area or by a total ("three
// civilians were wounded in the Hama countryside after rockets hit several
// villages"); when a detail with no toll of its own lent the lead its place
// ("two rockets fell on the farmland of X"), the toll stayed with X although
// the sentences after it give it to another village ("rockets hit Y, wounding
// three") or share it among others ("one killed in Y", "one killed in Z"). A
// figure of the lead that one later event of its kind, inside the lead's
// area, tells again, or that two or more later events of its kind add up to,
// is theirs, not the place the lead borrowed.
func (p *passage) dropRestatedLeadCounts(drafts []draft) {
	for i := range drafts {
		l := &drafts[i]
		if l.summary || l.apart || len(l.sents) < 2 || len(l.places) == 0 {
			continue
		}
		lead := &p.sents[l.sents[0]]
		if l.places[0].Start >= lead.Start && l.places[0].Start < lead.End {
			continue // placed by the lead itself: its toll is that place's
		}
		area := p.leadArea(lead, l.spans[0])
		for k := range l.counts {
			c := l.counts[k]
			if c == nil || *c == 0 || l.more[k] || l.countAt[k] < lead.Start || l.countAt[k] >= lead.End {
				continue
			}
			sum, n, equal := 0, 0, false
			for j := i + 1; j < len(drafts) && sum < *c; j++ {
				d := &drafts[j]
				if d.apart || d.summary || p.sents[d.sents[0]].newTopic || !sameKind(l.typ, d.typ) || d.counts[k] == nil {
					continue
				}
				sum, n = sum+*d.counts[k], n+1
				equal = equal || n == 1 && *d.counts[k] == *c && area != nil && len(d.places) > 0 && insideAll(d.places, area)
			}
			if sum == *c && (n >= 2 || equal) {
				l.counts[k] = nil
			}
		}
	}
}

// leadArea returns the places a lead's segment sp names, when all are areas
// coarser than a town (an empty, non-nil list when it names none); nil when
// it names a town or finer.
func (p *passage) leadArea(s *sentence, sp span) []*mention {
	area := []*mention{}
	for i := range s.ms {
		m := &s.ms[i]
		if m.Start < sp.Start || m.Start >= sp.End || m.role == RoleDateline || m.role == RoleOrganisation || m.role == RoleOrigin {
			continue
		}
		if precisionRank(precisionOf(m.Mention)) <= precisionRank(gazetteer.PrecisionTown) {
			return nil
		}
		area = append(area, m)
	}
	return area
}

// markProvinceLeads marks as summaries the violent events told only by a
// governorate, with no toll, in a passage that tells one at a finer place
// inside it on the same day (of the same kind, unless the first is a bare
// attack): "صعّدت القوات هجماتها على مناطق في الرقة" before the
// villages shelled, "تصدت القوى في السويداء لاعتداءات" before the village
// attacked, "مثل غيرها من جرائم القتل في حمص" after the killing told. An
// attack told so stands for the events told, or for none.
func (p *passage) markProvinceLeads(drafts []draft) {
	var finer eventsInside // built at the first lead: most passages have none
	for i := range drafts {
		l := &drafts[i]
		if !violent[l.typ] || l.counts != [3]*int{} || l.apart || l.summary {
			continue
		}
		gov, ok := p.provinceOnly(l.places) // but "في ريف اللاذقية الشرقي" is a region told as where it happened
		if !ok {
			continue
		}
		if finer == nil {
			finer = p.eventsInside(drafts)
		}
		l.summary = finer.tell(gov, l, &p.leadLooks)
	}
}

// multiLeadReach is how many drafts after a lead naming several governorates
// may tell its events.
const multiLeadReach = 6

// markMultiProvinceLeads marks as a summary a lead that names two or more
// governorates and nothing finer ("دخلت قوات ... عدة بلدات من محافظتي درعا
// والقنيطرة واعتقلت عدداً من الشبان"), with no toll of its own, when the
// drafts after it tell events at places inside each of them, one of its
// own kind: the lead sums up what they tell.
func (p *passage) markMultiProvinceLeads(drafts []draft) {
	for i := range drafts {
		l := &drafts[i]
		if l.summary || l.apart || l.counts != [3]*int{} || len(l.places) < 2 {
			continue
		}
		govs := map[string]bool{}
		for _, m := range l.places {
			if !p.namesGovernorate(m) && !p.seatNamedAsGovernorate(m) || m.Match.Qualifier != "" {
				govs = nil
				break
			}
			govs[m.Match.Place.Admin1PCode] = true
		}
		if len(govs) < 2 {
			continue
		}
		told, ownKind := map[string]bool{}, false
		for j := i + 1; j < len(drafts) && j <= i+multiLeadReach; j++ {
			d := &drafts[j]
			if len(d.places) == 0 || d.apart {
				continue
			}
			for _, m := range d.places {
				if gov := m.Match.Place.Admin1PCode; govs[gov] && !p.namesGovernorate(m) && !p.seatNamedAsGovernorate(m) {
					told[gov] = true // "وفي القنيطرة، توغلت آليات في قرية العجرف": a village inside it
					ownKind = ownKind || sameKind(l.typ, d.typ)
				}
			}
		}
		l.summary = ownKind && len(told) == len(govs)
	}
}

// eventsInside holds the violent events a province lead may stand for (see
// markProvinceLeads), by governorate and type: each told at places all finer
// than a governorate and inside that one. A lead is no such event (its places
// all name a governorate), so marking leads changes nothing held. Weighing each
// lead against every draft cost the square of the drafts (each look reading
// the places' names again): 25 KB of "Shelling hit X." with X a governorate
// took 1.8 s and 146 MB allocated.
type eventsInside map[string]map[string]*daysTold

// daysTold are the days of the events of one governorate and type.
type daysTold struct {
	undated bool        // one has no day, or one not resolved: it meets any
	spans   []dateSpan  // the others', by their first day
	lastTo  []time.Time // lastTo[k] is the latest end among spans[:k+1]
}

type dateSpan struct{ from, to time.Time }

func (p *passage) eventsInside(drafts []draft) eventsInside {
	in := eventsInside{}
	for j := range drafts {
		d := &drafts[j]
		if d.apart || d.summary || !violent[d.typ] || len(d.places) == 0 {
			continue
		}
		gov := d.places[0].Match.Place.Admin1PCode
		if !p.finerInside(d.places, gov) {
			continue
		}
		byType := in[gov]
		if byType == nil {
			byType = map[string]*daysTold{}
			in[gov] = byType
		}
		t := byType[d.typ]
		if t == nil {
			t = &daysTold{}
			byType[d.typ] = t
		}
		if d.date == nil || !d.date.resolved() {
			t.undated = true
		} else {
			t.spans = append(t.spans, dateSpan{d.date.From, d.date.To})
		}
	}
	for _, byType := range in {
		for _, t := range byType {
			slices.SortFunc(t.spans, func(a, b dateSpan) int { return a.from.Compare(b.from) })
			t.lastTo = make([]time.Time, len(t.spans))
			for k, sp := range t.spans {
				t.lastTo[k] = sp.to
				if k > 0 && t.lastTo[k-1].After(sp.to) {
					t.lastTo[k] = t.lastTo[k-1]
				}
			}
		}
	}
	return in
}

// tell reports an event held inside gov of l's kind (any violent one for a
// bare attack) on a day that meets l's (see datesApart), counting the types
// it looks at in looks.
func (in eventsInside) tell(gov string, l *draft, looks *int) bool {
	for typ, t := range in[gov] {
		*looks++
		if l.typ != TypeArmedAttack && !sameKind(l.typ, typ) {
			continue
		}
		if t.undated || l.date == nil || !l.date.resolved() {
			return true
		}
		// the spans starting by l's last day; one of them ends on or after its first
		k, _ := slices.BinarySearchFunc(t.spans, l.date.To, func(sp dateSpan, to time.Time) int {
			if sp.from.After(to) {
				return 1
			}
			return -1
		})
		if k > 0 && !t.lastTo[k-1].Before(l.date.From) {
			return true
		}
	}
	return false
}

// datesApart reports two drafts told on days that do not meet.
func datesApart(a, b *draft) bool {
	return a.date != nil && b.date != nil && a.date.resolved() && b.date.resolved() &&
		(a.date.From.After(b.date.To) || b.date.From.After(a.date.To))
}

// areaLead reports a draft placed by no place, by several, or only by areas
// coarser than a town: a lead may tell events at several places inside them.
func (p *passage) areaLead(d *draft) bool {
	if len(d.places) >= 2 {
		return true // "طفلتين من مدينتي الرقة والقامشلي": the places of the events told next
	}
	for _, m := range d.places {
		if precisionRank(precisionOf(m.Mention)) <= precisionRank(gazetteer.PrecisionTown) && m.Match.Place.Kind != gazetteer.KindCity {
			return false // a city is an area too: "أصيب 9 جراء قذائف على أحياء متفرقة في دمشق" before its quarters
		}
	}
	return true
}

// insideAll reports every place of inner at or inside one of outer (any, when
// outer is empty).
func insideAll(inner, outer []*mention) bool {
	if len(outer) == 0 {
		return true
	}
	for _, m := range inner {
		in := false
		for _, o := range outer {
			in = in || samePlace(m.Mention, o.Mention) || within(m.Mention, o.Mention) || sameGovernorateArea(m.Mention, o.Mention) ||
				o.around && m.Match.Place.Admin1PCode != "" && geo.Distance(m.Match.Place.Location, o.Match.Place.Location) <= aroundMetres
		}
		if !in {
			return false
		}
	}
	return true
}

// aroundMetres is how far the surroundings of a place told with them reach:
// "قذائف على دمشق ومحيطها" before Jaramana's and Harasta's shells.
const aroundMetres = 25_000

// countsExceed reports d counting more people of a kind than l.
func countsExceed(d, l *draft) bool {
	for k := range d.counts {
		if d.counts[k] != nil && l.counts[k] != nil && *d.counts[k] > *l.counts[k] {
			return true
		}
	}
	return false
}

// takeCounts fills the counts the draft lacks from those stated in sp.
func (d *draft) takeCounts(s *sentence, sp span) {
	for _, c := range s.counts {
		if c.Pos < sp.Start || c.Pos >= sp.End {
			continue
		}
		if c.Zero {
			d.zero = true
			continue
		}
		if d.counts[c.Kind] != nil {
			if preliminary(s) {
				continue // "إصابة آخرين في حصيلة أولية": an earlier figure, not more people
			}
			if c.Toll && c.Value != nil && *c.Value > *d.counts[c.Kind] {
				v := *c.Value // "the toll climbed to 14": the latest figure
				d.counts[c.Kind], d.countAt[c.Kind] = &v, c.Pos
				continue
			}
			if c.Value != nil && (c.More || contrastBetween(s, d.countAt[c.Kind], c.Pos) && !otherSource(s, d.countAt[c.Kind], c.Pos)) {
				d.addCount(c.Kind, *c.Value) // "وقُتل اثنان آخران", "قتل عنصر فيما قتل مهاجم": both sides
				d.countAt[c.Kind] = c.Pos
			}
			continue
		}
		if c.Value == nil {
			if !slices.Contains(d.notes, c.Note) {
				d.notes = append(d.notes, c.Note)
			}
			continue
		}
		v := *c.Value
		d.counts[c.Kind] = &v
		d.more[c.Kind] = c.More && !d.countedBefore(s, c.Kind, c.Pos)
		d.named[c.Kind] = c.Named
		d.side[c.Kind] = sideAt(s, c.Pos)
		d.countAt[c.Kind] = c.Pos
	}
}

// countedBefore reports a count of another kind read in sentence s before pos:
// "مقتل شخص وإصابة 12 آخرين" are others than the one killed just told, not
// more than a lead told before counted.
func (d *draft) countedBefore(s *sentence, kind countKind, pos int) bool {
	for k := range d.counts {
		if countKind(k) != kind && d.counts[k] != nil && d.countAt[k] >= s.Start && d.countAt[k] < pos {
			return true
		}
	}
	return false
}

// preliminary reports a sentence that tells a first, partial toll.
func preliminary(s *sentence) bool {
	for i, t := range s.toks {
		if t.in(tollWords) && (anyNear(s.toks, i, 1, 2, firstTollWords) || anyNear(s.toks, i, -2, -1, firstTollWords)) {
			return true
		}
	}
	return false
}

// firstTollWords qualify a toll as a first one: "حصيلة أولية", "a preliminary toll".
var firstTollWords = wordSet("اوليه", "الاوليه", "preliminary", "initial", "early")

// contrastBetween reports "فيما", "بينما", "في حين", "while" between two
// offsets of sentence s: counts on either side are of different people.
func contrastBetween(s *sentence, from, to int) bool {
	if from < s.Start || from >= to {
		return false
	}
	for i, t := range s.toks {
		if t.Start > from && t.Start < to && (clauseOpeners[t.Norm] || t.Norm == "في" && i+1 < len(s.toks) && s.toks[i+1].Norm == "حين") {
			return true
		}
	}
	return false
}

// otherSource reports a clause opener between two counts that a source's
// word follows: "…, while an activist said four were killed", "فيما قال
// ناشطون إن…" gives another source's figure for the same people, not more.
func otherSource(s *sentence, from, to int) bool {
	for i, t := range s.toks {
		if t.Start > from && t.Start < to && clauseOpeners[t.Norm] {
			for j := i + 1; j < len(s.toks) && s.toks[j].Start < to; j++ {
				if s.toks[j].in(sourceWords) {
					return true
				}
			}
		}
	}
	return false
}

// bestDate picks the date for a trigger at pos: a date in sp, preferring one
// that is not the date of an announcement, then the nearest.
func bestDate(ds []dateMention, sp span, pos int) *dateMention {
	var best *dateMention
	score := func(d *dateMention) int {
		dist := abs(d.Start - pos)
		if d.Reported {
			dist += 1 << 20
		}
		return dist
	}
	for i := range ds {
		d := &ds[i]
		if d.Start < sp.Start || d.Start >= sp.End || (!d.resolved() && d.Note == "") || d.Since || d.Charge {
			continue
		}
		if best == nil || score(d) < score(best) {
			best = d
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// splitDuals makes two incidents of a draft told with a dual ("عمليتين
// أمنيتين") that names two places: one at each.
func splitDuals(drafts []draft) []draft {
	var out []draft
	for _, d := range drafts {
		where := append(append([]*mention(nil), d.places...), d.refs...)
		if !d.dual || len(where) != 2 || samePlace(where[0].Mention, where[1].Mention) {
			out = append(out, d)
			continue
		}
		for k, m := range where {
			e := d
			e.places, e.refs = nil, nil
			if k < len(d.places) {
				e.places = []*mention{m}
			} else {
				e.refs = []*mention{m}
			}
			if k > 0 {
				e.counts = [3]*int{}
			}
			e.notes = append(slices.Clone(d.notes), "one of two operations told together")
			out = append(out, e)
		}
	}
	return out
}

// sameGovernorateArea reports two areas of one governorate told with more or
// less detail: "Aleppo countryside", "the northern countryside of Aleppo".
// Two sides of it told apart ("the western countryside of Daraa", "the
// eastern countryside of Daraa") are two areas, one not the other told again.
func sameGovernorateArea(a, b gazetteer.Mention) bool {
	return precisionOf(a) == gazetteer.PrecisionGovernorate && precisionOf(b) == gazetteer.PrecisionGovernorate &&
		a.Match.Place.Admin1PCode != "" && a.Match.Place.Admin1PCode == b.Match.Place.Admin1PCode &&
		!otherSides(a.Match.Qualifier, b.Match.Qualifier)
}

// otherSides reports two qualifiers naming different sides of a place
// ("western rural", "eastern rural"), neither within the other: "northwestern"
// lies within "western", "northern" does not lie within "eastern".
func otherSides(a, b string) bool {
	sa, sb := sideWord(a), sideWord(b)
	return sa != "" && sb != "" && !strings.Contains(sa, sb) && !strings.Contains(sb, sa)
}

// sideWord is the direction a qualifier names ("western" of "western rural"),
// or "".
func sideWord(q string) string {
	w, _, _ := strings.Cut(q, " ")
	for _, d := range []string{"north", "south", "east", "west"} {
		if strings.Contains(w, d) {
			return strings.TrimSuffix(w, "ern")
		}
	}
	return ""
}
