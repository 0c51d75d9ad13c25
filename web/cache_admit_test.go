package web

import (
	"context"
	"fmt"
	"hash/maphash"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestResponseCache_Admit: the cache keeps what fits; views asked for in
// turn, more of them than fit, then leave the kept ones in place (no
// response is recorded to be thrown away); a view asked for far more often
// than the others gets in.
func TestResponseCache_Admit(t *testing.T) {
	c := newResponseCache()
	body := make([]byte, 600<<10)
	// ask is one request for key, as withCache makes it: answered from the
	// cache, or recorded and kept if admitted. It tells whether it was
	// recorded.
	ask := func(key string) bool {
		h := maphash.String(cacheSeed, key)
		if c.get(key, h) != nil || !c.admit(h) {
			return false
		}
		c.put(&cacheEntry{key: key, hash: h, body: body})
		return true
	}
	var keys []string
	for i := range 200 {
		keys = append(keys, fmt.Sprintf("/items?bbox=%d", i))
	}
	for _, k := range keys {
		ask(k)
	}
	kept := len(c.byKey)
	if kept == 0 || kept >= len(keys) {
		t.Fatalf("after one pass %d of %d views are kept: want the cache full and some left out", kept, len(keys))
	}
	recorded := 0
	for range 5 {
		for _, k := range keys {
			if ask(k) {
				recorded++
			}
		}
	}
	if recorded > 0 {
		t.Errorf("views asked for in turn: %d responses recorded to push out others, want none", recorded)
	}
	hot := keys[len(keys)-1] // left out in the first pass
	if _, ok := c.byKey[hot]; ok {
		t.Fatalf("the last view of the first pass was kept; the test needs one left out")
	}
	in := false
	for range 40 {
		if ask(hot) {
			in = true
			break
		}
	}
	if !in {
		t.Errorf("a view asked for 40 times in a row was never admitted")
	}
}

// TestResponseCache_CountsBounded: a client asking for a new view every
// time (a crawler, an attacker) leaves the counts of recent views bounded.
func TestResponseCache_CountsBounded(t *testing.T) {
	c := newResponseCache()
	for i := range 100 * countWindow {
		c.admit(maphash.String(cacheSeed, fmt.Sprintf("/items?bbox=%d", i)))
	}
	if n := len(c.seen.n); n > 2*countWindow {
		t.Errorf("%d views counted after %d different ones; want at most %d", n, 100*countWindow, 2*countWindow)
	}
}

// versionOnly is a store that only tells its public data version, all
// withCache asks of it.
type versionOnly struct{ incidentStore }

func (versionOnly) PublicVersion(context.Context) (int64, error) { return 1, nil }

// TestResponseCache_LongKeysBounded: distinct requests with long URLs and
// small answers (a histogram asked with an incident_type list repeated to
// 800 KB) leave the cache holding at most cacheBytes, keys included. Only
// the bodies were counted: 300 such requests held 230 MB.
func TestResponseCache_LongKeysBounded(t *testing.T) {
	c := newResponseCache()
	h := withCache(c, versionOnly{}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"bins":[]}`))
	}))
	pad := strings.Repeat("arrest,", 64<<10/7)
	for i := range 800 {
		r := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/histogram?incident_type=%s%d", pad, i), nil)
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	held := 0
	for el := c.lru.Front(); el != nil; el = el.Next() {
		e := el.Value.(*cacheEntry)
		held += len(e.key) + len(e.body)
	}
	if held > cacheBytes || c.size > cacheBytes {
		t.Errorf("after 800 requests of 64 KB URLs the cache holds %d MB of keys and bodies (counted %d MB); want at most %d MB",
			held>>20, c.size>>20, cacheBytes>>20)
	}
	// Short keys are still kept.
	r := httptest.NewRequest(http.MethodGet, "/histogram?incident_type=arrest", nil)
	h.ServeHTTP(httptest.NewRecorder(), r)
	h.ServeHTTP(httptest.NewRecorder(), r)
	if c.hits.Load() != 1 {
		t.Errorf("a short view asked for twice: %d hits, want 1", c.hits.Load())
	}
}
