package extract

import "github.com/mapsrv/mapsrv/gazetteer"

// segment is the stretch of a sentence told about one incident: from a trigger
// word to the next, with the incident places named in it.
type segment struct {
	typ    string
	rank   int
	weak   bool
	pos    int // byte offset of the trigger that gave typ
	sp     span
	places []int    // indices into the sentence's mentions
	also   []string // other types merged in
}

// segments cuts a sentence at its triggers. The first segment starts at the
// sentence start, so a place named before any trigger ("في إدلب، اعتقلت...")
// belongs to it.
func segments(s *sentence) []segment {
	out := make([]segment, 0, len(s.trig))
	for k, t := range s.trig {
		sp := span{Start: t.Pos, End: s.End}
		if k == 0 {
			sp.Start = s.Start
		}
		if k+1 < len(s.trig) {
			sp.End = s.trig[k+1].Pos
		}
		g := segment{typ: t.Typ, rank: rank(t.Typ, t.Weak), weak: t.Weak, pos: t.Pos, sp: sp}
		for i, m := range s.ms {
			if s.roles[i] == RoleIncident && m.Start >= sp.Start && m.Start < sp.End {
				g.places = append(g.places, i)
			}
		}
		out = append(out, g)
	}
	return mergeSamePlace(mergePlaceless(out), s.ms)
}

// union joins two segments of one event: the higher-ranked type wins, the
// earlier on a tie.
func union(a, b segment) segment {
	if b.sp.Start < a.sp.Start {
		a, b = b, a
	}
	out := a
	if b.rank > a.rank {
		out.typ, out.rank, out.weak, out.pos = b.typ, b.rank, b.weak, b.pos
		out.also = append(out.also, a.typ)
	} else if b.typ != a.typ {
		out.also = append(out.also, b.typ)
	}
	out.also = append(out.also, b.also...)
	out.sp = span{Start: min(a.sp.Start, b.sp.Start), End: max(a.sp.End, b.sp.End)}
	out.places = append(append([]int(nil), a.places...), b.places...)
	return out
}

// mergePlaceless joins each segment that names no place to the next one ("اعتقلت
// خلية وضبطت أسلحة في عفرين"), or to the previous one at the end of a sentence
// ("اعتقلت خلية في عفرين وضبطت أسلحة").
func mergePlaceless(segs []segment) []segment {
	for i := 0; i < len(segs) && len(segs) > 1; {
		if len(segs[i].places) > 0 {
			i++
			continue
		}
		j := i + 1
		if j == len(segs) {
			j = i - 1
		}
		segs[j] = union(segs[i], segs[j])
		segs = append(segs[:i], segs[i+1:]...)
		if j < i {
			break
		}
	}
	return segs
}

// mergeSamePlace joins neighbouring segments at the same place and drops a
// place named twice within one segment.
func mergeSamePlace(segs []segment, ms []gazetteer.Mention) []segment {
	out := segs[:0]
	for _, g := range segs {
		if n := len(out); n > 0 && sharePlace(out[n-1].places, g.places, ms) {
			out[n-1] = union(out[n-1], g)
			continue
		}
		out = append(out, g)
	}
	for k := range out {
		out[k].places = distinctPlaces(out[k].places, ms)
	}
	return out
}

func sharePlace(a, b []int, ms []gazetteer.Mention) bool {
	for _, i := range a {
		for _, j := range b {
			if samePlace(ms[i], ms[j]) {
				return true
			}
		}
	}
	return false
}

// samePlace reports whether two mentions resolve to one place.
func samePlace(a, b gazetteer.Mention) bool {
	if a.Match.Place.ID != "" || b.Match.Place.ID != "" {
		return a.Match.Place.ID == b.Match.Place.ID
	}
	return a.Match.Place.Location == b.Match.Place.Location
}

func distinctPlaces(idx []int, ms []gazetteer.Mention) []int {
	var out []int
	for _, i := range idx {
		dup := false
		for _, j := range out {
			dup = dup || samePlace(ms[i], ms[j])
		}
		if !dup {
			out = append(out, i)
		}
	}
	return out
}
