// Package storetest is the behavioural test suite every incidents.Store must
// pass: what the API and the tools rely on (bbox, datetime overlap, types,
// governorate, keyset paging, drafts, source dedupe, all-or-nothing writes,
// Extent, Version, Count, Aggregate). Each backend's tests call [Run] with a function
// opening an empty store, so the backends are held to one definition.
package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/incidents"
)

// Opener returns a new, empty store, closed when t ends.
type Opener func(t *testing.T) incidents.Store

// Run runs every case of the suite as a subtest, each on a store of its own.
func Run(t *testing.T, open Opener) {
	cases := []struct {
		name string
		fn   func(*testing.T, incidents.Store)
	}{
		{"AddGet", testAddGet},
		{"AddIsAtomic", testAddIsAtomic},
		{"Find", testFind},
		{"FindPages", testFindPages},
		{"DraftsWithoutDates", testDraftsWithoutDates},
		{"Import", testImport},
		{"ImportIsAtomic", testImportIsAtomic},
		{"SourcesDedupe", testSourcesDedupe},
		{"UpdateDelete", testUpdateDelete},
		{"MissingIncident", testMissingIncident},
		{"NotFoundSaysTheSame", testNotFoundSaysTheSame},
		{"TimestampsToTheMicrosecond", testTimestampsToTheMicrosecond},
		{"TimestampsStoredToTheMicrosecond", testTimestampsStoredToTheMicrosecond},
		{"ExtentAndCount", testExtentAndCount},
		{"Version", testVersion},
		{"Aggregate", testAggregate},
		{"AggregateCentersExact", testAggregateCentersExact},
		{"DatesOutOfRange", testDatesOutOfRange},
		{"FieldLimits", testFieldLimits},
		{"WideIntervals", testWideIntervals},
		{"EditIsAtomic", testEditIsAtomic},
		{"EditPreconditions", testEditPreconditions},
		{"CorrectionsThroughSeveralIncidents", testCorrectionsThroughSeveralIncidents},
		{"WaitingWritesLeaveReads", testWaitingWritesLeaveReads},
		{"SourceCorrections", testSourceCorrections},
		{"Reports", testReports},
		{"ReportsConcurrent", testReportsConcurrent},
		{"SourcesAtTheLimit", testSourcesAtTheLimit},
		{"IDsNeverReused", testIDsNeverReused},
		{"PublicVersion", testPublicVersion},
		{"SearchFilters", testSearchFilters},
		{"SearchFolds", testSearchFolds},
		{"SearchFindsWordsStoredWithMarks", testSearchFindsWordsStoredWithMarks},
		{"Histogram", testHistogram},
		{"CountByAdmin", testCountByAdmin},
		{"Districts", testDistricts},
		{"GovernorateAgainstPoint", testGovernorateAgainstPoint},
		{"Where", testWhere},
		{"WhereWithSearch", testWhereWithSearch},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.fn(t, open(t)) })
	}
}

// Day parses a YYYY-MM-DD civil date, panicking on a typo in a test.
func Day(s string) time.Time {
	d, err := time.Parse(incidents.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

func intp(n int) *int { return &n }

// Incident returns a valid published incident of type t at lon/lat over
// from..to (YYYY-MM-DD) in Saraqib, Idlib.
func Incident(t incidents.Type, lon, lat float64, from, to string) incidents.Incident {
	prec := incidents.DateDay
	if from != to {
		prec = incidents.DateRange
	}
	return incidents.Incident{Type: t, Location: orb.Point{lon, lat}, DateFrom: Day(from), DateTo: Day(to),
		DatePrecision: prec, GeoPrecision: incidents.GeoTown, Status: incidents.StatusPublished,
		Admin1PCode: "SY07", Admin1Name: "Idlib", PlaceNameEN: "Saraqib", PlaceNameAR: "سراقب"}
}

func mustAdd(t *testing.T, s incidents.Store, incs ...incidents.Incident) []int64 {
	t.Helper()
	ids, err := s.Add(context.Background(), incs)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func mustFind(t *testing.T, s incidents.Store, f incidents.Filter) []incidents.Incident {
	t.Helper()
	found, err := s.Find(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func mustVersion(t *testing.T, s incidents.Store) int64 {
	t.Helper()
	v, err := s.Version(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func mustCount(t *testing.T, s incidents.Store) int {
	t.Helper()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// IDs lists the IDs of found, in order.
func IDs(found []incidents.Incident) []int64 {
	out := make([]int64, len(found))
	for i, inc := range found {
		out[i] = inc.ID
	}
	return out
}

// box is a bound around lon/lat reaching d degrees each way.
func box(lon, lat, d float64) []orb.Bound {
	return []orb.Bound{{Min: orb.Point{lon - d, lat - d}, Max: orb.Point{lon + d, lat + d}}}
}
