package gazetteer

import (
	"fmt"
	"io"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// ochaSource is the attribution of every place ParseOCHA returns.
const ochaSource = "OCHA Syria Common Operational Datasets (CC BY 3.0 IGO)"

// ParseOCHA reads one of the OCHA Syria common operational datasets as distributed
// on HDX, telling them apart by their fields: communities (points with PCODE,
// NAME_EN, NAME_ARA, ADMIN1_COD..ADMIN3_COD, CAPIT_LVL), admin-1/2/3 polygons
// (adm1_pcode, adm2_pcode, adm3_pcode ...) and city neighbourhoods (neighborho,
// neighbor_1, neighbor_2, adm4_*). Polygons come back as areas for reverse geocoding
// and as places at their centres. Place IDs are "ocha:" plus the P-code ("adm1:" plus
// it for governorates), so re-importing a file yields the same IDs. Invalid UTF-8 in
// names is dropped. It wraps [ErrBadData] when no feature has a known schema.
func ParseOCHA(r io.Reader) ([]Place, []Area, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("gazetteer: read ocha: %w", err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: ocha: %v", ErrBadData, err)
	}
	var places []Place
	var areas []Area
	for _, f := range fc.Features {
		pr := f.Properties
		switch {
		case has(pr, "PCODE") && has(pr, "NAME_EN"):
			places = append(places, ochaCommunity(f))
		case has(pr, "neighborho") && has(pr, "neighbor_2"):
			p, a := ochaNeighbourhood(f)
			places, areas = append(places, p), append(areas, a)
		case has(pr, "adm3_pcode"):
			p, a := ochaAdmin(f, 3)
			places, areas = append(places, p), append(areas, a)
		case has(pr, "adm2_pcode"):
			p, a := ochaAdmin(f, 2)
			places, areas = append(places, p), append(areas, a)
		case has(pr, "adm1_pcode"):
			p, a := ochaAdmin(f, 1)
			places, areas = append(places, p), append(areas, a)
		}
	}
	if len(places) == 0 {
		return nil, nil, fmt.Errorf("%w: no OCHA features recognised", ErrBadData)
	}
	return places, areas, nil
}

func has(p geojson.Properties, key string) bool {
	v, ok := p[key]
	return ok && v != nil
}

// str returns a string property without replacement characters and padding.
func str(p geojson.Properties, key string) string {
	s, _ := p[key].(string)
	return strings.TrimSpace(strings.ReplaceAll(s, "\uFFFD", ""))
}

func ochaCommunity(f *geojson.Feature) Place {
	pr := f.Properties
	capital := -1
	if v, ok := number(pr, "CAPIT_LVL"); ok {
		capital = int(v)
	}
	kind := KindVillage
	switch capital {
	case 0, 1:
		kind = KindCity
	case 2, 3:
		kind = KindTown
	}
	lon, _ := number(pr, "LONGITUDE")
	lat, _ := number(pr, "LATITUDE")
	pt := orb.Point{lon, lat}
	if lon == 0 && lat == 0 && f.Geometry != nil {
		pt = f.Geometry.Bound().Center()
	}
	p := Place{
		ID: "ocha:" + str(pr, "PCODE"), NameEN: str(pr, "NAME_EN"), NameAR: str(pr, "NAME_ARA"),
		Kind: kind, Location: pt, Admin1PCode: str(pr, "ADMIN1_COD"), Admin2PCode: str(pr, "ADMIN2_COD"),
		Admin2Name: str(pr, "ADMIN2_EN"), Importance: EstimateImportance(kind, 0, capital), Source: ochaSource,
	}
	p.Admin1Name = admin1Name(p.Admin1PCode)
	p.Variants = qualifiedVariants(str(pr, "NAM_EN_REF"), p.NameEN, p.NameAR)
	return p
}

// qualifiedVariants returns the extra names of an OCHA community: its reference
// spelling, and the bare names of entries qualified by a neighbour ("Dweila -
// Dreikish", "الدنانير_دنيكره").
func qualifiedVariants(ref string, names ...string) []string {
	var out []string
	if ref != "" && Normalize(ref) != Normalize(names[0]) {
		out = append(out, ref)
	}
	for _, n := range append(names, ref) {
		for _, sep := range []string{" - ", "- ", " -", "_"} {
			if before, _, ok := strings.Cut(n, sep); ok && len(strings.TrimSpace(before)) >= 3 {
				out = append(out, strings.TrimSpace(before))
				break
			}
		}
	}
	return out
}

func ochaNeighbourhood(f *geojson.Feature) (Place, Area) {
	pr := f.Properties
	mp := toMultiPolygon(f.Geometry)
	center, _ := planar.CentroidArea(mp)
	adm3 := str(pr, "adm3_pcode")
	p := Place{
		ID: "ocha:" + str(pr, "neighbor_2"), NameEN: str(pr, "neighborho"), NameAR: str(pr, "neighbor_1"),
		Kind: KindNeighbourhood, Location: center, Importance: EstimateImportance(KindNeighbourhood, 0, -1),
		Source: ochaSource,
	}
	if len(adm3) >= 6 {
		p.Admin1PCode, p.Admin2PCode = adm3[:4], adm3[:6]
	}
	p.Admin1Name, p.Admin2Name = admin1Name(p.Admin1PCode), str(pr, "adm4_en")
	a := Area{Level: 4, PCode: str(pr, "neighbor_2"), NameEN: p.NameEN, NameAR: p.NameAR,
		Admin1PCode: p.Admin1PCode, Admin2PCode: p.Admin2PCode, Geometry: mp, Center: center}
	return p, a
}

// ochaAdmin reads an admin-1, -2 or -3 polygon.
func ochaAdmin(f *geojson.Feature, level int) (Place, Area) {
	pr := f.Properties
	pre := fmt.Sprintf("adm%d_", level)
	mp := toMultiPolygon(f.Geometry)
	a := Area{Level: level, PCode: str(pr, pre+"pcode"), NameEN: str(pr, pre+"name"), NameAR: str(pr, pre+"name1"),
		Admin1PCode: str(pr, "adm1_pcode"), Admin2PCode: str(pr, "adm2_pcode"), Geometry: mp}
	lon, lok := number(pr, "center_lon")
	lat, aok := number(pr, "center_lat")
	a.Center = orb.Point{lon, lat}
	if !lok || !aok {
		a.Center, _ = planar.CentroidArea(mp)
	}
	kind, id := map[int]Kind{1: KindGovernorate, 2: KindDistrict, 3: KindSubdistrict}[level], "ocha:"+a.PCode
	if level == 1 {
		id = "adm1:" + a.PCode
	}
	p := Place{ID: id, NameEN: a.NameEN, NameAR: a.NameAR, Kind: kind, Location: a.Center,
		Admin1PCode: a.Admin1PCode, Admin1Name: admin1Name(a.Admin1PCode), Admin2PCode: a.Admin2PCode,
		Importance: EstimateImportance(kind, 0, -1), Source: ochaSource}
	if ref := str(pr, pre+"ref_n"); ref != "" && Normalize(ref) != Normalize(a.NameEN) {
		p.Variants = []string{ref}
	}
	if level >= 2 {
		p.Admin2Name = str(pr, "adm2_name")
	}
	return p, a
}
