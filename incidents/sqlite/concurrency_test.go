package sqlite_test

import (
	"context"
	"iter"
	"sync"
	"testing"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// TestStore_ReadersNotBlockedByImport holds an import's transaction open
// until readers have finished: were readers blocked by the writer, this would
// deadlock instead of passing. Readers see the data from before the import.
func TestStore_ReadersNotBlockedByImport(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	mustAdd(t, s, incident(incidents.TypeArrest, 36.8, 35.87, "2025-12-02", "2025-12-02"))
	inside := make(chan struct{})
	readersDone := make(chan struct{})
	seq := func(yield func(incidents.Incident, error) bool) {
		for i := range 500 {
			if !yield(incident(incidents.TypeShelling, 36+float64(i)/1000, 35, "2025-01-01", "2025-01-01"), nil) {
				return
			}
		}
		close(inside) // rows written, transaction still open
		<-readersDone
	}
	var imported int
	var importErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		imported, importErr = s.Import(ctx, iter.Seq2[incidents.Incident, error](seq), nil)
	}()
	<-inside
	var readers sync.WaitGroup
	for range 8 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for range 20 {
				found, err := s.Find(ctx, incidents.Filter{Bounds: []orb.Bound{{Min: orb.Point{35, 34}, Max: orb.Point{38, 37}}}})
				if err != nil {
					t.Error(err)
					return
				}
				if len(found) != 1 {
					t.Errorf("a reader saw %d incidents mid-import, want the 1 committed before", len(found))
					return
				}
			}
		}()
	}
	readers.Wait()
	close(readersDone)
	wg.Wait()
	if importErr != nil || imported != 500 {
		t.Fatalf("Import = %d, %v", imported, importErr)
	}
	if n, _ := s.Count(ctx); n != 501 {
		t.Errorf("after the import, %d incidents, want 501", n)
	}
}

// TestStore_ConcurrentWriters runs writers against each other and readers:
// every write lands (the busy timeout queues them), none is lost.
func TestStore_ConcurrentWriters(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 25 {
				inc := incident(incidents.TypeClash, 36+float64(w)/10, 35+float64(i)/100, "2025-03-01", "2025-03-01")
				if _, err := s.Add(ctx, []incidents.Incident{inc}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range 25 {
				if _, err := s.Find(ctx, incidents.Filter{Limit: 10}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n, _ := s.Count(ctx); n != 100 {
		t.Errorf("%d incidents after 4 writers × 25, want 100", n)
	}
}
