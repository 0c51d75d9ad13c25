package gazetteer

import (
	"cmp"
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"
	"github.com/tidwall/rtree"
)

// Area is an administrative polygon: a governorate (level 1), district (2),
// subdistrict (3) or city neighbourhood (4), as imported by [ParseOCHA].
type Area struct {
	Level       int
	PCode       string
	NameEN      string
	NameAR      string
	Admin1PCode string
	Admin2PCode string // for levels 3 and 4
	Geometry    orb.MultiPolygon
	Center      orb.Point
}

// Reverse is what lies at a point: its governorate, its district and subdistrict
// when OCHA areas were loaded, and the nearest named places.
type Reverse struct {
	Point       orb.Point
	Governorate Area
	District    Area    // zero when unknown
	Subdistrict Area    // zero when unknown
	OutsideKm   float64 // 0 inside the governorate polygon, else the distance to it
	Nearest     []Place // closest first
}

// fallbackKm is how far outside every governorate polygon a point may lie (coast,
// borders, simplified outlines) and still be given the nearest one.
const fallbackKm = 8

func (g *Gazetteer) buildAreas(areas []Area) {
	for _, gv := range g.govs {
		g.areas = append(g.areas, Area{Level: 1, PCode: gv.PCode, NameEN: gv.NameEN, NameAR: gv.NameAR,
			Admin1PCode: gv.PCode, Geometry: gv.Geometry, Center: gv.Center})
	}
	for _, a := range areas {
		if a.Level == 1 {
			g.replaceGovernorate(a)
			continue
		}
		g.areas = append(g.areas, a)
	}
	g.shapes = make([][]outline, len(g.areas))
	for i, a := range g.areas {
		if a.Level <= 3 { // neighbourhoods are places, not reverse-geocoding levels
			g.shapes[i] = newOutlines(a.Geometry)
		}
		b := a.Geometry.Bound()
		g.atree.Insert(b.Min, b.Max, int32(i))
	}
}

// replaceGovernorate swaps a built-in outline for an imported, finer one.
func (g *Gazetteer) replaceGovernorate(a Area) {
	for i := range g.areas {
		if g.areas[i].Level == 1 && g.areas[i].PCode == a.PCode {
			g.areas[i].Geometry = a.Geometry
			return
		}
	}
	g.areas = append(g.areas, a)
}

// Reverse returns the admin areas containing p and the five nearest places. A point
// outside every governorate polygon gets the nearest one if it lies within a few
// kilometres; otherwise ok is false. Safe for concurrent use.
func (g *Gazetteer) Reverse(p orb.Point) (Reverse, bool) {
	r := Reverse{Point: p}
	var found [4]bool
	g.atree.Search(p, p, func(_, _ [2]float64, i int32) bool {
		a := g.areas[i]
		if a.Level >= 1 && a.Level <= 3 && !found[a.Level] && outlinesContain(g.shapes[i], p) {
			found[a.Level] = true
			r.set(a)
		}
		return true
	})
	for level := 1; level <= 3; level++ {
		if found[level] {
			continue
		}
		if a, km, ok := g.nearestArea(p, level); ok {
			r.set(a)
			if level == 1 {
				r.OutsideKm = km
			}
		}
	}
	r.Nearest = g.Nearest(p, 5)
	return r, r.Governorate.PCode != ""
}

func (r *Reverse) set(a Area) {
	switch a.Level {
	case 1:
		r.Governorate = a
	case 2:
		r.District = a
	case 3:
		r.Subdistrict = a
	}
}

// nearestArea returns the area of the given level closest to p within fallbackKm.
func (g *Gazetteer) nearestArea(p orb.Point, level int) (Area, float64, bool) {
	deg := fallbackKm / 111.0 / math.Cos(p.Lat()*math.Pi/180)
	box := orb.Bound{Min: orb.Point{p.Lon() - deg, p.Lat() - deg}, Max: orb.Point{p.Lon() + deg, p.Lat() + deg}}
	best, bestKm := -1, math.Inf(1)
	g.atree.Search(box.Min, box.Max, func(_, _ [2]float64, i int32) bool {
		if a := g.areas[i]; a.Level == level {
			if km := distanceToKm(a.Geometry, p); km < bestKm {
				best, bestKm = int(i), km
			}
		}
		return true
	})
	if best < 0 || bestKm > fallbackKm {
		return Area{}, 0, false
	}
	return g.areas[best], bestKm, true
}

// distanceToKm approximates the distance from p to the nearest edge of mp.
func distanceToKm(mp orb.MultiPolygon, p orb.Point) float64 {
	best := math.Inf(1)
	for _, poly := range mp {
		for _, ring := range poly {
			for i := 1; i < len(ring); i++ {
				q := closestOnSegment(ring[i-1], ring[i], p)
				best = math.Min(best, geo.Distance(p, q)/1000)
			}
		}
	}
	return best
}

func closestOnSegment(a, b, p orb.Point) orb.Point {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return a
	}
	t := math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
	return orb.Point{a[0] + t*dx, a[1] + t*dy}
}

// Nearest returns up to n places nearest to p, closest first by great-circle
// distance. Governorates are left out. Safe for concurrent use.
func (g *Gazetteer) Nearest(p orb.Point, n int) []Place {
	if n <= 0 {
		return nil
	}
	var near []int32
	g.tree.Nearby(rtree.BoxDist[float64, int32](p, p, nil), func(_, _ [2]float64, i int32, _ float64) bool {
		if g.places[i].Kind != KindGovernorate {
			near = append(near, i)
		}
		return len(near) < 4*n
	})
	d := func(i int32) float64 { return geo.DistanceHaversine(p, g.places[i].Location) }
	slices.SortFunc(near, func(a, b int32) int { return cmp.Compare(d(a), d(b)) })
	out := make([]Place, 0, min(n, len(near)))
	for _, i := range near[:min(n, len(near))] {
		out = append(out, g.places[i])
	}
	return out
}

// nameAdmins fills the district and subdistrict names that places lack from the
// areas of their P-codes (OCHA's neighbourhood file names the city only).
func (g *Gazetteer) nameAdmins() {
	names := map[string]string{}
	for _, a := range g.areas {
		if a.Level == 2 || a.Level == 3 {
			names[a.PCode] = a.NameEN
		}
	}
	for i := range g.places {
		p := &g.places[i]
		if p.Admin2Name == "" && p.Admin2PCode != "" {
			p.Admin2Name = names[p.Admin2PCode]
		}
		if p.Admin3Name == "" && p.Admin3PCode != "" {
			p.Admin3Name = names[p.Admin3PCode]
		}
	}
}
