package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// seedWant is one of the nine incidents of seed-incidents.md. Points are the
// OCHA community points of the towns; area incidents have none.
type seedWant struct {
	name     string
	typ      string
	lat, lon float64 // zero for an area incident
	admin1   string
	from, to string // "" for a date the reports do not give
	killed   *int
}

func intp(n int) *int { return &n }

var seedWants = []seedWant{
	{name: "1 cell arrested in Badrousiya", typ: TypeArrest, lat: 35.8918, lon: 35.8960, admin1: "SY06", from: "2025-11-24", to: "2025-11-24", killed: intp(2)},
	{name: "2 cell arrested in Afrin", typ: TypeArrest, lat: 36.5133, lon: 36.8637, admin1: "SY02", from: "2025-11-25", to: "2025-11-25"},
	{name: "3 operation in Dana", typ: TypeArrest, lat: 36.2127, lon: 36.7690, admin1: "SY07", from: "2025-12-01", to: "2025-12-31"},
	{name: "4 operation west of Idlib city", typ: TypeArrest, admin1: "SY07", from: "2025-12-01", to: "2025-12-31"},
	{name: "5 civilian killed near Maarat Misrin", typ: TypeArmedAttack, lat: 36.0149, lon: 36.6726, admin1: "SY07", killed: intp(1)},
	{name: "6 attack on two soldiers in Saraqib", typ: TypeArmedAttack, lat: 35.8660, lon: 36.8034, admin1: "SY07", from: "2025-12-02", to: "2025-12-02"},
	{name: "7 attack on a tanker in northern rural Deir ez-Zor", typ: TypeArmedAttack, admin1: "SY09", from: "2025-12-01", to: "2025-12-31"},
	{name: "8 weapons caches struck in Rif Dimashq", typ: TypeAirstrike, admin1: "SY03", from: "2025-11-24", to: "2025-11-27"},
	{name: "9 church bombing in Dweila, Damascus", typ: TypeBombing, lat: 33.5035, lon: 36.3265, admin1: "SY01", from: "2025-06-22", to: "2025-06-22", killed: intp(22)},
}

// TestSeeds runs extraction over both seed reports (neither has a known
// publication date) and requires the nine incidents of seed-incidents.md and
// nothing else but weapons seizures told with them.
func TestSeeds(t *testing.T) {
	dir := needShared(t, "seeds")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) != 2 {
		t.Fatalf("want the two seed reports in %s, found %v (%v)", dir, names, err)
	}
	x := atToday(New(realGazetteer(t)))
	var got []Candidate
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		cs := x.Extract(string(b), time.Time{})
		for _, c := range cs {
			t.Logf("%s: %s", filepath.Base(n), describeCandidate(c))
		}
		got = append(got, cs...)
	}
	used := make([]bool, len(got))
	for _, w := range seedWants {
		k := -1
		for i, c := range got {
			if !used[i] && c.IncidentType == w.typ && seedPlaceOK(w, c) {
				k = i
				break
			}
		}
		if k < 0 {
			t.Errorf("%s: not found", w.name)
			continue
		}
		used[k] = true
		c := got[k]
		if w.from == "" && !c.DateFrom.IsZero() {
			t.Errorf("%s: dated %s..%s; the reports give no date", w.name, dateStr(c.DateFrom), dateStr(c.DateTo))
		}
		if w.from != "" && (c.DateFrom.Before(ymd(w.from)) || c.DateTo.After(ymd(w.to)) || c.DateFrom.IsZero()) {
			t.Errorf("%s: dated %s..%s, want within %s..%s", w.name, dateStr(c.DateFrom), dateStr(c.DateTo), w.from, w.to)
		}
		if !sameCount(c.Killed, w.killed) {
			t.Errorf("%s: killed %s, want %s", w.name, countStr(c.Killed), countStr(w.killed))
		}
	}
	for i, c := range got {
		if !used[i] && c.IncidentType != TypeWeaponsSeizure {
			t.Errorf("false incident: %s", describeCandidate(c))
		}
	}
}

// seedPlaceOK: a town incident within 8 km of the town; an area incident in
// its governorate and not marked exact.
func seedPlaceOK(w seedWant, c Candidate) bool {
	if c.Admin1PCode != w.admin1 || !c.HasLocation {
		return false
	}
	if w.lat == 0 {
		return c.GeoPrecision != string(gazetteer.PrecisionExact) && c.GeoPrecision != string(gazetteer.PrecisionTown) &&
			c.GeoPrecision != string(gazetteer.PrecisionNeighbourhood)
	}
	return haversineKm(c.Location.Lat(), c.Location.Lon(), w.lat, w.lon) <= 8
}
