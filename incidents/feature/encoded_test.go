package feature

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// formatDigests are the SHA-256 of formatProbe's encoding under each
// [Format]. Stores keep features encoded by an earlier mapsrv: when this
// test fails, AppendFeature's output changed, and Format must change with it
// (add the new digest here) so that they encode them again.
var formatDigests = map[int]string{
	1: "0192117ed78d424db3023dad73449571962ac5bed2319523d127dbfc1d74d2c3",
	2: "f72898a05c5b22fa928371a15ef4f0933f30616d8f2bfbd6c448d9045ca1eb54", // admin2_pcode
}

// formatProbe encodes incidents touching every member AppendFeature writes.
func formatProbe(t *testing.T) []byte {
	day := time.Date(2019, 7, 8, 0, 0, 0, 0, time.UTC)
	full := incidents.Incident{ID: 7, Type: incidents.TypeAirstrike, DateFrom: day, DateTo: day.AddDate(0, 0, 1),
		DatePrecision: incidents.DateDay, PlaceNameAR: "أريحا", PlaceNameEN: "Ariha", Admin1PCode: "SY07",
		Admin1Name: "Idlib", Admin2PCode: "SY0703", Location: orb.Point{36.6075, 35.8114}, GeoPrecision: incidents.GeoTown,
		Killed: ptr(2), Injured: ptr(0), Arrested: ptr(1), SummaryAR: "غارة \"جوية\"", SummaryEN: "An air\tstrike </b>",
		Sources: []incidents.Source{{Title: "T", URL: "https://example.org/?a=1&b=2", Publisher: "P", Published: day}},
		Status:  incidents.StatusPublished, CreatedAt: day.Add(time.Hour + time.Nanosecond), UpdatedAt: day.Add(2 * time.Hour)}
	bare := incidents.Incident{ID: 8, Type: incidents.TypeOther, DateFrom: day, DateTo: day,
		Location: orb.Point{1e-7, -1e21}, GeoPrecision: incidents.GeoGovernorate, Status: incidents.StatusDraft}
	var b []byte
	for _, inc := range []incidents.Incident{full, bare} {
		var err error
		if b, err = AppendFeature(b, inc); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func TestFormat_Digest(t *testing.T) {
	sum := sha256.Sum256(formatProbe(t))
	if got, want := hex.EncodeToString(sum[:]), formatDigests[Format]; got != want {
		t.Errorf("AppendFeature's output under Format %d has digest %s, want %s: if the encoding changed "+
			"on purpose, increase Format and record the new digest", Format, got, want)
	}
}

// TestEncodeAll_WriteEncoded holds features encoded ahead and written with
// WriteEncoded to the collection Write produces from the incidents.
func TestEncodeAll_WriteEncoded(t *testing.T) {
	cases := encodeCases()
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range cases {
			if !yield(name) {
				return
			}
		}
	})
	var incs []incidents.Incident
	for _, name := range names {
		incs = append(incs, cases[name])
	}
	encoded, err := EncodeAll(incs)
	if err != nil {
		t.Fatal(err)
	}
	var want, got bytes.Buffer
	cw, ew := NewCollectionWriter(&want), NewCollectionWriter(&got)
	for i, inc := range incs {
		if err := cw.Write(inc); err != nil {
			t.Fatal(err)
		}
		if err := ew.WriteEncoded(encoded[i].JSON); err != nil {
			t.Fatal(err)
		}
		if c := incidents.CursorOf(inc); encoded[i].After != c {
			t.Errorf("%s: After = %+v, want %+v", names[i], encoded[i].After, c)
		}
	}
	cw.Close(nil)
	ew.Close(nil)
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("WriteEncoded collection =\n%s\nwant\n%s", got.Bytes(), want.Bytes())
	}
}

func TestEncodeAll_NotFinite(t *testing.T) {
	incs := []incidents.Incident{{ID: 1, Location: orb.Point{1, 2}}, {ID: 2, Location: orb.Point{math.NaN(), 0}}}
	if _, err := EncodeAll(incs); err == nil {
		t.Error("EncodeAll encoded a NaN location")
	}
}
