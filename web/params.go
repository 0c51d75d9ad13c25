package web

import (
	"encoding/base64"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/geo"
	"github.com/mapsrv/mapsrv/incidents"
)

// Paging limits of the items endpoint.
const (
	defaultLimit = 100
	maxLimit     = 10000
)

// itemParams are the query parameters the items endpoint accepts: anything else
// is an error, so that a misspelt filter is never silently ignored.
var itemParams = append([]string{"bbox-crs", "limit", "cursor", "f"}, filterParams...)

// crs84 is the only CRS served: WGS 84 lon/lat.
const crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"

// checkParams rejects parameters not in allowed and repeated ones.
func checkParams(q url.Values, allowed []string) error {
	// In order of name: a map's order changes from one call to the next,
	// and a query of several wrong names was told a different one each
	// time (10,000 unknown names: "x2506", then "x5585").
	for _, name := range slices.Sorted(maps.Keys(q)) {
		vals := q[name]
		if !slices.Contains(allowed, name) {
			if len(allowed) == 0 {
				return badRequest{fmt.Sprintf("unknown query parameter %q; this endpoint takes none", name)}
			}
			return badRequest{fmt.Sprintf("unknown query parameter %q; this endpoint accepts %s", name, strings.Join(allowed, ", "))}
		}
		if len(vals) > 1 {
			return badRequest{fmt.Sprintf("query parameter %q is given %d times", name, len(vals))}
		}
	}
	return nil
}

// checkWholeParams checks the query of a collection or item served whole
// (governorates, districts, sub-districts, one incident): only the given
// parameters among limit and f, a limit that is a limit though there is
// nothing to cut, and an f naming GeoJSON. They once took any value without
// a word.
func checkWholeParams(q url.Values, allowed ...string) error {
	if err := checkParams(q, allowed); err != nil {
		return err
	}
	if _, err := parseLimit(q, 1, 1); err != nil {
		return err
	}
	if s := q.Get("f"); s != "" && s != "json" && s != "geojson" {
		return badRequest{fmt.Sprintf("f: %q is not one of json, geojson", s)}
	}
	return nil
}

// parseLimit reads the limit parameter of q: def when absent, a whole number
// of at least 1 cut to most, or a 400 naming it.
func parseLimit(q url.Values, def, most int) (int, error) {
	s := q.Get("limit")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, badRequest{fmt.Sprintf("limit: %q is not a whole number of at least 1", s)}
	}
	return min(n, most), nil
}

// ParseFilter turns the items query (or the same filters given to `mapsrv
// export`) into a filter of published incidents. Errors name the parameter.
func ParseFilter(q url.Values) (incidents.Filter, error) {
	f, where, err := parseItemsQuery(q)
	return f.WithWhere(where), err
}

// parseItemsQuery is ParseFilter with the filter expression apart, for a
// caller that sets more of the filter (a tile's bounds) before joining them.
func parseItemsQuery(q url.Values) (incidents.Filter, cql2.Expr, error) {
	f := incidents.Filter{Limit: defaultLimit, Status: incidents.StatusPublished}
	if err := checkParams(q, itemParams); err != nil {
		return f, nil, err
	}
	where, err := parseWhere(q)
	if err != nil {
		return f, nil, err
	}
	f, err = parseItemsParams(q, f)
	return f, where, err
}

// parseItemsParams reads the items endpoint's own parameters into f.
func parseItemsParams(q url.Values, f incidents.Filter) (incidents.Filter, error) {
	var err error
	if s := q.Get("bbox"); s != "" {
		if f.Bounds, err = geo.ParseBBox(s); err != nil {
			return f, fmt.Errorf("bbox: %w", err)
		}
	}
	if s := q.Get("bbox-crs"); s != "" && s != crs84 {
		return f, badRequest{fmt.Sprintf("bbox-crs: only %s is supported", crs84)}
	}
	if s := q.Get("datetime"); s != "" {
		if f.Period, err = incidents.ParseInterval(s); err != nil {
			return f, fmt.Errorf("datetime: %w", err)
		}
	}
	if f.Limit, err = parseLimit(q, f.Limit, maxLimit); err != nil {
		return f, err
	}
	if s := q.Get("incident_type"); s != "" {
		for _, t := range strings.Split(s, ",") {
			t = strings.TrimSpace(t)
			if !slices.Contains(incidents.Types, incidents.Type(t)) {
				return f, badRequest{fmt.Sprintf("incident_type: %q is not one of %s", t, typeList())}
			}
			f.AddType(incidents.Type(t))
		}
	}
	if s := q.Get("admin1_pcode"); s != "" {
		if !incidents.IsAdmin1PCode(s) {
			return f, badRequest{fmt.Sprintf("admin1_pcode: %q is not an OCHA governorate P-code SY01..SY14", s)}
		}
		f.Admin1PCode = s
	}
	if err := parseMoreFilters(q, &f); err != nil {
		return f, err
	}
	if s := q.Get("cursor"); s != "" {
		c, err := decodeCursor(s)
		if err != nil {
			return f, badRequest{"cursor: not a cursor this server issued; follow the next link as given"}
		}
		f.After = &c
	}
	if s := q.Get("f"); s != "" && s != "json" && s != "geojson" && s != "csv" {
		return f, badRequest{fmt.Sprintf("f: %q is not one of json, geojson, csv", s)}
	}
	return f, nil
}

func typeList() string { return strings.Join(typeValues(), ", ") }

// encodeCursor writes a keyset position as an opaque token.
func encodeCursor(c incidents.Cursor) string {
	return base64.RawURLEncoding.EncodeToString([]byte(incidents.FormatDate(c.DateTo) + "," + strconv.FormatInt(c.ID, 10)))
}

func decodeCursor(s string) (incidents.Cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return incidents.Cursor{}, err
	}
	date, id, ok := strings.Cut(string(b), ",")
	if !ok {
		return incidents.Cursor{}, fmt.Errorf("no comma")
	}
	var c incidents.Cursor
	if c.DateTo, err = incidents.ParseDate(date); err != nil {
		return c, err
	}
	c.ID, err = strconv.ParseInt(id, 10, 64)
	return c, err
}

// withFormat serves a document of the API that has one format (json, html):
// f may name that format, and any other parameter is a 400 naming it, as on
// every route of the API (OGC API – Features Part 1, requirement
// /req/core/query-param-unknown). The landing page, conformance, the
// collections, the schemas, queryables and the API definition took any
// parameter without a word.
func withFormat(format string, log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		err := checkParams(q, []string{"f"})
		if s := q.Get("f"); err == nil && s != "" && s != format { // empty, as on the listings, is no f
			err = badRequest{fmt.Sprintf("f: %q is not %s, the one format of this document", s, format)}
		}
		if err != nil {
			writeError(w, r, log, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// withoutParams serves a write, which takes no query parameter: any is a
// 400 naming it before the body is read. They were ignored, so that a
// client's POST /api/ingest?dry_run=1 stored its drafts.
func withoutParams(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := checkParams(r.URL.Query(), nil); err != nil {
			writeError(w, r, log, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}
