package extract

import "github.com/mapsrv/mapsrv/gazetteer"

// A village name often has namesakes in other governorates (230 Arabic names
// are shared by 533 OCHA communities). When a sentence also names the
// governorate or the countryside it speaks of ("بمحافظة حماة", "بريف إدلب"),
// a place resolved elsewhere is read again among its namesakes there, and
// dropped from the incident places when it has none.

// agreeWithGovernorate re-resolves the incident places of a sentence against
// the governorate its area mentions name.
func agreeWithGovernorate(ms []mention) {
	gov := ""
	for _, m := range ms {
		if m.role == RoleIncident || m.role == RoleContext {
			if precisionOf(m.Mention) == gazetteer.PrecisionGovernorate && m.Match.Place.Admin1PCode != "" {
				if gov != "" && gov != m.Match.Place.Admin1PCode {
					return // two governorates: nothing to agree with
				}
				gov = m.Match.Place.Admin1PCode
			}
		}
	}
	if gov == "" {
		return
	}
	for i := range ms {
		m := &ms[i]
		if m.role != RoleIncident || m.Match.Place.Admin1PCode == gov || m.Match.Place.Importance >= 0.8 {
			continue
		}
		if alt, ok := namesakeIn(m.Match, gov); ok {
			m.Match.Alternatives = append([]gazetteer.Place{m.Match.Place}, m.Match.Alternatives...)
			m.Match.Place = alt
			m.Match.Precision = kindPrecision(alt.Kind)
			continue
		}
		m.role = RoleContext // a namesake elsewhere: most likely another word or a place the gazetteer lacks
	}
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
