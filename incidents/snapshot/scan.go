package snapshot

import (
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/index"
)

// The stores read the index's points, and their change logs, with queries
// of their own dialects but columns in one order, scanned here.

// Scanner is a result set read row by row, as database/sql's and pgx's.
type Scanner interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanPoints appends to points the points rows holds, a row each: ID,
// longitude, latitude, type, and the first and last days (days since
// 1970-01-01). The caller closes rows.
func ScanPoints(rows Scanner, points []index.Point) ([]index.Point, error) {
	// The destinations are made once: what Scan is handed through an
	// interface escapes, and made a row they cost a million allocations a
	// build.
	var p index.Point
	var typ string
	dest := []any{&p.ID, &p.Lon, &p.Lat, &typ, &p.DayFrom, &p.DayTo}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		p.Type = index.TypeOf(incidents.Type(typ))
		points = append(points, p)
	}
	return points, rows.Err()
}

// ScanChanges reads a store's change log as the rows of its changes query:
// the data version, the version after which the log is whole, then a row
// for each changed incident (at most most+1 of them), its ID and point
// columns as ScanPoints reads them, NULL where it is no longer published;
// a log with no change since has one row, its ID NULL. The caller closes
// rows.
func ScanChanges(rows Scanner, most int) (index.Changes, error) {
	var c index.Changes
	// Made once, as in ScanPoints; Scan sets each, nil for NULL.
	var id *int64
	var lon, lat *float64
	var typ *string
	var from, to *int32
	dest := []any{&c.Version, &c.Since, &id, &lon, &lat, &typ, &from, &to}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return index.Changes{}, err
		}
		if id == nil {
			continue
		}
		c.Changed = append(c.Changed, *id)
		if lon != nil && lat != nil && typ != nil && from != nil && to != nil {
			c.Now = append(c.Now, index.Point{Lon: *lon, Lat: *lat, ID: *id, DayFrom: *from, DayTo: *to,
				Type: index.TypeOf(incidents.Type(*typ))})
		}
	}
	c.More = len(c.Changed) > most
	return c, rows.Err()
}
