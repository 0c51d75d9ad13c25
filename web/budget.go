package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"golang.org/x/sync/semaphore"
)

// pageBudget bounds the features that listings read and write at once, in
// three queues: pages of up to smallPage features take their share of one,
// pages of up to pointsPage of another, larger pages of the third. x/sync's
// semaphore serves waiters first come, first served, so with one queue a
// burst of country pages waiting their turn held up every town's page
// behind them (40 at once: a page of 100 waited 6–13 s); now pages wait only
// for pages of their own size.
type pageBudget struct {
	small, points, large *semaphore.Weighted
}

// featuresInFlight bounds the features that listings read and write at
// once. A page of 10,000 holds about 8 MB while it is written, and 2 cores
// serve no faster for running more of them at once: beyond two, large pages
// queue instead of multiplying memory (eight at once took mapsrv from about
// 230 to 350 MB). Small pages have a queue of their own (pageBudget).
const featuresInFlight = 2 * (maxLimit + 1)

// smallPage is the largest page (with the one extra feature that tells
// whether a next page exists) that takes the small queue: the map's pages
// of a view and the side list's.
const smallPage = 1000 + 1

// smallInFlight bounds the features of small pages in flight: sixteen of
// the largest, about 13 MB.
const smallInFlight = 16 * smallPage

// pointsPage is the largest page (with its extra feature) of the middle
// queue: a view the map draws as points (up to 5,000, web/static/js/cells.js)
// is fetched whole with limit=5000, and should not wait for country pages
// of 10,000 either.
const pointsPage = 5000 + 1

// pointsInFlight bounds the features of middle pages in flight: two of the
// largest, about 8 MB, as for large pages.
const pointsInFlight = 2 * pointsPage

func newPageBudget() *pageBudget {
	return &pageBudget{
		small:  semaphore.NewWeighted(smallInFlight),
		points: semaphore.NewWeighted(pointsInFlight),
		large:  semaphore.NewWeighted(featuresInFlight),
	}
}

// acquire waits for a share of n features and returns the function that
// gives it back; an error if ctx ends first.
func (b *pageBudget) acquire(ctx context.Context, n int) (release func(), err error) {
	sem, share := b.large, int64(min(n, featuresInFlight))
	switch {
	case n <= smallPage:
		sem, share = b.small, int64(n)
	case n <= pointsPage:
		sem, share = b.points, int64(n)
	}
	if err := sem.Acquire(ctx, share); err != nil {
		return nil, err
	}
	return func() { sem.Release(share) }, nil
}

// summariesAtOnce is how many summaries (aggregates, histograms, counts,
// vector tiles) are worked out at once; more wait their turn. One the
// in-memory index cannot answer runs in SQL and holds a database connection
// throughout: 40 aggregates with such a filter took every connection and
// kept listings 11 s waiting for one. Four leave the rest of the pool to the
// listings and writes, and are as many as one map page asks for at once.
const summariesAtOnce = 4

// withSlots runs next once it holds one of slots, waiting for it within the
// request's time; a request whose time runs out while it waits is answered
// as one whose query ran out of time.
func withSlots(slots *semaphore.Weighted, log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := slots.Acquire(r.Context(), 1); err != nil {
			writeBusy(w, r, log, "summaries", err)
			return
		}
		defer slots.Release(1)
		next.ServeHTTP(w, r)
	})
}

// busyRetry is the Retry-After of a request whose time ran out while it
// waited for its turn: the others ahead of it are done within seconds.
const busyRetry = "5"

// writeBusy answers a request whose context ended while it waited for its
// turn behind other requests of its kind (what): when its time ran out, a
// 503 saying so with Retry-After, since nothing in the request itself was at
// fault; when its client left, as writeError does.
func writeBusy(w http.ResponseWriter, r *http.Request, log *slog.Logger, what string, err error) {
	status, reason, ended := contextStatus(r.Context())
	if !ended || status != http.StatusServiceUnavailable {
		writeError(w, r, log, err)
		return
	}
	log.Info("request ended waiting for its turn", "method", logText(r.Method), "path", logText(r.URL.Path), "waiting_for", what)
	limit := reason.(queryTimeout).limit
	w.Header().Set("Retry-After", busyRetry)
	writeProblem(w, http.StatusServiceUnavailable, fmt.Sprintf("the request ran for %s, the most one may, all of it waiting for its turn behind other %s: the server is busy, retry in a few seconds", limit, what))
}
