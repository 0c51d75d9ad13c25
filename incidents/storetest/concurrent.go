package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// testEditIsAtomic: two editors changing different fields of one incident at
// the same moment both keep their change, round after round (a read, then a
// separate write, lost one of them in 6 rounds of 30).
func testEditIsAtomic(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	const rounds = 40
	for round := range rounds {
		id := mustAdd(t, s, Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24"))[0]
		var wg sync.WaitGroup
		start := make(chan struct{})
		for _, set := range []func(*incidents.Incident){
			func(inc *incidents.Incident) { inc.Killed = intp(round + 1) },
			func(inc *incidents.Incident) { inc.Injured = intp(round + 2) },
		} {
			wg.Go(func() {
				<-start
				_, err := s.Edit(ctx, id, func(cur incidents.Incident) (incidents.Incident, error) {
					set(&cur)
					return cur, nil
				})
				if err != nil {
					t.Error(err)
				}
			})
		}
		close(start)
		wg.Wait()
		got, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Killed == nil || *got.Killed != round+1 || got.Injured == nil || *got.Injured != round+2 {
			t.Fatalf("round %d: killed %v, injured %v; want both edits kept", round, got.Killed, got.Injured)
		}
	}
}

// testEditPreconditions: an edit or a delete whose check fails (a stale
// If-Match) stores nothing and returns the check's error as it is; edits of
// a missing incident fail with ErrNotFound.
func testEditPreconditions(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	id := mustAdd(t, s, Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24"))[0]
	before, _ := s.Get(ctx, id)
	v0 := mustVersion(t, s)
	stale := errors.New("stale")
	_, err := s.Edit(ctx, id, func(cur incidents.Incident) (incidents.Incident, error) {
		cur.Killed = intp(9)
		return cur, stale
	})
	if err != stale {
		t.Errorf("Edit with a failing check: %v, want its error as it is", err)
	}
	if err := s.DeleteIf(ctx, id, func(incidents.Incident) error { return stale }); err != stale {
		t.Errorf("DeleteIf with a failing check: %v, want its error as it is", err)
	}
	_, err = s.Edit(ctx, id, func(cur incidents.Incident) (incidents.Incident, error) {
		cur.Type = "riot"
		return cur, nil
	})
	if !errors.Is(err, incidents.ErrInvalid) {
		t.Errorf("Edit to an invalid incident: %v, want ErrInvalid", err)
	}
	if got, _ := s.Get(ctx, id); got.Killed != nil || got.Type != before.Type || !got.UpdatedAt.Equal(before.UpdatedAt) {
		t.Errorf("refused edits changed the incident: %+v", got)
	}
	if v := mustVersion(t, s); v != v0 {
		t.Errorf("refused edits moved the version %d → %d", v0, v)
	}
	if _, err := s.Edit(ctx, id+100, func(cur incidents.Incident) (incidents.Incident, error) { return cur, nil }); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("Edit of a missing incident: %v", err)
	}
	if err := s.DeleteIf(ctx, id+100, func(incidents.Incident) error { return nil }); !errors.Is(err, incidents.ErrNotFound) {
		t.Errorf("DeleteIf of a missing incident: %v", err)
	}
	var seen incidents.Incident
	if err := s.DeleteIf(ctx, id, func(cur incidents.Incident) error { seen = cur; return nil }); err != nil || seen.ID != id {
		t.Errorf("DeleteIf with a passing check: %v, saw %d", err, seen.ID)
	}
	if n := mustCount(t, s); n != 0 {
		t.Errorf("after DeleteIf, %d incidents left", n)
	}
}

// testCorrectionsThroughSeveralIncidents: editors correcting one source
// through different incidents citing it, at the same moment, each get
// their write done, and every incident then says the title of the last
// (round 19). On PostGIS each write locked its incident's row, then the
// source's, then (encoding the features of the incidents citing it) the
// others' rows: two such writes waited on each other until PostgreSQL ended
// one as a deadlock, answered 500; 13-16 of 18 PATCHes in races.py.
func testCorrectionsThroughSeveralIncidents(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	const url = "https://data.example/raced"
	for round := range 3 {
		incs := make([]incidents.Incident, 3)
		for i := range incs {
			incs[i] = Incident(incidents.TypeShelling, 36.8+float64(i)/100, 35.87, "2025-11-24", "2025-11-24")
			incs[i].Sources = []incidents.Source{{Title: "first", URL: url, Publisher: "Office"}}
		}
		ids := mustAdd(t, s, incs...)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for k := range 12 {
			wg.Go(func() {
				<-start
				_, err := s.Edit(ctx, ids[k%len(ids)], func(cur incidents.Incident) (incidents.Incident, error) {
					cur.Sources = []incidents.Source{{Title: fmt.Sprintf("round %d, editor %d", round, k), URL: url}}
					return cur, nil
				})
				if err != nil {
					t.Errorf("round %d, editor %d: %v", round, k, err)
				}
			})
		}
		close(start)
		wg.Wait()
		titles := map[string]bool{}
		for _, id := range ids {
			inc, err := s.Get(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			titles[inc.Sources[0].Title] = true
		}
		if len(titles) != 1 {
			t.Errorf("round %d: the incidents citing %s say %v; want one title", round, url, titles)
		}
	}
	// Two editors each adding, corrected, the source the other's incident
	// cites lock them in opposite orders: PostgreSQL ends one write as a
	// deadlock, and the store runs it again.
	for round := range 2 {
		urls := []string{fmt.Sprintf("https://data.example/crossed/%d/a", round), fmt.Sprintf("https://data.example/crossed/%d/b", round)}
		incs := make([]incidents.Incident, 2)
		for i := range incs {
			incs[i] = Incident(incidents.TypeShelling, 36.8+float64(i)/100, 35.87, "2025-11-24", "2025-11-24")
			incs[i].Sources = []incidents.Source{{Title: "first", URL: urls[i]}}
		}
		ids := mustAdd(t, s, incs...)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, id := range ids {
			wg.Go(func() {
				<-start
				_, err := s.Edit(ctx, id, func(cur incidents.Incident) (incidents.Incident, error) {
					cur.Sources = append(cur.Sources, incidents.Source{Title: fmt.Sprintf("crossed by %d", i), URL: urls[1-i]})
					return cur, nil
				})
				if err != nil {
					t.Errorf("crossed round %d, editor %d: %v", round, i, err)
				}
			})
		}
		close(start)
		wg.Wait()
	}
}

// testWaitingWritesLeaveReads: writes waiting for another write held every
// connection of the pool, so reads waited behind them. On SQLite, whose one
// writer they wait for, each waited inside SQLite's busy handler holding a
// connection: 16 editors' PATCHes behind another process's import took all
// 8, and listings waited until they gave up (9.6 s); on PostgreSQL, writes
// waiting for a row lock held all 4 of pgx's default pool (listings
// waited 11.5 s). Here one edit holds its transaction open until a read
// of another incident has been answered, while 12 more edits of the same
// incident wait: the read must be answered before any of them has ended
// (before, it was answered only once some gave up, 5 s on).
func testWaitingWritesLeaveReads(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	ids := mustAdd(t, s, Incident(incidents.TypeArrest, 36.8, 35.87, "2025-11-24", "2025-11-24"),
		Incident(incidents.TypeShelling, 36.7, 35.9, "2025-11-25", "2025-11-25"))
	held, other := ids[0], ids[1]
	inside, read := make(chan struct{}), make(chan struct{})
	var ended sync.WaitGroup
	var mu sync.Mutex
	endedFirst := 0  // writes that ended before the read was answered
	heldOut := false // the held write gave up waiting for the read
	edit := func(first bool) {
		_, err := s.Edit(ctx, held, func(cur incidents.Incident) (incidents.Incident, error) {
			if first {
				close(inside)
				select { // a bound for the store that never answers the read
				case <-read:
				case <-time.After(10 * time.Second):
					mu.Lock()
					heldOut = true
					mu.Unlock()
				}
			}
			cur.Killed = intp(1)
			return cur, nil
		})
		mu.Lock()
		defer mu.Unlock()
		select {
		case <-read:
		default:
			if !first {
				endedFirst++
			}
		}
		if err != nil && !errors.Is(err, incidents.ErrBusy) {
			t.Error(err)
		}
	}
	ended.Go(func() { edit(true) })
	<-inside
	for range 12 {
		ended.Go(func() { edit(false) })
	}
	time.Sleep(200 * time.Millisecond) // the edits come to wait
	if _, err := s.Get(ctx, other); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	close(read)
	n := endedFirst
	mu.Unlock()
	ended.Wait()
	if n > 0 || heldOut {
		t.Errorf("a read waited until %d of 12 waiting writes had ended (the one they waited for gave up first: %v): they held the connections it needed", n, heldOut)
	}
	got, err := s.Get(ctx, held)
	if err != nil || got.Killed == nil || *got.Killed != 1 {
		t.Errorf("after the edits: %v, killed %v; want 1", err, got.Killed)
	}
}
