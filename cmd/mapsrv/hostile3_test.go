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
	db := dbWithOneIncident(t, dir, "h.db")
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
	importsRefused(t, dir, db, files)
}

// dbWithOneIncident returns a database in dir holding one imported incident.
func dbWithOneIncident(t *testing.T, dir, name string) string {
	t.Helper()
	db := filepath.Join(dir, name)
	good := filepath.Join(dir, "good.ndjson")
	os.WriteFile(good, []byte(goodFeature+"\n"), 0o644)
	if _, _, err := runCmd(t, "", "import", "--db", db, good); err != nil {
		t.Fatal(err)
	}
	return db
}

// importsRefused imports each file (its name and body) into db and requires
// the import to fail with an error naming the file and want, and the one
// incident db held before to be all it holds after.
func importsRefused(t *testing.T, dir, db string, files map[string]struct{ body, want string }) {
	t.Helper()
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

// TestGazetteerImport_HostileFiles: an OCHA-like file with a record the
// gazetteer cannot hold is refused whole, naming the feature, and the
// database still loads. Before, each was imported and then broke every
// command that loads the gazetteer (serve, import, extract, geocode): an
// admin area with a point or no geometry made them fail ("want a Polygon or
// MultiPolygon"), a community named with a 1 MB word made them run for over
// half an hour (16 KB: 0.7 s), a community at longitude 500 was answered by
// geocode as a place there.
func TestGazetteerImport_HostileFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	community := func(pcode, name, lon, lat string) string {
		return `{"type":"Feature","geometry":{"type":"Point","coordinates":[` + lon + `,` + lat + `]},"properties":{"PCODE":"` + pcode +
			`","NAME_EN":"` + name + `","NAME_ARA":"قرية","ADMIN1_COD":"SY01","LONGITUDE":` + lon + `,"LATITUDE":` + lat + `,"CAPIT_LVL":4}}`
	}
	fc := func(features ...string) string {
		return `{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`
	}
	good := community("C9001", "Qaryat Ikhtibar", "36.3", "33.5")
	files := map[string]string{
		"point-district.geojson": fc(good, `{"type":"Feature","geometry":{"type":"Point","coordinates":[36,33]},"properties":{"adm2_pcode":"SY0196","adm2_name":"Pointed","adm1_pcode":"SY01"}}`),
		"null-district.geojson":  fc(good, `{"type":"Feature","geometry":null,"properties":{"adm2_pcode":"SY0197","adm2_name":"Nowhere","adm1_pcode":"SY01"}}`),
		"long-name.geojson":      fc(good, community("C9002", strings.Repeat("a", 100000), "36.3", "33.5")),
		"far.geojson":            fc(good, community("C9003", "Qaryat Baeida", "500", "-300")),
		"far-vertex.geojson":     fc(good, `{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[36,33],[37,33],[37,1000],[36,33]]]},"properties":{"adm2_pcode":"SY0198","adm2_name":"Tall","adm1_pcode":"SY01"}}`),
	}
	for name, body := range files {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(body), 0o644)
		_, _, err := runCmd(t, "", "gazetteer", "import", "--db", db, path)
		if err == nil || !strings.Contains(err.Error(), name+": ocha: feature 2") {
			t.Errorf("gazetteer import %s: error %v, want one naming %s and feature 2", name, err, name)
		}
	}
	path := filepath.Join(dir, "good.geojson")
	os.WriteFile(path, []byte(fc(good)), 0o644)
	if _, _, err := runCmd(t, "", "gazetteer", "import", "--db", db, path); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, "", "geocode", "--db", db, "Qaryat Ikhtibar", "Qaryat Baeida")
	if err != nil {
		t.Fatalf("geocode after the refused imports: %v", err)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || !strings.Contains(lines[0], `"lon":36.3`) || strings.Contains(lines[1], `"lon":500`) {
		t.Errorf("geocode = %s, want the good community found and none at longitude 500", out)
	}
}

// TestExtract_BinaryAndLongInput: extract reads text. A binary file was read
// as text and a file over 16 MiB was cut there without a word; both ended
// with nothing proposed and success (a 5 MB random file cost 6.9 s and 334
// MB). Each is now an error naming the file.
func TestExtract_BinaryAndLongInput(t *testing.T) {
	dir := t.TempDir()
	long := []byte(strings.Repeat("Shelling hit Saraqib on 3 December 2025, killing two. ", (16<<20)/54+1))
	files := map[string]struct {
		body []byte
		want string
	}{
		"binary.bin": {[]byte("\x89PNG\r\n\x1a\n\xff\xfe\x00\x00 Saraqib"), "not UTF-8 text"},
		"nul.txt":    {[]byte("Shelling hit Saraqib\x00\x00\x00"), "NUL"},
		"long.txt":   {long, "over 16 MiB"},
	}
	for name, f := range files {
		path := filepath.Join(dir, name)
		os.WriteFile(path, f.body, 0o644)
		_, _, err := runCmd(t, "", "extract", path)
		if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), f.want) {
			t.Errorf("extract %s: error %v, want one naming the file and %q", name, err, f.want)
		}
	}
	if _, _, err := runCmd(t, "\xff\xfe binary", "extract", "-"); err == nil || !strings.Contains(err.Error(), "standard input") {
		t.Errorf("extract of binary standard input: error %v, want one naming standard input", err)
	}
	if out, _, err := runCmd(t, "Shelling hit Saraqib on 3 December 2025, killing two people.", "extract", "--published", "2025-12-04", "-"); err != nil || !strings.Contains(out, "Saraqib") {
		t.Errorf("extract of a report: %q, %v", out, err)
	}
}
