package incidents

import "github.com/paulmach/orb"

// Locator names the district (an OCHA admin-2 P-code) whose outline holds a
// point, or "" when none does. The gazetteer provides one; the incidents
// package does not know it.
type Locator func(orb.Point) string

// Locate sets inc.Admin2PCode from its point with loc: the district follows
// the point, for an incident placed finer than its governorate, and is empty
// for one known only to its governorate or country (its point stands for an
// area, not for a place in one district). Without a locator nothing changes.
func Locate(inc *Incident, loc Locator) {
	if loc == nil {
		return
	}
	switch inc.GeoPrecision {
	case GeoExact, GeoNeighbourhood, GeoTown, GeoDistrict:
		inc.Admin2PCode = loc(inc.Location)
	default:
		inc.Admin2PCode = ""
	}
}
