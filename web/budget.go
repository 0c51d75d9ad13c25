package web

import (
	"context"

	"golang.org/x/sync/semaphore"
)

// pageBudget bounds the features that listings read and write at once, in
// two queues: pages of up to smallPage features take their share of one,
// larger pages of the other. x/sync's semaphore serves waiters first come,
// first served, so with one queue a burst of country pages waiting their
// turn held up every town's page behind them (40 at once: a page of 100
// waited 6–13 s); now large pages wait only for each other.
type pageBudget struct {
	small, large *semaphore.Weighted
}

// smallPage is the largest page (with the one extra feature that tells
// whether a next page exists) that takes the small queue: the map's pages
// of a view and the side list's.
const smallPage = 1000 + 1

// smallInFlight bounds the features of small pages in flight: sixteen of
// the largest, about 13 MB.
const smallInFlight = 16 * smallPage

func newPageBudget() *pageBudget {
	return &pageBudget{small: semaphore.NewWeighted(smallInFlight), large: semaphore.NewWeighted(featuresInFlight)}
}

// acquire waits for a share of n features and returns the function that
// gives it back; an error if ctx ends first.
func (b *pageBudget) acquire(ctx context.Context, n int) (release func(), err error) {
	sem, share := b.large, int64(min(n, featuresInFlight))
	if n <= smallPage {
		sem, share = b.small, int64(n)
	}
	if err := sem.Acquire(ctx, share); err != nil {
		return nil, err
	}
	return func() { sem.Release(share) }, nil
}
