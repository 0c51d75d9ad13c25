package gazetteer

// minScore is the confidence below which Geocode reports ErrNotFound.
const minScore = 0.5

// maxQueryWords is how many words of a query Geocode reads: a name with its
// qualifiers and context is far shorter, and the bound keeps the cost of any
// query, however long, to a few hundred kilobytes.
const maxQueryWords = 32

// Geocode resolves a place name as typed into a search box or found in a report,
// in Arabic or English, with qualifiers and context ("ريف إدلب", "Dana, Idlib",
// "عفرين بريف حلب"). Misspelt names are matched approximately with a lower score. When
// namesakes compete the score drops and the others are listed as alternatives. It
// returns [ErrNotFound] when nothing matches with a score of at least 0.5. Only the
// first 32 words of query are read. Safe for concurrent use.
func (g *Gazetteer) Geocode(query string) (Match, error) {
	toks := tokenize(nil, query, maxQueryWords)
	segEnd := len(toks)
	for i := 1; i < len(toks); i++ {
		if toks[i].brk {
			segEnd = i
			break
		}
	}
	best, whole := Match{}, false
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
		best, whole = m, covered == 1 && (i == 0 || triggers[toks[0].norm])
		break
	}
	// A name read whole is not second-guessed by a misspelling of another: its
	// low score says its namesakes compete, not that it was misspelt.
	if best.Score < 0.9 && !whole {
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
		if ctx, ok := g.parseContext(toks, segEnd, mode{query: true}, false); ok {
			p.ctx = &ctx
		}
	}
	return g.resolve(p), true
}
