package gazetteer

import (
	"cmp"
	"slices"

	"github.com/paulmach/orb/geo"
)

// candidate is a place a name may stand for, with how well the name matched (1 for
// an exact key, less for skeleton and fuzzy matches).
type candidate struct {
	idx  int32
	name float64
}

// cues are what the text says besides the name: the kinds its type words ask for
// ("مدينة", "محافظة") and the admin units its context names.
type cues struct {
	kinds   []Kind
	admin1  string
	admin2  string
	city    *Place // a city or town the context names: "حي الميدان بدمشق", "Bayada, Aleppo"
	context []Place
}

// cityKm is how far from a city's point its neighbourhoods and suburbs lie.
const cityKm = 10

// siteOverHamletScore caps the confidence of a region or landmark chosen over a
// settlement of the same name elsewhere: the news means the region, but the
// hamlet is listed as an alternative and the score says so.
const siteOverHamletScore = 0.75

// site reports a region or landmark.
func site(p Place) bool { return p.Kind == KindRegion || p.Kind == KindLandmark }

// ambiguityKm is how far apart two namesakes must lie to count as different places.
const ambiguityKm = 15

// rank orders candidates and returns the best with its confidence and runners-up.
// The confidence falls when a namesake elsewhere ranks nearly as high, or when the
// best candidate lies outside the context the text gave.
func (g *Gazetteer) rank(cands []candidate, c cues) (Place, float64, []Place) {
	type scored struct {
		candidate
		s float64
	}
	list := make([]scored, 0, len(cands))
	for _, cd := range cands {
		list = append(list, scored{cd, g.weigh(cd, c)})
	}
	slices.SortStableFunc(list, func(a, b scored) int { return cmp.Compare(b.s, a.s) })
	top := g.places[list[0].idx]
	conf := list[0].name
	for _, r := range list[1:] {
		p := g.places[r.idx]
		if nested(top, p) || geo.Distance(top.Location, p.Location) < ambiguityKm*1000 {
			continue
		}
		margin := list[0].s - r.s
		conf *= min(1, max(0.55, 0.5+2*margin))
		if site(top) && !site(p) {
			conf = min(conf, siteOverHamletScore) // "الغوطة": the region, but a hamlet is called so too
		}
		break
	}
	if c.admin1 != "" && top.Admin1PCode != c.admin1 && top.Kind != KindGovernorate {
		conf *= 0.6
	}
	var alts []Place
	seen := map[int32]bool{list[0].idx: true}
	for _, r := range list[1:] {
		if !seen[r.idx] && len(alts) < 5 {
			seen[r.idx] = true
			alts = append(alts, g.places[r.idx])
		}
	}
	return top, conf, alts
}

// weigh scores one candidate: name quality, importance, and agreement with the cues.
func (g *Gazetteer) weigh(cd candidate, c cues) float64 {
	p := g.places[cd.idx]
	s := cd.name + 0.5*p.Importance
	if len(c.kinds) > 0 {
		if slices.Contains(c.kinds, p.Kind) {
			s += 0.3
		} else {
			s -= 0.1
		}
	} else if p.Kind == KindDistrict || p.Kind == KindSubdistrict {
		s -= 0.2 // a district is named after its seat: a bare name means the town
	}
	switch {
	case c.admin2 != "" && p.Admin2PCode == c.admin2:
		s += 0.5
	case c.admin1 != "" && p.Admin1PCode == c.admin1:
		s += 0.4
	case c.admin1 != "":
		s -= 0.3
	}
	if c.city != nil && p.ID != c.city.ID && geo.Distance(p.Location, c.city.Location) <= cityKm*1000 {
		s += 0.1
	}
	for _, q := range c.context {
		if q.ID == p.ID {
			s -= 1 // "Idlib, Idlib" names the city in the governorate, not the governorate twice
		}
	}
	return s
}

// nested reports whether one place contains the other by name: a governorate and a
// place in it ("Idlib" the governorate and "Idlib" the city).
func nested(a, b Place) bool {
	for _, pair := range [2][2]Place{{a, b}, {b, a}} {
		outer, inner := pair[0], pair[1]
		switch outer.Kind {
		case KindGovernorate:
			if inner.Admin1PCode == outer.Admin1PCode {
				return true
			}
		case KindDistrict, KindSubdistrict:
			if outer.Admin2PCode != "" && inner.Admin2PCode == outer.Admin2PCode {
				return true
			}
		}
	}
	return false
}

// precisionOf says how closely p's point stands for what was named with qualifier q.
func precisionOf(p Place, q string) Precision {
	if p.PointPrecision != "" {
		return p.PointPrecision
	}
	switch p.Kind {
	case KindCountry:
		return PrecisionCountry
	case KindGovernorate:
		return PrecisionGovernorate
	case KindDistrict, KindSubdistrict, KindRegion:
		return PrecisionDistrict
	case KindNeighbourhood:
		if q != "" {
			return PrecisionTown
		}
		return PrecisionNeighbourhood
	case KindLandmark:
		if q != "" {
			return PrecisionNeighbourhood
		}
		return PrecisionExact
	}
	if q != "" && q != "near" {
		return PrecisionDistrict // "west of Idlib city": somewhere around it
	}
	return PrecisionTown
}
