package sqlite

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/snapshot"
)

// PickBySQL chooses the page f asks for by Find's SQL plans, reading IDs,
// dates and points only, as of the version it returns.
func (s sqlReads) PickBySQL(ctx context.Context, f incidents.Filter) ([]snapshot.Pick, int64, error) {
	version, err := s.Version(ctx)
	if err != nil {
		return nil, 0, err
	}
	p, err := s.plan(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	query, args := findQuery(f, p, "i.id, i.date_to, i.lon, i.lat")
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var picks []snapshot.Pick
	for rows.Next() {
		var c incidents.Cursor
		var dateTo string
		var lon, lat float64
		if err := rows.Scan(&c.ID, &dateTo, &lon, &lat); err != nil {
			return nil, 0, err
		}
		if c.DateTo, err = incidents.ParseDate(dateTo); err != nil { // zero for an undated draft
			return nil, 0, fmt.Errorf("incident %d: %w", c.ID, err)
		}
		picks = append(picks, snapshot.PickAt(c, lon, lat))
	}
	return picks, version, rows.Err()
}

// plan is how Find reaches the incidents of a filter.
type plan int

const (
	// byDate walks a covering index newest first, testing each entry's point,
	// until the page is full: its cost grows with limit × total / in-box.
	byDate plan = iota
	// byBox reads every R*Tree candidate of the box and sorts them: its cost
	// grows with the number of incidents in the box.
	byBox
	// byText reads the incidents whose words match from the text index and
	// sorts them: its cost grows with the number of matches (filter_more.go).
	byText
	// byScan reads the table in row order and sorts what matches: for a
	// filter expression few incidents meet (plan_where.go).
	byScan
)

// Bounds of the R*Tree probe: below minProbe candidates a box is cheap either
// way; maxProbe caps what the probe itself costs (about 2 ms of R*Tree scan).
const (
	minProbe = 256
	maxProbe = 40_000
)

// planBounds chooses between byBox and byDate. SQLite's planner cannot: it knows
// neither how many incidents lie in a box nor that walking the date order finds
// a page sooner the more of them do. So plan counts the R*Tree's candidates, up
// to the count where both plans cost about the same, and takes the R*Tree
// below it. Entry by entry, a covering index entry costs about a sixteenth of
// a candidate's row lookup: the crossover is where in-box² = limit × total / 16.
func (s *Store) planBounds(ctx context.Context, f incidents.Filter) (plan, error) {
	if len(f.Bounds) == 0 {
		return byDate, nil
	}
	if f.Limit <= 0 {
		return byBox, nil // every match is read either way: the R*Tree reads fewer
	}
	total := float64(s.rowsEstimate.Load())
	probe := int(math.Sqrt(float64(f.Limit) * total / 16))
	probe = min(max(probe, minProbe), maxProbe)
	tree, args := treeCandidates(f.Bounds)
	var maxID, hits int64
	err := s.db.QueryRowContext(ctx, "SELECT (SELECT coalesce(max(id), 0) FROM incidents), (SELECT count(*) FROM ("+
		strings.Replace(tree, "SELECT id", "SELECT 1", -1)+" LIMIT ?))", append(args, probe)...).Scan(&maxID, &hits)
	if err != nil {
		return byDate, err
	}
	s.rowsEstimate.Store(maxID)
	if hits < int64(probe) {
		return byBox, nil
	}
	return byDate, nil
}
