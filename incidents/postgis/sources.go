package postgis

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/mapsrv/mapsrv/incidents"
)

// link is one source of one incident at a position in its list.
type link struct {
	incident int64
	pos      int
	src      incidents.Source
}

// sourceWrite says what a write does to sources stored already.
type sourceWrite int

const (
	// correctSources: an editor's write; what it says of a stored source
	// (an empty field keeps the stored one) corrects it.
	correctSources sourceWrite = iota
	// keepSources: ingestion's; a stored source keeps what it says.
	keepSources
)

// linkSources stores the sources of links (one row per [incidents.SourceKey],
// shared by every incident citing it), as how says, and links them, in three
// statements whatever the count. A source an incident already has is
// skipped, keeping its first position.
func linkSources(ctx context.Context, tx pgx.Tx, links []link, how sourceWrite) error {
	if len(links) == 0 {
		return nil
	}
	byKey := map[string]incidents.Source{}
	for _, l := range links {
		k := incidents.SourceKey(l.src)
		byKey[k] = overlay(byKey[k], l.src) // later words correct earlier ones, as row by row
	}
	ids, err := upsertSources(ctx, tx, byKey, how)
	if err != nil {
		return err
	}
	type pair struct{ incident, source int64 }
	seen := map[pair]bool{}
	var incIDs, srcIDs []int64
	var positions []int32
	for _, l := range links {
		p := pair{l.incident, ids[incidents.SourceKey(l.src)]}
		if seen[p] {
			continue
		}
		seen[p] = true
		incIDs, srcIDs, positions = append(incIDs, p.incident), append(srcIDs, p.source), append(positions, int32(l.pos))
	}
	_, err = tx.Exec(ctx, `INSERT INTO incident_sources (incident_id, source_id, position)
		SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::integer[])
		ON CONFLICT (incident_id, source_id) DO NOTHING`, incIDs, srcIDs, positions)
	return formatError(err)
}

// overlay is src corrected by what next says: its fields that are not empty.
func overlay(src, next incidents.Source) incidents.Source {
	if next.Title != "" {
		src.Title = next.Title
	}
	if next.Publisher != "" {
		src.Publisher = next.Publisher
	}
	if !next.Published.IsZero() {
		src.Published = next.Published
	}
	src.URL = next.URL
	return src
}

// upsertSources inserts the sources not yet stored, corrects the others when
// how says so, and returns every one's ID by key. Keys go in sorted order so
// that concurrent writers lock them in the same order and cannot deadlock.
func upsertSources(ctx context.Context, tx pgx.Tx, byKey map[string]incidents.Source, how sourceWrite) (map[string]int64, error) {
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	titles, urls, publishers := make([]string, len(keys)), make([]string, len(keys)), make([]string, len(keys))
	published := make([]pgtype.Date, len(keys))
	for i, k := range keys {
		src := byKey[k]
		titles[i], urls[i], publishers[i], published[i] = src.Title, src.URL, src.Publisher, pgDate(src.Published)
	}
	conflict := "DO NOTHING"
	if how == correctSources {
		conflict = `DO UPDATE SET
			title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE sources.title END,
			publisher = CASE WHEN excluded.publisher <> '' THEN excluded.publisher ELSE sources.publisher END,
			published = coalesce(excluded.published, sources.published)
			WHERE excluded.title <> '' AND excluded.title <> sources.title
				OR excluded.publisher <> '' AND excluded.publisher <> sources.publisher
				OR excluded.published IS DISTINCT FROM sources.published AND excluded.published IS NOT NULL`
	}
	if _, err := tx.Exec(ctx, `INSERT INTO sources (skey, title, url, publisher, published)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[])
		ON CONFLICT (skey) `+conflict, keys, titles, urls, publishers, published); err != nil {
		return nil, formatError(err)
	}
	rows, err := tx.Query(ctx, "SELECT skey, id FROM sources WHERE skey = ANY($1)", keys)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make(map[string]int64, len(keys))
	for rows.Next() {
		var k string
		var id int64
		if err := rows.Scan(&k, &id); err != nil {
			return nil, err
		}
		ids[k] = id
	}
	return ids, rows.Err()
}

// sourcesColumn selects an incident's sources as one JSON array, in their
// order. A subquery per returned row is an index lookup whatever the planner's
// cost settings, where a join over a page's IDs can turn into a scan of every
// link; PostgreSQL evaluates it after ORDER BY and LIMIT.
const sourcesColumn = `(SELECT json_agg(json_build_array(s.title, s.url, s.publisher, s.published) ORDER BY l.position)
	FROM incident_sources AS l JOIN sources AS s ON s.id = l.source_id WHERE l.incident_id = i.id)`

// decodeSources reads what sourcesColumn selects: null, or an array of
// [title, url, publisher, published] with published a date or null.
func decodeSources(b []byte) ([]incidents.Source, error) {
	if len(b) == 0 {
		return nil, nil
	}
	var rows [][4]*string
	if err := json.Unmarshal(b, &rows); err != nil {
		return nil, err
	}
	out := make([]incidents.Source, len(rows))
	for i, r := range rows {
		src := incidents.Source{Title: deref(r[0]), URL: deref(r[1]), Publisher: deref(r[2])}
		if r[3] != nil {
			d, err := time.Parse(incidents.DateLayout, *r[3])
			if err != nil {
				return nil, err
			}
			src.Published = d
		}
		out[i] = src
	}
	return out, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// civil is a date column as a civil date: midnight UTC, zero for NULL.
func civil(d pgtype.Date) time.Time {
	if !d.Valid {
		return time.Time{}
	}
	return time.Date(d.Time.Year(), d.Time.Month(), d.Time.Day(), 0, 0, 0, 0, time.UTC)
}
