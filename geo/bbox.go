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
	if len(parts) == 6 {
		// minLon,minLat,minZ,maxLon,maxLat,maxZ: the height is ignored.
		parts = []string{parts[0], parts[1], parts[3], parts[4]}
	}
	if len(parts) != 4 {
		return nil, fmt.Errorf("%w: want 4 comma-separated numbers minLon,minLat,maxLon,maxLat, got %d", ErrBadBBox, len(parts))
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%w: %q is not a finite number", ErrBadBBox, p)
		}
		v[i] = f
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
