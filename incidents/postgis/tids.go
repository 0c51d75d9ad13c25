package postgis

import (
	"context"
	"encoding/binary"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/incidents/feature"
)

// A page's stored features are read by where they lie in the table (their
// ctid, a block and a line in it) when that is known, rather than through
// the primary key: PostgreSQL 15 descends the key's B-tree once for each
// ID, four buffers a feature where a TID scan reads the one it lies in.
// On a 0.1° page of 1,000 at 1,000,000 the lookups alone took about a third
// of the time (pgbench, 3.0–3.2 ms by ID, 1.0–1.1 ms by ctid).
//
// A ctid is only a hint: an update writes a feature's new version
// elsewhere, and VACUUM may give its old place to another row. A TID scan
// returns only the version visible to the statement, and a row found at a
// hint is kept under the ID it holds, whatever ID the hint was for: a
// visible row of incident_features with the current format is that
// incident's feature, as the primary key allows no second. A feature not
// found where its hint pointed is read by ID in a second statement, which
// learns its new place; one never read has no hint.

// tidHints holds the last known ctid of each incident's stored feature,
// indexed by ID, 8 bytes an incident up to maxHintedID: 8 MB at 1,000,000.
// It is safe for concurrent use; a lost update costs only a lookup by ID.
type tidHints struct {
	grow sync.Mutex
	at   atomic.Pointer[[]atomic.Uint64] // block<<16 | line; 0 when unknown
}

// maxHintedID bounds the memory hints take when IDs run high: features of
// incidents with larger IDs are read by ID.
const maxHintedID = 1 << 24

// get returns the ctid last seen for id's feature, as its block << 16 |
// its line, or 0 if none was.
func (h *tidHints) get(id int64) uint64 {
	at := h.at.Load()
	if at == nil || id < 0 || id >= int64(len(*at)) {
		return 0
	}
	return (*at)[id].Load()
}

// set records that id's feature lies at the ctid raw holds (tid's binary
// form: the block, 4 bytes, and the line, 2, big endian).
func (h *tidHints) set(id int64, raw []byte) {
	if id < 0 || id >= maxHintedID || len(raw) != 6 {
		return
	}
	v := uint64(binary.BigEndian.Uint32(raw))<<16 | uint64(binary.BigEndian.Uint16(raw[4:]))
	at := h.at.Load()
	if at == nil || id >= int64(len(*at)) {
		at = h.reserve(id + 1)
	}
	// Stored only when it moved: a store is an atomic exchange, several
	// times dearer than the load, and most places have not moved.
	if h := &(*at)[id]; h.Load() != v {
		h.Store(v)
	}
}

// reserve makes room for IDs below n (with a quarter more, so that new
// incidents do not grow it one by one), and returns the hints.
func (h *tidHints) reserve(n int64) *[]atomic.Uint64 {
	h.grow.Lock()
	defer h.grow.Unlock()
	old := h.at.Load()
	if old != nil && int64(len(*old)) >= n {
		return old
	}
	size := min(n+n/4, maxHintedID)
	at := make([]atomic.Uint64, size)
	if old != nil {
		for i := range *old {
			at[i].Store((*old)[i].Load())
		}
	}
	h.at.Store(&at)
	return &at
}

// loadTIDs learns where every stored feature lies: one read of the table,
// run after the index is built so that the first pages need not learn it
// a feature at a time.
func (s *Store) loadTIDs(ctx context.Context) error {
	var maxID int64
	if err := s.reads().QueryRow(ctx, "SELECT coalesce(max(id), 0) FROM incident_features").Scan(&maxID); err != nil {
		return err
	}
	s.tids.reserve(min(maxID+1, maxHintedID))
	rows, err := s.reads().Query(ctx, "SELECT id, ctid FROM incident_features WHERE format = $1", feature.Format)
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := checkBinary(rows, 2); err != nil {
		return err
	}
	for rows.Next() {
		raw := rows.RawValues()
		if len(raw[0]) != 8 {
			return fmt.Errorf("feature places: ID of %d bytes", len(raw[0]))
		}
		s.tids.set(int64(binary.BigEndian.Uint64(raw[0])), raw[1])
	}
	return rows.Err()
}

// checkBinary checks that rows has n columns, each sent in binary.
func checkBinary(rows pgx.Rows, n int) error {
	fields := rows.FieldDescriptions()
	if len(fields) != n {
		return fmt.Errorf("%d columns, want %d", len(fields), n)
	}
	for _, f := range fields {
		if f.Format != pgx.BinaryFormatCode {
			return fmt.Errorf("column %s in format %d, not binary", f.Name, f.Format)
		}
	}
	return nil
}
