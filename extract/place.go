package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// precisionOf is a mention's precision, made finer when the place is a
// landmark or a neighbourhood: "كنيسة مار إلياس في حي الدويلعة" happened at
// the church.
func precisionOf(m gazetteer.Mention) gazetteer.Precision {
	switch {
	case m.Match.Place.Kind == gazetteer.KindLandmark && m.Match.Qualifier == "":
		return gazetteer.PrecisionExact
	case m.Match.Place.Kind == gazetteer.KindNeighbourhood && m.Match.Qualifier == "" &&
		precisionRank(m.Match.Precision) > precisionRank(gazetteer.PrecisionNeighbourhood):
		return gazetteer.PrecisionNeighbourhood
	}
	return m.Match.Precision
}

// precisionRank orders geo precisions from the finest (0) to the coarsest.
func precisionRank(p gazetteer.Precision) int {
	switch p {
	case gazetteer.PrecisionExact:
		return 0
	case gazetteer.PrecisionNeighbourhood:
		return 1
	case gazetteer.PrecisionTown:
		return 2
	case gazetteer.PrecisionDistrict:
		return 3
	case gazetteer.PrecisionGovernorate:
		return 4
	}
	return 5
}

// findDateline returns the index of the mention that opens text as a dateline
// ("دمشق-سانا:", "(إدلب) -"), or -1.
func findDateline(text string, ms []gazetteer.Mention) int {
	for i, m := range ms {
		if strings.TrimLeft(text[:m.Start], " \t\r\n(«\"") != "" {
			return -1 // only the first words of a text can be a dateline
		}
		rest := strings.TrimLeft(text[m.End:], " \t)")
		if r, _ := utf8.DecodeRuneInString(rest); r == '-' || r == '–' || r == '—' || r == ':' || r == '/' {
			return i
		}
	}
	return -1
}

var (
	directionWords = wordSet("شمال", "شمالي", "جنوب", "جنوبي", "شرق", "شرقي", "غرب", "غربي", "قرب", "بالقرب",
		"قربه", "محيط", "اطراف", "ضواحي", "شمالا", "جنوبا", "شرقا", "غربا")
	// fillerWords may stand between a place and the reference point after it.
	fillerWords   = wordSet("مدينه", "بلده", "قريه", "محافظه", "من", "في", "ريف")
	distanceWords = wordSet("كم", "كيلومتر", "كيلومترات", "كلم", "متر", "مترا", "امتار", "ميل", "اميال", "بعد")
)

// isDirectional reports whether a mention is qualified by a direction or
// nearness ("شمال إدلب", "west of", "near") rather than by "ريف" (rural).
func isDirectional(text string, m gazetteer.Mention, gapWords []string) bool {
	q := strings.ToLower(m.Match.Qualifier)
	if q != "" && !strings.Contains(q, "rural") {
		for _, d := range []string{"north", "south", "east", "west", "near", "outskirts", "around"} {
			if strings.Contains(q, d) {
				return true
			}
		}
	}
	words := append(strings.Fields(normalize(m.Text)), gapWords...)
	for _, w := range words {
		if stemIn(w, directionWords) {
			return true
		}
	}
	return false
}

// isDistanceRef reports a distance before or inside the mention: "٨٠ كم شرقي".
func isDistanceRef(text string, m gazetteer.Mention, prevEnd int) bool {
	from := max(prevEnd, m.Start-40)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from++
	}
	for _, w := range strings.FieldsFunc(normalize(text[from:m.End]), notWord) {
		if distanceWords[w] {
			return true
		}
	}
	return false
}

func notWord(r rune) bool { return !isWordRune(r) }

// gapWords returns the normalised words between two byte offsets.
func gapWords(text string, from, to int) []string {
	if from >= to {
		return nil
	}
	return strings.FieldsFunc(normalize(text[from:to]), func(r rune) bool { return !isWordRune(r) && r != '%' })
}

// onlyFiller reports whether every word is a direction or filler word, so two
// places so separated are "X شمال Y", "X بريف Y", "X، في محافظة Y".
func onlyFiller(words []string) bool {
	for _, w := range words {
		if !stemIn(w, directionWords) && !stemIn(w, fillerWords) {
			return false
		}
	}
	return len(words) <= 3
}

// roles assigns a role to each mention of one sentence (ms sorted by Start).
// dateline is the index in ms of the text's dateline, or -1.
func roles(text string, ms []gazetteer.Mention, dateline int) []string {
	out := make([]string, len(ms))
	prev := -1 // last mention that can anchor a reference point
	for i, m := range ms {
		switch {
		case i == dateline:
			out[i] = RoleDateline
			continue
		case isDistanceRef(text, m, endOf(ms, i-1)):
			out[i] = RoleReference
		case prev >= 0 && onlyFiller(gapWords(text, ms[prev].End, m.Start)) && !coordinated(text, ms[prev], m) &&
			isDirectional(text, m, gapWords(text, ms[prev].End, m.Start)) &&
			precisionRank(precisionOf(ms[prev])) <= precisionRank(precisionOf(m)):
			out[i] = RoleReference // "الدانا شمال إدلب"
		case prev >= 0 && joinedByWa(text, ms[prev], m) && betweenBefore(text, ms[prev]):
			out[i] = RoleContext // "على الطريق بين السويداء ودمشق": one road, told from its start
		default:
			out[i] = RoleIncident
			prev = i
		}
	}
	markContext(text, ms, out)
	return out
}

// coordinated reports "X وغربي Y": a second place joined by "و", not a
// reference point for the first.
func coordinated(text string, prev, m gazetteer.Mention) bool {
	words := append(gapWords(text, prev.End, m.Start), strings.Fields(normalize(m.Text))...)
	for _, w := range words {
		if w == "و" {
			return true
		}
		if rest, ok := strings.CutPrefix(w, "و"); ok {
			return stemIn(rest, directionWords) || stemIn(rest, fillerWords)
		}
		return false
	}
	return false
}

// joinedByWa reports "X وY": m follows prev after the conjunction "و", alone
// or glued to m's name (which does not itself start with "و").
func joinedByWa(text string, prev, m gazetteer.Mention) bool {
	gap := gapWords(text, prev.End, m.Start)
	if len(gap) == 1 && gap[0] == "و" {
		return true
	}
	return len(gap) == 0 && strings.HasPrefix(normalize(m.Text), "و") &&
		!strings.HasPrefix(normalize(m.Match.Place.NameAR), "و")
}

// betweenBefore reports "بين" among the two words before m.
func betweenBefore(text string, m gazetteer.Mention) bool {
	words := gapWords(text, max(0, m.Start-30), m.Start)
	for k := max(0, len(words)-2); k < len(words); k++ {
		if words[k] == "بين" {
			return true
		}
	}
	return false
}

func endOf(ms []gazetteer.Mention, i int) int {
	if i < 0 {
		return 0
	}
	return ms[i].End
}

// markContext turns incident places that contain a finer incident place of the
// same sentence ("بريف اللاذقية" after "البدروسية"), and the country when
// anything finer is named, into context. A place joined by "و" stays an
// incident place of its own.
func markContext(text string, ms []gazetteer.Mention, role []string) {
	for i, m := range ms {
		if role[i] != RoleIncident || i > 0 && coordinated(text, ms[i-1], m) {
			continue
		}
		for j, n := range ms {
			if j != i && role[j] == RoleIncident && within(n, m) {
				role[i] = RoleContext
				break
			}
		}
	}
}

// within reports whether the place of inner lies in the coarser area of outer,
// judged by the admin P-codes.
func within(inner, outer gazetteer.Mention) bool {
	if precisionRank(precisionOf(inner)) >= precisionRank(precisionOf(outer)) {
		return false
	}
	in, out := inner.Match.Place, outer.Match.Place
	switch {
	case precisionOf(outer) == gazetteer.PrecisionCountry || out.Admin1PCode == "":
		return true
	case precisionOf(outer) == gazetteer.PrecisionGovernorate:
		return in.Admin1PCode == out.Admin1PCode
	case in.Admin2PCode != "" && out.Admin2PCode != "":
		return in.Admin2PCode == out.Admin2PCode
	}
	return in.Admin1PCode == out.Admin1PCode
}

// placeRef describes a mention for a candidate's place list.
func placeRef(m gazetteer.Mention, role string) PlaceRef {
	p := m.Match.Place
	return PlaceRef{Text: m.Text, NameEN: p.NameEN, Lat: p.Location.Lat(), Lon: p.Location.Lon(),
		Admin1PCode: p.Admin1PCode, Role: role}
}

// bareName strips a leading preposition or conjunction from a place as written:
// "بريف اللاذقية" → "ريف اللاذقية", "في حلب" → "حلب".
func bareName(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"في ", "إلى ", "الى ", "على "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, p := range []string{"وب", "ول", "وفي", "و", "ب", "ل", "ف"} {
		rest, ok := strings.CutPrefix(s, p)
		if ok && startsWithPlaceWord(rest) {
			return rest
		}
	}
	return s
}

// startsWithPlaceWord reports whether s, once a proclitic is cut, still looks
// like a name: it starts with the article or a place noun, which a bare root
// ("بنش", "لطمين") does not.
func startsWithPlaceWord(s string) bool {
	for _, p := range []string{"ال", "ريف", "مدينة", "بلدة", "قرية", "حي", "منطقة", "محافظة", "شمال", "جنوب", "شرق", "غرب"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
