package feature

import (
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestAppendPatched: a feature encoded with one list of sources and
// patched with another is, byte for byte, the feature encoded with the
// other, whatever the text around the sources member holds (a summary
// quoting `,"sources":[`, brackets and backslashes in titles, statuses and
// timestamps after it, none).
func TestAppendPatched(t *testing.T) {
	day := time.Date(2025, 12, 5, 0, 0, 0, 0, time.UTC)
	lists := map[string][]incidents.Source{
		"none":  nil,
		"empty": {},
		"one":   {{Title: "corrected", URL: "https://data.example/x", Publisher: "Office", Published: day}},
		"awkward": {{Title: `],"sources":[{"title":"x"}]}` + "\\", URL: `https://a.example/"]}`, Publisher: "[{\\\"}]"},
			{Title: strings.Repeat("ع", 600)}},
	}
	bases := encodeCases()
	trick := bases["all fields set"]
	trick.SummaryEN = `see ,"sources":[ and "],"status":" \` + `"`
	trick.SummaryAR = `\\",\"sources\":[`
	bases["summary quoting the member"] = trick
	for name, inc := range bases {
		for from, a := range lists {
			for to, b := range lists {
				inc.Sources = a
				stored, err := AppendFeature(nil, inc)
				if err != nil {
					continue // not finite: never stored
				}
				inc.Sources = b
				want, _ := AppendFeature(nil, inc)
				got, ok := AppendPatched([]byte("prefix"), stored, b)
				if !ok || string(got) != "prefix"+string(want) {
					t.Errorf("%s, %s → %s: AppendPatched = %q, %v; want %q", name, from, to, got, ok, want)
				}
			}
		}
	}
}

func TestAppendPatched_NoMember(t *testing.T) {
	for _, stored := range []string{``, `{"type":"Feature"}`, `{"properties":{"sources":[{"title":"x"`, `,"sources":[}`} {
		if got, ok := AppendPatched([]byte("p"), []byte(stored), nil); ok || string(got) != "p" {
			t.Errorf("AppendPatched(%q) = %q, %v; want p, false", stored, got, ok)
		}
	}
}
