package incidents

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

func validIncident() Incident {
	d := time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC)
	return Incident{Type: TypeArmedAttack, DateFrom: d, DateTo: d, DatePrecision: DateDay,
		Location: orb.Point{36.80, 35.87}, GeoPrecision: GeoTown, Status: StatusPublished, Admin1PCode: "SY07"}
}

func TestIncident_Validate(t *testing.T) {
	neg := -1
	span := func(from, to string, p DatePrecision) func(*Incident) {
		return func(i *Incident) {
			i.DateFrom, _ = ParseDate(from)
			i.DateTo, _ = ParseDate(to)
			i.DatePrecision = p
		}
	}
	tests := map[string]struct {
		edit  func(*Incident)
		field string // named in the error; empty: valid
	}{
		"valid":              {func(*Incident) {}, ""},
		"no P-code":          {func(i *Incident) { i.Admin1PCode = "" }, ""},
		"unknown type":       {func(i *Incident) { i.Type = "riot" }, "incident_type"},
		"date precision":     {func(i *Incident) { i.DatePrecision = "week" }, "date_precision"},
		"geo precision":      {func(i *Incident) { i.GeoPrecision = "city" }, "geo_precision"},
		"status":             {func(i *Incident) { i.Status = "deleted" }, "status"},
		"no date_from":       {func(i *Incident) { i.DateFrom = time.Time{} }, "date_from"},
		"published, no date": {func(i *Incident) { i.DateFrom, i.DateTo, i.DatePrecision = time.Time{}, time.Time{}, "" }, "date_from"},
		"draft, no date": {func(i *Incident) {
			i.DateFrom, i.DateTo, i.DatePrecision, i.Status = time.Time{}, time.Time{}, "", StatusDraft
		}, ""},
		"draft, no date, a precision": {func(i *Incident) { i.DateFrom, i.DateTo, i.Status = time.Time{}, time.Time{}, StatusDraft }, "date_precision"},
		"reversed dates":              {func(i *Incident) { i.DateTo = i.DateFrom.AddDate(0, 0, -1) }, "date_from"},
		"a day of nine days":          {func(i *Incident) { i.DateTo = i.DateFrom.AddDate(0, 0, 8) }, `date_precision: "day" does not fit 2025-12-02..2025-12-10`},
		"a range of nine days":        {func(i *Incident) { i.DateTo, i.DatePrecision = i.DateFrom.AddDate(0, 0, 8), DateRange }, ""},
		"a month":                     {span("2025-02-01", "2025-02-28", DateMonth), ""},
		"a month into the next":       {span("2025-02-01", "2025-03-01", DateMonth), "date_precision"},
		"a year":                      {span("2019-01-01", "2019-12-31", DateYear), ""},
		"a year of two":               {span("2019-01-01", "2020-12-31", DateYear), "date_precision"},
		"P-code SY15":                 {func(i *Incident) { i.Admin1PCode = "SY15" }, "admin1_pcode"},
		"P-code SY00":                 {func(i *Incident) { i.Admin1PCode = "SY00" }, "admin1_pcode"},
		"P-code letters":              {func(i *Incident) { i.Admin1PCode = "SY0A" }, "admin1_pcode"},
		"latitude":                    {func(i *Incident) { i.Location = orb.Point{36, 95} }, "geometry"},
		"Paris":                       {func(i *Incident) { i.Location = orb.Point{2.35, 48.85} }, "geometry: [2.35, 48.85] (longitude, latitude) is outside the area mapped"},
		"null island":                 {func(i *Incident) { i.Location = orb.Point{0, 0} }, "geometry"},
		"Damascus swapped":            {func(i *Incident) { i.Location = orb.Point{33.51, 36.29} }, "geometry"},
		"the Bekaa, across a border":  {func(i *Incident) { i.Location = orb.Point{35.9, 33.85} }, ""},
		"Al-Tanf, on the border":      {func(i *Incident) { i.Location = orb.Point{38.63, 33.5} }, ""},
		"negative count":              {func(i *Incident) { i.Killed = &neg }, "killed"},
		"javascript source":           {func(i *Incident) { i.Sources = []Source{{URL: "javascript:alert(1)"}} }, "sources[0].url"},
		"source with a password":      {func(i *Incident) { i.Sources = []Source{{URL: "https://editor:secret@news.example/a"}} }, "sources[0].url: a URL with a user name or password"},
		"source without a host":       {func(i *Incident) { i.Sources = []Source{{URL: "https:///a"}} }, "sources[0].url: no host"},
		"invalid UTF-8":               {func(i *Incident) { i.SummaryAR = "\xff\xfe" }, "summary_ar"},
		"year 1":                      {func(i *Incident) { i.DateFrom = time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC) }, "date_from: 0001-01-02 is outside the dates accepted, 1900-01-01..2100-12-31"},
		"year 9999":                   {func(i *Incident) { i.DateTo = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC) }, "date_to: 9999-12-31 is outside"},
		"first day accepted":          {func(i *Incident) { i.DateFrom, i.DatePrecision = EarliestDate, DateRange }, ""},
		"last day accepted":           {func(i *Incident) { i.DateTo, i.DatePrecision = LatestDate, DateRange }, ""},
		"a day before":                {func(i *Incident) { i.DateFrom = EarliestDate.AddDate(0, 0, -1) }, "date_from"},
		"source published":            {func(i *Incident) { i.Sources = []Source{{Title: "t", Published: LatestDate.AddDate(0, 0, 1)}} }, "sources[0].published"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			inc := validIncident()
			tc.edit(&inc)
			err := inc.Validate()
			if tc.field == "" {
				if err != nil {
					t.Errorf("Validate() = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.field) {
				t.Errorf("Validate() = %v, want ErrInvalid naming %s", err, tc.field)
			}
		})
	}
}

// TestCanonicalURL: one report from two links is one source; what tells pages
// apart (path, other parameters) is kept as written. A URL far past
// MaxURLBytes, half a million tracking parameters, is left whole for the
// length check to refuse, not split.
func TestCanonicalURL(t *testing.T) {
	huge := "https://news.example.org/a?" + strings.Repeat("utm_a=1&", 500_000)
	if got := CanonicalURL(huge); got != huge {
		t.Errorf("a %d-byte URL was rewritten to %d bytes; want it left for the length check", len(huge), len(got))
	}
	inc := validIncident()
	inc.Sources = []Source{{URL: CanonicalURL(huge)}}
	if err := inc.Validate(); err == nil || !strings.Contains(err.Error(), "sources[0].url") {
		t.Errorf("the 4 MB URL: %v; want it refused", err)
	}
	for in, want := range map[string]string{
		"https://news.example.org/a/B?id=7":                          "https://news.example.org/a/B?id=7",
		"https://news.example.org/a#comments":                        "https://news.example.org/a",
		"HTTPS://News.Example.ORG:443/a":                             "https://news.example.org/a",
		"http://news.example.org:80/a":                               "http://news.example.org/a",
		"http://news.example.org:8080/a":                             "http://news.example.org:8080/a",
		"https://news.example.org/a?utm_source=x&id=7&utm_medium=y":  "https://news.example.org/a?id=7",
		"https://news.example.org/a?fbclid=abc":                      "https://news.example.org/a",
		"https://news.example.org/a?p=2&id=7&gclid=z#top":            "https://news.example.org/a?p=2&id=7",
		"https://news.example.org/%D8%AE%D8%A8%D8%B1?UTM_Campaign=c": "https://news.example.org/%D8%AE%D8%A8%D8%B1",
		" https://news.example.org/a ":                               "https://news.example.org/a",
		"https://[2001:DB8::1]:443/a":                                "https://[2001:db8::1]/a",
		"https://news.example.org/أخبار/قصف?utm_source=x&p=ريف":      "https://news.example.org/أخبار/قصف?p=ريف",
		"https://news.example.org/a%2Fb?q=%D8%AE":                    "https://news.example.org/a%2Fb?q=%D8%AE",
		"https://news.example.org?utm_source=x":                      "https://news.example.org",
		"https://news.example.org:4430/a":                            "https://news.example.org:4430/a",
		"javascript:alert(1)":                                        "javascript:alert(1)",
		"ftp://files.example.org/a":                                  "ftp://files.example.org/a",
		"":                                                           "",
	} {
		if got := CanonicalURL(in); got != want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", in, got, want)
		} else if again := CanonicalURL(got); again != got {
			t.Errorf("CanonicalURL(%q) = %q: not a fixed point", got, again)
		}
	}
}
