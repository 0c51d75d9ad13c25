package web

import (
	"context"
	"testing"
	"time"
)

// A burst of large pages waiting their turn must not hold up a small page:
// with the budget held by large pages and another queued behind them, a
// page of 1,000 still gets its share at once, and the large one waits.
func TestPageBudget_SmallPagesPassLargeQueue(t *testing.T) {
	b := newPageBudget()
	ctx := context.Background()
	held, err := b.acquire(ctx, featuresInFlight)
	if err != nil {
		t.Fatal(err)
	}
	queued := make(chan func(), 1)
	go func() {
		release, err := b.acquire(ctx, maxLimit+1)
		if err != nil {
			t.Error(err)
		}
		queued <- release
	}()
	small, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	release, err := b.acquire(small, smallPage)
	if err != nil {
		t.Fatalf("a page of %d waited behind the large pages: %v", smallPage-1, err)
	}
	release()
	select {
	case <-queued:
		t.Fatal("a large page got a share while the budget was held")
	case <-time.After(50 * time.Millisecond):
	}
	held()
	(<-queued)()
}

// Small pages are bounded too: once smallInFlight features of them are in
// flight, the next one waits.
func TestPageBudget_SmallPagesBounded(t *testing.T) {
	b := newPageBudget()
	ctx := context.Background()
	var releases []func()
	for range smallInFlight / smallPage {
		release, err := b.acquire(ctx, smallPage)
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, release)
	}
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if release, err := b.acquire(short, smallPage); err == nil {
		release()
		t.Fatalf("%d small pages in flight, and one more got a share", len(releases))
	}
	releases[0]()
	if release, err := b.acquire(ctx, smallPage); err != nil {
		t.Fatal(err)
	} else {
		release()
	}
}
