package extract

import (
	"strings"
	"testing"
	"time"
)

func ymd(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// firstDate returns the first date mention of s read against published.
func firstDate(s string, published time.Time) (dateMention, bool) {
	ds := findDates(tokenize(s, 0, len(s)), s, dateContext{published: published})
	if len(ds) == 0 {
		return dateMention{}, false
	}
	return ds[0], true
}

func TestFindDates(t *testing.T) {
	wed := ymd("2025-12-03") // a Wednesday
	tests := map[string]struct {
		in               string
		published        time.Time
		from, to, prec   string // from == "" means: no resolved date
		wantNoteContains string
	}{
		"western month":          {in: "وقع ذلك في 24 نوفمبر 2025", from: "2025-11-24", to: "2025-11-24", prec: PrecisionDay},
		"levantine month":        {in: "في 3 تشرين الثاني 2024 جرى", from: "2024-11-03", to: "2024-11-03", prec: PrecisionDay},
		"kanun al-awwal":         {in: "مساء 9 كانون الأول 2023", from: "2023-12-09", to: "2023-12-09", prec: PrecisionDay},
		"dual form":              {in: "يوم 6 مارس/آذار 2025", from: "2025-03-06", to: "2025-03-06", prec: PrecisionDay},
		"dual form reversed":     {in: "في ٦ آذار/مارس ٢٠٢٥", from: "2025-03-06", to: "2025-03-06", prec: PrecisionDay},
		"arabic-indic digits":    {in: "بتاريخ ١٧ أيار ٢٠٢٥", from: "2025-05-17", to: "2025-05-17", prec: PrecisionDay},
		"numeric":                {in: "بتاريخ 05/01/2025", from: "2025-01-05", to: "2025-01-05", prec: PrecisionDay},
		"year from published":    {in: "في 24 نوفمبر", published: wed, from: "2025-11-24", to: "2025-11-24", prec: PrecisionDay},
		"last year's month":      {in: "في 20 ديسمبر", published: wed, from: "2024-12-20", to: "2024-12-20", prec: PrecisionDay},
		"no year, no published":  {in: "في 24 نوفمبر", wantNoteContains: "no year"},
		"range in one month":     {in: "بين 24 و27 نوفمبر", published: wed, from: "2025-11-24", to: "2025-11-27", prec: PrecisionRange},
		"range with min ila":     {in: "من 2 إلى 5 تموز 2025", from: "2025-07-02", to: "2025-07-05", prec: PrecisionRange},
		"range across years":     {in: "بين 28 كانون الأول و2 كانون الثاني 2025", from: "2024-12-28", to: "2025-01-02", prec: PrecisionRange},
		"early december":         {in: "بداية ديسمبر", published: wed, from: "2025-12-01", to: "2025-12-10", prec: PrecisionRange},
		"mid month":              {in: "منتصف شهر آب 2024", from: "2024-08-11", to: "2024-08-20", prec: PrecisionRange},
		"late month":             {in: "أواخر شباط 2024", from: "2024-02-21", to: "2024-02-29", prec: PrecisionRange},
		"month and year":         {in: "خلال حزيران 2025", from: "2025-06-01", to: "2025-06-30", prec: PrecisionMonth},
		"year":                   {in: "منذ عام 2019", from: "2019-01-01", to: "2019-12-31", prec: PrecisionYear},
		"yesterday":              {in: "مساء أمس", published: wed, from: "2025-12-02", to: "2025-12-02", prec: PrecisionDay},
		"day before yesterday":   {in: "أول أمس", published: wed, from: "2025-12-01", to: "2025-12-01", prec: PrecisionDay},
		"today":                  {in: "صباح اليوم", published: wed, from: "2025-12-03", to: "2025-12-03", prec: PrecisionDay},
		"next day is not today":  {in: "في اليوم التالي", published: wed},
		"two days ago":           {in: "قبل يومين", published: wed, from: "2025-12-01", to: "2025-12-01", prec: PrecisionDay},
		"weekday":                {in: "يوم الإثنين", published: wed, from: "2025-12-01", to: "2025-12-01", prec: PrecisionDay},
		"same weekday is today":  {in: "الأربعاء", published: wed, from: "2025-12-03", to: "2025-12-03", prec: PrecisionDay},
		"last same weekday":      {in: "الأربعاء الماضي", published: wed, from: "2025-11-26", to: "2025-11-26", prec: PrecisionDay},
		"coming weekday ignored": {in: "الخميس المقبل", published: wed},
		"last week":              {in: "الأسبوع الماضي", published: wed, from: "2025-11-22", to: "2025-11-28", prec: PrecisionRange},
		"last month":             {in: "الشهر الماضي", published: wed, from: "2025-11-01", to: "2025-11-30", prec: PrecisionMonth},
		"day of this month":      {in: "في الـ 17 من الشهر الجاري", published: ymd("2025-10-20"), from: "2025-10-17", to: "2025-10-17", prec: PrecisionDay},
		"early this month":       {in: "مطلع الشهر الجاري", published: wed, from: "2025-12-01", to: "2025-12-10", prec: PrecisionRange},
		"relative unknown":       {in: "مساء أمس", wantNoteContains: "publication date"},
		"weekday with date":      {in: "يوم الإثنين 24 نوفمبر", published: wed, from: "2025-11-24", to: "2025-11-24", prec: PrecisionDay},
		"ages are not dates":     {in: "بين 19 و23 عاماً"},
		"monday as the two":      {in: "قتل الاثنين معاً", published: wed},
		"father is not august":   {in: "قال أب الضحية", published: wed},
		"ordinal day":            {in: "في الثامن من كانون الأول 2025", from: "2025-12-08", to: "2025-12-08", prec: PrecisionDay},
		"ordinal teen day":       {in: "في السابع عشر من الشهر الجاري", published: ymd("2025-10-20"), from: "2025-10-17", to: "2025-10-17", prec: PrecisionDay},
		"ordinal twenties":       {in: "فجر الحادي والعشرين من أيلول 2025", from: "2025-09-21", to: "2025-09-21", prec: PrecisionDay},
		"ordinal without year":   {in: "في الرابع من حزيران", published: wed, from: "2025-06-04", to: "2025-06-04", prec: PrecisionDay},
		"ordinal week is no day": {in: "خلال الأسبوع الثاني من تشرين الثاني 2025", from: "2025-11-01", to: "2025-11-30", prec: PrecisionMonth},
		"next day needs a date":  {in: "وفي اليوم التالي", wantNoteContains: "earlier date"},
		"impossible day → month": {in: "في 31 شباط 2025", from: "2025-02-01", to: "2025-02-28", prec: PrecisionMonth},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			d, found := firstDate(tc.in, tc.published)
			switch {
			case tc.from == "" && tc.wantNoteContains == "":
				if found && d.resolved() {
					t.Errorf("findDates(%q) = %v..%v, want no date", tc.in, d.From, d.To)
				}
			case tc.from == "":
				if !found || d.resolved() || !strings.Contains(d.Note, tc.wantNoteContains) {
					t.Errorf("findDates(%q) = %+v, want an unresolved date noting %q", tc.in, d, tc.wantNoteContains)
				}
			case !found || !d.From.Equal(ymd(tc.from)) || !d.To.Equal(ymd(tc.to)) || d.Prec != tc.prec:
				t.Errorf("findDates(%q) = %v..%v %q (found %v), want %s..%s %q", tc.in, d.From, d.To, d.Prec, found, tc.from, tc.to, tc.prec)
			}
		})
	}
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{
		"بين 24 و27 نوفمبر", "بداية ديسمبر", "6 مارس/آذار 2025", "٢٤/١١/٢٠٢٥", "الـ 17 من الشهر الجاري",
		"الأسبوع الماضي", "أول أمس", "بين 31 ديسمبر و1 يناير", "أواخر شباط", "يوم الإثنين 24 نوفمبر",
		"بين 30 و2 نوفمبر", "0/0/0", "99 تشرين", "قبل 30 أيام",
	} {
		f.Add(s, int64(1764720000)) // 2025-12-03
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		var pub time.Time
		if unix > 0 && unix < 1<<34 {
			y, m, d := time.Unix(unix, 0).UTC().Date()
			pub = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		}
		ctx := dateContext{published: pub}
		for _, d := range findDates(tokenize(s, 0, len(s)), s, ctx) {
			if d.From.IsZero() != d.To.IsZero() || d.To.Before(d.From) {
				t.Fatalf("findDates(%q) = %v..%v: want from <= to, both set or both unknown", s, d.From, d.To)
			}
			if d.resolved() && d.Prec == "" || d.Start > d.End || d.End > len(s) {
				t.Fatalf("findDates(%q) = %+v: bad precision or span", s, d)
			}
			if d.resolved() && (d.From.Hour() != 0 || d.From.Location() != time.UTC) {
				t.Fatalf("findDates(%q) from = %v, want UTC midnight", s, d.From)
			}
		}
	})
}
