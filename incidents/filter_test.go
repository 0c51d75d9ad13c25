package incidents

import (
	"errors"
	"testing"
	"time"
)

func TestParseInterval(t *testing.T) {
	ts := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			panic(err)
		}
		return v
	}
	endOf := func(d string) time.Time { return ts(d + "T23:59:59.999999999Z") }
	tests := map[string]struct {
		in      string
		want    Interval
		wantErr bool
	}{
		"a day":          {in: "2025-11-24", want: Between(ts("2025-11-24T00:00:00Z"), endOf("2025-11-24"))},
		"an instant":     {in: "2025-11-24T10:30:00+02:00", want: Between(ts("2025-11-24T08:30:00Z"), ts("2025-11-24T08:30:00Z"))},
		"closed":         {in: "2025-11-24/2025-11-27", want: Between(ts("2025-11-24T00:00:00Z"), endOf("2025-11-27"))},
		"open end":       {in: "2025-11-24/..", want: Since(ts("2025-11-24T00:00:00Z"))},
		"open start":     {in: "../2025-11-27", want: Until(endOf("2025-11-27"))},
		"empty start":    {in: "/2025-11-27", want: Until(endOf("2025-11-27"))},
		"empty end":      {in: "2025-11-24/", want: Since(ts("2025-11-24T00:00:00Z"))},
		"both open":      {in: "../..", want: Interval{}},
		"mixed":          {in: "2025-11-24T12:00:00Z/2025-11-25", want: Between(ts("2025-11-24T12:00:00Z"), endOf("2025-11-25"))},
		"far future end": {in: "2020-01-01/9999-12-31", want: Between(ts("2020-01-01T00:00:00Z"), endOf("9999-12-31"))},
		// Year 1 is a year like any other: only ".." or nothing leaves an end open.
		"year-1 instant":         {in: "0001-01-01T00:00:00Z", want: Between(time.Time{}, time.Time{})},
		"year-1 start":           {in: "0001-01-01T00:00:00Z/2025-11-24", want: Between(time.Time{}, endOf("2025-11-24"))},
		"year-1 end is reversed": {in: "2025-12-01/0001-01-01T00:00:00Z", wantErr: true},
		"reversed":               {in: "2025-11-27/2025-11-24", wantErr: true},
		"nothing":                {in: "/", wantErr: true},
		"words":                  {in: "last week", wantErr: true},
		"no zone":                {in: "2025-11-24T10:30:00", wantErr: true},
		"month only":             {in: "2025-11", wantErr: true},
		"impossible date":        {in: "2025-02-30", wantErr: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := ParseInterval(tc.in)
			if (err != nil) != tc.wantErr || (err != nil && !errors.Is(err, ErrBadDatetime)) {
				t.Fatalf("ParseInterval(%q) error = %v, want error %v wrapping ErrBadDatetime", tc.in, err, tc.wantErr)
			}
			gs, gsok := got.Start()
			ge, geok := got.End()
			ws, wsok := tc.want.Start()
			we, weok := tc.want.End()
			if gsok != wsok || geok != weok || !gs.Equal(ws) || !ge.Equal(we) {
				t.Errorf("ParseInterval(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzParseInterval(f *testing.F) {
	for _, s := range []string{"2025-11-24", "2025-11-24/..", "../2025-11-27", "2025-11-24T10:30:00Z/2025-12-01", "/", "2025-13-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iv, err := ParseInterval(s)
		start, hasStart := iv.Start()
		end, hasEnd := iv.End()
		if err == nil && hasStart && hasEnd && start.After(end) {
			t.Fatalf("ParseInterval(%q) = %v: start after end", s, iv)
		}
	})
}

// TestInterval_Days: the days stores compare are the UTC dates of the ends,
// clamped to the four-digit years every stored date is written in, so that an
// instant past year 9999 in UTC still bounds like the last day.
func TestInterval_Days(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(DateLayout, s); return d }
	late, _ := time.Parse(time.RFC3339, "9999-12-31T23:00:00-05:00")  // 10000-01-01 in UTC
	early, _ := time.Parse(time.RFC3339, "0000-01-01T00:00:00+05:00") // year -1 in UTC
	tests := map[string]struct {
		iv          Interval
		first, last time.Time
		hasF, hasL  bool
	}{
		"open":        {Interval{}, MinDay, MinDay, false, false},
		"east of UTC": {Between(time.Date(2025, 11, 24, 1, 0, 0, 0, time.FixedZone("EET", 3*3600)), day("2025-11-25")), day("2025-11-23"), day("2025-11-25"), true, true},
		"past 9999":   {Until(late), MinDay, MaxDay, false, true},
		"before 0000": {Since(early), MinDay, MinDay, true, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			f, fok := tc.iv.FirstDay()
			l, lok := tc.iv.LastDay()
			if fok != tc.hasF || lok != tc.hasL || (fok && !f.Equal(tc.first)) || (lok && !l.Equal(tc.last)) {
				t.Errorf("%v: days %v %v, %v %v; want %v %v, %v %v", tc.iv, f, fok, l, lok, tc.first, tc.hasF, tc.last, tc.hasL)
			}
		})
	}
}
