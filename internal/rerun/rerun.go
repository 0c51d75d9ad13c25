// Package rerun runs one task at a time in the background and coalesces the
// requests made while it runs into one more run after it: a store's fill of
// missing or stale features, asked for by every write that leaves some.
package rerun

import (
	"sync"
	"sync/atomic"
)

// Runner runs a task one at a time. The zero Runner is ready to use.
type Runner struct {
	running sync.Mutex  // held while the task runs
	again   atomic.Bool // a run was asked for since the one under way began
}

// Start runs task in the background now if no run is under way, else has
// the run under way run its task once more when it ends, however many
// Starts came meanwhile: what a request asked for after that run began (a
// source marked stale it had passed) is not left undone. Every caller of
// one Runner starts the same task.
func (r *Runner) Start(task func()) {
	r.again.Store(true)
	if !r.running.TryLock() {
		return
	}
	go func() {
		for {
			for r.again.Swap(false) {
				task()
			}
			r.running.Unlock()
			if !r.again.Load() || !r.running.TryLock() {
				return
			}
		}
	}()
}

// Do runs task now, after any run under way, with no other run beside it.
func (r *Runner) Do(task func()) {
	r.running.Lock()
	defer r.running.Unlock()
	task()
}

// Hold waits for a run under way to end and keeps any other from starting
// until release is called (a test's way of pausing the background). A
// Start meanwhile finds the runner busy and leaves its task to the next
// Start, as a Start during Do does.
func (r *Runner) Hold() (release func()) {
	r.running.Lock()
	return r.running.Unlock
}
