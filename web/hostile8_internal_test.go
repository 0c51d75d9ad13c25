package web

import (
	"context"
	"net/http"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// stallWriter is a client that takes what is written and then stops
// reading: Flush signals flushed and waits for resume.
type stallWriter struct {
	h       http.Header
	written int
	flushed chan struct{}
	resume  chan struct{}
}

func (w *stallWriter) Header() http.Header         { return w.h }
func (w *stallWriter) WriteHeader(int)             {}
func (w *stallWriter) Write(b []byte) (int, error) { w.written += len(b); return len(b), nil }
func (w *stallWriter) Flush()                      { w.flushed <- struct{}{}; <-w.resume }

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestExport_WaitingHoldsNoPage: an export whose client reads slowly waits
// in the flush after each page, and then for one of the export slots; it
// must hold no page meanwhile, since pages held while being sent are
// bounded (parkedBytes) and these waits are not. Each held its last page,
// the cursor to the next pointing into it: 1,000 clients of an export
// reading nothing held 1.2 GB of pages.
func TestExport_WaitingHoldsNoPage(t *testing.T) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "export.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	// Two pages: 1,000 incidents of some 7.5 KB each (within a page's
	// bytes, pageBytes), and one more.
	addIncidents(t, store, exportPage+1, 3500)

	before := liveHeap()
	slots := newFilterTurns(exportsAtOnce, exportsPerClient)
	w := &stallWriter{h: http.Header{}, flushed: make(chan struct{}), resume: make(chan struct{})}
	done := make(chan error)
	go func() {
		_, err := exportPages(ctx, w, store, slots, turnLines("192.0.2.1"), incidents.Filter{}, false, false, 10*time.Second)
		done <- err
	}()
	<-w.flushed
	page := w.written // about the first page
	inFlush := int64(liveHeap()) - int64(before)

	// The client reads on, and the export waits for a slot.
	if err := slots.all.Acquire(ctx, exportsAtOnce); err != nil {
		t.Fatal(err)
	}
	w.resume <- struct{}{}
	runtime.Gosched()
	waitingSlot := int64(liveHeap()) - int64(before)

	slots.all.Release(exportsAtOnce)
	<-w.flushed
	w.resume <- struct{}{}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	t.Logf("a page of %d bytes; held while its flush waits: %d bytes; while waiting for a slot: %d bytes", page, inFlush, waitingSlot)
	if page < 6<<20 {
		t.Fatalf("the first page is %d bytes; the test wants some 7.5 MB", page)
	}
	if inFlush > int64(page/4) || waitingSlot > int64(page/4) {
		t.Errorf("an export waiting on its client held %d bytes, and waiting for a slot %d bytes: "+
			"want no page (%d bytes) held", inFlush, waitingSlot, page)
	}
}
