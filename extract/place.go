package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mapsrv/mapsrv/gazetteer"
	"github.com/paulmach/orb"
)

// precisionOf is a mention's precision, made finer when the place is a
// landmark or a neighbourhood: a blast at a named mosque in a quarter
// happened at the mosque.
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

// capitalsThenSlash reports Latin capitals, spaces and hyphens ending in a
// slash: the first places of a dateline of several ("BANYAS/", "DEIR
// EZ-ZOR/").
func capitalsThenSlash(s string) bool {
	body, ok := strings.CutSuffix(strings.TrimRight(s, " "), "/")
	if !ok || body == "" {
		return false
	}
	for _, r := range body {
		if !(r >= 'A' && r <= 'Z' || r == ' ' || r == '-' || r == '/' || r == '\'') {
			return false
		}
	}
	return true
}

// findDateline returns the end offset of the dateline that opens text, or 0:
// "دمشق-سانا", "حلب ـ الوطن", "دمشق (أ ف ب)", "BEIRUT (Reuters)
// –", "AL-HASAKAH, Syria —", "Damascus, SANA-", "Hama Province, the monitor
// said:". It is a place at the very start followed by a
// dash, a colon, a slash or an outlet in parentheses, or by a comma and a few
// words ending in one of those, all before the first sentence ends.
func findDateline(text string, ms []gazetteer.Mention) (int, int) {
	if end := datelineAt(text, ms); end > 0 {
		return 0, end
	}
	// a headline over the story: "Gunmen kill two in X\n\nHOMS, Syria (Agency) – …"
	nl := strings.IndexByte(text, '\n')
	if nl < 0 {
		return 0, 0
	}
	head := strings.TrimSpace(text[:nl])
	if head == "" || strings.HasSuffix(head, ".") || len(strings.Fields(head)) > 30 {
		return 0, 0
	}
	off := nl + 1
	for off < len(text) && (text[off] == '\n' || text[off] == '\r' || text[off] == ' ' || text[off] == '\t') {
		off++
	}
	var rest []gazetteer.Mention
	for _, m := range ms {
		if m.Start >= off {
			m.Start, m.End = m.Start-off, m.End-off
			rest = append(rest, m)
		}
	}
	if end := datelineAt(text[off:], rest); end > 0 {
		return off, off + end
	}
	return 0, 0
}

// datelineAt returns the end offset of the dateline that opens text, or 0.
func datelineAt(text string, ms []gazetteer.Mention) int {
	if len(ms) == 0 {
		return 0
	}
	if lead := strings.TrimLeft(text[:ms[0].Start], " \t\r\n(«\""); lead != "" && !capitalsThenSlash(lead) {
		return 0 // but "BANYAS/IDLEB/HOMS –": a first place the gazetteer did not read, in capitals, then a slash
	}
	rest := text[ms[0].End:]
	lineEnd := strings.IndexAny(rest, "\n.")
	if lineEnd < 0 {
		lineEnd = len(rest)
	}
	head := rest[:lineEnd]
	trimmed := strings.TrimLeft(skipCaps(head), " \t") // "DEIR EZ-ZOR, Syria —": the rest of a name in capitals
	r, _ := utf8.DecodeRuneInString(trimmed)
	switch {
	case r == '/':
		end := ms[0].End
		for _, m := range ms[1:] {
			if m.Start < end || strings.TrimSpace(text[end:m.Start]) != "/" {
				break
			}
			end = m.End // "Daraa/Sweida, SANA –": a dateline of two places
		}
		return end
	case strings.ContainsRune("-–—ـ:", r):
		return ms[0].End
	case r == '(' && strings.Contains(head, ")"), r == '[' && strings.Contains(head, "]"):
		return ms[0].End // "Damascus (SANA) -", "Damascus [Syria], May 3 :"
	case r == ')' && strings.HasSuffix(strings.TrimSpace(text[:ms[0].Start]), "("):
		return ms[0].End // "(Damascus) Regime helicopters …": the place alone in brackets over the story
	case r == ',' || r == '،':
		if i := strings.IndexAny(head, ":–—-"); i > 0 && len(strings.Fields(head[:i])) <= 8 {
			return ms[0].End + i // "Hama, Aleppo, SANA –": every place before the dash
		}
		if datelineDash(text, ms) > ms[0].End {
			return ms[0].End // "DAMASCUS, Jan. 5, 2025 (Reuters) -": the dot of "Jan." ends no line
		}
	case strings.TrimSpace(head) == "" && lineEnd < len(rest) && rest[lineEnd] == '\n':
		return ms[0].End // a first line holding only the place, over the story
	}
	return 0
}

var (
	directionWords = wordSet("شمال", "شمالي", "جنوب", "جنوبي", "شرق", "شرقي", "غرب", "غربي", "قرب", "بالقرب",
		"قربه", "شمالا", "جنوبا", "شرقا", "غربا", "north", "south", "east", "west", "northeast", "northwest",
		"southeast", "southwest", "near")
	// fillerWords may stand between a place and the reference point after it.
	fillerWords   = wordSet("مدينه", "بلده", "قريه", "محافظه", "من", "في", "ريف", "of", "the", "city", "town", "village")
	distanceWords = wordSet("كم", "كيلومتر", "كيلومترات", "كيلو", "كلم", "متر", "مترا", "امتار", "ميل", "اميال", "بعد",
		"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters")
)

// isDirectional reports whether a mention is qualified by a direction or
// nearness ("شمال إدلب", "west of", "near") rather than by "ريف" (rural).
func isDirectional(m mention, gapWords []string) bool {
	q := strings.ToLower(m.Match.Qualifier)
	if strings.Contains(q, "rural") {
		return false // "بريف اللاذقية الشمالي" is an area holding the place, not a point to measure from
	}
	if q != "" && !strings.Contains(q, "rural") {
		for _, d := range []string{"north", "south", "east", "west", "near"} {
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
func isDistanceRef(text string, m mention, prevEnd int) bool {
	from := min(max(prevEnd, m.Start-40), m.Start) // a mention inside the one before it ("X desert" holds "X") reads from its own start
	for from > 0 && !utf8.RuneStart(text[from]) {
		from++
	}
	words := strings.FieldsFunc(normalize(text[from:m.End]), notWord)
	for k, w := range words {
		if w == "بعد" && (k == 0 || words[k-1] != "علي") {
			continue // "بعد مداهمة منزله في بلدة X": after, not "على بعد" (at a distance)
		}
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

// conjoinedEN reports the words between two English places joined as one
// list: "and", with at most an article and a type word ("and the town of").
func conjoinedEN(words []string) bool {
	if len(words) == 0 || words[0] != "and" || len(words) > 4 {
		return false
	}
	for _, w := range words[1:] {
		if w != "the" && w != "of" && !isTypeWord(w) && !pluralTypeWordEN(w) {
			return false
		}
	}
	return true
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

// assignRoles gives each mention of a sentence its role. dateStart and dateEnd bound
// the text's dateline (both 0 for none).
func assignRoles(text string, toks []token, ms []mention, dateStart, dateEnd int) {
	prev := -1 // last mention that a reference point may locate
	for i := range ms {
		m := &ms[i]
		m.abroad = abroad(text, toks, *m)
		if m.Start >= dateStart && m.Start < dateEnd {
			m.role = RoleDateline
			continue
		}
		if m.role = roleOf(text, toks, ms, i); m.role != RoleIncident {
			continue
		}
		if possessorOf(text, ms, i) {
			m.role = RoleContext // "Idlib's Saraqib", "Daraa's town of Nawa": the event is in the place owned
			continue
		}
		if lineLabel(text, m.Mention) {
			m.role = RoleContext // "• Aleppo: nine drones attacked …": the heading of what the line tells
			continue
		}
		if i > 0 && ms[i-1].role == RoleOrigin && !m.isArea() && conjoinedEN(gapWords(text, ms[i-1].End, m.Start)) {
			m.role = RoleOrigin // "fired from X in the Y countryside and Z in …": both are where the fire came from
			continue
		}
		if i > 0 && ms[i-1].role == RoleIncident && regionOfSettlement(text, ms[i-1], *m) {
			m.role = RoleContext // "بلدة X في منطقة Y": Y is the region X lies in, whatever the gazetteer calls it
			continue
		}
		if (m.ofPrev || locates(text, ms, i)) && i > 0 && inheritsContext[ms[i-1].role] && !buildingAtOrNear(toks, ms[i-1]) {
			m.role = ms[i-1].role // "من أبناء بلدة X في ريف Y": Y is where the home is
			continue
		}
		switch {
		case isDistanceRef(text, *m, endOf(ms, i-1)):
			m.role = RoleReference
		case prev >= 0 && onlyFiller(gapWords(text, ms[prev].End, m.Start)) && !coordinated(text, ms[prev], *m) &&
			isDirectional(*m, gapWords(text, ms[prev].End, m.Start)) &&
			precisionRank(precisionOf(ms[prev].Mention)) <= precisionRank(precisionOf(m.Mention)):
			m.role = RoleReference // "حارم شمال إدلب", "Hamra near Manbij"
		case m.Match.Place.Kind == gazetteer.KindCountry:
			m.role = RoleContext
		default:
			prev = i
		}
	}
	agreeWithGovernorate(ms)
	markContext(text, toks, ms)
}

// possessorOf reports mention i told with an English possessive right before
// the next place, at most a type word between them: "Idlib's Saraqib",
// "Daraa's town of Nawa". The next one is in it.
func possessorOf(text string, ms []mention, i int) bool {
	if i+1 >= len(ms) {
		return false
	}
	r, size := utf8.DecodeRuneInString(text[ms[i].End:])
	if !isApostrophe(r) || !possessive(text, ms[i].End+size, len(text)) {
		return false
	}
	words := gapWords(text, ms[i].End+size+1, ms[i+1].Start)
	return len(words) <= 2 && onlyFiller(words)
}

// lineLabel reports a place that heads a line of a list, a colon after it:
// "• Aleppo: …", "- ريف إدلب: …". The line tells where in it.
//
// Only the marks before it are read back, not the line: looking for the line's
// start cost each place the length of the text before it when the text had no
// line break, the square of a report's length.
func lineLabel(text string, m gazetteer.Mention) bool {
	before := strings.TrimRight(text[:m.Start], " \t•·*-–—")
	if !strings.HasSuffix(before, "\n") {
		return false // more on its line before it, or the text's first line: its dateline, read as such
	}
	after := strings.TrimLeft(text[m.End:], " \t")
	return strings.HasPrefix(after, ":")
}

// regionOfSettlement reports a place told as a region right after a village,
// town or city: "بلدة X في منطقة Y", "قرية X بمنطقة حوض Y", "the town of X in
// the Y area". The settlement is the finer place, though the gazetteer may
// hold a quarter called Y somewhere.
func regionOfSettlement(text string, prev, m mention) bool {
	if prev.phrase == prev.name || !settlementWord(strings.Fields(normalize(prev.phrase))[0]) {
		return false
	}
	gap := gapWords(text, prev.End, m.Start)
	if m.phrase != m.name {
		gap = append(gap, strings.Fields(normalize(m.phrase))[0]) // "في منطقة Y" read with Y's type word
	}
	if len(gap) == 0 || len(gap) > 3 {
		return false
	}
	switch {
	case gap[0] == "في" && len(gap) >= 2 && stemIn(gap[1], regionWords):
		return true
	case stemIn(gap[0], regionWords) && strings.HasPrefix(gap[0], "ب"):
		return true
	}
	return gap[0] == "in" && len(m.Text) > 0 && strings.HasSuffix(strings.ToLower(strings.TrimSpace(text[m.End:min(len(text), m.End+7)])), "area")
}

// regionWords name a region: "منطقة", "region".
var regionWords = wordSet("منطقه", "region")

// settlementWord reports a type word of a village, town or city.
func settlementWord(w string) bool {
	_, ok := settlementKind(w)
	return ok
}

// settlementKind returns the kind a type word of a village, town or city
// names ("بلدة", "the village"), with whatever proclitic it has.
func settlementKind(w string) (gazetteer.Kind, bool) {
	for _, st := range stems(w) {
		switch k := recoverTypes[st]; k {
		case gazetteer.KindVillage, gazetteer.KindTown, gazetteer.KindCity:
			return k, st != "منطقه" && st != "area" && st != "camp" && st != "مخيم"
		}
	}
	return "", false
}

// inheritsContext are the roles whose context plays them too: a home's area,
// an institution's seat. A road's area is where it happened.
var inheritsContext = map[string]bool{RoleOrigin: true, RoleOrganisation: true, RoleDateline: true}

// coordinated reports "X وغربي Y": a second place joined by "و", not a
// reference point for the first.
func coordinated(text string, prev, m mention) bool {
	words := append(gapWords(text, prev.End, m.Start), strings.Fields(normalize(m.Text))...)
	for _, w := range words {
		if w == "و" || w == "and" {
			return true
		}
		if rest, ok := strings.CutPrefix(w, "و"); ok {
			return stemIn(rest, directionWords) || stemIn(rest, fillerWords)
		}
		return false
	}
	return false
}

func endOf(ms []mention, i int) int {
	if i < 0 {
		return 0
	}
	return ms[i].End
}

// markContext turns incident places that contain a finer incident place of the
// same clause ("بريف اللاذقية" after "البدروسية") into context. A place
// joined by "و" stays an incident place of its own.
func markContext(text string, toks []token, ms []mention) {
	starts := clauseStarts(toks)
	for i, m := range ms {
		if m.role != RoleIncident || i > 0 && coordinated(text, ms[i-1], m) {
			continue
		}
		for j, n := range ms {
			if j != i && n.role == RoleIncident && !n.near && within(n.Mention, m.Mention) &&
				clauseOf(starts, n.tok0) == clauseOf(starts, m.tok0) { // "..، في حين ..." tells another event
				ms[i].role = RoleContext
				break
			}
		}
	}
}

// within reports whether the place of inner lies in the coarser area of outer,
// judged by the admin P-codes.
func within(inner, outer gazetteer.Mention) bool {
	rank := precisionRank(precisionOf(inner))
	if isUnknown(inner) && inner.Match.Place.Admin1PCode != "" {
		rank = precisionRank(kindPrecision(inner.Match.Place.Kind)) // "حي X" the gazetteer lacks, placed at its city: a quarter of it
		if precisionRank(inner.Match.Place.PointPrecision) > precisionRank(gazetteer.PrecisionDistrict) &&
			precisionRank(precisionOf(outer)) < precisionRank(gazetteer.PrecisionGovernorate) && outer.Match.Place.Kind != gazetteer.KindCity {
			// one placed at no more than its governorate ("an al-X quarter placed at the
			// countryside west of Y") lies in that area: maybe in its city, whose quarters the
			// gazetteer does not all hold, but in no town or district we can name
			return false
		}
	}
	if rank >= precisionRank(precisionOf(outer)) {
		return false
	}
	in, out := inner.Match.Place, outer.Match.Place
	if isUnknown(outer) && (out.Admin1PCode == "" || precisionRank(kindPrecision(out.Kind)) <= precisionRank(gazetteer.PrecisionTown)) {
		// a name the gazetteer lacks, placed nowhere, or a quarter or village it lacks, placed at
		// the area told with it: it holds nothing we know of ("al-X district" is not the town of Y)
		return false
	}
	switch {
	case precisionOf(outer) == gazetteer.PrecisionCountry || out.Admin1PCode == "":
		return true
	case precisionOf(outer) == gazetteer.PrecisionGovernorate:
		centre := out.Location
		if out.Seat != (orb.Point{}) && strings.Contains(outer.Match.Qualifier, "rural") {
			centre = out.Seat // "ريف حمص الشرقي": east of the city, not of the governorate's middle in the desert
		}
		return in.Admin1PCode == out.Admin1PCode && onSide(in.Location, centre, outer.Match.Qualifier)
	case in.Admin2PCode != "" && out.Admin2PCode != "":
		return in.Admin2PCode == out.Admin2PCode
	}
	return in.Admin1PCode == out.Admin1PCode
}

// placeRef describes a mention for a candidate's place list.
func placeRef(m mention, role string) PlaceRef {
	p := m.Match.Place
	text := m.phrase
	if text == "" {
		text = m.name
	}
	return PlaceRef{Text: text, NameEN: p.NameEN, Lat: p.Location.Lat(), Lon: p.Location.Lon(),
		Admin1PCode: p.Admin1PCode, Role: role}
}

// onSide reports whether a point lies on the side of an area's centre that a
// qualifier names: "western rural Daraa" holds no town east of Daraa's centre.
// A point exactly unknown, or a qualifier with no direction, is on every side.
func onSide(p, centre orb.Point, qualifier string) bool {
	if p == (orb.Point{}) || centre == (orb.Point{}) {
		return true
	}
	const margin = 0.05 // degrees: the centre's own surroundings belong to every side
	q := strings.ToLower(qualifier)
	switch {
	case strings.Contains(q, "north") && p.Lat() < centre.Lat()-margin,
		strings.Contains(q, "south") && p.Lat() > centre.Lat()+margin,
		strings.Contains(q, "east") && p.Lon() < centre.Lon()-margin,
		strings.Contains(q, "west") && p.Lon() > centre.Lon()+margin:
		return false
	}
	return true
}

// skipCaps skips the words written in capitals at the start of s: the rest of
// a dateline's place name ("EZ-ZOR" after "DEIR").
func skipCaps(s string) string {
	for {
		t := strings.TrimLeft(s, " ")
		end := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsUpper(r) })
		if end < 2 {
			return s
		}
		s = t[end:]
	}
}

// locates reports an area told right after the place before it, which it holds:
// "Saraqib city in the eastern countryside of Idlib", "X (Damascus countryside)".
func locates(text string, ms []mention, i int) bool {
	if i == 0 || ms[i].Start < ms[i-1].End || ms[i].Start-ms[i-1].End > 8 {
		return false
	}
	gap := strings.TrimSpace(strings.Trim(text[ms[i-1].End:ms[i].Start], " ,،(\"”“«»"))
	return (gap == "" || gap == "in" || gap == "in the" || gap == "في") && (within(ms[i-1].Mention, ms[i].Mention) ||
		ms[i-1].role == RoleOrigin && ms[i].isArea() && ms[i-1].Match.Place.Admin1PCode == ms[i].Match.Place.Admin1PCode) ||
		(gap == "على" || gap == "علي") && ms[i-1].role == RoleOrigin && precisionRank(precisionOf(ms[i].Mention)) > precisionRank(gazetteer.PrecisionTown) // "من مدينة جبلة على الساحل": the coast it lies on
}

// datelineDash returns the offset of the dash that ends a wire dateline with
// a date, "DAMASCUS, Jan 5 (Reuters) -" or "حلب، 5 أيار (سانا) –", or 0 when
// the text opens otherwise. A date before it is when the report was filed.
func datelineDash(text string, ms []gazetteer.Mention) int {
	line := text[:min(len(text), 120)]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	dash := strings.IndexAny(line, "-–—")
	if dash <= 0 || !strings.ContainsAny(line[:dash], ",،") {
		return 0
	}
	head := strings.TrimLeft(line, " \t(«\"")
	capsName := len(head)-len(skipCaps(head)) >= 3
	placeFirst := len(ms) > 0 && strings.TrimLeft(text[:ms[0].Start], " \t\r\n(«\"") == "" && ms[0].End < dash
	if !capsName && !placeFirst {
		return 0
	}
	return dash
}
