package feature

import (
	"context"
	"math/bits"
	"sync"
	"sync/atomic"

	"github.com/mapsrv/mapsrv/incidents"
)

// Collector lays out a page of stored features, read from a database in
// whatever order it returns them, in the page's order: the stores read a
// page's features by ID and hand them over here, copied into one buffer
// (Add) or, when the store's memory is the page's own, kept where they are
// (Keep).
//
// A page it returns holds no memory but its features' bytes: what the
// buffers it filled or was lent hold beyond them (a buffer sized for a page
// of larger features, the buffers left behind as one grew, features of no
// page) is let go by copying the page's features into one buffer of their
// size. Callers bound the pages they hold by those bytes ([PageBytes]);
// counting only the features' own bytes, pages parked while their clients
// read held some 45% more on PostGIS than they counted.
type Collector struct {
	n    int    // about how many features the page holds
	buf  []byte // copies of what Add and Encode kept, allocated on first use
	held int    // bytes of every buffer the features kept lie in: buf and those it grew from, and those lent (Hold)
	json map[int64][]byte

	lender *Lender // lends buf, when set (BorrowFrom)
	lists  *Lender // lends the page's list, when set (ListFrom, BorrowFrom)
	copied int     // features copied by Add

	patch map[int64][]incidents.Source // sources Add and Keep patch features with (PatchWith)
}

// featureBytes is about the size of a feature with two summaries and a
// source, to size a page's buffer once.
const featureBytes = 768

// NewCollector returns a Collector for a page of about n features.
func NewCollector(n int) *Collector {
	m, _ := collectorMaps[mapClass(n)].Get().(map[int64][]byte)
	if m == nil {
		m = make(map[int64][]byte, 1<<mapClass(n))
	}
	return &Collector{n: n, json: m}
}

// collectorMaps hold the maps of Collectors released (Release), by the
// power of two they were made for: a page's map of 1,000 was 65 KB of the
// 280 KB a SQLite page of 1,000 allocated.
var collectorMaps [24]sync.Pool

// mapClass is the power of two at least n (at most 2^23), that a map is made
// for and pooled by.
func mapClass(n int) int { return min(bits.Len(uint(max(n, 1)-1)), len(collectorMaps)-1) }

// Release gives c's map back to be used again: c must not be used after
// it, and the pages it returned hold no part of it.
func (c *Collector) Release() {
	if c.json == nil {
		return
	}
	clear(c.json)
	collectorMaps[mapClass(c.n)].Put(c.json)
	c.json = nil
}

// BorrowFrom makes Add copy features into buffers lent by ctx's Lender,
// when it carries one, rather than into a buffer of the page's own: on
// PostGIS, a page of 1,000 made and cleared a buffer of 768 KB and, as its
// features took less, copied them all again into one of their size (Page),
// 12-17% of the server's CPU under the load benchmark's boxes with the
// collections that garbage cost. A lent buffer is sized from the mean
// feature of the pages before, with a sixteenth to spare, and is not
// trimmed: the page holds it, unused tail included, until the request
// gives it back, once the page is sent.
func (c *Collector) BorrowFrom(ctx context.Context) {
	c.lender, _ = ctx.Value(lenderKey{}).(*Lender)
	c.lists = c.lender
}

// ListFrom makes Page return a list lent by ctx's Lender, when it carries
// one, rather than one of the page's own: whoever holds the Lender gives
// it back ([Lender.ReturnLists]) once it no longer uses the page.
func (c *Collector) ListFrom(ctx context.Context) {
	c.lists, _ = ctx.Value(lenderKey{}).(*Lender)
}

// meanCopied is the mean size of the features Add copied into lent
// buffers, over the last page, to size the next page's buffer.
var meanCopied atomic.Int64

// lentPiece is the most one lent buffer of a Collector holds, unless a
// single feature is larger: a page needing more goes on in another. A
// country page of 10,000 on PostGIS (6.5 MB) was lent one buffer of 7 MB,
// beyond the largest pooled size, made anew for every page and collected:
// two thirds of the 10 MB that page allocated, and a GC every three pages.
const lentPiece = 1 << 20

// growLent makes room for n more bytes in a lent buf: a buffer for the
// features still to come, of the mean size, with a sixteenth to spare, up
// to lentPiece (or n). The room left in the buffer it replaces, less than
// one feature, goes back unused with it.
func (c *Collector) growLent(n int) {
	if c.buf != nil && len(c.buf)+n <= cap(c.buf) {
		return
	}
	mean := int(meanCopied.Load())
	if mean <= 0 {
		mean = featureBytes
	}
	rest := max(c.n-c.copied, 1) * mean
	c.buf = c.lender.borrow(min(n+rest+rest/16, max(lentPiece, n)))[:0]
}

// Add keeps a copy of the stored feature of incident id: json may be
// reused once Add returns.
func (c *Collector) Add(id int64, json []byte) {
	if srcs, ok := c.patch[id]; ok {
		c.Patch(id, json, srcs)
		return
	}
	if c.lender != nil {
		c.growLent(len(json))
		start := len(c.buf)
		c.buf = append(c.buf, json...)
		c.json[id] = c.buf[start:len(c.buf):len(c.buf)]
		c.copied++
		return
	}
	c.grow(len(json))
	start, was := len(c.buf), cap(c.buf)
	c.buf = append(c.buf, json...)
	c.moved(was)
	c.json[id] = c.buf[start:len(c.buf):len(c.buf)]
}

// Hold tells c of a buffer of the store's own that Keep will be given
// features of: the page holds all of it, whatever of it Keep is given.
func (c *Collector) Hold(buf []byte) { c.held += cap(buf) }

// Keep keeps the stored feature of incident id without copying it: json
// must stay as it is for as long as the page is used, and lie in a buffer
// given to Hold. A store whose reads
// hand out memory of their own (SQLite's one buffer for a whole statement)
// saves the copy of every feature of the page, 600 KB for a page of 1,000.
func (c *Collector) Keep(id int64, json []byte) {
	if srcs, ok := c.patch[id]; ok {
		c.Patch(id, json, srcs)
		return
	}
	c.json[id] = json[:len(json):len(json)]
}

// grow makes room for n more bytes in buf: at the first copy, for the
// whole page at once. Bytes already kept stay where they are if buf moves:
// the features handed out keep the old buffer alive, unchanged.
func (c *Collector) grow(n int) {
	if c.buf == nil {
		c.buf = make([]byte, 0, max(n, c.n*featureBytes))
		c.held += cap(c.buf)
	}
}

// growPatched makes room for n more bytes in buf, for a feature of about
// n bytes: where buf has not that room, a new buffer for the features
// still to come at that size, with a sixteenth to spare. Grown by append
// instead, a page of 1,000 patched features of 8.5 KB went through buffers
// of twice its size, each copied into the next and each page of memory
// new to the process.
func (c *Collector) growPatched(n int) {
	if c.buf != nil && len(c.buf)+n <= cap(c.buf) {
		return
	}
	rest := max(c.n-len(c.json), 1) * n
	c.buf = make([]byte, 0, rest+rest/16)
	c.held += cap(c.buf)
}

// moved counts a new buffer when an append outgrew one of capacity was:
// the features kept in the old one keep it alive.
func (c *Collector) moved(was int) {
	if cap(c.buf) != was {
		c.held += cap(c.buf)
	}
}

// Encode encodes and keeps the feature of inc, for one that was not stored.
func (c *Collector) Encode(inc incidents.Incident) error {
	if c.lender != nil {
		c.growLent(featureBytes) // and append moves the rest to memory of its own
	} else {
		c.grow(featureBytes)
	}
	start, was := len(c.buf), cap(c.buf)
	var err error
	if c.buf, err = AppendFeature(c.buf, inc); err != nil {
		return err
	}
	c.moved(was)
	c.json[inc.ID] = c.buf[start:len(c.buf):len(c.buf)]
	return nil
}

// Patch keeps the stored feature of incident id with its sources written
// again from srcs ([AppendPatched]); stored may be reused once Patch
// returns. It reports false, keeping nothing, when stored has no sources
// member to patch: the page then encodes the incident from its row.
func (c *Collector) Patch(id int64, stored []byte, srcs []incidents.Source) bool {
	n := len(stored) + 64
	for _, s := range srcs {
		n += 96 + len(s.Title) + len(s.URL) + len(s.Publisher)
	}
	if c.lender != nil {
		c.growLent(n)
	} else {
		c.growPatched(n)
	}
	start, was := len(c.buf), cap(c.buf)
	buf, ok := AppendPatched(c.buf, stored, srcs)
	if !ok {
		return false
	}
	c.buf = buf
	c.moved(was)
	c.json[id] = c.buf[start:len(c.buf):len(c.buf)]
	return true
}

// PatchWith has Add and Keep patch the features of the incidents srcs
// holds with their sources there ([Collector.Patch]), until it is called
// again; nil ends it.
func (c *Collector) PatchWith(srcs map[int64][]incidents.Source) { c.patch = srcs }

// Has reports whether the feature of incident id has been kept.
func (c *Collector) Has(id int64) bool {
	_, ok := c.json[id]
	return ok
}

// Missing lists the incidents of page whose features have not been kept.
func (c *Collector) Missing(page []incidents.Cursor) []int64 {
	var ids []int64
	for _, p := range page {
		if _, ok := c.json[p.ID]; !ok {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// Page returns the features of page, in its order, each with the cursor
// continuing after it. Every one must have been kept. When the buffers
// they lie in hold more than their bytes, they are copied into one of
// their size, so that the page holds nothing else.
func (c *Collector) Page(page []incidents.Cursor) []Encoded {
	var out []Encoded
	if c.lists != nil {
		out = c.lists.pageList(len(page))
	} else {
		out = make([]Encoded, len(page))
	}
	used := 0
	for i, p := range page {
		out[i] = Encoded{After: p, JSON: c.json[p.ID]}
		used += len(out[i].JSON)
	}
	if c.lender != nil {
		// Lent buffers are not trimmed (BorrowFrom).
		if c.copied > 0 && len(page) > 0 {
			meanCopied.Store(int64(used / len(page)))
		}
		return out
	}
	if c.held > used {
		trim(out, used)
	}
	return out
}

// trim copies the features of page, of used bytes in all, into one buffer
// of that size.
func trim(page []Encoded, used int) {
	buf := make([]byte, 0, used)
	for i, e := range page {
		start := len(buf)
		buf = append(buf, e.JSON...)
		page[i].JSON = buf[start:len(buf):len(buf)]
	}
}
