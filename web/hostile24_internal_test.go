package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// TestPath_EncodedSlashIsNoSeparator: net/http decodes %2F into the path
// the router reads, so /api/collections/incidents%2Fitems/1 was incident 1
// (a 200) and a DELETE through it deleted incident 1: the same resource
// under a second spelling, which a cache or a proxy's rule in front keys
// apart from the first. Now such a path is a 404 saying why, and nothing is
// written through it.
func TestPath_EncodedSlashIsNoSeparator(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		added, err := store.Add(context.Background(), seedIncidents(t)[:1])
		if err != nil {
			t.Fatal(err)
		}
		id := strconv.FormatInt(added[0], 10)
		send := round16Server(t, store)
		if resp, body := send("GET", "/api/collections/incidents/items/"+id, "", nil); resp.StatusCode != http.StatusOK {
			t.Fatalf("GET the incident = %d %s", resp.StatusCode, body)
		}
		for _, p := range []string{"/api/collections/incidents%2Fitems/" + id, "/api/collections/incidents/items%2f" + id,
			"/api%2Fcollections/incidents/items/" + id, "/api/collections%2Fincidents/items?limit=1",
			"/tiles%2Fincidents/0/0/0.mvt"} {
			resp, body := send("GET", p, "", nil)
			if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "%2F") {
				t.Errorf("GET %s = %d %s; want 404 naming the encoded slash", p, resp.StatusCode, body)
			}
		}
		resp, body := send("DELETE", "/api/collections/incidents%2Fitems/"+id, "", nil)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("DELETE through %%2F = %d %s; want 404", resp.StatusCode, body)
		}
		if resp, body := send("GET", "/api/collections/incidents/items/"+id, "", nil); resp.StatusCode != http.StatusOK {
			t.Errorf("after the DELETE through %%2F, GET the incident = %d %s; want it still there", resp.StatusCode, body)
		}
	})
}
