package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// Follows is a check that a store's in-memory index follows the writes of
// another process sharing its data, without being built again.
type Follows struct {
	A interface {
		Preload(ctx context.Context) error // brings the index up to the data
	}
	B      incidents.Store // a second store on A's data: the other process
	Builds func() int64    // how many times A's index was built afresh
	Rng    *rand.Rand
	// Big is how many incidents one import must bring for the change log to
	// hold them as one bulk change, after which A builds its index again.
	Big int
	// Check holds what A answers from its index to what it answers by SQL.
	Check func(what string)
	// AfterWrites, when set, runs after B's random writes, with a check that
	// waits for A to catch up.
	AfterWrites func(check func(what string))
}

// Run has B write at random 40 times, then import a few incidents, then
// f.Big: A's index must catch up from the change log each time but the
// last, after which it is built once.
func (f Follows) Run(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	ids, err := f.B.Add(ctx, LatticeIncidents(f.Rng, 300))
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string) {
		t.Helper()
		// Pages wait a little for the index to catch up, then use SQL: wait
		// here as long as it takes, so that a busy machine does not fail this.
		if err := f.A.Preload(ctx); err != nil {
			t.Fatal(err)
		}
		f.Check(what)
	}
	check("before any write")
	builds := f.Builds()
	caughtUp := func(what string) {
		t.Helper()
		if n := f.Builds() - builds; n != 0 {
			t.Fatalf("%s: the index was built %d times, want it caught up from the change log", what, n)
		}
	}
	for step := range 40 {
		what := fmt.Sprintf("step %d (%s by the other process)", step, WriteAtRandom(t, f.B, f.Rng, &ids))
		check(what)
		caughtUp(what)
	}
	if f.AfterWrites != nil {
		f.AfterWrites(check)
		caughtUp("after the writes")
	}
	if _, err := f.B.Import(ctx, Seq(LatticeIncidents(f.Rng, 20)), nil); err != nil {
		t.Fatal(err)
	}
	check("a small import by the other process")
	caughtUp("a small import")
	if _, err := f.B.Import(ctx, Seq(LatticeIncidents(f.Rng, f.Big)), nil); err != nil {
		t.Fatal(err)
	}
	check("an import too large to log")
	if n := f.Builds() - builds; n != 1 {
		t.Fatalf("an import of %d: the index was built %d times, want once", f.Big, n)
	}
}
