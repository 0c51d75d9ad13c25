package extract

import "strings"

// Syrian news also tells events in the neighbouring countries, often at towns
// whose names Syrian villages share (Hermel, al-Qaim). A place told with a
// foreign country right after it ("in eastern Lebanon", "في البقاع اللبناني",
// "مدينة القائم العراقية") is abroad, and so is the same place told again in
// the passage ("in the town", "Hermel"); an event whose places are all abroad
// is no incident to map. A border named by
// its country ("قرب الحدود اللبنانية", "near the Turkish border") locates a
// Syrian place and says nothing of the kind.

var (
	// foreignCountries name the neighbouring countries; foreignRegions their
	// border regions that Syrian news names alone ("the northern Bekaa").
	foreignCountries = wordSet("لبنان", "العراق", "عراق", "تركيا", "الاردن", "اردن", "lebanon", "iraq", "turkey",
		"jordan", "türkiye", "turkiye")
	foreignRegions = wordSet("البقاع", "بقاع", "عكار", "الانبار", "انبار", "bekaa", "beqaa", "biqa", "akkar", "anbar",
		// the Iraqi and Turkish provinces on the border, and Lebanon's Hermel
		"نينوي", "دهوك", "هاتاي", "كلس", "عنتاب", "اورفا", "ماردين", "الهرمل", "هرمل",
		"nineveh", "ninawa", "duhok", "dohuk", "hatay", "kilis", "gaziantep", "urfa", "sanliurfa", "mardin", "hermel",
		// the Lebanese districts of the Bekaa, told after their towns: "بلدة الكرك – زحلة"
		"زحله", "بعلبك", "zahle", "zahleh", "baalbek")
	// foreignAdjectives follow a place of the country: "القائم العراقية", "البقاع اللبناني".
	foreignAdjectives = wordSet("اللبناني", "اللبنانيه", "العراقي", "العراقيه", "التركي", "التركيه", "الاردني",
		"الاردنيه", "لبنانيه", "عراقيه", "تركيه", "اردنيه")
	// abroadFillers may stand between a place and its country: "in eastern Lebanon",
	// "في شمال العراق", "in the northern Bekaa".
	abroadFillers = wordSet("في", "ب", "in", "the", "of", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
		"غربي", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeastern",
		"northwestern", "southeastern", "southwestern", "منطقه", "area", "region", "محافظه", "ولايه", "province",
		"governorate", "وادي", "سهل", "valley") // "في وادي البقاع", "in the Bekaa valley"
)

// foreignCities are cities abroad that Syrian news names, Syrians' places of
// exile and the neighbouring capitals (foreignCapitals): an unknown name that
// is one of them is no Syrian village the gazetteer lacks.
var foreignCities = func() map[string]bool {
	m := wordSet("اسطنبول", "استنبول", "غازي عنتاب", "عنتاب", "مرسين", "اضنه", "الموصل", "اربيل", "السليمانيه",
		"القاهره", "دبي", "برلين", "موسكو", "طهران",
		"istanbul", "gaziantep", "mersin", "adana", "mosul", "erbil", "sulaymaniyah", "cairo", "dubai", "berlin",
		"moscow", "tehran")
	for w := range foreignCapitals {
		m[w] = true
	}
	return m
}()

// foreignAdjectivesEN name a neighbouring country's places in English: "the
// Lebanese town of X".
var foreignAdjectivesEN = wordSet("lebanese", "iraqi", "turkish", "jordanian")

// foreignTypeBefore reports an English place told as a town or city of a
// neighbouring country: the country's adjective, then a type word (with
// "border" between, maybe) and "of" right before the name, or within the
// mention's own words ("near the Lebanese town of X").
func foreignTypeBefore(toks []token, m mention) bool {
	for j := m.tok0 - 1; j >= 0 && j >= m.tok0-6 && j < len(toks); j-- {
		w := toks[j].Norm
		if !foreignAdjectivesEN[w] {
			continue
		}
		k := j + 1
		if tokAt(toks, k) == "border" {
			k++
		}
		if _, ok := recoverTypes[singular(tokAt(toks, k))]; ok && (tokAt(toks, k+1) == "of" || k+1 >= m.tok0) {
			return true
		}
	}
	for j := m.tok0; j < m.tok1 && j < len(toks); j++ {
		if foreignAdjectivesEN[toks[j].Norm] {
			if _, ok := recoverTypes[singular(tokAt(toks, j+1))]; ok && tokAt(toks, j+2) == "of" {
				return true
			}
		}
	}
	return false
}

// abroad reports a mention told as a place of another country: followed, past
// a preposition and a direction only, by a neighbouring country or one of its
// border regions, or by the country's adjective.
func abroad(text string, toks []token, m mention) bool {
	if foreignRegionName(toks, m) {
		return true
	}
	if isUnknown(m.Mention) && foreignCities[normalize(m.name)] {
		return true // "مدينة إسطنبول", "in Erbil": a city abroad the gazetteer does not hold
	}
	if m.tok1 > m.tok0 && m.tok1 <= len(toks) && foreignAdjectives[toks[m.tok1-1].Norm] {
		return true // "مدينة القائم العراقية" read whole as an unknown name
	}
	if foreignTypeBefore(toks, m) {
		return true // "the Lebanese border town of X", "the Iraqi city of Y"
	}
	for j := m.tok1; j < len(toks) && j < m.tok1+4; j++ {
		if j > 0 && strings.ContainsAny(text[toks[j-1].End:toks[j].Start], ".,،:;()") &&
			!(strings.TrimSpace(text[toks[j-1].End:toks[j].Start]) != "." && toks[j].in(commaSideWords)) {
			return false // "في بلدة X، شمالي محافظة Y": a comma before a direction goes on locating X
		}
		t := toks[j]
		if t.in(foreignCountries) || t.in(foreignRegions) || j == m.tok1 && foreignAdjectives[t.Norm] {
			return true
		}
		if j > m.tok1 && foreignAdjectives[t.Norm] && toks[j-1].in(foreignRegions) {
			return true
		}
		if !t.in(abroadFillers) {
			return false
		}
	}
	return false
}

// foreignRegionName reports a mention that is itself a foreign border region
// ("البقاع", "the Bekaa"), which the gazetteer may read as a Syrian hamlet.
func foreignRegionName(toks []token, m mention) bool {
	for j := m.tok0; j < m.tok1 && j < len(toks); j++ {
		if toks[j].in(foreignRegions) {
			return true
		}
	}
	return false
}

// commaSideWords locate a place from an area after a comma: "، شمالي محافظة Y".
var commaSideWords = wordSet("شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي")

// territoryWords name a country's land or capital: "داخل الأراضي اللبنانية",
// "في العاصمة العراقية".
var territoryWords = wordSet("الاراضي", "اراضي", "العاصمه", "عاصمه", "territory", "territories", "soil")

// insideAbroad reports a sentence telling its events inside a neighbouring
// country's territory or capital ("اعتُقلوا داخل الأراضي اللبنانية", "في الأراضي
// العراقية"); fire "من داخل الأراضي التركية" comes from there and lands at home.
// inCountry reports a neighbouring country told as where something happened
// ("refugees who died in the strikes on Lebanon", "غارات على لبنان", "in
// northern Iraq"): a draft with no place of its own in such a sentence is an
// event abroad.
func inCountry(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if !toks[i].in(countryPreps) {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+3; j++ {
			if toks[j].in(foreignCountries) || toks[j].in(foreignRegions) {
				return true
			}
			if !toks[j].in(abroadFillers) {
				break
			}
		}
	}
	return false
}

// foreignActor reports a sentence whose subject, in its first words, is an
// agency of Lebanon or Iraq: "Lebanon's State Security announced it arrested
// …", "أعلن الجيش اللبناني توقيف …". With no place told, what it did was done
// at home. (Turkey's and Israel's forces strike in Syria: not them.)
func foreignActor(toks []token) bool {
	return anyNear(toks, -1, 1, 6, homeActors)
}

// homeActors name Lebanon and Iraq, and their adjectives, as an agency's.
var homeActors = wordSet("lebanon", "lebanese", "iraq", "iraqi", "اللبناني", "اللبنانيه", "العراقي", "العراقيه")

// countryPreps tell where: "in", "on", "against", "في", "على".
var countryPreps = wordSet("in", "on", "against", "inside", "في", "علي", "داخل")

func insideAbroad(toks []token) bool {
	for i := 0; i+2 < len(toks); i++ {
		w := toks[i].Norm
		if w != "داخل" && w != "في" && w != "بداخل" || i > 0 && toks[i-1].Norm == "من" {
			continue
		}
		if toks[i+1].in(territoryWords) && foreignAdjectives[toks[i+2].Norm] {
			return true
		}
	}
	return false
}
