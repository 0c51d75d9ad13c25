package incidents

import "time"

// Type is the kind of incident, from a controlled vocabulary. The vocabulary is a
// contract: scripts filter on these strings, so values are added, never renamed.
//
// Each type maps onto ACLED's event types and sub-event types so that data can be
// compared with, or imported from, ACLED:
//
//	arrest           Strategic developments / Arrests
//	airstrike        Explosions/Remote violence / Air or drone strike
//	armed_attack     Violence against civilians / Attack; Battles / Armed clash when one-sided
//	bombing          Explosions/Remote violence / Remote explosive/landmine/IED; Suicide bomb
//	clash            Battles / Armed clash
//	shelling         Explosions/Remote violence / Shelling/artillery/missile attack
//	weapons_seizure  Strategic developments / Looting/property destruction (seizures), Other
//	kidnapping       Violence against civilians / Abduction/forced disappearance
//	other            anything else; ACLED's remaining types
type Type string

// The incident types.
const (
	TypeArrest         Type = "arrest"
	TypeAirstrike      Type = "airstrike"
	TypeArmedAttack    Type = "armed_attack"
	TypeBombing        Type = "bombing"
	TypeClash          Type = "clash"
	TypeShelling       Type = "shelling"
	TypeWeaponsSeizure Type = "weapons_seizure"
	TypeKidnapping     Type = "kidnapping"
	TypeOther          Type = "other"
)

// Types lists every incident type in a stable order.
var Types = []Type{TypeArrest, TypeAirstrike, TypeArmedAttack, TypeBombing, TypeClash,
	TypeShelling, TypeWeaponsSeizure, TypeKidnapping, TypeOther}

// DatePrecision says how precisely the date range is known.
type DatePrecision string

// The date precisions: a single day, a range of days ("between the 24th and
// the 27th", "early December"), a calendar month, a calendar year.
const (
	DateDay   DatePrecision = "day"
	DateRange DatePrecision = "range"
	DateMonth DatePrecision = "month"
	DateYear  DatePrecision = "year"
)

// DatePrecisions lists every date precision, finest first.
var DatePrecisions = []DatePrecision{DateDay, DateRange, DateMonth, DateYear}

// Spans reports whether from..to is a range p can describe: one day for
// DateDay, days of one calendar month for DateMonth, of one calendar year for
// DateYear, any for DateRange. The map says "sometime in" the month or year
// of date_from, so a month that runs into the next would be told wrong.
func (p DatePrecision) Spans(from, to time.Time) bool {
	switch p {
	case DateDay:
		return from.Equal(to)
	case DateMonth:
		return from.Year() == to.Year() && from.Month() == to.Month()
	case DateYear:
		return from.Year() == to.Year()
	}
	return true
}

// GeoPrecision says how closely an incident's point stands for where it
// happened: a report naming only a governorate is drawn at the governorate's
// centre with precision governorate, never as an exact pin.
type GeoPrecision string

// The geo precisions, finest first.
const (
	GeoExact         GeoPrecision = "exact"
	GeoNeighbourhood GeoPrecision = "neighbourhood"
	GeoTown          GeoPrecision = "town"
	GeoDistrict      GeoPrecision = "district"
	GeoGovernorate   GeoPrecision = "governorate"
	GeoCountry       GeoPrecision = "country"
)

// GeoPrecisions lists every geo precision, finest first.
var GeoPrecisions = []GeoPrecision{GeoExact, GeoNeighbourhood, GeoTown, GeoDistrict, GeoGovernorate, GeoCountry}

// Status is where an incident stands in review: drafts are proposed (by the news
// extractor or an editor) and only published incidents are served publicly.
type Status string

// The statuses.
const (
	StatusDraft     Status = "draft"
	StatusPublished Status = "published"
)

// Statuses lists every status.
var Statuses = []Status{StatusDraft, StatusPublished}
