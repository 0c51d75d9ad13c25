package sqlite

import (
	"context"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
)

// A filter expression tests columns the covering indexes lack, so a byDate
// walk looks each entry's row up, about sixteen times the cost of reading
// rows in order (byScan): for an expression few incidents meet, reading them
// all is far cheaper than walking the date order for a page that never fills.

// plan chooses how Find reaches f's incidents: from the text index when
// f's words match few (see fewTextMatches), else by the R*Tree or the date
// order for a bbox (see planBounds), and, for a filter expression walking
// the date order, whether that walk or a scan.
func (s *Store) plan(ctx context.Context, f incidents.Filter) (plan, error) {
	if f.Text != "" {
		if few, err := s.fewTextMatches(ctx, f); err != nil || few {
			return byText, err
		}
	}
	p, err := s.planBounds(ctx, f)
	if err != nil || p != byDate || f.Where == nil {
		return p, err
	}
	return s.planWhere(ctx, f)
}

// planWhere counts how many of the first entries of the date walk meet
// f.Where, up to a page: if a page is there, the walk finds it soon;
// if not, it would read on through most of the index, and a scan costs
// less. The probe reads at most a sixteenth of the entries (a scan's
// worth of lookups), so a wrong guess costs about twice the scan.
func (s *Store) planWhere(ctx context.Context, f incidents.Filter) (plan, error) {
	if f.Limit <= 0 {
		return byScan, nil // every match is read either way
	}
	k := min(max(s.rowsEstimate.Load()/16, minProbe), maxProbe)
	cheap := f
	cheap.Where, cheap.Limit = nil, 0
	where, args := filterTerms(cheap)
	first := "SELECT i.id FROM " + dateIndex(f) + " WHERE " + strings.Join(where, " AND ") +
		" ORDER BY i.date_to DESC, i.id DESC LIMIT ?"
	term, whereArgs := whereSQL(f.Where)
	args = append(append(append(args, k), whereArgs...), f.Limit)
	var maxID, hits int64
	err := s.db.QueryRowContext(ctx, "SELECT (SELECT coalesce(max(id), 0) FROM incidents), (SELECT count(*) FROM "+
		"(SELECT 1 FROM incidents AS i WHERE i.id IN ("+first+") AND "+term+" LIMIT ?))", args...).Scan(&maxID, &hits)
	if err != nil {
		return byDate, err
	}
	s.rowsEstimate.Store(maxID)
	if hits >= int64(f.Limit) {
		return byDate, nil
	}
	return byScan, nil
}
