package main

import (
	"strings"
	"testing"
)

// Round 26: mapsrv extract reads a text as POST /api/ingest does, without the
// invisible marks copied news carries inside words: "Sara" ZWJ "qib" named
// no town, and the airstrike was printed at its governorate, with no place.
func TestExtract_InvisibleMarksInPlaceNames(t *testing.T) {
	const text = "قصفت طائرات حربية مدينة سراقب في ريف إدلب الشرقي، ما أدى إلى مقتل 3 مدنيين."
	want, _, err := runCmd(t, text, "extract", "--published", "2025-12-05", "-")
	if err != nil || !strings.Contains(want, `"place_name_en":"Saraqib"`) {
		t.Fatalf("extract of the plain text = %s, %v; want Saraqib", want, err)
	}
	for _, m := range []string{"\u200d", "\u200f", "\u2067", "\ufeff"} {
		got, _, err := runCmd(t, strings.ReplaceAll(text, "سراقب", "سرا"+m+"قب"), "extract", "--published", "2025-12-05", "-")
		if err != nil || got != want {
			t.Errorf("extract with %U inside سراقب = %s, %v; want %s as without it", []rune(m)[0], got, err, want)
		}
	}
}
