package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

func TestSynth(t *testing.T) {
	db := filepath.Join(t.TempDir(), "synth.db")
	out, _, err := runCmd(t, "", "synth", "--db", db, "--n", "3000", "--seed", "7")
	if err != nil || !strings.Contains(out, "synthesized 3000 incidents") {
		t.Fatalf("synth: %q, %v", out, err)
	}
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	all, err := store.Find(context.Background(), incidents.Filter{})
	if err != nil || len(all) != 3000 {
		t.Fatalf("stored %d incidents, %v; want 3000", len(all), err)
	}
	syria := orb.Bound{Min: orb.Point{35.5, 32.2}, Max: orb.Point{42.5, 37.5}}
	types := map[incidents.Type]int{}
	first, last := time.Date(2011, 3, 15, 0, 0, 0, 0, time.UTC), time.Now().UTC()
	for _, inc := range all {
		types[inc.Type]++
		if !syria.Contains(inc.Location) || inc.DateFrom.Before(first) || inc.DateFrom.After(last) || inc.Admin1PCode == "" {
			t.Fatalf("incident %+v: want a point in Syria dated 2011-03-15..today in a governorate", inc)
		}
	}
	if len(types) != len(incidents.Types) {
		t.Errorf("types drawn: %v, want all %d", types, len(incidents.Types))
	}
	// Clustered around towns: the busiest 0.1° cell holds far more than an
	// even spread over Syria's ~2,000 such cells would put there.
	cells := map[[2]int]int{}
	busiest := 0
	for _, inc := range all {
		k := [2]int{int(inc.Location.Lon() * 10), int(inc.Location.Lat() * 10)}
		cells[k]++
		busiest = max(busiest, cells[k])
	}
	if busiest < 20*len(all)/2000 {
		t.Errorf("busiest 0.1° cell holds %d of %d incidents: not clustered", busiest, len(all))
	}
}

func TestSynth_SameSeedSameIncidents(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	a, b, c := newSynth(gaz.Places(), 1, now), newSynth(gaz.Places(), 1, now), newSynth(gaz.Places(), 2, now)
	same, differ := true, false
	for range 100 {
		x, y, z := a.next(), b.next(), c.next()
		same = same && x.Location == y.Location && x.DateFrom.Equal(y.DateFrom) && x.Type == y.Type
		differ = differ || x.Location != z.Location
	}
	if !same || !differ {
		t.Errorf("same seed gives the same incidents: %v; another seed differs: %v", same, differ)
	}
}

func TestSynth_Usage(t *testing.T) {
	for _, args := range [][]string{{"synth"}, {"synth", "--db", "x.db"}, {"synth", "--db", "x.db", "--n", "0"}} {
		if _, _, err := runCmd(t, "", args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
	if got := progressBar(250, 1000); got != "[#######                       ]  25% 250/1000" {
		t.Errorf("progressBar(250, 1000) = %q", got)
	}
}

func TestImport_CSV(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csv.db")
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("lon,lat,incident_type,date_from,date_precision,geo_precision\n36.8,35.87,shelling,2025-12-03,day,town\n36.7,36.2,arrest,2025-12-04,day,town\n"), 0o644)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("lon,lat,incident_type,date_from,date_precision,geo_precision\n36.8,35.87,shelling,2025-12-03,day,town\n36.7,north,arrest,2025-12-04,day,town\n"), 0o644)
	if out, _, err := runCmd(t, "", "import", "--db", db, good); err != nil || !strings.Contains(out, "imported 2 incidents") {
		t.Fatalf("import good.csv: %q, %v", out, err)
	}
	_, _, err := runCmd(t, "", "import", "--db", db, good, bad)
	if err == nil || !strings.Contains(err.Error(), "bad.csv: row 3, column lat") {
		t.Errorf("import of a bad row: %v, want it to name bad.csv, row 3, column lat", err)
	}
	store, _ := sqlite.Open(context.Background(), db)
	defer store.Close()
	if n, _ := store.Count(context.Background()); n != 2 {
		t.Errorf("after the failed import, %d incidents stored, want the 2 from before", n)
	}
}
