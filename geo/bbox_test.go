package geo

import (
	"errors"
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
		"Syria":                  {in: "35.5,32.3,42.4,37.4", want: []orb.Bound{b(35.5, 32.3, 42.4, 37.4)}},
		"spaces":                 {in: " 35.5, 32.3 ,42.4,37.4", want: []orb.Bound{b(35.5, 32.3, 42.4, 37.4)}},
		"with heights":           {in: "35.5,32.3,0,42.4,37.4,100", want: []orb.Bound{b(35.5, 32.3, 42.4, 37.4)}},
		"panned one turn east":   {in: "395.5,32.3,402.4,37.4", want: []orb.Bound{b(35.5, 32.3, 42.4, 37.4)}},
		"panned one turn west":   {in: "-324.5,32.3,-317.6,37.4", want: []orb.Bound{b(35.5, 32.3, 42.4, 37.40)}},
		"across antimeridian":    {in: "170,-10,190,10", want: []orb.Bound{b(170, -10, 180, 10), b(-180, -10, -170, 10)}},
		"written across":         {in: "170,-10,-170,10", want: []orb.Bound{b(170, -10, 180, 10), b(-180, -10, -170, 10)}},
		"whole world zoomed out": {in: "-540,-85,540,85", want: []orb.Bound{b(-180, -85, 180, 85)}},
		"point box":              {in: "36.6,35.9,36.6,35.9", want: []orb.Bound{b(36.6, 35.9, 36.6, 35.9)}},
		"three numbers":          {in: "1,2,3", wantErr: true},
		"five numbers":           {in: "1,2,3,4,5", wantErr: true},
		"empty":                  {in: "", wantErr: true},
		"not a number":           {in: "a,2,3,4", wantErr: true},
		"NaN":                    {in: "NaN,2,3,4", wantErr: true},
		"infinity":               {in: "1,2,Inf,4", wantErr: true},
		"south of north":         {in: "0,10,1,5", wantErr: true},
		"latitude too big":       {in: "0,0,1,91", wantErr: true},
		"west of east far out":   {in: "400,0,200,1", wantErr: true},
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
