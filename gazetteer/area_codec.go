package gazetteer

import (
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// MarshalArea encodes an admin area as a GeoJSON feature, for storage.
func MarshalArea(a Area) ([]byte, error) {
	f := geojson.NewFeature(a.Geometry)
	f.ID = a.PCode
	f.Properties = geojson.Properties{"level": a.Level, "pcode": a.PCode, "name_en": a.NameEN, "name_ar": a.NameAR,
		"admin1_pcode": a.Admin1PCode, "admin2_pcode": a.Admin2PCode, "center": []float64{a.Center.Lon(), a.Center.Lat()}}
	return json.Marshal(f)
}

// UnmarshalArea decodes what [MarshalArea] encodes.
func UnmarshalArea(b []byte) (Area, error) {
	f, err := geojson.UnmarshalFeature(b)
	if err != nil {
		return Area{}, fmt.Errorf("%w: area: %v", ErrBadData, err)
	}
	a, err := areaOf(f)
	if err == nil {
		err = checkImportedArea(a)
	}
	return a, err
}

func areaOf(f *geojson.Feature) (Area, error) {
	mp := toMultiPolygon(f.Geometry)
	if mp == nil {
		return Area{}, fmt.Errorf("%w: area %v: want a Polygon or MultiPolygon", ErrBadData, f.ID)
	}
	p := f.Properties
	a := Area{Level: p.MustInt("level", 0), PCode: p.MustString("pcode", ""), NameEN: p.MustString("name_en", ""),
		NameAR: p.MustString("name_ar", ""), Admin1PCode: p.MustString("admin1_pcode", ""),
		Admin2PCode: p.MustString("admin2_pcode", ""), Geometry: mp}
	if c, ok := p["center"].([]any); ok && len(c) == 2 {
		lon, _ := c[0].(float64)
		lat, _ := c[1].(float64)
		a.Center = orb.Point{lon, lat}
	}
	return a, nil
}
