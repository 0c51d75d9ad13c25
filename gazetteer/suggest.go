package gazetteer

import (
	"cmp"
	"slices"
	"strings"
)

// suggestion is one name of a place in the autocomplete index.
type suggestion struct {
	text string // normalised name, and again without its leading article
	idx  int32
}

func (g *Gazetteer) buildSuggest() {
	g.sugg = make([]suggestion, 0, 4*len(g.places))
	for i, p := range g.places {
		seen := map[string]bool{}
		for _, n := range p.names() {
			norm := Normalize(n)
			for _, s := range []string{norm, stripArticle(norm)} {
				if s != "" && !seen[s] {
					seen[s] = true
					g.sugg = append(g.sugg, suggestion{s, int32(i)})
				}
			}
		}
	}
	slices.SortFunc(g.sugg, func(a, b suggestion) int { return strings.Compare(a.text, b.text) })
}

// stripArticle drops a leading article: "ال" in Arabic, "al "/"el "/... in Latin.
func stripArticle(s string) string {
	if rest, ok := strings.CutPrefix(s, "ال"); ok {
		return rest
	}
	if i := strings.IndexByte(s, ' '); i > 0 && latinArticles[s[:i]] {
		return s[i+1:]
	}
	return ""
}

// Suggest returns up to limit places with a name starting with prefix (Arabic or
// English, normalised like [Normalize], a leading article optional), the most
// important first. Safe for concurrent use.
func (g *Gazetteer) Suggest(prefix string, limit int) []Place {
	q := Normalize(prefix)
	if q == "" || limit <= 0 {
		return nil
	}
	if s := stripArticle(q); s != "" {
		q = s
	}
	lo, _ := slices.BinarySearchFunc(g.sugg, q, func(s suggestion, q string) int { return strings.Compare(s.text, q) })
	seen := map[int32]bool{}
	var hits []int32
	for k := lo; k < len(g.sugg) && strings.HasPrefix(g.sugg[k].text, q); k++ {
		if i := g.sugg[k].idx; !seen[i] {
			seen[i] = true
			hits = append(hits, i)
		}
	}
	slices.SortStableFunc(hits, func(a, b int32) int {
		return cmp.Compare(g.places[b].Importance, g.places[a].Importance)
	})
	out := make([]Place, 0, min(limit, len(hits)))
	for _, i := range hits[:min(limit, len(hits))] {
		out = append(out, g.places[i])
	}
	return out
}
