package feature

import (
	"encoding/csv"
	"errors"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// csvGood is two incidents as the export writes them, columns reordered, the
// second with a defused formula and two sources.
const csvGood = "lat,lon,incident_type,date_from,date_to,date_precision,geo_precision,place_name_en,place_name_ar,killed,summary_en,source_titles,source_urls\n" +
	"35.866,36.8034,shelling,2025-12-03,2025-12-03,day,town,Saraqib,سراقب,2,Shelling on the town,,\n" +
	"36.2127,36.769,arrest,2025-12-01,2025-12-07,range,town,Dana,الدانا,,'=cmd,\"first, report | second\",https://example.org/1 | https://example.org/2\n"

func decodeCSVAll(s string) ([]incidents.Incident, error) {
	var out []incidents.Incident
	for inc, err := range DecodeCSV(strings.NewReader(s), incidents.StatusPublished) {
		if err != nil {
			return out, err
		}
		out = append(out, inc)
	}
	return out, nil
}

func TestDecodeCSV(t *testing.T) {
	got, err := decodeCSVAll(csvGood)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("decoded %d incidents, want 2", len(got))
	}
	a, b := got[0], got[1]
	if a.Location.Lon() != 36.8034 || a.Location.Lat() != 35.866 || a.Type != incidents.TypeShelling || a.Killed == nil || *a.Killed != 2 ||
		a.PlaceNameAR != "سراقب" || a.Status != incidents.StatusPublished || len(a.Sources) != 0 {
		t.Errorf("first = %+v", a)
	}
	if b.SummaryEN != "=cmd" || b.Killed != nil || len(b.Sources) != 2 || b.Sources[0].Title != "first, report" ||
		b.Sources[1].URL != "https://example.org/2" || b.DateTo.Format(incidents.DateLayout) != "2025-12-07" {
		t.Errorf("second = %+v", b)
	}
}

func TestDecodeCSV_Errors(t *testing.T) {
	row := "35.866,36.8034,shelling,2025-12-03,day,town\n"
	head := "lat,lon,incident_type,date_from,date_precision,geo_precision\n"
	tests := map[string]struct {
		in      string
		wantRow int
		wantCol string
		wantErr error
	}{
		"empty":          {"", 1, "", ErrBadCSV},
		"unknown column": {"lat,lon,incident_type,colour\n", 1, "", ErrBadCSV},
		"twice":          {"lat,lon,lon,incident_type\n", 1, "", ErrBadCSV},
		"no lat":         {"lon,incident_type\n", 1, "", ErrBadCSV},
		"bad lat":        {head + row + "north,36.8,shelling,2025-12-03,day,town\n", 3, "lat", incidents.ErrInvalid},
		"bad date":       {head + row + row + "35.8,36.8,shelling,03/12/2025,day,town\n", 4, "date_from", incidents.ErrInvalid},
		"bad type":       {head + "35.8,36.8,riot,2025-12-03,day,town\n", 2, "incident_type", incidents.ErrInvalid},
		"out of range":   {head + "95,36.8,shelling,2025-12-03,day,town\n", 2, "lon", incidents.ErrInvalid},
		"bad count":      {"lat,lon,incident_type,date_from,date_precision,geo_precision,killed\n35.8,36.8,shelling,2025-12-03,day,town,many\n", 2, "killed", incidents.ErrInvalid},
		"ragged":         {head + row + "35.8,36.8\n", 3, "", ErrBadCSV},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := decodeCSVAll(tc.in)
			var ce *CSVError
			if !errors.As(err, &ce) || ce.Row != tc.wantRow || ce.Column != tc.wantCol || !errors.Is(err, tc.wantErr) {
				t.Errorf("error = %v, want row %d column %q wrapping %v", err, tc.wantRow, tc.wantCol, tc.wantErr)
			}
		})
	}
}

func TestDecodeCSV_ByteOrderMark(t *testing.T) {
	if got, err := decodeCSVAll("\ufefflat,lon,incident_type,date_from,date_precision,geo_precision\n35.8,36.8,shelling,2025-12-03,day,town\n"); err != nil || len(got) != 1 {
		t.Errorf("decoded %d, %v; want 1 incident", len(got), err)
	}
}

func FuzzDecodeCSV(f *testing.F) {
	f.Add(csvGood)
	f.Add("lat,lon,incident_type\n1,2,\"shelling\n")
	f.Fuzz(func(t *testing.T, s string) {
		for inc, err := range DecodeCSV(strings.NewReader(s), incidents.StatusPublished) {
			if err == nil {
				if verr := inc.Validate(); verr != nil {
					t.Fatalf("DecodeCSV yielded an invalid incident: %v", verr)
				}
			}
		}
	})
}

func bytesReader(b []byte) *strings.Reader { return strings.NewReader(string(b)) }

// TestCSV_RoundTrip writes incidents as the API's f=csv does and reads them
// back with the importer: every field but the ID comes back, sources without
// a URL, titles holding " | ", publishers and dates, and the district
// included.
func TestCSV_RoundTrip(t *testing.T) {
	two, day := 2, time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)
	created := time.Date(2025, 12, 4, 9, 30, 15, 123000000, time.UTC)
	in := []incidents.Incident{{
		ID: 7, Type: incidents.TypeShelling, DateFrom: day, DateTo: day.AddDate(0, 0, 2), DatePrecision: incidents.DateRange,
		PlaceNameAR: "سراقب", PlaceNameEN: "Saraqib", Admin1PCode: "SY07", Admin1Name: "Idlib", Admin2PCode: "SY0700",
		Location: orb.Point{36.8034, 35.866}, GeoPrecision: incidents.GeoTown, Killed: &two,
		SummaryAR: "قصف على البلدة", SummaryEN: "=shelling, \"quoted\"\nsecond line", Status: incidents.StatusPublished,
		CreatedAt: created, UpdatedAt: created.Add(time.Hour),
		Sources: []incidents.Source{
			{Title: "A report | its site", Publisher: "Someone"},
			{Title: "Second", URL: "https://example.org/2", Published: day},
			{Title: "Third, offline"},
		},
	}, {
		Type: incidents.TypeArrest, DateFrom: day, DateTo: day, DatePrecision: incidents.DateDay,
		Location: orb.Point{36.2, 33.5}, GeoPrecision: incidents.GeoGovernorate, Status: incidents.StatusDraft,
	}}
	var buf strings.Builder
	if err := WriteCSV(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, err := decodeCSVAll(buf.String())
	if err != nil {
		t.Fatalf("reading our own CSV: %v\n%s", err, buf.String())
	}
	if len(out) != len(in) {
		t.Fatalf("round trip gave %d incidents, want %d", len(out), len(in))
	}
	for i := range in {
		want := in[i]
		want.ID = 0
		if !reflect.DeepEqual(out[i], want) {
			t.Errorf("incident %d:\nwrote %+v\nread  %+v", i, want, out[i])
		}
	}
}

// TestDecodeCSV_SourcesWithoutURL reads files written before the sources
// column: two sources without a URL join to " | ", which must stay two
// sources, not one URL "|".
func TestDecodeCSV_SourcesWithoutURL(t *testing.T) {
	in := "incident_type,date_from,date_to,date_precision,lon,lat,geo_precision,source_titles,source_urls\n" +
		"arrest,2025-11-24,2025-11-24,day,35.9,35.9,town,first | second | third,\" |  | https://example.org/3\"\n" +
		"arrest,2025-11-24,2025-11-24,day,35.9,35.9,town,first | second,\" | \"\n"
	got, err := decodeCSVAll(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got[0].Sources) != 3 || got[0].Sources[2].URL != "https://example.org/3" ||
		got[0].Sources[0].URL != "" || len(got[1].Sources) != 2 || got[1].Sources[1].Title != "second" {
		t.Errorf("decoded %+v", got)
	}
}

// TestCSV_RoundTripApostrophes: text that begins with an apostrophe before
// a formula character ("'=1", "”-2") comes back as stored. The export
// defused "=1" as "'=1" but wrote "'=1" unchanged, which the importer read
// back as "=1": an export and re-import changed the text.
func TestCSV_RoundTripApostrophes(t *testing.T) {
	texts := []string{"=1+1", "'=1+1", "''-2", "'plain", "'", "''", "@SUM(A1)", "'+cmd|' /C calc'!A0", "-", "'\t=x"}
	csvText := roundTrip(t, texts)
	// Every cell a spreadsheet would run is defused.
	rows, err := csv.NewReader(strings.NewReader(csvText)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		for j, c := range row {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && rows[0][j] != "lon" && rows[0][j] != "lat" {
				t.Errorf("column %s: %q would run as a formula", rows[0][j], c)
			}
		}
	}
}

// endless is an unending run of one byte, made without holding it.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// TestDecodeCSV_RowTooLong: a row far longer than any incident is refused,
// naming its row, after a bounded amount of memory. A 100 MB row was read
// whole: 2.7 GB for `mapsrv import`, and the summary stored.
func TestDecodeCSV_RowTooLong(t *testing.T) {
	head := "incident_type,date_from,date_to,date_precision,lon,lat,geo_precision,summary_en\n" +
		"arrest,2025-11-01,2025-11-01,day,36.7,36.2,town,fine\n" +
		"arrest,2025-11-01,2025-11-01,day,36.7,36.2,town,\""
	for name, body := range map[string]io.Reader{
		"100 MB quoted": io.LimitReader(endless('x'), 100<<20),
		"endless":       endless('y'),
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		n := 0
		var err error
		for _, e := range DecodeCSV(io.MultiReader(strings.NewReader(head), body), incidents.StatusPublished) {
			if err = e; err != nil {
				break
			}
			n++
		}
		runtime.ReadMemStats(&after)
		var ce *CSVError
		if n != 1 || !errors.As(err, &ce) || ce.Row != 3 || !strings.Contains(err.Error(), "longer than") {
			t.Errorf("%s: %d rows then %v; want the first row, then row 3 refused as too long", name, n, err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
			t.Errorf("%s: %d MB allocated, want at most 32", name, alloc>>20)
		}
	}
}

// TestCSV_RoundTripSpace: text beginning or ending with white space comes
// back from the CSV export as stored, as it does from the GeoJSON export.
// The importer trimmed every cell before taking off the export's defusing
// apostrophe: " Saraqib" came back as "Saraqib", a text of spaces as
// nothing, a tab (exported "'\t") as "'", and an apostrophe before a tab
// (exported with two) as two apostrophes.
func TestCSV_RoundTripSpace(t *testing.T) {
	texts := []string{" Saraqib", "Saraqib ", "  ", "\t", "'\t", "x\t", "\u00a0سراقب\u00a0", " '=1", "x\r", "\n"}
	roundTrip(t, texts)
	// Codes, numbers and dates are still read around the space a hand-made
	// file may leave.
	got, err := decodeCSVAll("incident_type,date_from,lon,lat,geo_precision,admin1_pcode,killed\n arrest , 2025-12-03 , 36.2 , 33.5 , town , SY01 , 2 \n")
	if err != nil || len(got) != 1 || got[0].Type != incidents.TypeArrest || got[0].Admin1PCode != "SY01" || got[0].Killed == nil || *got[0].Killed != 2 {
		t.Errorf("a row with spaces around its codes and numbers: %+v, %v", got, err)
	}
}

// roundTrip writes incidents whose text fields are each of texts as CSV,
// reads them back, and reports every text that came back changed; it
// returns the CSV written.
func roundTrip(t *testing.T, texts []string) string {
	t.Helper()
	day := time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)
	var in []incidents.Incident
	for _, s := range texts {
		in = append(in, incidents.Incident{Type: incidents.TypeArrest, DateFrom: day, DateTo: day, DatePrecision: incidents.DateDay,
			Location: orb.Point{36.2, 33.5}, GeoPrecision: incidents.GeoTown, Status: incidents.StatusPublished,
			PlaceNameEN: s, PlaceNameAR: s, SummaryEN: s, SummaryAR: s, Admin1Name: s})
	}
	var buf strings.Builder
	if err := WriteCSV(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, err := decodeCSVAll(buf.String())
	if err != nil || len(out) != len(in) {
		t.Fatalf("reading our own CSV: %d incidents, %v", len(out), err)
	}
	for i, s := range texts {
		got := out[i]
		if got.PlaceNameEN != s || got.PlaceNameAR != s || got.SummaryEN != s || got.SummaryAR != s || got.Admin1Name != s {
			t.Errorf("%q came back as %q, %q, %q, %q, %q", s, got.PlaceNameEN, got.PlaceNameAR, got.SummaryEN, got.SummaryAR, got.Admin1Name)
		}
	}
	return buf.String()
}

// TestCSV_RoundTripCRLF: a CR LF in a text comes back from the CSV export
// as it was written, as it does from GeoJSON. encoding/csv's reader turns
// CR LF into LF inside quoted cells too, and the import read "a\r\nb" as
// "a\nb". Rows still end in CR LF or LF alike, a 0xFF byte of the file is
// still refused as not UTF-8 (never taken for the keeper's own), and the
// keeper sees the CR and its LF in two reads as in one.
func TestCSV_RoundTripCRLF(t *testing.T) {
	texts := []string{"a\r\nb", "a\r\nb\r\n", "\r\n", "\r\n\r\n", "x\r\r\n", "\r\r\n\n\r", "«سراقب»\r\nريف\r\n", "\"q\"\r\n\"", "'=1\r\n"}
	written := roundTrip(t, texts)

	// The same file read a byte at a time, and with rows ending in CR LF.
	got, err := decodeCSVFrom(iotest.OneByteReader(strings.NewReader(written)))
	if err != nil || len(got) != len(texts) {
		t.Fatalf("read a byte at a time: %d incidents, %v", len(got), err)
	}
	for i, s := range texts {
		if got[i].SummaryEN != s || got[i].PlaceNameAR != s {
			t.Errorf("read a byte at a time, %q came back as %q, %q", s, got[i].SummaryEN, got[i].PlaceNameAR)
		}
	}
	crlf := "incident_type,date_from,lon,lat,geo_precision,summary_en\r\narrest,2025-12-03,36.2,33.5,town,\"one\r\ntwo\"\r\nclash,2025-12-04,36.2,33.5,town,plain\r\n"
	got, err = decodeCSVAll(crlf)
	if err != nil || len(got) != 2 || got[0].SummaryEN != "one\r\ntwo" || got[1].SummaryEN != "plain" || got[1].Type != incidents.TypeClash {
		t.Errorf("rows ending in CR LF: %+v, %v", got, err)
	}
	for _, bad := range []string{"\"x\xff\ny\"", "x\xffy", "\"\xff\r\n\""} {
		_, err := decodeCSVAll("incident_type,date_from,lon,lat,geo_precision,summary_en\narrest,2025-12-03,36.2,33.5,town," + bad + "\n")
		if err == nil || !strings.Contains(err.Error(), "UTF-8") {
			t.Errorf("a summary %q: %v; want it refused as not UTF-8", bad, err)
		}
	}
}

func decodeCSVFrom(r io.Reader) ([]incidents.Incident, error) {
	var out []incidents.Incident
	for inc, err := range DecodeCSV(r, incidents.StatusPublished) {
		if err != nil {
			return out, err
		}
		out = append(out, inc)
	}
	return out, nil
}

// TestDecodeCSV_SourcesInJSONWords: a sources cell whose JSON holds the
// wrong kind of value names the member and the kinds, in JSON's words, as a
// posted feature's error does (it said "cannot unmarshal number into Go
// struct field Source.title of type string", and for an object the Go type
// []feature.Source).
func TestDecodeCSV_SourcesInJSONWords(t *testing.T) {
	for cell, want := range map[string]string{
		`[{"title":1}]`: `not a JSON array of sources: title: a number where a string is wanted`,
		`{}`:            `not a JSON array of sources: an object where an array is wanted`,
	} {
		var b strings.Builder
		w := csv.NewWriter(&b)
		w.Write([]string{"incident_type", "date_from", "lon", "lat", "admin1_pcode", "geo_precision", "sources"})
		w.Write([]string{"shelling", "2025-12-03", "36.8", "35.87", "SY07", "town", cell})
		w.Flush()
		for _, err := range DecodeCSV(strings.NewReader(b.String()), incidents.StatusPublished) {
			if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "Go ") {
				t.Errorf("sources %s: %v; want it to say %q", cell, err, want)
			}
			break
		}
	}
}
