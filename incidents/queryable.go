package incidents

import (
	"slices"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
)

// Queryable is a property a filter expression ([Filter.Where]) may test,
// named as in the GeoJSON features, with its CQL2 kind.
type Queryable struct {
	Name string
	Kind cql2.Kind
}

// Queryables lists every property filters may test, in the features'
// order, the point last: the fixed allow-list stores map to their columns.
var Queryables = []Queryable{
	{"incident_type", cql2.String}, {"date_from", cql2.Date}, {"date_to", cql2.Date},
	{"date_precision", cql2.String}, {"place_name_ar", cql2.String}, {"place_name_en", cql2.String},
	{"admin1_pcode", cql2.String}, {"admin1_name", cql2.String}, {"admin2_pcode", cql2.String},
	{"geo_precision", cql2.String},
	{"killed", cql2.Number}, {"injured", cql2.Number}, {"arrested", cql2.Number},
	{"summary_ar", cql2.String}, {"summary_en", cql2.String},
	{"created_at", cql2.Timestamp}, {"updated_at", cql2.Timestamp},
	{"geometry", cql2.Geometry},
}

// QueryableSchema is [Queryables] as a [cql2.Schema], to check expressions with.
func QueryableSchema() cql2.Schema {
	s := cql2.Schema{}
	for _, q := range Queryables {
		s[q.Name] = q.Kind
	}
	return s
}

// ParseWhere parses a filter expression in CQL2 text (lang "cql2-text", or
// the draft's "cql-text" that GDAL 3.6 sends) or JSON ("cql2-json") and
// checks it against [Queryables]. Errors wrap [cql2.ErrInvalid] and name
// the character, JSON member or property at fault.
func ParseWhere(s, lang string, lim cql2.Limits) (cql2.Expr, error) {
	var e cql2.Expr
	var err error
	switch lang {
	case "cql2-text", "cql-text", "":
		e, err = cql2.ParseText(s, lim)
	case "cql2-json":
		e, err = cql2.ParseJSON(s, lim)
	default:
		return nil, &cql2.Error{Msg: "filter-lang " + lang + " is not one of cql2-text, cql2-json"}
	}
	if err != nil {
		return nil, err
	}
	return cql2.Check(e, QueryableSchema())
}

// ValueOf returns inc's value of a queryable as cql2.Eval takes it: nil
// when it has none, a string, a float64 for counts, a time.Time for dates
// and timestamps, an orb.Point for the geometry.
func ValueOf(inc Incident, name string) any {
	count := func(n *int) any {
		if n == nil {
			return nil
		}
		return float64(*n)
	}
	switch name {
	case "incident_type":
		return string(inc.Type)
	case "date_from", "date_to":
		d := inc.DateFrom
		if name == "date_to" {
			d = inc.DateTo
		}
		if d.IsZero() {
			return nil
		}
		return d
	case "date_precision":
		if inc.DatePrecision == "" {
			return nil // null in the features while the date is unknown
		}
		return string(inc.DatePrecision)
	case "place_name_ar":
		return inc.PlaceNameAR
	case "place_name_en":
		return inc.PlaceNameEN
	case "admin1_pcode":
		return inc.Admin1PCode
	case "admin1_name":
		return inc.Admin1Name
	case "admin2_pcode":
		return inc.Admin2PCode
	case "geo_precision":
		return string(inc.GeoPrecision)
	case "killed":
		return count(inc.Killed)
	case "injured":
		return count(inc.Injured)
	case "arrested":
		return count(inc.Arrested)
	case "summary_ar":
		return inc.SummaryAR
	case "summary_en":
		return inc.SummaryEN
	case "created_at":
		return inc.CreatedAt
	case "updated_at":
		return inc.UpdatedAt
	case "geometry":
		return inc.Location
	}
	return nil
}

// Matches reports whether inc satisfies the checked expression e, as the
// stores' queries must: the reference they are tested against.
func Matches(inc Incident, e cql2.Expr) bool {
	return e == nil || cql2.Eval(e, func(name string) any { return ValueOf(inc, name) }) == cql2.True
}

// WithWhere returns f narrowed further by the checked expression e. The
// conjuncts of e that f's own fields can hold move there, where stores
// use their indexes and in-memory snapshots: a BBOX the point must meet
// (when f has no bounds), incident types (when f has none), a governorate
// and a district (when f has none). A polygon's bounding box joins f's
// bounds, the polygon itself staying in f.Where. The rest is f.Where.
func (f Filter) WithWhere(e cql2.Expr) Filter {
	if e == nil {
		return f
	}
	conj := []cql2.Expr{e}
	if and, ok := e.(cql2.And); ok {
		conj = and.Args
	}
	var rest []cql2.Expr
	for _, c := range conj {
		if !f.lift(c) {
			rest = append(rest, c)
		}
	}
	switch len(rest) {
	case 0:
		f.Where = nil
	case 1:
		f.Where = rest[0]
	default:
		f.Where = cql2.And{Args: rest}
	}
	return f
}

// lift moves c into f's fields if they can hold it exactly, reporting
// whether c is now redundant.
func (f *Filter) lift(c cql2.Expr) bool {
	switch c := c.(type) {
	case cql2.Intersects:
		if len(f.Bounds) > 0 || c.Property != "geometry" {
			return false
		}
		switch g := c.Geometry.(type) {
		case orb.Bound:
			f.Bounds = []orb.Bound{g}
			return true
		case orb.Collection:
			for _, part := range g {
				f.Bounds = append(f.Bounds, part.(orb.Bound))
			}
			return true
		}
		f.Bounds = []orb.Bound{c.Geometry.Bound()}
		return false
	case cql2.Compare:
		if c.Op == cql2.Eq {
			return f.liftValues(c.Property, []cql2.Literal{c.Value})
		}
	case cql2.In:
		return f.liftValues(c.Property, c.Values)
	}
	return false
}

// liftValues moves "property is one of vals" into f's types, governorate or
// district.
func (f *Filter) liftValues(prop string, vals []cql2.Literal) bool {
	switch {
	case prop == "incident_type" && len(f.Types) == 0:
		for _, v := range vals {
			if !slices.Contains(Types, Type(v.Text)) {
				return false // matches nothing known; SQL says so
			}
		}
		for _, v := range vals {
			f.AddType(Type(v.Text))
		}
		return true
	case prop == "admin1_pcode" && f.Admin1PCode == "" && len(vals) == 1 && IsAdmin1PCode(vals[0].Text):
		f.Admin1PCode = vals[0].Text
		return true
	case prop == "admin2_pcode" && f.Admin2PCode == "" && len(vals) == 1 && IsAdmin2PCode(vals[0].Text):
		f.Admin2PCode = vals[0].Text
		return true
	}
	return false
}
