package postgis

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/postgis/pgtest"
	"github.com/mapsrv/mapsrv/incidents/storetest"
)

// TestStore_SearchReadsTheIndex: a text search reads only the rows its
// trigrams lead to, whatever the words. A word of punctuation or wildcards
// ("___", "...", "%%%") has no trigram pg_trgm can make: it used to be
// searched anyway, by reading and folding every row (9.7 s at 200,000
// incidents); such words are now left out, and a query of nothing else
// matches nothing without reading a row.
func TestStore_SearchReadsTheIndex(t *testing.T) {
	s := openTest(t, pgtest.DSN(t))
	const rows = 3000
	storetest.Seed(t, s, rows, rand.New(rand.NewPCG(3, 4)))
	ctx := context.Background()
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	// On so small a table the planner may choose to read it all anyway:
	// tell it not to, so that only a pattern the index cannot serve does.
	if _, err := conn.Exec(ctx, "SET enable_seqscan = off"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"___", `\\\`, "%%%", "...", "a_b x.y", "😀😀😀", "qzx___", "zqx-qq", "zzq... %%%"} {
		var p params
		where := moreTerms(&p, incidents.Filter{Text: q})
		var plan []struct{ Plan planNode }
		var raw []byte
		if err := conn.QueryRow(ctx, "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM incidents AS i WHERE "+
			strings.Join(where, " AND "), p...).Scan(&raw); err != nil {
			t.Fatalf("q=%q: %v", q, err)
		}
		if err := json.Unmarshal(raw, &plan); err != nil || len(plan) != 1 {
			t.Fatalf("q=%q: plan %s: %v", q, raw, err)
		}
		if read := plan[0].Plan.rowsRead(); read > rows/10 {
			t.Errorf("q=%q read %d of %d rows, want a tenth at most: %s", q, read, rows, raw)
		}
	}
}

// planNode is a node of EXPLAIN (ANALYZE, FORMAT JSON)'s plan.
type planNode struct {
	ActualRows    float64    `json:"Actual Rows"`
	RemovedFilter float64    `json:"Rows Removed by Filter"`
	RemovedRechck float64    `json:"Rows Removed by Index Recheck"`
	Plans         []planNode `json:"Plans"`
}

// rowsRead is the most rows any node of the plan produced or threw away.
func (n planNode) rowsRead() int {
	most := n.ActualRows + n.RemovedFilter + n.RemovedRechck
	for _, c := range n.Plans {
		most = max(most, float64(c.rowsRead()))
	}
	return int(most)
}
