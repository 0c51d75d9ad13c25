// Package feature converts incidents to and from GeoJSON features, the
// interchange format of the API, of import and of export. The property names
// are a contract other tools rely on: they are extended, never renamed.
package feature

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/mapsrv/mapsrv/incidents"
)

// Properties are an incident's GeoJSON feature properties.
type Properties struct {
	IncidentType  string     `json:"incident_type"`
	DateFrom      *string    `json:"date_from"` // null only for a draft whose date is unknown
	DateTo        *string    `json:"date_to"`
	DatePrecision *string    `json:"date_precision"`
	PlaceNameAR   string     `json:"place_name_ar"`
	PlaceNameEN   string     `json:"place_name_en"`
	Admin1PCode   string     `json:"admin1_pcode"`
	Admin1Name    string     `json:"admin1_name"`
	Admin2PCode   string     `json:"admin2_pcode"`
	GeoPrecision  string     `json:"geo_precision"`
	Killed        *int       `json:"killed"`
	Injured       *int       `json:"injured"`
	Arrested      *int       `json:"arrested"`
	SummaryAR     string     `json:"summary_ar"`
	SummaryEN     string     `json:"summary_en"`
	Sources       SourceList `json:"sources"`
	Status        string     `json:"status,omitempty"`
	CreatedAt     *jsonTime  `json:"created_at,omitempty"`
	UpdatedAt     *jsonTime  `json:"updated_at,omitempty"`
}

// SourceList is the sources property. It is counted before it is decoded:
// decoded first, a 1 MiB body of "sources": [{},{},…] became 349,000
// sources (some 100 MB) before the 100 an incident may cite was checked.
// Members of its sources that are not a source's are refused, as the
// properties' are.
type SourceList []Source

// UnmarshalJSON refuses more than [incidents.MaxSources] sources before
// reading any.
func (l *SourceList) UnmarshalJSON(b []byte) error {
	if err := incidents.CheckSourceCount(arrayLen(b)); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode((*[]Source)(l))
}

// Source is one entry of the sources property.
type Source struct {
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Publisher string  `json:"publisher"`
	Published *string `json:"published"` // YYYY-MM-DD or null
}

// jsonTime is an RFC 3339 timestamp.
type jsonTime struct{ time.Time }

func (t jsonTime) MarshalJSON() ([]byte, error) {
	return json.Marshal(t.UTC().Format(time.RFC3339))
}

func (t *jsonTime) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		// time's own words name its layout ("2006-01-02T15:04:05…").
		return fmt.Errorf("%q is not an RFC 3339 instant such as 2025-12-05T10:30:00Z", s)
	}
	t.Time = v
	return nil
}

// PropertiesOf returns the feature properties of inc.
func PropertiesOf(inc incidents.Incident) Properties {
	p := Properties{
		IncidentType: string(inc.Type), DateFrom: nullable(incidents.FormatDate(inc.DateFrom)),
		DateTo: nullable(incidents.FormatDate(inc.DateTo)), DatePrecision: nullable(string(inc.DatePrecision)),
		PlaceNameAR: inc.PlaceNameAR, PlaceNameEN: inc.PlaceNameEN, Admin1PCode: inc.Admin1PCode,
		Admin1Name: inc.Admin1Name, Admin2PCode: inc.Admin2PCode, GeoPrecision: string(inc.GeoPrecision), Killed: inc.Killed,
		Injured: inc.Injured, Arrested: inc.Arrested, SummaryAR: inc.SummaryAR, SummaryEN: inc.SummaryEN,
		Sources: make([]Source, len(inc.Sources)), Status: string(inc.Status),
	}
	if !inc.CreatedAt.IsZero() {
		p.CreatedAt, p.UpdatedAt = &jsonTime{inc.CreatedAt}, &jsonTime{inc.UpdatedAt}
	}
	for i, s := range inc.Sources {
		p.Sources[i] = SourceOf(s)
	}
	return p
}

// SourceOf returns src as an entry of the sources property.
func SourceOf(src incidents.Source) Source {
	out := Source{Title: src.Title, URL: src.URL, Publisher: src.Publisher}
	if !src.Published.IsZero() {
		d := src.Published.Format(incidents.DateLayout)
		out.Published = &d
	}
	return out
}

// Feature is an incident as a GeoJSON feature with a point geometry.
type Feature struct {
	Type       string        `json:"type"`
	ID         int64         `json:"id,omitempty"`
	Geometry   geojson.Point `json:"geometry"`
	Properties Properties    `json:"properties"`
}

// Of returns inc as a GeoJSON feature, its id the incident's ID.
func Of(inc incidents.Incident) Feature {
	return Feature{Type: "Feature", ID: inc.ID, Geometry: geojson.Point(inc.Location), Properties: PropertiesOf(inc)}
}

// Incident converts properties and a point into a validated incident. Status
// defaults to def when the properties give none; date_to to date_from; and
// date_precision, when dates are given without it, to day for one day and
// range for several. Errors name the field.
func (p Properties) Incident(pt orb.Point, def incidents.Status) (incidents.Incident, error) {
	inc := incidents.Incident{
		Type: incidents.Type(p.IncidentType), DatePrecision: incidents.DatePrecision(deref(p.DatePrecision)),
		PlaceNameAR: p.PlaceNameAR, PlaceNameEN: p.PlaceNameEN, Admin1PCode: p.Admin1PCode,
		Admin1Name: p.Admin1Name, Admin2PCode: p.Admin2PCode, Location: pt, GeoPrecision: incidents.GeoPrecision(p.GeoPrecision),
		Killed: p.Killed, Injured: p.Injured, Arrested: p.Arrested, SummaryAR: p.SummaryAR,
		SummaryEN: p.SummaryEN, Status: incidents.Status(p.Status),
	}
	if inc.Status == "" {
		inc.Status = def
	}
	var err error
	if inc.DateFrom, err = parseDate("date_from", deref(p.DateFrom)); err != nil {
		return inc, err
	}
	if deref(p.DateTo) == "" {
		inc.DateTo = inc.DateFrom
	} else if inc.DateTo, err = parseDate("date_to", *p.DateTo); err != nil {
		return inc, err
	}
	if inc.DatePrecision == "" && !inc.DateFrom.IsZero() {
		inc.DatePrecision = incidents.DateDay
		if !inc.DateTo.Equal(inc.DateFrom) {
			inc.DatePrecision = incidents.DateRange
		}
	}
	if p.CreatedAt != nil {
		inc.CreatedAt = p.CreatedAt.Time
	}
	if p.UpdatedAt != nil {
		inc.UpdatedAt = p.UpdatedAt.Time
	}
	for i, s := range p.Sources {
		src := incidents.Source{Title: s.Title, URL: incidents.CanonicalURL(s.URL), Publisher: s.Publisher}
		if s.Published != nil && *s.Published != "" {
			if src.Published, err = parseDate(fmt.Sprintf("sources[%d].published", i), *s.Published); err != nil {
				return inc, err
			}
		}
		inc.Sources = append(inc.Sources, src)
	}
	return inc, inc.Validate()
}

// nullable is nil for "", so that unknown values encode as null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func parseDate(field, s string) (time.Time, error) { return incidents.ParseDateField(field, s) }
