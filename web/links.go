package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/geo"
	"github.com/mapsrv/mapsrv/incidents"
)

// linkQuery is the query of the links of a page of items (self, next): q,
// already read without error by parseItemsQuery (where is its filter
// expression), with each value written as the filter reads it. The links
// echoed the query as typed, so that a valid query of 1 MB (a limit with a
// million leading zeros, a type listed 140,000 times) made every link 1 MB
// long and the answer some 2 MB.
//
// A value is kept as given unless what it means is shorter written anew:
// an ordinary query's links read as before, and none is longer than its
// meaning. Written anew, a value reads back as the same filter: numbers as
// Go writes a float64 (which reads back exactly) or a whole number, types
// once each, an interval from its ends, a filter expression in CQL2 text
// (only when shorter than the one given, whose encoding is then the text's),
// the cursor as this server writes one. Empty values, which filter nothing,
// are left out.
func linkQuery(q url.Values, where cql2.Expr) url.Values { return queryAsRead(q, where, false) }

// etagQuery is the query as the ETag of a page (and a tile) hashes it: q,
// already read without error by parseItemsQuery (where is its filter
// expression), with every value it reads written as it reads it, whatever
// its spelling, types in their order, the filter as CQL2 text whichever
// encoding it came in; a parameter it does not read is kept as typed. The
// ETag hashed the query as typed, so that two spellings of one filter were
// cached apart (If-None-Match from one was a 200 for the other); two
// filters that differ are written apart, as the links that page through
// them are.
func etagQuery(q url.Values, where cql2.Expr) string {
	out := queryAsRead(q, where, true)
	for name, vals := range q {
		if !slices.Contains(linkParams, name) {
			out[name] = vals
		}
	}
	return out.Encode()
}

// linkParams are the parameters queryAsRead writes anew (or leaves out).
var linkParams = []string{"bbox-crs", "admin1_pcode", "admin2_pcode", "q", "f", "filter-crs",
	"bbox", "datetime", "limit", "min_killed", "incident_type", "filter", "filter-lang", "cursor"}

// queryAsRead is linkQuery, or with canonical every value written as it is
// read even where the spelling given is shorter, types sorted, and the
// filter always as CQL2 text (etagQuery).
func queryAsRead(q url.Values, where cql2.Expr, canonical bool) url.Values {
	out := url.Values{}
	keep := func(name, read string) {
		if s := q.Get(name); !canonical && len(s) <= len(read) {
			read = s
		}
		if read != "" {
			out.Set(name, read)
		}
	}
	for _, name := range []string{"bbox-crs", "admin1_pcode", "admin2_pcode", "q", "f", "filter-crs"} {
		keep(name, q.Get(name))
	}
	if s := q.Get("bbox"); s != "" {
		parts := strings.Split(s, ",")
		for i, p := range parts {
			x, _ := geo.ParseNumber(strings.TrimSpace(p))
			parts[i] = strconv.FormatFloat(x, 'g', -1, 64)
		}
		keep("bbox", strings.Join(parts, ","))
	}
	if s := q.Get("datetime"); s != "" {
		iv, _ := incidents.ParseInterval(s)
		keep("datetime", iv.String())
	}
	for _, name := range []string{"limit", "min_killed"} {
		if s := q.Get(name); s != "" {
			n, _ := strconv.Atoi(s)
			if name == "limit" {
				n = min(n, maxLimit)
			}
			keep(name, strconv.Itoa(n))
		}
	}
	if s := q.Get("incident_type"); s != "" {
		var types []string
		for _, t := range strings.Split(s, ",") {
			if t = strings.TrimSpace(t); !slices.Contains(types, t) {
				types = append(types, t)
			}
		}
		if canonical {
			slices.Sort(types)
		}
		keep("incident_type", strings.Join(types, ","))
	}
	if where != nil {
		if text := cql2.Text(where); canonical || len(text) < len(q.Get("filter")) {
			out.Set("filter", text) // in the default encoding, CQL2 text
		} else {
			out.Set("filter", q.Get("filter"))
			keep("filter-lang", q.Get("filter-lang"))
		}
	}
	if s := q.Get("cursor"); s != "" {
		c, _ := decodeCursor(s)
		keep("cursor", encodeCursor(c))
	}
	return out
}
