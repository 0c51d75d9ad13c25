package postgis

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/mapsrv/mapsrv/incidents/feature"
)

// patchedQuery reads the data version and, for each of an array of
// incident IDs with a feature stored in the format given, that feature and
// the incident's sources as they stand (sourcesColumn's array), in one
// statement: one snapshot of one server. It reads the features whether or
// not a source they cite is marked stale. The version comes in every row,
// the others NULL when none is found.
const patchedQuery = `SELECT v.version, f.id, f.json,
	(SELECT json_agg(json_build_array(s.title, s.url, s.publisher, s.published) ORDER BY l.position)
		FROM incident_sources AS l JOIN sources AS s ON s.id = l.source_id WHERE l.incident_id = f.id)
	FROM data_version AS v LEFT JOIN (unnest($1::bigint[]) AS u (id)
		JOIN incident_features AS f ON f.id = u.id AND f.format = $2) ON true
	WHERE v.id = 1`

// ReadPatched adds to c the stored features of refs patched with their
// sources as they stand (snapshot.Rows): only the sources member of a
// feature citing a source marked stale is out of date.
func (s pgReads) ReadPatched(ctx context.Context, refs []feature.Ref, version int64, c *feature.Collector) (ok bool, err error) {
	ids := make([]int64, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	slices.Sort(ids)
	rows, err := s.reads().Query(ctx, patchedQuery, ids, feature.Format)
	if err != nil {
		return false, fmt.Errorf("patched features: %w", err)
	}
	ok = true
	var v int64
	var id *int64
	var stored, sources []byte
	_, err = pgx.ForEachRow(rows, []any{&v, &id, &stored, &sources}, func() error {
		if v != version {
			ok = false
			return nil
		}
		if id == nil {
			return nil
		}
		srcs, err := decodeSources(sources)
		if err != nil {
			return fmt.Errorf("incident %d: %w", *id, err)
		}
		c.Patch(*id, stored, srcs)
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("patched features: %w", err)
	}
	return ok, nil
}
