package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestETag_ItemDiffersByLinkBase: an incident's answer holds links that
// begin with the Host and scheme (X-Forwarded-Proto) the client named, but
// its strong ETag was a digest of the feature alone (round 24 left it so):
// a cache holding the https answer and the http one under one tag
// revalidated either with a 304 and could serve the https links to an http
// client, or another Host's. Now the tag differs by host and scheme (the
// other's If-None-Match is a 200 with this one's links, its own a 304),
// while a write's If-Match and If-None-Match still compare the incident's
// state whichever host the tag was read through: a tag read through the
// proxy lets a write through the server's own address, and a tag of
// before is still honoured.
func TestETag_ItemDiffersByLinkBase(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		ids, err := store.Add(context.Background(), seedIncidents(t))
		if err != nil {
			t.Fatal(err)
		}
		send := round16Server(t, store)
		u := fmt.Sprintf("/api/collections/incidents/items/%d", ids[0])
		variants := []map[string]string{{"X-Forwarded-Proto": "https"}, {"X-Forwarded-Proto": "http"}, {"Host": "other.example"}}
		etags := make([]string, len(variants))
		for i, h := range variants {
			resp, body := send("GET", u, "", h)
			etags[i] = resp.Header.Get("ETag")
			if resp.StatusCode != http.StatusOK || etags[i] == "" || strings.HasPrefix(etags[i], "W/") {
				t.Fatalf("GET %s %v = %d, ETag %q: %s", u, h, resp.StatusCode, etags[i], body)
			}
			if resp, _ := send("GET", u, "", merged(h, "If-None-Match", etags[i])); resp.StatusCode != http.StatusNotModified {
				t.Errorf("GET %s %v with its own ETag = %d; want 304", u, h, resp.StatusCode)
			}
		}
		for i, h := range variants {
			for j, other := range etags {
				if i == j {
					continue
				}
				resp, body := send("GET", u, "", merged(h, "If-None-Match", other))
				if resp.StatusCode != http.StatusOK {
					t.Errorf("GET %s %v with the ETag of %v (%s, its own %s) = %d; want 200 with its own links", u, h, variants[j], other, etags[i], resp.StatusCode)
					continue
				}
				if h["X-Forwarded-Proto"] == "https" && strings.Contains(body, `"href":"http://`) {
					t.Errorf("GET %s %v: links of http in %.300s", u, h, body)
				}
			}
		}
		// a write through the server's own address with the tag read through the proxy
		patch := `{"properties":{"killed":7}}`
		ct := map[string]string{"Content-Type": "application/merge-patch+json", "If-Match": etags[0]}
		resp, body := send("PATCH", u, patch, ct)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("PATCH %s with If-Match of the https answer's tag = %d: %s; want 200 (the same incident, unchanged)", u, resp.StatusCode, body)
		}
		// the tag of before the write, read through any host, now fails
		for _, old := range etags {
			resp, body := send("PATCH", u, patch, merged(ct, "If-Match", old))
			if resp.StatusCode != http.StatusPreconditionFailed {
				t.Errorf("PATCH %s with If-Match of a tag before the write (%s) = %d: %.200s; want 412", u, old, resp.StatusCode, body)
			}
		}
		// If-None-Match on a write names the state, whichever host it was read through
		resp, _ = send("GET", u, "", map[string]string{"Host": "third.example"})
		now := resp.Header.Get("ETag")
		resp, body = send("PATCH", u, patch, map[string]string{"Content-Type": "application/merge-patch+json", "If-None-Match": now})
		if resp.StatusCode != http.StatusPreconditionFailed {
			t.Errorf("PATCH %s with If-None-Match of its current tag read through another host = %d: %.200s; want 412", u, resp.StatusCode, body)
		}
	})
}
