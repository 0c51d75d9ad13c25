package gazetteer

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// The embedded admin outlines are kept in a tab-separated text format that is
// compact in git and reads some ten times faster than GeoJSON: one area a line,
// its outline as integer coordinates in units of 1e-5 degree (about a metre),
// each ring's first point whole and the others as differences from the point
// before, "x,y" pairs separated by spaces, rings separated by ";" and polygons by
// "|".

// areaColumns is the header of the area format, in order.
var areaColumns = []string{"level", "pcode", "name_en", "name_ar", "admin1_pcode", "admin2_pcode", "center_lon", "center_lat", "outline"}

// areaUnit is the coordinate unit of the area format, in degrees.
const areaUnit = 1e-5

// WriteAreas writes areas in the format LoadAreas reads, header first.
// Coordinates are rounded to 1e-5 degree.
func WriteAreas(w io.Writer, areas []Area) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(areaColumns, "\t") + "\n")
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for _, a := range areas {
		fields := []string{strconv.Itoa(a.Level), a.PCode, a.NameEN, a.NameAR, a.Admin1PCode, a.Admin2PCode,
			f(a.Center.Lon()), f(a.Center.Lat()), encodeOutline(a.Geometry)}
		for i, s := range fields[:6] {
			fields[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(s)
		}
		bw.WriteString(strings.Join(fields, "\t") + "\n")
	}
	return bw.Flush()
}

func encodeOutline(mp orb.MultiPolygon) string {
	var b strings.Builder
	for i, poly := range mp {
		if i > 0 {
			b.WriteByte('|')
		}
		for j, ring := range poly {
			if j > 0 {
				b.WriteByte(';')
			}
			var px, py int64
			for k, p := range ring {
				x, y := int64(math.Round(p[0]/areaUnit)), int64(math.Round(p[1]/areaUnit))
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(strconv.FormatInt(x-px, 10))
				b.WriteByte(',')
				b.WriteString(strconv.FormatInt(y-py, 10))
				px, py = x, y
			}
		}
	}
	return b.String()
}

// LoadAreas reads admin areas written by [WriteAreas]; lines starting with "#"
// are comments. It wraps [ErrBadData].
func LoadAreas(r io.Reader) ([]Area, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	var out []Area
	line, header := 0, false
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !header {
			if text != strings.Join(areaColumns, "\t") {
				return nil, fmt.Errorf("%w: areas: line %d: want the header %q", ErrBadData, line, strings.Join(areaColumns, " "))
			}
			header = true
			continue
		}
		a, err := parseAreaLine(text)
		if err != nil {
			return nil, fmt.Errorf("%w: areas: line %d: %v", ErrBadData, line, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: read areas: %w", err)
	}
	return out, nil
}

func parseAreaLine(text string) (Area, error) {
	f := strings.Split(text, "\t")
	if len(f) != len(areaColumns) {
		return Area{}, fmt.Errorf("%d fields, want %d", len(f), len(areaColumns))
	}
	level, err := strconv.Atoi(f[0])
	if err != nil {
		return Area{}, fmt.Errorf("level: %v", err)
	}
	lon, err1 := strconv.ParseFloat(f[6], 64)
	lat, err2 := strconv.ParseFloat(f[7], 64)
	if err1 != nil || err2 != nil {
		return Area{}, fmt.Errorf("centre %q %q: not numbers", f[6], f[7])
	}
	mp, err := decodeOutline(f[8])
	if err != nil {
		return Area{}, fmt.Errorf("%s outline: %v", f[1], err)
	}
	return Area{Level: level, PCode: f[1], NameEN: f[2], NameAR: f[3], Admin1PCode: f[4], Admin2PCode: f[5],
		Center: orb.Point{lon, lat}, Geometry: mp}, nil
}

func decodeOutline(s string) (orb.MultiPolygon, error) {
	var mp orb.MultiPolygon
	for _, ps := range strings.Split(s, "|") {
		var poly orb.Polygon
		for _, rs := range strings.Split(ps, ";") {
			ring := make(orb.Ring, 0, strings.Count(rs, " ")+1)
			var x, y int64
			for len(rs) > 0 {
				pair, rest, _ := strings.Cut(rs, " ")
				xs, ys, ok := strings.Cut(pair, ",")
				dx, err1 := strconv.ParseInt(xs, 10, 64)
				dy, err2 := strconv.ParseInt(ys, 10, 64)
				if !ok || err1 != nil || err2 != nil {
					return nil, fmt.Errorf("bad point %q", pair)
				}
				x, y = x+dx, y+dy
				ring = append(ring, orb.Point{float64(x) / (1 / areaUnit), float64(y) / (1 / areaUnit)})
				rs = rest
			}
			if len(ring) < 4 {
				return nil, fmt.Errorf("a ring of %d points", len(ring))
			}
			poly = append(poly, ring)
		}
		mp = append(mp, poly)
	}
	return mp, nil
}
