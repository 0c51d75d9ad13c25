package sqlite

/*
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// The few SQLite calls used here, as sqlite3.h declares them: the library
// itself is the one go-sqlite3 links in.
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
extern int sqlite3_prepare_v3(sqlite3*, const char*, int, unsigned int, sqlite3_stmt**, const char**);
extern int sqlite3_bind_text(sqlite3_stmt*, int, const char*, int, void(*)(void*));
extern int sqlite3_bind_int64(sqlite3_stmt*, int, long long);
extern int sqlite3_step(sqlite3_stmt*);
extern int sqlite3_reset(sqlite3_stmt*);
extern int sqlite3_clear_bindings(sqlite3_stmt*);
extern int sqlite3_finalize(sqlite3_stmt*);
extern long long sqlite3_column_int64(sqlite3_stmt*, int);
extern const void *sqlite3_column_blob(sqlite3_stmt*, int);
extern int sqlite3_column_bytes(sqlite3_stmt*, int);
extern int sqlite3_column_type(sqlite3_stmt*, int);
extern const char *sqlite3_errmsg(sqlite3*);

static int mapsrv_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **s) {
	return sqlite3_prepare_v3(db, sql, -1, 0x01, s, 0); // SQLITE_PREPARE_PERSISTENT
}

// mapsrv_features_rows steps featuresRowsQuery, bound, copying each
// feature's ID, length and bytes into ids, lens and dst (of room bytes)
// until the statement is done (SQLITE_DONE), dst has no room for the next
// feature (SQLITE_ROW: that row is pending, need is its length, and the
// next call with pending set copies it first), or an error. The row
// without a feature holds the data version.
static int mapsrv_features_rows(sqlite3_stmt *s, int pending, long long *ids, int *lens, int maxRows,
		char *dst, long long room, int *nRows, long long *nBytes, long long *need, long long *version) {
	int n = 0;
	long long used = 0;
	for (;;) {
		if (!pending) {
			int rc = sqlite3_step(s);
			if (rc != 100) {
				*nRows = n;
				*nBytes = used;
				return rc;
			}
			if (sqlite3_column_type(s, 1) == 5) { // SQLITE_NULL: the version row
				*version = sqlite3_column_int64(s, 0);
				continue;
			}
		}
		pending = 0;
		const void *p = sqlite3_column_blob(s, 1);
		int k = sqlite3_column_bytes(s, 1);
		if (n == maxRows || used + k > room) {
			*nRows = n;
			*nBytes = used;
			*need = k;
			return 100;
		}
		ids[n] = sqlite3_column_int64(s, 0);
		lens[n] = k;
		if (k > 0) memcpy(dst + used, p, k);
		used += k;
		n++;
	}
}

// mapsrv_bind binds keys (a JSON array, of n bytes, copied by SQLite) and
// format.
static int mapsrv_bind(sqlite3_stmt *s, const char *keys, int n, long long format) {
	int rc = sqlite3_bind_text(s, 1, keys, n, (void(*)(void*))-1); // SQLITE_TRANSIENT
	if (rc == 0) rc = sqlite3_bind_int64(s, 2, format);
	return rc;
}

static void mapsrv_reset(sqlite3_stmt *s) {
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}
*/
import "C"

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"unsafe"
	"weak"

	"github.com/mattn/go-sqlite3"

	"github.com/mapsrv/mapsrv/incidents/feature"
)

// A page's stored features are read through SQLite's C interface rather
// than database/sql, straight into a buffer the request lends
// (feature.Borrow): go-sqlite3 copies a statement's blob into fresh Go
// memory (C.GoBytes) at every step, 640 KB for a page of 1,000 and two
// thirds of all a SQLite server allocated under the load benchmark's
// views, which became garbage once the page was sent. The statement is
// featuresRowsQuery, prepared once on each connection that runs it.
//
// The connection's C handle is an unexported field of go-sqlite3's
// SQLiteConn, read by reflection: where it is not found (another version
// of the driver), pages are read through database/sql as before.

// rawReads holds a Store's statements prepared on its connections' C
// handles, one a connection, until the Store closes or the connection is
// collected.
type rawReads struct {
	mu     sync.Mutex
	stmts  map[weak.Pointer[sqlite3.SQLiteConn]]*rawStmt
	closed bool
}

// rawStmt is featuresRowsQuery prepared on one connection. It is used
// only by whoever holds the connection (database/sql's Conn.Raw).
type rawStmt struct {
	db   *C.sqlite3
	s    *C.sqlite3_stmt
	done bool // finalized; guarded by rawReads.mu
}

// connHandle returns the C handle of go-sqlite3's connection c, or nil if
// its field is not where this version of the driver keeps it.
func connHandle(c *sqlite3.SQLiteConn) *C.sqlite3 {
	f := reflect.ValueOf(c).Elem().FieldByName("db")
	// cgo names the C type _Ctype_struct_sqlite3 in go-sqlite3's package.
	if !f.IsValid() || f.Kind() != reflect.Pointer || f.Type().Elem().Name() != "_Ctype_struct_sqlite3" {
		return nil
	}
	return *(**C.sqlite3)(unsafe.Pointer(f.UnsafeAddr()))
}

// stmt returns the statement prepared on c, preparing it on first use.
func (r *rawReads) stmt(c *sqlite3.SQLiteConn) (*rawStmt, error) {
	key := weak.Make(c)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, errors.New("sqlite: store closed")
	}
	if st := r.stmts[key]; st != nil {
		return st, nil
	}
	db := connHandle(c)
	if db == nil {
		return nil, errNoHandle
	}
	q := C.CString(featuresRowsQuery)
	defer C.free(unsafe.Pointer(q))
	st := &rawStmt{db: db}
	if rc := C.mapsrv_prepare(db, q, &st.s); rc != 0 {
		return nil, fmt.Errorf("sqlite: prepare stored features: %s (%d)", C.GoString(C.sqlite3_errmsg(db)), rc)
	}
	if r.stmts == nil {
		r.stmts = map[weak.Pointer[sqlite3.SQLiteConn]]*rawStmt{}
	}
	r.stmts[key] = st
	// A connection database/sql closes (go-sqlite3 closes it with
	// sqlite3_close_v2) lives on until its statements are finalized.
	runtime.AddCleanup(c, func(key weak.Pointer[sqlite3.SQLiteConn]) {
		r.mu.Lock()
		defer r.mu.Unlock()
		if st := r.stmts[key]; st != nil {
			st.finalize()
			delete(r.stmts, key)
		}
	}, key)
	return st, nil
}

func (st *rawStmt) finalize() {
	if !st.done {
		C.sqlite3_finalize(st.s)
		st.done = true
	}
}

// close finalizes every statement, before the Store's connections close.
func (r *rawReads) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	for _, st := range r.stmts {
		st.finalize()
	}
	clear(r.stmts)
}

var errNoHandle = errors.New("sqlite: go-sqlite3's connection handle not found")

// featuresRowsQuery is featuresByKeyQuery a feature a row, read in one
// call into C that copies each feature once, from SQLite's page into the
// lent buffer: group_concat built each statement's 1.6 MB of features by
// doubling and copying its buffer in SQLite's heap, and the IDs and lengths
// as text to be parsed again. The data version comes in the same
// statement, on the row without a feature.
const featuresRowsQuery = `SELECT version, NULL FROM data_version WHERE id = 1
	UNION ALL
	SELECT f.id, f.json FROM json_each(?) AS j CROSS JOIN incident_features AS f ON f.place_key = j.value AND f.format = ?`

// readLists hold what one statement reads besides the features: the JSON
// array of keys it is given and the IDs and lengths of what it found.
type readList struct {
	keys []byte
	ids  []C.longlong
	lens []C.int
}

var readLists = sync.Pool{New: func() any { return new(readList) }}

// meanStored is the mean size of the stored features read lately, to size
// a statement's buffer.
var meanStored atomic.Int64

// readFeaturesRaw is readFeatures through the C interface: ok is false if
// the data version is no longer version. handled is false when the
// driver's handle could not be found, and nothing was read.
func (s sqlReads) readFeaturesRaw(ctx context.Context, keys []int64, version int64, c *feature.Collector) (ok, handled bool, err error) {
	if err := ctx.Err(); err != nil {
		return false, true, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return false, true, err
	}
	defer conn.Close()
	l := readLists.Get().(*readList)
	defer readLists.Put(l)
	l.keys = appendKeyList(l.keys[:0], keys)
	if cap(l.ids) < len(keys) {
		l.ids, l.lens = make([]C.longlong, len(keys)), make([]C.int, len(keys))
	}
	ids, lens := l.ids[:len(keys)], l.lens[:len(keys)]
	// The features go into one buffer sized for the keys at the mean size,
	// and into more if they outrun it.
	type part struct {
		buf  []byte
		rows int // ids[at-rows:at]
	}
	var parts []part
	lending := feature.Lending(ctx)
	err = conn.Raw(func(dc any) error {
		sc, isSQLite := dc.(*sqlite3.SQLiteConn)
		if !isSQLite {
			return errNoHandle
		}
		st, err := s.raw.stmt(sc)
		if err != nil {
			return err
		}
		defer C.mapsrv_reset(st.s)
		if rc := C.mapsrv_bind(st.s, (*C.char)(unsafe.Pointer(unsafe.SliceData(l.keys))), C.int(len(l.keys)), C.longlong(feature.Format)); rc != 0 {
			return fmt.Errorf("sqlite: stored features: %s (%d)", C.GoString(C.sqlite3_errmsg(st.db)), rc)
		}
		mean := max(int(meanStored.Load()), 256)
		want := len(keys)*mean + len(keys)*mean/16
		at, pending := 0, C.int(0)
		v := C.longlong(-1)
		for {
			buf := feature.Borrow(ctx, want)
			var n C.int
			var used, need C.longlong
			var idp *C.longlong
			var lenp *C.int
			if at < len(ids) {
				idp, lenp = &ids[at], &lens[at]
			}
			rc := C.mapsrv_features_rows(st.s, pending, idp, lenp, C.int(len(ids)-at),
				(*C.char)(unsafe.Pointer(unsafe.SliceData(buf))), C.longlong(len(buf)), &n, &used, &need, &v)
			at += int(n)
			// A lent buffer's unused tail goes back with it; a buffer made
			// for the page is counted whole, so that the Collector trims
			// the page to its bytes (feature.Collector.Page).
			if lending {
				buf = buf[:used:used]
			} else {
				buf = buf[:used]
			}
			parts = append(parts, part{buf, int(n)})
			switch rc {
			case 101: // SQLITE_DONE
				ok = int64(v) == version
				return nil
			case 100: // a feature pending, with no room for it
				if at == len(ids) {
					return fmt.Errorf("sqlite: stored features: more than the %d keys asked for", len(keys))
				}
				pending = 1
				rest := len(keys) - at
				want = int(need) + rest*mean + rest*mean/16
			default:
				return fmt.Errorf("sqlite: stored features: %s (%d)", C.GoString(C.sqlite3_errmsg(st.db)), rc)
			}
		}
	})
	if errors.Is(err, errNoHandle) {
		return false, false, nil
	}
	if err != nil || !ok {
		return false, true, err
	}
	at, total := 0, 0
	for _, p := range parts {
		c.Hold(p.buf)
		off := 0
		for i := at; i < at+p.rows; i++ {
			k := int(lens[i])
			c.Keep(int64(ids[i]), p.buf[off:off+k])
			off += k
		}
		at += p.rows
		total += off
	}
	if at > 0 {
		meanStored.Store(int64(total / at))
	}
	return true, true, nil
}

// appendKeyList appends keys to b as a JSON array.
func appendKeyList(b []byte, keys []int64) []byte {
	b = append(b, '[')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, k, 10)
	}
	return append(b, ']')
}
