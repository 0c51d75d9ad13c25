// Package geo parses and normalises the spatial inputs of the service: bounding
// boxes as map clients send them and lon/lat points. It assumes WGS 84 lon/lat data
// in orb's [lon, lat] order, the order of GeoJSON and of OGC API – Features.
package geo

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// ErrBadBBox is wrapped by every error [ParseBBox] returns.
var ErrBadBBox = errors.New("geo: invalid bbox")

// ErrBadPoint is wrapped by every error [CheckPoint] returns.
var ErrBadPoint = errors.New("geo: invalid point")

// ParseBBox parses "minLon,minLat,maxLon,maxLat", the order of OGC API – Features
// and of Leaflet's toBBoxString. Longitudes beyond ±180, as a map panned across
// the antimeridian sends, are wrapped; a box that then crosses the antimeridian is
// split in two, so the result holds one or two bounds, each within [-180, 180] ×
// [-90, 90]. A box 360° or more wide covers every longitude. Latitudes outside
// [-90, 90], a south edge north of the north edge, and anything that is not four
// finite numbers are errors wrapping [ErrBadBBox].
func ParseBBox(s string) ([]orb.Bound, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 && len(parts) != 6 {
		return nil, fmt.Errorf("%w: want 4 comma-separated numbers minLon,minLat,maxLon,maxLat, got %d", ErrBadBBox, len(parts))
	}
	v := make([]float64, len(parts))
	for i, p := range parts {
		f, err := ParseNumber(strings.TrimSpace(p))
		if err != nil {
			return nil, fmt.Errorf("%w: %q is not a finite decimal number", ErrBadBBox, p)
		}
		v[i] = f
	}
	if len(v) == 6 {
		// minLon,minLat,minZ,maxLon,maxLat,maxZ: the heights, once
		// checked, are ignored.
		if v[2] > v[5] {
			return nil, fmt.Errorf("%w: minimum height %g is greater than maximum height %g", ErrBadBBox, v[2], v[5])
		}
		v = []float64{v[0], v[1], v[3], v[4]}
	}
	west, south, east, north := v[0], v[1], v[2], v[3]
	if south < -90 || north > 90 {
		return nil, fmt.Errorf("%w: latitudes must be within [-90, 90]", ErrBadBBox)
	}
	if south > north {
		return nil, fmt.Errorf("%w: minLat %g is greater than maxLat %g", ErrBadBBox, south, north)
	}
	return splitLon(west, east, south, north)
}

// ErrBadNumber is wrapped by every error [ParseNumber] returns.
var ErrBadNumber = errors.New("geo: not a finite decimal number")

// ParseNumber reads a finite decimal number as a query writes one: an
// optional sign, digits with an optional fraction, an optional exponent
// ("36.5", "-0.25", "1e-3"). strconv.ParseFloat alone also takes "NaN",
// "Inf", hexadecimal ("0x1p4") and digits apart by underscores ("3_6"
// was 36), which no client means.
func ParseNumber(s string) (float64, error) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
		}
	}
	if digits > 0 && i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			exp++
		}
		if exp == 0 {
			digits = 0
		}
	}
	if digits == 0 || i != len(s) {
		return 0, fmt.Errorf("%w: %q", ErrBadNumber, s)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Errorf("%w: %q", ErrBadNumber, s)
	}
	return f, nil
}

// splitLon wraps a west..east longitude span into [-180, 180], splitting it at
// the antimeridian when it crosses.
func splitLon(west, east, south, north float64) ([]orb.Bound, error) {
	bound := func(w, e float64) orb.Bound {
		return orb.Bound{Min: orb.Point{w, south}, Max: orb.Point{e, north}}
	}
	if west > east {
		if west <= 180 && east >= -180 {
			// Written across the antimeridian already: 170,-10,-170,10.
			return []orb.Bound{bound(west, 180), bound(-180, east)}, nil
		}
		return nil, fmt.Errorf("%w: minLon %g is greater than maxLon %g", ErrBadBBox, west, east)
	}
	if east-west >= 360 {
		return []orb.Bound{bound(-180, 180)}, nil
	}
	w, e := wrapLon(west), wrapLon(east)
	if w <= e {
		return []orb.Bound{bound(w, e)}, nil
	}
	return []orb.Bound{bound(w, 180), bound(-180, e)}, nil
}

// wrapLon brings a longitude into [-180, 180), keeping 180 itself.
func wrapLon(lon float64) float64 {
	if lon >= -180 && lon <= 180 {
		return lon
	}
	return math.Mod(math.Mod(lon+180, 360)+360, 360) - 180
}

// CheckPoint reports whether p is a valid WGS 84 lon/lat position.
func CheckPoint(p orb.Point) error {
	lon, lat := p.Lon(), p.Lat()
	switch {
	case math.IsNaN(lon) || math.IsNaN(lat) || math.IsInf(lon, 0) || math.IsInf(lat, 0):
		return fmt.Errorf("%w: coordinates must be finite numbers", ErrBadPoint)
	case lon < -180 || lon > 180:
		return fmt.Errorf("%w: longitude %g outside [-180, 180]", ErrBadPoint, lon)
	case lat < -90 || lat > 90:
		return fmt.Errorf("%w: latitude %g outside [-90, 90]", ErrBadPoint, lat)
	}
	return nil
}
