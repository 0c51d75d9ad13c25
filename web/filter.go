package web

import (
	"fmt"
	"net/url"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// cql2Params are OGC API – Features Part 3's parameters: a CQL2
// expression over the queryables, its encoding, and its CRS.
var cql2Params = []string{"filter", "filter-lang", "filter-crs"}

// filterLangs are the encodings filter-lang accepts: CQL2 text (the
// default), CQL2 JSON, and the draft's name for the text encoding, which
// GDAL 3.6 sends.
var filterLangs = []string{"cql2-text", "cql2-json", "cql-text"}

// filterLimits bound a filter's cost (see cql2.Limits).
var filterLimits = cql2.DefaultLimits

// parseWhere reads the filter parameters, or returns nil when there is no
// filter. Errors name the parameter and, for a filter that does not parse,
// the character or JSON member where it stops.
func parseWhere(q url.Values) (cql2.Expr, error) {
	lang, crs := q.Get("filter-lang"), q.Get("filter-crs")
	if crs != "" && crs != crs84 {
		return nil, badRequest{fmt.Sprintf("filter-crs: only %s is supported", crs84)}
	}
	if lang != "" && !contains(filterLangs, lang) {
		return nil, badRequest{fmt.Sprintf("filter-lang: %q is not one of cql2-text, cql2-json", lang)}
	}
	s := q.Get("filter")
	if s == "" {
		if _, given := q["filter"]; given {
			return nil, badRequest{"filter: empty; leave it out to filter nothing"}
		}
		return nil, nil
	}
	e, err := incidents.ParseWhere(s, lang, filterLimits)
	if err != nil {
		return nil, fmt.Errorf("filter: %w", err)
	}
	return e, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
