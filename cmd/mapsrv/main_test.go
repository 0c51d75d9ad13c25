package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// runCmd runs one mapsrv command line with no environment.
func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = run(context.Background(), args, func(string) string { return "" }, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServe_EndToEnd starts the real server on loopback from an empty
// database, which it seeds, queries it like a user would, and shuts it down.
func TestServe_EndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e2e.db")
	base, stop := serveInProcess(t, db)
	count := func(query string) int {
		resp, err := http.Get(base + "/api/collections/incidents/items?" + query)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var fc struct{ NumberReturned int }
		if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&fc) != nil {
			t.Fatalf("GET ?%s = %d", query, resp.StatusCode)
		}
		return fc.NumberReturned
	}
	for query, want := range map[string]int{
		"":                           9, // the seed
		"bbox=35.5,35.5,36.2,36.2":   1, // Badrousiya, northern rural Latakia
		"bbox=36.2,33.4,36.4,33.6":   1, // the church in Damascus
		"datetime=2025-11-25":        3, // Afrin that day; rural Damascus 24..27; Maarat Misrin's open range
		"incident_type=armed_attack": 3,
		"incident_type=arrest&datetime=2025-12-01/..&bbox=36.3,35.6,37.0,36.4": 2, // Dana, west of Idlib
	} {
		if got := count(query); got != want {
			t.Errorf("?%s: %d incidents, want %d", query, got, want)
		}
	}
	if err := stop(); err != nil {
		t.Errorf("serve returned %v after shutdown", err)
	}
	// A second start finds incidents and does not seed again.
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := openSeeded(context.Background(), db, "", nopLog()); err != nil {
		t.Fatal(err)
	}
	if n, _ := store.Count(context.Background()); n != 9 {
		t.Errorf("after a restart, %d incidents, want the 9 seeded once", n)
	}
}

// serveInProcess runs `mapsrv serve` over db on a free loopback port, in
// this process, and returns its base URL once it answers, and the function
// that shuts it down and returns what serve returned.
func serveInProcess(t *testing.T, db string) (base string, stop func() error) {
	t.Helper()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	logs := &syncBuffer{} // the error log and the batched access log write at once
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--db", db}, func(string) string { return "" }, nil, logs, logs)
	}()
	base = "http://" + addr
	waitUp(t, base+"/healthz")
	stop = func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not shut down")
			return nil
		}
	}
	t.Cleanup(func() { cancel() })
	return base, stop
}

func nopLog() *slog.Logger { return slog.New(slog.DiscardHandler) }

func waitUp(t *testing.T, url string) {
	t.Helper()
	for range 100 {
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s never answered", url)
}

const goodFeature = `{"type":"Feature","geometry":{"type":"Point","coordinates":[36.8,35.87]},"properties":{"incident_type":"shelling","date_from":"2025-12-03","date_to":"2025-12-03","date_precision":"day","geo_precision":"town","place_name_en":"Saraqib","killed":null,"summary_en":"test"}}`

func TestImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "i.db")
	good := filepath.Join(dir, "good.ndjson")
	bad := filepath.Join(dir, "bad.geojson")
	os.WriteFile(good, []byte(goodFeature+"\n"+goodFeature+"\n"), 0o644)
	os.WriteFile(bad, []byte(`{"type":"FeatureCollection","features":[`+goodFeature+`,`+
		strings.Replace(goodFeature, "shelling", "riot", 1)+`]}`), 0o644)

	_, _, err := runCmd(t, "", "import", "--db", db, good, bad)
	if err == nil || !strings.Contains(err.Error(), "bad.geojson: feature 2") || !strings.Contains(err.Error(), "incident_type") {
		t.Fatalf("import of a bad file: error %v, want it to name bad.geojson, feature 2 and incident_type", err)
	}
	store, _ := sqlite.Open(context.Background(), db)
	defer store.Close()
	if n, _ := store.Count(context.Background()); n != 0 {
		t.Errorf("a failed import stored %d incidents, want none", n)
	}
	out, _, err := runCmd(t, goodFeature, "import", "--db", db, good, "-")
	if err != nil || !strings.Contains(out, "imported 3") {
		t.Fatalf("import = %q, %v; want 3 imported", out, err)
	}
	if _, _, err := runCmd(t, "", "import", "--db", db); err == nil {
		t.Error("import with no file succeeded")
	}
}

func TestExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if _, err := openSeeded(context.Background(), db, "", nopLog()); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, "", "export", "--db", db, "--incident_type", "arrest", "--bbox", "36.3,35.6,37.0,36.4")
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Properties struct {
				IncidentType string `json:"incident_type"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if len(fc.Features) != 2 {
		t.Errorf("exported %d arrests in the Idlib box, want 2 (Dana, west of Idlib)", len(fc.Features))
	}
	if _, _, err := runCmd(t, "", "export", "--db", db, "--bbox", "1,2"); err == nil || !strings.Contains(err.Error(), "bbox") {
		t.Errorf("export --bbox 1,2: error %v, want one naming bbox", err)
	}
}

func TestGeocodeCommand(t *testing.T) {
	out, _, err := runCmd(t, "", "geocode", "--json", "ببلدة الدانا", "Qxzwv Nowhere", "Deir ez-Zor")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("geocode printed %d lines, want one per query: %s", len(lines), out)
	}
	var first, second, third map[string]any
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[1]), &second)
	json.Unmarshal([]byte(lines[2]), &third)
	if first["query"] != "ببلدة الدانا" || first["admin1_pcode"] != "SY07" {
		t.Errorf("first = %v, want Dana in Idlib", first)
	}
	if second["query"] != "Qxzwv Nowhere" || second["error"] == nil {
		t.Errorf("second = %v, want an error object", second)
	}
	if third["admin1_pcode"] != "SY09" {
		t.Errorf("third = %v, want Deir ez-Zor, SY09", third)
	}
	for _, key := range []string{"query", "name_en", "name_ar", "kind", "lat", "lon", "admin1_pcode", "admin1_name", "admin2_pcode", "precision", "score", "alternatives"} {
		if _, ok := first[key]; !ok {
			t.Errorf("geocode object lacks %q", key)
		}
	}
}

// TestExtractCommand reads an Arabic and an English report we wrote, detected
// and given with --lang, and refuses an unknown language.
func TestExtractCommand(t *testing.T) {
	for _, tc := range []struct {
		text string
		args []string
	}{
		{"اعتقلت قوى الأمن ثلاثة أشخاص في مدينة سراقب بريف إدلب يوم 3 ديسمبر 2025.", nil},
		{"Security forces arrested three men in the town of Saraqib in rural Idlib on December 3, 2025.", nil},
		{"Security forces arrested three men in the town of Saraqib in rural Idlib on December 3, 2025.", []string{"--lang", "en"}},
	} {
		args := append(append([]string{"extract", "--json"}, tc.args...), "-")
		out, _, err := runCmd(t, tc.text, args...)
		if err != nil {
			t.Fatal(err)
		}
		var c map[string]any
		if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &c); err != nil {
			t.Fatalf("extract %v printed %q: %v", tc.args, out, err)
		}
		if c["incident_type"] != "arrest" || c["admin1_pcode"] != "SY07" || c["arrested"] != 3.0 || c["date_from"] != "2025-12-03" {
			t.Errorf("extract %v of %q = %v; want 3 arrested in Idlib on 2025-12-03", tc.args, tc.text, c)
		}
	}
	if _, _, err := runCmd(t, "text", "extract", "--json", "--lang", "fr", "-"); err == nil || !strings.Contains(err.Error(), "lang") {
		t.Errorf("extract --lang fr: error %v, want one naming lang", err)
	}
}

func TestUsage(t *testing.T) {
	if _, _, err := runCmd(t, ""); err == nil {
		t.Error("no command: no error")
	}
	if _, _, err := runCmd(t, "", "frobnicate"); err == nil || !strings.Contains(err.Error(), "frobnicate") {
		t.Errorf("unknown command: %v", err)
	}
	if _, _, err := runCmd(t, "", "serve", "--port", "1"); err == nil {
		t.Error("unknown flag: no error")
	}
	db := filepath.Join(t.TempDir(), "x.db")
	if _, _, err := runCmd(t, "", "serve", "--db", db, "--read-db", "postgres://replica/x"); err == nil || !strings.Contains(err.Error(), "--read-db") {
		t.Errorf("a read replica for a SQLite file: %v, want a usage error naming --read-db", err)
	}
}
