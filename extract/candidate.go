package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/paulmach/orb"
)

// candidatesOf turns a finished draft into its candidate and, for an arrest
// raid that also seized weapons, the seizure beside it (same place and dates,
// as news-dev's conventions record them).
func (p *passage) candidatesOf(d draft) []Candidate {
	c := p.candidate(d)
	if c.IncidentType == TypeOther && c.Arrested != nil && *c.Arrested > 0 {
		c.IncidentType = TypeArrest // "حملة مداهمات طالت عشرة أشخاص": a raid that took people is their arrest
	}
	out := []Candidate{c}
	if c.IncidentType == TypeArrest && slices.Contains(d.also, TypeWeaponsSeizure) {
		w := c
		w.IncidentType = TypeWeaponsSeizure
		w.Killed, w.Injured, w.Arrested = nil, nil, nil
		w.Notes = []string{"weapons seized in the arrest raid told with it"}
		out = append(out, w)
	}
	if c.IncidentType == TypeWeaponsSeizure && slices.Contains(d.also, TypeArrest) {
		a := c
		a.IncidentType = TypeArrest
		c.Killed, c.Injured, c.Arrested = nil, nil, nil
		c.Notes = []string{"weapons seized in the arrest raid told with it"}
		out = []Candidate{a, c}
	}
	if c.IncidentType == TypeArrest && (c.Killed != nil || c.Injured != nil) && slices.Contains(d.also, TypeClash) {
		// A raid that met with a clash, its dead and its arrests told together ("a patrol
		// clashed with the five members: one was killed and four were arrested"): the
		// clash's toll is the clash's, the arrests the arrest's.
		k := c
		k.IncidentType, k.Arrested = TypeClash, nil
		k.Notes = append(slices.DeleteFunc(slices.Clone(c.Notes), func(n string) bool { return strings.HasPrefix(n, "also reads as") }),
			"the clash of the arrest raid, with its toll")
		out[0].Killed, out[0].Injured = nil, nil
		out = append([]Candidate{k}, out...)
	}
	if c.IncidentType != TypeArrest && c.IncidentType != TypeWeaponsSeizure && c.Arrested != nil &&
		slices.Contains(d.also, TypeArrest) {
		// Arrests told with an attack, a kidnapping or a clash ("تبعه حملة
		// اعتقالات … واعتقلت 18", "تحرير المخطوف والقبض على أحد أفراد العصابة")
		// are an arrest of their own: its count is no attack's.
		a := c
		a.IncidentType = TypeArrest
		a.Killed, a.Injured = nil, nil
		a.Notes = []string{"arrests told with the " + c.IncidentType + ": an arrest of its own"}
		out[0].Arrested = nil
		out = append(out, a)
	}
	if out[0].IncidentType == TypeKidnapping && out[0].Arrested != nil {
		out[0].Arrested = nil // "militants captured seven policemen": hostages are never counted as arrested
		out[0].Notes = append(out[0].Notes, "the people taken are hostages, not counted as arrested")
	}
	return out
}

// candidate turns a finished draft into a Candidate.
func (p *passage) candidate(d draft) Candidate {
	c := Candidate{IncidentType: d.typ, Killed: d.counts[countKilled], Injured: d.counts[countInjured],
		Arrested: d.counts[countArrested], Notes: d.notes}
	if d.zero && c.Killed == nil && c.Injured == nil {
		zk, zi := 0, 0
		c.Killed, c.Injured = &zk, &zi // "دون وقوع إصابات", "only material damage"
	}
	switch {
	case d.date != nil && d.date.resolved():
		c.DateFrom, c.DateTo, c.DatePrecision = d.date.From, d.date.To, d.date.Prec
		if d.date.Inferred {
			c.Notes = append(c.Notes, d.date.Note)
		}
	case d.date != nil:
		c.Notes = append(c.Notes, d.date.Note)
	case !p.published.IsZero() && !d.apart:
		c.DateFrom, c.DateTo, c.DatePrecision = p.published, p.published, PrecisionDay
		c.Notes = append(c.Notes, "no date in the text: the publication date, when it was reported")
	case d.apart:
		c.Notes = append(c.Notes, "told as background with no date of its own: date left unknown")
	}
	if d.reported() {
		c.Notes = append(c.Notes, "the date is when it was announced; the event may be earlier")
	}
	main, refOnly := d.mainPlace()
	if main != nil {
		p.setPlace(&c, main, refOnly)
	} else {
		p.governorateOnly(&c, d)
	}
	for _, t := range uniq(d.also) {
		if t != d.typ && !sameKind(t, d.typ) {
			c.Notes = append(c.Notes, fmt.Sprintf("also reads as %s; taken as %s", t, d.typ))
		}
	}
	var ev []string
	for _, si := range uniqInts(d.sents) {
		s := &p.sents[si]
		ev = append(ev, p.text[s.Start:s.End])
		c.Places = append(c.Places, d.placeRefs(s)...)
	}
	for _, m := range d.places {
		if !slices.ContainsFunc(d.sents, func(si int) bool { return p.sents[si].holds(m) }) {
			c.Places = append(c.Places, placeRef(*m, RoleIncident)) // taken from an earlier sentence: still where it happened
		}
	}
	c.Evidence = strings.Join(ev, " ")
	return c
}

// mainPlace is where the draft happened: its finest place, or a reference
// point when it names none.
func (d *draft) mainPlace() (*mention, bool) {
	var best *mention
	gov := majorityGovernorate(d.places)
	home := slices.ContainsFunc(d.places, func(m *mention) bool { return !m.abroad })
	for _, m := range d.places {
		if gov != "" && m.Match.Place.Admin1PCode != gov || home && m.abroad {
			continue // "hit X in northern Syria and Mosul in Iraq": the Syrian place
		}
		if best == nil || placeRank(m) < placeRank(best) {
			best = m
		}
	}
	if best != nil {
		return best, false
	}
	if len(d.refs) > 0 {
		return d.refs[0], true
	}
	return nil, false
}

// majorityGovernorate returns the governorate of more than half of the
// places told as one event's, "" if none: in "shelling hit X, Y, the village
// of Z and the village of W" with three in Raqqa and W read as a quarter of
// Homs, W is the namesake of a village the gazetteer lacks, not the place.
func majorityGovernorate(ms []*mention) string {
	n := map[string]int{}
	for _, m := range ms {
		n[m.Match.Place.Admin1PCode]++
	}
	for g, k := range n {
		if g != "" && 2*k > len(ms) && k < len(ms) {
			return g
		}
	}
	return ""
}

// setPlace fills the place fields of c from m. The name in the report's
// language is the name as written; the other is the gazetteer's.
func (p *passage) setPlace(c *Candidate, m *mention, refOnly bool) {
	pl := m.Match.Place
	written := m.name
	if m.near || refOnly {
		written = m.name
	}
	gazEN := strings.TrimSpace(m.Match.Qualifier + " " + pl.NameEN)
	if refOnly && !m.near {
		gazEN = "near " + pl.NameEN
	}
	if p.lang == langEnglish {
		c.PlaceNameEN, c.PlaceNameAR = written, pl.NameAR
	} else {
		c.PlaceNameAR, c.PlaceNameEN = written, gazEN
	}
	c.Location, c.HasLocation = pl.Location, pl.Location != orb.Point{}
	c.Admin1PCode, c.Admin1Name, c.GeoPrecision = pl.Admin1PCode, pl.Admin1Name, string(precisionOf(m.Mention))
	if pl.PointPrecision != "" {
		c.GeoPrecision = string(coarsest(precisionOf(m.Mention), pl.PointPrecision))
	}
	if isUnknown(m.Mention) {
		c.PlaceNameEN, c.PlaceNameAR = pl.NameEN, pl.NameAR
		if !c.HasLocation {
			c.GeoPrecision = ""
		}
		if alt := m.Match.Alternatives; len(alt) > 0 && pl.Admin1Name != "" {
			var elsewhere []string
			for _, a := range alt {
				s := a.NameEN
				if a.Admin1Name != "" {
					s += " in " + a.Admin1Name // not "Villas in " for a row that names no governorate
				}
				if !slices.Contains(elsewhere, s) && len(elsewhere) < 4 {
					elsewhere = append(elsewhere, s)
				}
			}
			c.Notes = append(c.Notes, fmt.Sprintf("%q is not in the gazetteer in %s: placed at the area named with it (the gazetteer has %s)",
				written, pl.Admin1Name, strings.Join(elsewhere, ", ")))
		} else {
			c.Notes = append(c.Notes, fmt.Sprintf("%q is not in the gazetteer: placed at the area named with it", written))
		}
	}
	c.Admin2PCode, c.Admin2Name = pl.Admin2PCode, pl.Admin2Name
	if refOnly {
		c.GeoPrecision = string(coarsest(precisionOf(m.Mention), gazetteer.PrecisionDistrict))
		c.Notes = append(c.Notes, "only a point near it is named: placed there, with coarser precision")
	}
}

// coarsest returns the coarser of two precisions.
func coarsest(a, b gazetteer.Precision) gazetteer.Precision {
	if precisionRank(a) > precisionRank(b) {
		return a
	}
	return b
}

func (d *draft) reported() bool { return d.date != nil && d.date.resolved() && d.date.Reported }

// placeRefs lists a sentence's places for a candidate: its own places keep the
// incident role; other incident places of the sentence become context.
func (d *draft) placeRefs(s *sentence) []PlaceRef {
	var out []PlaceRef
	for i := range s.ms {
		m := &s.ms[i]
		role := m.role
		switch {
		case slices.Contains(d.places, m):
			role = RoleIncident
		case m.near && role == RoleIncident || slices.Contains(d.refs, m):
			role = RoleReference
		case role == RoleIncident:
			role = RoleContext
		}
		out = append(out, placeRef(*m, role))
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

// governorateOnly places a draft that names no place of its own in the
// governorate of the roads, else the institutions or outlets, else the homes
// named with it ("على طريق نوى – الشيخ مسكين", "قيادة الشرطة في محافظة حماة",
// "من أبناء بلدة القريا"), when those agree on one.
func (p *passage) governorateOnly(c *Candidate, d draft) {
	g, ok := p.places.(interface {
		Place(id string) (gazetteer.Place, bool)
	})
	if !ok {
		return
	}
	code := p.hintedGovernorate(d)
	gov, ok := g.Place("adm1:" + code)
	if code == "" || !ok {
		return
	}
	c.PlaceNameAR, c.PlaceNameEN = gov.NameAR, gov.NameEN
	c.Location, c.HasLocation = gov.Location, true
	c.Admin1PCode, c.Admin1Name, c.GeoPrecision = gov.Admin1PCode, gov.Admin1Name, string(gazetteer.PrecisionGovernorate)
	c.Notes = append(c.Notes, "no place of its own: the governorate of the roads or institutions named with it")
}

// hintedGovernorate is the governorate of the roads, else the institutions or
// outlets, else the homes told with a draft that names no place, or "".
func (p *passage) hintedGovernorate(d draft) string {
	for _, role := range []string{RoleRoute, RoleOrganisation, RoleOrigin} {
		if code := p.agreedGovernorate(d, role); code != "" {
			return code
		}
	}
	return ""
}

// agreedGovernorate is the governorate all mentions of a role in the draft's
// sentences lie in, or "" when there are none or they disagree.
func (p *passage) agreedGovernorate(d draft, role string) string {
	code := ""
	for _, si := range d.sents {
		for _, m := range p.sents[si].ms {
			if m.role != role || m.Match.Place.Admin1PCode == "" {
				continue
			}
			if code != "" && code != m.Match.Place.Admin1PCode {
				return ""
			}
			code = m.Match.Place.Admin1PCode
		}
	}
	return code
}

// holds reports m, one of the mentions of sentence s.
func (s *sentence) holds(m *mention) bool {
	for i := range s.ms {
		if &s.ms[i] == m {
			return true
		}
	}
	return false
}
