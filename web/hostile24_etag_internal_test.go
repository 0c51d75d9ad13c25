package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestETag_DiffersByLinkBase: a listing's links begin with the Host and
// scheme (X-Forwarded-Proto) the client named, but its ETag did not say
// which, and no Vary named X-Forwarded-Proto: a shared cache holding the
// https answer revalidated it for http with a 304 and served the https
// links (or the other Host's). Now the ETag differs by host and scheme
// (If-None-Match of the other's is a 200 with this one's links), the same
// one still a 304, and every API answer varies on X-Forwarded-Proto.
func TestETag_DiffersByLinkBase(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		if _, err := store.Add(context.Background(), seedIncidents(t)); err != nil {
			t.Fatal(err)
		}
		send := round16Server(t, store)
		for _, u := range []string{"/api/collections/incidents/items?limit=2", "/api/collections/incidents/items?limit=2&q=Saraqib",
			"/api/collections/incidents/aggregate?zoom=7"} {
			variants := []map[string]string{{"X-Forwarded-Proto": "https"}, {"X-Forwarded-Proto": "http"}, {"Host": "other.example"}}
			etags := make([]string, len(variants))
			for i, h := range variants {
				resp, body := send("GET", u, "", h)
				etags[i] = resp.Header.Get("ETag")
				if resp.StatusCode != http.StatusOK || etags[i] == "" {
					t.Fatalf("GET %s %v = %d, ETag %q: %s", u, h, resp.StatusCode, etags[i], body)
				}
				if !strings.Contains(resp.Header.Get("Vary"), "X-Forwarded-Proto") {
					t.Errorf("GET %s %v: Vary %q; want X-Forwarded-Proto", u, h, resp.Header.Values("Vary"))
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
						t.Errorf("GET %s %v with the ETag of %v = %d; want 200 with its own links", u, h, variants[j], resp.StatusCode)
					}
					if h["X-Forwarded-Proto"] == "https" && strings.Contains(body, `"href":"http://`) {
						t.Errorf("GET %s %v: links of http in %.200s", u, h, body)
					}
				}
			}
		}
	})
}

// merged is h with k set to v, h unchanged.
func merged(h map[string]string, k, v string) map[string]string {
	out := map[string]string{k: v}
	for hk, hv := range h {
		out[hk] = hv
	}
	return out
}
