package snapshot

import (
	"context"
	"math"
	"sync"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
)

// unknownFeatureBytes is what a page counts for a feature not stored in
// the current format, which is encoded from its row when the page is read.
const unknownFeatureBytes = 1 << 10

// cut ends picks before the pick whose stored feature would take the
// page's bytes past maxBytes, keeping one at least; more tells that some
// were left out. The sizes are read, without the features, before any is:
// a page of 10,000 incidents of long summaries was read whole, hundreds of
// MB, before it could be counted. 0 is no bound.
func (k *Keeper) cut(ctx context.Context, picks []Pick, version int64, maxBytes int64) (kept []Pick, more bool, err error) {
	if maxBytes <= 0 || len(picks) < 2 {
		return picks, false, nil
	}
	sizes, err := k.featureBytes(ctx, picks, version)
	if err != nil {
		return nil, false, err
	}
	var n int64
	for i := range picks {
		if n += int64(sizes[i]); n > maxBytes && i > 0 {
			return picks[:i], true, nil
		}
	}
	return picks, false, nil
}

// sizeCache holds the byte lengths of stored features read for one data
// version, by ID (0: not read). A page's sizes are read once per version:
// reading them for every page cost as much again as the page's own read
// (the 1° page of 1,000 took 2.5 ms of CPU instead of 1.4). Any write moves
// the version on, and the next page starts a new cache, so a size is never
// older than the version the page was picked at, or the one after it when
// a write lands between the pick and the read of the sizes.
type sizeCache struct {
	version int64
	mu      sync.RWMutex
	sizes   []uint32
}

// cachedIDs bounds the IDs whose sizes are cached (4 bytes each) by the
// incidents the index holds: IDs are dense from 1, so a published one lies
// below a few times their number (drafts and deletions take IDs too), and
// the cache never holds more than 16 bytes an incident and 256 KB. A size
// beyond it is read every time.
func cachedIDs(published int) int64 { return 4*int64(published) + 1<<16 }

// featureBytes returns the stored feature's byte length for each pick, from
// the cache of version where it holds it, else read and cached; a feature
// not stored in the current format counts unknownFeatureBytes.
func (k *Keeper) featureBytes(ctx context.Context, picks []Pick, version int64) ([]int, error) {
	c := k.sizes.Load()
	if c == nil || c.version != version {
		c = &sizeCache{version: version}
		k.sizes.Store(c)
	}
	out := make([]int, len(picks))
	var missing []feature.Ref
	var at []int
	c.mu.RLock()
	for i, p := range picks {
		if p.ID > 0 && p.ID < int64(len(c.sizes)) && c.sizes[p.ID] != 0 {
			out[i] = int(c.sizes[p.ID])
			continue
		}
		missing, at = append(missing, feature.Ref{ID: p.ID, Key: p.Key}), append(at, i)
	}
	c.mu.RUnlock()
	if len(missing) == 0 {
		return out, nil
	}
	sizes, err := k.rows.FeatureBytes(ctx, missing)
	if err != nil {
		return nil, err
	}
	limit := int64(1 << 16)
	if ix := k.live.Load(); ix != nil {
		limit = cachedIDs(ix.Len())
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for j, r := range missing {
		size, ok := sizes[r.ID]
		if !ok {
			out[at[j]] = unknownFeatureBytes
			continue
		}
		out[at[j]] = size
		if r.ID > 0 && r.ID < limit && size > 0 && size <= math.MaxUint32 {
			if r.ID >= int64(len(c.sizes)) {
				grown := min(int64(r.ID)+1+int64(len(c.sizes))/4, limit)
				c.sizes = append(c.sizes, make([]uint32, grown-int64(len(c.sizes)))...)
			}
			c.sizes[r.ID] = uint32(size)
		}
	}
	return out, nil
}

// FindWithin is Find for a page bounded by bytes as well as by f.Limit, as
// [Keeper.FindFeaturesWithin] is: the page ends before the incident whose
// stored feature (which holds all its text) would take the page past
// maxBytes, keeping one at least, and more tells that it was ended so. The
// page is picked, cut and then its rows read, from the index or by SQL. 0
// is no bound.
func (k *Keeper) FindWithin(ctx context.Context, f incidents.Filter, maxBytes int64) (found []incidents.Incident, more bool, err error) {
	if maxBytes <= 0 {
		found, err = k.Find(ctx, f)
		return found, false, err
	}
	readRows := func(ctx context.Context, picks []Pick, version int64) ([]incidents.Incident, bool, error) {
		ids := make([]int64, len(picks))
		for i, p := range picks {
			ids[i] = p.ID
		}
		return k.rows.ReadByID(ctx, ids, version)
	}
	found, more, ok, err := readPicked(ctx, k, f, maxBytes, readRows)
	if err != nil || ok {
		return found, more, err
	}
	return k.pageBySQL(ctx, f, maxBytes)
}
