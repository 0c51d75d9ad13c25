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
		"a day":           {in: "2025-11-24", want: Interval{ts("2025-11-24T00:00:00Z"), endOf("2025-11-24")}},
		"an instant":      {in: "2025-11-24T10:30:00+02:00", want: Interval{ts("2025-11-24T08:30:00Z"), ts("2025-11-24T08:30:00Z")}},
		"closed":          {in: "2025-11-24/2025-11-27", want: Interval{ts("2025-11-24T00:00:00Z"), endOf("2025-11-27")}},
		"open end":        {in: "2025-11-24/..", want: Interval{Start: ts("2025-11-24T00:00:00Z")}},
		"open start":      {in: "../2025-11-27", want: Interval{End: endOf("2025-11-27")}},
		"empty start":     {in: "/2025-11-27", want: Interval{End: endOf("2025-11-27")}},
		"both open":       {in: "../..", want: Interval{}},
		"mixed":           {in: "2025-11-24T12:00:00Z/2025-11-25", want: Interval{ts("2025-11-24T12:00:00Z"), endOf("2025-11-25")}},
		"reversed":        {in: "2025-11-27/2025-11-24", wantErr: true},
		"nothing":         {in: "/", wantErr: true},
		"words":           {in: "last week", wantErr: true},
		"no zone":         {in: "2025-11-24T10:30:00", wantErr: true},
		"month only":      {in: "2025-11", wantErr: true},
		"impossible date": {in: "2025-02-30", wantErr: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := ParseInterval(tc.in)
			if (err != nil) != tc.wantErr || (err != nil && !errors.Is(err, ErrBadDatetime)) {
				t.Fatalf("ParseInterval(%q) error = %v, want error %v wrapping ErrBadDatetime", tc.in, err, tc.wantErr)
			}
			if !got.Start.Equal(tc.want.Start) || !got.End.Equal(tc.want.End) {
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
		if err == nil && !iv.Start.IsZero() && !iv.End.IsZero() && iv.Start.After(iv.End) {
			t.Fatalf("ParseInterval(%q) = %v: start after end", s, iv)
		}
	})
}
