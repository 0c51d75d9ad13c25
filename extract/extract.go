// Package extract proposes candidate incidents from Arabic and English news
// text: what happened (a type from the incidents vocabulary), when, where, how
// many were killed, injured or arrested, and the sentences that say so.
//
// It is a rule-based reader for a person to review, not a judge: fields it
// cannot read stay unknown (nil, zero) and never get invented, and each
// candidate carries its evidence and notes on what was left out. Places come
// from a gazetteer through the [Places] interface; dates are civil dates (UTC
// midnight); coordinates are WGS 84 in orb's [lon, lat] order.
package extract

import (
	"time"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/paulmach/orb"
)

// Places finds the place names in running text. *gazetteer.Gazetteer
// implements it.
type Places interface {
	FindAll(text string) []gazetteer.Mention
}

// The roles a place plays in a candidate's sentences.
const (
	RoleIncident     = "incident"     // where it happened
	RoleReference    = "reference"    // a landmark to measure from: "80 كم شرقي دير الزور", "near Saraqeb"
	RoleDateline     = "dateline"     // where the report was filed: "دمشق-سانا"
	RoleContext      = "context"      // an area holding the incident place, the country, or another candidate's place
	RoleOrigin       = "origin"       // someone's home, residence, or a journey's start or end: "من أبناء بلدة"
	RoleRoute        = "route"        // a road named by its ends: "طريق نوى – الشيخ مسكين"
	RoleOrganisation = "organisation" // part of an institution's or outlet's name: "قسم شرطة الميدان"
	RoleStreet       = "street"       // a street or square named after a place: "Baghdad street"
)

// PlaceRef is one place named in a candidate's sentences and the role it plays.
type PlaceRef struct {
	Text        string // as written in the text
	NameEN      string
	Lat, Lon    float64
	Admin1PCode string
	Role        string // RoleIncident, RoleReference, RoleDateline, RoleContext, RoleOrigin, RoleRoute, ...
}

// Candidate is one incident proposed from a text, for a person to review.
type Candidate struct {
	IncidentType  string    // TypeArrest, TypeAirstrike, ...
	DateFrom      time.Time // UTC midnight; zero when unknown
	DateTo        time.Time // UTC midnight, not before DateFrom; zero when unknown
	DatePrecision string    // PrecisionDay, PrecisionRange, PrecisionMonth, PrecisionYear; empty when unknown
	PlaceNameAR   string    // Arabic reports: the incident place as written, without the words around it ("البدروسية"); English ones: the gazetteer's Arabic name
	PlaceNameEN   string    // English reports: the name as written ("al-Hamra"); Arabic ones: the gazetteer's English name with its qualifier ("northern rural Latakia")
	Location      orb.Point // [lon, lat]; meaningful only if HasLocation
	HasLocation   bool
	Admin1PCode   string // OCHA governorate P-code, SY01..SY14; empty when unknown
	Admin1Name    string // English name of that governorate ("Idlib"); empty when unknown
	Admin2PCode   string // OCHA district P-code when the gazetteer knows it
	Admin2Name    string
	GeoPrecision  string // gazetteer.Precision of the incident place: "town", "governorate", ...
	Places        []PlaceRef
	Killed        *int // nil when not stated or vague ("عشرات")
	Injured       *int
	Arrested      *int
	Evidence      string   // the sentence(s) the fields came from, as written
	Notes         []string // what a reviewer should know: vague counts, unresolved dates, merged mentions
}

// Extractor finds candidate incidents in text. It holds no state between
// calls, so it is safe for concurrent use if its Places is.
type Extractor struct {
	places Places
	now    func() time.Time // the clock; no year is inferred for a date after it
}

// New returns an Extractor that resolves place names with places.
func New(places Places) *Extractor {
	return &Extractor{places: places, now: time.Now}
}

// today is the civil day of the clock, as a UTC midnight.
func (x *Extractor) today() time.Time {
	return utcDay(x.now())
}

// utcDay is the day of t, at midnight UTC; zero stays zero (a publication
// date not known).
func utcDay(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Extract returns the candidate incidents in text, in the order they are told,
// reading it as Arabic or English by its script (see [DetectLanguage]).
// published is the article's publication time, used to resolve "أمس" and
// "on Thursday"; if it is zero those dates stay unknown. A text that reports
// no incident gives none.
func (x *Extractor) Extract(text string, published time.Time) []Candidate {
	return x.ExtractLang(text, published, "")
}

// ExtractLang is [Extractor.Extract] with the report's language given: "ar",
// "en", or "" to detect it.
func (x *Extractor) ExtractLang(text string, published time.Time, lang string) []Candidate {
	published = utcDay(published)
	text = withoutFormatControls(text)
	if lang == "" {
		lang = DetectLanguage(text)
	}
	p := newPassage(text, lang, published, x.today(), x.places)
	return p.candidates()
}
