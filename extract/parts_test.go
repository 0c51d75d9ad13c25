package extract

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// TestSplitParts checks that parts are at most their size, give back the
// text when joined, and are cut at the strongest break their second half has.
func TestSplitParts(t *testing.T) {
	const size = 1000
	tests := map[string]struct {
		text   string
		ending string // what every part but the last ends with
	}{
		"paragraphs":              {strings.Repeat("Shelling hit a village. Two were hurt.\n\n", 100), "hurt.\n\n"},
		"blank lines with space":  {strings.Repeat("Shelling hit a village.\n \t\n", 100), ".\n \t\n"},
		"lines":                   {strings.Repeat("Shelling hit a village.\n", 100), ".\n"},
		"sentences":               {strings.Repeat("قصف قرية في ريف إدلب. ", 100), ". "},
		"questions":               {strings.Repeat("Who shelled the village? ", 100), "? "},
		"words":                   {strings.Repeat("shelling hit a village and ", 100), " "},
		"one word":                {strings.Repeat("ب", 2000), "ب"},
		"a short first paragraph": {"Shelling.\n\n" + strings.Repeat("Shelling hit a village.\n", 100), ".\n"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			parts := SplitParts(tc.text, size)
			if len(parts) < 2 {
				t.Fatalf("%d bytes in parts of %d read as %d part(s)", len(tc.text), size, len(parts))
			}
			if got := strings.Join(parts, ""); got != tc.text {
				t.Fatalf("the parts joined are not the text")
			}
			for i, p := range parts {
				if len(p) > size || !utf8.ValidString(p) {
					t.Errorf("part %d is %d bytes (valid UTF-8: %v), want at most %d", i, len(p), utf8.ValidString(p), size)
				}
				if i < len(parts)-1 && (!strings.HasSuffix(p, tc.ending) || len(p) <= size/2) {
					t.Errorf("part %d (%d bytes) ends %q, want it past half the size and ending %q", i, len(p), p[max(0, len(p)-20):], tc.ending)
				}
			}
		})
	}
	if got := SplitParts("Shelling hit a village.", size); len(got) != 1 || got[0] != "Shelling hit a village." {
		t.Errorf("a short text read as %q, want it whole", got)
	}
}

// TestExtractParts_ShortTextWhole checks that a text of up to PartBytes is
// read as ExtractLang reads it: the same candidates.
func TestExtractParts_ShortTextWhole(t *testing.T) {
	x := New(mustGazetteer(t))
	var texts []string
	for _, p := range loadPassages(t) {
		texts = append(texts, p.Text)
	}
	texts = append(texts, strings.Join(texts, "\n\n"))
	pub := time.Date(2025, 12, 5, 0, 0, 0, 0, time.UTC)
	for _, text := range texts {
		if len(text) > PartBytes {
			t.Fatalf("a text of %d bytes, over a part", len(text))
		}
		var got []Candidate
		if err := x.ExtractParts(text, pub, "", func(c Candidate) error { got = append(got, c); return nil }); err != nil {
			t.Fatal(err)
		}
		if want := x.ExtractLang(text, pub, ""); !reflect.DeepEqual(got, want) {
			t.Errorf("%.60q…: ExtractParts gave %d candidates, ExtractLang %d, or others", text, len(got), len(want))
		}
	}
}

// placeEveryWord finds a place in every word, as many as the gazetteer finds.
type placeEveryWord struct{}

func (m *placeEveryWord) FindAll(text string) []gazetteer.Mention {
	var out []gazetteer.Mention
	for i := 0; i < len(text) && len(out) < gazetteer.MaxMentions; i++ {
		if i == 0 || text[i-1] == ' ' {
			out = append(out, gazetteer.Mention{Start: i, End: i + 1, Text: text[i : i+1]})
		}
	}
	return out
}

// TestExtractParts_DensePartCut checks that a part naming more places than
// the gazetteer returns from one call is read in pieces, each cut at a
// sentence's end before the last place found.
func TestExtractParts_DensePartCut(t *testing.T) {
	text := strings.Repeat("one two three four five six seven eight nine ten. ", 900) // 9,000 words, in 900 sentences
	places := &placeEveryWord{}
	x := New(places)
	var pieces []string
	for text != "" {
		head, _ := x.placesFit(text)
		pieces = append(pieces, head)
		text = text[len(head):]
	}
	if len(pieces) < 5 {
		t.Fatalf("9,000 places read in %d pieces, want at least 5 of under %d", len(pieces), gazetteer.MaxMentions)
	}
	for i, p := range pieces {
		if words := len(strings.Fields(p)); words >= gazetteer.MaxMentions || i < len(pieces)-1 && !strings.HasSuffix(p, ". ") {
			t.Errorf("piece %d: %d places, ends %q; want under %d, ending a sentence", i, words, p[max(0, len(p)-10):], gazetteer.MaxMentions)
		}
	}
}
