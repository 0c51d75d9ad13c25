package postgis

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/mapsrv/mapsrv/incidents"
)

// AddReport stores a report's drafts and proposals in one transaction, after
// claiming its key in ingested_reports: a second post of the report, in this
// process or another, waits on that key and then finds it taken.
func (s *Store) AddReport(ctx context.Context, r incidents.Report) ([]int64, error) {
	if err := r.Validate(s.locate); err != nil {
		return nil, err
	}
	key := incidents.SourceKey(r.Source)
	t := now()
	var ids []int64
	err := s.writeAgain(ctx, func(tx pgx.Tx) error {
		if err := claimReport(ctx, tx, key, t); err != nil {
			return err
		}
		var err error
		if ids, err = insertChunk(ctx, tx, r.Drafts, t, false, keepSources); err != nil {
			return err
		}
		src := r.Source
		_, err = tx.Exec(ctx, `INSERT INTO source_proposals (incident_id, skey, title, url, publisher, published, created_at)
			SELECT id, $2, $3, $4, $5, $6, $7 FROM incidents WHERE id = ANY($1) ON CONFLICT DO NOTHING`,
			r.Proposals, key, src.Title, src.URL, src.Publisher, pgDate(src.Published), t)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgis: add report %s: %w", key, err)
	}
	return ids, nil
}

// claimReport records key as ingested, or fails with ErrDuplicate when it
// was, or when an incident or a proposal cites it already.
func claimReport(ctx context.Context, tx pgx.Tx, key string, t time.Time) error {
	tag, err := tx.Exec(ctx, "INSERT INTO ingested_reports (skey, ingested_at) VALUES ($1, $2) ON CONFLICT DO NOTHING", key, t)
	if err != nil {
		return err
	}
	var cited bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM sources AS s JOIN incident_sources AS l ON l.source_id = s.id
		WHERE s.skey = $1) OR EXISTS (SELECT 1 FROM source_proposals WHERE skey = $1)`, key).Scan(&cited); err != nil {
		return err
	}
	if tag.RowsAffected() == 0 || cited {
		return fmt.Errorf("%w: %s", incidents.ErrDuplicate, key)
	}
	return nil
}

const proposalColumns = "id, incident_id, title, url, publisher, published, created_at"

// Proposals returns the pending proposals, oldest first, of one incident
// when incidentID is above 0, after the ID after, at most limit of them
// when limit is above 0.
func (s *Store) Proposals(ctx context.Context, incidentID, after int64, limit int) ([]incidents.Proposal, error) {
	var most *int64 // NULL: no limit
	if limit > 0 {
		n := int64(limit)
		most = &n
	}
	// $1 is typed as the column is: PostgreSQL would take its type from
	// "$1 <= 0", an integer, and an ID past 2^31-1 failed to bind (a 500).
	rows, err := s.pool.Query(ctx, "SELECT "+proposalColumns+
		" FROM source_proposals WHERE ($1::bigint <= 0 OR incident_id = $1::bigint) AND id > $2 ORDER BY id LIMIT $3", incidentID, after, most)
	if err != nil {
		return nil, fmt.Errorf("postgis: proposals: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (incidents.Proposal, error) { return scanProposal(row) })
	if err != nil {
		return nil, fmt.Errorf("postgis: proposals: %w", err)
	}
	return out, nil
}

func scanProposal(row pgx.Row) (incidents.Proposal, error) {
	var p incidents.Proposal
	var published pgtype.Date
	err := row.Scan(&p.ID, &p.IncidentID, &p.Source.Title, &p.Source.URL, &p.Source.Publisher, &published, &p.CreatedAt)
	p.Source.Published, p.CreatedAt = civil(published), p.CreatedAt.UTC()
	return p, err
}

// AcceptProposal links the proposal's source after its incident's sources
// (a source stored already keeps what it says) and drops the proposal.
func (s *Store) AcceptProposal(ctx context.Context, id int64) (incidents.Proposal, error) {
	return s.resolveProposal(ctx, id, func(tx pgx.Tx, p incidents.Proposal) error {
		var n int
		if err := tx.QueryRow(ctx, "SELECT count(*) FROM incident_sources WHERE incident_id = $1", p.IncidentID).Scan(&n); err != nil {
			return err
		}
		if err := linkSources(ctx, tx, []link{{incident: p.IncidentID, pos: n, src: p.Source}}, keepSources); err != nil {
			return err
		}
		if err := checkSourceCount(ctx, tx, p.IncidentID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "UPDATE incidents SET updated_at = $1 WHERE id = $2", now(), p.IncidentID)
		return err
	})
}

// checkSourceCount refuses, naming the limit, a link that took the
// incident past incidents.MaxSources.
func checkSourceCount(ctx context.Context, tx pgx.Tx, id int64) error {
	var n int
	if err := tx.QueryRow(ctx, "SELECT count(*) FROM incident_sources WHERE incident_id = $1", id).Scan(&n); err != nil {
		return err
	}
	if err := incidents.CheckSourceCount(n); err != nil {
		return fmt.Errorf("incident %d: %w", id, err)
	}
	return nil
}

// RejectProposal drops the proposal.
func (s *Store) RejectProposal(ctx context.Context, id int64) (incidents.Proposal, error) {
	return s.resolveProposal(ctx, id, func(pgx.Tx, incidents.Proposal) error { return nil })
}

// resolveProposal deletes the proposal, locking its incident first, and runs
// fn on it, in one transaction.
func (s *Store) resolveProposal(ctx context.Context, id int64, fn func(pgx.Tx, incidents.Proposal) error) (incidents.Proposal, error) {
	var p incidents.Proposal
	err := s.writeAgain(ctx, func(tx pgx.Tx) error {
		// The sources first, as lockSources says.
		if _, err := tx.Exec(ctx, `SELECT 1 FROM sources WHERE id IN (SELECT l.source_id FROM incident_sources AS l
			JOIN source_proposals AS p ON p.incident_id = l.incident_id WHERE p.id = $1)
			OR skey = (SELECT skey FROM source_proposals WHERE id = $1) ORDER BY id FOR UPDATE`, id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `SELECT 1 FROM incidents WHERE id = (SELECT incident_id FROM source_proposals WHERE id = $1)
			FOR UPDATE`, id); err != nil {
			return err
		}
		var err error
		p, err = scanProposal(tx.QueryRow(ctx, "DELETE FROM source_proposals WHERE id = $1 RETURNING "+proposalColumns, id))
		if errNoRows(err) {
			return fmt.Errorf("%w: proposal %d", incidents.ErrNotFound, id)
		} else if err != nil {
			return err
		}
		return fn(tx, p)
	})
	if err != nil {
		return incidents.Proposal{}, storeError(err, "proposal %d", id)
	}
	return p, nil
}
