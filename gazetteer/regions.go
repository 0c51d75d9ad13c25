package gazetteer

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Regions the news names all the time (Eastern Ghouta, Qalamoun, the Golan,
// Hauran, Jabal al-Zawiya ...) are no admin units, but most are made of OCHA
// subdistricts: the curated file lists them as Parts, and their point is taken
// from OCHA's outlines rather than written by hand.

// placeRegions sets the point of each region made of admin units to the
// area-weighted centroid of their outlines (or, if that falls outside them, as
// it may for a ring around a city, the centre of the largest), and gives it the
// governorate and district its parts share (the governorate of its point when
// they span several). Landmarks and other places without
// a district get the admin units their point lies in.
func placeRegions(places []Place, areas []Area) []Place {
	byCode := make(map[string]*Area, len(areas))
	bounds := make([]orb.Bound, len(areas))
	for i := range areas {
		byCode[areas[i].PCode] = &areas[i]
		bounds[i] = areas[i].Geometry.Bound()
	}
	for i := range places {
		p := &places[i]
		switch {
		case len(p.Parts) > 0:
			var parts []*Area
			for _, code := range p.Parts {
				if a, ok := byCode[code]; ok {
					parts = append(parts, a)
				}
			}
			if len(parts) > 0 {
				p.Location = centroid(parts)
				p.Admin1PCode, p.Admin2PCode = shared(parts)
				p.Admin1Name = admin1Name(p.Admin1PCode)
				if p.Admin1PCode == "" { // across governorates (the coast): that of its point
					q := *p
					setAdmins(&q, areas, bounds)
					p.Admin1PCode, p.Admin1Name = q.Admin1PCode, q.Admin1Name
				}
			}
		case p.Admin2PCode == "" && p.Location != orb.Point{}:
			setAdmins(p, areas, bounds)
		}
	}
	return places
}

// centroid returns the area-weighted centroid of the parts' outlines, or the
// centre of the largest when it falls outside all of them.
func centroid(parts []*Area) orb.Point {
	var lon, lat, total, largest float64
	centre := parts[0].Center
	for _, a := range parts {
		c, area := planar.CentroidArea(a.Geometry)
		lon, lat, total = lon+c[0]*area, lat+c[1]*area, total+area
		if area > largest {
			largest, centre = area, a.Center
		}
	}
	if total == 0 {
		return centre
	}
	c := orb.Point{round6(lon / total), round6(lat / total)}
	for _, a := range parts {
		if planar.MultiPolygonContains(a.Geometry, c) {
			return c
		}
	}
	return centre
}

func round6(v float64) float64 {
	const s = 1e6
	if v < 0 {
		return float64(int64(v*s-0.5)) / s
	}
	return float64(int64(v*s+0.5)) / s
}

// shared returns the governorate and the district all parts lie in, or "".
func shared(parts []*Area) (admin1, admin2 string) {
	admin1, admin2 = parts[0].Admin1PCode, parts[0].Admin2PCode
	if parts[0].Level == 2 {
		admin2 = parts[0].PCode
	}
	for _, a := range parts[1:] {
		a2 := a.Admin2PCode
		if a.Level == 2 {
			a2 = a.PCode
		}
		if a.Admin1PCode != admin1 {
			admin1 = ""
		}
		if a2 != admin2 {
			admin2 = ""
		}
	}
	if parts[0].Level == 1 && len(parts) == 1 {
		admin1 = parts[0].PCode
	}
	return admin1, admin2
}

// setAdmins gives p the governorate, district and subdistrict its point lies in;
// bounds are the areas' bounding boxes.
func setAdmins(p *Place, areas []Area, bounds []orb.Bound) {
	for i, a := range areas {
		if !bounds[i].Contains(p.Location) || !planar.MultiPolygonContains(a.Geometry, p.Location) {
			continue
		}
		switch a.Level {
		case 1:
			p.Admin1PCode, p.Admin1Name = a.PCode, admin1Name(a.PCode)
		case 2:
			p.Admin2PCode, p.Admin2Name = a.PCode, a.NameEN
		case 3:
			p.Admin3PCode, p.Admin3Name = a.PCode, a.NameEN
		}
	}
}

// namesSite reports whether a candidate is a landmark or a region: a name such
// as "سد تشرين" holds a month's name and is still a place.
func (g *Gazetteer) namesSite(cands []candidate) bool {
	for _, c := range cands {
		if k := g.places[c.idx].Kind; k == KindLandmark || k == KindRegion {
			return true
		}
	}
	return false
}
