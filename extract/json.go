package extract

import (
	"encoding/json"
	"time"
)

// candidateJSON is the wire form of a Candidate, the object `mapsrv extract
// --json` prints and POST /api/ingest returns (issue 4).
type candidateJSON struct {
	IncidentType  string      `json:"incident_type"`
	DateFrom      *string     `json:"date_from"`
	DateTo        *string     `json:"date_to"`
	DatePrecision *string     `json:"date_precision"`
	PlaceNameAR   *string     `json:"place_name_ar"`
	PlaceNameEN   *string     `json:"place_name_en"`
	Lat           *float64    `json:"lat"`
	Lon           *float64    `json:"lon"`
	Admin1PCode   *string     `json:"admin1_pcode"`
	Admin1Name    *string     `json:"admin1_name"` // an extension of issue 4's object
	Admin2PCode   *string     `json:"admin2_pcode"`
	Admin2Name    *string     `json:"admin2_name"`
	GeoPrecision  *string     `json:"geo_precision"`
	Places        []placeJSON `json:"places"`
	Killed        *int        `json:"killed"`
	Injured       *int        `json:"injured"`
	Arrested      *int        `json:"arrested"`
	Evidence      string      `json:"evidence"`
	Notes         []string    `json:"notes"` // an extension: what a reviewer should check
}

type placeJSON struct {
	Text        string  `json:"text"`
	NameEN      string  `json:"name_en"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Admin1PCode string  `json:"admin1_pcode"`
	Role        string  `json:"role"`
}

// MarshalJSON encodes c as the candidate object of issue 4: dates as
// "YYYY-MM-DD", and null for every unknown date, place field and count. It adds
// "admin1_name", the English governorate name, the district's "admin2_pcode"
// and "admin2_name", and "notes": what a reviewer should check ("year 2023
// inferred from the weekday (Saturday); check"), an empty list when nothing.
func (c Candidate) MarshalJSON() ([]byte, error) {
	out := candidateJSON{
		IncidentType: c.IncidentType, DateFrom: dateString(c.DateFrom), DateTo: dateString(c.DateTo),
		DatePrecision: nonEmpty(c.DatePrecision), PlaceNameAR: nonEmpty(c.PlaceNameAR),
		PlaceNameEN: nonEmpty(c.PlaceNameEN), Admin1PCode: nonEmpty(c.Admin1PCode), Admin1Name: nonEmpty(c.Admin1Name),
		Admin2PCode: nonEmpty(c.Admin2PCode), Admin2Name: nonEmpty(c.Admin2Name),
		GeoPrecision: nonEmpty(c.GeoPrecision), Places: make([]placeJSON, 0, len(c.Places)),
		Killed: c.Killed, Injured: c.Injured, Arrested: c.Arrested, Evidence: c.Evidence,
		Notes: append(make([]string, 0, len(c.Notes)), c.Notes...),
	}
	if c.HasLocation {
		lat, lon := c.Location.Lat(), c.Location.Lon()
		out.Lat, out.Lon = &lat, &lon
	}
	for _, p := range c.Places {
		out.Places = append(out.Places, placeJSON(p))
	}
	return json.Marshal(out)
}

func dateString(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
