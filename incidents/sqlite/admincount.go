package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
)

// CountByAdmin counts the incidents matching f, and the killed they report,
// per governorate or district. It reads the covering admin index
// (schema 0009) in its order, so grouping needs no sort and no table row.
func (s *Store) CountByAdmin(ctx context.Context, f incidents.Filter, level int) ([]incidents.AdminCount, error) {
	// Grouping in the index's order (districts under their governorate)
	// needs no sort of the rows.
	column, group := "i.admin1_pcode", "i.admin1_pcode"
	switch level {
	case incidents.AdminGovernorate:
	case incidents.AdminDistrict:
		column, group = "i.admin2_pcode", "i.admin1_pcode, i.admin2_pcode"
	default:
		return nil, incidents.ErrBadAdminLevel
	}
	defer holdShapes(f.Where)()
	from, where, args, err := s.countSource(ctx, f, "incidents_admin_cover")
	if err != nil {
		return nil, fmt.Errorf("sqlite: count by admin: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+column+", count(*), CAST(total(i.killed) AS INTEGER) FROM "+from+
		" WHERE "+strings.Join(where, " AND ")+" GROUP BY "+group, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: count by admin: %w", err)
	}
	defer rows.Close()
	var out []incidents.AdminCount
	for rows.Next() {
		var c incidents.AdminCount
		if err := rows.Scan(&c.PCode, &c.Count, &c.Killed); err != nil {
			return nil, fmt.Errorf("sqlite: count by admin: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: count by admin: %w", err)
	}
	return incidents.MergeAdminCounts(out), nil
}
