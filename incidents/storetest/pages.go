package storetest

import (
	"bytes"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// CheckFeatures holds a page of FindFeatures to the features of want,
// Find's answer: the same bytes and the same cursors, in order.
func CheckFeatures(t testing.TB, what string, got []feature.Encoded, want []incidents.Incident) {
	t.Helper()
	enc, err := feature.EncodeAll(want)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(enc) {
		t.Fatalf("%s: %d features, want %d", what, len(got), len(enc))
	}
	for i := range got {
		if got[i].After != enc[i].After || !bytes.Equal(got[i].JSON, enc[i].JSON) {
			t.Fatalf("%s: feature %d =\n%s %+v\nwant\n%s %+v", what, i, got[i].JSON, got[i].After, enc[i].JSON, enc[i].After)
		}
	}
}

// CheckPoints holds FindPoints' answer to want, Find's, reduced to what a
// map draws: ID, type, dates and location, in order.
func CheckPoints(t testing.TB, what string, got, want []incidents.Incident) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d points, want %d", what, len(got), len(want))
	}
	for i, p := range got {
		w := want[i]
		if p.ID != w.ID || p.Type != w.Type || !p.DateFrom.Equal(w.DateFrom) || !p.DateTo.Equal(w.DateTo) || p.Location != w.Location {
			t.Fatalf("%s: point %d = %+v, want %+v", what, i, p, w)
		}
	}
}
