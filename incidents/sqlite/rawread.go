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
extern const char *sqlite3_errmsg(sqlite3*);

static int mapsrv_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **s) {
	return sqlite3_prepare_v3(db, sql, -1, 0x01, s, 0); // SQLITE_PREPARE_PERSISTENT
}

// mapsrv_features_step runs featuresByKeyQuery for keys (a JSON array, of
// n bytes, copied by SQLite) and format, and on its one row (SQLITE_ROW)
// sets out to the data version and the byte lengths of the three lists.
static int mapsrv_features_step(sqlite3_stmt *s, const char *keys, int n, long long format, long long *out) {
	int rc = sqlite3_bind_text(s, 1, keys, n, (void(*)(void*))-1); // SQLITE_TRANSIENT
	if (rc == 0) rc = sqlite3_bind_int64(s, 2, format);
	if (rc == 0) rc = sqlite3_step(s);
	if (rc != 100) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return rc;
	}
	out[0] = sqlite3_column_int64(s, 0);
	for (int i = 1; i <= 3; i++) {
		sqlite3_column_blob(s, i); // as a blob first, then its length, as SQLite asks
		out[i] = sqlite3_column_bytes(s, i);
	}
	return rc;
}

// mapsrv_features_copy copies the three lists of the row mapsrv_features_step
// left, one after the other, into dst, and resets the statement.
static void mapsrv_features_copy(sqlite3_stmt *s, char *dst) {
	for (int i = 1; i <= 3; i++) {
		int n = sqlite3_column_bytes(s, i);
		if (n > 0) {
			memcpy(dst, sqlite3_column_blob(s, i), n);
			dst += n;
		}
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
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
// featuresByKeyQuery, prepared once on each connection that runs it.
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

// rawStmt is featuresByKeyQuery prepared on one connection. It is used
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
	q := C.CString(featuresByKeyQuery)
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

// keyLists are the JSON arrays of keys a statement is given, reused.
var keyLists = sync.Pool{New: func() any { b := make([]byte, 0, 21*readChunk+2); return &b }}

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
	kp := keyLists.Get().(*[]byte)
	defer keyLists.Put(kp)
	list := appendKeyList((*kp)[:0], keys)
	*kp = list
	err = conn.Raw(func(dc any) error {
		sc, isSQLite := dc.(*sqlite3.SQLiteConn)
		if !isSQLite {
			return errNoHandle
		}
		st, err := s.raw.stmt(sc)
		if err != nil {
			return err
		}
		var out [4]C.longlong
		rc := C.mapsrv_features_step(st.s, (*C.char)(unsafe.Pointer(unsafe.SliceData(list))), C.int(len(list)), C.longlong(feature.Format), &out[0])
		if rc != 100 {
			return fmt.Errorf("sqlite: stored features: %s (%d)", C.GoString(C.sqlite3_errmsg(st.db)), rc)
		}
		if int64(out[0]) != version {
			C.mapsrv_reset(st.s)
			return nil
		}
		nID, nLen, nJSON := int(out[1]), int(out[2]), int(out[3])
		buf := feature.Borrow(ctx, nID+nLen+nJSON)
		if len(buf) > 0 {
			C.mapsrv_features_copy(st.s, (*C.char)(unsafe.Pointer(unsafe.SliceData(buf))))
		} else {
			C.mapsrv_reset(st.s)
		}
		ok = true
		blob := buf[nID+nLen : len(buf) : len(buf)]
		return addAll(c, buf[:nID], buf[nID:nID+nLen], blob)
	})
	if errors.Is(err, errNoHandle) {
		return false, false, nil
	}
	if err != nil {
		return false, true, err
	}
	return ok, true, nil
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
