package rerun

import (
	"sync"
	"sync/atomic"
	"testing"
)

// A Start while a run is under way runs the task once more after it,
// however many Starts came meanwhile; a Start when none runs runs it now.
func TestRunner_StartDuringARunRunsOnceMore(t *testing.T) {
	var r Runner
	var runs atomic.Int32
	inside, proceed := make(chan struct{}), make(chan struct{})
	var done sync.WaitGroup
	done.Add(2)
	r.Start(func() {
		if runs.Add(1) == 1 {
			close(inside)
			<-proceed
		}
		done.Done()
	})
	<-inside
	for range 5 {
		r.Start(func() { t.Error("the task of a Start during a run is the first Start's") })
	}
	close(proceed)
	done.Wait()
	release := r.Hold() // the background loop has ended
	release()
	if n := runs.Load(); n != 2 {
		t.Errorf("runs = %d; want 2: the first, and one more for the Starts during it", n)
	}
}
