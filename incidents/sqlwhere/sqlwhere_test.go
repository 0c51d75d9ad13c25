package sqlwhere

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// plain is a dialect that writes what it is asked, so that the walk can be
// read off the term: values bound as ?, in the order they appear.
type plain struct{ args []any }

var plainColumns = ColumnsOf(map[string]string{"date_precision": "NULLIF(i.date_precision, '')"})

func (p *plain) Column(prop string) string { return plainColumns.Of(prop) }
func (p *plain) Compared(prop string, l cql2.Literal) string {
	return fmt.Sprintf("cmp(%s,%d)", plainColumns.Of(prop), l.Kind)
}
func (p *plain) Bind(l cql2.Literal) string {
	switch l.Kind {
	case cql2.Number:
		p.args = append(p.args, l.Num)
	default:
		p.args = append(p.args, l.Text)
	}
	return "?"
}
func (p *plain) Like(prop, pattern string) string {
	p.args = append(p.args, pattern)
	return plainColumns.Of(prop) + " LIKE ?"
}
func (p *plain) Intersects(g orb.Geometry) string { return fmt.Sprintf("hits(%T)", g) }
func (p *plain) NoGeometry() string               { return "nogeom" }
func (p *plain) Bool(v bool) string               { return fmt.Sprint(v) }

// TestTerm: each kind of expression is written once, its values bound in
// the order of their placeholders, its columns from the table.
func TestTerm(t *testing.T) {
	for _, c := range []struct {
		expr, want string
		args       []any
	}{
		{"killed > 3", "cmp(i.killed,2) > ?", []any{3.0}},
		{"place_name_en = 'Homs' AND NOT (killed < 1 OR injured >= 2)",
			"(cmp(i.place_name_en,1) = ? AND NOT ((cmp(i.killed,2) < ? OR cmp(i.injured,2) >= ?)))", []any{"Homs", 1.0, 2.0}},
		{"summary_en LIKE 'shell%'", "i.summary_en LIKE ?", []any{"shell%"}},
		{"incident_type IN ('arrest', 'airstrike')", "i.incident_type IN (?, ?)", []any{"arrest", "airstrike"}},
		{"killed BETWEEN 2 AND 5", "cmp(i.killed,2) BETWEEN ? AND ?", []any{2.0, 5.0}},
		{"date_precision IS NULL", "NULLIF(i.date_precision, '') IS NULL", nil},
		{"geometry IS NULL", "nogeom", nil},
		{"S_INTERSECTS(geometry, BBOX(36, 35, 37, 36))", "hits(orb.Bound)", nil},
		// Repeated terms are written once: SQLite would test each.
		{"summary_en LIKE '%a%' OR summary_en LIKE '%b%' OR summary_en LIKE '%a%' OR (summary_en LIKE '%a%')",
			"(i.summary_en LIKE ? OR i.summary_en LIKE ?)", []any{"%a%", "%b%"}},
		{"killed > 3 AND (killed > 3 AND injured > 1) AND killed > 3",
			"(cmp(i.killed,2) > ? AND (cmp(i.killed,2) > ? AND cmp(i.injured,2) > ?))", []any{3.0, 3.0, 1.0}},
	} {
		e, err := incidents.ParseWhere(c.expr, "cql2-text", cql2.DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", c.expr, err)
		}
		d := &plain{}
		if got := Term(d, e); got != c.want || !reflect.DeepEqual(d.args, c.args) {
			t.Errorf("Term(%s) =\n%s %v\nwant\n%s %v", c.expr, got, d.args, c.want, c.args)
		}
	}
}

// TestColumnsOf: every queryable but the point has a column, its own name
// unless the dialect's differs; a name that is no queryable is refused.
func TestColumnsOf(t *testing.T) {
	cols := ColumnsOf(map[string]string{"created_at": "julianday(i.created_at)"})
	for _, q := range incidents.Queryables {
		col, ok := cols[q.Name]
		switch {
		case q.Kind == cql2.Geometry && ok:
			t.Errorf("the point has column %q", col)
		case q.Kind != cql2.Geometry && q.Name == "created_at" && col != "julianday(i.created_at)",
			q.Kind != cql2.Geometry && q.Name != "created_at" && col != "i."+q.Name:
			t.Errorf("%s: column %q", q.Name, col)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("ColumnsOf took a column for a name that is no queryable")
		}
	}()
	ColumnsOf(map[string]string{"password": "i.password"})
}
