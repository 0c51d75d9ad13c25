package gazetteer

import "github.com/paulmach/orb"

// Areas returns the admin areas of one level (1 governorates, 2 districts,
// 3 subdistricts) with their outlines, for maps: the district outlines and
// choropleth of the map page. The slice is shared: callers must not change
// it. Safe for concurrent use.
func (g *Gazetteer) Areas(level int) []Area {
	var out []Area
	for _, a := range g.areas {
		if a.Level == level {
			out = append(out, a)
		}
	}
	return out
}

// District returns the P-code of the district (admin-2) whose outline holds
// p, or "" when none does: the district an incident placed at p lies in.
// Unlike [Gazetteer.Reverse], it takes no nearest district for a point
// outside every outline. Safe for concurrent use.
func (g *Gazetteer) District(p orb.Point) string {
	pcode := ""
	g.atree.Search(p, p, func(_, _ [2]float64, i int32) bool {
		if a := g.areas[i]; a.Level == 2 && outlinesContain(g.shapes[i], p) {
			pcode = a.PCode
			return false
		}
		return true
	})
	return pcode
}
