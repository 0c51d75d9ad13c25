package index

import (
	"sync"
	"sync/atomic"
)

// Live is a store's newest index and the refresh under way, if any. A
// refresh moves the index on to the data (by the store's change log, or by
// building it afresh); one runs at a time and every request that needs it
// waits for that one. The store runs the refresh itself:
//
//	done, lead := live.Begin()
//	if lead {
//		go func() { live.End(refresh(live.Load())) }()
//	}
//	<-done
//
// Live is safe for concurrent use.
type Live struct {
	latest atomic.Pointer[Index]
	mu     sync.Mutex
	done   chan struct{} // closed when the refresh under way ends; nil when none is
	err    error         // of the last refresh
	ended  atomic.Int64  // how many refreshes have ended
}

// Load returns the newest index, or nil before the first.
func (l *Live) Load() *Index { return l.latest.Load() }

// Offer makes ix the newest index unless a newer one is held, and reports
// whether it did.
func (l *Live) Offer(ix *Index) bool {
	for {
		cur := l.latest.Load()
		if cur != nil && cur.version > ix.version {
			return false
		}
		if l.latest.CompareAndSwap(cur, ix) {
			return true
		}
	}
}

// Advance moves the newest index from version before to before+1, the
// version a write by this store just committed with what it changed (see
// Apply), if it is at before; otherwise the refresh that the next request
// needing it starts brings it there.
func (l *Live) Advance(before int64, changed []int64, now []Point) {
	cur := l.latest.Load()
	if cur == nil || cur.version != before {
		return
	}
	if next, ok := cur.Apply(before+1, changed, now); ok {
		l.Offer(next)
	}
}

// Begin returns the channel closed when the refresh under way ends. When
// none is, it starts one and lead is true: the caller must run it and call
// End.
func (l *Live) Begin() (done <-chan struct{}, lead bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.done != nil {
		return l.done, false
	}
	l.done = make(chan struct{})
	return l.done, true
}

// End ends the refresh Begin started, offering its index unless it failed.
func (l *Live) End(ix *Index, err error) {
	if err == nil && ix != nil {
		l.Offer(ix)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.err = err
	l.ended.Add(1)
	close(l.done)
	l.done = nil
}

// Err is the error of the last refresh, nil if it succeeded.
func (l *Live) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}

// Refreshes is how many refreshes have ended.
func (l *Live) Refreshes() int64 { return l.ended.Load() }
