package sqlite

import (
	"database/sql"
	"fmt"
	"sync"

	"github.com/mattn/go-sqlite3"
	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// driverName is go-sqlite3 with mapsrv's SQL functions: every connection
// of a Store can test points against the polygons of filters, and fold text
// as text search folds it.
const driverName = "sqlite3_mapsrv"

// shapeFunc is the SQL function mapsrv_in_shape(id, lon, lat): whether the
// point meets the polygon held under id (boundaries included).
const shapeFunc = "mapsrv_in_shape"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if err := c.RegisterFunc(shapeFunc, shapes.contains, true); err != nil {
			return err
		}
		return c.RegisterFunc(foldFunc, fold, true)
	}})
}

// foldFunc is the SQL function mapsrv_fold(text): text folded as
// incidents.SearchTerms folds the words of a search (incidents.FoldText:
// format characters dropped, Arabic spellings folded, lower case), which the
// text index holds (schemas 0013 and 0015). PostGIS has a function of the
// same name and purpose.
const foldFunc = "mapsrv_fold"

// fold is mapsrv_fold.
func fold(s string) string { return incidents.FoldText(s) }

// shapes holds the polygons of the filters being run. A query names a
// polygon by a small id rather than passing its vertices, which the
// driver would copy into Go for every row it tests.
var shapes = shapeRegistry{byKey: map[string]*shapeEntry{}, byID: map[int64]*shapeEntry{}}

type shapeRegistry struct {
	mu    sync.RWMutex
	byKey map[string]*shapeEntry // by the polygon's text
	byID  map[int64]*shapeEntry
	next  int64
}

type shapeEntry struct {
	id     int64
	region *cql2.Region // the polygon, prepared for the many points a query tests
	refs   int
}

// holdShapes registers the polygons of e for the queries about to run and
// returns the function that releases them.
func holdShapes(e cql2.Expr) (release func()) {
	var keys []string
	walkShapes(e, func(g orb.Geometry) {
		key := cql2.Text(cql2.Intersects{Property: "geometry", Geometry: g})
		shapes.mu.Lock()
		en := shapes.byKey[key]
		if en == nil {
			shapes.next++
			en = &shapeEntry{id: shapes.next, region: cql2.Prepare(g)}
			shapes.byKey[key], shapes.byID[en.id] = en, en
		}
		en.refs++
		shapes.mu.Unlock()
		keys = append(keys, key)
	})
	return func() {
		shapes.mu.Lock()
		defer shapes.mu.Unlock()
		for _, key := range keys {
			en := shapes.byKey[key]
			if en.refs--; en.refs == 0 {
				delete(shapes.byKey, key)
				delete(shapes.byID, en.id)
			}
		}
	}
}

// walkShapes calls fn for each polygon literal of e.
func walkShapes(e cql2.Expr, fn func(orb.Geometry)) {
	switch e := e.(type) {
	case cql2.And:
		for _, a := range e.Args {
			walkShapes(a, fn)
		}
	case cql2.Or:
		for _, a := range e.Args {
			walkShapes(a, fn)
		}
	case cql2.Not:
		walkShapes(e.Arg, fn)
	case cql2.Intersects:
		switch e.Geometry.(type) {
		case orb.Polygon, orb.MultiPolygon:
			fn(e.Geometry)
		}
	}
}

// id returns the id of a held polygon.
func (r *shapeRegistry) id(g orb.Geometry) int64 {
	key := cql2.Text(cql2.Intersects{Property: "geometry", Geometry: g})
	r.mu.RLock()
	defer r.mu.RUnlock()
	en := r.byKey[key]
	if en == nil {
		panic("sqlite: a filter's polygon was not held while its query was built")
	}
	return en.id
}

// contains is mapsrv_in_shape.
func (r *shapeRegistry) contains(id int64, lon, lat float64) (bool, error) {
	r.mu.RLock()
	en := r.byID[id]
	r.mu.RUnlock()
	if en == nil {
		return false, fmt.Errorf("sqlite: no polygon %d held", id)
	}
	return en.region.Contains(orb.Point{lon, lat}), nil
}
