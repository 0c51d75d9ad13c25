package postgis

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"sync"

	"github.com/jackc/pgx/v5/pgtype"
)

// A page's features are read through pgconn, below pgx's rows: the
// statement is prepared once on each connection (pgx keeps it by name),
// its arrays are encoded here in PostgreSQL's binary array format into
// buffers used again page after page, and its rows are read as they lie in
// the connection's buffer. Through pgx.Query, each element of the tid[]
// and bigint[] parameters went through pgx's reflection and was boxed (a
// page's parameters allocated 0.6 MB at 10,000, 6% of mapsrv's CPU under
// the small boxes in round 7's profile).

// Statement names and their SQL: by IDs alone, and by places and IDs.
// Neither reads the feature of an incident citing a source marked stale
// (schema/0009_stale_sources.sql): it may say what the source said before
// its correction, and is read apart, its sources patched (ReadPage). The
// check is in the statement that reads the features, so that both are of
// one snapshot of one server: a replica may not yet hold the features the
// background pass stored when the primary already dropped the mark. While
// no source is marked, the uncorrelated EXISTS is evaluated once a
// statement and the other is never reached.
const (
	featuresByIDName  = "mapsrv_features_by_id"
	featuresByIDQuery = `SELECT v.version, f.id, f.json, f.ctid FROM data_version AS v
			LEFT JOIN (unnest($1::bigint[]) AS u (id) JOIN incident_features AS f ON f.id = u.id AND f.format = $2
				AND ` + notCitingStale + `) ON true
			WHERE v.id = 1`
	featuresByTIDName  = "mapsrv_features_by_tid"
	featuresByTIDQuery = `SELECT v.version, f.id, f.json, f.ctid FROM data_version AS v
			LEFT JOIN (SELECT f.id, f.json, NULL::tid AS ctid FROM unnest($1::tid[]) AS u (t)
					JOIN incident_features AS f ON f.ctid = u.t AND f.format = $3 AND ` + notCitingStale + `
				UNION ALL
				SELECT f.id, f.json, f.ctid FROM unnest($2::bigint[]) AS u (id)
					JOIN incident_features AS f ON f.id = u.id AND f.format = $3 AND ` + notCitingStale + `) AS f ON true
			WHERE v.id = 1`
	// notCitingStale holds for a feature f of an incident citing no
	// source marked stale.
	notCitingStale = `(NOT EXISTS (SELECT 1 FROM stale_sources) OR NOT EXISTS (SELECT 1 FROM incident_sources AS l
				JOIN stale_sources AS t ON t.source_id = l.source_id WHERE l.incident_id = f.id))`
)

// PostgreSQL's type OIDs of the parameters.
const (
	oidInt4      = 23
	oidInt8      = 20
	oidTID       = 27
	oidInt8Array = 1016
	oidTIDArray  = 1010
)

// pageParams are a page read's lists and its parameters as sent, used
// again by the next page.
type pageParams struct {
	tids   []uint64 // block << 16 | line
	ids    []int64
	tidArr []byte
	idArr  []byte
	format [4]byte
	values [][]byte
}

var pageParamLists = sync.Pool{New: func() any { return new(pageParams) }}

// keptParamBytes is the most a pooled pageParams keeps of its encoded
// arrays: a page of 10,000 needs about 220 KB.
const keptParamBytes = 1 << 20

func (p *pageParams) release() {
	if cap(p.tidArr)+cap(p.idArr) > keptParamBytes {
		p.tidArr, p.idArr = nil, nil
	}
	if cap(p.tids)+cap(p.ids) > keptParamBytes/8 {
		p.tids, p.ids = nil, nil
	}
	clear(p.values)
	pageParamLists.Put(p)
}

// appendArrayHead appends the head of a one-dimensional array of n
// elements of type elem, without NULLs, in PostgreSQL's binary format
// (array_recv): dimensions, NULL flag, element type, then each dimension's
// length and lower bound. An empty array has no dimensions.
func appendArrayHead(b []byte, elem uint32, n int) []byte {
	if n == 0 {
		b = binary.BigEndian.AppendUint32(b, 0)
		b = binary.BigEndian.AppendUint32(b, 0)
		return binary.BigEndian.AppendUint32(b, elem)
	}
	b = binary.BigEndian.AppendUint32(b, 1)
	b = binary.BigEndian.AppendUint32(b, 0)
	b = binary.BigEndian.AppendUint32(b, elem)
	b = binary.BigEndian.AppendUint32(b, uint32(n))
	return binary.BigEndian.AppendUint32(b, 1)
}

// appendInt8Array appends ids as a bigint[] in binary.
func appendInt8Array(b []byte, ids []int64) []byte {
	b = appendArrayHead(b, oidInt8, len(ids))
	for _, id := range ids {
		b = binary.BigEndian.AppendUint32(b, 8)
		b = binary.BigEndian.AppendUint64(b, uint64(id))
	}
	return b
}

// appendTIDArray appends places (block << 16 | line) as a tid[] in binary.
func appendTIDArray(b []byte, places []uint64) []byte {
	b = appendArrayHead(b, oidTID, len(places))
	for _, at := range places {
		b = binary.BigEndian.AppendUint32(b, 6)
		b = binary.BigEndian.AppendUint32(b, uint32(at>>16))
		b = binary.BigEndian.AppendUint16(b, uint16(at))
	}
	return b
}

var binaryFormat = []int16{pgtype.BinaryFormatCode}

// queryPage runs the page statement for places and ids (ascending) on a
// pooled connection and calls row with each row's four values (version,
// ID, feature, ctid, as the connection's memory holds them until the next
// row) until it returns false or an error. The statement's parameter and
// column types are checked against what the row reader assumes.
func (s pgReads) queryPage(ctx context.Context, p *pageParams, format int32, row func(raw [][]byte) (bool, error)) error {
	name, query := featuresByIDName, featuresByIDQuery
	want := []uint32{oidInt8Array, oidInt4}
	binary.BigEndian.PutUint32(p.format[:], uint32(format))
	p.idArr = appendInt8Array(p.idArr[:0], p.ids)
	if len(p.tids) > 0 {
		name, query = featuresByTIDName, featuresByTIDQuery
		want = []uint32{oidTIDArray, oidInt8Array, oidInt4}
		p.tidArr = appendTIDArray(p.tidArr[:0], p.tids)
		p.values = append(p.values[:0], p.tidArr, p.idArr, p.format[:])
	} else {
		p.values = append(p.values[:0], p.idArr, p.format[:])
	}
	conn, err := s.reads().Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	sd, err := conn.Conn().Prepare(ctx, name, query)
	if err != nil {
		return err
	}
	if !slices.Equal(sd.ParamOIDs, want) {
		return fmt.Errorf("parameters of types %v, want %v", sd.ParamOIDs, want)
	}
	rr := conn.Conn().PgConn().ExecPrepared(ctx, sd.Name, p.values, binaryFormat, binaryFormat)
	fields := rr.FieldDescriptions()
	if len(fields) != 4 {
		rr.Close()
		return fmt.Errorf("%d columns, want 4", len(fields))
	}
	for _, f := range fields {
		if f.Format != pgtype.BinaryFormatCode {
			rr.Close()
			return fmt.Errorf("column %s in format %d, not binary", f.Name, f.Format)
		}
	}
	for rr.NextRow() {
		more, err := row(rr.Values())
		if err != nil || !more {
			rr.Close()
			return err
		}
	}
	_, err = rr.Close()
	return err
}
