package extract

import (
	"strings"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// A village name often has namesakes in other governorates (230 Arabic names
// are shared by 533 OCHA communities). When a sentence also names the
// governorate or the countryside it speaks of ("بمحافظة حماة", "بريف إدلب"),
// a place resolved elsewhere is read again among its namesakes there, and
// dropped from the incident places when it has none.

// agreeWithGovernorate re-resolves the incident places of a sentence against
// the governorate its area mentions name, and its neighbourhoods against the
// city it names.
func agreeWithGovernorate(ms []mention) {
	area := sentenceArea(ms, func(m mention) bool { return precisionOf(m.Mention) == gazetteer.PrecisionGovernorate })
	city := sentenceArea(ms, func(m mention) bool { return m.Match.Place.Kind == gazetteer.KindCity && !isUnknown(m.Mention) })
	for i := range ms {
		m := &ms[i]
		in := area
		if city != nil && (m.Match.Place.Kind == gazetteer.KindNeighbourhood || quarterTyped(*m)) {
			in = city // "حي X ... في حمص": a quarter of the city told with it, whatever its namesakes elsewhere
		}
		if in == nil || m.role != RoleIncident || m.Match.Place.Admin1PCode == in.Match.Place.Admin1PCode ||
			m.Match.Place.Importance >= 0.8 || namesOwnGovernorate(ms, i) {
			continue
		}
		gov := in.Match.Place.Admin1PCode
		if alt, ok := namesakeIn(m.Match, gov); ok {
			readAs(&m.Match, alt)
			continue
		}
		if typedName(*m) {
			// "قرية X بريف حماة" with X known only elsewhere: a village the gazetteer lacks
			known := namesakes(m.name, m.Match, in.Match.Place.Admin1PCode)
			m.Match = unknownPlace(m.name, m.Match.Place.Kind, isLatin(gazetteer.Normalize(m.name)), in)
			m.Match.Alternatives = known
			continue
		}
		m.role = RoleContext // a namesake elsewhere: most likely another word or a place the gazetteer lacks
	}
}

// sentenceArea returns the incident or context mention of a sentence that
// is (ok) such an area, when all of them lie in one governorate.
func sentenceArea(ms []mention, ok func(mention) bool) *gazetteer.Mention {
	var area *gazetteer.Mention
	for i, m := range ms {
		if (m.role == RoleIncident || m.role == RoleContext) && ok(m) && m.Match.Place.Admin1PCode != "" {
			if area != nil && area.Match.Place.Admin1PCode != m.Match.Place.Admin1PCode {
				return nil // two governorates: nothing to agree with
			}
			area = &ms[i].Mention
		}
	}
	return area
}

// readAs makes alt the place of m, keeping the place it had first among the
// alternatives: a namesake the text's context chose.
func readAs(m *gazetteer.Match, alt gazetteer.Place) {
	m.Alternatives = append([]gazetteer.Place{m.Place}, m.Alternatives...)
	m.Place = alt
	m.Precision = kindPrecision(alt.Kind)
}

// namesakeIn returns the first alternative of a match in governorate gov.
func namesakeIn(m gazetteer.Match, gov string) (gazetteer.Place, bool) {
	for _, p := range m.Alternatives {
		if p.Admin1PCode == gov && p.Kind != gazetteer.KindGovernorate {
			return p, true
		}
	}
	return gazetteer.Place{}, false
}

// kindPrecision is the precision a place of kind k stands for.
func kindPrecision(k gazetteer.Kind) gazetteer.Precision {
	switch k {
	case gazetteer.KindLandmark:
		return gazetteer.PrecisionExact
	case gazetteer.KindNeighbourhood:
		return gazetteer.PrecisionNeighbourhood
	case gazetteer.KindDistrict, gazetteer.KindSubdistrict:
		return gazetteer.PrecisionDistrict
	case gazetteer.KindGovernorate, gazetteer.KindRegion:
		return gazetteer.PrecisionGovernorate
	case gazetteer.KindCountry:
		return gazetteer.PrecisionCountry
	}
	return gazetteer.PrecisionTown
}

// quarterTyped reports a mention told as a quarter by its type word ("حي X",
// "the X neighborhood"): a name of a city's quarter, even when the gazetteer
// knows it only as a village elsewhere.
func quarterTyped(m mention) bool {
	if m.phrase == m.name {
		return false
	}
	w := strings.Fields(normalize(m.phrase))
	return len(w) > 1 && (w[0] == "حي" || w[0] == "الحي" || recoverTypes[w[len(w)-1]] == gazetteer.KindNeighbourhood && w[len(w)-1] != "district")
}

// typedName reports a mention told with a type word before or after its
// name ("قرية X", "the village of X", "the X neighborhood"), which says that
// the name is a place's.
func typedName(m mention) bool {
	return m.phrase != m.name && m.Match.Place.Kind != gazetteer.KindGovernorate && m.Match.Qualifier == ""
}

// namesOwnGovernorate reports another place of the sentence, not a
// governorate, in the governorate of ms[i]: "the town of X in the countryside
// of Y (Z)" with Z the city of X's governorate gives two readings, and the
// place's own is kept. A reference point locates the place too: "مدينة سرمين،
// شرق مدينة إدلب، … بينما … بريف دمشق" keeps Sarmin in Idlib.
func namesOwnGovernorate(ms []mention, i int) bool {
	for j, m := range ms {
		if j != i && (m.role == RoleIncident || m.role == RoleContext || m.role == RoleReference) && precisionOf(m.Mention) != gazetteer.PrecisionGovernorate &&
			!isUnknown(m.Mention) &&
			m.Match.Place.Admin1PCode == ms[i].Match.Place.Admin1PCode {
			return true
		}
	}
	return false
}
