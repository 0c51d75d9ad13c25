package feature

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"unicode/utf8"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/internal/bom"
	"github.com/mapsrv/mapsrv/internal/jsondup"
	"github.com/mapsrv/mapsrv/internal/jsonerr"
)

// ErrBadGeoJSON is wrapped by decoding errors that are not about one field.
var ErrBadGeoJSON = errors.New("feature: invalid GeoJSON")

// DecodeError says which feature of a stream is wrong and why.
type DecodeError struct {
	N   int // 1-based position of the feature in the stream
	Err error
}

func (e *DecodeError) Error() string { return fmt.Sprintf("feature %d: %v", e.N, e.Err) }
func (e *DecodeError) Unwrap() error { return e.Err }

// Decode reads incidents from r: one GeoJSON FeatureCollection, or features one
// after another (newline-delimited GeoJSON). Features are streamed, never held
// all at once. Each must have a Point geometry and known properties; incidents
// without a status get def. The sequence stops at the first error, a
// [*DecodeError] naming the feature when one feature is at fault. A UTF-8 byte
// order mark opening r is read past (RFC 8259 lets a parser ignore one).
func Decode(r io.Reader, def incidents.Status) iter.Seq2[incidents.Incident, error] {
	return func(yield func(incidents.Incident, error) bool) {
		r, err := bom.Skip(r) // a file from a Windows editor
		if err != nil {
			yield(incidents.Incident{}, fmt.Errorf("%w: %w", ErrBadGeoJSON, err))
			return
		}
		lim := &valueLimit{r: r}
		d := &decoder{dec: json.NewDecoder(lim), lim: lim, def: def, yield: yield}
		if err := d.run(); err != nil {
			yield(incidents.Incident{}, err)
		}
	}
}

type decoder struct {
	dec   *json.Decoder
	lim   *valueLimit
	def   incidents.Status
	yield func(incidents.Incident, error) bool
	n     int
}

// run walks the first top-level object token by token: if it holds "features"
// it is a FeatureCollection, streamed; otherwise it was the first feature of a
// newline-delimited stream, and the rest follow as whole values.
func (d *decoder) run() error {
	if tok, err := d.dec.Token(); err != nil {
		if err == io.EOF {
			return fmt.Errorf("%w: empty input", ErrBadGeoJSON)
		}
		return fmt.Errorf("%w: %v", ErrBadGeoJSON, err)
	} else if tok != json.Delim('{') {
		return fmt.Errorf("%w: want a FeatureCollection or Feature object, got %v", ErrBadGeoJSON, tok)
	}
	first := map[string]json.RawMessage{}
	names := map[string]string{} // the members' names read, by their fold
	for d.dec.More() {
		tok, err := d.dec.Token()
		if err != nil {
			return fmt.Errorf("%w: %v", ErrBadGeoJSON, err)
		}
		key, _ := tok.(string)
		if err := dupMember(names, key); err != nil {
			switch string(first["type"]) {
			case `"Feature"`:
				return &DecodeError{N: 1, Err: err}
			case `"FeatureCollection"`:
				return fmt.Errorf("the FeatureCollection: %w", err)
			}
			return fmt.Errorf("the top-level object: %w", err)
		}
		if key == "features" {
			return d.collection(first, names)
		}
		var v json.RawMessage
		if err := d.decode(&v); err != nil {
			return fmt.Errorf("%w: %q: %v", ErrBadGeoJSON, key, err)
		}
		first[key] = v
	}
	if _, err := d.dec.Token(); err != nil { // the closing brace
		return fmt.Errorf("%w: %v", ErrBadGeoJSON, err)
	}
	raw, _ := json.Marshal(first)
	if !d.feature(raw) {
		return nil
	}
	_, err := d.features()
	return err
}

// features decodes the features left in the array or stream, one at a time.
// stopped is true when one did not decode or the consumer stopped.
func (d *decoder) features() (stopped bool, err error) {
	for d.dec.More() {
		var v json.RawMessage
		if err := d.decode(&v); err != nil {
			return true, &DecodeError{N: d.n + 1, Err: fmt.Errorf("%w: %v", ErrBadGeoJSON, err)}
		}
		if !d.feature(v) {
			return true, nil
		}
	}
	return false, nil
}

func (d *decoder) collection(head map[string]json.RawMessage, names map[string]string) error {
	if t, ok := head["type"]; ok && string(t) != `"FeatureCollection"` {
		return fmt.Errorf("%w: an object with features must have type FeatureCollection, not %s", ErrBadGeoJSON, t)
	}
	if name, ok := names[jsondup.Key("crs")]; ok {
		if err := checkCRS(head[name]); err != nil {
			return fmt.Errorf("the FeatureCollection: %w: %v", ErrBadGeoJSON, err)
		}
	}
	if tok, err := d.dec.Token(); err != nil || tok != json.Delim('[') {
		return fmt.Errorf("%w: features must be an array", ErrBadGeoJSON)
	}
	if stopped, err := d.features(); stopped {
		return err
	}
	if tok, err := d.dec.Token(); err != nil || tok != json.Delim(']') {
		return &DecodeError{N: d.n + 1, Err: fmt.Errorf("%w: the features array is not closed", ErrBadGeoJSON)}
	}
	return d.rest(names)
}

// rest reads the members after "features" and the end of the collection; only
// white space may follow. names holds the names of the members before.
func (d *decoder) rest(names map[string]string) error {
	for d.dec.More() {
		tok, err := d.dec.Token()
		if err != nil {
			return fmt.Errorf("%w: %v", ErrBadGeoJSON, err)
		}
		key, _ := tok.(string)
		if err := dupMember(names, key); err != nil {
			return fmt.Errorf("the FeatureCollection: %w", err)
		}
		var v json.RawMessage
		if err := d.decode(&v); err != nil {
			return fmt.Errorf("%w: %v: %v", ErrBadGeoJSON, tok, err)
		}
		if tok == "type" && string(v) != `"FeatureCollection"` {
			return fmt.Errorf("%w: an object with features must have type FeatureCollection, not %s", ErrBadGeoJSON, v)
		}
		if jsondup.Key(key) == jsondup.Key("crs") {
			if err := checkCRS(v); err != nil {
				return fmt.Errorf("the FeatureCollection: %w: %v", ErrBadGeoJSON, err)
			}
		}
	}
	if tok, err := d.dec.Token(); err != nil || tok != json.Delim('}') {
		return fmt.Errorf("%w: the FeatureCollection is not closed", ErrBadGeoJSON)
	}
	if _, err := d.dec.Token(); err != io.EOF {
		return fmt.Errorf("%w: unexpected data after the FeatureCollection", ErrBadGeoJSON)
	}
	return nil
}

// dupMember notes the name of a member of the top-level object in names (by
// its fold), refusing one named as a member read before (in any case, as
// encoding/json matches names): a second "features" array after the first
// was skipped unread, its features never imported, and a second "type" or
// "geometry" of a first feature replaced the first.
func dupMember(names map[string]string, key string) error {
	f := jsondup.Key(key)
	if k, ok := names[f]; ok {
		d := jsondup.Dup{Name: k}
		if k != key {
			d.Again = key
		}
		return fmt.Errorf("%w: %v", ErrBadGeoJSON, d)
	}
	names[f] = key
	return nil
}

// feature decodes one feature and yields it; it reports whether to go on.
func (d *decoder) feature(raw []byte) bool {
	d.n++
	inc, err := Unmarshal(raw, d.def)
	if err != nil {
		d.yield(incidents.Incident{}, &DecodeError{N: d.n, Err: err})
		return false
	}
	return d.yield(inc, nil)
}

// Unmarshal decodes one GeoJSON feature into a validated incident. Unknown
// properties are errors, so that a misspelt field is not silently dropped,
// and so is a member named twice in one object (two "properties", "killed"
// and "Killed"), which encoding/json would read as the last of them.
//
// A feature that is not valid UTF-8 is refused, naming the byte where it
// stops being so: encoding/json would read each bad byte as U+FFFD and store
// text the file never held (the write handlers check their bodies, the
// importer had not).
func Unmarshal(raw []byte, def incidents.Status) (incidents.Incident, error) {
	p, err := Parse(raw)
	if err != nil {
		return incidents.Incident{}, err
	}
	return p.Incident(def)
}

// Parsed is a feature read from its JSON but not yet made an incident:
// what it becomes depends only on the status it gets when it gives none.
type Parsed struct {
	props Properties
	pt    orb.Point
}

// Status is the status the feature gives, or "" when it gives none.
func (p Parsed) Status() incidents.Status { return incidents.Status(p.props.Status) }

// Incident is the validated incident of the feature, with status def when
// it gives none: Unmarshal(raw, def) is Parse(raw) then Incident(def). It
// reads no JSON, so that a write can parse its body before its transaction
// and make the incident inside it (PUT's default is the stored status).
func (p Parsed) Incident(def incidents.Status) (incidents.Incident, error) {
	return p.props.Incident(p.pt, def)
}

// Parse reads one GeoJSON feature, making every check of Unmarshal that does
// not depend on the status it defaults to.
func Parse(raw []byte) (Parsed, error) {
	if !utf8.Valid(raw) {
		return Parsed{}, fmt.Errorf("%w: not valid UTF-8 at byte %d of the feature", ErrBadGeoJSON, invalidUTF8At(raw))
	}
	if d, ok := jsondup.First(raw, ""); ok {
		return Parsed{}, fmt.Errorf("%w: %v", ErrBadGeoJSON, d)
	}
	var f struct {
		Type       string          `json:"type"`
		ID         json.RawMessage `json:"id"`
		Geometry   json.RawMessage `json:"geometry"`
		Properties json.RawMessage `json:"properties"`
		CRS        json.RawMessage `json:"crs"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return Parsed{}, fmt.Errorf("%w: %s", ErrBadGeoJSON, jsonerr.Describe(err))
	}
	if f.Type != "Feature" {
		return Parsed{}, fmt.Errorf("%w: type is %q, want Feature", ErrBadGeoJSON, f.Type)
	}
	if err := checkCRS(f.CRS); err != nil {
		return Parsed{}, fmt.Errorf("%w: %v", ErrBadGeoJSON, err)
	}
	pt, err := decodePoint(f.Geometry)
	if err != nil {
		return Parsed{}, err
	}
	if len(f.Properties) == 0 { // encoding/json would say "EOF"
		return Parsed{}, fmt.Errorf("%w: properties: missing; a feature gives its properties as an object", ErrBadGeoJSON)
	}
	var p Properties
	dec := json.NewDecoder(bytes.NewReader(f.Properties))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); errors.Is(err, incidents.ErrInvalid) {
		return Parsed{}, err // too many sources, in Validate's words
	} else if err != nil {
		return Parsed{}, fmt.Errorf("%w: properties: %s", ErrBadGeoJSON, jsonerr.Describe(err))
	}
	return Parsed{props: p, pt: pt}, nil
}

// invalidUTF8At is the offset of the first byte of b that is not part of a
// valid UTF-8 sequence, or len(b).
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// decodePoint reads a GeoJSON Point geometry: its position must be exactly
// two numbers, longitude and latitude, or three, the third an altitude,
// which is dropped (incidents are points on the map). orb's decoder reads
// [] as (0, 0), [36.5] as (36.5, 0) and ignores extra numbers, putting a
// wrong incident at a real place.
// CheckPoint reports what is wrong with a GeoJSON Point geometry as a
// feature's, or nil.
func CheckPoint(raw json.RawMessage) error {
	_, err := decodePoint(raw)
	return err
}

func decodePoint(raw json.RawMessage) (orb.Point, error) {
	var g struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
		CRS         json.RawMessage `json:"crs"`
	}
	if len(raw) == 0 || string(raw) == "null" {
		return orb.Point{}, fmt.Errorf("%w: geometry: a Point is required", ErrBadGeoJSON)
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return orb.Point{}, fmt.Errorf("%w: geometry: %s", ErrBadGeoJSON, jsonerr.Describe(err))
	}
	if err := checkCRS(g.CRS); err != nil {
		return orb.Point{}, fmt.Errorf("%w: geometry: %v", ErrBadGeoJSON, err)
	}
	if g.Type != "Point" {
		return orb.Point{}, fmt.Errorf("%w: geometry: want a Point, got %q", ErrBadGeoJSON, g.Type)
	}
	// Counted first: 1 MiB of numbers decoded into 500,000 pointers before
	// they were counted.
	if n := arrayLen(g.Coordinates); n > 3 {
		return orb.Point{}, fmt.Errorf("%w: geometry: coordinates: want [lon, lat] or [lon, lat, altitude], got %d numbers", ErrBadGeoJSON, n)
	}
	var pos []*float64
	if err := json.Unmarshal(g.Coordinates, &pos); err != nil || len(g.Coordinates) == 0 {
		return orb.Point{}, fmt.Errorf("%w: geometry: coordinates: want an array of numbers [lon, lat]", ErrBadGeoJSON)
	}
	if len(pos) != 2 && len(pos) != 3 {
		return orb.Point{}, fmt.Errorf("%w: geometry: coordinates: want [lon, lat] or [lon, lat, altitude], got %d numbers", ErrBadGeoJSON, len(pos))
	}
	for _, v := range pos {
		if v == nil {
			return orb.Point{}, fmt.Errorf("%w: geometry: coordinates: null is not a number", ErrBadGeoJSON)
		}
	}
	return orb.Point{*pos[0], *pos[1]}, nil
}

// MaxFeatureBytes bounds one feature (or other member) of a GeoJSON import,
// as the API's body limit bounds one posted: an import reads a feature whole,
// and a 100 MB one cost about 570 MB before it was refused.
const MaxFeatureBytes = 1 << 20

// decode reads the next JSON value, failing once it runs past MaxFeatureBytes.
func (d *decoder) decode(v *json.RawMessage) error {
	d.lim.start = d.dec.InputOffset()
	return d.dec.Decode(v)
}

// valueLimit fails once the JSON decoder has read more than MaxFeatureBytes
// past the start of the value it is decoding, and as much again for what its
// buffer reads ahead.
type valueLimit struct {
	r           io.Reader
	read, start int64
}

func (l *valueLimit) Read(p []byte) (int, error) {
	if l.read-l.start > 2*MaxFeatureBytes {
		return 0, fmt.Errorf("a value longer than %d bytes", MaxFeatureBytes)
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}
