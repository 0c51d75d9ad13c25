package geo

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestParseBBox(t *testing.T) {
	b := func(w, s, e, n float64) orb.Bound { return orb.Bound{Min: orb.Point{w, s}, Max: orb.Point{e, n}} }
	tests := map[string]struct {
		in      string
		want    []orb.Bound
		wantErr bool
	}{
		"Syria":                   {in: "35.5,32.3,42.4,37.4", want: []orb.Bound{b(35.5, 32.3, 42.4, 37.4)}},
		"spaces":                  {in: " 35.5, 32.3 ,42.4,37.4", want: []orb.Bound{b(35.5, 32.3, 42.4, 37.4)}},
		"with heights":            {in: "35.5,32.3,0,42.4,37.4,100", want: []orb.Bound{b(35.5, 32.3, 42.4, 37.4)}},
		"panned one turn east":    {in: "395.5,32.3,402.4,37.4", want: []orb.Bound{b(35.5, 32.3, 42.4, 37.4)}},
		"panned one turn west":    {in: "-324.5,32.3,-317.6,37.4", want: []orb.Bound{b(35.5, 32.3, 42.4, 37.40)}},
		"across antimeridian":     {in: "170,-10,190,10", want: []orb.Bound{b(170, -10, 180, 10), b(-180, -10, -170, 10)}},
		"written across":          {in: "170,-10,-170,10", want: []orb.Bound{b(170, -10, 180, 10), b(-180, -10, -170, 10)}},
		"whole world zoomed out":  {in: "-540,-85,540,85", want: []orb.Bound{b(-180, -85, 180, 85)}},
		"point box":               {in: "36.6,35.9,36.6,35.9", want: []orb.Bound{b(36.6, 35.9, 36.6, 35.9)}},
		"three numbers":           {in: "1,2,3", wantErr: true},
		"five numbers":            {in: "1,2,3,4,5", wantErr: true},
		"empty":                   {in: "", wantErr: true},
		"not a number":            {in: "a,2,3,4", wantErr: true},
		"NaN":                     {in: "NaN,2,3,4", wantErr: true},
		"infinity":                {in: "1,2,Inf,4", wantErr: true},
		"south of north":          {in: "0,10,1,5", wantErr: true},
		"latitude too big":        {in: "0,0,1,91", wantErr: true},
		"west of east far out":    {in: "400,0,200,1", wantErr: true},
		"heights not numbers":     {in: "1,2,abc,3,4,xyz", wantErr: true},
		"heights NaN and Inf":     {in: "36,33,NaN,37,34,Inf", wantErr: true},
		"heights reversed":        {in: "36,33,100,37,34,0", wantErr: true},
		"hexadecimal":             {in: "0x1p4,30,40,35", wantErr: true},
		"underscores":             {in: "3_6,33,3_7,34", wantErr: true},
		"signs and exponents":     {in: "+36,-3.3e1,3.7E+1,34.", want: []orb.Bound{b(36, -33, 37, 34)}},
		"leading point":           {in: ".5,.5,1,1", want: []orb.Bound{b(0.5, 0.5, 1, 1)}},
		"a bare point":            {in: ".,0,1,1", wantErr: true},
		"exponent without digits": {in: "1e,0,2,1", wantErr: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := ParseBBox(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("ParseBBox(%q) error = %v, want error %v", tc.in, err, tc.wantErr)
			}
			if err != nil {
				if !errors.Is(err, ErrBadBBox) {
					t.Errorf("ParseBBox(%q) error %v does not wrap ErrBadBBox", tc.in, err)
				}
				return
			}
			if len(got) != len(tc.want) {
				t.Fatalf("ParseBBox(%q) = %v, want %v", tc.in, got, tc.want)
			}
			for i := range got {
				if !got[i].Min.Equal(tc.want[i].Min) || !near(got[i].Max, tc.want[i].Max) {
					t.Errorf("ParseBBox(%q)[%d] = %v, want %v", tc.in, i, got[i], tc.want[i])
				}
			}
		})
	}
}

func near(a, b orb.Point) bool {
	d := func(x, y float64) bool { return x-y < 1e-9 && y-x < 1e-9 }
	return d(a[0], b[0]) && d(a[1], b[1])
}

func TestCheckPoint(t *testing.T) {
	for _, p := range []orb.Point{{36.6, 35.9}, {-180, -90}, {180, 90}} {
		if err := CheckPoint(p); err != nil {
			t.Errorf("CheckPoint(%v) = %v, want nil", p, err)
		}
	}
	for _, p := range []orb.Point{{181, 0}, {0, -91}, {nan(), 0}} {
		if err := CheckPoint(p); !errors.Is(err, ErrBadPoint) {
			t.Errorf("CheckPoint(%v) = %v, want ErrBadPoint", p, err)
		}
	}
}

func nan() float64 { var z float64; return z / z }

func FuzzParseBBox(f *testing.F) {
	f.Add("35.5,32.3,42.4,37.4") // a Leaflet viewport over Syria
	f.Add("-540,0,540,1")        // zoomed out past the antimeridian
	f.Add("170,-10,-170,10")
	f.Add("1e308,0,1e309,1")
	f.Fuzz(func(t *testing.T, s string) {
		bounds, err := ParseBBox(s)
		if err != nil {
			return
		}
		if len(bounds) < 1 || len(bounds) > 2 {
			t.Fatalf("ParseBBox(%q) = %v: want 1 or 2 bounds", s, bounds)
		}
		for _, b := range bounds {
			if CheckPoint(b.Min) != nil || CheckPoint(b.Max) != nil || b.Min.Lon() > b.Max.Lon() || b.Min.Lat() > b.Max.Lat() {
				t.Fatalf("ParseBBox(%q) = %v: invalid bound %v", s, bounds, b)
			}
		}
	})
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"36.5": 36.5, "-0.25": -0.25, "+1": 1, "1e-3": 0.001, "2E+2": 200, ".5": 0.5, "5.": 5, "007": 7} {
		if got, err := ParseNumber(in); err != nil || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v, want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "+", "-", ".", "e5", "1e", "1e+", "NaN", "Inf", "-infinity", "0x1p4", "3_6", "1_000", " 1", "1 ", "1,5", "1e400", "--1", "1..2", "١٢"} {
		if got, err := ParseNumber(in); !errors.Is(err, ErrBadNumber) {
			t.Errorf("ParseNumber(%q) = %v, %v, want ErrBadNumber", in, got, err)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"36.5", "-1e-3", ".5", "0x1p4", "3_6", "NaN", "1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseNumber(s)
		if err != nil {
			return
		}
		want, perr := strconv.ParseFloat(s, 64)
		if perr != nil || got != want || math.IsNaN(got) || math.IsInf(got, 0) {
			t.Fatalf("ParseNumber(%q) = %v; strconv.ParseFloat: %v, %v", s, got, want, perr)
		}
		if strings.ContainsAny(s, "_xXpPnNiI \t") {
			t.Fatalf("ParseNumber(%q) = %v: took a character no decimal number has", s, got)
		}
	})
}
