package web

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sync/semaphore"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// countedFinds counts the pages read through Find (the only read left
// once the store's own finders are hidden by the embedding).
type countedFinds struct {
	incidentStore
	finds atomic.Int32
}

func (c *countedFinds) Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	c.finds.Add(1)
	return c.incidentStore.Find(ctx, f)
}

// TestExport_HeadReadsOnePage: a HEAD of the export read and encoded every
// page of it, as a GET does, to send nothing (200,000 incidents: 1.2 s of
// the server's CPU for GeoJSON, 2.1 s for CSV, on a kept-alive connection
// for the client's next request to wait behind). A HEAD now reads the
// first page, so that its status is the one a GET would start with, and
// ends.
func TestExport_HeadReadsOnePage(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "export.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	addIncidents(t, store, 2*exportPage+1, 40)
	for _, f := range []string{"geojson", "csv"} {
		counted := &countedFinds{incidentStore: store}
		h := handleIncidentExport(counted, semaphore.NewWeighted(exportsAtOnce), 10*time.Second, slog.New(slog.DiscardHandler))
		for _, tc := range []struct {
			method string
			pages  int32
		}{{http.MethodGet, 3}, {http.MethodHead, 1}} {
			counted.finds.Store(0)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(tc.method, "/api/collections/incidents/export?f="+f, nil))
			if w.Code != http.StatusOK || counted.finds.Load() != tc.pages {
				t.Errorf("%s export f=%s of %d incidents: %d after reading %d pages; want 200 after %d",
					tc.method, f, 2*exportPage+1, w.Code, counted.finds.Load(), tc.pages)
			}
		}
	}
}
