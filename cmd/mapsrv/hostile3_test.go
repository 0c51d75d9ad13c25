package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// TestImport_HostileFiles: files whose bytes would be stored as something
// else are refused whole, naming the file and where, and what a database
// held before stays. GeoJSON that is not valid UTF-8 had each bad byte
// stored as U+FFFD (the write handlers refuse such bodies; the importer took
// them); a CSV coordinate written "3_6.8" was stored as 36.8 and "0x1.2p5"
// as 36, as strconv.ParseFloat reads Go literals.
func TestImport_HostileFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "h.db")
	good := filepath.Join(dir, "good.ndjson")
	os.WriteFile(good, []byte(goodFeature+"\n"), 0o644)
	if _, _, err := runCmd(t, "", "import", "--db", db, good); err != nil {
		t.Fatal(err)
	}
	const header = "incident_type,date_from,date_to,lon,lat,geo_precision,place_name_en\n"
	const row = "shelling,2025-12-03,2025-12-03,36.8,35.87,town,Saraqib\n"
	files := map[string]struct{ body, want string }{
		"utf8.geojson": {`{"type":"FeatureCollection","features":[` + goodFeature + `,` +
			strings.Replace(goodFeature, "Saraqib", "Sara\xffqib", 1) + `]}`, "feature 2"},
		"utf8.ndjson":      {goodFeature + "\n" + strings.Replace(goodFeature, "test", "te\xc3st", 1) + "\n", "feature 2"},
		"under.csv":        {header + row + strings.Replace(row, "36.8", "3_6.8", 1), "row 3, column lon"},
		"hex.csv":          {header + row + strings.Replace(row, "35.87", "0x1.2p5", 1), "row 3, column lat"},
		"infinity.csv":     {header + row + strings.Replace(row, "36.8", "+Inf", 1), "row 3, column lon"},
		"underlat.csv":     {header + row + strings.Replace(row, "35.87", "35_87", 1), "row 3, column lat"},
		"surrogate.ndjson": {goodFeature + "\n" + strings.Replace(goodFeature, "Saraqib", "\xed\xa0\x80", 1) + "\n", "feature 2"}, // an encoded surrogate
	}
	for name, f := range files {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(f.body), 0o644)
		_, _, err := runCmd(t, "", "import", "--db", db, path)
		if err == nil || !strings.Contains(err.Error(), name+": "+f.want) {
			t.Errorf("import %s: error %v, want one naming %s: %s", name, err, name, f.want)
		}
	}
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if n, _ := store.Count(context.Background()); n != 1 {
		t.Errorf("after the refused imports the database holds %d incidents, want the 1 imported before", n)
	}
}
