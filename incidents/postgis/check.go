package postgis

import (
	"context"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

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
	for _, c := range limitChecks {
		var n int
		if err := s.pool.QueryRow(ctx, c.query).Scan(&n); err != nil {
			return nil, fmt.Errorf("postgis: check %s: %w", c.what, err)
		}
		if n > 0 {
			problems = append(problems, fmt.Sprintf("%s: %d", c.what, n))
		}
	}
	return problems, nil
}

// limitChecks count the counts and text past what writes accept
// (incidents.MaxCount and the byte limits; PostgreSQL stores no NUL):
// stored before these were enforced, such rows are served as they are, and
// an edit of one is refused until an editor corrects it.
var limitChecks = []struct{ what, query string }{
	{"incidents outside the area mapped", fmt.Sprintf(`SELECT count(*) FROM incidents
		WHERE NOT (lon BETWEEN %g AND %g AND lat BETWEEN %g AND %g)`,
		incidents.MappedArea.Min.Lon(), incidents.MappedArea.Max.Lon(), incidents.MappedArea.Min.Lat(), incidents.MappedArea.Max.Lat())},
	{"incidents whose date precision does not fit their dates", `SELECT count(*) FROM incidents
		WHERE date_precision = 'day' AND date_from <> date_to
		OR date_precision = 'month' AND date_trunc('month', date_from) <> date_trunc('month', date_to)
		OR date_precision = 'year' AND date_trunc('year', date_from) <> date_trunc('year', date_to)`},
	{"incidents with a count over " + strconv.Itoa(incidents.MaxCount), fmt.Sprintf(`SELECT count(*) FROM incidents
		WHERE killed > %[1]d OR injured > %[1]d OR arrested > %[1]d`, incidents.MaxCount)},
	{"incidents with a name or summary over its length or holding a NUL", fmt.Sprintf(`SELECT count(*) FROM incidents
		WHERE octet_length(place_name_ar) > %[1]d OR octet_length(place_name_en) > %[1]d
		OR octet_length(admin1_name) > %[1]d OR octet_length(summary_ar) > %[2]d OR octet_length(summary_en) > %[2]d`,
		incidents.MaxNameBytes, incidents.MaxSummaryBytes)},
	{"sources with a URL, title or publisher over its length or holding a NUL", fmt.Sprintf(`SELECT count(*) FROM sources
		WHERE octet_length(url) > %d OR octet_length(title) > %d OR octet_length(publisher) > %d`,
		incidents.MaxURLBytes, incidents.MaxTitleBytes, incidents.MaxPublisherBytes)},
}

// readyTables are the tables Ready reads a row of.
var readyTables = []string{"schema_version", "data_version", "incidents", "sources", "incident_sources",
	"incident_features", "incident_changes", "version_xids", "change_log", "ingested_reports",
	"source_proposals", "gazetteer_places"}

// Ready reads the schema version and a row of every table: a cheap check
// (PostgreSQL keeps its pages sound itself) that the database answers with
// the schema this mapsrv needs, for serve's start and /readyz.
func (s *Store) Ready(ctx context.Context) error {
	if err := ready(ctx, s.pool); err != nil {
		return err
	}
	if s.replica != nil {
		if err := ready(ctx, s.replica); err != nil {
			return fmt.Errorf("read replica: %w", err)
		}
	}
	return nil
}

func ready(ctx context.Context, pool *pgxpool.Pool) error {
	var v int
	if err := pool.QueryRow(ctx, "SELECT version FROM schema_version WHERE id = 1").Scan(&v); err != nil {
		return fmt.Errorf("postgis: ready: schema version: %w", err)
	}
	if want := schemaVersions(); v != want {
		return fmt.Errorf("postgis: ready: database schema version %d, this mapsrv needs %d", v, want)
	}
	for _, t := range readyTables {
		rows, err := pool.Query(ctx, "SELECT * FROM "+pgx.Identifier{t}.Sanitize()+" LIMIT 1")
		if err == nil {
			for rows.Next() {
			}
			rows.Close()
			err = rows.Err()
		}
		if err != nil {
			return fmt.Errorf("postgis: ready: read %s: %w", t, err)
		}
	}
	return nil
}

// schemaVersions is the number of the last schema file: the version a
// migrated database records.
func schemaVersions() int {
	names, _ := fs.Glob(schemaFS, "schema/*.sql")
	return len(names)
}

// foldProbe holds cased letters beyond ASCII (Latin, Greek, Cyrillic)
// that PostgreSQL's lower() folds as Go does under a UTF-8 LC_CTYPE.
const foldProbe = "ÄÉΣЖ"

// FoldMismatch says why the database's lower() does not fold text as a
// search query is folded (incidents.FoldArabic, then Go's lower case), or
// "" when it does. Stored text is folded by lower() under the database's
// LC_CTYPE while a query is folded in Go: a database created with
// LC_CTYPE C folds ASCII only, so that no query found a word written
// "ÖZDEMIR" (stored folded as "Özdemir", the query as "özdemir"), and
// nothing said why. Only a new database (CREATE DATABASE
// … LC_CTYPE 'C.UTF-8' TEMPLATE template0, as scripts/pg.sh makes it) with
// the data copied into it mends it.
func (s *Store) FoldMismatch(ctx context.Context) (string, error) {
	var got, ctype string
	if err := s.pool.QueryRow(ctx, `SELECT lower($1::text), current_setting('lc_ctype')`, foldProbe).Scan(&got, &ctype); err != nil {
		return "", fmt.Errorf("postgis: check case folding: %w", err)
	}
	if want := strings.ToLower(foldProbe); got != want {
		return fmt.Sprintf("the database folds case under LC_CTYPE %q: lower('%s') is '%s' where a search query folds to '%s', so text search never finds a word written with a capital beyond ASCII (Ö, Σ, Ж), however the query spells it; LC_CTYPE is fixed when a database is created: create one with LC_CTYPE 'C.UTF-8' (or another UTF-8 locale) and copy the data into it with pg_dump and pg_restore (docs/DEPLOY.md)",
			ctype, foldProbe, got, want), nil
	}
	return "", nil
}
