package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/simplify"
	"github.com/sams96/rgeo"
)

// govOutline is one governorate taken from Natural Earth.
type govOutline struct {
	pcode    string
	geometry orb.MultiPolygon
	label    orb.Point
}

// provinces extracts Syria's admin-1 polygons from rgeo's Natural Earth data, maps
// GeoNames admin-1 codes (gn_a1_code "SY.09") to OCHA P-codes, folds the UNDOF zone
// into Quneitra, and simplifies the rings.
func provinces(tol float64) ([]govOutline, error) {
	zr, err := gzip.NewReader(bytes.NewReader(rgeo.Provinces10()))
	if err != nil {
		return nil, fmt.Errorf("gen: rgeo provinces: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gen: rgeo provinces: %w", err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(raw)
	if err != nil {
		return nil, fmt.Errorf("gen: rgeo provinces: %w", err)
	}
	byCode := map[string]*govOutline{}
	for _, f := range fc.Features {
		if f.Properties.MustString("iso_a2", "") != "SY" {
			continue
		}
		code := strings.TrimPrefix(f.Properties.MustString("gn_a1_code", ""), "SY.")
		pcode := gazetteer.GeoNamesAdmin1(code)
		if code == "" {
			pcode = "SY14" // the UNDOF zone lies in Quneitra governorate
		}
		if pcode == "" {
			return nil, fmt.Errorf("gen: unknown GeoNames admin-1 code %q", code)
		}
		g := byCode[pcode]
		if g == nil {
			g = &govOutline{pcode: pcode}
			byCode[pcode] = g
		}
		if code != "" {
			g.label = orb.Point{f.Properties.MustFloat64("longitude", 0), f.Properties.MustFloat64("latitude", 0)}
		}
		mp := simplify.DouglasPeucker(tol).Simplify(asMulti(f.Geometry)).(orb.MultiPolygon)
		g.geometry = append(g.geometry, roundMulti(mp)...)
	}
	var out []govOutline
	for _, g := range byCode {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pcode < out[j].pcode })
	if len(out) != 14 {
		return nil, fmt.Errorf("gen: found %d Syrian governorates, want 14", len(out))
	}
	return out, nil
}

func asMulti(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}

func roundMulti(mp orb.MultiPolygon) orb.MultiPolygon {
	r := func(v float64) float64 { return math.Round(v*1e5) / 1e5 }
	for _, poly := range mp {
		for _, ring := range poly {
			for i, p := range ring {
				ring[i] = orb.Point{r(p[0]), r(p[1])}
			}
		}
	}
	return mp
}

// writeGovernorates writes the outlines as a GeoJSON FeatureCollection that
// gazetteer.LoadGovernorates reads.
func writeGovernorates(path string, govs []govOutline) error {
	fc := geojson.NewFeatureCollection()
	for _, g := range govs {
		f := geojson.NewFeature(g.geometry)
		f.Properties["pcode"] = g.pcode
		f.Properties["center_lon"] = g.label.Lon()
		f.Properties["center_lat"] = g.label.Lat()
		f.Properties["source"] = "Natural Earth admin-1 (public domain), via github.com/sams96/rgeo"
		fc.Append(f)
	}
	b, err := fc.MarshalJSON()
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
