package feature

import (
	"bytes"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestCollector_PageOrder: features kept in any order, some stored and some
// encoded, come out in the page's order, each with its cursor.
func TestCollector_PageOrder(t *testing.T) {
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	page := []incidents.Cursor{{DateTo: day, ID: 9}, {DateTo: day, ID: 4}, {DateTo: day.AddDate(0, 0, -1), ID: 12}}
	c := NewCollector(len(page))
	c.Add(12, []byte(`{"id":12}`))
	c.Add(9, []byte(`{"id":9}`))
	if got := c.Missing(page); len(got) != 1 || got[0] != 4 {
		t.Fatalf("Missing = %v, want [4]", got)
	}
	inc := incidents.Incident{ID: 4, Type: incidents.TypeArrest, DateFrom: day, DateTo: day, DatePrecision: incidents.DateDay,
		GeoPrecision: incidents.GeoExact, Status: incidents.StatusPublished}
	if err := c.Encode(inc); err != nil {
		t.Fatal(err)
	}
	want, err := AppendFeature(nil, inc)
	if err != nil {
		t.Fatal(err)
	}
	got := c.Page(page)
	for i, js := range [][]byte{[]byte(`{"id":9}`), want, []byte(`{"id":12}`)} {
		if !bytes.Equal(got[i].JSON, js) || got[i].After != page[i] {
			t.Fatalf("Page()[%d] = %s %+v, want %s %+v", i, got[i].JSON, got[i].After, js, page[i])
		}
	}
	if len(c.Missing(page)) != 0 {
		t.Fatal("a feature is still missing after Encode")
	}
}
