package incidents

import (
	"slices"

	"context"
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

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

// Prepare readies inc to be stored: its district set by loc (see
// [Locate]), then validated, its governorate against its point too (see
// [CheckGovernorate]). Every store write goes through it.
func Prepare(inc *Incident, loc Locator) error {
	inc.Sources = uniqueSources(inc.Sources)
	Locate(inc, loc)
	if err := inc.Validate(); err != nil {
		return err
	}
	return CheckGovernorate(*inc, loc)
}

// GovernorateSlack is how far, in metres, the point of an incident may lie
// outside the districts of the governorate its admin1_pcode names: outlines
// are drawn to some hundred metres (OCHA's, simplified), and a place on a
// border may be filed on either side of it (of the embedded gazetteer's
// 6,065 places with a governorate, one lies in another governorate's
// district, by under 500 m).
const GovernorateSlack = 2000

// CheckGovernorate refuses an incident placed finer than its governorate
// (its district found from its point by loc, see [Locate]) whose point lies
// in a district of another governorate than its admin1_pcode says, over
// GovernorateSlack from any district of that one. Governorate filters and
// counts read admin1_pcode, district ones the district of the point: such an
// incident was counted in one governorate by the first and in another by the
// second (SY13, Quneitra, at a point in Damascus). An incident with no
// governorate, no district (a point outside every outline, or one standing
// for a whole governorate) or no loc is not checked.
func CheckGovernorate(inc Incident, loc Locator) error {
	if loc == nil || inc.Admin1PCode == "" || len(inc.Admin2PCode) < 4 || inc.Admin2PCode[:4] == inc.Admin1PCode {
		return nil
	}
	// The point's surroundings, ring by ring out to the slack, eight ways.
	lat := inc.Location.Lat() * math.Pi / 180
	for _, r := range []float64{GovernorateSlack / 4, GovernorateSlack / 2, GovernorateSlack} {
		dLat := r / 111_320
		dLon := dLat / max(math.Cos(lat), 0.01)
		for k := range 8 {
			a := float64(k) * math.Pi / 4
			q := orb.Point{inc.Location.Lon() + dLon*math.Cos(a), inc.Location.Lat() + dLat*math.Sin(a)}
			if d := loc(q); len(d) >= 4 && d[:4] == inc.Admin1PCode {
				return nil
			}
		}
	}
	return fmt.Errorf("%w: admin1_pcode: %s, but the point [%g, %g] lies in district %s of governorate %s, over %g km from %s: give the governorate the point lies in, or the incident's point",
		ErrInvalid, inc.Admin1PCode, inc.Location.Lon(), inc.Location.Lat(), inc.Admin2PCode, inc.Admin2PCode[:4], GovernorateSlack/1000.0, inc.Admin1PCode)
}

// Edited is the new state edit derives from cur, as a store's Edit stores
// it: with cur's ID, its district set by loc (see [Locate]), and valid. An
// error from edit, or the new state's validation error, is returned as it
// is.
func Edited(cur Incident, edit func(Incident) (Incident, error), loc Locator) (Incident, error) {
	inc, err := edit(cur)
	if err != nil {
		return Incident{}, err
	}
	inc.ID = cur.ID
	return inc, Prepare(&inc, loc)
}

// PointRef is a stored incident's ID and point, as a store lists the ones
// [FillDistricts] looks at.
type PointRef struct {
	ID       int64
	Location orb.Point
}

// fillPage is how many incidents FillDistricts looks at a time.
const fillPage = 2000

// FillDistricts sets, with loc, the district of stored incidents that have
// none: next lists a page of those placed finer than their governorate with
// IDs above after, in ID order (none when done); set stores the districts
// found (by ID) in one write and says how many it set. It returns how many
// were set in all, telling progress (if not nil) as it goes. Points in no
// district stay without one.
func FillDistricts(ctx context.Context, loc Locator, next func(ctx context.Context, after int64, n int) ([]PointRef, error),
	set func(ctx context.Context, districts map[int64]string) (int, error), progress func(n int)) (int, error) {
	if loc == nil {
		return 0, nil
	}
	total, after := 0, int64(0)
	for {
		page, err := next(ctx, after, fillPage)
		if err != nil || len(page) == 0 {
			return total, err
		}
		after = page[len(page)-1].ID
		found := map[int64]string{}
		for _, p := range page {
			if d := loc(p.Location); d != "" {
				found[p.ID] = d
			}
		}
		n, err := set(ctx, found)
		if total += n; err != nil {
			return total, err
		}
		if progress != nil {
			progress(total)
		}
	}
}

// uniqueSources is sources with each report (by [SourceKey]) once, where it
// first comes. The stores link a report to an incident once, but encoded the
// incident's stored feature from the sources as written: one cited twice
// was listed twice by listings and exports, once by reading the incident,
// and check found the feature stale.
func uniqueSources(sources []Source) []Source {
	seen := make(map[string]bool, len(sources))
	var out []Source
	for i, s := range sources {
		k := SourceKey(s)
		if seen[k] {
			if out == nil {
				out = slices.Clone(sources[:i])
			}
			continue
		}
		seen[k] = true
		if out != nil {
			out = append(out, s)
		}
	}
	if out == nil {
		return sources
	}
	return out
}
