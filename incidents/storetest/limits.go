package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// testFieldLimits: both stores refuse, alike and naming the field, what
// one of them could not store. PostgreSQL answered a 500 for a count past
// its integer columns and for a source URL too long for its index, and
// refused a NUL that SQLite stored; SQLite took all three. Both stored a
// 100 MB summary from an import, which every page listing it then carried.
func testFieldLimits(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	good := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24")
	id := mustAdd(t, s, good)[0]
	stored, _ := s.Get(ctx, id)
	v0, n0 := mustVersion(t, s), mustCount(t, s)
	huge := incidents.MaxCount + 1
	for _, tc := range []struct {
		field string
		edit  func(*incidents.Incident)
	}{
		{"killed", func(inc *incidents.Incident) { inc.Killed = &huge }},
		{"injured", func(inc *incidents.Incident) { n := 1_000_000_000_000; inc.Injured = &n }},
		{"summary_en", func(inc *incidents.Incident) { inc.SummaryEN = "a\x00b" }},
		{"place_name_ar", func(inc *incidents.Incident) { inc.PlaceNameAR = "\x00" }},
		{"sources[0].url", func(inc *incidents.Incident) {
			inc.Sources = []incidents.Source{{Title: "t", URL: "https://example.org/" + strings.Repeat("a", 500_000)}}
		}},
		{"sources[0].title", func(inc *incidents.Incident) {
			inc.Sources = []incidents.Source{{Title: strings.Repeat("عنوان ", 2000)}}
		}},
		{"sources[0].publisher", func(inc *incidents.Incident) {
			inc.Sources = []incidents.Source{{Title: "t", Publisher: strings.Repeat("p", 5000)}}
		}},
		{"sources[0].title", func(inc *incidents.Incident) { inc.Sources = []incidents.Source{{Title: "a\x00"}} }},
		{"sources", func(inc *incidents.Incident) {
			inc.Sources = nil
			for i := range incidents.MaxSources + 1 {
				inc.Sources = append(inc.Sources, incidents.Source{Title: fmt.Sprintf("report %d", i)})
			}
		}},
		{"summary_ar", func(inc *incidents.Incident) {
			inc.SummaryAR = strings.Repeat("قصف ", incidents.MaxSummaryBytes/7+1)
		}},
		{"place_name_en", func(inc *incidents.Incident) { inc.PlaceNameEN = strings.Repeat("n", incidents.MaxNameBytes+1) }},
	} {
		bad := good
		tc.edit(&bad)
		_, err := s.Add(ctx, []incidents.Incident{bad})
		if !errors.Is(err, incidents.ErrInvalid) || !strings.Contains(err.Error(), tc.field) {
			t.Errorf("Add with a bad %s: %v; want ErrInvalid naming it", tc.field, err)
		}
		edited := stored
		tc.edit(&edited)
		if _, err := s.Update(ctx, edited); !errors.Is(err, incidents.ErrInvalid) {
			t.Errorf("Update with a bad %s: %v; want ErrInvalid", tc.field, err)
		}
		_, err = s.Import(ctx, func(yield func(incidents.Incident, error) bool) { _ = yield(good, nil) && yield(bad, nil) }, nil)
		if !errors.Is(err, incidents.ErrInvalid) {
			t.Errorf("Import with a bad %s: %v; want ErrInvalid", tc.field, err)
		}
	}
	atMost := good
	most := incidents.MaxCount
	atMost.Killed = &most
	atMost.SummaryEN, atMost.PlaceNameAR = strings.Repeat("s", incidents.MaxSummaryBytes), strings.Repeat("ن", incidents.MaxNameBytes/2)
	atMost.Sources = []incidents.Source{{Title: strings.Repeat("t", incidents.MaxTitleBytes), Publisher: strings.Repeat("p", incidents.MaxPublisherBytes),
		URL: "https://example.org/" + strings.Repeat("u", incidents.MaxURLBytes-len("https://example.org/"))}}
	mustAdd(t, s, atMost)
	if v, n := mustVersion(t, s), mustCount(t, s); v == v0 || n != n0+1 {
		t.Errorf("refused writes and one at the limits: version %d → %d, count %d → %d; want one more", v0, v, n0, n)
	}
}
