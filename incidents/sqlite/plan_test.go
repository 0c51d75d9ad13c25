package sqlite

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestFind_PlansAgree checks that both plans return the same pages for random
// boxes, periods, types and cursors, and that those pages are what a plain
// filter over every incident gives.
func TestFind_PlansAgree(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "plans.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(3, 4))
	all := randomIncidents(rng, 600)
	ids, err := s.Add(context.Background(), all)
	if err != nil {
		t.Fatal(err)
	}
	for i := range all {
		all[i].ID = ids[i]
	}
	for i := range 200 {
		f := randomFilter(rng)
		want := bruteFind(all, f)
		for _, p := range []plan{byDate, byBox} {
			got, err := s.find(context.Background(), f, p)
			if err != nil {
				t.Fatal(err)
			}
			if g := idsOf(got); !slices.Equal(g, want) {
				t.Fatalf("case %d, plan %d, filter %+v:\n got %v\nwant %v", i, p, f, g, want)
			}
			points, err := s.FindPoints(context.Background(), f)
			if g := idsOf(points); err != nil || !slices.Equal(g, want) {
				t.Fatalf("case %d, FindPoints: %v, %v; want %v", i, g, err, want)
			}
		}
	}
}

func randomIncidents(rng *rand.Rand, n int) []incidents.Incident {
	out := make([]incidents.Incident, n)
	for i := range out {
		from := time.Date(2011, 3, 15, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(40))
		to, prec := from, incidents.DateDay
		if rng.IntN(4) == 0 {
			to, prec = from.AddDate(0, 0, 1+rng.IntN(20)), incidents.DateRange
		}
		status := incidents.StatusPublished
		if rng.IntN(10) == 0 {
			status = incidents.StatusDraft
		}
		out[i] = incidents.Incident{Type: incidents.Types[rng.IntN(3)], DateFrom: from, DateTo: to,
			DatePrecision: prec, GeoPrecision: incidents.GeoExact, Status: status,
			Location: orb.Point{36 + rng.Float64(), 35 + rng.Float64()}}
	}
	return out
}

func randomFilter(rng *rand.Rand) incidents.Filter {
	f := incidents.Filter{Limit: 1 + rng.IntN(30)}
	if rng.IntN(5) > 0 {
		lon, lat, size := 36+rng.Float64(), 35+rng.Float64(), rng.Float64()/2
		f.Bounds = []orb.Bound{{Min: orb.Point{lon, lat}, Max: orb.Point{lon + size, lat + size}}}
	}
	day := func() time.Time { return time.Date(2011, 3, 15, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(60)) }
	if rng.IntN(3) == 0 {
		f.Period.Start = day()
	}
	if rng.IntN(3) == 0 {
		f.Period.End = day()
		if f.Period.End.Before(f.Period.Start) {
			f.Period.Start, f.Period.End = f.Period.End, f.Period.Start
		}
	}
	for range rng.IntN(3) {
		f.Types = append(f.Types, incidents.Types[rng.IntN(3)])
	}
	if rng.IntN(3) == 0 {
		f.After = &incidents.Cursor{DateTo: day(), ID: int64(rng.IntN(600))}
	}
	return f
}

// bruteFind is Find's contract written plainly: published incidents overlapping
// f, newest first by (date_to, id), after the cursor, at most f.Limit.
func bruteFind(all []incidents.Incident, f incidents.Filter) []int64 {
	var match []incidents.Incident
	for _, inc := range all {
		switch {
		case inc.Status != incidents.StatusPublished,
			len(f.Bounds) > 0 && !f.Bounds[0].Contains(inc.Location),
			!f.Period.Start.IsZero() && inc.DateTo.Before(f.Period.Start),
			!f.Period.End.IsZero() && inc.DateFrom.After(f.Period.End),
			len(f.Types) > 0 && !slices.Contains(f.Types, inc.Type),
			f.After != nil && !(inc.DateTo.Before(f.After.DateTo) || inc.DateTo.Equal(f.After.DateTo) && inc.ID < f.After.ID):
			continue
		}
		match = append(match, inc)
	}
	slices.SortFunc(match, func(a, b incidents.Incident) int {
		if c := b.DateTo.Compare(a.DateTo); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
	return idsOf(match[:min(len(match), f.Limit)])
}

func idsOf(found []incidents.Incident) []int64 {
	out := make([]int64, len(found))
	for i, inc := range found {
		out[i] = inc.ID
	}
	return out
}
