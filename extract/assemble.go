package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// draft is a candidate being assembled from one or more sentences.
type draft struct {
	segment
	sents     []int  // sentence indices, in order
	spans     []span // where counts were read in each
	place     *gazetteer.Mention
	date      *dateMention
	inherited bool // date taken from an earlier sentence
	refOnly   bool // placed at a reference point: only "80 كم شرقي دير الزور" was named
	counts    [3]*int
	more      [3]bool // the count was told as "آخرين": add it to an earlier one of the incident
	notes     []string
}

func (d *draft) lastSent() int { return d.sents[len(d.sents)-1] }

// candidates reads the passage sentence by sentence: a sentence with incident
// words gives drafts, which join the previous draft when they only add to it
// (same place, or none, and no other date); a sentence without any may add
// counts, a date or a place to the draft just before it.
func (p *passage) candidates() []Candidate {
	var drafts []draft
	var lastDate *dateMention
	var lastPlace *gazetteer.Mention
	for si := range p.sents {
		s := &p.sents[si]
		if len(s.trig) == 0 {
			p.followUp(drafts, si)
		}
		for _, g := range segments(s) {
			for k, d := range p.newDrafts(si, g, lastDate) {
				if s.background {
					if d.place != nil {
						drafts = append(drafts, d) // an earlier event at a place of its own, never merged
					}
					continue // an earlier event with no place of its own: background, not a candidate
				}
				drafts = p.add(drafts, d, lastPlace, k == 0)
			}
		}
		if d := bestDate(s.dates, span{Start: s.Start, End: s.End}, s.Start); d != nil && d.resolved() {
			lastDate = d
		}
		for i := range s.ms {
			if s.roles[i] == RoleIncident {
				lastPlace = &s.ms[i]
			}
		}
	}
	var out []Candidate
	for _, d := range drafts {
		if d.place == nil && (d.date == nil || !d.date.resolved()) && d.counts == [3]*int{} {
			continue // nothing a reviewer could place, date or count
		}
		out = append(out, p.candidate(d))
	}
	return out
}

// newDrafts makes one draft per incident place of a segment (one with no place
// if it names none). Counts go to the first only: they may cover them all.
func (p *passage) newDrafts(si int, g segment, lastDate *dateMention) []draft {
	s := &p.sents[si]
	base := draft{segment: g, sents: []int{si}, spans: []span{g.sp}}
	base.date = bestDate(s.dates, g.sp, g.pos)
	if base.date == nil {
		base.date = bestDate(s.dates, span{Start: s.Start, End: s.End}, g.pos)
	}
	if base.date == nil && lastDate != nil && !s.background {
		base.date, base.inherited = lastDate, true
	}
	base.takeCounts(s, g.sp)
	if len(g.places) == 0 {
		return []draft{base}
	}
	out := make([]draft, 0, len(g.places))
	for k, mi := range g.places {
		d := base
		d.place = &s.ms[mi]
		d.notes = slices.Clone(base.notes)
		if k > 0 {
			d.counts = [3]*int{}
		} else if len(g.places) > 1 && base.counts != [3]*int{} {
			d.notes = append(d.notes, "counts may cover all places of the sentence")
		}
		out = append(out, d)
	}
	return out
}

// add appends d, or merges it into the draft before it when it adds to that
// incident. first is false for the second and later places of one segment.
func (p *passage) add(drafts []draft, d draft, lastPlace *gazetteer.Mention, first bool) []draft {
	si := d.sents[0]
	if n := len(drafts); n > 0 && first && !p.sents[si].newTopic {
		last := &drafts[n-1]
		if last.lastSent() < si && continues(last, &d) {
			last.absorb(d)
			return drafts
		}
	}
	if d.place == nil {
		d.place = p.referencePoint(si)
		d.refOnly = d.place != nil
	}
	if d.place == nil && lastPlace != nil && !p.sents[si].newTopic {
		d.place = lastPlace
		d.notes = append(d.notes, "place taken from an earlier sentence")
	}
	return append(drafts, d)
}

// referencePoint returns the first reference point named in sentence si.
func (p *passage) referencePoint(si int) *gazetteer.Mention {
	s := &p.sents[si]
	for i := range s.ms {
		if s.roles[i] == RoleReference {
			return &s.ms[i]
		}
	}
	return nil
}

// continues reports whether d, from a later sentence, tells more of last: it
// names no other place and no other date.
func continues(last, d *draft) bool {
	samePl := d.place == nil || last.place != nil && (samePlace(*last.place, *d.place) || contains(*d.place, *last.place))
	sameDate := d.date == nil || d.inherited || last.date == nil ||
		!d.date.From.After(last.date.To) && !last.date.From.After(d.date.To)
	return samePl && sameDate
}

// contains reports whether outer is a coarser area holding inner.
func contains(outer, inner gazetteer.Mention) bool { return within(inner, outer) }

// absorb merges a later draft of the same incident.
func (d *draft) absorb(o draft) {
	d.sents = append(d.sents, o.sents...)
	d.spans = append(d.spans, o.spans...)
	if d.weak && !o.weak {
		d.also = append(d.also, d.typ)
		d.typ, d.rank, d.weak = o.typ, o.rank, false
	} else if o.typ != d.typ {
		d.also = append(d.also, o.typ)
	}
	d.also = append(d.also, o.also...)
	if d.place == nil {
		d.place = o.place
	}
	if d.date == nil || d.inherited && o.date != nil && !o.inherited {
		d.date, d.inherited = o.date, o.inherited
	}
	for k := range d.counts {
		switch {
		case d.counts[k] == nil:
			d.counts[k] = o.counts[k]
		case o.counts[k] != nil && o.more[k]:
			d.addCount(countKind(k), *o.counts[k])
		}
	}
	d.notes = append(d.notes, o.notes...)
}

// followUp lets a sentence with no incident word complete the draft of the
// sentence before it: "وأسفر ذلك عن مقتل ثلاثة", "وجرى ذلك يوم الإثنين".
func (p *passage) followUp(drafts []draft, si int) {
	s := &p.sents[si]
	if len(drafts) == 0 || s.newTopic || s.background {
		return
	}
	d := &drafts[len(drafts)-1]
	if d.lastSent() != si-1 {
		return
	}
	for i, m := range s.ms {
		if s.roles[i] == RoleIncident && d.place != nil && !samePlace(m, *d.place) && !contains(m, *d.place) {
			return // another place: another story
		}
	}
	before := d.counts
	n := len(d.notes)
	whole := span{Start: s.Start, End: s.End}
	d.takeCounts(s, whole)
	took := d.counts != before || len(d.notes) > n
	if dm := bestDate(s.dates, whole, s.Start); dm != nil && (d.date == nil || d.inherited) {
		d.date, d.inherited, took = dm, false, true
	}
	if took {
		d.sents = append(d.sents, si)
		d.spans = append(d.spans, whole)
	}
}

// takeCounts fills the counts the draft lacks from those stated in sp.
func (d *draft) takeCounts(s *sentence, sp span) {
	for _, c := range s.counts {
		if c.Pos < sp.Start || c.Pos >= sp.End {
			continue
		}
		if d.counts[c.Kind] != nil {
			if c.More && c.Value != nil {
				d.addCount(c.Kind, *c.Value) // "وقُتل اثنان آخران"
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
		d.more[c.Kind] = c.More
	}
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
		if d.Start < sp.Start || d.Start >= sp.End || (!d.resolved() && d.Note == "") {
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

// candidate turns a finished draft into a Candidate.
func (p *passage) candidate(d draft) Candidate {
	c := Candidate{IncidentType: d.typ, Killed: d.counts[countKilled], Injured: d.counts[countInjured],
		Arrested: d.counts[countArrested], Notes: d.notes}
	if d.date != nil && d.date.resolved() {
		c.DateFrom, c.DateTo, c.DatePrecision = d.date.From, d.date.To, d.date.Prec
	} else if d.date != nil {
		c.Notes = append(c.Notes, d.date.Note)
	}
	if d.reported() {
		c.Notes = append(c.Notes, "the date is when it was announced; the event may be earlier")
	}
	if m := d.place; m != nil {
		pl := m.Match.Place
		c.PlaceNameAR = bareName(m.Text)
		c.PlaceNameEN = strings.TrimSpace(m.Match.Qualifier + " " + pl.NameEN)
		c.Location, c.HasLocation = pl.Location, true
		c.Admin1PCode, c.Admin1Name, c.GeoPrecision = pl.Admin1PCode, pl.Admin1Name, string(precisionOf(*m))
		if d.refOnly {
			c.GeoPrecision = string(gazetteer.PrecisionGovernorate)
			c.Notes = append(c.Notes, "only a reference point is named: placed at it, with governorate precision")
		}
	}
	for _, t := range uniq(d.also) {
		if t != d.typ {
			c.Notes = append(c.Notes, fmt.Sprintf("also reads as %s; taken as %s", t, d.typ))
		}
	}
	var ev []string
	for _, si := range uniqInts(d.sents) {
		s := &p.sents[si]
		ev = append(ev, p.text[s.Start:s.End])
		c.Places = append(c.Places, p.placeRefs(s, d.place)...)
	}
	if d.place != nil && !d.refOnly && !slices.ContainsFunc(c.Places, func(r PlaceRef) bool { return r.Role == RoleIncident }) {
		c.Places = append(c.Places, placeRef(*d.place, RoleIncident))
	}
	c.Evidence = strings.Join(ev, " ")
	return c
}

func (d *draft) reported() bool { return d.date != nil && d.date.resolved() && d.date.Reported }

// placeRefs lists a sentence's places for a candidate: its own incident place
// keeps that role; other candidates' incident places become context.
func (p *passage) placeRefs(s *sentence, own *gazetteer.Mention) []PlaceRef {
	var out []PlaceRef
	for i, m := range s.ms {
		role := s.roles[i]
		if role == RoleIncident && (own == nil || m.Start != own.Start) {
			role = RoleContext
		}
		out = append(out, placeRef(m, role))
	}
	return out
}

func uniq(xs []string) []string {
	var out []string
	for _, x := range xs {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func uniqInts(xs []int) []int {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}
