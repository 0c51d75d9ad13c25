package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestPut_DecodedBeforeTheLock: a PUT's feature is decoded and validated
// before the store's write transaction is begun, on both stores, as round 6
// did for PATCH. It was decoded inside it (the stored status being its
// default), so that a 1 MiB feature of 87,000 unknown properties held
// SQLite's write lock while it was read and refused. A feature refused
// whatever is stored now begins no write transaction; one refused only for
// the stored status (no status and no date, over a published incident) is
// refused inside it as before, with the same message; a valid one begins
// one.
func TestPut_DecodedBeforeTheLock(t *testing.T) { onBothStores(t, testPutBeforeLock) }

func testPutBeforeLock(t *testing.T, store incidentStore) {
	seed := seedIncidents(t)
	draft := seed[1]
	draft.Status = incidents.StatusDraft
	ids, err := store.Add(context.Background(), []incidents.Incident{seed[0], draft})
	if err != nil {
		t.Fatal(err)
	}
	watch, srv, send := watchedServer(t, store, "editor-token-of-round-7")
	published := fmt.Sprintf("%s/api/collections/incidents/items/%d", srv.URL, ids[0])
	drafts := fmt.Sprintf("%s/api/collections/drafts/items/%d", srv.URL, ids[1])
	put := func(url, body string) (int, string) { return send("PUT", url, "application/geo+json", body) }
	// props is a feature at the seed's point with these properties.
	props := func(p string) string {
		return fmt.Sprintf(`{"type":"Feature","geometry":{"type":"Point","coordinates":[%g,%g]},"properties":{%s}}`,
			seed[0].Location.Lon(), seed[0].Location.Lat(), p)
	}
	const valid = `"incident_type":"arrest","date_from":"2025-11-24","date_to":"2025-11-24","geo_precision":"town","killed":3`
	members := func(n int) string { // up to 1 MiB
		var b strings.Builder
		b.WriteString(valid)
		for i := range n {
			fmt.Fprintf(&b, `,"m%05d":1`, i)
		}
		return props(b.String())
	}

	refused := map[string]string{
		"87,000 unknown properties": members(87_000),
		"an unknown property":       props(valid + `,"kiled":7`),
		"a count that is a string":  props(`"incident_type":"arrest","killed":"seven"`),
		"an unknown type":           props(`"incident_type":"picnic","date_from":"2025-11-24","date_to":"2025-11-24","geo_precision":"town"`),
		"a status not known":        props(valid + `,"status":"lost"`),
		"a line":                    `{"type":"Feature","geometry":{"type":"LineString","coordinates":[[36,35],[37,35]]},"properties":{}}`,
		"a point outside":           `{"type":"Feature","geometry":{"type":"Point","coordinates":[10,10]},"properties":{` + valid + `}}`,
		"a collection":              `{"type":"FeatureCollection","features":[]}`,
		"a name's case":             props(valid + `,"Killed":4`),
		"published with no date":    props(`"incident_type":"arrest","geo_precision":"town","status":"published"`),
		"an array":                  `[]`,
	}
	for name, body := range refused {
		for _, url := range []string{published, drafts} {
			status, answer := put(url, body)
			edits := watch.take()
			if status != http.StatusBadRequest || len(edits) != 0 {
				t.Errorf("%s: %d %.200s, %d write transactions %v; want 400 and none", name, status, answer, len(edits), edits)
			}
			if name == "87,000 unknown properties" && url == published {
				t.Logf("%s: %d, write transactions %v", name, status, edits)
			}
		}
	}

	// No status and no date: the stored status decides, as before.
	undated := props(`"incident_type":"arrest","geo_precision":"town","killed":5`)
	if status, answer := put(published, undated); status != http.StatusBadRequest ||
		!strings.Contains(answer, "a published incident needs date_from and date_to") || len(watch.take()) != 1 {
		t.Errorf("an undated feature over a published incident: %d %.300s; want 400 naming date_from, refused in the transaction", status, answer)
	}
	if status, answer := put(drafts, undated); status != http.StatusOK || len(watch.take()) != 1 {
		t.Errorf("an undated feature over a draft: %d %.300s; want 200", status, answer)
	}
	if inc, err := store.Get(context.Background(), ids[1]); err != nil || inc.Status != incidents.StatusDraft || inc.Killed == nil || *inc.Killed != 5 || !inc.DateFrom.IsZero() {
		t.Errorf("the draft after the PUT: %+v, %v; want an undated draft, killed 5", inc, err)
	}

	status, answer := put(published, props(valid))
	edits := watch.take()
	if status != http.StatusOK || len(edits) != 1 {
		t.Fatalf("a valid PUT: %d %.300s, %d write transactions; want 200 and one", status, answer, len(edits))
	}
	t.Logf("a valid PUT: write transaction held %v", edits[0])
	var f struct {
		ID         int64 `json:"id"`
		Properties struct {
			Killed int    `json:"killed"`
			Status string `json:"status"`
		} `json:"properties"`
	}
	if json.Unmarshal([]byte(answer), &f) != nil || f.ID != ids[0] || f.Properties.Killed != 3 || f.Properties.Status != "published" {
		t.Errorf("a valid PUT answered %.300s; want the incident, killed 3, still published", answer)
	}
	// A status given moves the incident out of the path's collection: the
	// draft is published by a PUT naming the status, as before.
	if status, answer := put(drafts, props(valid+`,"status":"published"`)); status != http.StatusOK || len(watch.take()) != 1 {
		t.Errorf("publishing a draft by PUT: %d %.300s; want 200", status, answer)
	}
	if inc, err := store.Get(context.Background(), ids[1]); err != nil || inc.Status != incidents.StatusPublished {
		t.Errorf("the draft after publishing: %+v, %v", inc, err)
	}
}
