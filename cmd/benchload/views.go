package main

import (
	"database/sql"
	"fmt"

	_ "github.com/mattn/go-sqlite3" // the synthesized database, read for box centres

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"
)

// view is one thing the map asks for, driven alone: one path, or several
// driven in turn so that no response cache anywhere can answer them all.
type view struct {
	name  string
	paths []string
}

const itemsPath = "/api/collections/incidents/items?"

// issueViews are the four views the scale-out work is measured on: 200
// different 0.1° boxes (around as many incidents, where people look), a
// 1° box, the country, and the 1° box filtered by type and date, as in
// the issue that set its targets.
func issueViews(db string) ([]view, error) {
	centres, err := boxCentres(db, 200)
	if err != nil {
		return nil, err
	}
	boxes := make([]string, len(centres))
	for i, c := range centres {
		boxes[i] = fmt.Sprintf("%sbbox=%.4f,%.4f,%.4f,%.4f&limit=1000", itemsPath, c.Lon()-0.05, c.Lat()-0.05, c.Lon()+0.05, c.Lat()+0.05)
	}
	medium := itemsPath + "bbox=36.2,35.4,37.2,36.4&limit=1000"
	return []view{
		{fmt.Sprintf("%d different 0.1° boxes, limit 1000", len(boxes)), boxes},
		{"1° box, limit 1000", []string{medium}},
		{"country, limit 10000", []string{itemsPath + "bbox=35.5,32.3,42.4,37.4&limit=10000"}},
		{"1° box + type + since 2024", []string{medium + "&incident_type=shelling&datetime=2024-01-01/.."}},
	}, nil
}

// mapViews are the other requests the page makes: a small page of a town,
// cell counts for the country, and vector tiles over Damascus.
func mapViews() []view {
	tile := func(z maptile.Zoom) []string {
		t := maptile.At(orb.Point{36.29, 33.51}, z)
		return []string{fmt.Sprintf("/tiles/incidents/%d/%d/%d.mvt", t.Z, t.X, t.Y)}
	}
	return []view{
		{"small 0.1° town (Saraqib), limit 100", []string{itemsPath + "bbox=36.75,35.82,36.85,35.92&limit=100"}},
		{"aggregate country, zoom 7", []string{"/api/collections/incidents/aggregate?bbox=35.5,32.3,42.4,37.4&zoom=7"}},
		{"tile z6 (Damascus)", tile(6)},
		{"tile z9 (Damascus)", tile(9)},
		{"tile z12 (Damascus)", tile(12)},
	}
}

// boxCentres reads the points of n published incidents spread evenly by ID
// through the SQLite database at db.
func boxCentres(db string, n int) ([]orb.Point, error) {
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	rows, err := conn.Query(`SELECT lon, lat FROM incidents WHERE status = 'published'
		AND id % max(1, (SELECT max(id) FROM incidents) / ?) = 0 ORDER BY id LIMIT ?`, n, n)
	if err != nil {
		return nil, fmt.Errorf("box centres from %s: %w", db, err)
	}
	defer rows.Close()
	var out []orb.Point
	for rows.Next() {
		var p orb.Point
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return nil, fmt.Errorf("box centres from %s: %d found, %v", db, len(out), err)
	}
	return out, nil
}
