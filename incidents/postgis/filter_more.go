package postgis

import (
	"strings"

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
