package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// AddReport stores a report's drafts and proposals in one write transaction,
// after claiming its key in ingested_reports: writers take turns
// (_txlock=immediate), so of several posts of one report the first stores it
// and the others find it claimed.
func (s *Store) AddReport(ctx context.Context, r incidents.Report) ([]int64, error) {
	if err := r.Validate(s.locate); err != nil {
		return nil, err
	}
	key := incidents.SourceKey(r.Source)
	now := time.Now().UTC()
	ids := make([]int64, len(r.Drafts))
	err := s.write(ctx, func(tx *sql.Tx, w *writer) error {
		w.ingest = true
		if err := claimReport(ctx, tx, key, now); err != nil {
			return err
		}
		for i, inc := range r.Drafts {
			var err error
			if ids[i], err = w.insert(ctx, inc, now); err != nil {
				return fmt.Errorf("draft %d: %w", i+1, formatError(err))
			}
		}
		return propose(ctx, tx, r, key, now)
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: add report %s: %w", key, err)
	}
	return ids, nil
}

// claimReport records key as ingested, or fails with ErrDuplicate when it
// was, or when an incident or a proposal cites it already.
func claimReport(ctx context.Context, tx *sql.Tx, key string, now time.Time) error {
	res, err := tx.ExecContext(ctx, "INSERT INTO ingested_reports (skey, ingested_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
		key, stamp(now))
	if err != nil {
		return err
	}
	var cited bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sources AS s JOIN incident_sources AS l ON l.source_id = s.id
		WHERE s.skey = ?1) OR EXISTS (SELECT 1 FROM source_proposals WHERE skey = ?1)`, key).Scan(&cited); err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 || cited {
		return fmt.Errorf("%w: %s", incidents.ErrDuplicate, key)
	}
	return nil
}

// propose stores r's proposals, skipping incidents that are gone.
func propose(ctx context.Context, tx *sql.Tx, r incidents.Report, key string, now time.Time) error {
	src := r.Source
	for _, id := range r.Proposals {
		// Its ID counts on from the largest ever given (schema 0012).
		if _, err := tx.ExecContext(ctx, `INSERT INTO source_proposals (id, incident_id, skey, title, url, publisher, published, created_at)
			SELECT max(coalesce((SELECT max(id) FROM source_proposals), 0),
				(SELECT id FROM id_high_water WHERE tbl = 'source_proposals')) + 1,
				id, ?, ?, ?, ?, ?, ? FROM incidents WHERE id = ? ON CONFLICT DO NOTHING`,
			key, src.Title, src.URL, src.Publisher, incidents.FormatDate(src.Published), stamp(now), id); err != nil {
			return err
		}
	}
	return nil
}

const proposalColumns = "id, incident_id, title, url, publisher, published, created_at"

// Proposals returns the pending proposals, oldest first, of one incident
// when incidentID is above 0, after the ID after, at most limit of them
// when limit is above 0.
func (s *Store) Proposals(ctx context.Context, incidentID, after int64, limit int) ([]incidents.Proposal, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+proposalColumns+
		" FROM source_proposals WHERE (?1 <= 0 OR incident_id = ?1) AND id > ?2 ORDER BY id LIMIT ?3", incidentID, after, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: proposals: %w", err)
	}
	defer rows.Close()
	var out []incidents.Proposal
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: proposals: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func scanProposal(row interface{ Scan(...any) error }) (incidents.Proposal, error) {
	var p incidents.Proposal
	var published, created string
	if err := row.Scan(&p.ID, &p.IncidentID, &p.Source.Title, &p.Source.URL, &p.Source.Publisher, &published, &created); err != nil {
		return p, err
	}
	p.Source.Published, _ = incidents.ParseDate(published)
	p.CreatedAt, _ = parseStamp(created)
	return p, nil
}

// AcceptProposal links the proposal's source after its incident's sources
// (a source stored already keeps what it says) and drops the proposal.
func (s *Store) AcceptProposal(ctx context.Context, id int64) (incidents.Proposal, error) {
	return s.resolveProposal(ctx, id, func(tx *sql.Tx, w *writer, p incidents.Proposal) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM incident_sources WHERE incident_id = ?", p.IncidentID).Scan(&n); err != nil {
			return err
		}
		w.ingest = true
		if _, err := w.linkSource(ctx, p.IncidentID, n, p.Source); err != nil {
			return err
		}
		if err := checkSourceCount(ctx, tx, p.IncidentID); err != nil {
			return err
		}
		w.touch(p.IncidentID)
		_, err := tx.ExecContext(ctx, "UPDATE incidents SET updated_at = ? WHERE id = ?", stamp(time.Now()), p.IncidentID)
		return err
	})
}

// checkSourceCount refuses, naming the limit, a link that took the
// incident past incidents.MaxSources.
func checkSourceCount(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM incident_sources WHERE incident_id = ?", id).Scan(&n); err != nil {
		return err
	}
	if err := incidents.CheckSourceCount(n); err != nil {
		return fmt.Errorf("incident %d: %w", id, err)
	}
	return nil
}

// RejectProposal drops the proposal.
func (s *Store) RejectProposal(ctx context.Context, id int64) (incidents.Proposal, error) {
	return s.resolveProposal(ctx, id, func(*sql.Tx, *writer, incidents.Proposal) error { return nil })
}

// resolveProposal reads the proposal, runs fn on it and deletes it, in one
// write transaction.
func (s *Store) resolveProposal(ctx context.Context, id int64, fn func(*sql.Tx, *writer, incidents.Proposal) error) (incidents.Proposal, error) {
	var p incidents.Proposal
	err := s.write(ctx, func(tx *sql.Tx, w *writer) error {
		var err error
		p, err = scanProposal(tx.QueryRowContext(ctx, "SELECT "+proposalColumns+" FROM source_proposals WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: proposal %d", incidents.ErrNotFound, id)
		} else if err != nil {
			return err
		}
		if err := fn(tx, w, p); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM source_proposals WHERE id = ?", id)
		return err
	})
	if err != nil {
		return incidents.Proposal{}, storeError(err, "proposal %d", id)
	}
	return p, nil
}
