package postgis

import (
	"context"
	"fmt"

	"github.com/mapsrv/mapsrv/incidents"
)

// Check verifies what PostgreSQL does not keep in step itself (it checks its
// own pages and indexes): that every date lies in the range writes accept,
// since rows stored before it was enforced are served as they are. It returns
// the problems found; none means the data is sound.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	lo, hi := pgDate(incidents.EarliestDate), pgDate(incidents.LatestDate)
	span := incidents.EarliestDate.Format(incidents.DateLayout) + ".." + incidents.LatestDate.Format(incidents.DateLayout)
	checks := []struct{ what, query string }{
		{"incidents dated outside " + span, "SELECT count(*) FROM incidents WHERE date_from < $1 OR date_to > $2"},
		{"sources published outside " + span, "SELECT count(*) FROM sources WHERE published < $1 OR published > $2"},
	}
	var problems []string
	for _, c := range checks {
		var n int
		if err := s.pool.QueryRow(ctx, c.query, lo, hi).Scan(&n); err != nil {
			return nil, fmt.Errorf("postgis: check %s: %w", c.what, err)
		}
		if n > 0 {
			problems = append(problems, fmt.Sprintf("%s: %d", c.what, n))
		}
	}
	return problems, nil
}
