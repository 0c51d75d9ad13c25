package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/mapsrv/mapsrv/incidents"
)

// testSearchFindsWordsStoredWithMarks: a word stored with an invisible
// format character inside it (text copied from a news site or a message
// carries the marks U+200F and U+200E, ZWNJ and ZWJ, bidi overrides, a soft
// hyphen) is found by the word as typed, as a query carrying one finds the
// word stored without it (round 22). The stored text keeps its marks. Before
// round 25 the stores indexed the marks, and such an incident was found by no
// query at all: the query drops them, the index kept them.
func testSearchFindsWordsStoredWithMarks(t *testing.T, s incidents.Store) {
	var every strings.Builder // every format character (Unicode's Cf) Go knows
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.Is(unicode.Cf, r) {
			every.WriteRune(r)
		}
	}
	cases := []struct{ place, summary, query string }{
		{"كفر\u200fنبودة", "", "كفرنبودة"},                    // right-to-left mark
		{"زر\u200cدنا", "", "زردنا"},                          // ZWNJ
		{"", "Shelling hit Kafr\u00adnabudah", "kafrnabudah"}, // soft hyphen
		{"", "Raid on \u202eNai\u202crab", "nairab"},          // an override closed inside the word
		{"Ma\u200dara", "", "maara"},                          // ZWJ
		{"سرا\u061cقب", "", "سراقب"},                          // Arabic letter mark
		{"", "A strike near Ha" + every.String() + "ritan", "haritan"},
		{"", "قصف على بنـــش", "بنش"}, // tatweel, folded before round 25 too
	}
	var stored []incidents.Incident
	for _, c := range cases {
		inc := Incident(incidents.TypeShelling, 36.8, 35.9, "2025-03-02", "2025-03-02")
		inc.PlaceNameAR, inc.PlaceNameEN, inc.SummaryEN = "موقع", "Somewhere", c.summary
		if c.place != "" {
			inc.PlaceNameAR = c.place
		}
		stored = append(stored, inc)
	}
	ids := mustAdd(t, s, stored...)
	for i, c := range cases {
		got := IDs(mustFind(t, s, incidents.Filter{Text: c.query}))
		if !slices.Equal(got, []int64{ids[i]}) {
			t.Errorf("q=%s: found %v, want incident %d, stored as %.80q / %.80q", c.query, got, ids[i], c.place, c.summary)
		}
	}
	inc, err := s.Get(context.Background(), ids[0])
	if err != nil || inc.PlaceNameAR != cases[0].place {
		t.Errorf("incident %d's place read back as %+q, %v; want it as stored, %+q", ids[0], inc.PlaceNameAR, err, cases[0].place)
	}
	// an edit's new text is indexed as an insert's
	inc.PlaceNameAR = "تفت\u200cناز"
	if _, err := s.Update(context.Background(), inc); err != nil {
		t.Fatal(err)
	}
	if got := IDs(mustFind(t, s, incidents.Filter{Text: "تفتناز"})); !slices.Equal(got, []int64{ids[0]}) {
		t.Errorf("q=تفتناز after an edit storing تفت+ZWNJ+ناز: found %v, want incident %d", got, ids[0])
	}
}
