package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// Random incidents, filters and writes, for tests that hold a fast path (an
// in-memory index, stored features) to a plain one over many cases.

// LatticeLon and LatticeLat put points and box edges on one lattice of
// float64s, so that boxes often end exactly on points.
func LatticeLon(k int) float64 { return 36 + float64(k)/50 }
func LatticeLat(k int) float64 { return 35 + float64(k)/50 }

// LatticeIncidents are n incidents on a 20 × 20 lattice, over 12 days so that
// many share a date_to, some over ranges of up to 30 days, some drafts, some
// with sources.
func LatticeIncidents(rng *rand.Rand, n int) []incidents.Incident {
	out := make([]incidents.Incident, n)
	for i := range out {
		from := time.Date(2012, 5, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(12))
		to, prec := from, incidents.DateDay
		if rng.IntN(5) == 0 {
			to, prec = from.AddDate(0, 0, 1+rng.IntN(30)), incidents.DateRange
		}
		status := incidents.StatusPublished
		if rng.IntN(6) == 0 {
			status = incidents.StatusDraft
		}
		inc := incidents.Incident{Type: incidents.Types[rng.IntN(4)], DateFrom: from, DateTo: to,
			DatePrecision: prec, GeoPrecision: incidents.GeoExact, Status: status,
			Location: orb.Point{LatticeLon(rng.IntN(20)), LatticeLat(rng.IntN(20))}, SummaryEN: fmt.Sprint("incident ", i),
			SummaryAR: fmt.Sprint("حادثة رقم ", i)}
		for j := range rng.IntN(3) {
			inc.Sources = append(inc.Sources, incidents.Source{Title: fmt.Sprint("report ", i, j),
				URL: fmt.Sprintf("https://example.org/%d/%d", i, j), Publisher: "Example"})
		}
		out[i] = inc
	}
	return out
}

// LatticeFilter is a random Find filter over LatticeIncidents: one box or
// two (touching, overlapping or apart, as a bbox across the antimeridian
// gives), edges on the lattice or between, periods, types, a cursor from
// page (or anywhere) and a limit.
func LatticeFilter(rng *rand.Rand, page []incidents.Incident) incidents.Filter {
	f := incidents.Filter{Limit: 1 + rng.IntN(40)}
	edge := func(lattice func(int) float64) float64 {
		if rng.IntN(3) == 0 {
			return lattice(-2+rng.IntN(24)) + rng.Float64()/50
		}
		return lattice(-2 + rng.IntN(24))
	}
	for range 1 + rng.IntN(2) {
		lon0, lon1, lat0, lat1 := edge(LatticeLon), edge(LatticeLon), edge(LatticeLat), edge(LatticeLat)
		f.Bounds = append(f.Bounds, orb.Bound{Min: orb.Point{min(lon0, lon1), min(lat0, lat1)}, Max: orb.Point{max(lon0, lon1), max(lat0, lat1)}})
	}
	day := func() time.Time {
		t := time.Date(2012, 4, 25, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(50))
		if rng.IntN(4) == 0 { // an instant late in a day east of UTC: another date there
			t = t.Add(22 * time.Hour).In(time.FixedZone("EET", 3*3600))
		}
		return t
	}
	f.Period = RandomPeriod(rng, day)
	for range rng.IntN(3) {
		f.Types = append(f.Types, incidents.Types[rng.IntN(5)])
	}
	switch {
	case len(page) > 0 && rng.IntN(2) == 0:
		c := incidents.CursorOf(page[rng.IntN(len(page))])
		f.After = &c
	case rng.IntN(4) == 0:
		f.After = &incidents.Cursor{DateTo: day(), ID: int64(rng.IntN(700))}
	}
	return f
}

// WriteAtRandom makes one random write through s (new incidents, a
// deletion, an added source, or a move, retype, redate, longer date range,
// publication or unpublication) and says what it was. ids are the incidents
// it may change; it keeps them up to date.
func WriteAtRandom(t testing.TB, s incidents.Store, rng *rand.Rand, ids *[]int64) string {
	t.Helper()
	ctx := context.Background()
	id := (*ids)[rng.IntN(len(*ids))]
	switch rng.IntN(5) {
	case 0:
		added, err := s.Add(ctx, LatticeIncidents(rng, 1+rng.IntN(3)))
		if err != nil {
			t.Fatal(err)
		}
		*ids = append(*ids, added...)
		return fmt.Sprint("add ", added)
	case 1:
		if err := s.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
		for i, x := range *ids {
			if x == id {
				*ids = append((*ids)[:i], (*ids)[i+1:]...)
				break
			}
		}
		return fmt.Sprint("delete ", id)
	case 2:
		if err := s.AddSources(ctx, id, []incidents.Source{{Title: "later", URL: fmt.Sprint("https://example.org/later/", id)}}); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint("add a source to ", id)
	default:
		inc, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		change := LatticeIncidents(rng, 1)[0]
		inc.Location, inc.Type, inc.Status = change.Location, change.Type, change.Status
		inc.DateFrom, inc.DateTo, inc.DatePrecision = change.DateFrom, change.DateTo, change.DatePrecision
		if rng.IntN(4) == 0 {
			inc.DateTo = inc.DateFrom.Add(time.Duration(40+rng.IntN(100)) * 24 * time.Hour) // a longer span than any loaded
			inc.DatePrecision = incidents.DateRange
		}
		if _, err := s.Update(ctx, inc); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint("update ", id, " to ", inc.Status, " ", inc.Type, " at ", inc.Location)
	}
}

// Seq yields incs, for Import.
func Seq(incs []incidents.Incident) func(yield func(incidents.Incident, error) bool) {
	return func(yield func(incidents.Incident, error) bool) {
		for _, inc := range incs {
			if !yield(inc, nil) {
				return
			}
		}
	}
}

// Emptier is a store that tells whether it holds any incident without
// counting them.
type Emptier interface {
	incidents.Store
	Empty(ctx context.Context) (bool, error)
}

// CheckEmpty holds s's Empty to what it holds: true when new, false with
// one draft, true again once that is deleted.
func CheckEmpty(t *testing.T, s Emptier) {
	t.Helper()
	ctx := context.Background()
	want := func(empty bool, when string) {
		t.Helper()
		if got, err := s.Empty(ctx); err != nil || got != empty {
			t.Fatalf("%s: Empty() = %v, %v; want %v", when, got, err, empty)
		}
	}
	want(true, "new")
	draft := Incident(incidents.TypeArrest, 36.6, 35.9, "2024-01-01", "2024-01-01")
	draft.Status = incidents.StatusDraft
	ids, err := s.Add(ctx, []incidents.Incident{draft})
	if err != nil {
		t.Fatal(err)
	}
	want(false, "holding a draft")
	if err := s.Delete(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	want(true, "after deleting it")
}

// RandomPeriod is open at each end two times in three, else bounded by day().
func RandomPeriod(rng *rand.Rand, day func() time.Time) incidents.Interval {
	var start, end time.Time
	hasStart, hasEnd := rng.IntN(3) == 0, rng.IntN(3) == 0
	if hasStart {
		start = day()
	}
	if hasEnd {
		end = day()
		if hasStart && end.Before(start) {
			start, end = end, start
		}
	}
	switch {
	case hasStart && hasEnd:
		return incidents.Between(start, end)
	case hasStart:
		return incidents.Since(start)
	case hasEnd:
		return incidents.Until(end)
	}
	return incidents.Interval{}
}
