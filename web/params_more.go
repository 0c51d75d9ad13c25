package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// filterParams are the filters every incident endpoint takes alike: items,
// aggregate, histogram, counts, tiles (all but bbox) and export. A filter
// expression (cql2Params) narrows the others further.
var filterParams = append([]string{"bbox", "datetime", "incident_type", "admin1_pcode", "admin2_pcode", "min_killed", "q"},
	cql2Params...)

// maxKilled bounds min_killed: no report counts more.
const maxKilled = incidents.MaxCount

// parseMoreFilters reads the district, killed and text filters into f.
func parseMoreFilters(q url.Values, f *incidents.Filter) error {
	if s := q.Get("admin2_pcode"); s != "" {
		if !incidents.IsAdmin2PCode(s) {
			return badRequest{fmt.Sprintf("admin2_pcode: %q is not an OCHA district P-code (SY and four digits, such as SY0703)", s)}
		}
		f.Admin2PCode = s
	}
	if s := q.Get("min_killed"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > maxKilled {
			return badRequest{fmt.Sprintf("min_killed: %q is not a whole number from 0 to %d", s, maxKilled)}
		}
		f.MinKilled = n
	}
	if s := q.Get("q"); s != "" {
		if _, err := incidents.SearchTerms(s); err != nil {
			return badRequest{"q: " + strings.TrimPrefix(err.Error(), incidents.ErrBadSearch.Error()+": ")}
		}
		f.Text = s
	}
	return nil
}

// filterQuery keeps, of q, the filters every incident endpoint shares, an
// empty one too (an empty filter expression is an error, not no filter).
func filterQuery(q url.Values) url.Values {
	rest := url.Values{}
	for _, name := range filterParams {
		if v, ok := q[name]; ok {
			rest[name] = v
		}
	}
	return rest
}

// readPublished is the start every published-incidents query endpoint
// shares: its parameters read by [readFilters], a problem written when they
// are bad, and a 304 when the client holds the current version. ok is false
// when the answer is already written.
func readPublished(w http.ResponseWriter, r *http.Request, store incidentStore, allowed []string, own func(url.Values) error, log *slog.Logger) (f incidents.Filter, ok bool) {
	q := r.URL.Query()
	f, where, err := readFilters(q, allowed, own)
	if err != nil {
		writeError(w, r, log, err)
		return f, false
	}
	// The ETag's query: the shared filters as they are read, the endpoint's
	// own parameters as typed.
	shared, rest := filterQuery(q), url.Values{}
	for name, vals := range q {
		if _, ok := shared[name]; !ok {
			rest[name] = vals
		}
	}
	key := etagQuery(shared, where) + "&" + rest.Encode()
	return f.WithWhere(where), !notModified(w, r, store, incidents.StatusPublished, key, log)
}

// readFilters checks a query endpoint's parameters against allowed, its own
// ones with own (may be nil), and reads the filters every endpoint shares,
// the filter expression apart (the caller joins them with WithWhere).
func readFilters(q url.Values, allowed []string, own func(url.Values) error) (incidents.Filter, cql2.Expr, error) {
	if err := checkParams(q, allowed); err != nil {
		return incidents.Filter{}, nil, err
	}
	if own != nil {
		if err := own(q); err != nil {
			return incidents.Filter{}, nil, err
		}
	}
	return parseItemsQuery(filterQuery(q))
}
