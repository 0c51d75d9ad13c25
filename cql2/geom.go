package cql2

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// intersects parses S_INTERSECTS(a, b): one a property, the other a
// geometry literal.
func (p *textParser) intersects(depth int) (Expr, error) {
	kw := p.next()
	if _, err := p.expect(tLParen, "'(' after S_INTERSECTS"); err != nil {
		return nil, err
	}
	var prop string
	var geom orb.Geometry
	for i := range 2 {
		if i == 1 {
			if _, err := p.expect(tComma, "','"); err != nil {
				return nil, err
			}
		}
		t := p.peek()
		if t.kind == tQuoted && t.text == "" {
			return nil, p.errAt(t, `"" is not a property name`)
		}
		if t.kind == tQuoted || t.kind == tWord && !reserved[upper(t.text)] {
			p.next()
			if prop != "" {
				return nil, p.errAt(t, "S_INTERSECTS of two properties is not supported: give a geometry literal")
			}
			prop = t.text
			continue
		}
		g, err := p.geometry(depth)
		if err != nil {
			return nil, err
		}
		if geom != nil {
			return nil, p.errAt(t, "S_INTERSECTS needs a property, such as geometry, as one of its arguments")
		}
		geom = g
	}
	if prop == "" {
		return nil, p.errAt(kw, "S_INTERSECTS needs a property, such as geometry, as one of its arguments")
	}
	_, err := p.expect(tRParen, "')'")
	return Intersects{prop, geom}, err
}

// geometry parses BBOX(w, s, e, n), POINT(lon lat), POLYGON((…)) or
// MULTIPOLYGON(((…))), in CRS84.
func (p *textParser) geometry(depth int) (orb.Geometry, error) {
	t := p.next()
	if err := p.limit(t, p.b.depth(depth+1)); err != nil {
		return nil, err
	}
	switch {
	case isWord(t, "BBOX"):
		return p.bbox(t)
	case isWord(t, "POINT"):
		return p.point()
	case isWord(t, "POLYGON"):
		return p.polygon()
	case isWord(t, "MULTIPOLYGON"):
		var mp orb.MultiPolygon
		err := p.list(func() error {
			poly, err := p.polygon()
			mp = append(mp, poly)
			return err
		})
		return mp, err
	case t.kind == tWord && reservedGeometry[upper(t.text)]:
		return nil, p.errAt(t, "%s literals are not supported: use BBOX, POINT, POLYGON or MULTIPOLYGON", t.text)
	}
	return nil, p.errAt(t, "expected a property or a geometry (BBOX, POINT, POLYGON, MULTIPOLYGON), found %s", t.describe())
}

// reservedGeometry are WKT types this package does not take.
var reservedGeometry = map[string]bool{"LINESTRING": true, "MULTIPOINT": true, "MULTILINESTRING": true,
	"GEOMETRYCOLLECTION": true, "ENVELOPE": true}

// list parses '(' item {',' item} ')'.
func (p *textParser) list(item func() error) error {
	if _, err := p.expect(tLParen, "'('"); err != nil {
		return err
	}
	for {
		if err := item(); err != nil {
			return err
		}
		t := p.next()
		if t.kind == tRParen {
			return nil
		}
		if t.kind != tComma {
			return p.errAt(t, "expected ',' or ')', found %s", t.describe())
		}
	}
}

func (p *textParser) number() (float64, token, error) {
	t, err := p.expect(tNumber, "a number")
	if err != nil {
		return 0, t, err
	}
	n, err := parseNumber(t.text)
	if err != nil {
		return 0, t, p.errAt(t, "%v", err)
	}
	return n, t, nil
}

func (p *textParser) bbox(kw token) (orb.Geometry, error) {
	var v []float64
	err := p.list(func() error {
		n, t, err := p.number()
		if len(v) == 4 {
			return p.errAt(t, "a BBOX has four numbers: west, south, east, north")
		}
		v = append(v, n)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(v) != 4 {
		return nil, p.errAt(kw, "a BBOX has four numbers: west, south, east, north")
	}
	g, err := bboxGeometry(v[0], v[1], v[2], v[3])
	if err != nil {
		return nil, p.errAt(kw, "%v", err)
	}
	return g, p.limit(kw, p.b.vertex(2))
}

// position parses "lon lat".
func (p *textParser) position() (orb.Point, error) {
	lon, t, err := p.number()
	if err != nil {
		return orb.Point{}, err
	}
	lat, _, err := p.number()
	if err != nil {
		return orb.Point{}, err
	}
	pt := orb.Point{lon, lat}
	if err := checkPosition(pt); err != nil {
		return pt, p.errAt(t, "%v", err)
	}
	return pt, p.limit(t, p.b.vertex(1))
}

func (p *textParser) point() (orb.Geometry, error) {
	if _, err := p.expect(tLParen, "'('"); err != nil {
		return nil, err
	}
	pt, err := p.position()
	if err != nil {
		return nil, err
	}
	_, err = p.expect(tRParen, "')'")
	return pt, err
}

// polygon parses ((lon lat, …), (…)): an outer ring, then holes.
func (p *textParser) polygon() (orb.Polygon, error) {
	var poly orb.Polygon
	err := p.list(func() error {
		start := p.peek()
		var ring orb.Ring
		err := p.list(func() error {
			pt, err := p.position()
			ring = append(ring, pt)
			return err
		})
		if err == nil {
			if msg := ringProblem(ring); msg != "" {
				err = p.errAt(start, "%s", msg)
			}
		}
		poly = append(poly, ring)
		return err
	})
	return poly, err
}

// ringProblem says what is wrong with a polygon ring, or "".
func ringProblem(r orb.Ring) string {
	switch {
	case len(r) < 4:
		return fmt.Sprintf("a polygon ring needs at least 4 positions, the last equal to the first; this one has %d", len(r))
	case r[0] != r[len(r)-1]:
		return "a polygon ring must end at the position it starts from"
	}
	return ""
}

// checkPosition accepts CRS84 longitudes and latitudes only.
func checkPosition(pt orb.Point) error {
	if math.Abs(pt.Lon()) > 180 || math.Abs(pt.Lat()) > 90 {
		return fmt.Errorf("(%g %g) is not a longitude and latitude in CRS84", pt.Lon(), pt.Lat())
	}
	return nil
}

// bboxGeometry is the geometry of a BBOX: a bound, or two across the
// antimeridian when west is east of east.
func bboxGeometry(w, s, e, n float64) (orb.Geometry, error) {
	for _, pt := range []orb.Point{{w, s}, {e, n}} {
		if err := checkPosition(pt); err != nil {
			return nil, err
		}
	}
	if s > n {
		return nil, fmt.Errorf("the BBOX's south %g is north of its north %g", s, n)
	}
	if w > e {
		return orb.Collection{orb.Bound{Min: orb.Point{w, s}, Max: orb.Point{180, n}},
			orb.Bound{Min: orb.Point{-180, s}, Max: orb.Point{e, n}}}, nil
	}
	return orb.Bound{Min: orb.Point{w, s}, Max: orb.Point{e, n}}, nil
}

// Contains reports whether g, a geometry of an [Intersects], meets the
// point pt. Boundaries count as inside, the boundaries of holes too, as
// they do for PostGIS's ST_Intersects.
func Contains(g orb.Geometry, pt orb.Point) bool {
	switch g := g.(type) {
	case orb.Point:
		return g == pt
	case orb.Bound:
		return g.Contains(pt)
	case orb.Polygon:
		return polygonContains(g, pt)
	case orb.MultiPolygon:
		for _, poly := range g {
			if polygonContains(poly, pt) {
				return true
			}
		}
	case orb.Collection:
		for _, part := range g {
			if Contains(part, pt) {
				return true
			}
		}
	}
	return false
}

func polygonContains(poly orb.Polygon, pt orb.Point) bool {
	if len(poly) == 0 || ringSide(poly[0], pt) < 0 {
		return false
	}
	for _, hole := range poly[1:] {
		if ringSide(hole, pt) > 0 {
			return false
		}
	}
	return true
}

// ringSide is 1 when pt is strictly inside r, 0 on its boundary, -1 outside
// (even-odd rule).
func ringSide(r orb.Ring, pt orb.Point) int {
	inside := false
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		if onSegment(a, b, pt) {
			return 0
		}
		if (a.Lat() > pt.Lat()) != (b.Lat() > pt.Lat()) &&
			pt.Lon() < (b.Lon()-a.Lon())*(pt.Lat()-a.Lat())/(b.Lat()-a.Lat())+a.Lon() {
			inside = !inside
		}
	}
	if inside {
		return 1
	}
	return -1
}

// onSegment reports whether pt lies on the segment ab.
func onSegment(a, b, pt orb.Point) bool {
	cross := (b.Lon()-a.Lon())*(pt.Lat()-a.Lat()) - (b.Lat()-a.Lat())*(pt.Lon()-a.Lon())
	if cross != 0 {
		return false
	}
	return math.Min(a.Lon(), b.Lon()) <= pt.Lon() && pt.Lon() <= math.Max(a.Lon(), b.Lon()) &&
		math.Min(a.Lat(), b.Lat()) <= pt.Lat() && pt.Lat() <= math.Max(a.Lat(), b.Lat())
}
