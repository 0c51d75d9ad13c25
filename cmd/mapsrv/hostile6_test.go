package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/postgis"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/sqlite"
)

// TestCheck_GovernorateAgainstPoint: check lists, as warnings naming each
// incident, the rows stored before the governorate rule that a write would
// now refuse, on both stores, and still succeeds: they are served. It said
// nothing of them; an edit of one was the first to tell.
func TestCheck_GovernorateAgainstPoint(t *testing.T) {
	// Stored as an older mapsrv did, with no district outlines to check
	// against: Saraqib (in Idlib, SY07) filed under Quneitra (SY13), a
	// draft filed under Damascus (SY01), and two that are sound.
	incs := func(t *testing.T) []incidents.Incident {
		base, err := feature.Unmarshal([]byte(goodFeature), incidents.StatusPublished)
		if err != nil {
			t.Fatal(err)
		}
		sound, quneitra, draft, wide := base, base, base, base
		sound.Admin1PCode = "SY07"
		quneitra.Admin1PCode = "SY13"
		draft.Admin1PCode, draft.Status = "SY01", incidents.StatusDraft
		wide.Admin1PCode, wide.GeoPrecision = "SY13", incidents.GeoGovernorate // a point standing for a governorate is not checked
		return []incidents.Incident{sound, quneitra, draft, wide}
	}
	check := func(t *testing.T, db string) {
		out, _, err := runCmd(t, "", "check", "--db", db)
		if err != nil {
			t.Fatalf("check: %v", err)
		}
		for _, want := range []string{"warning: incident 2: admin1_pcode: SY13, but the point [36.8, 35.87] lies in district SY07",
			"warning: incident 3: admin1_pcode: SY01", "warning: 2 incidents", ": ok, 4 incidents"} {
			if !strings.Contains(out, want) {
				t.Errorf("check said:\n%s\nwant %q", out, want)
			}
		}
		for _, not := range []string{"incident 1:", "incident 4:"} {
			if strings.Contains(out, not) {
				t.Errorf("check said:\n%s\nnot want %q", out, not)
			}
		}
	}
	t.Run("sqlite", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "old.db")
		s, err := sqlite.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Add(context.Background(), incs(t)); err != nil {
			t.Fatal(err)
		}
		s.Close()
		check(t, db)
	})
	t.Run("postgis", func(t *testing.T) {
		dsn := pgtest.DSN(t)
		s, err := postgis.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Add(context.Background(), incs(t)); err != nil {
			t.Fatal(err)
		}
		s.Close()
		check(t, dsn)
	})
}
