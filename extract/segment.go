package extract

import "github.com/mapsrv/mapsrv/gazetteer"

// segment is the stretch of a sentence told about one incident: from a trigger
// word to the next, with the incident places named in it.
type segment struct {
	typ      string
	rank     int
	weak     bool
	pos      int // byte offset of the trigger that gave typ
	sp       span
	places   []int    // indices into the sentence's mentions
	also     []string // other types merged in
	similar  bool     // "بقصف مماثل", "a similar attack": the kind of the event told before
	told     bool     // "القصف", "the attack": the violent event told before, if one was
	elliptic int      // "وآخر في بلدة Y": the event again, with this many people
	comma    int      // the stretch between commas its trigger stands in
	dual     bool     // told with a dual: "عمليتين أمنيتين في منطقتي X وY"
	earlier  bool     // a past deed revealed: "تورط في قتل مدني"
	another  bool     // "غارة ثالثة": a new event of the kind told before
	counted  bool     // a number of people is told in it
	clause   int      // the clause of its trigger (see clauseStarts)
	mutual   bool     // a clash told as fire from both sides
	sweep    bool     // an arrest read from an operation against cells
}

// segments cuts a sentence at its triggers. The first segment of each clause
// starts at the clause's start, so a place named before any trigger ("في إدلب،
// اعتقلت...", "فيما في بلدة X قتل...") belongs to it.
func segments(s *sentence) []segment {
	starts := clauseStarts(s.toks)
	out := make([]segment, 0, len(s.trig))
	for k, t := range s.trig {
		sp := span{Start: segStart(s, starts, k), End: s.End}
		if k+1 < len(s.trig) {
			sp.End = segStart(s, starts, k+1)
		}
		g := segment{typ: t.Typ, rank: rank(t.Typ, t.Weak), weak: t.Weak, pos: t.Pos, sp: sp, similar: t.Similar, told: t.Told, comma: t.Comma,
			dual: t.Dual, earlier: t.Earlier, another: t.Another, clause: t.Clause, mutual: t.Mutual, sweep: t.Sweep}
		for i, m := range s.ms {
			if m.role == RoleIncident && m.Start >= sp.Start && m.Start < sp.End {
				g.places = append(g.places, i)
			}
		}
		g.counted = countIn(s, g.sp)
		out = append(out, splitElliptic(s, g)...)
	}
	if len(out) > 1 && len(s.toks) > 0 && s.toks[0].in(accompaniedWords) && out[0].told {
		out = out[1:] // "وترافق القصف مع اشتباكات في X": the shelling told before; the clashes are this sentence's event
		out[0].sp.Start = s.Start
	}
	out = mergeSamePlace(tollAcrossClause(mergePlaceless(s, out)), s.ms)
	for k := 1; k < len(out); k++ {
		if sameKind(out[k-1].typ, out[k].typ) && spanHas(s.toks, out[k].sp, theOthers) {
			out[k-1] = union(out[k-1], out[k]) // "اعتقل الناشط X …، فيما اعتقل الشابين الآخرين": the rest of those told
			out = append(out[:k], out[k+1:]...)
			k--
		}
	}
	for k := 0; k < len(out); k++ {
		if k > 0 && out[k].weak && !out[k-1].weak && out[k].typ != out[k-1].typ && violent[out[k-1].typ] && !setOff(s, out, k, k-1) {
			if len(out[k].places) == 0 && len(out[k-1].places) == 0 {
				// "The fighting wounded several, while a boy died": its toll, no place of its own
				out[k-1] = union(out[k-1], out[k])
				out = append(out[:k], out[k+1:]...)
				k--
				continue
			}
			// "..بغارة جوية، بينما قتل طفل في قرية X": a killing told after a strike is one of its
			out[k].also = append(out[k].also, out[k].typ)
			out[k].typ, out[k].rank, out[k].weak = out[k-1].typ, out[k-1].rank, false
		}
	}
	return out
}

// tollAcrossClause joins a bare killing with no place, weapon or clause of its
// own before the clause opened by "فيما", "بينما" to that clause's violent
// event: "قتل 12 شخصاً، فيما أصيب 30 بغارات على سوق X" tells one strike's
// dead and wounded. A killing told with its weapon or place ("قتل مدني برصاص
// مسلحين في X، فيما أصيب ثلاثة بقصف على Y") is an event of its own.
func tollAcrossClause(segs []segment) []segment {
	for i := 0; i+1 < len(segs); i++ {
		a, b := segs[i], segs[i+1]
		if len(a.places) == 0 && a.weak && a.typ == TypeArmedAttack && !a.earlier && len(a.also) == 0 &&
			b.clause == a.clause+1 && !b.weak && violent[b.typ] && !b.earlier {
			segs[i+1] = union(a, b)
			segs = append(segs[:i], segs[i+1:]...)
		}
	}
	return segs
}

// violent are the types whose weapon a later killing in the sentence shares.
var violent = map[string]bool{TypeAirstrike: true, TypeShelling: true, TypeBombing: true, TypeClash: true, TypeArmedAttack: true}

// segStart is where the segment of trigger k begins: the start of its clause if
// it is the clause's first trigger, else the trigger itself.
func segStart(s *sentence, starts []int, k int) int {
	t := s.trig[k]
	if k == 0 {
		return s.Start
	}
	if s.trig[k-1].Clause != t.Clause {
		return s.toks[starts[t.Clause]].Start
	}
	return t.Pos
}

// ellipticWords after a place start the same event again elsewhere: "قتل مدني
// في بلدة X وآخر في بلدة Y", "one in X and another in Y".
var ellipticWords = map[string]int{"واخر": 1, "واخري": 1, "واخران": 2, "واخريان": 2, "another": 1}

// splitElliptic cuts a segment before a place told with "وآخر في": two events.
func splitElliptic(s *sentence, g segment) []segment {
	for n, i := range g.places {
		if n == 0 {
			continue
		}
		m := s.ms[i]
		for j := s.ms[g.places[n-1]].tok1; j < m.tok0; j++ {
			if v, ok := ellipticWords[s.toks[j].Norm]; ok {
				first, second := g, g
				first.sp.End, second.sp.Start = s.toks[j].Start, s.toks[j].Start
				first.places, second.places = g.places[:n], append([]int(nil), g.places[n:]...)
				second.elliptic = v
				return append([]segment{first}, splitElliptic(s, second)...)
			}
		}
	}
	return []segment{g}
}

// union joins two segments of one event: the higher-ranked type wins, the
// earlier on a tie.
func union(a, b segment) segment {
	if b.sp.Start < a.sp.Start {
		a, b = b, a
	}
	out := a
	if b.rank > a.rank || b.typ == TypeArrest && a.typ == TypeClash && !b.weak && !b.sweep && a.clause == b.clause ||
		b.typ == TypeClash && b.mutual && (a.typ == TypeArmedAttack || a.typ == TypeShelling) && !a.weak {
		// "الاشتباك مع المطلوبين انتهى باعتقالهم": a security operation's outcome is what happened
		// (but "clashed … in operations targeting cells" tells no arrest, only the clash);
		// "شنت القوات هجوماً على مواقع التنظيم ودارت اشتباكات بين الطرفين": the attack met fire, a clash
		out.typ, out.rank, out.weak, out.pos, out.sweep = b.typ, b.rank, b.weak, b.pos, b.sweep
		out.also = append(out.also, a.typ)
	} else if b.typ != a.typ {
		out.also = append(out.also, b.typ)
	}
	out.also = append(out.also, b.also...)
	out.sp = span{Start: min(a.sp.Start, b.sp.Start), End: max(a.sp.End, b.sp.End)}
	out.places = append(append([]int(nil), a.places...), b.places...)
	out.similar = a.similar || b.similar
	out.told = a.told && (b.told || b.typ == TypeArmedAttack) || b.told && (a.told || a.typ == TypeArmedAttack) // "القصف الذي استهدف"
	out.dual = a.dual || b.dual
	out.earlier = a.earlier && b.earlier
	out.another = a.another || b.another
	return out
}

// mergePlaceless joins each segment that names no place to the next one ("اعتقلت
// خلية وضبطت أسلحة في عفرين"), or to the previous one at the end of a sentence
// ("اعتقلت خلية في عفرين وضبطت أسلحة").
func mergePlaceless(s *sentence, segs []segment) []segment {
	for i := 0; i < len(segs) && len(segs) > 1; {
		if len(segs[i].places) > 0 {
			i++
			continue
		}
		j := i + 1
		if j == len(segs) || i > 0 && segs[i-1].clause == segs[i].clause && (segs[i].clause != segs[j].clause || instrumentOf(s, segs[i].pos)) {
			j = i - 1 // the last of its clause: "انفجارات هزت محيط X نجمت عن عدوان، في حين …" joins the one before
		}
		if i > 0 && segs[i].told && !segs[i].weak && sameKind(segs[i-1].typ, segs[i].typ) && !segs[i-1].weak {
			// "قصفت القوات X، فيما قتل طفلان في القصف ذاته، كما …": the shelling told
			// again, in another clause, is the one before, not the event after it
			segs[i-1] = union(segs[i-1], segs[i])
			segs = append(segs[:i], segs[i+1:]...)
			continue
		}
		if i > 0 && segs[i].weak && violent[segs[i-1].typ] && spanHas(s.toks, segs[i].sp, companionWords) {
			segs[i-1] = union(segs[i-1], segs[i]) // "…، كما قُتل شخص آخر كان برفقته": one who was with the victim, in the same attack
			segs = append(segs[:i], segs[i+1:]...)
			continue
		}
		if segs[i].clause != segs[j].clause || j == i+1 && !segs[i].weak && cellsBombing(s, segs[j]) {
			i++ // "..، في حين أعلنت قسد عن ...": another event, placeless or not; "توقيف خلية فجّرت دراجة مفخخة": the arrest and the cell's deed
			continue
		}
		if segs[i].comma != segs[j].comma && !segs[i].weak && segs[j].weak && countIn(s, segs[j].sp) && !causeBefore(s, segs[i].pos) ||
			setOff(s, segs, i, j) {
			i++ // "اعتقل ثلاثة، لقتلهم شابين في ريف حماة": a counted killing of its own
			continue
		}
		segs[j] = union(segs[i], segs[j])
		segs = append(segs[:i], segs[i+1:]...) // segs[i] is now the one after; look at it next
	}
	return segs
}

// cellsBombing reports g a bomb set off by those arrested before it, told as
// their deed: "توقيف خلية فجّرت دراجة مفخخة بمدينة X" (see weaponsOfEvents).
func cellsBombing(s *sentence, g segment) bool {
	i := s.tokenAt(g.pos)
	return g.earlier && g.typ == TypeBombing && i >= 0 && detonatedBefore(s.toks, i)
}

// theOthers are "the others", definite: the rest of a group told before.
var theOthers = wordSet("الاخرين", "الاخران", "الاخريين")

// companionWords tell someone who was with the victim: "برفقته", "معه".
var companionWords = wordSet("برفقته", "برفقتها", "برفقتهم", "برفقتهما", "يرافقه", "يرافقها", "رفقته", "رفقتها")

// instrumentOf reports the English weapon word at byte offset pos told after
// "with" or "using": "attacked the town with heavy artillery" tells the
// weapon of the act before it.
func instrumentOf(s *sentence, pos int) bool {
	i := s.tokenAt(pos)
	return i >= 0 && anyNear(s.toks, i, -2, -1, instrumentWordsEN)
}

// setOff reports segs[i] a counted killing told after a word of cause,
// following the event of another kind segs[j] told before it: "fighting
// erupted in X, following the killing of a man by a militant", "اندلعت
// اشتباكات إثر مقتل شاب": the killing that set the event off, one of its own.
func setOff(s *sentence, segs []segment, i, j int) bool {
	return j < i && segs[i].weak && segs[i].typ == TypeArmedAttack && segs[j].typ != TypeArmedAttack && !segs[j].weak &&
		causeBefore(s, segs[i].pos) && countIn(s, segs[i].sp)
}

// becauseWords tell what caused what was told before: "قتل عنصران، جراء
// هجوم ..." is the attack that killed them.
var becauseWords = wordSet("جراء", "اثر", "بسبب", "نتيجه", "بفعل", "عقب", "following", "after")

// happeningNouns after "في" tell what the killing told before it was: "قُتل
// ثلاثة، في حادثة إطلاق نار" is the shooting that killed them.
var happeningNouns = wordSet("حادثه", "حادث", "واقعه")

// causeBefore reports a word of cause within the two words before the
// incident word at byte offset pos.
func causeBefore(s *sentence, pos int) bool {
	i := s.tokenAt(pos)
	if i < 0 {
		return false
	}
	return i > 0 && s.toks[i-1].in(becauseWords) || i > 1 && s.toks[i-2].in(becauseWords) ||
		i > 1 && s.toks[i-1].in(happeningNouns) && s.toks[i-2].Norm == "في" || // "قتل ثلاثة، في حادثة إطلاق نار"
		i > 0 && (s.toks[i-1].Norm == "في" || s.toks[i-1].Norm == "in") || // "قتل أربعة في X، في غارات على …": the strikes that killed them
		isLatin(s.toks[i].Norm) && anyNear(s.toks, i, -5, -3, resultedFromWords) // "…, apparently due to an Israeli drone"
}

// mergeSamePlace joins neighbouring segments at the same place and drops a
// place named twice within one segment.
func mergeSamePlace(segs []segment, ms []mention) []segment {
	out := segs[:0]
	for _, g := range segs {
		if n := len(out); n > 0 && g.counted && len(out[n-1].places) > len(g.places) && subset(g.places, out[n-1].places, ms) &&
			!isArea(ms[g.places[0]].Mention) {
			// "غارات على بلدة X ومدينة Y، وأسفرت الغارة على X عن مقتل طفلين": X's strike told apart
			out[n-1].places = without(out[n-1].places, g.places, ms)
			out = append(out, g)
			continue
		}
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

func sharePlace(a, b []int, ms []mention) bool {
	for _, i := range a {
		for _, j := range b {
			if samePlace(ms[i].Mention, ms[j].Mention) {
				return true
			}
		}
	}
	return false
}

// samePlace reports whether two mentions resolve to one place.
func samePlace(a, b gazetteer.Mention) bool {
	if a.Match.Qualifier != b.Match.Qualifier && (isArea(a) || isArea(b)) {
		return false // "the northern countryside" and "the western countryside" of one governorate
	}
	if a.Match.Place.ID != "" || b.Match.Place.ID != "" {
		return a.Match.Place.ID == b.Match.Place.ID
	}
	return a.Match.Place.Location == b.Match.Place.Location
}

func isArea(m gazetteer.Mention) bool { return mention{Mention: m}.isArea() }

func distinctPlaces(idx []int, ms []mention) []int {
	var out []int
	for _, i := range idx {
		dup := false
		for _, j := range out {
			dup = dup || samePlace(ms[i].Mention, ms[j].Mention)
		}
		if !dup {
			out = append(out, i)
		}
	}
	return out
}

// countIn reports a count with a number stated within sp.
func countIn(s *sentence, sp span) bool {
	for _, c := range s.counts {
		if c.Pos >= sp.Start && c.Pos < sp.End && c.Value != nil {
			return true
		}
	}
	return false
}

// subset reports whether every place of a is one of b's.
func subset(a, b []int, ms []mention) bool {
	for _, i := range a {
		if !sharePlace([]int{i}, b, ms) {
			return false
		}
	}
	return len(a) > 0
}

// without returns the places of a that are not places of b.
func without(a, b []int, ms []mention) []int {
	var out []int
	for _, i := range a {
		if !sharePlace([]int{i}, b, ms) {
			out = append(out, i)
		}
	}
	return out
}
