package gazetteer

import (
	"slices"

	"github.com/paulmach/orb/geo"
)

// A context the text gives for a name ("بريف حلب", "في مدينة بانياس", ", Harim",
// "شمال إدلب") says where the place lies: a namesake outside it is not the place
// meant. When no candidate lies inside, the name is one the gazetteer does not
// hold there (a neighbourhood of Baniyas known only in Damascus's data), and the
// answer is the context itself, at its own precision.

// aroundKm is how far from a town a place "near", "north of" or "in the
// countryside of" it may lie.
const aroundKm = 40

// regionFringeKm is how far from a named region's middle a place may lie and
// still be told as in it, its parts aside.
const regionFringeKm = 30

// region is the area a context covers.
type region struct {
	admin1 []string // governorates
	admin2 string   // a district
	parts  []string // a region's P-codes, of any level
	centre *Place   // a town, with the radius around it
	km     float64
}

// contextRegion returns the area that ctx, resolved to cp, covers; ok is false
// when it rules nothing out (a landmark, a region without known extent).
func (g *Gazetteer) contextRegion(cp Place, ctx parsed) (region, bool) {
	switch {
	case cp.Kind == KindGovernorate:
		return region{admin1: twinGovernorates(cp.Admin1PCode)}, true
	case ctx.rural && ruralAroundTown(cp):
		return region{admin2: cp.Admin2PCode, centre: &cp, km: aroundKm}, true
	case ctx.rural:
		return region{admin1: twinGovernorates(cp.Admin1PCode)}, true
	case cp.Kind == KindDistrict:
		return region{admin2: cp.Admin2PCode}, true
	case cp.Kind == KindSubdistrict:
		return region{parts: []string{cp.Admin3PCode}}, cp.Admin3PCode != ""
	case cp.Kind == KindRegion:
		// a region's edge is no border: "بزابور في جبل الزاوية" is a village of the
		// highland's slopes in a subdistrict the region's parts leave out
		return region{parts: cp.Parts, centre: &cp, km: regionFringeKm}, len(cp.Parts) > 0
	case cp.Kind != KindCity && cp.Kind != KindTown && cp.Kind != KindVillage:
		return region{}, false
	case ctx.dir != "" || ctx.ruralDir != "" || ctx.near:
		return region{admin1: twinGovernorates(cp.Admin1PCode), centre: &cp, km: aroundKm}, true
	case ctx.kinds == nil && g.namesItsUnit(cp, KindGovernorate):
		return region{admin1: twinGovernorates(cp.Admin1PCode)}, true // "Dana, Idlib": the governorate
	case ctx.kinds == nil && g.namesItsUnit(cp, KindDistrict):
		return region{admin2: cp.Admin2PCode, centre: &cp, km: cityKm}, true
	}
	return region{centre: &cp, km: cityKm}, true // "حي X في مدينة Y": in or next to the town
}

// contains reports whether p lies in the region.
func (r region) contains(p Place) bool {
	switch {
	case slices.Contains(r.admin1, p.Admin1PCode) || r.admin2 != "" && p.Admin2PCode == r.admin2 || inParts(r.parts, p):
		return true
	}
	return r.centre != nil && geo.Distance(r.centre.Location, p.Location) <= r.km*1000
}

// twinGovernorates returns a governorate's P-code with its twin's for Damascus
// and Rif Dimashq: the press places the capital's suburbs "in Damascus" and its
// quarters "in the countryside of Damascus" alike.
func twinGovernorates(pcode string) []string {
	switch pcode {
	case "SY01", "SY03":
		return []string{"SY01", "SY03"}
	}
	return []string{pcode}
}

// namesItsUnit reports whether a town bears the name of its governorate or district
// (Idlib, Harim), so that a context naming it may mean the unit.
func (g *Gazetteer) namesItsUnit(p Place, k Kind) bool {
	id := "adm1:" + p.Admin1PCode
	if k == KindDistrict {
		id = "ocha:" + p.Admin2PCode
	}
	unit, ok := g.Place(id)
	return ok && unit.Kind == k && sharesName(unit, p)
}

// sharesName reports whether two places have a name key in common.
func sharesName(a, b Place) bool {
	for _, n := range a.names() {
		k := nameKey(n)
		for _, m := range b.names() {
			if k != "" && k == nameKey(m) {
				return true
			}
		}
	}
	return false
}

// inRegion returns the candidates lying in r.
func (g *Gazetteer) inRegion(cands []candidate, r region) []candidate {
	var out []candidate
	for _, c := range cands {
		if r.contains(g.places[c.idx]) {
			out = append(out, c)
		}
	}
	return out
}

// contextFallbackScore is the confidence of an answer that is the context alone:
// where the text says the place is, not the place it names.
const contextFallbackScore = 0.7

// contextOnly answers a name none of whose candidates lies in the context the text
// gives: the context place, at its precision ("حي القصور في مدينة بانياس" is in
// Baniyas, at town precision; "قرية X بريف حلب" in the Aleppo governorate).
func (g *Gazetteer) contextOnly(p parsed, c cues, conf float64) Match {
	cp := c.context[0]
	if slices.Contains(p.kinds, KindNeighbourhood) {
		cp = g.seatOf(cp, p.ctx.cands) // a quarter of "بانياس" is in the town, not the district
	}
	m := Match{Place: cp, Score: min(conf, contextFallbackScore), Context: c.context}
	m.ContextQualifier = qualifierText(*p.ctx, cp)
	m.Precision = precisionOf(cp, "")
	switch {
	case p.ctx.rural && ruralAroundTown(cp):
		m.Precision = PrecisionDistrict
	case p.ctx.rural || cp.Kind == KindGovernorate:
		if gov, ok := g.governorate(cp.Admin1PCode); ok {
			m.Place = gov
		}
		m.Precision = PrecisionGovernorate
	case m.ContextQualifier != "":
		m.Precision = precisionOf(cp, m.ContextQualifier)
	}
	return m
}

// textWindow is how many mentions on each side of an open namesake FindAll reads
// for the governorate the text speaks of.
const textWindow = 50

// pickByText settles namesakes that a mention left open with the governorates the
// rest of the text names: "قرية صيدا" in a report on the Quneitra countryside is
// the Sayda of Quneitra, not the better-known one of Daraa. The nearest mention
// resolved with confidence whose governorate holds one of the namesakes decides;
// a mention with a context of its own keeps its answer.
func pickByText(ms []Mention) {
	for i := range ms {
		m := &ms[i].Match
		if len(m.Context) > 0 || m.Score >= 0.8 || len(m.Alternatives) == 0 || m.Place.Kind == KindGovernorate {
			continue
		}
		for d := 1; d <= textWindow && (i-d >= 0 || i+d < len(ms)); d++ {
			if pickIn(m, ms, i-d) || pickIn(m, ms, i+d) {
				break
			}
		}
	}
}

// pickIn settles m with the governorate of mention j if it is confident and
// holds one of m's candidates, and reports whether it did.
func pickIn(m *Match, ms []Mention, j int) bool {
	if j < 0 || j >= len(ms) || ms[j].Match.Score < 0.8 || ms[j].Match.Place.Admin1PCode == "" {
		return false
	}
	govs := twinGovernorates(ms[j].Match.Place.Admin1PCode)
	var in []int // indexes into cands
	cands := append([]Place{m.Place}, m.Alternatives...)
	for k, p := range cands {
		if slices.Contains(govs, p.Admin1PCode) && p.Kind != KindGovernorate {
			in = append(in, k)
		}
	}
	if len(in) == 0 {
		return false
	}
	if in[0] > 0 {
		best := cands[in[0]]
		m.Alternatives = append(cands[:in[0]:in[0]], cands[in[0]+1:]...)
		m.Place, m.Precision = best, precisionOf(best, m.Qualifier)
	}
	if len(in) == 1 {
		m.Score = max(m.Score, 0.8)
	}
	return true
}

// seatOf returns the town among cands that a district or subdistrict is named
// after, or the unit itself.
func (g *Gazetteer) seatOf(unit Place, cands []candidate) Place {
	if unit.Kind != KindDistrict && unit.Kind != KindSubdistrict {
		return unit
	}
	for _, c := range cands {
		p := g.places[c.idx]
		if (p.Kind == KindCity || p.Kind == KindTown) && p.Admin2PCode == unit.Admin2PCode {
			return p
		}
	}
	return unit
}

// inParts reports whether p lies in one of the units whose P-codes are listed.
func inParts(parts []string, p Place) bool {
	for _, code := range parts {
		if code != "" && (code == p.Admin1PCode || code == p.Admin2PCode || code == p.Admin3PCode) {
			return true
		}
	}
	return false
}
