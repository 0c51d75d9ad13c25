package gazetteer

import (
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
)

// mergeInto folds q (the same place from another record) into p: p keeps its ID,
// point and codes, gains q's names, codes and population where p lacks them.
func mergeInto(p, q Place) Place {
	seen := map[string]bool{}
	for _, n := range p.names() {
		seen[Normalize(n)] = true
	}
	p.Variants = slices.Clone(p.Variants)
	for _, n := range q.names() {
		if !seen[Normalize(n)] {
			seen[Normalize(n)] = true
			p.Variants = append(p.Variants, n)
		}
	}
	if p.NameAR == "" {
		p.NameAR = q.NameAR
	}
	if p.Admin2PCode == "" {
		p.Admin2PCode, p.Admin2Name = q.Admin2PCode, q.Admin2Name
	}
	p.Population = max(p.Population, q.Population)
	p.Importance = max(p.Importance, q.Importance)
	if q.ID != p.ID && !slices.Contains(p.SameAs, q.ID) {
		p.SameAs = append(slices.Clone(p.SameAs), q.ID)
	}
	for _, id := range q.SameAs {
		if id != p.ID && !slices.Contains(p.SameAs, id) {
			p.SameAs = append(p.SameAs, id)
		}
	}
	return p
}

// mergeRadius is how far apart (metres) two records with a common name may lie and
// still be taken for one place.
func mergeRadius(k Kind) float64 {
	switch k {
	case KindCity, KindGovernorate, KindDistrict, KindRegion:
		return 10000
	case KindNeighbourhood, KindLandmark:
		return 1500
	}
	return 5000
}

// Merge folds extra places (say, an OCHA import) into base (the built-in data) and
// returns the union. A record from extra that shares its ID with a base place, or one
// of its names (normalised, articles dropped) with a base place of a compatible kind
// lying within a few kilometres, is merged into that place: the OCHA record's point,
// P-codes and ID win (its ID goes first, the other into SameAs) and the names of both
// are kept. Merging is idempotent: Merge(Merge(a, b), b) has the places of Merge(a, b).
func Merge(base, extra []Place) []Place {
	out := slices.Clone(base)
	byID := map[string]int{}
	byKey := map[string][]int{}
	for i, p := range out {
		byID[p.ID] = i
		for _, id := range p.SameAs {
			byID[id] = i
		}
		for _, n := range p.names() {
			byKey[nameKey(n)] = append(byKey[nameKey(n)], i)
		}
	}
	for _, q := range extra {
		i, ok := byID[q.ID]
		if !ok {
			i, ok = nearbyNamesake(out, byKey, q)
		}
		if !ok {
			byID[q.ID] = len(out)
			for _, n := range q.names() {
				byKey[nameKey(n)] = append(byKey[nameKey(n)], len(out))
			}
			out = append(out, q)
			continue
		}
		if q.ID == out[i].ID || !preferred(q, out[i]) {
			out[i] = mergeInto(out[i], q)
		} else {
			out[i] = mergeInto(q, out[i])
		}
		byID[q.ID] = i
	}
	return out
}

// preferred reports whether q's point and codes should win over p's: OCHA's do.
func preferred(q, p Place) bool {
	return len(q.ID) > 5 && q.ID[:5] == "ocha:" && !(len(p.ID) > 5 && p.ID[:5] == "ocha:")
}

func nearbyNamesake(places []Place, byKey map[string][]int, q Place) (int, bool) {
	best, bestD := -1, 0.0
	for _, n := range q.names() {
		for _, i := range byKey[nameKey(n)] {
			p := places[i]
			if !compatible(p.Kind, q.Kind) {
				continue
			}
			d := geo.Distance(p.Location, q.Location)
			if d <= max(mergeRadius(p.Kind), mergeRadius(q.Kind)) && (best < 0 || d < bestD) {
				best, bestD = i, d
			}
		}
	}
	return best, best >= 0
}

func compatible(a, b Kind) bool {
	settlement := func(k Kind) bool { return k == KindCity || k == KindTown || k == KindVillage }
	return a == b || settlement(a) && settlement(b)
}

var _ = orb.Point{}
