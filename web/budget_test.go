package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/sync/semaphore"
)

// A burst of large pages waiting their turn must not hold up a smaller
// page: with the budget held by large pages and another queued behind them,
// a page of 1,000 (a side list, a small view) or of 5,000 (a view drawn as
// points) still gets its share at once, and the large one waits.
func TestPageBudget_SmallerPagesPassLargeQueue(t *testing.T) {
	for _, n := range []int{smallPage, pointsPage} {
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
		release, err := b.acquire(small, n)
		cancel()
		if err != nil {
			t.Fatalf("a page of %d waited behind the large pages: %v", n-1, err)
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
}

// A burst of pages of points must not hold up the small pages either.
func TestPageBudget_SmallPagesPassPointsQueue(t *testing.T) {
	b := newPageBudget()
	ctx := context.Background()
	for range pointsInFlight / pointsPage {
		held, err := b.acquire(ctx, pointsPage)
		if err != nil {
			t.Fatal(err)
		}
		defer held()
	}
	short, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	release, err := b.acquire(short, smallPage)
	if err != nil {
		t.Fatalf("a page of %d waited behind pages of points: %v", smallPage-1, err)
	}
	release()
	wait, cancel2 := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel2()
	if release, err := b.acquire(wait, pointsPage); err == nil {
		release()
		t.Fatal("pages of points are not bounded: one more got a share while the budget was held")
	}
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

// Summaries take turns: with summariesAtOnce of them running, the next waits
// for one to end, and one whose time runs out while waiting is answered 503
// saying so, without having run.
func TestWithSlots_SummariesTakeTurns(t *testing.T) {
	slots := semaphore.NewWeighted(summariesAtOnce)
	entered := make(chan struct{}, 2*summariesAtOnce)
	hold := make(chan struct{})
	h := withSlots(slots, slog.New(slog.NewTextHandler(io.Discard, nil)), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-hold
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	done := make(chan int, 2*summariesAtOnce)
	get := func() {
		resp, err := http.Get(srv.URL)
		if err != nil {
			t.Error(err)
			done <- 0
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}
	for range summariesAtOnce + 1 {
		go get()
	}
	for range summariesAtOnce {
		<-entered
	}
	select {
	case <-entered:
		t.Fatalf("%d summaries ran at once", summariesAtOnce+1)
	case <-time.After(100 * time.Millisecond):
	}
	// One that may wait only 50 ms gives up, unrun, with a 503.
	late := httptest.NewServer(withDeadline(50*time.Millisecond, h))
	defer late.Close()
	resp, err := http.Get(late.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "ran for") ||
		!strings.Contains(string(body), "busy") || resp.Header.Get("Retry-After") == "" {
		t.Errorf("a summary out of time while waiting: %d %s", resp.StatusCode, body)
	}
	hold <- struct{}{} // one ends: the waiting one runs
	<-entered
	close(hold)
	for range summariesAtOnce + 1 {
		if code := <-done; code != http.StatusOK {
			t.Errorf("status %d", code)
		}
	}
}
