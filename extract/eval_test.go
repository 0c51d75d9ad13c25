package extract

import (
	"math"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// passage is one hand-written report of testdata/passages.jsonl with the
// incidents a careful reader would record from it.
type evalPassage struct {
	ID        string         `json:"id"`
	Split     string         `json:"split"` // "fresh", "heldout", "heldout2": written after the rules were frozen; else used while writing them
	Published string         `json:"published"`
	Text      string         `json:"text"`
	Want      []wantIncident `json:"want"`
}

type wantIncident struct {
	Type     string   `json:"type"`
	Admin1   string   `json:"admin1"`
	Place    string   `json:"place"`
	Lat      *float64 `json:"lat"`
	Lon      *float64 `json:"lon"`
	DateFrom *string  `json:"date_from"`
	DateTo   *string  `json:"date_to"`
	Killed   *int     `json:"killed"`
	Injured  *int     `json:"injured"`
	Arrested *int     `json:"arrested"`
}

var (
	gazOnce sync.Once
	gaz     *gazetteer.Gazetteer
	gazErr  error
)

// mustGazetteer returns the real default gazetteer, built once per test run.
func mustGazetteer(tb testing.TB) *gazetteer.Gazetteer {
	tb.Helper()
	gazOnce.Do(func() { gaz, gazErr = gazetteer.Default() })
	if gazErr != nil {
		tb.Fatalf("gazetteer.Default: %v", gazErr)
	}
	return gaz
}

func loadPassages(tb testing.TB) []evalPassage {
	return readJSONL[evalPassage](tb, "testdata/passages.jsonl")
}

// score tallies detection (type + governorate) and, over matched incidents,
// how often each field is right.
type score struct {
	got, want, matched      int
	placeOK, placeN         int
	dateOK, killedOK, injOK int
	arrOK                   int
}

// TestExtract_Passages measures extraction on hand-written passages and fails
// if precision, recall or field accuracy fall below the floors measured when
// the rules were written. Run with -v to see the figures and every miss.
func TestExtract_Passages(t *testing.T) {
	x := New(mustGazetteer(t))
	var old, fresh, heldout, heldout2 score
	for _, p := range loadPassages(t) {
		var pub time.Time
		if p.Published != "" {
			pub, _ = time.Parse(time.DateOnly, p.Published)
		}
		got := x.Extract(p.Text, pub)
		switch p.Split {
		case "heldout":
			heldout.passage(t, p, got)
		case "heldout2":
			heldout2.passage(t, p, got)
		case "fresh":
			fresh.passage(nil, p, got)
			old.passage(t, p, got)
		default:
			old.passage(t, p, got)
		}
	}
	old.log(t, "old set (dev + fresh)")
	fresh.log(t, "fresh passages only")
	heldout.log(t, "held-out set")
	heldout2.log(t, "second held-out set")
	// old: measured 0.98, 0.91, 0.94, 1.00, 1.00 on 2025-12 rules, 1.00 throughout after the
	// dual, date and gazetteer fixes its misses asked for; the floors stay where they were.
	// held-out: written before those fixes; first run 0.95, 0.86, 0.94, 0.78, 0.87, after
	// them 1.00, 0.90, 0.94, 1.00, 0.95; floors a few points under.
	check(t, "old", old, [5]float64{0.92, 0.86, 0.88, 0.92, 0.93})
	check(t, "held-out", heldout, [5]float64{0.90, 0.85, 0.85, 0.90, 0.88})
	// second held-out: 25 multi-paragraph passages (datelines, quotes, background, asides,
	// tallies, 3 with no incident) written before the third round of rules. First run 0.68,
	// 0.88, 0.89, 0.86, 0.87; after the rules its misses asked for 0.91, 0.91, 1.00, 0.97, 0.98.
	check(t, "second held-out", heldout2, [5]float64{0.86, 0.86, 0.93, 0.90, 0.92})
}

// check fails the test if precision, recall, place, date or count accuracy of
// sc falls below its floor.
func check(t *testing.T, name string, sc score, floor [5]float64) {
	t.Helper()
	got := [5]float64{ratio(sc.matched, sc.got), ratio(sc.matched, sc.want), ratio(sc.placeOK, sc.placeN),
		ratio(sc.dateOK, sc.matched), ratio(sc.killedOK+sc.injOK+sc.arrOK, 3*sc.matched)}
	for i, what := range []string{"precision", "recall", "place", "date", "counts"} {
		if got[i] < floor[i] {
			t.Errorf("%s set: %s = %.2f, below the floor %.2f", name, what, got[i], floor[i])
		}
	}
}

// passage scores the candidates got for p; t, if not nil, logs each miss.
func (sc *score) passage(t *testing.T, p evalPassage, got []Candidate) {
	logf := func(format string, args ...any) {
		if t != nil {
			t.Helper()
			t.Logf(format, args...)
		}
	}
	// news-dev's conventions record the weapons seized in an arrest raid as a
	// weapons_seizure beside the arrest; these passages were labelled before,
	// so such companions are neither counted nor scored
	got = slices.DeleteFunc(slices.Clone(got), func(c Candidate) bool {
		return c.IncidentType == TypeWeaponsSeizure && slices.ContainsFunc(got, func(a Candidate) bool {
			return a.IncidentType == TypeArrest && a.Admin1PCode == c.Admin1PCode && a.DateFrom.Equal(c.DateFrom)
		}) && !slices.ContainsFunc(p.Want, func(w wantIncident) bool { return w.Type == TypeWeaponsSeizure })
	})
	sc.got += len(got)
	sc.want += len(p.Want)
	used := make([]bool, len(got))
	for _, w := range p.Want {
		k := matchCandidate(got, used, w)
		if k < 0 {
			logf("%s: missed %s in %s (%s)", p.ID, w.Type, w.Admin1, w.Place)
			continue
		}
		used[k] = true
		sc.matched++
		sc.fields(logf, p.ID, got[k], w)
	}
	for k, c := range got {
		if !used[k] {
			logf("%s: extra %s in %q %s", p.ID, c.IncidentType, c.PlaceNameEN, c.Admin1PCode)
		}
	}
}

func (sc *score) log(t *testing.T, name string) {
	t.Helper()
	t.Logf("%s: detection (type + governorate) over %d incidents: precision %.2f (%d/%d), recall %.2f (%d/%d)",
		name, sc.want, ratio(sc.matched, sc.got), sc.matched, sc.got, ratio(sc.matched, sc.want), sc.matched, sc.want)
	t.Logf("%s: fields over %d matched: place %.2f (%d/%d within 15 km), date %.2f, killed %.2f, injured %.2f, arrested %.2f",
		name, sc.matched, ratio(sc.placeOK, sc.placeN), sc.placeOK, sc.placeN, ratio(sc.dateOK, sc.matched),
		ratio(sc.killedOK, sc.matched), ratio(sc.injOK, sc.matched), ratio(sc.arrOK, sc.matched))
}

// matchCandidate returns the first unused candidate of w's type in w's
// governorate, or -1.
func matchCandidate(got []Candidate, used []bool, w wantIncident) int {
	best, bestKm := -1, math.Inf(1)
	for k, c := range got {
		if used[k] || c.IncidentType != w.Type || c.Admin1PCode != w.Admin1 {
			continue
		}
		km := 0.0
		if w.Lat != nil && c.HasLocation {
			km = haversineKm(c.Location.Lat(), c.Location.Lon(), *w.Lat, *w.Lon)
		}
		if best < 0 || km < bestKm {
			best, bestKm = k, km // the nearest of the right type and governorate
		}
	}
	return best
}

func (sc *score) fields(logf func(string, ...any), id string, c Candidate, w wantIncident) {
	if w.Lat != nil {
		sc.placeN++
		if c.HasLocation && haversineKm(c.Location.Lat(), c.Location.Lon(), *w.Lat, *w.Lon) <= 15 {
			sc.placeOK++
		} else {
			logf("%s: place %q at %v, want %s near %.2f,%.2f", id, c.PlaceNameEN, c.Location, w.Place, *w.Lat, *w.Lon)
		}
	}
	if dateStr(c.DateFrom) == deref(w.DateFrom) && dateStr(c.DateTo) == deref(w.DateTo) {
		sc.dateOK++
	} else {
		logf("%s: date %s..%s, want %s..%s", id, dateStr(c.DateFrom), dateStr(c.DateTo), deref(w.DateFrom), deref(w.DateTo))
	}
	for _, f := range []struct {
		name      string
		got, want *int
		ok        *int
	}{{"killed", c.Killed, w.Killed, &sc.killedOK}, {"injured", c.Injured, w.Injured, &sc.injOK}, {"arrested", c.Arrested, w.Arrested, &sc.arrOK}} {
		if sameCount(f.got, f.want) {
			*f.ok++
		} else {
			logf("%s: %s %s, want %s", id, f.name, countStr(f.got), countStr(f.want))
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func dateStr(t time.Time) string {
	if t.IsZero() {
		return "null"
	}
	return t.Format(time.DateOnly)
}

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func sameCount(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func countStr(p *int) string {
	if p == nil {
		return "null"
	}
	return strconv.Itoa(*p)
}

// haversineKm is the great-circle distance between two points in kilometres.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
