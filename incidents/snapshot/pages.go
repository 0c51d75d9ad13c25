package snapshot

import (
	"context"
	"slices"
	"sync"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// Find is a store's Find: from the index when it answers f, otherwise by
// SQL.
func (k *Keeper) Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error) {
	if found, ok, err := k.FindIndexed(ctx, f); err != nil || ok {
		return found, err
	}
	return k.rows.FindBySQL(ctx, f)
}

// FindIndexed is Find from the index: it picks the page in memory and
// reads just its rows. ok is false when f needs SQL, or the index is absent
// or older than the data and does not catch up soon.
func (k *Keeper) FindIndexed(ctx context.Context, f incidents.Filter) (found []incidents.Incident, ok bool, err error) {
	for range 2 {
		ix, points, ok := k.find(f)
		if !ok {
			return nil, false, nil
		}
		ids := make([]int64, len(points))
		for i, p := range points {
			ids[i] = p.ID
		}
		if found, ok, err = k.rows.ReadByID(ctx, ids, ix.Version()); err != nil || ok {
			return found, ok, err
		}
		if !k.Await(ctx) {
			break
		}
	}
	return nil, false, nil
}

// Points is a store's FindPoints from the index alone, when it is as new as
// the data or catches up soon: no SQL but the version.
func (k *Keeper) Points(ctx context.Context, f incidents.Filter) ([]incidents.Incident, bool, error) {
	ix, points, ok := k.find(f)
	if !ok {
		return nil, false, nil
	}
	v, err := k.rows.Version(ctx)
	if err != nil {
		return nil, false, err
	}
	if v != ix.Version() {
		if !k.Await(ctx) {
			return nil, false, nil
		}
		if ix = k.live.Load(); ix.Version() != v { // moved on again meanwhile
			return nil, false, nil
		}
		points, _ = ix.Find(f)
	}
	found := make([]incidents.Incident, len(points))
	for i, p := range points {
		found[i] = p.Incident()
	}
	return found, true, nil
}

// find picks f's page from the newest index, whatever its version; ok is
// false when there is none yet or it cannot answer f.
func (k *Keeper) find(f incidents.Filter) (ix *index.Index, points []index.Point, ok bool) {
	if ix = k.Current(); ix == nil {
		return nil, nil, false
	}
	points, ok = ix.Find(f)
	return ix, points, ok
}

// FindFeatures is a store's FindFeatures: the incidents Find returns, in
// its order, as the features [feature.AppendFeature] writes for them. The
// page is picked from the index (or, for what it cannot answer, by SQL
// reading IDs and dates only), then only its features are read, in one
// statement that checks that the data version has not moved in between.
func (k *Keeper) FindFeatures(ctx context.Context, f incidents.Filter) ([]feature.Encoded, error) {
	page, _, err := k.FindFeaturesWithin(ctx, f, 0)
	return page, err
}

// FindFeaturesWithin is FindFeatures for a page bounded by bytes as well
// as by f.Limit: the page ends before the feature that would take its
// stored features past maxBytes (it holds one at least), and more tells
// that it was ended so, others following it. 0 is no bound.
func (k *Keeper) FindFeaturesWithin(ctx context.Context, f incidents.Filter, maxBytes int64) (page []feature.Encoded, more bool, err error) {
	page, more, ok, err := readPicked(ctx, k, f, maxBytes, k.ReadPage)
	if err != nil {
		return page, more, err
	}
	if !ok {
		// Writes came in between each pick and its read: Find reads the rows.
		found, bySQL, err := k.pageBySQL(ctx, f, maxBytes)
		if err != nil {
			return nil, false, err
		}
		if page, err = feature.EncodeAll(found); err != nil {
			return nil, false, err
		}
		more = bySQL
	}
	page, cut := cutEncoded(page, maxBytes)
	return page, more || cut, nil
}

// cutEncoded ends page before the feature that takes it past maxBytes,
// keeping one at least, and tells whether it left any out. The page was
// cut by its stored features' sizes before it was read; what it reads may
// be longer: a feature citing a source corrected since it was stored
// (marked stale, and encoded from its row) says the corrected title, up to
// 1,536 bytes more for each such incident (round 14 left it open). 0 is no
// bound.
func cutEncoded(page []feature.Encoded, maxBytes int64) ([]feature.Encoded, bool) {
	if maxBytes <= 0 {
		return page, false
	}
	var n int64
	for i, e := range page {
		if n += int64(len(e.JSON)); n > maxBytes && i > 0 {
			return page[:i], true
		}
	}
	return page, false
}

// pageBySQL reads f's page by SQL, for when writes came in between each
// pick and its read: picked by SQL, cut at maxBytes by its features' sizes
// at the version picked, then read by one statement of no more incidents
// than the cut kept. The page is read at one version, the one picked or a
// later one, and holds more than maxBytes only by what writes in between
// added to the incidents it reads. It was read whole, the cut left out: a
// page of 10,000 long incidents read hundreds of MB whenever writes landed
// between each of three picks and their reads. 0 is no bound.
func (k *Keeper) pageBySQL(ctx context.Context, f incidents.Filter, maxBytes int64) (found []incidents.Incident, more bool, err error) {
	if maxBytes <= 0 {
		found, err = k.rows.FindBySQL(ctx, f)
		return found, false, err
	}
	picks, version, err := k.rows.PickBySQL(ctx, f)
	if err != nil || len(picks) == 0 {
		return nil, false, err
	}
	kept, more, err := k.cut(ctx, picks, version, maxBytes)
	if err != nil {
		return nil, false, err
	}
	g := f
	g.Limit = len(kept)
	found, err = k.rows.FindBySQL(ctx, g)
	return found, more && len(found) > 0, err
}

// readPicked picks the page f asks for, cuts it at maxBytes and reads it with
// read, up to three times: ok is false when writes came in between each
// pick and its read, and the caller reads the page by SQL. more tells that
// the cut ended the page before f.Limit.
func readPicked[T any](ctx context.Context, k *Keeper, f incidents.Filter, maxBytes int64,
	read func(context.Context, []Pick, int64) (T, bool, error)) (page T, more, ok bool, err error) {
	useIndex := true
	l := pickLists.Get().(*pickList)
	defer l.release()
	for range 3 {
		picks, version, err := k.pick(ctx, f, useIndex, l)
		if err != nil {
			return page, false, false, err
		}
		if picks, more, err = k.cut(ctx, picks, version, maxBytes); err != nil {
			return page, false, false, err
		}
		page, ok, err := read(ctx, picks, version)
		if err != nil || ok {
			return page, more, true, err
		}
		// The data moved on since the pick: the index is brought up to it
		// (a write by another process), or the page is picked by SQL if
		// that takes long (a build).
		useIndex = k.Await(ctx)
	}
	return page, false, false, nil
}

// pick chooses the page f asks for: from the index when useIndex is set and
// the index answers f, into l's lists, otherwise by SQL. version is the
// data version the page was chosen at.
func (k *Keeper) pick(ctx context.Context, f incidents.Filter, useIndex bool, l *pickList) (picks []Pick, version int64, err error) {
	if ix := k.Current(); useIndex && ix != nil {
		points, ok := ix.FindAppend(l.points[:0], f)
		l.points = points
		if ok {
			l.picks = appendPicks(l.picks[:0], points)
			return l.picks, ix.Version(), nil
		}
	}
	return k.rows.PickBySQL(ctx, f)
}

// ReadPage reads the features of picks, in that order, checking that the
// data version is still version; ok is false if not. Features the store
// leaves out, those of incidents citing a source marked stale, are read
// stored and patched with their sources as they stand (ReadPatched): encoded
// from their rows instead, a listing of 10,000 such incidents of 8.5 KB cost
// 0.3-0.9 s, where 70 ms once the background pass had encoded them again
// (rounds 14, 17 and 19). Features not stored in the current format are
// encoded from their rows. Either way a fill is started.
func (k *Keeper) ReadPage(ctx context.Context, picks []Pick, version int64) (page []feature.Encoded, ok bool, err error) {
	if len(picks) == 0 {
		v, err := k.rows.Version(ctx)
		return nil, err == nil && v == version, err
	}
	// In the page's order: each store reads them in the order that suits
	// its table (SQLite by place key, PostgreSQL by ID), and sorting them
	// here too cost PostGIS a second sort of every page.
	lists := pageLists.Get().(*pageList)
	defer pageLists.Put(lists)
	refs, cursors := slices.Grow(lists.refs[:0], len(picks))[:len(picks)], slices.Grow(lists.cursors[:0], len(picks))[:len(picks)]
	lists.refs, lists.cursors = refs, cursors
	for i, p := range picks {
		refs[i], cursors[i] = feature.Ref{ID: p.ID, Key: p.Key}, p.Cursor
	}
	c := feature.NewCollector(len(picks))
	defer c.Release()
	c.ListFrom(ctx) // a listing gives the page's list back once written out
	if ok, err := k.rows.ReadFeatures(ctx, refs, version, c); !ok || err != nil {
		return nil, false, err
	}
	if missing := c.Missing(cursors); len(missing) > 0 {
		k.rows.StartFill()
		if ok, err := k.rows.ReadPatched(ctx, missingRefs(refs, c), version, c); !ok || err != nil {
			return nil, false, err
		}
		if missing = c.Missing(cursors); len(missing) == 0 {
			return c.Page(cursors), true, nil
		}
		found, ok, err := k.rows.ReadByID(ctx, missing, version)
		if !ok || err != nil {
			return nil, false, err
		}
		for _, inc := range found {
			if err := c.Encode(inc); err != nil {
				return nil, false, err
			}
		}
	}
	return c.Page(cursors), true, nil
}

// missingRefs lists the refs whose features c has not kept.
func missingRefs(refs []feature.Ref, c *feature.Collector) []feature.Ref {
	var out []feature.Ref
	for _, r := range refs {
		if !c.Has(r.ID) {
			out = append(out, r)
		}
	}
	return out
}

// pageList holds a page's refs and cursors while ReadPage reads it, kept
// for the next page: neither outlives it (the store reads refs, Page copies
// the cursors into the page). Made for each page, they were 41 KB of the
// 280 KB a SQLite page of 1,000 allocated.
type pageList struct {
	refs    []feature.Ref
	cursors []incidents.Cursor
}

var pageLists = sync.Pool{New: func() any { return new(pageList) }}

// appendPicks appends the picks of a page the index chose.
func appendPicks(picks []Pick, points []index.Point) []Pick {
	picks = slices.Grow(picks, len(points))
	for _, p := range points {
		picks = append(picks, PickAt(p.Cursor(), p.Lon, p.Lat))
	}
	return picks
}

// pickList holds a page's points and picks from when the index picks it
// until it has been read, kept for the next page: neither outlives the
// read (a page holds copies of the cursors). Made for each page, they were
// 0.75 MB of the 1.75 MB a country page of 10,000 allocated.
type pickList struct {
	points []index.Point
	picks  []Pick
}

var pickLists = sync.Pool{New: func() any { return new(pickList) }}

// keptPicks is the most points a pooled pickList keeps room for: a page's
// limit is at most 10,000 (and one more tells whether another follows).
const keptPicks = 1 << 14

func (l *pickList) release() {
	clear(l.picks) // a pick's date holds its time zone
	if cap(l.points) > keptPicks || cap(l.picks) > keptPicks {
		return
	}
	pickLists.Put(l)
}
