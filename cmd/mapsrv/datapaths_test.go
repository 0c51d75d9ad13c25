package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
)

// peakLiveHeap calls f and returns the most live heap the garbage collector
// found while it ran, over what was live before. It runs the collector more
// often meanwhile, so that the peak falls near a collection.
func peakLiveHeap(f func()) int64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	before := sample[0].Value.Uint64()
	done, peak := make(chan struct{}), make(chan uint64)
	go func() {
		var most uint64
		for {
			select {
			case <-done:
				peak <- most
				return
			case <-time.After(time.Millisecond):
			}
			metrics.Read(sample)
			most = max(most, sample[0].Value.Uint64())
		}
	}()
	f()
	close(done)
	return int64(<-peak) - int64(before)
}

// placeCheck is the standard output of extract: it counts the candidates
// written and those placed elsewhere than places says.
type placeCheck struct {
	places    map[string]string // place_name_en to its admin1_pcode
	writes    int
	misplaced int
}

func (h *placeCheck) Write(b []byte) (int, error) {
	h.writes++
	var c struct {
		PlaceNameEN string `json:"place_name_en"`
		Admin1PCode string `json:"admin1_pcode"`
	}
	if json.Unmarshal(b, &c) != nil || h.places[c.PlaceNameEN] != c.Admin1PCode || c.Admin1PCode == "" {
		h.misplaced++
	}
	return len(b), nil
}

// TestExtract_BoundedMemory checks that `mapsrv extract` holds about one
// report's worth of memory, whatever the length of its input, and still finds
// the places of its last reports. It read its whole input as one text, holding
// every sentence's words and every candidate before printing the first (16 MiB
// of prose peaked at 1.6 GB), and the gazetteer's 2,000 mentions a call ran out
// a few hundred KB in: every later report was placed by guesswork (Daraa in
// Homs) or not at all.
func TestExtract_BoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 3 MB of reports")
	}
	para := "Gunmen shot dead a baker in the city of Daraa on Sunday evening. " +
		"Two hours later an explosive device went off near a school in Azaz, killing three people and wounding nine. " +
		"Police detained four men accused of trading in stolen rifles in the Homs countryside.\n\n"
	text := strings.Repeat(para, (3<<20)/len(para))
	path := filepath.Join(t.TempDir(), "reports.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := &placeCheck{places: map[string]string{"Daraa": "SY12", "Azaz": "SY02", "Homs countryside": "SY04"}}
	var err error
	held := peakLiveHeap(func() {
		err = run(context.Background(), []string{"extract", "--published", "2025-03-10", path}, func(string) string { return "" },
			strings.NewReader(""), out, &bytes.Buffer{})
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d bytes of reports: %d candidates, live heap at most %d MB over the start", len(text), out.writes, held>>20)
	// The input is held twice (read, and as a string); one part read at a
	// time adds some 10 MB. Read whole, it held some 35 bytes a byte.
	if limit := int64(4*len(text) + 32<<20); held > limit {
		t.Errorf("extract of %d bytes held %d MB of live heap, want at most %d MB", len(text), held>>20, limit>>20)
	}
	// Three incidents a report; an arrest told again in the next report is
	// read as the same arrest, retold.
	if reports := strings.Count(text, "Daraa"); out.writes < 2*reports || out.misplaced > 0 {
		t.Errorf("%d reports: %d candidates, %d of them not where their place is; want at least two a report, each at its place", reports, out.writes, out.misplaced)
	}
}

// TestImport_DuplicateMembers checks that `mapsrv import` refuses a file with
// a member named twice in one object, naming the file, the feature and the
// member, and stores nothing. It had imported the last of them: a count of
// 90 after a count of 1, and of a collection with two "features" arrays, the
// first array only, saying nothing of the second.
func TestImport_DuplicateMembers(t *testing.T) {
	dir := t.TempDir()
	db := dbWithOneIncident(t, dir, "d.db")
	withProps := func(members string) string {
		return strings.Replace(goodFeature, `"properties":{`, `"properties":{`+members, 1)
	}
	files := map[string]struct{ body, want string }{
		"killed.geojson": {`{"type":"FeatureCollection","features":[` + goodFeature + `,` + withProps(`"killed":1,"killed":90,`) + `]}`,
			`feature 2: feature: invalid GeoJSON: member "killed" given twice in properties`},
		"case.ndjson": {goodFeature + "\n" + goodFeature + "\n" + withProps(`"killed":1,"Killed":90,`) + "\n",
			`feature 3: feature: invalid GeoJSON: members "killed" and "Killed" name one field in properties`},
		"features.geojson": {`{"type":"FeatureCollection","features":[` + goodFeature + `],"features":[` + goodFeature + `,` + goodFeature + `]}`,
			`the FeatureCollection: feature: invalid GeoJSON: member "features" given twice`},
	}
	importsRefused(t, dir, db, files)
}
