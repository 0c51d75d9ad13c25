package gazetteer

import (
	"bufio"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"

	"github.com/mapsrv/mapsrv/geo"
	"github.com/mapsrv/mapsrv/internal/bom"
	"github.com/mapsrv/mapsrv/internal/jsonerr"
)

// ochaSource is the attribution of every place ParseOCHA returns.
const ochaSource = "OCHA Syria Common Operational Datasets (CC BY 3.0 IGO)"

// ParseOCHA reads one of the OCHA Syria common operational datasets as distributed
// on HDX, telling them apart by their fields: communities (points with PCODE,
// NAME_EN, NAME_ARA, ADMIN1_COD..ADMIN3_COD, CAPIT_LVL), admin-1/2/3 polygons
// (adm1_pcode, adm2_pcode, adm3_pcode ...) and city neighbourhoods (neighborho,
// neighbor_1, neighbor_2, adm4_*, and the city areas areapcode, areaname_*).
// Polygons come back as areas for reverse geocoding and as places at their centres;
// a city area (Damascus's Mazzeh, Midan ...) becomes a place at the centre of its
// neighbourhoods. Place IDs are "ocha:" plus the P-code ("adm1:" plus it for
// governorates, "ocha:C1001/A009" for a city area), so re-importing a file yields the
// same IDs. English names that spell a governorate's name are written the one way
// this package uses everywhere (Lattakia becomes Latakia). Invalid UTF-8 in names is
// dropped. It wraps [ErrBadData] when no feature has a known schema.
func ParseOCHA(r io.Reader) ([]Place, []Area, error) {
	var places []Place
	var areas []Area
	err := ScanOCHA(r, func(p Place) error {
		places = append(places, p)
		return nil
	}, func(a Area) error {
		areas = append(areas, a)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return places, areas, nil
}

// ScanOCHA reads a file as ParseOCHA does, one feature at a time, giving
// each place and area to place and area as it is read, the city areas'
// places after every feature's; it stops at the first error either returns.
// It holds one feature and the city areas at a time, where ParseOCHA read
// the whole file and every record made of it (200,000 communities: 616 MB).
// A feature refused, or a file that is not a FeatureCollection, is an error
// as ParseOCHA's, found when it is read: what was given before it is the
// caller's to drop.
func ScanOCHA(r io.Reader, place func(Place) error, area func(Area) error) error {
	bad := func(err error) error { return fmt.Errorf("%w: ocha: %v", ErrBadData, err) }
	r, err := bom.Skip(r) // a file from a Windows editor
	if err != nil {
		return bad(err)
	}
	src := &readErr{r: r}
	lim := &ochaLimit{r: src, what: "the FeatureCollection"}
	dec := json.NewDecoder(lim)
	read := func(err error) error {
		if lim.over {
			return bad(fmt.Errorf("%s: longer than %d bytes (MaxOCHAFeatureBytes)", lim.what, MaxOCHAFeatureBytes))
		}
		if src.err != nil {
			return fmt.Errorf("gazetteer: read ocha: %w", src.err)
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			err = errors.New("unexpected end of JSON input") // as json.Unmarshal says it
		}
		if errors.As(err, new(*json.UnmarshalTypeError)) { // the collection's "type"
			return bad(fmt.Errorf("%s: %s", lim.what, jsonerr.Describe(err)))
		}
		return bad(err)
	}
	if tok, err := dec.Token(); err != nil {
		return read(err)
	} else if tok != json.Delim('{') {
		return bad(fmt.Errorf("the file: %s where an object (a FeatureCollection) is wanted", kindWords(tok)))
	}
	n, recognised, typ, seen := 0, false, "", map[string]bool{}
	cities := cityAreas{}
	for dec.More() {
		lim.start, lim.what = dec.InputOffset(), "a member's name"
		tok, err := dec.Token()
		if err != nil {
			return read(err)
		}
		key, _ := tok.(string)
		if seen[key] && (key == "type" || key == "features") {
			// encoding/json kept the last: the features read before it
			// would have been dropped unread.
			return bad(fmt.Errorf("the FeatureCollection: member %q given twice", key))
		}
		seen[key] = true
		switch key {
		case "type":
			if err := lim.decode(dec, &typ, `member "type"`); err != nil {
				return read(err)
			}
			if typ != "FeatureCollection" {
				return bad(fmt.Errorf("geojson: not a feature collection: type=%s", typ))
			}
		case "features":
			tok, err := dec.Token()
			if err != nil {
				return read(err)
			}
			if tok == nil {
				continue // null: no features
			}
			if tok != json.Delim('[') {
				return bad(fmt.Errorf("member \"features\": %s where an array is wanted", kindWords(tok)))
			}
			for dec.More() {
				n++
				var raw json.RawMessage
				if err := lim.decode(dec, &raw, fmt.Sprintf("feature %d", n)); err != nil {
					return read(err)
				}
				var f geojson.Feature
				if err := json.Unmarshal(raw, &f); err != nil {
					return bad(fmt.Errorf("feature %d: %s", n, describeFeatureError(raw, err)))
				}
				known, err := ochaFeature(n, &f, cities, place, area)
				if err != nil {
					return err
				}
				recognised = recognised || known
			}
			if _, err := dec.Token(); err != nil { // ]
				return read(err)
			}
		default: // bbox and foreign members: read and dropped, as before
			var skip json.RawMessage
			if err := lim.decode(dec, &skip, fmt.Sprintf("member %q", key)); err != nil {
				return read(err)
			}
			if strings.EqualFold(key, "crs") {
				// GeoJSON 2008's: only CRS84 is longitude first for sure
				// (geo.CheckCRSMember), as for incidents.
				if err := geo.CheckCRSMember(skip); err != nil {
					return bad(fmt.Errorf("the FeatureCollection: %v", err))
				}
			}
		}
	}
	if _, err := dec.Token(); err != nil { // }
		return read(err)
	}
	rest := bufio.NewReader(io.MultiReader(dec.Buffered(), src))
	for {
		c, err := rest.ReadByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			return read(err)
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			q := strconv.QuoteRune(rune(c))
			if c >= utf8.RuneSelf {
				q = fmt.Sprintf("'\\x%02x'", c)
			}
			return bad(fmt.Errorf("invalid character %s after top-level value", q))
		}
	}
	if typ != "FeatureCollection" {
		return bad(fmt.Errorf("geojson: not a feature collection: type=%s", typ))
	}
	if !recognised {
		return fmt.Errorf("%w: no OCHA features recognised", ErrBadData)
	}
	for _, p := range cities.places() {
		if err := place(p); err != nil {
			return err
		}
	}
	return nil
}

// jsonKind names the kind of value a token of encoding/json starts.
func jsonKind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return "array"
		}
		return "object"
	case string:
		return "string"
	case float64, json.Number:
		return "number"
	case bool:
		return "bool"
	}
	return "null"
}

// ochaFeature reads the n-th feature of a file into its place and area, if
// it has a schema this package knows.
func ochaFeature(n int, f *geojson.Feature, cities cityAreas, place func(Place) error, area func(Area) error) (bool, error) {
	pr := f.Properties
	var p Place
	var a Area
	hasArea, neighbourhood := true, has(pr, "neighborho") && has(pr, "neighbor_2")
	switch {
	case has(pr, "PCODE") && has(pr, "NAME_EN"):
		p, hasArea = ochaCommunity(f), false
	case neighbourhood:
		p, a = ochaNeighbourhood(f)
	case has(pr, "adm3_pcode"):
		p, a = ochaAdmin(f, 3)
	case has(pr, "adm2_pcode"):
		p, a = ochaAdmin(f, 2)
	case has(pr, "adm1_pcode"):
		p, a = ochaAdmin(f, 1)
	default:
		return false, nil
	}
	// A record the gazetteer cannot hold is refused here, naming the
	// feature: stored, it would make every later load fail or hang.
	err := checkImportedPlace(p)
	if err == nil && hasArea {
		err = checkImportedArea(a)
	}
	if err != nil {
		return true, fmt.Errorf("ocha: feature %d: %w", n, err)
	}
	if err := place(p); err != nil {
		return true, err
	}
	if hasArea {
		if err := area(a); err != nil {
			return true, err
		}
	}
	if neighbourhood && hasArea {
		cities.add(pr, p, a)
	}
	return true, nil
}

// MaxOCHAFeatureBytes bounds one feature of an OCHA file (or another
// member of its collection), as written: 25 times the largest of OCHA's
// 2020 outlines (a district of 657 KB), so that a feature without end (a
// polygon of 300 MB) is refused after some 32 MB of reading rather than
// read whole. encoding/json's Decoder holds a value whole while it decodes
// it.
const MaxOCHAFeatureBytes = 16 << 20

// ochaLimit fails the reads of a value once the decoder has read more than
// twice MaxOCHAFeatureBytes past its start (its buffer reads ahead up to
// as much again as the value), and decode refuses a value longer than
// MaxOCHAFeatureBytes once read.
type ochaLimit struct {
	r           io.Reader
	read, start int64
	what        string // the value being read
	over        bool
}

func (l *ochaLimit) Read(p []byte) (int, error) {
	room := 2*MaxOCHAFeatureBytes + 64<<10 - (l.read - l.start)
	if room <= 0 {
		l.over = true
		return 0, errOCHATooLong
	}
	if int64(len(p)) > room { // the decoder asks for as much again as it holds
		p = p[:room]
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

var errOCHATooLong = errors.New("a value too long")

// decode decodes the next value of dec into v, what naming it.
func (l *ochaLimit) decode(dec *json.Decoder, v any, what string) error {
	l.start, l.what = dec.InputOffset(), what
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.InputOffset()-l.start > MaxOCHAFeatureBytes {
		l.over = true
		return errOCHATooLong
	}
	return nil
}

// readErr remembers an error of the reader, other than its end, to tell a
// file that could not be read from one that is not GeoJSON.
type readErr struct {
	r   io.Reader
	err error
}

func (r *readErr) Read(b []byte) (int, error) {
	n, err := r.r.Read(b)
	if err != nil && err != io.EOF {
		r.err = err
	}
	return n, err
}

func has(p geojson.Properties, key string) bool {
	v, ok := p[key]
	return ok && v != nil
}

// str returns a string property without replacement characters, padding and the
// "<Null>" that some OCHA files write for no value.
func str(p geojson.Properties, key string) string {
	s, _ := p[key].(string)
	s = strings.TrimSpace(strings.ReplaceAll(s, "\uFFFD", ""))
	if s == "<Null>" {
		return ""
	}
	return s
}

func ochaCommunity(f *geojson.Feature) Place {
	pr := f.Properties
	capital := -1
	if v, ok := number(pr, "CAPIT_LVL"); ok {
		capital = int(v)
	}
	kind := KindVillage
	switch capital {
	case 0, 1:
		kind = KindCity
	case 2, 3:
		kind = KindTown
	}
	lon, _ := number(pr, "LONGITUDE")
	lat, _ := number(pr, "LATITUDE")
	pt := orb.Point{lon, lat}
	if lon == 0 && lat == 0 && f.Geometry != nil {
		pt = f.Geometry.Bound().Center()
	}
	// OCHA joins a community's two names with "_" in Arabic where its English
	// has " - " ("Ora Qabli - Edwan"); shown on the map, the Arabic reads so too.
	ar := strings.ReplaceAll(str(pr, "NAME_ARA"), "_", " - ")
	p := Place{
		ID: "ocha:" + str(pr, "PCODE"), NameEN: canonicalEN(str(pr, "NAME_EN"), ar), NameAR: ar,
		Kind: kind, Location: pt, Admin1PCode: str(pr, "ADMIN1_COD"),
		Admin2PCode: str(pr, "ADMIN2_COD"), Admin2Name: canonicalEN(str(pr, "ADMIN2_EN"), str(pr, "ADMIN2_ARA")),
		Admin3PCode: str(pr, "ADMIN3_COD"), Admin3Name: canonicalEN(str(pr, "ADMIN3_EN"), str(pr, "ADMIN3_ARA")),
		Importance: EstimateImportance(kind, 0, capital), Source: ochaSource,
	}
	p.Admin1Name = admin1Name(p.Admin1PCode)
	p.Variants = distinctNames(p, append(qualifiedVariants(str(pr, "NAM_EN_REF"), p.NameEN, p.NameAR), str(pr, "NAME_EN")))
	return p
}

// distinctNames returns the names of vs that are not already among p's preferred
// names or earlier in vs, compared normalised.
func distinctNames(p Place, vs []string) []string {
	seen := map[string]bool{Normalize(p.NameEN): true, Normalize(p.NameAR): true}
	var out []string
	for _, v := range vs {
		if n := Normalize(v); n != "" && !seen[n] {
			seen[n] = true
			out = append(out, v)
		}
	}
	return out
}

// qualifiedVariants returns the extra names of an OCHA community: its reference
// spelling, and the bare names of entries qualified by a neighbour ("Dweila -
// Dreikish", "الدنانير_دنيكره", "الربوة / حربوق").
func qualifiedVariants(ref string, names ...string) []string {
	var out []string
	if ref != "" && Normalize(ref) != Normalize(names[0]) {
		out = append(out, ref)
	}
	for _, n := range append(names, ref) {
		for _, sep := range []string{" - ", "- ", " -", "_", "/"} {
			if before, _, ok := strings.Cut(n, sep); ok && len(strings.TrimSpace(before)) >= 3 {
				out = append(out, strings.TrimSpace(before))
				break
			}
		}
	}
	return out
}

// joinedQuarters returns the names of the quarters OCHA joins into one
// neighbourhood with "_" ("الحرية_ عش الورور", "Tashreen_ Harabesh"): each
// is a name the news gives it by. A name without "_", or whose "_" only
// joins an article ("Al_Sad"), gives none.
func joinedQuarters(name string) []string {
	parts := strings.Split(name, "_")
	if len(parts) < 2 {
		return nil
	}
	var out []string
	for _, q := range parts {
		q = strings.TrimSpace(q)
		if len(q) < 3 {
			return nil // "Al_Sad": one name, its article joined
		}
		out = append(out, q)
	}
	return out
}

// ochaNeighbourhood reads a city neighbourhood. Its district name is left empty:
// [New] fills it from the district's P-code, where the file names only the city.
func ochaNeighbourhood(f *geojson.Feature) (Place, Area) {
	pr := f.Properties
	mp := toMultiPolygon(f.Geometry)
	center, _ := planar.CentroidArea(mp)
	adm3 := str(pr, "adm3_pcode")
	p := Place{
		ID: "ocha:" + str(pr, "neighbor_2"), NameEN: str(pr, "neighborho"), NameAR: str(pr, "neighbor_1"),
		Kind: KindNeighbourhood, Location: center, Importance: EstimateImportance(KindNeighbourhood, 0, -1),
		Source: ochaSource,
	}
	p.Variants = distinctNames(p, append(joinedQuarters(p.NameEN), joinedQuarters(p.NameAR)...))
	if len(adm3) >= 6 {
		p.Admin1PCode, p.Admin2PCode, p.Admin3PCode = adm3[:4], adm3[:6], adm3
	}
	p.Admin1Name = admin1Name(p.Admin1PCode)
	a := Area{Level: 4, PCode: str(pr, "neighbor_2"), NameEN: p.NameEN, NameAR: p.NameAR,
		Admin1PCode: p.Admin1PCode, Admin2PCode: p.Admin2PCode, Geometry: mp, Center: center}
	return p, a
}

// cityAreas gathers the neighbourhoods of each named city area (OCHA's areapcode).
type cityAreas map[string]*cityArea

type cityArea struct {
	place Place
	sum   orb.Point // area-weighted sum of the neighbourhoods' centroids
	area  float64
}

func (c cityAreas) add(pr geojson.Properties, n Place, a Area) {
	code, city := str(pr, "areapcode"), str(pr, "adm4_pcode")
	if code == "" || city == "" {
		return
	}
	id := "ocha:" + city + "/" + code
	ca := c[id]
	if ca == nil {
		ca = &cityArea{place: n}
		ca.place.ID, ca.place.NameEN, ca.place.NameAR = id, str(pr, "areaname_e"), str(pr, "areaname_a")
		c[id] = ca
	}
	w := planar.Area(a.Geometry)
	ca.sum = orb.Point{ca.sum[0] + w*a.Center[0], ca.sum[1] + w*a.Center[1]}
	ca.area += w
}

// places returns the city areas by ID, each at the centroid of its neighbourhoods.
func (c cityAreas) places() []Place {
	out := make([]Place, 0, len(c))
	for _, ca := range c {
		p := ca.place
		if ca.area > 0 {
			p.Location = orb.Point{ca.sum[0] / ca.area, ca.sum[1] / ca.area}
		}
		if p.NameEN != "" || p.NameAR != "" {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b Place) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// ochaAdmin reads an admin-1, -2 or -3 polygon.
func ochaAdmin(f *geojson.Feature, level int) (Place, Area) {
	pr := f.Properties
	pre := fmt.Sprintf("adm%d_", level)
	mp := toMultiPolygon(f.Geometry)
	a := Area{Level: level, PCode: str(pr, pre+"pcode"), NameEN: canonicalEN(str(pr, pre+"name"), str(pr, pre+"name1")),
		NameAR: str(pr, pre+"name1"), Admin1PCode: str(pr, "adm1_pcode"), Admin2PCode: str(pr, "adm2_pcode"), Geometry: mp}
	if n := admin1Name(a.PCode); level == 1 && n != "" {
		a.NameEN = n
	}
	lon, lok := number(pr, "center_lon")
	lat, aok := number(pr, "center_lat")
	a.Center = orb.Point{lon, lat}
	if !lok || !aok {
		a.Center, _ = planar.CentroidArea(mp)
	}
	kind, id := map[int]Kind{1: KindGovernorate, 2: KindDistrict, 3: KindSubdistrict}[level], "ocha:"+a.PCode
	if level == 1 {
		id = "adm1:" + a.PCode
	}
	p := Place{ID: id, NameEN: a.NameEN, NameAR: a.NameAR, Kind: kind, Location: a.Center,
		Admin1PCode: a.Admin1PCode, Admin1Name: admin1Name(a.Admin1PCode), Admin2PCode: a.Admin2PCode,
		Importance: EstimateImportance(kind, 0, -1), Source: ochaSource}
	p.Variants = distinctNames(p, []string{str(pr, pre+"ref_n"), str(pr, pre+"name")})
	if level >= 2 {
		p.Admin2Name = canonicalEN(str(pr, "adm2_name"), str(pr, "adm2_name1"))
	}
	if level == 3 {
		p.Admin3PCode, p.Admin3Name = a.PCode, a.NameEN
	}
	return p, a
}
