package feature

import (
	"context"
	"sync"
	"sync/atomic"
)

// A Lender lends a request's stores buffers for the features they read,
// from free lists shared by all requests (outside the Go heap: lendKeep),
// and takes them all back when the request is done with its page
// ([Lender.Return]). A store reading a page into fresh memory made that
// memory garbage once the page was sent: on
// SQLite at 1,000,000 incidents, 0.56 MB of a 0.87 MB page of 1,000 (the
// driver's copy of each statement's features), and the collector needed
// room to match.
//
// Whoever holds the Lender must not return it while any of the bytes read
// into its buffers are still used: a web handler returns it once the page
// has been sent, and everything that keeps a page beyond that (the
// response cache, compression) copies it.
type Lender struct {
	mu    sync.Mutex
	lent  []*[]byte
	lists []*[]Encoded
}

type lenderKey struct{}

// WithLender returns ctx carrying a new Lender, and the Lender.
func WithLender(ctx context.Context) (context.Context, *Lender) {
	l := new(Lender)
	return context.WithValue(ctx, lenderKey{}, l), l
}

// Borrow returns a buffer of length n for features read under ctx: lent by
// ctx's Lender when it carries one, otherwise newly made (and left to the
// garbage collector).
func Borrow(ctx context.Context, n int) []byte {
	l, _ := ctx.Value(lenderKey{}).(*Lender)
	if l == nil {
		return make([]byte, n)
	}
	return l.borrow(n)
}

// Lending tells whether ctx carries a Lender: whether Borrow lends, and
// the buffer's unused tail goes back with it, or makes a buffer that a page
// holds whole.
func Lending(ctx context.Context) bool {
	l, _ := ctx.Value(lenderKey{}).(*Lender)
	return l != nil
}

// lendStep is the step between the sizes of the pooled buffers: a buffer
// lent is at most this much larger than asked for. lendClasses of them
// cover the largest statement a store reads (SQLite reads up to 2,500
// features, about 1.6 MB, in one): larger buffers are made and not pooled.
const (
	lendStep    = 64 << 10
	lendClasses = 64
)

// The buffers lent lie outside the Go heap (lendAlloc: anonymous memory
// mapped for them, where the system has it), kept for the next request in
// free lists that the collector does not empty, up to lendKeep bytes, and
// given back to the system beyond. In the heap, four country pages in
// flight (26 MB of features) took most of the collector's room above what
// lives: under the load benchmark's views, once the response cache had
// filled, a country page ran a collection each (100 a 100 requests), each
// emptying the sync.Pools the buffers and a page's lists were kept in, so
// that all were made again: 4.3 MB allocated a page, and 27 ms of CPU
// where the page took 16 with room (SQLite). Outside the heap, they count
// neither towards its soft limit nor in its collections; what they hold
// is bounded as before, by the pages in flight and parked (web's page
// budget and parkedBytes), plus lendKeep. 32 MB kept took the country page
// to 16.5-17.5 ms and the peak RSS 30-35 MB up; 16 MB to 20 ms and 15 MB
// up on the small pages, 25 on the country (docs/PERFORMANCE.md, round 9).
const lendKeep = 16 << 20

var lendFree struct {
	mu    sync.Mutex
	lists [lendClasses + 1][]*[]byte
	bytes int // in lists
}

func (l *Lender) borrow(n int) []byte {
	class := max((n+lendStep-1)/lendStep, 1)
	if class > lendClasses {
		return make([]byte, n)
	}
	var p *[]byte
	lendFree.mu.Lock()
	if free := lendFree.lists[class]; len(free) > 0 {
		p = free[len(free)-1]
		lendFree.lists[class] = free[:len(free)-1]
		lendFree.bytes -= cap(*p)
	}
	lendFree.mu.Unlock()
	if p == nil {
		b := lendAlloc(class * lendStep)
		p = &b
	}
	l.mu.Lock()
	l.lent = append(l.lent, p)
	l.mu.Unlock()
	return (*p)[:n]
}

// PoisonReturned, set by tests, makes Return overwrite every buffer it
// takes back, so that a page still using one shows it at once.
var PoisonReturned atomic.Bool

// Return gives back every buffer l lent, to be lent again: nothing read
// into them may be used after it (a buffer given back to the system is no
// longer mapped).
func (l *Lender) Return() {
	l.ReturnLists()
	l.mu.Lock()
	lent := l.lent
	l.lent = nil
	l.mu.Unlock()
	for _, p := range lent {
		b := (*p)[:cap(*p)]
		if PoisonReturned.Load() {
			for i := range b {
				b[i] = '#'
			}
		}
		lendFree.mu.Lock()
		kept := lendFree.bytes+len(b) <= lendKeep
		if kept {
			class := len(b) / lendStep
			lendFree.lists[class] = append(lendFree.lists[class], p)
			lendFree.bytes += len(b)
		}
		lendFree.mu.Unlock()
		if !kept {
			lendRelease(b)
		}
	}
}

// pageLists hold the lists of pages given back ([Lender.ReturnLists]), by
// the power of two they were made for, as collectorMaps do: a country
// page's list of 10,000 was 560 KB made for each page.
var pageLists [16]sync.Pool

// pageList lends a list for a page of n features, of a power of two's room.
func (l *Lender) pageList(n int) []Encoded {
	class := mapClass(n)
	if class >= len(pageLists) {
		return make([]Encoded, n)
	}
	p, _ := pageLists[class].Get().(*[]Encoded)
	if p == nil {
		list := make([]Encoded, 1<<class)
		p = &list
	}
	l.mu.Lock()
	l.lists = append(l.lists, p)
	l.mu.Unlock()
	return (*p)[:n]
}

// ReturnLists gives back the lists of the pages read under l (not their
// features, which stay lent until Return): no page read under l may be
// used after it. A web handler calls it once it has written a page's
// features out, before it sends them; Return calls it too.
func (l *Lender) ReturnLists() {
	l.mu.Lock()
	lists := l.lists
	l.lists = nil
	l.mu.Unlock()
	for _, p := range lists {
		clear(*p)
		pageLists[mapClass(len(*p))].Put(p)
	}
}
