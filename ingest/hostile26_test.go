package ingest_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/extract"
	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/ingest"
)

// Round 26: a report whose town's name holds an invisible mark, as text
// copied from a news site or a message carries them (U+200F, ZWJ, a bidi
// isolate, a BOM), was proposed at its governorate with no place: the
// gazetteer took the mark for the end of a word, so "سرا" U+200F "قب" named
// no town, and an editor got a draft pinned to Idlib's centre.
func TestIngest_InvisibleMarksInPlaceNames(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	marks := map[string]string{"U+200F": "\u200f", "U+200E": "\u200e", "ZWNJ": "\u200c", "ZWJ": "\u200d",
		"U+061C": "\u061c", "U+2067": "\u2067", "BOM": "\ufeff", "U+202E": "\u202e"}
	// Sentences written for this test: the report of TestIngest, and an airstrike in either language.
	texts := []string{report, "قصفت طائرات حربية مدينة سراقب في ريف إدلب الشرقي، ما أدى إلى مقتل 3 مدنيين.",
		"Airstrikes hit the town of Saraqib in the Idlib countryside on 4 December 2025, killing 3 civilians."}
	onBothStores(t, func(t *testing.T, store ingest.Store) {
		n := 0
		placesOf := func(text string) map[string]bool {
			n++
			r := ingest.Report{Text: text, Published: time.Date(2025, 12, 5, 0, 0, 0, 0, time.UTC),
				Source: incidents.Source{Title: "marks", URL: fmt.Sprintf("https://example.org/marks-%d", n)}}
			res, err := ingest.Ingest(context.Background(), store, x, r)
			if err != nil {
				t.Fatal(err)
			}
			places := map[string]bool{}
			for _, d := range res.Drafts {
				places[fmt.Sprintf("%s %s %s", d.Type, d.PlaceNameEN, d.GeoPrecision)] = true
			}
			return places
		}
		for _, text := range texts {
			want := placesOf(text)
			for name, m := range marks {
				marked := strings.NewReplacer("سراقب", "سرا"+m+"قب", "الدانا", "الدا"+m+"نا", "Saraqib", "Sara"+m+"qib").Replace(text)
				if got := placesOf(marked); !maps.Equal(got, want) {
					t.Errorf("a report with %s inside its towns' names: drafts %v, want %v as without it", name, got, want)
				}
			}
		}
	})
}
