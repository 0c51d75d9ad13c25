package gazetteer

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// ErrBadData is wrapped by the loaders when their input is malformed.
var ErrBadData = errors.New("gazetteer: bad data")

// tsvColumns is the header of the committed place files, in order. LoadTSV reads
// columns by name, so files may omit optional ones or add others.
var tsvColumns = []string{
	"id", "kind", "name_en", "name_ar", "variants", "lat", "lon", "admin1_pcode",
	"admin2_pcode", "admin2_name", "admin3_pcode", "admin3_name", "population", "importance",
	"point_precision", "same_as", "source", "parts",
}

// LoadTSV reads places from our tab-separated format: a header row naming the
// columns (id, kind, name_en, name_ar, variants separated by "|", lat, lon,
// admin1_pcode, admin2_pcode, admin2_name, admin3_pcode, admin3_name, population,
// importance, point_precision, same_as, source, parts), then one place per row; lines
// starting with "#" are comments.
// Admin1Name is filled from the governorate P-code.
func LoadTSV(r io.Reader) ([]Place, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var col map[string]int
	var places []Place
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if col == nil {
			col = make(map[string]int, len(fields))
			for i, f := range fields {
				col[f] = i
			}
			if _, ok := col["id"]; !ok {
				return nil, fmt.Errorf("%w: line %d: header has no id column", ErrBadData, line)
			}
			continue
		}
		p, err := placeFromFields(fields, col)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrBadData, line, err)
		}
		places = append(places, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: read tsv: %w", err)
	}
	return places, nil
}

func placeFromFields(fields []string, col map[string]int) (Place, error) {
	get := func(name string) string {
		if i, ok := col[name]; ok && i < len(fields) {
			return fields[i]
		}
		return ""
	}
	var p Place
	var err error
	num := func(name string) float64 {
		v, e := strconv.ParseFloat(get(name), 64)
		if e != nil && get(name) != "" && err == nil {
			err = fmt.Errorf("column %s: %v", name, e)
		}
		return v
	}
	p.ID, p.Kind = get("id"), Kind(get("kind"))
	p.NameEN, p.NameAR = get("name_en"), get("name_ar")
	p.Variants = splitList(get("variants"))
	p.Location = orb.Point{num("lon"), num("lat")}
	p.Admin1PCode, p.Admin2PCode, p.Admin2Name = get("admin1_pcode"), get("admin2_pcode"), get("admin2_name")
	p.Admin3PCode, p.Admin3Name = get("admin3_pcode"), get("admin3_name")
	p.Admin1Name = admin1Name(p.Admin1PCode)
	p.Population = int(num("population"))
	p.Importance = num("importance")
	p.PointPrecision = Precision(get("point_precision"))
	p.SameAs = splitList(get("same_as"))
	p.Source = get("source")
	p.Parts = splitList(get("parts"))
	if p.ID == "" || p.NameEN == "" && p.NameAR == "" {
		return p, errors.New("place needs an id and a name")
	}
	return p, err
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// WriteTSV writes places in the format LoadTSV reads, header first.
func WriteTSV(w io.Writer, places []Place) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(tsvColumns, "\t") + "\n")
	for _, p := range places {
		bw.WriteString(EncodeTSVLine(p) + "\n")
	}
	return bw.Flush()
}

// EncodeTSVLine returns p as one row of the LoadTSV format (no newline). Tabs,
// newlines and "|" inside names are replaced by spaces.
func EncodeTSVLine(p Place) string {
	clean := func(s string) string {
		return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ", "|", " ").Replace(s)
	}
	vs := make([]string, len(p.Variants))
	for i, v := range p.Variants {
		vs[i] = clean(v)
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	return strings.Join([]string{
		clean(p.ID), string(p.Kind), clean(p.NameEN), clean(p.NameAR), strings.Join(vs, "|"),
		f(p.Location.Lat()), f(p.Location.Lon()), p.Admin1PCode, p.Admin2PCode, clean(p.Admin2Name),
		p.Admin3PCode, clean(p.Admin3Name), strconv.Itoa(p.Population), strconv.FormatFloat(p.Importance, 'f', 3, 64),
		string(p.PointPrecision), strings.Join(p.SameAs, "|"), clean(p.Source), strings.Join(p.Parts, "|"),
	}, "\t")
}

// placeRecord is the JSON form of a Place for storage; it is not an API.
type placeRecord struct {
	ID             string    `json:"id"`
	NameEN         string    `json:"name_en,omitempty"`
	NameAR         string    `json:"name_ar,omitempty"`
	Variants       []string  `json:"variants,omitempty"`
	Kind           Kind      `json:"kind"`
	Lon            float64   `json:"lon"`
	Lat            float64   `json:"lat"`
	Admin1PCode    string    `json:"admin1_pcode,omitempty"`
	Admin1Name     string    `json:"admin1_name,omitempty"`
	Admin2PCode    string    `json:"admin2_pcode,omitempty"`
	Admin2Name     string    `json:"admin2_name,omitempty"`
	Admin3PCode    string    `json:"admin3_pcode,omitempty"`
	Admin3Name     string    `json:"admin3_name,omitempty"`
	Population     int       `json:"population,omitempty"`
	Importance     float64   `json:"importance,omitempty"`
	Source         string    `json:"source,omitempty"`
	PointPrecision Precision `json:"point_precision,omitempty"`
	SameAs         []string  `json:"same_as,omitempty"`
	Parts          []string  `json:"parts,omitempty"`
}

// MarshalPlace encodes p as JSON bytes for a store that keeps places as opaque
// records keyed by p.ID; UnmarshalPlace reads them back.
func MarshalPlace(p Place) ([]byte, error) {
	return json.Marshal(placeRecord{
		ID: p.ID, NameEN: p.NameEN, NameAR: p.NameAR, Variants: p.Variants, Kind: p.Kind,
		Lon: p.Location.Lon(), Lat: p.Location.Lat(), Admin1PCode: p.Admin1PCode,
		Admin1Name: p.Admin1Name, Admin2PCode: p.Admin2PCode, Admin2Name: p.Admin2Name,
		Admin3PCode: p.Admin3PCode, Admin3Name: p.Admin3Name, Population: p.Population, Importance: p.Importance, Source: p.Source,
		PointPrecision: p.PointPrecision, SameAs: p.SameAs, Parts: p.Parts,
	})
}

// UnmarshalPlace decodes bytes written by MarshalPlace. It wraps [ErrBadData].
func UnmarshalPlace(b []byte) (Place, error) {
	var r placeRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return Place{}, fmt.Errorf("%w: %v", ErrBadData, err)
	}
	if r.ID == "" {
		return Place{}, fmt.Errorf("%w: place record without id", ErrBadData)
	}
	p := Place{
		ID: r.ID, NameEN: r.NameEN, NameAR: r.NameAR, Variants: r.Variants, Kind: r.Kind,
		Location: orb.Point{r.Lon, r.Lat}, Admin1PCode: r.Admin1PCode, Admin1Name: r.Admin1Name,
		Admin2PCode: r.Admin2PCode, Admin2Name: r.Admin2Name, Admin3PCode: r.Admin3PCode,
		Admin3Name: r.Admin3Name, Population: r.Population,
		Importance: r.Importance, Source: r.Source, PointPrecision: r.PointPrecision, SameAs: r.SameAs,
		Parts: r.Parts,
	}
	// Records stored before imports were checked are checked as they are
	// read: an error naming the record, not a load that hangs.
	if err := checkImportedPlace(p); err != nil {
		return Place{}, err
	}
	return p, nil
}
