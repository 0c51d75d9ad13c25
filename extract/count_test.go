package extract

import (
	"strings"
	"testing"
)

func TestFindCounts(t *testing.T) {
	n := func(v int) *int { return &v }
	tests := map[string]struct {
		in                        string
		killed, injured, arrested *int
		note                      string // a note the vague count must carry
	}{
		"digits":                {in: "أسفر القصف عن مقتل 3 مدنيين وإصابة 12 آخرين", killed: n(3), injured: n(12)},
		"arabic-indic":          {in: "سقوط ٣٠ قتيلاً و٤٥ جريحاً", killed: n(30), injured: n(45)},
		"words":                 {in: "قُتل اثنان من العناصر وجُرح خمسة", killed: n(2), injured: n(5)},
		"compound words":        {in: "أدى إلى مقتل خمسة وعشرين شخصاً", killed: n(25)},
		"teen words":            {in: "إصابة أحد عشر طالباً", injured: n(11)},
		"dual noun":             {in: "مقتل عنصرين واعتقال شخصين", killed: n(2), arrested: n(2)},
		"singular noun":         {in: "مقتل مدني وإصابة طفل", killed: n(1), injured: n(1)},
		"nominative dual":       {in: "قُتل مدنيان بقصف مدفعي", killed: n(2)},
		"dual of a shepherd":    {in: "قُتل راعيان بانفجار لغم", killed: n(2)},
		"feminine dual":         {in: "أدى إلى إصابة طفلتين", injured: n(2)},
		"oblique dual":          {in: "أسفر عن مقتل ضابطين واعتقال شابين", killed: n(2), arrested: n(2)},
		"sound plural, no dual": {in: "أسفر عن مقتل مدنيين", killed: nil},
		"vowelled dual":         {in: "أدى إلى مقتل مدنيَّين", killed: n(2)},
		"vowelled plural":       {in: "أدى إلى مقتل مدنيِّين", killed: nil},
		"persons joined by wa":  {in: "أدى إلى إصابة طفلين وامرأة", injured: n(3)},
		"numbers joined by wa":  {in: "أسفر عن مقتل 3 مدنيين و2 من عناصر الأمن", killed: n(5)},
		"other kinds not added": {in: "أسفر عن مقتل 3 وإصابة 5", killed: n(3), injured: n(5)},
		"nouns not added":       {in: "سقوط 3 قتلى و5 جرحى", killed: n(3), injured: n(5)},
		"plural and two":        {in: "اعتقال مواطنين اثنين", arrested: n(2)},
		"al-qabd ala":           {in: "ألقت الشرطة القبض على 4 مطلوبين", arrested: n(4)},
		"dozens":                {in: "إصابة عشرات المدنيين", note: "عشرات"},
		"dozens with article":   {in: "أصيب العشرات", note: "dozens"},
		"approximate":           {in: "مقتل نحو 20 عنصراً", killed: n(20)},
		"date between":          {in: "اعتقلت في الـ 17 من الشهر الجاري خمسة أشخاص", arrested: n(5)},
		"unit number":           {in: "هاجمت الفرقة 25 مواقع المسلحين", killed: nil},
		"commander of a unit":   {in: "مقتل قائد الفرقة 25", killed: n(1)}, // the commander is one person; 25 is no count
		"missile count":         {in: "أطلقت 4 صواريخ وأصابت 3 صواريخ المبنى", injured: nil},
		"age":                   {in: "مقتل شاب (25 عاماً) برصاص مجهولين", killed: n(1)},
		"distance":              {in: "اعتقال 3 على بعد 80 كم", arrested: n(3)},
		"date is not a count":   {in: "قتل 24 نوفمبر", killed: nil},
		"cell without a number": {in: "اعتقال خلية كاملة", arrested: nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			toks := tokenize(tc.in, 0, len(tc.in))
			ds := findDates(toks, tc.in, dateContext{year: 2025})
			got := [3]*int{}
			var notes []string
			for _, c := range findCounts(toks, skipSpans(ds, nil)) {
				if c.Value == nil {
					notes = append(notes, c.Note)
				} else if got[c.Kind] == nil {
					got[c.Kind] = c.Value
				}
			}
			want := [3]*int{tc.killed, tc.injured, tc.arrested}
			for k := range got {
				if !sameCount(got[k], want[k]) {
					t.Errorf("%s in %q = %s, want %s", countKind(k), tc.in, countStr(got[k]), countStr(want[k]))
				}
			}
			if tc.note != "" && !strings.Contains(strings.Join(notes, "|"), tc.note) {
				t.Errorf("notes for %q = %q, want one mentioning %q", tc.in, notes, tc.note)
			}
		})
	}
}
