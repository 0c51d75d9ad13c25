package gazetteer

import "slices"

// FindAll returns the place names mentioned in running Arabic or English text, in
// order, each read with its prefixes and qualifiers ("في منطقة البدروسية بريف اللاذقية
// الشمالي" gives Badrousiya with Latakia as context). At each position the longest
// name wins. Lone village names, which are often also common words, are only taken
// after a preposition, a type word or with a context. It returns at most
// [MaxMentions], the first ones of the text, and reads the text a stretch of
// sentences at a time, so that its memory is bounded whatever the text's size.
// Safe for concurrent use.
func (g *Gazetteer) FindAll(text string) []Mention {
	var out []Mention
	var toks []token
	for from := 0; from < len(text) && len(out) < MaxMentions; {
		to := stretchEnd(text, from)
		toks = tokenizeAt(toks, text, from, to)
		out = g.findIn(text, toks, out)
		from = to
	}
	pickByText(out)
	return out
}

// findIn appends to out the mentions in toks, the words of a stretch of text that
// no mention crosses (see stretchEnd), up to MaxMentions in all.
func (g *Gazetteer) findIn(text string, toks []token, out []Mention) []Mention {
	for i := 0; i < len(toks) && len(out) < MaxMentions; {
		p, ok := g.parseAt(toks, i, mode{})
		if !ok || !g.plausible(toks, p) {
			i++
			continue
		}
		m := g.resolve(p)
		start, end := toks[p.first].start, toks[p.last].end
		m.Query = text[start:end]
		out = append(out, Mention{Start: start, End: end, Text: text[start:end], Match: m})
		i = p.last + 1
	}
	return out
}

// plausible rejects lone low-importance names with nothing around them that says
// they are places.
func (g *Gazetteer) plausible(toks []token, p parsed) bool {
	if p.kinds == nil && !g.namesSite(p.cands) && slices.ContainsFunc(toks[p.nameFirst:p.nameEnd], func(t token) bool { return monthKeys[tokenKey(t.norm)] }) {
		return false // "السابع من نيسان" is a date unless a type word says otherwise
	}
	if p.nameEnd-p.nameFirst > 1 || p.prefixed || p.ctx != nil {
		return true
	}
	if p.proclitic != "" && p.proclitic != "و" {
		return true
	}
	if p.nameFirst > 0 && !toks[p.nameFirst].brk && triggers[toks[p.nameFirst-1].norm] {
		return true
	}
	for _, c := range p.cands {
		if g.places[c.idx].Importance >= 0.45 {
			return true
		}
	}
	return false
}

// resolve turns a parsed mention into a match: context and type words pick among
// namesakes, "ريف X" becomes X's governorate, directions become the qualifier.
func (g *Gazetteer) resolve(p parsed) Match {
	var c cues
	c.kinds = p.kinds
	if p.ctx != nil {
		kinds := p.ctx.kinds
		if kinds == nil {
			kinds = contextKinds
		}
		cp, ctxConf, _ := g.rank(p.ctx.cands, cues{kinds: kinds})
		c.admin1, c.context = cp.Admin1PCode, []Place{cp}
		switch cp.Kind {
		case KindDistrict:
			c.admin2 = cp.Admin2PCode
		case KindCity, KindTown:
			c.city = &cp
		}
		if r, ok := g.contextRegion(cp, *p.ctx); ok {
			if p.cands = g.inRegion(p.cands, r); len(p.cands) == 0 {
				return g.contextOnly(p, c, ctxConf)
			}
		}
	}
	top, conf, alts := g.rank(p.cands, c)
	m := Match{Place: top, Score: conf, Alternatives: alts, Context: c.context}
	if p.ctx != nil {
		m.ContextQualifier = qualifierText(*p.ctx, c.context[0])
	}
	m.Qualifier = qualifierText(p, top)
	townRural := p.rural && ruralAroundTown(top)
	if p.rural && !townRural && top.Kind != KindGovernorate {
		if gov, ok := g.governorate(top.Admin1PCode); ok {
			m.Alternatives = append([]Place{top}, alts...)
			m.Place = gov
		}
	}
	m.Precision = precisionOf(m.Place, m.Qualifier)
	switch {
	case townRural:
		m.Precision = PrecisionDistrict // "ريف جبلة": the country around the town, not the governorate
	case p.rural || m.Place.Kind == KindGovernorate && m.Qualifier != "":
		m.Precision = PrecisionGovernorate
	}
	return m
}

// contextKinds are the kinds of place a context names unless its words say
// otherwise: "X, Harim" is in Harim district, not a village called Harim.
var contextKinds = []Kind{KindGovernorate, KindDistrict, KindSubdistrict, KindCity}

// ruralAroundTown reports whether "ريف X" or "بادية X" names the country around
// the town X itself: X is a town or village, not a governorate seat (whose
// countryside is the governorate: "ريف حلب") nor an area.
func ruralAroundTown(top Place) bool {
	return top.Kind == KindTown || top.Kind == KindVillage
}

// qualifierText describes how p's words qualify the place: "northern rural",
// "west of", "near".
func qualifierText(p parsed, top Place) string {
	switch {
	case p.rural && p.ruralDir != "":
		return adjectiveEN(p.ruralDir) + " rural"
	case p.rural && p.dir != "":
		return adjectiveEN(p.dir) + " rural"
	case p.rural:
		return "rural"
	case p.dir != "" && (p.dirOf || top.Kind != KindGovernorate):
		return p.dir + " of"
	case p.dir != "":
		return adjectiveEN(p.dir)
	case p.ruralDir != "":
		return adjectiveEN(p.ruralDir)
	case p.near:
		return "near"
	}
	return ""
}
