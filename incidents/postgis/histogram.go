package postgis

import (
	"context"
	"fmt"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
)

// Histogram counts the incidents matching f per date bin, as every store bins
// them: published incidents by date range from the in-memory index, the rest
// (drafts, a governorate, district, killed, words) grouped by PostgreSQL.
func (s *Store) Histogram(ctx context.Context, f incidents.Filter, unit incidents.BinUnit) (incidents.Histogram, error) {
	if counts, ok, err := s.snap.CountDates(ctx, f); err != nil {
		return incidents.Histogram{}, fmt.Errorf("postgis: histogram: %w", err)
	} else if ok {
		return incidents.NewHistogram(counts, unit, f.Period)
	}
	var p params
	f.Limit, f.After = 0, nil
	where := append(filterTerms(&p, f), "i.date_from IS NOT NULL")
	rows, err := s.pool.Query(ctx, `SELECT i.date_from - DATE '1970-01-01', i.date_to - DATE '1970-01-01', count(*)
		FROM incidents AS i WHERE `+strings.Join(where, " AND ")+" GROUP BY i.date_from, i.date_to", p...)
	if err != nil {
		return incidents.Histogram{}, fmt.Errorf("postgis: histogram: %w", err)
	}
	defer rows.Close()
	var counts []incidents.DateCount
	for rows.Next() {
		var c incidents.DateCount
		var n int64
		if err := rows.Scan(&c.From, &c.To, &n); err != nil {
			return incidents.Histogram{}, fmt.Errorf("postgis: histogram: %w", err)
		}
		c.N = int(n)
		counts = append(counts, c)
	}
	if err := rows.Err(); err != nil {
		return incidents.Histogram{}, fmt.Errorf("postgis: histogram: %w", err)
	}
	return incidents.NewHistogram(counts, unit, f.Period)
}

// CountByAdmin counts the incidents matching f, and the killed they report,
// per governorate or district, with an index-only scan where it can.
func (s *Store) CountByAdmin(ctx context.Context, f incidents.Filter, level int) ([]incidents.AdminCount, error) {
	column := map[int]string{incidents.AdminGovernorate: "i.admin1_pcode", incidents.AdminDistrict: "i.admin2_pcode"}[level]
	if column == "" {
		return nil, incidents.ErrBadAdminLevel
	}
	var p params
	f.Limit, f.After = 0, nil
	rows, err := s.pool.Query(ctx, "SELECT "+column+", count(*), coalesce(sum(i.killed), 0) FROM incidents AS i WHERE "+
		strings.Join(filterTerms(&p, f), " AND ")+" GROUP BY "+column, p...)
	if err != nil {
		return nil, fmt.Errorf("postgis: count by admin: %w", err)
	}
	defer rows.Close()
	var out []incidents.AdminCount
	for rows.Next() {
		var c incidents.AdminCount
		var n, killed int64
		if err := rows.Scan(&c.PCode, &n, &killed); err != nil {
			return nil, fmt.Errorf("postgis: count by admin: %w", err)
		}
		c.Count, c.Killed = int(n), int(killed)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgis: count by admin: %w", err)
	}
	return incidents.MergeAdminCounts(out), nil
}
