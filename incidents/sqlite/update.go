package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// Update replaces an incident, its R*Tree box and its sources in one
// transaction, keeping its creation time.
func (s *Store) Update(ctx context.Context, inc incidents.Incident) (incidents.Incident, error) {
	if err := inc.Validate(); err != nil {
		return incidents.Incident{}, err
	}
	return s.Edit(ctx, inc.ID, func(incidents.Incident) (incidents.Incident, error) { return inc, nil })
}

// Edit reads an incident, lets edit derive its new state and stores that,
// in one write transaction: no other write comes between the read and the
// write. An error from edit, or the new state's validation error, is
// returned as it is and stores nothing.
func (s *Store) Edit(ctx context.Context, id int64, edit func(incidents.Incident) (incidents.Incident, error)) (incidents.Incident, error) {
	var editErr error
	err := s.write(ctx, func(tx *sql.Tx, w *writer) error {
		found, err := readIncidents(ctx, tx, []int64{id})
		if err != nil {
			return err
		}
		if len(found) == 0 {
			return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
		}
		inc, err := incidents.Edited(found[0], edit, s.locate)
		if err != nil {
			editErr = err
			return err
		}
		return w.update(ctx, tx, inc)
	})
	if editErr != nil {
		return incidents.Incident{}, editErr
	}
	if err != nil {
		return incidents.Incident{}, storeError(err, "update %d", id)
	}
	return s.Get(ctx, id)
}

// update writes a validated incident over the stored one with its ID.
func (w *writer) update(ctx context.Context, tx *sql.Tx, inc incidents.Incident) error {
	lon, lat := inc.Location.Lon(), inc.Location.Lat()
	res, err := tx.ExecContext(ctx, `UPDATE incidents SET incident_type = ?, date_from = ?, date_to = ?,
		date_precision = ?, place_name_ar = ?, place_name_en = ?, admin1_pcode = ?, admin1_name = ?,
		admin2_pcode = ?, lon = ?, lat = ?, geo_precision = ?, killed = ?, injured = ?, arrested = ?, summary_ar = ?,
		summary_en = ?, status = ?, updated_at = ? WHERE id = ?`,
		string(inc.Type), incidents.FormatDate(inc.DateFrom), incidents.FormatDate(inc.DateTo),
		string(inc.DatePrecision), inc.PlaceNameAR, inc.PlaceNameEN, inc.Admin1PCode, inc.Admin1Name,
		inc.Admin2PCode, lon, lat, string(inc.GeoPrecision), inc.Killed, inc.Injured, inc.Arrested, inc.SummaryAR,
		inc.SummaryEN, string(inc.Status), stamp(time.Now()), inc.ID)
	if err != nil {
		return formatError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, inc.ID)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE incidents_rtree SET min_lon = ?, max_lon = ?, min_lat = ?, max_lat = ? WHERE id = ?",
		lon, lon, lat, lat, inc.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM incident_sources WHERE incident_id = ?", inc.ID); err != nil {
		return err
	}
	for pos, src := range inc.Sources {
		if _, err := w.linkSource(ctx, inc.ID, pos, src); err != nil {
			return err
		}
	}
	w.touch(inc.ID)
	return nil
}

// Delete removes an incident, its R*Tree box and its source links.
func (s *Store) Delete(ctx context.Context, id int64) error {
	return s.DeleteIf(ctx, id, nil)
}

// DeleteIf removes an incident if check, given it in the write transaction,
// returns nil (a nil check always passes); check's error is returned as it
// is and deletes nothing.
func (s *Store) DeleteIf(ctx context.Context, id int64, check func(incidents.Incident) error) error {
	var checkErr error
	err := s.write(ctx, func(tx *sql.Tx, w *writer) error {
		if check != nil {
			found, err := readIncidents(ctx, tx, []int64{id})
			if err != nil {
				return err
			}
			if len(found) == 0 {
				return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
			}
			if checkErr = check(found[0]); checkErr != nil {
				return checkErr
			}
		}
		w.changed = append(w.changed, id)
		res, err := tx.ExecContext(ctx, "DELETE FROM incidents WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM incidents_rtree WHERE id = ?", id)
		return err
	})
	if checkErr != nil {
		return checkErr
	}
	if err != nil {
		return storeError(err, "delete %d", id)
	}
	return nil
}

// AddSources links srcs to an incident after the sources it has; a source
// already stored keeps what it says.
func (s *Store) AddSources(ctx context.Context, id int64, srcs []incidents.Source) error {
	err := s.write(ctx, func(tx *sql.Tx, w *writer) error {
		w.ingest = true
		var n int
		err := tx.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM incident_sources WHERE incident_id = ?) FROM incidents WHERE id = ?", id, id).Scan(&n)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
		} else if err != nil {
			return err
		}
		for i, src := range srcs {
			if _, err := w.linkSource(ctx, id, n+i, src); err != nil {
				return err
			}
		}
		if err := checkSourceCount(ctx, tx, id); err != nil {
			return err
		}
		w.touch(id)
		_, err = tx.ExecContext(ctx, "UPDATE incidents SET updated_at = ? WHERE id = ?", stamp(time.Now()), id)
		return err
	})
	if err != nil {
		return storeError(err, "add sources to %d", id)
	}
	return nil
}

// write runs fn in a write transaction with the prepared writer, encodes
// the features of the incidents fn changed in place, bumps the data version
// and commits; any error rolls everything back. It logs what fn changed
// for other processes (changes.go) and, after the commit, moves this
// store's index on with it (indexed.go).
func (s *Store) write(ctx context.Context, fn func(*sql.Tx, *writer) error) error {
	var before int64 // the version this write moves on from
	var changed []int64
	var now []index.Point
	var staled bool
	err := s.inWriteTx(ctx, func(tx *sql.Tx, w *writer) error {
		var err error
		if before, err = versionIn(ctx, tx); err != nil {
			return err
		}
		if err := fn(tx, w); err != nil {
			return err
		}
		if err := w.encodeTouched(ctx, tx); err != nil {
			return err
		}
		if !w.bulk {
			if now, err = readPoints(ctx, tx, w.changed); err != nil {
				return err
			}
			changed = w.changed
		}
		if err := logChanges(ctx, tx, w, before+1); err != nil {
			return err
		}
		staled = w.staled
		return bumpVersion(ctx, tx)
	})
	if err == nil && changed != nil {
		s.snap.Advance(before, changed, now)
	}
	if err == nil && staled {
		sqlReads{s}.StartFill() // encodes the stale sources' incidents again
	}
	return err
}

// inWriteTx runs fn in a write transaction with the prepared writer and
// commits, or rolls back on any error. It leaves the data version alone:
// callers that change data bump it (write does).
func (s *Store) inWriteTx(ctx context.Context, fn func(*sql.Tx, *writer) error) error {
	if err := s.takeWriteTurn(ctx); err != nil {
		return err
	}
	defer s.writeTurn.Release(1)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return busyError(err)
	}
	defer tx.Rollback()
	w, err := prepareWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	if err := fn(tx, w); err != nil {
		return busyError(err)
	}
	return busyError(tx.Commit())
}

// takeWriteTurn waits, up to busyTimeout, until no other write of this
// process runs. SQLite has one writer: a write waiting for it in SQLite's
// busy handler held one of the pool's maxConns connections all the while,
// so that eight writes waiting behind another process's import (or a long
// write of this one's) left reads no connection: listings waited until the
// writes gave up (9.6 s with 16 PATCHes). Waiting here holds none, and only
// the write whose turn it is waits in SQLite for another process.
func (s *Store) takeWriteTurn(ctx context.Context) error {
	wait, cancel := context.WithTimeout(ctx, busyTimeout)
	defer cancel()
	if err := s.writeTurn.Acquire(wait, 1); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w: other writes held SQLite's one writer for over %s, so nothing was changed: send it again", incidents.ErrBusy, busyTimeout)
	}
	return nil
}

// busyError is err as [incidents.ErrBusy] when SQLite gave up waiting for
// its one writer (the DSN's _busy_timeout): the driver said "database is
// locked", which the API answered 500 as a fault of the server's, where
// another process's import was holding the lock.
func busyError(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
		return fmt.Errorf("%w: another write (an import, a migration) held SQLite's lock for over %s, so nothing was changed: send it again", incidents.ErrBusy, busyTimeout)
	}
	return err
}
