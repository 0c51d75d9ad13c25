package web

import (
	"bytes"
	"container/list"
	"context"
	"fmt"
	"hash/maphash"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Response cache sizes: at most cacheBytes of bodies (with their keys and
// headers) in all, no body above cacheEntryBytes (a country page of 10,000
// incidents is not kept).
const (
	cacheBytes      = CacheBytes
	cacheEntryBytes = 1 << 20
)

// CacheBytes is the most a server's response cache holds (bodies, keys
// and headers): memory the heap comes to hold after start, as the cache
// fills.
const CacheBytes = 32 << 20

// maxCacheKey is the longest request (host and URI) whose response is kept:
// the map's shared views are far shorter. Keys count towards cacheBytes too,
// with entryOverhead for the entry's own bookkeeping: when only bodies
// counted, distinct 800 KB URLs with 12 KB answers (a histogram with an
// incident_type list repeated) held 230 MB after 300 requests, and would have
// held gigabytes before the bodies filled the cache.
const (
	maxCacheKey   = 8 << 10
	entryOverhead = 512
)

// responseCache keeps recent 200 responses of the public read endpoints by
// public data version and request, least recently used first out. A write
// the public can see moves the version on, so stale entries are never
// served, only aged out; drafts and proposals leave it.
type responseCache struct {
	mu    sync.Mutex
	lru   *list.List // of *cacheEntry, most recent first
	byKey map[string]*list.Element
	size  int
	seen  recentCounts // how often each key was asked for lately, for admit

	hits, misses atomic.Int64 // GETs answered from the cache, and by the handler
}

// recentCounts counts the requests for each key (by hash) over about the
// last countWindow requests: every countWindow requests the counts are
// halved, and those that reach zero forgotten, so it never holds more than
// countWindow keys.
type recentCounts struct {
	n    map[uint64]uint8
	adds int
}

const countWindow = 4096

func (r *recentCounts) add(h uint64) uint8 {
	if r.n == nil {
		r.n = map[uint64]uint8{}
	}
	r.n[h] = min(r.n[h], 254) + 1
	if r.adds++; r.adds == countWindow {
		r.adds = 0
		for k, v := range r.n {
			if v /= 2; v == 0 {
				delete(r.n, k)
			} else {
				r.n[k] = v
			}
		}
	}
	return r.n[h]
}

// admit counts a request for a key not kept (by hash) and tells whether its response should be
// recorded to be kept: while the cache has room, or when the key was asked
// for more than twice as often lately as the entry it would push out. Views
// asked for in turn, more of them than fit (a user panning over a country,
// a crawler), then leave the kept ones in place instead of each pushing out
// the next and costing a copy of every response (a tenth of a page of
// 1,000).
func (c *responseCache) admit(h uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.seen.add(h)
	if c.size+cacheEntryBytes <= cacheBytes {
		return true
	}
	victim := c.lru.Back().Value.(*cacheEntry)
	return int(n) > 2*int(c.seen.n[victim.hash])
}

var cacheSeed = maphash.MakeSeed()

// cacheStats are a cache's counters and size, for metrics.
type cacheStats struct {
	hits, misses, entries, bytes int64
}

func (c *responseCache) stats() cacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return cacheStats{hits: c.hits.Load(), misses: c.misses.Load(), entries: int64(len(c.byKey)), bytes: int64(c.size)}
}

type cacheEntry struct {
	key    string
	hash   uint64 // of key
	header http.Header
	body   []byte
}

// cost is the memory e holds, as the cache counts it against cacheBytes.
func (e *cacheEntry) cost() int {
	n := len(e.key) + len(e.body) + entryOverhead
	for k, vals := range e.header {
		n += len(k)
		for _, v := range vals {
			n += len(v)
		}
	}
	return n
}

// cachedHeaders are the response headers kept with a body; the others
// (request ids, security headers) are set afresh for each request.
var cachedHeaders = []string{"Content-Type", "Content-Encoding", "Content-Disposition", "Etag", "Cache-Control", "Vary", "Link"}

// versionKey carries the public data version withCache read to the handler.
type versionKey struct{}

func newResponseCache() *responseCache {
	return &responseCache{lru: list.New(), byKey: map[string]*list.Element{}}
}

// withCache answers repeated GETs of the same view of the same data from
// memory: the map's shared views (the country at start, the tiles around
// towns) cost one query per data version instead of one per visitor. The
// handler below sets the ETag, so If-None-Match is checked here first.
func withCache(c *responseCache, store incidentStore, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := store.PublicVersion(r.Context())
		if err != nil || r.Method != http.MethodGet {
			next.ServeHTTP(w, r)
			return
		}
		// The handler's ETag is made from this same version: one query, and
		// the body cached under a key that names the version it was made from.
		r = r.WithContext(context.WithValue(r.Context(), versionKey{}, v))
		proto := "http"
		if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
			proto = "https"
		}
		key := fmt.Sprintf("%d %t %s://%s%s", v, acceptsGzip(r.Header.Get("Accept-Encoding")), proto, r.Host, r.URL.RequestURI())
		// A client asking for no-cache (a reload, or a load test measuring
		// the work behind a view) gets a fresh answer.
		fresh := strings.Contains(r.Header.Get("Cache-Control"), "no-cache")
		h := maphash.String(cacheSeed, key)
		e := c.get(key, h)
		if e != nil && fresh {
			// Computed afresh, and kept already: no copy to record.
			c.misses.Add(1)
			next.ServeHTTP(w, r)
			return
		}
		if e != nil {
			c.hits.Add(1)
			// After what the layers outside set (CORS's Vary: Origin), as
			// the handler adds them: replacing them answered a request with
			// an Origin without its Vary: Origin whenever the copy kept was
			// made for a request without one, so that a shared cache could
			// give a browser the answer without CORS headers.
			for k, vals := range e.header {
				w.Header()[k] = append(w.Header()[k], vals...)
			}
			if noneMatch(r, e.header.Get("ETag"), sameTag) {
				w.Header().Del("Content-Encoding")
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Write(e.body)
			return
		}
		c.misses.Add(1)
		if len(key) > maxCacheKey || !c.admit(h) {
			next.ServeHTTP(w, r)
			return
		}
		// What the layers outside set is theirs, for this request alone:
		// the copy keeps what the handler adds after it.
		outside := make([]int, len(cachedHeaders))
		for i, k := range cachedHeaders {
			outside[i] = len(w.Header().Values(k))
		}
		rec := &cacheRecorder{ResponseWriter: w, body: recordBuffers.Get().(*bytes.Buffer)}
		defer recordBuffers.Put(rec.body)
		rec.body.Reset()
		next.ServeHTTP(rec, r)
		if rec.status == http.StatusOK && !rec.tooBig {
			header := http.Header{}
			for i, k := range cachedHeaders {
				if vals := w.Header().Values(k); len(vals) > outside[i] {
					header[k] = slices.Clone(vals[outside[i]:])
				}
			}
			c.put(&cacheEntry{key: key, hash: h, header: header, body: bytes.Clone(rec.body.Bytes())})
		}
	})
}

// recordBuffers are the bodies being recorded, reused: growing a new one for
// every response cost about a sixth of a fresh small page. What is kept is
// an exact copy.
var recordBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// get returns the entry kept for key (of hash h), counting the request.
func (c *responseCache) get(key string, h uint64) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil
	}
	c.seen.add(h)
	c.lru.MoveToFront(el)
	return el.Value.(*cacheEntry)
}

func (c *responseCache) put(e *cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[e.key]; ok {
		return
	}
	c.byKey[e.key] = c.lru.PushFront(e)
	c.size += e.cost()
	for c.size > cacheBytes {
		old := c.lru.Remove(c.lru.Back()).(*cacheEntry)
		delete(c.byKey, old.key)
		c.size -= old.cost()
	}
}

// cacheRecorder passes a response through while keeping a copy of its body,
// up to cacheEntryBytes.
type cacheRecorder struct {
	http.ResponseWriter
	status int
	body   *bytes.Buffer
	tooBig bool
}

func (c *cacheRecorder) WriteHeader(code int) {
	if c.status == 0 {
		c.status = code
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *cacheRecorder) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	if c.body.Len() == 0 && !c.tooBig {
		// A body declared too big to keep is not copied at all: a country
		// page of 10,000, sent a sendChunk at a time, had its first
		// megabyte copied only to be dropped.
		if n, err := strconv.ParseInt(c.Header().Get("Content-Length"), 10, 64); err == nil && n > cacheEntryBytes {
			c.tooBig = true
		}
	}
	if !c.tooBig && c.body.Len()+len(b) <= cacheEntryBytes {
		c.body.Write(b)
	} else if !c.tooBig {
		c.tooBig = true
		c.body.Reset()
	}
	return c.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (c *cacheRecorder) Unwrap() http.ResponseWriter { return c.ResponseWriter }
