package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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
		h := handleIncidentExport(counted, newFilterTurns(exportsAtOnce, exportsPerClient), 10*time.Second, slog.New(slog.DiscardHandler))
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

// TestWrites_NoPropertiesOrNullPatch: a feature without "properties" was
// refused in Go's words ("properties: EOF") on POST and PUT, and a merge
// patch of null, or of "properties": null, was taken: null as an empty
// patch (200, the incident written again), "properties": null refused with
// the same "EOF". Each is now a 400 saying what is wrong, and the incident
// is unchanged.
func TestWrites_NoPropertiesOrNullPatch(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		send := round16Server(t, store, noCandidates{})
		const items = "/api/collections/incidents/items"
		item, resp := createRound16(t, send)
		etag := resp.Header.Get("ETag")
		const noProps = `{"type":"Feature","geometry":{"type":"Point","coordinates":[36.8,35.87]}}`
		for _, tc := range []struct{ method, path, contentType, body, want string }{
			{"POST", items, "application/geo+json", noProps, "properties: missing; a feature gives its properties as an object"},
			{"PUT", item, "application/geo+json", noProps, "properties: missing; a feature gives its properties as an object"},
			{"PATCH", item, "application/merge-patch+json", `null`, "a merge patch must be a JSON object"},
			{"PATCH", item, "application/merge-patch+json", `{"properties":null}`, "properties: a merge patch of the properties must be an object"},
		} {
			resp, body := send(tc.method, tc.path, tc.body, map[string]string{"Content-Type": tc.contentType})
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, tc.want) || strings.Contains(body, "EOF") {
				t.Errorf("%s %s %s = %d %s; want 400 saying %q", tc.method, tc.path, tc.body, resp.StatusCode, body, tc.want)
			}
		}
		resp, _ = send("GET", item, "", nil)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") != etag {
			t.Errorf("GET after the refused writes = %d ETag %s; want 200 and the ETag of the POST, %s", resp.StatusCode, resp.Header.Get("ETag"), etag)
		}
	})
}

// TestWrites_BodyByteOrderMarkAndSyntax: a body opening with a UTF-8 byte
// order mark (Notepad's, PowerShell's) was refused as "the body is not
// valid JSON", and a body that is not JSON was told no more than that. The
// mark is now skipped, as mapsrv import skips it (RFC 8259 8.1), and the
// detail says what encoding/json found where.
func TestWrites_BodyByteOrderMarkAndSyntax(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		send := round16Server(t, store, noCandidates{})
		const items = "/api/collections/incidents/items"
		geo := map[string]string{"Content-Type": "application/geo+json"}
		if resp, body := send("POST", items, "\uFEFF"+round16Feature, geo); resp.StatusCode != http.StatusCreated {
			t.Errorf("POST of a feature after a byte order mark = %d %s; want 201", resp.StatusCode, body)
		}
		for _, tc := range []struct{ body, want string }{
			{`{`, "the body is not valid JSON: unexpected end of JSON input"},
			{round16Feature + "x", fmt.Sprintf("the body is not valid JSON: invalid character 'x' after top-level value at byte %d", len(round16Feature)+1)},
			{`{"type":"Feature",}`, "the body is not valid JSON: invalid character '}' looking for beginning of object key string at byte 19"},
		} {
			resp, body := send("POST", items, tc.body, geo)
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, tc.want) {
				t.Errorf("POST %.40q = %d %s; want 400 saying %q", tc.body, resp.StatusCode, body, tc.want)
			}
		}
	})
}
