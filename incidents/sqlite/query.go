package sqlite

import (
	"strings"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// findQuery builds one SELECT of columns for f with bound arguments, following plan p:
// byBox joins the R*Tree's candidates (one branch per bound) to their rows and
// sorts them; byDate walks a covering index newest first and stops at the
// limit. Either way the REAL columns decide, since the R*Tree stores 32-bit
// floats.
func findQuery(f incidents.Filter, p plan, columns string) (string, []any) {
	var from string
	var fromArgs []any
	switch {
	case p == byText:
		from, fromArgs = textCandidates(f.Text)
		f.Text = "" // the join has applied it
	case p == byBox && len(f.Bounds) > 0:
		from, fromArgs = treeCandidates(f.Bounds)
		// Overlapping boxes must not repeat an incident: UNION, not UNION ALL.
		from = strings.ReplaceAll(from, " UNION ALL ", " UNION ")
		from = "(" + from + ") AS r CROSS JOIN incidents AS i ON i.id = r.id"
	case p == byScan:
		from = "incidents AS i NOT INDEXED"
	default:
		from = dateIndex(f)
	}
	where, args := filterTerms(f)
	query := "SELECT " + columns + " FROM " + from + " WHERE " + strings.Join(where, " AND ") +
		" ORDER BY i.date_to DESC, i.id DESC"
	args = append(fromArgs, args...)
	if f.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, f.Limit)
	}
	return query, args
}

// dateIndex is the covering index a byDate walk takes for f: the one
// ordered by type first for a filter on one type.
func dateIndex(f incidents.Filter) string {
	if len(f.Types) == 1 {
		return "incidents AS i INDEXED BY incidents_type_cover"
	}
	return "incidents AS i INDEXED BY incidents_date_cover"
}

// treeCandidates selects the ids of the R*Tree boxes meeting any of bounds.
func treeCandidates(bounds []orb.Bound) (string, []any) {
	var tree []string
	var args []any
	for _, b := range bounds {
		tree = append(tree, "SELECT id FROM incidents_rtree WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?")
		args = append(args, b.Min.Lon(), b.Max.Lon(), b.Min.Lat(), b.Max.Lat())
	}
	return strings.Join(tree, " UNION ALL "), args
}

// spanDays selects the longest date range, in days, of the incidents of one
// status (a bound argument): the largest entry of incidents_span, so it
// cannot go stale when the widest incident is deleted or narrowed. NULL
// when there is none.
const spanDays = `SELECT CAST(max(julianday(date_to) - julianday(date_from)) AS INTEGER)
	FROM incidents INDEXED BY incidents_span WHERE status = ?`

// filterTerms returns the WHERE terms of f on the incidents table, aliased i.
func filterTerms(f incidents.Filter) ([]string, []any) {
	status := f.Status
	if status == "" {
		status = incidents.StatusPublished
	}
	where, args := []string{"i.status = ?"}, []any{string(status)}
	if len(f.Bounds) > 0 {
		var exact []string
		for _, b := range f.Bounds {
			exact = append(exact, "(i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?)")
			args = append(args, b.Min.Lon(), b.Max.Lon(), b.Min.Lat(), b.Max.Lat())
		}
		where = append(where, "("+strings.Join(exact, " OR ")+")")
	}
	if first, ok := f.Period.FirstDay(); ok {
		where = append(where, "i.date_to >= ?")
		args = append(args, first.Format(incidents.DateLayout))
	}
	if last, ok := f.Period.LastDay(); ok {
		// The second term is implied by the first and the longest date
		// range of the incidents of this status (spanDays); it bounds the
		// walk down the date index. Past year 9999 SQLite's date() is NULL:
		// no stored date lies beyond, so the bound is then the last day.
		end := last.Format(incidents.DateLayout)
		where = append(where, "i.date_from <= ?",
			"i.date_to <= coalesce(date(?, '+' || ("+spanDays+") || ' days'), '9999-12-31')")
		args = append(args, end, end, string(status))
	}
	if len(f.Types) > 0 {
		where = append(where, "i.incident_type IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.Types)), ",")+")")
		for _, t := range f.Types {
			args = append(args, string(t))
		}
	}
	if f.Admin1PCode != "" {
		where = append(where, "i.admin1_pcode = ?")
		args = append(args, f.Admin1PCode)
	}
	if f.SourceKey != "" {
		where = append(where, `i.id IN (SELECT l.incident_id FROM incident_sources AS l
			JOIN sources AS s ON s.id = l.source_id WHERE s.skey = ?)`)
		args = append(args, f.SourceKey)
	}
	more, moreArgs := moreTerms(f)
	where, args = append(where, more...), append(args, moreArgs...)
	if f.Where != nil {
		term, whereArgs := whereSQL(f.Where)
		where, args = append(where, term), append(args, whereArgs...)
	}
	if c := f.After; c != nil {
		// The first term is implied by the second; it starts the index walk
		// at the cursor, so that a deep page costs what the first does.
		d := incidents.FormatDate(c.DateTo)
		where = append(where, "i.date_to <= ?", "(i.date_to < ? OR i.id < ?)")
		args = append(args, d, d, c.ID)
	}
	return where, args
}
