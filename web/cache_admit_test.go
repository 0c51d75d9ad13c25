package web

import (
	"fmt"
	"hash/maphash"
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
