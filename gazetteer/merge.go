package gazetteer

import (
	"slices"
	"strings"

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
	if p.NameEN == "" {
		p.NameEN = q.NameEN
	}
	if p.Admin2PCode == "" {
		p.Admin2PCode, p.Admin2Name = q.Admin2PCode, q.Admin2Name
	}
	if p.Admin3PCode == "" {
		p.Admin3PCode, p.Admin3Name = q.Admin3PCode, q.Admin3Name
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

// Merge folds extra places into base and returns the union. A record from extra
// that shares its ID with a base place replaces that place's point, kind and codes
// (a newer release of the same dataset), unless it gives no point (names only); the
// place keeps its preferred names and gains the record's as variants. A record that shares one of its names
// (normalised, articles dropped, or the same in another Latin transliteration)
// with a base place of a compatible kind lying within a few kilometres is merged
// into the nearest such place: an OCHA record's point, P-codes, ID and Arabic name
// win (its ID goes first, the other into SameAs), while the English name of the
// other dataset (GeoNames: Saraqib, Tadmur), closer to the press's than OCHA's
// (Saraqab, Tadmor), is preferred; every name is kept. Two OCHA records with
// different P-codes are never merged by name: OCHA lists namesakes next to each
// other as the distinct places they are. English names that spell a governorate's
// name come out in this package's one spelling. Merging is idempotent:
// Merge(Merge(a, b), b) has the places of Merge(a, b).
func Merge(base, extra []Place) []Place {
	out := slices.Clone(base)
	byID := make(map[string]int, len(base))
	// The places under each merge key, and those of them that were not
	// OCHA's when indexed: the only ones an OCHA record may merge with. A
	// place only ever becomes OCHA's, so the second list holds every such
	// place in the order of the first. An OCHA record looked its namesakes
	// up in the whole list, to skip the OCHA ones: a file of N communities
	// sharing a name cost N² (200,000: 400 s at every load).
	byKey := make(map[string][]int, 3*len(base))
	notOCHA := make(map[string][]int, 3*len(base))
	index := func(i int, p Place) {
		for _, k := range mergeKeys(p) {
			byKey[k] = append(byKey[k], i)
			if !isOCHA(out[i].ID) {
				notOCHA[k] = append(notOCHA[k], i)
			}
		}
	}
	for i, p := range out {
		byID[p.ID] = i
		for _, id := range p.SameAs {
			byID[id] = i
		}
		index(i, p)
	}
	for _, q := range extra {
		i, ok := byID[q.ID]
		sameID := ok && out[i].ID == q.ID
		if !ok {
			candidates := byKey
			if isOCHA(q.ID) {
				candidates = notOCHA
			}
			i, ok = nearbyNamesake(out, candidates, q)
		}
		if !ok {
			byID[q.ID] = len(out)
			out = append(out, q)
			index(len(out)-1, q)
			continue
		}
		p := out[i]
		switch {
		case sameID && q.Location == (orb.Point{}):
			out[i] = mergeInto(p, q) // a record of names only (a curated row's spellings): the place keeps its point
		case sameID:
			out[i] = withNames(mergeInto(q, p), p.NameEN, p.NameAR)
		case preferred(q, p):
			out[i] = withNames(mergeInto(q, p), p.NameEN, q.NameAR)
		case isOCHA(p.ID) && !isOCHA(q.ID) && !slices.ContainsFunc(p.SameAs, func(id string) bool { return !isOCHA(id) }):
			out[i] = withNames(mergeInto(p, q), q.NameEN, p.NameAR)
		default:
			out[i] = mergeInto(p, q)
		}
		byID[q.ID] = i
		index(i, q)
	}
	return out
}

// withNames returns p with en and ar (where not empty) as its preferred names, the
// former preferred names kept as variants, and a governorate's name spelt this
// package's way.
func withNames(p Place, en, ar string) Place {
	old := []string{p.NameEN, p.NameAR}
	if en != "" {
		p.NameEN = en
	}
	if ar != "" {
		p.NameAR = ar
	}
	p.NameEN = canonicalEN(p.NameEN, p.NameAR)
	p.Variants = distinctNames(p, append(old, p.Variants...))
	return p
}

// mergeKeys returns the keys under which p's names meet a namesake's: each name's
// key and, for Latin names, its transliteration key.
func mergeKeys(p Place) []string {
	var out []string
	for _, n := range p.names() {
		k := nameKey(n)
		if k == "" {
			continue
		}
		out = append(out, k)
		if t := translit(k); t != "" {
			out = append(out, "\x00"+t) // apart from name keys
		}
	}
	return out
}

// isOCHA reports whether a place ID is an OCHA P-code.
func isOCHA(id string) bool {
	return strings.HasPrefix(id, "ocha:") || strings.HasPrefix(id, "adm1:")
}

// preferred reports whether q's point and codes should win over p's: OCHA's do.
func preferred(q, p Place) bool {
	return isOCHA(q.ID) && !isOCHA(p.ID)
}

func nearbyNamesake(places []Place, byKey map[string][]int, q Place) (int, bool) {
	best, bestD := -1, 0.0
	for _, k := range mergeKeys(q) {
		for _, i := range byKey[k] {
			p := places[i]
			if !compatible(p.Kind, q.Kind) || isOCHA(p.ID) && isOCHA(q.ID) {
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
