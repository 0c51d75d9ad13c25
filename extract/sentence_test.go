package extract

import (
	"slices"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := map[string]struct {
		in   string
		want []string
	}{
		"full stops":       {in: "اعتقلت الشرطة شخصين. وضبطت أسلحة.", want: []string{"اعتقلت الشرطة شخصين.", "وضبطت أسلحة."}},
		"decimal point":    {in: "سقطت 2.5 طن من الذخيرة. انتهى.", want: []string{"سقطت 2.5 طن من الذخيرة.", "انتهى."}},
		"arabic question":  {in: "من المسؤول؟ لا أحد يعلم", want: []string{"من المسؤول؟", "لا أحد يعلم"}},
		"line breaks":      {in: "عنوان الخبر\n\nنص الخبر هنا", want: []string{"عنوان الخبر", "نص الخبر هنا"}},
		"only punctuation": {in: " . ! ", want: nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, sp := range splitSentences(tc.in) {
				got = append(got, tc.in[sp.Start:sp.End])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("splitSentences(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := map[string]string{
		"إلقاء القبض":  "القاء القبض",
		"غارةٌ":        "غاره",
		"٢٤ نوفمبر":    "24 نوفمبر",
		"الـــمعتقلين": "المعتقلين",
		"مستشفى":       "مستشفي",
	}
	for in, want := range tests {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
