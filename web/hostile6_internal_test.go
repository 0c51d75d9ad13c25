package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/bothstores"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// lockWatch is a store that counts its write transactions (Edit) and how
// long each was held.
type lockWatch struct {
	incidentStore
	mu    sync.Mutex
	edits []time.Duration
}

func (s *lockWatch) Edit(ctx context.Context, id int64, edit func(incidents.Incident) (incidents.Incident, error)) (incidents.Incident, error) {
	start := time.Now()
	inc, err := s.incidentStore.Edit(ctx, id, edit)
	s.mu.Lock()
	s.edits = append(s.edits, time.Since(start))
	s.mu.Unlock()
	return inc, err
}

func (s *lockWatch) take() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.edits
	s.edits = nil
	return e
}

// onBothStores runs test on a fresh SQLite store and on PostGIS.
func onBothStores(t *testing.T, test func(*testing.T, incidentStore)) {
	t.Helper()
	bothstores.Run(t, test)
}

// seedIncidents are the built-in seed incidents, published.
func seedIncidents(t *testing.T) []incidents.Incident {
	t.Helper()
	var seed []incidents.Incident
	for inc, err := range feature.Decode(bytes.NewReader(mapsrv.SeedIncidents), incidents.StatusPublished) {
		if err != nil {
			t.Fatal(err)
		}
		seed = append(seed, inc)
	}
	return seed
}

// watchedServer serves store through a lockWatch to an editor holding
// token, and returns a function sending a body of contentType with method
// to a URL with that token, giving the status and the answer.
func watchedServer(t *testing.T, store incidentStore, token string) (*lockWatch, *httptest.Server, func(method, url, contentType, body string) (int, string)) {
	t.Helper()
	tokens, err := ParseTokens("editor:" + token)
	if err != nil {
		t.Fatal(err)
	}
	watch := &lockWatch{incidentStore: store}
	srv := httptest.NewServer(NewServer(Config{Store: watch, Tokens: tokens}))
	t.Cleanup(srv.Close)
	send := func(method, url, contentType, body string) (int, string) {
		req, _ := http.NewRequest(method, url, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", contentType)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	return watch, srv, send
}

// TestMergePatch_CheckedBeforeTheLock: a merge patch is checked before the
// store's write transaction is begun, on both stores. It was parsed and
// merged inside it, so that a 1 MiB patch of 87,000 unknown members held
// SQLite's write lock for half a second before it was refused. A patch the
// merge would refuse whatever the feature holds now never begins one, and a
// valid one brings into it only what the merge reads.
func TestMergePatch_CheckedBeforeTheLock(t *testing.T) { onBothStores(t, testPatchBeforeLock) }

func testPatchBeforeLock(t *testing.T, store incidentStore) {
	seed := seedIncidents(t)
	ids, err := store.Add(context.Background(), seed[:1])
	if err != nil {
		t.Fatal(err)
	}
	watch, srv, send := watchedServer(t, store, "editor-token-of-round-6")
	item := fmt.Sprintf("%s/api/collections/incidents/items/%d", srv.URL, ids[0])
	patch := func(body string) (int, string) { return send("PATCH", item, "application/merge-patch+json", body) }
	members := func(n int, value string) string { // up to 1 MiB
		var b strings.Builder
		b.WriteString(`{"properties":{`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"m%05d":%s`, i, value)
		}
		b.WriteString(`}}`)
		return b.String()
	}

	refused := map[string]string{
		"87,000 unknown members":     members(87_000, "1"),
		"an unknown member":          `{"properties":{"kiled":7}}`,
		"a count that is a string":   `{"properties":{"killed":"seven"}}`,
		"a name's case":              `{"properties":{"Killed":7}}`,
		"the properties' case":       `{"Properties":{"killed":7}}`,
		"the id's case":              `{"ID":7}`,
		"properties not an object":   `{"properties":5}`,
		"a source's unknown member":  `{"properties":{"sources":[{"title":"t","url":"https://example.org/a","publisher":"p","pages":3}]}}`,
		"a line":                     `{"geometry":{"type":"LineString"}}`,
		"one coordinate":             `{"geometry":{"coordinates":[36]}}`,
		"no coordinates":             `{"geometry":{"coordinates":null}}`,
		"no geometry":                `{"geometry":null}`,
		"a collection":               `{"type":"FeatureCollection"}`,
		"no type":                    `{"type":null}`,
		"coordinates' case":          `{"geometry":{"Coordinates":[36.8,35.8]}}`,
		"a timestamp that is a date": `{"properties":{"created_at":"yesterday"}}`,
		"an array":                   `[]`,
	}
	for name, body := range refused {
		status, answer := patch(body)
		edits := watch.take()
		if status != http.StatusBadRequest || len(edits) != 0 {
			t.Errorf("%s: %d %.200s, %d write transactions %v; want 400 and none", name, status, answer, len(edits), edits)
		}
		if name == "87,000 unknown members" {
			t.Logf("%s: %d, write transactions %v", name, status, edits)
		}
	}

	accepted := []struct{ name, body string }{
		{"a count", `{"properties":{"killed":7}}`},
		{"members read by nothing", `{"id":99,"links":[{"href":"x"}],"bbox":[1,2,3,4],"geometry":{"bbox":[1,2,3,4]},"properties":{"killed":8,"kiled":null}}`},
		{"70,000 unknown members deleting nothing", members(70_000, "null")},
	}
	for _, tc := range accepted {
		status, answer := patch(tc.body)
		edits := watch.take()
		if status != http.StatusOK || len(edits) != 1 {
			t.Errorf("%s: %d %.200s, %d write transactions; want 200 and one", tc.name, status, answer, len(edits))
			continue
		}
		t.Logf("%s: write transaction held %v", tc.name, edits[0])
	}
	inc, err := store.Get(context.Background(), ids[0])
	if err != nil || inc.Killed == nil || *inc.Killed != 8 || inc.Location != seed[0].Location {
		t.Errorf("after the patches: %+v, %v; want killed 8 at the seed's point", inc, err)
	}
	var f map[string]json.RawMessage
	if _, body := patch(`{}`); json.Unmarshal([]byte(body), &f) != nil || f["id"] == nil || string(f["id"]) != fmt.Sprint(ids[0]) {
		t.Errorf("an empty patch: %s", body)
	}
}
