package storetest

import (
	"slices"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// testSearchFolds: a text search folds case as its query is folded (Go's
// lower case, incidents.SearchTerms), on every script, no more and no less.
// SQLite's trigram tokenizer folded case from older Unicode tables: "izmir"
// did not find "İzmir" (nor lower-case Georgian its capitals, Cherokee and
// others), while "massacre" found "maſſacre" and "φως" found "ΦΩΣ", which the
// query's fold and PostgreSQL's keep apart.
func testSearchFolds(t *testing.T, s incidents.Store) {
	texts := []string{
		"Shelling on the road to İZMİR",
		"A ᲗᲑᲘᲚᲘᲡᲘ delegation visited the camp", // Georgian capitals (Mtavruli)
		"ᏣᎳᎩ volunteers were detained",          // Cherokee capitals
		"A report of the maſſacre",              // long s
		"ΦΩΣ clinic shelled",                    // Greek capitals
		"Strike near the Straße bridge",
	}
	var stored []incidents.Incident
	for i, text := range texts {
		inc := Incident(incidents.TypeShelling, 36.8, 35.9, "2025-03-02", "2025-03-02")
		inc.SummaryEN = text
		inc.PlaceNameEN = []string{"Saraqib", "Idlib"}[i%2]
		stored = append(stored, inc)
	}
	ids := mustAdd(t, s, stored...)
	for i := range stored {
		stored[i].ID = ids[i]
	}
	for _, q := range []string{"izmir", "İzmir", "İZMİR", "თბილისი", "ᲗᲑᲘᲚᲘᲡᲘ", "ꮳꮃꭹ", "ᏣᎳᎩ", "massacre", "maſſacre", "φως", "φωσ", "ΦΩΣ", "strasse", "straße"} {
		terms, err := incidents.SearchTerms(q)
		if err != nil {
			t.Fatalf("SearchTerms(%q): %v", q, err)
		}
		var want []int64
		for _, inc := range stored {
			text := incidents.FoldText(inc.PlaceNameAR + "\n" + inc.PlaceNameEN + "\n" + inc.SummaryAR + "\n" + inc.SummaryEN)
			if !slices.ContainsFunc(terms, func(w string) bool { return !strings.Contains(text, w) }) {
				want = append(want, inc.ID)
			}
		}
		got := IDs(mustFind(t, s, incidents.Filter{Text: q}))
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("q=%s (folded %q): found %v, want %v", q, terms, got, want)
		}
	}
}
