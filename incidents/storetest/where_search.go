package storetest

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// testWhereWithSearch: a filter expression and the filters it cannot say
// (words, a district, a least number killed) narrow each other. Find, its
// pages, Aggregate, Histogram and CountByAdmin agree with the expression
// evaluated in memory and the other filters applied by hand, for drafts
// and published incidents, with the expression as given and lifted.
func testWhereWithSearch(t *testing.T, s incidents.Store) {
	ds, ok := s.(districtStore)
	if !ok {
		t.Fatal("the store cannot set districts")
	}
	ds.SetLocator(func(p orb.Point) string { // two made-up districts either side of 36.75 E
		if p.Lon() < 36.75 {
			return "SY0701"
		}
		return "SY0702"
	})
	incs := whereIncidents()
	for i := range incs {
		words := []string{"convoy", "market", "convoy near the market"}
		incs[i].SummaryEN += " A " + words[i%len(words)] + "."
	}
	mustAdd(t, s, incs...)
	stored := allStored(t, s)
	filters := []incidents.Filter{
		{Text: "market"},
		{Text: "saraqib"},
		{Admin2PCode: "SY0702"},
		{MinKilled: 2},
		{Text: "convoy market", Admin2PCode: "SY0701", MinKilled: 1},
	}
	exprs := []string{
		"killed < 4",
		"admin2_pcode = 'SY0702'",
		"admin2_pcode IN ('SY0701') AND incident_type <> 'other'",
		"place_name_en LIKE 'Sar%' OR incident_type = 'arrest'",
		"S_INTERSECTS(geometry, POLYGON((36 35, 37.5 35, 36 36.5, 36 35)))",
	}
	for _, text := range exprs {
		e, err := incidents.ParseWhere(text, "cql2-text", cql2.DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		for _, base := range filters {
			for _, status := range []incidents.Status{incidents.StatusPublished, incidents.StatusDraft} {
				base.Status = status
				want := whereSearchWant(stored, base, e)
				given := base
				given.Where = e
				for name, f := range map[string]incidents.Filter{"as given": given, "lifted": base.WithWhere(e)} {
					checkWhereSearch(t, s, f, want, text+" with "+describe(base)+" ("+name+")")
				}
			}
		}
	}
}

// whereSearchWant is what f with the expression e selects of stored: in
// memory, the text matched as the stores' folded substrings are.
func whereSearchWant(stored []incidents.Incident, f incidents.Filter, e cql2.Expr) []incidents.Incident {
	terms, _ := incidents.SearchTerms(f.Text)
	var want []incidents.Incident
	for _, inc := range stored {
		text := incidents.FoldText(strings.Join([]string{inc.PlaceNameAR, inc.PlaceNameEN, inc.SummaryAR, inc.SummaryEN}, "\n"))
		switch {
		case inc.Status != f.Status, !incidents.Matches(inc, e),
			f.Admin2PCode != "" && inc.Admin2PCode != f.Admin2PCode,
			f.MinKilled > 0 && (inc.Killed == nil || *inc.Killed < f.MinKilled),
			f.Text != "" && slices.ContainsFunc(terms, func(w string) bool { return !strings.Contains(text, w) }):
			continue
		}
		want = append(want, inc)
	}
	return want
}

// checkWhereSearch compares every way of reading f's incidents with want.
func checkWhereSearch(t *testing.T, s incidents.Store, f incidents.Filter, want []incidents.Incident, what string) {
	t.Helper()
	ctx := context.Background()
	ids := IDs(want)
	if got := IDs(mustFind(t, s, f)); !slices.Equal(got, ids) {
		t.Errorf("%s: found %v, want %v", what, got, ids)
		return
	}
	paged := f
	paged.Limit = 3
	if got := pages(t, s, paged); !slices.Equal(got, ids) {
		t.Errorf("%s by pages of 3: %v, want %v", what, got, ids)
	}
	if n := aggregateTotal(t, s, f); n != len(want) {
		t.Errorf("%s: Aggregate counts %d, want %d", what, n, len(want))
	}
	dated, districts := 0, map[string]int{}
	for _, inc := range want {
		if !inc.DateFrom.IsZero() {
			dated++
		}
		districts[inc.Admin2PCode]++
	}
	if h, err := s.Histogram(ctx, f, incidents.BinMonth); err != nil || h.Total != dated {
		t.Errorf("%s: Histogram counts %d, %v; want %d", what, h.Total, err, dated)
	}
	counts, err := s.CountByAdmin(ctx, f, incidents.AdminDistrict)
	if err != nil {
		t.Fatalf("%s: CountByAdmin: %v", what, err)
	}
	got := map[string]int{}
	for _, c := range counts {
		got[c.PCode] = c.Count
	}
	if !maps.Equal(got, districts) {
		t.Errorf("%s: CountByAdmin by district = %v, want %v", what, got, districts)
	}
}

// describe names the search filters f sets, for messages.
func describe(f incidents.Filter) string {
	var parts []string
	if f.Text != "" {
		parts = append(parts, "q="+f.Text)
	}
	if f.Admin2PCode != "" {
		parts = append(parts, "admin2_pcode="+f.Admin2PCode)
	}
	if f.MinKilled > 0 {
		parts = append(parts, fmt.Sprintf("min_killed=%d", f.MinKilled))
	}
	return strings.Join(parts, " ") + " " + string(f.Status)
}
