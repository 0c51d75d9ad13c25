package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/mapsrv/mapsrv/cql2"
	"github.com/mapsrv/mapsrv/incidents"
)

// testTimestampsToTheMicrosecond: created_at and updated_at compare with a
// TIMESTAMP literal to the microsecond, PostgreSQL's precision, digits past
// it dropped from both. SQLite compared Julian days, which keep the
// millisecond: an incident created at .123456789 was equal to .123 and not
// after .1234 there, and after .1234 on PostGIS (round 16).
func testTimestampsToTheMicrosecond(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	frac := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-01-02", "2025-01-02")
	frac.CreatedAt = time.Date(2025, 1, 2, 3, 4, 5, 123456789, time.UTC)
	frac.UpdatedAt = frac.CreatedAt
	whole := Incident(incidents.TypeClash, 36.8, 35.87, "2025-01-02", "2025-01-02")
	whole.CreatedAt = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	whole.UpdatedAt = whole.CreatedAt
	both := func(yield func(incidents.Incident, error) bool) { _ = yield(frac, nil) && yield(whole, nil) }
	if _, err := s.Import(ctx, both, nil); err != nil {
		t.Fatal(err)
	}
	const f, w = "f", "w" // frac, whole
	for _, c := range []struct{ filter, want string }{
		{"created_at = TIMESTAMP('2025-01-02T03:04:05.123456Z')", f},
		{"created_at = TIMESTAMP('2025-01-02T03:04:05.123456999Z')", f},
		{"created_at = TIMESTAMP('2025-01-02T03:04:05.123Z')", ""},
		{"created_at > TIMESTAMP('2025-01-02T03:04:05.1234Z')", f},
		{"created_at > TIMESTAMP('2025-01-02T03:04:05.123455Z')", f},
		{"created_at > TIMESTAMP('2025-01-02T03:04:05.1234561Z')", ""},
		{"created_at < TIMESTAMP('2025-01-02T03:04:05.123457Z')", f + w},
		{"created_at < TIMESTAMP('2025-01-02T03:04:05.1234569Z')", w},
		{"created_at = TIMESTAMP('2025-01-02T03:04:05Z')", w},
		{"created_at = TIMESTAMP('2025-01-02T03:04:05.000000999Z')", w},
		{"created_at > TIMESTAMP('2025-01-02T03:04:04.9999999Z')", f + w},
		{"updated_at >= TIMESTAMP('2025-01-02T06:34:05.123456+03:30')", f},
		{"updated_at <> TIMESTAMP('2025-01-02T03:04:05.1235Z')", f + w},
		{"updated_at BETWEEN TIMESTAMP('2025-01-02T03:04:05.1231Z') AND TIMESTAMP('2025-01-02T03:04:05.1234Z')", ""},
		{"created_at > TIMESTAMP('0000-01-01T00:00:00+14:00')", f + w},
		{"created_at < TIMESTAMP('9999-12-31T23:00:00-12:00')", f + w},
		{"created_at = TIMESTAMP('9999-12-31T23:00:00-12:00')", ""},
	} {
		e, err := incidents.ParseWhere(c.filter, "cql2-text", cql2.DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", c.filter, err)
		}
		got := ""
		for _, inc := range mustFind(t, s, incidents.Filter{}.WithWhere(e)) {
			got += map[incidents.Type]string{incidents.TypeArrest: f, incidents.TypeClash: w}[inc.Type]
		}
		if len(got) == 2 && got[0] == 'w' {
			got = f + w
		}
		ref := ""
		for name, inc := range map[string]incidents.Incident{f: frac, w: whole} {
			if incidents.Matches(inc, e) {
				ref += name
			}
		}
		if len(ref) == 2 {
			ref = f + w
		}
		if got != c.want || ref != c.want {
			t.Errorf("%s: the store found %q, incidents.Matches %q; want %q (f: created .123456789, w: on the second)", c.filter, got, ref, c.want)
		}
	}
}

// testTimestampsStoredToTheMicrosecond: an incident's created_at and
// updated_at are kept to the microsecond, as PostgreSQL keeps them, whether
// the store sets them or an import gives them. SQLite kept nanoseconds, so
// the CSV export of one data set said ….172375910Z on SQLite and
// ….172375Z on PostGIS (round 16).
func testTimestampsStoredToTheMicrosecond(t *testing.T, s incidents.Store) {
	ctx := context.Background()
	at := time.Date(2025, 1, 2, 3, 4, 5, 123456789, time.UTC)
	imported := Incident(incidents.TypeArrest, 36.8, 35.87, "2025-01-02", "2025-01-02")
	imported.CreatedAt, imported.UpdatedAt = at, at
	one := func(yield func(incidents.Incident, error) bool) { yield(imported, nil) }
	if _, err := s.Import(ctx, one, nil); err != nil {
		t.Fatal(err)
	}
	added := mustAdd(t, s, Incident(incidents.TypeArrest, 36.8, 35.87, "2025-01-03", "2025-01-03"))[0]
	if _, err := s.Edit(ctx, added, func(inc incidents.Incident) (incidents.Incident, error) {
		inc.Killed = intp(2)
		return inc, nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, inc := range allStored(t, s) {
		for name, ts := range map[string]time.Time{"created_at": inc.CreatedAt, "updated_at": inc.UpdatedAt} {
			if ts.Nanosecond()%1000 != 0 {
				t.Errorf("incident %d: %s %s is finer than the microsecond", inc.ID, name, ts.Format(time.RFC3339Nano))
			}
		}
		if inc.ID != added && !inc.CreatedAt.Equal(at.Truncate(time.Microsecond)) {
			t.Errorf("imported incident: created_at %s; want %s", inc.CreatedAt.Format(time.RFC3339Nano), at.Truncate(time.Microsecond).Format(time.RFC3339Nano))
		}
	}
}
