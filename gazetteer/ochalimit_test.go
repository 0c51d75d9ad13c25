package gazetteer

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// polygonReader is a FeatureCollection of one district whose outline has
// vertices vertices (-1: without end), made as it is read.
type polygonReader struct {
	head, tail string
	vertices   int
	done       int    // vertices made
	pending    []byte // made, not yet read
	stage      int    // 0 head, 1 vertices, 2 tail, 3 end
	read       int64
	limit      int64 // the test's own bound, so that a reader without one fails rather than hangs
}

func (p *polygonReader) Read(b []byte) (int, error) {
	if p.read > p.limit {
		return 0, errors.New("the test's reader: read past its limit")
	}
	for len(p.pending) == 0 {
		switch {
		case p.stage == 0:
			p.pending, p.stage = []byte(p.head), 1
		case p.stage == 1 && (p.vertices < 0 || p.done < p.vertices):
			p.pending = []byte(strings.Repeat("[36.4000001, 36.0000001], ", 1000))
			p.done += 1000
		case p.stage == 1:
			p.pending, p.stage = []byte(p.tail), 3
		default:
			return 0, io.EOF
		}
	}
	n := copy(b, p.pending)
	p.pending = p.pending[n:]
	p.read += int64(n)
	return n, nil
}

func district(vertices int) *polygonReader {
	return &polygonReader{
		head: `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adm2_name":"Harim","adm2_pcode":"SY0703","adm1_name":"Idleb","adm1_pcode":"SY07"},` +
			`"geometry":{"type":"Polygon","coordinates":[[[36.4, 36.0], [36.9, 36.0], [36.9, 36.4], `,
		tail:     `[36.4, 36.4], [36.4, 36.0]]]}}]}`,
		vertices: vertices,
		limit:    6 * MaxOCHAFeatureBytes,
	}
}

// TestScanOCHA_FeatureTooLong: a feature longer than MaxOCHAFeatureBytes
// is refused, naming it and the limit, and one without end is refused
// after reading some twice the limit. Each was read whole (encoding/json's
// Decoder holds a value while it decodes it): a polygon of 300 MB held
// 300 MB and more, and one without end was read until memory ran out.
func TestScanOCHA_FeatureTooLong(t *testing.T) {
	if testing.Short() {
		t.Skip("reads some 50 MB")
	}
	scan := func(r io.Reader) (int, error) {
		n := 0
		err := ScanOCHA(r, func(Place) error { n++; return nil }, func(Area) error { n++; return nil })
		return n, err
	}
	// Under the limit: read.
	if n, err := scan(district(MaxOCHAFeatureBytes / 26 / 2)); err != nil || n == 0 {
		t.Fatalf("a district of %d bytes: %d records, %v", MaxOCHAFeatureBytes/2, n, err)
	}
	endlessType := district(-1)
	endlessType.head = `{"type":"`
	for name, r := range map[string]*polygonReader{
		"just over the limit": district(MaxOCHAFeatureBytes/26 + 2000),
		"without end":         district(-1),
		"an endless type":     endlessType,
	} {
		_, err := scan(r)
		want := "feature 1: longer than"
		if r == endlessType {
			want = `member "type": longer than`
		}
		if err == nil || !errors.Is(err, ErrBadData) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want feature 1 refused as longer than %d bytes", name, err, MaxOCHAFeatureBytes)
		}
		if r.read > 2*MaxOCHAFeatureBytes+1<<20 {
			t.Errorf("%s: read %d bytes; want at most some twice the limit", name, r.read)
		}
	}
}

// TestScanOCHA_CRS: a collection's GeoJSON 2008 crs is read only when it
// names CRS84 (longitude first); EPSG:4326 (latitude first in the OGC's
// axis order) and other CRSs are refused, naming the member, where every
// crs was dropped unread and its points read longitude first.
func TestScanOCHA_CRS(t *testing.T) {
	file := func(crs string) string {
		return `{"type":"FeatureCollection","crs":` + crs + `,"features":[{"type":"Feature","properties":{"adm2_name":"Harim","adm2_pcode":"SY0703","adm1_name":"Idleb","adm1_pcode":"SY07"},` +
			`"geometry":{"type":"Polygon","coordinates":[[[36.4,36.0],[36.9,36.0],[36.9,36.4],[36.4,36.4],[36.4,36.0]]]}}]}`
	}
	named := func(s string) string { return `{"type":"name","properties":{"name":"` + s + `"}}` }
	if _, _, err := ParseOCHA(strings.NewReader(file(named("urn:ogc:def:crs:OGC:1.3:CRS84")))); err != nil {
		t.Errorf("CRS84: %v", err)
	}
	for _, crs := range []string{named("urn:ogc:def:crs:EPSG::4326"), named("EPSG:3857"), "null"} {
		_, _, err := ParseOCHA(strings.NewReader(file(crs)))
		if err == nil || !errors.Is(err, ErrBadData) || !strings.Contains(err.Error(), "crs: ") {
			t.Errorf("crs %s: %v; want it refused, naming crs", crs, err)
		}
	}
}
