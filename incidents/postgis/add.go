package postgis

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
)

// chunkSize is how many incidents Import sends in one COPY: large enough to
// amortise round trips, small enough to keep memory flat.
const chunkSize = 2000

// Add validates and stores incs in one transaction: all of them or, on any
// error, none. The error names the position of the offending incident.
func (s *Store) Add(ctx context.Context, incs []incidents.Incident) ([]int64, error) {
	for i := range incs {
		if err := incidents.Prepare(&incs[i], s.locate); err != nil {
			return nil, fmt.Errorf("incident %d: %w", i+1, err)
		}
	}
	var ids []int64
	err := s.writeAgain(ctx, func(tx pgx.Tx) error {
		var err error
		ids, err = insertChunk(ctx, tx, incs, now(), false, correctSources)
		return err
	})
	if err != nil {
		return nil, storeError(err, "add")
	}
	return ids, nil
}

// Import stores the incidents of seq in one transaction, sending them in COPY
// chunks, so memory stays flat however long the stream.
func (s *Store) Import(ctx context.Context, seq iter.Seq2[incidents.Incident, error], progress func(int)) (int, error) {
	return s.importSeq(ctx, seq, progress, false)
}

// Restore is Import keeping each incident's ID (which must be positive and
// unused): it moves a database without breaking links to its items. The ID
// sequence is moved past the largest ID afterwards.
func (s *Store) Restore(ctx context.Context, seq iter.Seq2[incidents.Incident, error], progress func(int)) (int, error) {
	return s.importSeq(ctx, seq, progress, true)
}

func (s *Store) importSeq(ctx context.Context, seq iter.Seq2[incidents.Incident, error], progress func(int), keepIDs bool) (int, error) {
	t := now()
	n := 0
	err := s.write(ctx, func(tx pgx.Tx) error {
		buf := make([]incidents.Incident, 0, chunkSize)
		flush := func() error {
			if _, err := insertChunk(ctx, tx, buf, t, keepIDs, correctSources); err != nil {
				return fmt.Errorf("incidents %d..%d: %w", n-len(buf)+1, n, err)
			}
			buf = buf[:0]
			if progress != nil {
				progress(n)
			}
			return nil
		}
		for inc, err := range seq {
			if err != nil {
				return err
			}
			n++
			if err := incidents.Prepare(&inc, s.locate); err != nil {
				return fmt.Errorf("incident %d: %w", n, err)
			}
			if keepIDs && inc.ID <= 0 {
				return fmt.Errorf("incident %d: %w: restore needs an ID", n, incidents.ErrInvalid)
			}
			if n == snapshot.LogLimit+1 { // too many to log one by one (changes.go)
				if err := goBulk(ctx, tx); err != nil {
					return err
				}
			}
			if buf = append(buf, inc); len(buf) == chunkSize {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if len(buf) > 0 || progress != nil {
			if err := flush(); err != nil {
				return err
			}
		}
		if keepIDs {
			_, err := tx.Exec(ctx, `SELECT setval('incidents_id_seq', greatest(1, (SELECT max(id) FROM incidents)))`)
			return err
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if n >= analyzeAfter {
		// The planner's statistics lag a bulk load until autovacuum runs; a
		// stale estimate can pick a sequential scan over the GiST index.
		if _, err := s.pool.Exec(ctx, "ANALYZE incidents, sources, incident_sources"); err != nil {
			return n, fmt.Errorf("postgis: imported %d incidents, then analyze: %w", n, err)
		}
	}
	return n, nil
}

// analyzeAfter is the size of import after which statistics are refreshed.
const analyzeAfter = 10_000

// now is the timestamp of a write, at the microsecond precision PostgreSQL keeps.
func now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }

var incidentCopyColumns = []string{"id", "incident_type", "date_from", "date_to", "date_precision",
	"place_name_ar", "place_name_en", "admin1_pcode", "admin1_name", "admin2_pcode", "lon", "lat", "geo_precision",
	"killed", "injured", "arrested", "summary_ar", "summary_en", "status", "created_at", "updated_at"}

// insertChunk writes validated incidents with COPY and links their sources as
// how says. New IDs come from the sequence, in the order of incs, unless keepIDs.
func insertChunk(ctx context.Context, tx pgx.Tx, incs []incidents.Incident, t time.Time, keepIDs bool, how sourceWrite) ([]int64, error) {
	if len(incs) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(incs))
	if keepIDs {
		for i := range incs {
			ids[i] = incs[i].ID
		}
	} else if err := nextIDs(ctx, tx, ids); err != nil {
		return nil, err
	}
	rows := make([][]any, len(incs))
	var links []link
	for i, inc := range incs {
		created, updated := inc.CreatedAt, inc.UpdatedAt
		if created.IsZero() {
			created = t
		}
		if updated.IsZero() {
			updated = created
		}
		rows[i] = []any{ids[i], string(inc.Type), pgDate(inc.DateFrom), pgDate(inc.DateTo),
			string(inc.DatePrecision), inc.PlaceNameAR, inc.PlaceNameEN, inc.Admin1PCode, inc.Admin1Name,
			inc.Admin2PCode, inc.Location.Lon(), inc.Location.Lat(), string(inc.GeoPrecision), inc.Killed, inc.Injured,
			inc.Arrested, inc.SummaryAR, inc.SummaryEN, string(inc.Status), created.UTC(), updated.UTC()}
		for pos, src := range inc.Sources {
			links = append(links, link{incident: ids[i], pos: pos, src: src})
		}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"incidents"}, incidentCopyColumns, pgx.CopyFromRows(rows)); err != nil {
		return nil, formatError(err)
	}
	if err := linkSources(ctx, tx, links, how); err != nil {
		return nil, err
	}
	return ids, nil
}

// nextIDs fills ids from the incidents' ID sequence, ascending.
func nextIDs(ctx context.Context, tx pgx.Tx, ids []int64) error {
	rows, err := tx.Query(ctx, "SELECT nextval('incidents_id_seq') FROM generate_series(1, $1)", len(ids))
	if err != nil {
		return err
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	if len(got) != len(ids) {
		return fmt.Errorf("got %d IDs for %d incidents", len(got), len(ids))
	}
	slices.Sort(got)
	copy(ids, got)
	return nil
}

// pgDate is a civil date as PostgreSQL's date, NULL for the zero time.
func pgDate(d time.Time) pgtype.Date {
	return pgtype.Date{Time: d, Valid: !d.IsZero()}
}
