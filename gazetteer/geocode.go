package gazetteer

import (
	"strings"
	"unicode/utf8"
)

// minScore is the confidence below which Geocode reports ErrNotFound.
const minScore = 0.5

// Geocode resolves a place name as typed into a search box or found in a report,
// in Arabic or English, with qualifiers and context ("ريف إدلب", "Dana, Idlib",
// "عفرين بريف حلب"). Misspelt names are matched approximately with a lower score. When
// namesakes compete the score drops and the others are listed as alternatives. It
// returns [ErrNotFound] when nothing matches with a score of at least 0.5. Safe for
// concurrent use.
func (g *Gazetteer) Geocode(query string) (Match, error) {
	toks := tokenize(query)
	segEnd := len(toks)
	for i := 1; i < len(toks); i++ {
		if toks[i].brk {
			segEnd = i
			break
		}
	}
	best := Match{}
	for i := 0; i < segEnd; i++ {
		p, ok := g.parseAt(toks, i, mode{query: true})
		if !ok {
			continue
		}
		m := g.resolve(p)
		covered := min(1, float64(p.last+1-i)/float64(segEnd-i))
		if covered < 1 || i > 0 && !triggers[toks[0].norm] {
			m.Score *= 0.6 + 0.4*covered*float64(segEnd-i)/float64(segEnd)
		}
		best = m
		break
	}
	if best.Score < 0.9 {
		if m, ok := g.geocodeFuzzy(toks, segEnd); ok && m.Score > best.Score {
			best = m
		}
	}
	best.Query = query
	if best.Score < minScore {
		return Match{Query: query}, ErrNotFound
	}
	return best, nil
}

// geocodeFuzzy matches the first segment of a query approximately, skipping its
// qualifier words, and reads the rest as context.
func (g *Gazetteer) geocodeFuzzy(toks []token, segEnd int) (Match, bool) {
	var p parsed
	j := g.parsePrefix(toks, 0, &p)
	if j >= segEnd {
		return Match{}, false
	}
	var parts []string
	for _, t := range toks[j:segEnd] {
		parts = append(parts, t.norm)
	}
	cands := g.fuzzy(joinKeys(parts))
	if len(cands) == 0 {
		return Match{}, false
	}
	p.first, p.nameFirst, p.nameEnd, p.last, p.cands = 0, j, segEnd, segEnd-1, cands
	if segEnd < len(toks) {
		if ctx, ok := g.parseContext(toks, segEnd, mode{query: true}); ok {
			p.ctx = &ctx
		}
	}
	return g.resolve(p), true
}

// fuzzy returns places whose name key is within a small edit distance of key (one
// edit for short names, two for long ones), or whose Latin skeleton equals key's.
func (g *Gazetteer) fuzzy(key string) []candidate {
	n := utf8.RuneCountInString(key)
	best := map[int32]float64{}
	note := func(i int32, s float64) {
		if s > best[i] {
			best[i] = s
		}
	}
	if n >= 4 {
		maxD := 1
		if n >= 7 {
			maxD = 2
		}
		seen := map[string]bool{}
		for _, d := range append(deletes(key), key) {
			for _, k := range g.dels[d] {
				if seen[k] {
					continue
				}
				seen[k] = true
				if dist := editDistance(key, k); dist <= maxD {
					for _, i := range g.exact[k] {
						note(i, 0.9-0.14*float64(dist)-0.1*float64(dist)/float64(n))
					}
				}
			}
		}
	}
	if s := skeleton(key); s != "" {
		for _, i := range g.skel[s] {
			note(i, 0.55+0.3*g.nameSimilarity(i, key))
		}
	}
	out := make([]candidate, 0, len(best))
	for i, s := range best {
		out = append(out, candidate{idx: i, name: s})
	}
	return out
}

// nameSimilarity is 1 minus the normalised edit distance between key and the
// closest of place i's name keys.
func (g *Gazetteer) nameSimilarity(i int32, key string) float64 {
	sim := 0.0
	for _, n := range g.places[i].names() {
		k := nameKey(n)
		l := max(utf8.RuneCountInString(k), utf8.RuneCountInString(key))
		if l > 0 && !strings.EqualFold(k, "") {
			sim = max(sim, 1-float64(editDistance(k, key))/float64(l))
		}
	}
	return sim
}

// editDistance is the optimal-string-alignment distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
