package web

import (
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// FuzzDecodeCursor: a cursor is client input; whatever it holds, decoding
// it never panics, and one that decodes is written back as a cursor
// decoding to the same position.
func FuzzDecodeCursor(f *testing.F) {
	f.Add(encodeCursor(incidents.Cursor{DateTo: time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), ID: 42}))
	f.Add("MjAyNi0xMi0zMSwtMQ")                       // an ID of -1
	f.Add("OTk5OS0xMi0zMSw5MjIzMzcyMDM2ODU0Nzc1ODA3") // year 9999, the largest ID
	f.Add("garbage!")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := decodeCursor(s)
		if err != nil {
			return
		}
		again, err := decodeCursor(encodeCursor(c))
		if err != nil || !again.DateTo.Equal(c.DateTo) || again.ID != c.ID {
			t.Fatalf("cursor %q = %+v, written back and read %+v, %v", s, c, again, err)
		}
	})
}
