// Package snapshot keeps a store's in-memory index of published points
// (incidents/index) as new as the store's data, and answers pages from it:
// it picks a page's incidents in memory and has the store read only their
// rows or stored features, checking in the same read that the data has not
// moved on meanwhile. Both stores, SQLite and PostGIS, drive their index
// through it; what differs between their SQL stays in them, behind [Rows].
//
// The index is built from one read of every published point, moved on by
// the store's own writes ([Keeper.Advance]), and caught up from the store's
// change log after another process's. A page waits a little for the index
// to catch up, then is picked by SQL: a catch-up takes a millisecond or
// two, a build about a second at 1,000,000 incidents.
package snapshot

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// Source is what the index is built from and moved on by.
type Source interface {
	// Version returns the data version, which every write moves on.
	Version(ctx context.Context) (int64, error)
	// Points reads every published point and a data version they are at
	// least as new as. Points newer than version are fine: the change log
	// applies them again, and applying a change twice gives the same index.
	Points(ctx context.Context) (version int64, points []index.Point, err error)
	// Changes reads what the change log holds after version after, reading
	// at most most changed incidents.
	Changes(ctx context.Context, after int64, most int) (index.Changes, error)
}

// Rows reads what the index does not hold: the rows and stored features of
// a page it picked, and the pages of filters it cannot answer.
type Rows interface {
	Source
	// ReadByID reads the incidents ids names, in that order, with their
	// sources, in a statement that also checks that the data version is
	// still version; ok is false if not, or if one of them is gone.
	ReadByID(ctx context.Context, ids []int64, version int64) (found []incidents.Incident, ok bool, err error)
	// ReadFeatures adds to c the features stored in the current
	// feature.Format of the incidents refs names (in the page's order, not
	// empty; the store may reorder refs to read them in the order its table
	// keeps them), in a statement that also checks that the data version
	// is still version; ok is false if not.
	ReadFeatures(ctx context.Context, refs []feature.Ref, version int64, c *feature.Collector) (ok bool, err error)
	// ReadPatched adds to c, by [feature.Collector.Patch], the features
	// stored in the current feature.Format of the incidents refs names,
	// whether or not a source they cite is marked stale, each patched with
	// its sources as they stand, in statements that also check that the
	// data version is still version; ok is false if not. An incident with
	// no feature stored is left out.
	ReadPatched(ctx context.Context, refs []feature.Ref, version int64, c *feature.Collector) (ok bool, err error)
	// FeatureBytes returns the byte length of the feature stored in the
	// current feature.Format of each incident refs names (the store may
	// reorder refs), by ID, without reading the features; an incident
	// with none stored is left out.
	FeatureBytes(ctx context.Context, refs []feature.Ref) (map[int64]int, error)
	// StartFill starts storing missing features in the background, unless
	// that is under way.
	StartFill()
	// PickBySQL chooses the page f asks for by SQL, reading only IDs, dates
	// and points, and returns its incidents, in order, and the data version
	// it was chosen at.
	PickBySQL(ctx context.Context, f incidents.Filter) (picks []Pick, version int64, err error)
	// FindBySQL is Find by SQL alone.
	FindBySQL(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error)
}

// A Pick is an incident chosen for a page: where the page's order puts it,
// and the key of its stored feature.
type Pick struct {
	incidents.Cursor
	Key int64 // feature.PlaceKey
}

// PickAt is the Pick of the incident at cursor c and point lon, lat.
func PickAt(c incidents.Cursor, lon, lat float64) Pick {
	return Pick{Cursor: c, Key: feature.PlaceKey(c.ID, lon, lat)}
}

// Keeper is a store's index and how it is kept new. It is safe for
// concurrent use.
type Keeper struct {
	rows   Rows
	live   index.Live
	builds atomic.Int64
	sizes  atomic.Pointer[sizeCache] // the stored features' byte lengths at one data version
}

// New returns a Keeper of the index of what rows reads; the index is built
// on first use, or by Preload.
func New(rows Rows) *Keeper { return &Keeper{rows: rows} }

// Change log limits, the same for every store: a write changing more than
// LogLimit incidents (an import) is not logged one by one but moves the
// log's start on (indexes older than it are built afresh, which costs less
// than applying that many changes), and every PruneEvery versions the log
// of all but the last KeepVersions versions is dropped.
const (
	LogLimit     = 10_000
	PruneEvery   = 1024
	KeepVersions = 100_000
)

// CatchUpWait is how long a page waits for the index to catch up with the
// data before it is picked by SQL: reading the change log takes a
// millisecond or two, building the index a second.
const CatchUpWait = 50 * time.Millisecond

// At returns an index at least as new as version, refreshing it (or
// waiting for the refresh under way) if needed.
func (k *Keeper) At(ctx context.Context, version int64) (*index.Index, error) {
	for {
		if ix := k.live.Load(); ix != nil && ix.Version() >= version {
			return ix, nil
		}
		select {
		case <-k.refresh():
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if ix := k.live.Load(); k.live.Err() != nil && (ix == nil || ix.Version() < version) {
			return nil, k.live.Err()
		}
	}
}

// Fresh returns an index as new as the data, for counting.
func (k *Keeper) Fresh(ctx context.Context) (*index.Index, error) {
	v, err := k.rows.Version(ctx)
	if err != nil {
		return nil, err
	}
	return k.At(ctx, v)
}

// Preload brings the index up to the data now, rather than on first use.
func (k *Keeper) Preload(ctx context.Context) error {
	_, err := k.Fresh(ctx)
	return err
}

// Await brings the index up to the data, waiting at most CatchUpWait, and
// reports whether it is there.
func (k *Keeper) Await(ctx context.Context) bool {
	v, err := k.rows.Version(ctx)
	if err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, CatchUpWait)
	defer cancel()
	ix, err := k.At(ctx, v)
	return err == nil && ix.Version() == v
}

// Current returns the newest index, whatever its version, starting a build
// when there is none yet; nil until the first.
func (k *Keeper) Current() *index.Index {
	ix := k.live.Load()
	if ix == nil {
		k.refresh()
	}
	return ix
}

// Load returns the newest index, nil before the first, starting nothing.
func (k *Keeper) Load() *index.Index { return k.live.Load() }

// Advance moves the index on by a write of this store, from version before
// to before+1 (see [index.Live.Advance]).
func (k *Keeper) Advance(before int64, changed []int64, now []index.Point) {
	k.live.Advance(before, changed, now)
}

// Builds is how many times the index was built afresh; Refreshes how many
// times it was moved on to the data, by a build or the change log.
func (k *Keeper) Builds() int64    { return k.builds.Load() }
func (k *Keeper) Refreshes() int64 { return k.live.Refreshes() }

// Stats describes the index, for metrics: how many points it holds and
// about how many bytes it takes; both are zero before the first build.
func (k *Keeper) Stats() (points int, bytes int64) {
	ix := k.live.Load()
	if ix == nil {
		return 0, 0
	}
	return ix.Len(), ix.Bytes()
}

// refresh starts moving the index on to the data unless that is under way,
// and returns the channel closed when it is done.
func (k *Keeper) refresh() <-chan struct{} {
	done, lead := k.live.Begin()
	if lead {
		go func() { k.live.End(k.refreshed(context.Background(), k.live.Load())) }()
	}
	return done
}

// refreshed returns the index moved on to the data: cur with the changes
// logged since its version when the log reaches back that far and holds few
// enough, otherwise an index built afresh.
func (k *Keeper) refreshed(ctx context.Context, cur *index.Index) (*index.Index, error) {
	if cur != nil {
		c, err := k.rows.Changes(ctx, cur.Version(), index.MaxChanges(cur.Len()))
		if err != nil {
			return nil, err
		}
		if next, ok := cur.Follow(c); ok {
			return next, nil
		}
	}
	k.builds.Add(1)
	version, points, err := k.rows.Points(ctx)
	if err != nil {
		return nil, err
	}
	return index.Build(version, points), nil
}
