package postgis

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/mapsrv/mapsrv/incidents"
)

// searchText is the folded text the trigram index covers (schema 0006):
// a query's words must be in it as written here.
const searchText = `mapsrv_fold(i.place_name_ar || E'\n' || i.place_name_en || E'\n' || i.summary_ar || E'\n' || i.summary_en)`

// moreTerms returns the WHERE terms over incidents AS i of the district,
// killed and text filters. A text that [incidents.SearchTerms] refuses
// matches nothing; callers taking it from users check it first, to say why.
func moreTerms(p *params, f incidents.Filter) []string {
	var where []string
	if f.Admin2PCode != "" {
		where = append(where, "i.admin2_pcode = "+p.add(f.Admin2PCode))
	}
	if f.MinKilled > 0 {
		where = append(where, "i.killed >= "+p.add(f.MinKilled))
	}
	if f.Text != "" {
		terms, err := incidents.SearchTerms(f.Text)
		if err != nil {
			return append(where, "false")
		}
		for _, t := range terms {
			where = append(where, searchText+" LIKE "+p.add("%"+likeEscaper.Replace(t)+"%"))
		}
	}
	return where
}

// likeEscaper makes a word match itself literally in LIKE, whose escape
// character is the backslash.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// TextMatchesFewer reports whether fewer than most incidents, of any status,
// hold the words of text ([incidents.SearchTerms]; one it refuses matches
// none), reading at most most of them through the trigram index: the
// server lets a search of words few incidents hold run without waiting for
// a turn, as reading those few costs little. A deadline of ctx is the
// statement's timeout, so that PostgreSQL ends a probe that runs long and
// the connection stays in the pool (pgx closes a connection whose context
// ends during a query).
func (s *Store) TextMatchesFewer(ctx context.Context, text string, most int) (bool, error) {
	var p params
	terms := moreTerms(&p, incidents.Filter{Text: text})
	query := "SELECT count(*) FROM (SELECT 1 FROM incidents AS i WHERE " + strings.Join(terms, " AND ") +
		" LIMIT " + strconv.Itoa(most) + ") AS m"
	var hits int
	deadline, ok := ctx.Deadline()
	if !ok {
		err := s.reads().QueryRow(ctx, query, p...).Scan(&hits)
		return hits < most, err
	}
	left := time.Until(deadline)
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), left+time.Second)
	defer cancel()
	tx, err := s.reads().Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET LOCAL statement_timeout = "+strconv.FormatInt(max(left.Milliseconds(), 1), 10)); err != nil {
		return false, err
	}
	err = tx.QueryRow(ctx, query, p...).Scan(&hits)
	return hits < most, err
}
