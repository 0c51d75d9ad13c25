package postgis

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/incidents"
)

// Update replaces an incident and its sources in one transaction, keeping its
// creation time. Its geometry follows lon and lat, so the GiST index moves too.
func (s *Store) Update(ctx context.Context, inc incidents.Incident) (incidents.Incident, error) {
	if err := inc.Validate(); err != nil {
		return incidents.Incident{}, err
	}
	return s.Edit(ctx, inc.ID, func(incidents.Incident) (incidents.Incident, error) { return inc, nil })
}

// Edit reads an incident, lets edit derive its new state and stores that,
// in one transaction holding the incident's row lock from the read on: no
// other write, from any process, comes between. An error from edit, or the
// new state's validation error, is returned as it is and stores nothing.
func (s *Store) Edit(ctx context.Context, id int64, edit func(incidents.Incident) (incidents.Incident, error)) (incidents.Incident, error) {
	var editErr error
	err := s.writeAgain(ctx, func(tx pgx.Tx) error {
		locked, err := lockSources(ctx, tx, id, nil)
		if err != nil {
			return err
		}
		cur, err := getLocked(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := sourcesStillLocked(cur, locked); err != nil {
			return err
		}
		inc, err := incidents.Edited(cur, edit, s.locate)
		if err != nil {
			editErr = err
			return err
		}
		return update(ctx, tx, inc)
	})
	if editErr != nil {
		return incidents.Incident{}, editErr
	}
	if err != nil {
		return incidents.Incident{}, storeError(err, "update %d", id)
	}
	return s.Get(ctx, id)
}

// getLocked reads an incident in tx after locking its row until tx ends.
func getLocked(ctx context.Context, tx pgx.Tx, id int64) (incidents.Incident, error) {
	if _, err := tx.Exec(ctx, "SELECT 1 FROM incidents WHERE id = $1 FOR UPDATE", id); err != nil {
		return incidents.Incident{}, err
	}
	rows, err := tx.Query(ctx, "SELECT "+incidentColumns+" FROM incidents AS i WHERE i.id = $1", id)
	if err != nil {
		return incidents.Incident{}, err
	}
	found, err := scanIncidents(rows)
	if err != nil {
		return incidents.Incident{}, err
	}
	if len(found) == 0 {
		return incidents.Incident{}, fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
	}
	return found[0], nil
}

// lockSources locks, in order of ID, the sources incident id cites and
// those of keys, before the write locks the incident's row. A write
// correcting a source locks its row, then, encoding the features of the
// incidents citing it, theirs: an editor of one of those who took that
// incident's row first and then waited for the source (every write of an
// incident's sources locks them: ON CONFLICT DO UPDATE locks the row it
// meets) held what the other waited for, a deadlock PostgreSQL ended after
// a second with a 500 (round 19). Taking the sources first, a write waits
// for the source holding nothing. A source a write adds that its incident
// did not cite is locked later, as before: two writes each adding the
// source the other's incident cites can still deadlock, and writeAgain
// runs the one PostgreSQL ends again.
//
// It returns the keys of the sources locked: the incident may have changed
// its sources between that read and its row lock (sourcesStillLocked).
func lockSources(ctx context.Context, tx pgx.Tx, id int64, keys []string) (map[string]bool, error) {
	rows, err := tx.Query(ctx, `SELECT skey FROM sources WHERE id IN (SELECT source_id FROM incident_sources WHERE incident_id = $1)
		OR skey = ANY($2) ORDER BY id FOR UPDATE`, id, keys)
	if err != nil {
		return nil, err
	}
	locked := map[string]bool{}
	var k string
	_, err = pgx.ForEachRow(rows, []any{&k}, func() error {
		locked[k] = true
		return nil
	})
	return locked, err
}

// errSourcesMoved is a write that found, once it held its incident's row,
// that the incident cited a source lockSources had not locked: another
// write changed its sources meanwhile. Going on, it would lock that source
// while holding the row, the order that deadlocks; writeAgain runs it
// again instead, and it is ErrBusy if that keeps happening.
var errSourcesMoved = fmt.Errorf("%w: the incident's sources changed while the write waited for it", incidents.ErrBusy)

// sourcesStillLocked returns errSourcesMoved unless every source cur cites
// is in locked.
func sourcesStillLocked(cur incidents.Incident, locked map[string]bool) error {
	for _, src := range cur.Sources {
		if !locked[incidents.SourceKey(src)] {
			return errSourcesMoved
		}
	}
	return nil
}

// update writes a validated incident over the stored one with its ID.
func update(ctx context.Context, tx pgx.Tx, inc incidents.Incident) error {
	tag, err := tx.Exec(ctx, `UPDATE incidents SET incident_type = $1, date_from = $2, date_to = $3,
		date_precision = $4, place_name_ar = $5, place_name_en = $6, admin1_pcode = $7, admin1_name = $8,
		lon = $9, lat = $10, geo_precision = $11, killed = $12, injured = $13, arrested = $14,
		summary_ar = $15, summary_en = $16, status = $17, updated_at = $18, admin2_pcode = $20 WHERE id = $19`,
		string(inc.Type), pgDate(inc.DateFrom), pgDate(inc.DateTo), string(inc.DatePrecision),
		inc.PlaceNameAR, inc.PlaceNameEN, inc.Admin1PCode, inc.Admin1Name, inc.Location.Lon(),
		inc.Location.Lat(), string(inc.GeoPrecision), inc.Killed, inc.Injured, inc.Arrested,
		inc.SummaryAR, inc.SummaryEN, string(inc.Status), now(), inc.ID, inc.Admin2PCode)
	if err != nil {
		return formatError(err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, inc.ID)
	}
	if _, err := tx.Exec(ctx, "DELETE FROM incident_sources WHERE incident_id = $1", inc.ID); err != nil {
		return err
	}
	links := make([]link, len(inc.Sources))
	for pos, src := range inc.Sources {
		links[pos] = link{incident: inc.ID, pos: pos, src: src}
	}
	return linkSources(ctx, tx, links, correctSources)
}

// Delete removes an incident and, by cascade, its source links.
func (s *Store) Delete(ctx context.Context, id int64) error {
	return s.DeleteIf(ctx, id, nil)
}

// DeleteIf removes an incident if check, given it under its row lock,
// returns nil (a nil check always passes); check's error is returned as it
// is and deletes nothing.
func (s *Store) DeleteIf(ctx context.Context, id int64, check func(incidents.Incident) error) error {
	var checkErr error
	err := s.writeAgain(ctx, func(tx pgx.Tx) error {
		// The sources first (lockSources): deleting the incident deletes
		// its feature, which a correction of a source it cites rewrites
		// before it asks for the incident's row.
		locked, err := lockSources(ctx, tx, id, nil)
		if err != nil {
			return err
		}
		if check != nil {
			cur, err := getLocked(ctx, tx, id)
			if err != nil {
				return err
			}
			if err := sourcesStillLocked(cur, locked); err != nil {
				return err
			}
			if checkErr = check(cur); checkErr != nil {
				return checkErr
			}
		}
		tag, err := tx.Exec(ctx, "DELETE FROM incidents WHERE id = $1", id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
		}
		return nil
	})
	if checkErr != nil {
		return checkErr
	}
	if err != nil {
		return storeError(err, "delete %d", id)
	}
	return nil
}

// AddSources links srcs to an incident after the sources it has, skipping ones
// it has already; a source stored already keeps what it says.
func (s *Store) AddSources(ctx context.Context, id int64, srcs []incidents.Source) error {
	keys := make([]string, len(srcs))
	for i, src := range srcs {
		keys[i] = incidents.SourceKey(src)
	}
	err := s.writeAgain(ctx, func(tx pgx.Tx) error {
		if _, err := lockSources(ctx, tx, id, keys); err != nil {
			return err
		}
		var n int
		err := tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM incident_sources WHERE incident_id = $1)
			FROM incidents WHERE id = $1 FOR UPDATE`, id).Scan(&n)
		if errNoRows(err) {
			return fmt.Errorf("%w: incident %d", incidents.ErrNotFound, id)
		} else if err != nil {
			return err
		}
		links := make([]link, len(srcs))
		for i, src := range srcs {
			links[i] = link{incident: id, pos: n + i, src: src}
		}
		if err := linkSources(ctx, tx, links, keepSources); err != nil {
			return err
		}
		if err := checkSourceCount(ctx, tx, id); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "UPDATE incidents SET updated_at = $1 WHERE id = $2", now(), id)
		return err
	})
	if err != nil {
		return storeError(err, "add sources to %d", id)
	}
	return nil
}
