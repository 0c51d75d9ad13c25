package extract

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestYearOfWeekday: a day and month told with a weekday and no year take the
// latest year not after today in which the day falls on that weekday, within
// the years the passage's names allow; a weekday that fits no such year, or
// no weekday at all, leaves the date unknown.
func TestYearOfWeekday(t *testing.T) {
	today := ymd("2026-12-04")
	tests := map[string]struct {
		text string
		want string // "" for unknown
		note string // a word the note holds
	}{
		"latest year":                    {"قتل رجل مساء الثلاثاء 12 آب في درعا", "2025-08-12", "2025"},
		"weekday after the date":         {"قتل رجل في 12 آب (الثلاثاء) في درعا", "2025-08-12", "weekday"},
		"past weekday":                   {"اختُطف تاجر السبت الماضي، 14 كانون الثاني", "2023-01-14", "check"},
		"names of the regime's time":     {"قصفت قوات الأسد البلدة يوم الجمعة 14 شباط", "2020-02-14", "قوات الأسد"},
		"russian raids end with it":      {"غارات للطيران الروسي يوم الإثنين 16 كانون الأول", "2019-12-16", "2024-12-08"},
		"the regime told as gone":        {"اعتقل عنصر من قوات النظام البائد يوم الجمعة 14 شباط", "2025-02-14", ""},
		"names coined after":             {"هاجم عناصر من الأمن العام يوم الجمعة 14 شباط", "2025-02-14", "2020"},
		"not after today":                {"قتل رجل يوم الإثنين 28 كانون الأول", "2020-12-28", ""},
		"a leap day":                     {"قتل رجل يوم الخميس 29 شباط", "2024-02-29", ""},
		"english":                        {"Russian warplanes struck the town on Monday, Dec. 16, killing four", "2019-12-16", "Russian warplanes"},
		"english after":                  {"Gunmen kidnapped a merchant on Wednesday, March 19, in Shahba", "2025-03-19", ""},
		"no weekday":                     {"قتل رجل في 12 آب في درعا", "", "no year"},
		"the regime's time, years back":  {"قصفت قوات النظام البلدة يوم الأحد 14 شباط", "2021-02-14", ""},
		"a weekday that fits no year":    {"اعتقل الأمن العام عنصراً من فلول النظام البائد يوم الخميس 29 شباط", "", "no year"},
		"another country's service":      {"أفرج الأمن العام اللبناني عن موقوف يوم الأحد 3 آب", "2025-08-03", ""},
		"weekday far from the date":      {"قال مصدر يوم الخميس إن رجلاً قتل في 12 آب", "", "no year"},
		"the regime told as former":      {"عناصر من قوات النظام سابقاً انضموا إلى الأمن العام يوم الجمعة 14 شباط", "2025-02-14", ""},
		"names that disagree: the later": {"اشتبك الأمن العام مع بقايا قوات الأسد من فلول النظام يوم الجمعة 14 شباط", "2025-02-14", "فلول النظام"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			toks := tokenize(tc.text, 0, len(tc.text))
			ctx := dateContext{today: today, era: findEra([][]token{toks})}
			ds := findDates(toks, tc.text, ctx)
			i := slices.IndexFunc(ds, func(d dateMention) bool { return d.resolved() || strings.Contains(d.Note, "no year") })
			if i < 0 {
				t.Fatalf("findDates(%q) = %+v: no day and month read", tc.text, ds)
			}
			d := ds[i]
			got := ""
			if d.resolved() {
				got = d.From.Format(time.DateOnly)
			}
			if got != tc.want || !strings.Contains(d.Note, tc.note) || d.resolved() != d.Inferred {
				t.Errorf("findDates(%q) = %q (inferred %v, note %q), want %q noting %q", tc.text, got, d.Inferred, d.Note, tc.want, tc.note)
			}
		})
	}
}

// TestStoryDay: a passage without a publication date that tells which day is
// "today" ("اليوم الجمعة 14 شباط") or files under a dated dateline dates its
// other "اليوم" and "أمس" by it, and says the year was inferred where it was.
func TestStoryDay(t *testing.T) {
	x := atToday(New(mustGazetteer(t)))
	tests := map[string]struct {
		text      string
		published string
		want      []string // each candidate's date, in order
		inferred  bool
	}{
		"today with a weekday and a date": {
			text: "قتل ثلاثة مدنيين اليوم الجمعة 14 شباط بقصف قوات الأسد على مدينة سرمين. " +
				"وقال الدفاع المدني إن غارة جوية استهدفت صباح اليوم بلدة النيرب وأصابت طفلين.",
			want: []string{"2020-02-14", "2020-02-14"}, inferred: true,
		},
		"yesterday with a date": {
			text: "قتل رجل بانفجار عبوة ناسفة أمس الخميس 13 شباط 2020 في مدينة الباب. " +
				"واعتقلت قوة أمنية اليوم شابين في المدينة ذاتها.",
			want: []string{"2020-02-13", "2020-02-14"},
		},
		"a dated dateline is the day of writing": {
			text: "DAMASCUS, Jan. 5, 2025 (Reuters) - Gunmen killed two soldiers at a checkpoint in the town of Sanamayn yesterday.",
			want: []string{"2025-01-04"},
		},
		"a dateline date is not when it happened": {
			text:      "BEIRUT, Oct 14 (Reuters) - Gunmen killed two soldiers at a checkpoint in the town of Sanamayn on Saturday.",
			published: "2025-10-14", want: []string{"2025-10-11"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var pub time.Time
			if tc.published != "" {
				pub = ymd(tc.published)
			}
			cs := x.Extract(tc.text, pub)
			var got []string
			noted := false
			for _, c := range cs {
				got = append(got, dateStr(c.DateFrom))
				noted = noted || slices.ContainsFunc(c.Notes, func(n string) bool { return strings.Contains(n, "inferred") })
			}
			if !slices.Equal(got, tc.want) || noted != tc.inferred {
				t.Errorf("Extract(%q) dates = %v (inferred noted %v), want %v (%v)", tc.text, got, noted, tc.want, tc.inferred)
			}
		})
	}
}

// TestEnglishWeeks: English news counts weeks from Monday.
func TestEnglishWeeks(t *testing.T) {
	pub := ymd("2025-09-18") // a Thursday
	for in, want := range map[string][2]string{
		"struck a farm last week":          {"2025-09-08", "2025-09-14"},
		"clashes this week":                {"2025-09-15", "2025-09-18"},
		"killed over the past week":        {"2025-09-11", "2025-09-17"},
		"an attack last month":             {"2025-08-01", "2025-08-31"},
		"were arrested earlier this month": {"2025-09-01", "2025-09-30"},
	} {
		d, ok := firstDate(in, pub)
		if !ok || dateStr(d.From) != want[0] || dateStr(d.To) != want[1] {
			t.Errorf("findDates(%q) = %v..%v, want %s..%s", in, dateStr(d.From), dateStr(d.To), want[0], want[1])
		}
	}
}

// TestMonthAbAfterMin: "آب" (August), which is also "father", is read after
// "30 من" as after a number.
func TestMonthAbAfterMin(t *testing.T) {
	for in, want := range map[string]string{
		"قتل عنصران اليوم الاثنين 30 من آب 2021":   "2021-08-30",
		"وفي السابع عشر من آب 2021 قتل رجل":        "2021-08-17",
		"قال أب الضحية إن ابنه قتل في 3 أيار 2021": "2021-05-03",
	} {
		ds := findDates(tokenize(in, 0, len(in)), in, dateContext{})
		i := slices.IndexFunc(ds, dateMention.resolved)
		if i < 0 || dateStr(ds[i].From) != want {
			t.Errorf("findDates(%q) = %+v, want %s", in, ds, want)
		}
	}
}
