// Package answer shapes gazetteer results as the JSON objects that `mapsrv
// geocode --json` prints and /api/geocode and /api/places serve. Their field
// names are a contract other tools rely on: extended, never renamed.
package answer

import (
	"math"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// Place is one place as JSON.
type Place struct {
	ID          string  `json:"id"`
	NameEN      string  `json:"name_en"`
	NameAR      string  `json:"name_ar"`
	Kind        string  `json:"kind"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Admin1PCode string  `json:"admin1_pcode"`
	Admin1Name  string  `json:"admin1_name"`
	Admin2PCode string  `json:"admin2_pcode"`
	Admin2Name  string  `json:"admin2_name,omitempty"`
	Admin3PCode string  `json:"admin3_pcode,omitempty"`
	Admin3Name  string  `json:"admin3_name,omitempty"`
	Population  int     `json:"population,omitempty"`
	Source      string  `json:"source,omitempty"`
}

// Geocode is the answer to one geocoding query.
type Geocode struct {
	Query        string  `json:"query"`
	NameEN       string  `json:"name_en"`
	NameAR       string  `json:"name_ar"`
	Kind         string  `json:"kind"`
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	Admin1PCode  string  `json:"admin1_pcode"`
	Admin1Name   string  `json:"admin1_name"`
	Admin2PCode  string  `json:"admin2_pcode"`
	Admin2Name   string  `json:"admin2_name,omitempty"`
	Admin3PCode  string  `json:"admin3_pcode,omitempty"`
	Admin3Name   string  `json:"admin3_name,omitempty"`
	Precision    string  `json:"precision"`
	Qualifier    string  `json:"qualifier,omitempty"`
	Score        float64 `json:"score"`
	ID           string  `json:"id"`
	Alternatives []Place `json:"alternatives"`
}

// Failure is the answer to a query that matched nothing.
type Failure struct {
	Query string `json:"query"`
	Error string `json:"error"`
}

// PlaceOf returns p as JSON.
func PlaceOf(p gazetteer.Place) Place {
	return Place{ID: p.ID, NameEN: p.NameEN, NameAR: p.NameAR, Kind: string(p.Kind),
		Lat: round(p.Location.Lat()), Lon: round(p.Location.Lon()), Admin1PCode: p.Admin1PCode,
		Admin1Name: p.Admin1Name, Admin2PCode: p.Admin2PCode, Admin2Name: p.Admin2Name,
		Admin3PCode: p.Admin3PCode, Admin3Name: p.Admin3Name, Population: p.Population, Source: p.Source}
}

// GeocodeOf returns m as JSON.
func GeocodeOf(m gazetteer.Match) Geocode {
	p := m.Place
	g := Geocode{Query: m.Query, NameEN: p.NameEN, NameAR: p.NameAR, Kind: string(p.Kind),
		Lat: round(p.Location.Lat()), Lon: round(p.Location.Lon()), Admin1PCode: p.Admin1PCode,
		Admin1Name: p.Admin1Name, Admin2PCode: p.Admin2PCode, Admin2Name: p.Admin2Name,
		Admin3PCode: p.Admin3PCode, Admin3Name: p.Admin3Name, Precision: string(m.Precision),
		Qualifier: m.Qualifier, Score: math.Round(m.Score*1000) / 1000, ID: p.ID,
		Alternatives: make([]Place, len(m.Alternatives))}
	for i, a := range m.Alternatives {
		g.Alternatives[i] = PlaceOf(a)
	}
	return g
}

// round keeps 6 decimals of a degree, about 10 cm.
func round(deg float64) float64 { return math.Round(deg*1e6) / 1e6 }

// Area is an admin area as JSON.
type Area struct {
	PCode  string `json:"pcode"`
	NameEN string `json:"name_en"`
	NameAR string `json:"name_ar"`
}

// Reverse is the answer to a reverse geocoding query.
type Reverse struct {
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Governorate *Area   `json:"governorate"`
	District    *Area   `json:"district"`
	Subdistrict *Area   `json:"subdistrict"`
	OutsideKm   float64 `json:"outside_km"` // 0 inside the governorate, else how far outside its outline
	Nearest     []Place `json:"nearest"`
}

// ReverseOf returns r as JSON; unknown levels are null.
func ReverseOf(r gazetteer.Reverse) Reverse {
	area := func(a gazetteer.Area) *Area {
		if a.PCode == "" {
			return nil
		}
		return &Area{PCode: a.PCode, NameEN: a.NameEN, NameAR: a.NameAR}
	}
	out := Reverse{Lat: round(r.Point.Lat()), Lon: round(r.Point.Lon()), Governorate: area(r.Governorate),
		District: area(r.District), Subdistrict: area(r.Subdistrict), OutsideKm: math.Round(r.OutsideKm*100) / 100,
		Nearest: make([]Place, len(r.Nearest))}
	for i, p := range r.Nearest {
		out.Nearest[i] = PlaceOf(p)
	}
	return out
}
