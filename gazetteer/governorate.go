package gazetteer

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Governorate is one of Syria's 14 first-level divisions (muhafazat), with its
// outline for the map and for reverse geocoding.
type Governorate struct {
	PCode    string // OCHA P-code, SY01..SY14
	NameEN   string
	NameAR   string
	Geometry orb.MultiPolygon // lon/lat rings
	Center   orb.Point        // a representative point inside, [lon, lat]
}

// govInfo holds the names every governorate is known by, and GeoNames' admin-1 code.
type govInfo struct {
	pcode, en, ar, geonames string
	variants                []string
}

// governorates lists the 14 governorates by OCHA P-code. Names and variants are
// those of OCHA COD-AB, GeoNames, Natural Earth and common press usage.
var governorates = []govInfo{
	{"SY01", "Damascus", "دمشق", "13", []string{"Dimashq", "Damascus governorate", "محافظة دمشق", "Ash Sham", "الشام"}},
	{"SY02", "Aleppo", "حلب", "09", []string{"Halab", "Haleb", "Alep", "محافظة حلب"}},
	{"SY03", "Rif Dimashq", "ريف دمشق", "08", []string{"Rural Damascus", "Damascus countryside", "Rif Dimashq governorate", "Reef Dimashq", "Damascus suburbs", "Rif-Dimashq", "محافظة ريف دمشق"}},
	{"SY04", "Homs", "حمص", "11", []string{"Hims", "Homs governorate", "محافظة حمص"}},
	{"SY05", "Hama", "حماة", "10", []string{"Hamah", "Hamat", "Hama governorate", "محافظة حماة", "حماه"}},
	{"SY06", "Latakia", "اللاذقية", "02", []string{"Lattakia", "Al Ladhiqiyah", "Latakiya", "Lattaquie", "محافظة اللاذقية"}},
	{"SY07", "Idlib", "إدلب", "12", []string{"Idleb", "Edlib", "Adlib", "محافظة إدلب", "ادلب"}},
	{"SY08", "Al-Hasakah", "الحسكة", "01", []string{"Hasakah", "Al-Hasakeh", "Hasaka", "Hasakeh", "Al Hasakah", "Hassakeh", "Haseke", "محافظة الحسكة"}},
	{"SY09", "Deir ez-Zor", "دير الزور", "07", []string{"Dayr az Zawr", "Deir Ezzor", "Deir-ez-Zor", "Deir ez Zor", "Deir al-Zour", "Deir el-Zor", "Der Ezzor", "Deir Azzour", "Deir Ez Zour", "محافظة دير الزور", "ديرالزور"}},
	{"SY10", "Tartus", "طرطوس", "14", []string{"Tartous", "Tartouss", "Tartus governorate", "محافظة طرطوس"}},
	{"SY11", "Raqqa", "الرقة", "04", []string{"Ar-Raqqa", "Ar Raqqah", "Raqqah", "Rakka", "Al-Raqqah", "محافظة الرقة"}},
	{"SY12", "Daraa", "درعا", "06", []string{"Dar'a", "Deraa", "Dara'a", "Deraa governorate", "محافظة درعا"}},
	{"SY13", "As-Suwayda", "السويداء", "05", []string{"As-Sweida", "Suwayda", "Sweida", "Suweida", "As Suwayda'", "Soueida", "محافظة السويداء"}},
	{"SY14", "Quneitra", "القنيطرة", "03", []string{"Al Qunaytirah", "Qunaytirah", "Kuneitra", "محافظة القنيطرة"}},
}

// admin1Name returns the English name of a governorate P-code, or "".
func admin1Name(pcode string) string {
	for _, g := range governorates {
		if g.pcode == pcode {
			return g.en
		}
	}
	return ""
}

// govSpellings holds each governorate's Arabic name key, for canonicalEN.
var govSpellings = func() []string {
	out := make([]string, len(governorates))
	for i, g := range governorates {
		out[i] = nameKey(g.ar)
	}
	return out
}()

// canonicalEN returns this package's English spelling of a governorate's name when
// ar, the Arabic name of a place whose English name is en, is that governorate's
// name (OCHA's "Lattakia", "Idleb", "Dar'a", GeoNames' "Al Qunaytirah" for the
// city, district or subdistrict named after its governorate), so that a
// governorate's name reads the same everywhere; else en. The subdistrict prefix
// "مركز" (centre) is ignored.
func canonicalEN(en, ar string) string {
	if en == "" || ar == "" {
		return en
	}
	akey := nameKey(strings.TrimPrefix(Normalize(ar), "مركز "))
	for i, k := range govSpellings {
		if k == akey {
			return governorates[i].en
		}
	}
	return en
}

// GeoNamesAdmin1 maps a GeoNames admin-1 code for Syria ("01".."14") to its OCHA
// P-code, or "" if the code is unknown.
func GeoNamesAdmin1(code string) string {
	for _, g := range governorates {
		if g.geonames == code {
			return g.pcode
		}
	}
	return ""
}

// LoadGovernorates reads governorate outlines from a GeoJSON FeatureCollection
// whose features carry a P-code (property "pcode" or OCHA's "adm1_pcode"); names and
// centres are taken from the properties when present, else from the built-in table.
func LoadGovernorates(r io.Reader) ([]Governorate, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: read governorates: %w", err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		return nil, fmt.Errorf("%w: governorates: %v", ErrBadData, err)
	}
	var govs []Governorate
	for _, f := range fc.Features {
		pcode := firstString(f.Properties, "pcode", "adm1_pcode")
		if !strings.HasPrefix(pcode, "SY") {
			return nil, fmt.Errorf("%w: governorate feature without P-code", ErrBadData)
		}
		g := Governorate{PCode: pcode, Geometry: toMultiPolygon(f.Geometry)}
		g.NameEN = firstString(f.Properties, "name_en", "adm1_name")
		g.NameAR = firstString(f.Properties, "name_ar", "adm1_name1")
		for _, info := range governorates {
			if info.pcode == pcode {
				g.NameEN, g.NameAR = info.en, info.ar
			}
		}
		lon, lok := number(f.Properties, "center_lon")
		lat, aok := number(f.Properties, "center_lat")
		g.Center = orb.Point{lon, lat}
		if !lok || !aok {
			g.Center = g.Geometry.Bound().Center()
		}
		govs = append(govs, g)
	}
	return govs, nil
}

// shareSeatNames gives each governorate's seat city (a city of the governorate
// with its Arabic name) the governorate's other spellings, which name the city as
// much as the governorate ("Hassakeh", "Deir Ezzor"), leaving out those that say
// "governorate" or "province", and gives the governorate the city's point as
// its Seat; Rif Dimashq's seat is Damascus.
func (g *Gazetteer) shareSeatNames() {
	seats := map[string]orb.Point{}
	for i := range g.places {
		p := &g.places[i]
		if p.Kind != KindCity {
			continue
		}
		for k, info := range governorates {
			if p.Admin1PCode != info.pcode || nameKey(p.NameAR) != govSpellings[k] {
				continue
			}
			var vs []string
			for _, v := range info.variants {
				if !strings.Contains(v, "محافظة") && !strings.Contains(strings.ToLower(v), "governorate") {
					vs = append(vs, v)
				}
			}
			p.Variants = distinctNames(*p, append(slices.Clone(p.Variants), vs...))
			seats[info.pcode] = p.Location
		}
	}
	if _, ok := seats["SY03"]; !ok {
		if d, ok := seats["SY01"]; ok {
			seats["SY03"] = d
		}
	}
	for i := range g.places {
		if p := &g.places[i]; p.Kind == KindGovernorate {
			p.Seat = seats[p.Admin1PCode]
		}
	}
}

// governoratesOf returns the governorates among areas (level 1), by P-code, named
// as this package names them, and the other areas.
func governoratesOf(areas []Area) ([]Governorate, []Area) {
	var govs []Governorate
	var rest []Area
	for _, a := range areas {
		if a.Level != 1 {
			rest = append(rest, a)
			continue
		}
		g := Governorate{PCode: a.PCode, NameEN: a.NameEN, NameAR: a.NameAR, Geometry: a.Geometry, Center: a.Center}
		if en := admin1Name(a.PCode); en != "" {
			g.NameEN, g.NameAR = en, governorateAR(a.PCode)
		}
		govs = append(govs, g)
	}
	slices.SortFunc(govs, func(a, b Governorate) int { return strings.Compare(a.PCode, b.PCode) })
	return govs, rest
}

// governorateAR returns the Arabic name of a governorate P-code, or "".
func governorateAR(pcode string) string {
	for _, g := range governorates {
		if g.pcode == pcode {
			return g.ar
		}
	}
	return ""
}

// governoratePlaces returns the governorates as places of kind governorate, with
// every known name as a variant.
func governoratePlaces(govs []Governorate) []Place {
	var out []Place
	for _, g := range govs {
		p := Place{
			ID: "adm1:" + g.PCode, NameEN: g.NameEN, NameAR: g.NameAR, Kind: KindGovernorate,
			Location: g.Center, Admin1PCode: g.PCode, Admin1Name: g.NameEN, Importance: 0.75,
			Source: ochaSource,
		}
		for _, info := range governorates {
			if info.pcode == g.PCode {
				p.Variants = append(p.Variants, info.variants...)
				p.Variants = append(p.Variants, info.en+" governorate", info.en+" province")
			}
		}
		out = append(out, p)
	}
	return out
}

func toMultiPolygon(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}

func firstString(props geojson.Properties, keys ...string) string {
	for _, k := range keys {
		if s, ok := props[k].(string); ok && s != "" {
			return s
		}
	}
	return ""
}

func number(props geojson.Properties, key string) (float64, bool) {
	v, ok := props[key].(float64)
	return v, ok
}
