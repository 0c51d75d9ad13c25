package extract

import (
	"testing"
	"time"
)

// TestResolveAnchors reads dates told from an earlier date of the passage.
func TestResolveAnchors(t *testing.T) {
	tests := map[string]struct {
		text string
		want []string // the resolved day of each sentence's first date; "" when unknown
	}{
		"next day": {text: "قصفت القوات البلدة يوم 9 تشرين الثاني 2025. وفي اليوم التالي تجدد القصف.",
			want: []string{"2025-11-09", "2025-11-10"}},
		"four days later": {text: "اندلعت اشتباكات يوم 21 أيلول 2025. وبعد أربعة أيام اعتقلت القوات المتورطين.",
			want: []string{"2025-09-21", "2025-09-25"}},
		"days later in digits": {text: "انفجرت عبوة في 3 آذار 2025. وبعد 5 أيام انفجرت أخرى.",
			want: []string{"2025-03-03", "2025-03-08"}},
		"same day":  {text: "قُتل شخص يوم الأحد. وفي اليوم نفسه اعتُقل آخر.", want: []string{"2025-11-30", "2025-11-30"}},
		"no anchor": {text: "وفي اليوم التالي اعتقلت القوات شخصين.", want: []string{""}},
		"a month is no anchor": {text: "وقعت اشتباكات في آذار 2025. وبعد يومين اعتُقل شخص.",
			want: []string{"2025-03-01", ""}},
		"vague days are no date": {text: "اندلعت اشتباكات يوم 21 أيلول 2025. وبعد أيام اعتقلت القوات المتورطين.",
			want: []string{"2025-09-21", "none"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p := newPassage(tc.text, "", ymd("2025-12-03"), time.Time{}, nil)
			if len(p.sents) != len(tc.want) {
				t.Fatalf("%d sentences, want %d", len(p.sents), len(tc.want))
			}
			for i, s := range p.sents {
				got := "none"
				if len(s.dates) > 0 {
					got = dateStr(s.dates[0].From)
					if got == "null" {
						got = ""
					}
				}
				if got != tc.want[i] {
					t.Errorf("sentence %d date = %q, want %q", i, got, tc.want[i])
				}
			}
		})
	}
}

// TestExtract_DaysLater keeps two incidents apart when the second is dated from
// the first: the later arrest is not a follow-up of the clash.
func TestExtract_DaysLater(t *testing.T) {
	text := "دارت اشتباكات بين مسلحين في مدينة إزرع بريف درعا يوم 12 تشرين الأول 2025، قُتل فيها شخصان. " +
		"وبعد ثلاثة أيام ألقت قوى الأمن القبض على ستة من المشاركين فيها داخل المدينة."
	got := extractAll(t, text, ymd("2025-10-20"))
	if len(got) != 2 {
		t.Fatalf("got %v, want a clash and an arrest", types(got))
	}
	clash, arrest := got[0], got[1]
	if clash.IncidentType != TypeClash || dateStr(clash.DateFrom) != "2025-10-12" || countStr(clash.Killed) != "2" || clash.Arrested != nil {
		t.Errorf("clash = %s %s killed %s arrested %s; want clash 2025-10-12 killed 2 arrested null",
			clash.IncidentType, dateStr(clash.DateFrom), countStr(clash.Killed), countStr(clash.Arrested))
	}
	if arrest.IncidentType != TypeArrest || dateStr(arrest.DateFrom) != "2025-10-15" || arrest.Admin1PCode != "SY12" {
		t.Errorf("arrest = %s %s %s; want arrest 2025-10-15 in SY12", arrest.IncidentType, dateStr(arrest.DateFrom), arrest.Admin1PCode)
	}
}
