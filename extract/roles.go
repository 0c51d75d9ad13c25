package extract

import (
	"slices"
	"strings"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// A place named in a news sentence is not always where the event happened. The
// words around it say what else it is: the report's dateline, a landmark to
// measure from ("80 كم شرقي دير الزور", "near Saraqeb"), the ends of a road
// ("طريق نوى – الشيخ مسكين", "the road between X and Y"), someone's home or a trip's
// start and end ("من أبناء بلدة", "ينحدر من", "a resident of", "traveling from X
// to Y"), or part of a name ("قسم شرطة الميدان", "قيادة الشرطة في محافظة
// حماة", "شبكة درعا 24"). The cue words below are those of Syrian security
// news in general, Arabic (normalised) and English (lower case) side by side.

var (
	// orgHeads head the name of an institution, unit, group or outlet whose
	// name or seat may hold a place.
	// Agents that act where they are ("الشرطة", "قوات الأمن", "the army") are
	// not among them: "اعتقلت الشرطة في حمص" happened in Homs.
	orgHeads = wordSet("قياده", "قائد", "مديريه", "مدير", "قسم", "فرع", "مخفر", "مجلس", "هيئه", "جبهه", "مختار",
		"فيلق", "لواء", "كتائب", "كتيبه", "فرقه", "تجمع", "شبكه", "تلفزيون", "اذاعه", "قناه", "صحيفه",
		"وكاله", "تنسيقيه", "محافظ", "الجهات", "جهات", "مراسل", "مراسلنا", "مراسله", "مراسلو", "ناشط", "الناشط",
		"command", "directorate", "council", "department", "branch", "correspondent", "reporter", "governor",
		"network", "brigade", "division", "agency",
		// a source or an authority speaks from its seat: "مصدر في قيادة شرطة حمص", "a source in the authorities in Homs"
		"مصدر", "مصادر", "وزاره", "source", "sources", "authorities", "ministry",
		// a hospital or prison named after its town is where the wounded were taken, not the place
		"مشفي", "مستشفي", "مشفيي", "مستشفيي", "مشافي", "المشافي", "مستشفيات", "المستشفيات", "سجن", "hospital", "hospitals", "prison",
		// chambers named after their seat: "غرفة تجارة X", "غرفة صناعة Y"
		"غرفه", "chamber")
	// seatWords before a place tell where an outlet or a body sits: "ومقرها
	// دمشق", "ومقره في لندن".
	seatWords = wordSet("مقرها", "مقره", "مقرهم")
	// orgFillers may stand between an institution's head word and its seat:
	// "قيادة الشرطة في محافظة حماة", "قسم شرطة الميدان".
	orgFillers = wordSet("الامن", "امن", "الداخلي", "العام", "الجنائي", "العسكري", "السياسي", "الجوي", "الجويه",
		"المخابرات", "الشرطه", "شرطه", "العامه", "الامنيه", "الاعلامي", "الاعلاميه", "المحلي", "المحليه",
		"العسكريه", "الثوري", "المختصه", "المعنيه", "صحه", "الصحه", "health", "اعلاميه", "محليه", "امنيه", "طبيه", "ميدانيه", "مطلعه", "خاصه", "في", "من", "سانا", "نيوز", "بلدي", "الاخباريه", "internal", "security",
		"military", "police", "general", "in", "of", "the", "provincial", "local", "s", "competent",
		// the words of armed groups' names: "هيئة تحرير الشام", "أحرار الشام"
		"تحرير", "احرار", "الحر", "الوطني", "الاسلامي", "الاسلاميه", "الشعبي", "الشعبيه", "الديمقراطيه",
		"التحرير", "الدفاع", "liberation", "free", "national", "islamic", "democratic",
		// what a chamber is of: "غرفة صناعة X", "غرفة تجارة وصناعة Y"
		"تجاره", "صناعه", "وصناعه", "زراعه", "سياحه", "commerce", "industry")
	// originWords before a place make it someone's home: "من أبناء بلدة",
	// "ينحدر من", "من سكان", "a resident of", "a native of".
	originWords = wordSet("ابناء", "ابن", "سكان", "ينحدر", "تنحدر", "المنحدر", "المنحدره", "ينحدرون", "المنحدرين",
		"يتحدر", "المتحدر", "نازح", "النازح", "نازحي", "النازحين", "مهجر", "المهجر", "مهجري", "اهالي", "resident",
		"residents", "native", "natives", "hometown", "hails", "originally", "displaced")
	// residenceWords within a few words before "في"/"in" make the place a home.
	residenceWords = wordSet("يقيم", "تقيم", "يقيمون", "المقيم", "المقيمين", "يقطن", "القاطن", "يسكن", "lives", "lived",
		"living", "residing", "resides")
	// moveWords make "من X" and "إلى Y" the ends of a journey, a transfer or a route.
	moveWords = wordSet("توجه", "توجهه", "توجهها", "توجههم", "توجهت", "يتوجه", "متوجه", "متوجها", "متوجهين", "المتوجه",
		"المتوجهه", "المتوجهين", "قادم", "قادما", "قادمين", "انطلق",
		"انطلقت", "انطلاقا", "عودته", "عودتهم", "عوده", "طريقه", "طريقهم", "رحله", "سفره", "مسافر", "مسافرين",
		"تهريب", "للتهريب", "نقل", "نقله", "نقلهم", "نزوح", "وصولا", "اتجاه",
		// the attackers' flight: "قبل أن يفر المسلحون باتجاه X", "لاذوا بالفرار نحو Y"
		"فر", "يفر", "فروا", "يفرون", "فرار", "الفرار", "بالفرار", "هرب", "يهرب", "هربوا", "يهربون", "هروب", "لاذ", "لاذوا",
		// a force's withdrawal: "قبل الانسحاب منها إلى البادية"
		"انسحب", "انسحبت", "انسحبوا", "انسحاب", "الانسحاب", "withdrew", "withdrawing", "withdrawal", "retreated",
		"travelling", "traveling", "heading",
		"headed", "journey", "route", "trip", "travel", "returning", "driving", "bound", "transferred", "smuggled",
		"direction", "fleeing", "fled", "way")
	// tripPreps link a place to a journey: "من", "إلى", "to", "from".
	tripPreps = wordSet("من", "الي", "حتي", "نحو", "باتجاه", "وصولا", "from", "to", "toward", "towards", "via")
	// roadWords name a road: "طريق X – Y", "الطريق الواصل بين X وY", "the X-Y highway".
	roadWords = wordSet("طريق", "الطريق", "طريقي", "اوتستراد", "اوتوستراد", "الاوتستراد", "الاوتوستراد", "اتستراد",
		"road", "highway", "motorway")
	// roadFillers may stand between a road word and its first end.
	roadFillers = wordSet("الواصل", "الرابط", "الدولي", "السريع", "الرئيسي", "القديم", "العام", "الزراعي", "الترابي", "الفرعي", "بين", "مدينتي",
		"المركزي", "الوحيد", "الحيوي", "الاستراتيجي", "مدينه", "بلده", "قريه",
		"بلدتي", "قريتي", "منطقتي", "between", "the", "linking", "connecting", "international", "main", "old", "agricultural", "dirt", "farm",
		// a road told by where it goes: "الطريق المؤدي إلى X", "the road leading to the village of X"
		"المؤدي", "المؤديه", "الي", "leading", "going", "to", "village", "town", "of")
	// roadJoins join a road's two ends.
	roadJoins = wordSet("و", "الي", "and", "to")
	// streetWords before (Arabic) or after (English) a place name make it the
	// name of a street or square: "شارع بغداد", "Baghdad street".
	streetWords = wordSet("شارع", "دوار", "ساحه", "جسر", "street", "roundabout", "square", "avenue", "bridge",
		// a city gate named after the town it faces: "دوار باب X", "قرب باب Y"
		"باب", "بوابه")
	// personNouns before "من" make the place someone's home: "شاب من بلدة X",
	// "a farmer from Saraqib".
	personNouns = wordSet("شاب", "شابا", "رجل", "رجلا", "مدني", "مدنيا", "طفل", "طفلا", "امراه", "سيده", "فتاه",
		"عنصر", "عنصرا", "مقاتل", "مقاتلا", "سائق", "سائقا", "تاجر", "مزارع", "راعي", "مواطن", "مواطنا",
		"شبان", "مدنيين", "اطفال", "عناصر", "مقاتلين", "مواطنين", "اشخاص", "اشخاصا", "شخص", "شخصا",
		// duals as a subject ("قُتل شابان من مدينة X"), not as the object a kidnapping took from X ("شابين")
		"شابان", "رجلان", "طفلان", "مدنيان", "عنصران", "مقاتلان", "عائله", "driver",
		"man", "men", "woman", "women", "civilian", "civilians", "boy", "girl", "child", "children", "farmer",
		"shepherd", "trader", "merchant", "family", "youth", "resident", "fighter", "fighters", "member", "members",
		// people named by their role: "a commander from X", "an activist from Y"
		"leader", "commander", "official", "officer", "soldier", "soldiers", "activist", "journalist", "doctor",
		"teacher", "student", "students", "worker", "workers", "policeman", "militant", "militants", "people", "person")
)

// roleOf decides what mention i of a sentence is, from the words around it.
func roleOf(text string, toks []token, ms []mention, i int) string {
	m := ms[i]
	switch {
	case isOrganisation(text, toks, m):
		return RoleOrganisation
	case isOrigin(text, toks, m):
		return RoleOrigin
	case isRoad(toks, ms, i) && !villageRoad(text, toks, ms, i):
		return RoleRoute
	case isTrip(toks, ms, i), firedFrom(toks, m), stationedAt(toks, m), leftAtHospital(toks, m):
		return RoleOrigin
	case isStreetName(toks, m):
		return RoleStreet
	case m.tok0 > 0 && toks[m.tok0-1].in(belongWords) && namedBefore(ms, i, m.tok0-1):
		return RoleContext // "(تتبع مصياف)", "التابعة لمحافظة حماة": what a named place belongs to
	case plannedTarget(toks, m):
		return RoleContext // "men who planned to abduct a trader from the village of X": the plan's place
	case eventBefore(toks, m):
		return RoleContext // "following the X blasts, four bombings rocked Y": the place of the event told before
	case inOngoingClause(toks, m):
		return RoleContext // "…، حيث تواصل القوات حملة التمشيط ضمن مدينة X": where the operation goes on, not the event's place
	}
	return RoleIncident
}

// inOngoingClause reports a place in a clause opened by "حيث", a verb of
// going on and an operation ("حيث تواصل القوات حملة التمشيط ضمن مدينة X",
// "where the forces continue their operations in X"): the area of an
// operation still under way, told after the event, not where the event was.
// Fighting that goes on ("حيث تتواصل الاشتباكات في X") is the event's.
func inOngoingClause(toks []token, m mention) bool {
	for j := m.tok0 - 1; j >= 0 && j >= m.tok0-20; j-- {
		if w := toks[j].Norm; w == "حيث" || w == "where" {
			return anyNear(toks, j, 1, 3, goingOnVerbs) && anyNear(toks, j, 2, 12, operationWords)
		}
	}
	return false
}

// goingOnVerbs tell an operation going on: "تواصل", "تستمر", "continue".
var goingOnVerbs = wordSet("تواصل", "يواصل", "تتواصل", "تستمر", "يستمر", "continue", "continues", "continuing")

// eventBefore reports an English place named as the adjective of an
// incident noun after "after the", "following the": "Following the Jableh
// blasts, …" names where an earlier event was, not where the one told is.
func eventBefore(toks []token, m mention) bool {
	if m.tok0 < 2 || m.tok1 >= len(toks) || !isLatin(toks[m.tok0].Norm) || toks[m.tok0-1].Norm != "the" || !afterWords[toks[m.tok0-2].Norm] {
		return false
	}
	_, ok := lookup(toks[m.tok1].Norm)
	return ok
}

// belongSpan is how many words may describe what belongs to a place between
// its name and the word of belonging: "قرية X الصغيرة التابعة لناحية Y".
const belongSpan = 4

// namedBefore reports a place named in the words just before the word of
// belonging at toks[at]: then the place after it is that place's area. An
// area told without a name ("منطقة جبلية تابعة لقرية X", "مزرعة تابعة لبلدة
// Y") is where the incident was, and the place it belongs to is its place.
func namedBefore(ms []mention, i, at int) bool {
	for j := i - 1; j >= 0; j-- {
		if ms[j].tok1 <= at && ms[j].tok1 >= at-belongSpan {
			return true
		}
	}
	return false
}

// planWordsEN before "to" tell an intention: "who planned to", "plotting to".
var planWordsEN = wordSet("planned", "planning", "plotting", "plotted", "intended", "intending", "aiming", "sought", "seeking")

// plannedTarget reports an English place within a clause of intention after
// a relative pronoun or a participle ("who planned to abduct a trader from
// X", "planning to attack X"): where the plan was to happen, not where the
// event told happened.
func plannedTarget(toks []token, m mention) bool {
	for j := m.tok0 - 1; j >= 1 && j >= m.tok0-14; j-- {
		if !isLatin(toks[j].Norm) || toks[j].Norm == "and" || toks[j].Norm == "but" {
			return false
		}
		if planWordsEN[toks[j].Norm] && tokAt(toks, j+1) == "to" {
			return true
		}
	}
	return false
}

// capitalisedTail reports one or two capitalised words from toks[k] ending in
// an institution's word, with no punctuation between: "Security Directorate",
// "Internal Security Command".
func capitalisedTail(text string, toks []token, k int) bool {
	for j := k; j < len(toks) && j <= k+2; j++ {
		if !capitalised(text, toks[j]) || j > k && strings.ContainsAny(text[toks[j-1].End:toks[j].Start], ".,:;") {
			return false
		}
		if j > k && orgTailsEN[toks[j].Norm] {
			return true
		}
	}
	return false
}

// orgTailsEN follow a place in the English name of an institution.
var orgTailsEN = wordSet("government", "regime", "council", "command", "directorate", "hospital", "prison", "police",
	"governorate's", "authorities", "administration", "university",
	"civil", "internal", "security", "health", // "Idlib's civil defense said", "Suwayda's internal security chief": the place's services, not where it happened
	// a force named after its seat: "Damascus forces", as Kurdish outlets call the government's
	"forces", "troops", "militia", "militias",
	// an outlet named after a place: "Aleppo FM", "Homs TV", "Hama Radio"
	"fm", "tv", "radio", "television", "channel", "newspaper")

// belongWords say that what was named before belongs to the place after them.
var belongWords = wordSet("تتبع", "يتبع", "تابع", "تابعه", "التابعه", "التابع", "تتبعان")

// before returns the normalised words of the k tokens before token i.
func wordsBefore(toks []token, i, k int) []string {
	var out []string
	for j := max(0, i-k); j < i; j++ {
		out = append(out, toks[j].Norm)
	}
	return out
}

func anyIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if stemIn(w, set) {
			return true
		}
	}
	return false
}

// actorPreps before a capital's name make it its government.
var actorPreps = wordSet("مع", "بين", "with", "between")

// isOrganisation reports a place that is part of an institution's, group's or
// outlet's name or seat: the words before it lead back to a head word through
// words of such names only ("قيادة الأمن الداخلي في محافظة"), or it stands in
// quotation marks with words that are not place words ("«حلب اليوم»").
func isOrganisation(text string, toks []token, m mention) bool {
	if k := m.tok1 + boolInt(tokAt(toks, m.tok1) == "s"); k < len(toks) && m.End < len(text) && possessiveAfter(text, m.End) && toks[k].in(reporterWordsEN) {
		return true // "according to Rudaw's reporter": an outlet, however a village is spelt
	}
	if m.Match.Place.Importance >= 0.95 && m.tok0 > 0 && actorPreps[toks[m.tok0-1].Norm] {
		return true // "تنسيق مع دمشق", "talks between Damascus and": the government, not the city
	}
	if m.Match.Place.Importance >= 0.95 && backedBy(toks, m.tok0) {
		return true // "a militia supported by Damascus", "الفصائل الموالية لدمشق": the government, not the city
	}
	for j := m.tok0 - 1; j >= 0 && j >= m.tok0-5; j-- {
		w := toks[j].Norm
		if strings.TrimPrefix(w, "ال") == "محافظه" {
			break // "شبان ينتمون إلى المحافظة في ريف حماة": the governorate, not "his governor" (محافظ)
		}
		if orgHeads[w] || toks[j].in(orgHeads) && !strings.HasPrefix(w, "و") || titleOf(toks, j) {
			return !seatOfTheAct(toks, m, j)
		}
		if !orgFillers[w] && !toks[j].in(orgFillers) {
			break
		}
	}
	if m.tok0 > 0 && toks[m.tok0-1].in(seatWords) || m.tok0 > 1 && toks[m.tok0-2].in(seatWords) && toks[m.tok0-1].Norm == "في" {
		return true // "إذاعة محلية ومقرها دمشق", "المنظمة ومقرها في لندن": where a source sits
	}
	if m.tok0 > 0 && m.tok0+1 < len(toks) && toks[m.tok0].Norm == "محافظه" && toks[m.tok0-1].in(reportWords) {
		return true // "وفقاً لما نشرته محافظة طرطوس", "أعلنت محافظة حمص": the governor's office told it
	}
	for j := m.tok0 - 2; j >= 0 && j >= m.tok0-4; j-- {
		if toks[j].in(hospitalHeads) && !isLatin(toks[j].Norm) {
			return !seatOfTheAct(toks, m, j) // "نقل المصابين إلى مشفيي المجتهد والمواساة بدمشق": the hospitals' city
		}
	}
	if isLatin(m.Match.Query+"a") && tokAt(toks, m.tok1) == "s" && orgTailsEN[tokAt(toks, m.tok1+1)] {
		return true // "Assad's militia", "Idlib's police": whose force it is
	}
	if isLatin(m.Match.Query+"a") && m.tok1 < len(toks) && orgTailsEN[toks[m.tok1].Norm] && !strings.ContainsAny(text[m.End:toks[m.tok1].Start], ".,:;") {
		// "the Damascus government forces", "Raqqa Military Council", "Idlib Central Prison"; but
		// "inside the X police station", "on the campus of the X prison": the building where it happened
		return !anyNear(toks, m.tok0, -4, -1, insideWordsEN)
	}
	if isLatin(m.Match.Query+"a") && capitalisedTail(text, toks, m.tok1) {
		return true // "the Tartus Security Directorate", "the Homs Health Directorate": capitalised words, then the tail
	}
	if m.tok1 < len(toks) && isNumber(toks[m.tok1].Norm) && !strings.ContainsAny(text[m.End:toks[m.tok1].Start], ".،,:()[]-–") &&
		(m.tok1+1 >= len(toks) || !toks[m.tok1+1].in(distanceWords)) {
		// "السويداء 24": an outlet; "درعا 2025" is not, nor a distance after the
		// name ("بلدة X (50 كم شمال Y)", "X 12 km north of Y")
		return len(toks[m.tok1].Norm) <= 3
	}
	return quotedTitle(text, m) || correspondentIn(text, toks, m)
}

// backingWords tell whom a force serves: "supported by", "loyal to",
// "المدعومة من", "الموالية ل".
var backingWords = wordSet("supported", "backed", "loyal", "affiliated", "allied", "linked", "aligned", "funded",
	"مدعومه", "المدعومه", "مدعوم", "المدعوم", "مواليه", "المواليه", "الموالي", "موالي", "الموالين", "موالين",
	"التابعين", "المقربه", "مقربه")

// backedBy reports a place at toks[at] named as whom a force serves: a
// backing word and "by", "to", "من" or "ل" glued to the name.
func backedBy(toks []token, at int) bool {
	if at < 1 {
		return false
	}
	if toks[at-1].in(backingWords) {
		return strings.HasPrefix(toks[at].Norm, "ل") // "الموالية لدمشق"
	}
	switch toks[at-1].Norm {
	case "by", "to", "with", "من":
		return at >= 2 && toks[at-2].in(backingWords)
	}
	return false
}

// correspondentWords name a reporter, whose post a place after "في"/"in" may
// tell: "أفاد مراسل X في درعا", "the agency's correspondent in Hama".
var correspondentWords = wordSet("مراسل", "مراسلنا", "مراسله", "مراسلو", "مراسلي", "correspondent", "reporter")

// correspondentIn reports a place told as where a reporter is posted: the
// reporter, the outlet's name of any words, then "في"/"in" and the place.
// The event told after it may have happened anywhere.
func correspondentIn(text string, toks []token, m mention) bool {
	if m.tok0 < 2 || toks[m.tok0-1].Norm != "في" && toks[m.tok0-1].Norm != "in" {
		return false
	}
	for j := m.tok0 - 2; j >= 0 && j >= m.tok0-6; j-- {
		if strings.ContainsAny(text[toks[j].End:toks[j+1].Start], ".:،,؛;") {
			return false // "مراسل X: اجتماع في بلدة Y": what the reporter tells
		}
		if toks[j].in(correspondentWords) {
			return true
		}
		if _, ok := lookup(toks[j].Norm); ok {
			return false // "قُتل مراسل … في قصف على درعا": the event's place
		}
	}
	return false
}

// hospitalHeads head the names of hospitals, which may be names of their
// own ("مشفى المجتهد") before the city they stand in.
var hospitalHeads = wordSet("مشفي", "مستشفي", "مشفيي", "مستشفيي", "مشافي", "المشافي", "مستشفيات", "المستشفيات")

// titlesEN are English titles of office that, followed by "of", hold the
// seat of the office: "head of internal security in X province", "the chief
// of police of Y". Without "of" they are other words ("shot in the head in Z").
var titlesEN = wordSet("head", "chief", "director", "commander", "spokesman", "spokesperson", "mayor")

// titleOf reports toks[j] an English title of office followed by "of".
func titleOf(toks []token, j int) bool {
	return titlesEN[toks[j].Norm] && j+1 < len(toks) && toks[j+1].Norm == "of"
}

// seatOfTheAct reports an English institution told with "in" before a place
// where the sentence says the act happened, not whose name or seat the
// place is: the authority is the doer of a deed told right after the place
// ("authorities in X seized ammunition", "the authorities in X have arrested"),
// or the institution is a landmark the event was near ("fell near the
// hospital in X", "in the vicinity of the prison in X"). Speech ("authorities
// in X said") and a trip to it ("taken to a hospital in X") keep the seat.
func seatOfTheAct(toks []token, m mention, head int) bool {
	if !isLatin(toks[head].Norm) {
		return buildingAttackedOrNear(toks, m, head) || premisesOf(toks, m, head) || officeHolderStruck(toks, m, head)
	}
	if !slices.Contains(wordsBefore(toks, m.tok0, m.tok0-head), "in") {
		return false
	}
	if anyNear(toks, head, -4, -1, nearLandmarkEN) || anyNear(toks, head, -4, -1, insideWordsEN) || anyNear(toks, head, -16, -1, attackVerbsEN) {
		return true // "near the hospital in X", "inside the branch in X", "targeted ... the party branch in X"
	}
	if anyNear(toks, head, -4, -1, breakUpVerbsEN) {
		return true // "dismantled a smuggling network in X": the group broken up where it was
	}
	if atBuilding(toks, head) && anyNear(toks, head, -12, -1, actVerbsEN) {
		return true // "arrested two doctors at the hospital in X": the building where it happened
	}
	k := m.tok1
	if k < len(toks) && (toks[k].Norm == "have" || toks[k].Norm == "has") {
		k++
	}
	if k >= len(toks) {
		return false
	}
	w := toks[k].Norm
	if isLatin(w) && strings.HasSuffix(w, "ed") && !speechVerbsEN[w] {
		return true
	}
	if w == "in" && tokAt(toks, k+1) == "cooperation" || w == "together" || w == "jointly" {
		// "the branch in X, in cooperation with the directorate, arrested …": the deed after the aside
		for j := k + 1; j < len(toks) && j <= k+10; j++ {
			if lexiconWord(toks[j].Norm) && strings.HasSuffix(toks[j].Norm, "ed") {
				return true
			}
		}
	}
	return false
}

// officeHolderStruck reports an Arabic title of office right after an
// incident word and told "في" a place: "اغتيال المختار في قرية X", "اعتقال
// قائد الفصيل في بلدة Y": the man struck or taken there, not the seat of his
// office alone.
func officeHolderStruck(toks []token, m mention, head int) bool {
	if head == 0 || m.tok0 < 1 || !toks[head].in(officeTitles) || toks[m.tok0-1].Norm != "في" && !strings.HasPrefix(toks[m.tok0].Norm, "ب") {
		return false
	}
	_, ok := lookup(toks[head-1].Norm)
	return ok && !chargedWith(toks, head-1)
}

// officeTitles are the people an office names: a village's mukhtar, a
// unit's commander, a directorate's head.
var officeTitles = wordSet("مختار", "المختار", "قائد", "القائد", "مدير", "المدير", "رئيس", "الرئيس", "متزعم", "زعيم")

// buildingAttackedOrNear reports an Arabic institution's building told with
// "في" or "بـ" before a place, where the sentence has the event at the
// building ("هاجم مسلحون مخفراً في بلدة X", "استهداف مخفر بمدينة X") or near
// it ("بجانب مخفر بمدينة X", "قرب المشفى الوطني في مدينة Y"): the place is
// where the building stands, not its name or seat ("قسم شرطة الميدان",
// "نقل إلى مشفى في مدينة X" keep theirs).
func buildingAttackedOrNear(toks []token, m mention, head int) bool {
	if !toks[head].in(buildingHeads) {
		return false
	}
	if !locatedAfter(toks, m, head) {
		return false
	}
	return anyNear(toks, head, -2, -1, atBuildingWords) || anyNear(toks, head, -4, -1, attackBuildingVerbs) ||
		buildingStruckAfter(toks, m, head)
}

// premisesOf reports an institution told as whose building or premises
// stand at the place after it: "قرب مبنى يتبع لوزارة الداخلية في حي X",
// "استُهدف مقر لقيادة الشرطة بمدينة Y". The place is where the building is,
// not the institution's name or seat.
func premisesOf(toks []token, m mention, head int) bool {
	return locatedAfter(toks, m, head) && anyNear(toks, head, -3, -1, premisesWords)
}

// locatedAfter reports the place m told with "في" after the institution at
// toks[head], or with "ب" glued to it: where the institution stands.
func locatedAfter(toks []token, m mention, head int) bool {
	return slices.Contains(wordsBefore(toks, m.tok0, m.tok0-head), "في") || strings.HasPrefix(toks[m.tok0].Norm, "ب")
}

// premisesWords name a building or a seat as a thing that stands somewhere.
var premisesWords = wordSet("مبني", "مبنى", "المبني", "المبنى", "مباني", "المباني", "مقر", "مقرا", "المقر", "مقرات", "المقرات")

// buildingAtOrNear reports a mention that names a building (a hospital, a
// prison) told as where the event was or what it was near: "خلف مشفى X في
// بلدة Y", "استهدف سجن X في Y". The place after it is where the building
// stands, the event's, not an institution's seat.
func buildingAtOrNear(toks []token, m mention) bool {
	head := m.tok0 - 1
	if head < 0 || !toks[head].in(buildingHeads) {
		return false
	}
	return anyNear(toks, head, -2, -1, atBuildingWords) || anyNear(toks, head, -4, -1, attackBuildingVerbs) ||
		buildingStruckAfter(toks, m, head)
}

// buildingStruckAfter reports the building at toks[head] named again later in
// the sentence as what an attack struck: "جرح مدنيون في مشفى X بمدينة Y، بغارات
// استهدفت المشفى": the hospital in Y was the target, and Y the incident's place,
// not the city a hospital's wounded were taken to.
func buildingStruckAfter(toks []token, m mention, head int) bool {
	for j := m.tok1; j < len(toks)-1 && j < m.tok1+24; j++ {
		if !toks[j].in(attackBuildingVerbs) && !toks[j].in(strikeVerbs) {
			continue
		}
		for k := j + 1; k <= j+2 && k < len(toks); k++ {
			if w := toks[k].Norm; w == "ال"+toks[head].Norm || w == toks[head].Norm {
				return true
			}
		}
	}
	return false
}

var (
	// buildingHeads are institutions that are also buildings.
	buildingHeads = wordSet("مخفر", "مخفرا", "مشفي", "مستشفي", "سجن", "فرع", "مديريه")
	// atBuildingWords right before a building tell an event at it or near it.
	atBuildingWords = wordSet("قرب", "بقرب", "بالقرب", "جانب", "بجانب", "امام", "مقابل", "محيط", "بمحيط", "خلف",
		"علي", "استهداف", "مهاجمه", "اقتحام", "داخل")
	// attackBuildingVerbs, with their subject between, tell an attack on it.
	attackBuildingVerbs = wordSet("استهدف", "استهدفت", "استهدفوا", "هاجم", "هاجمت", "هاجموا", "اقتحم", "اقتحمت", "اقتحموا")
)

// nearLandmarkEN before an institution make it the landmark an event was near.
var nearLandmarkEN = wordSet("near", "nearby", "vicinity", "outside", "beside", "opposite", "close", "next", "around")

// insideWordsEN tell a building as where something happened: "inside the
// police station", "on the campus of", "in the courtyard of".
// atBuilding reports "at" before the head word of a building, with only
// articles and adjectives between: "at the public hospital".
func atBuilding(toks []token, head int) bool {
	for j := head - 1; j >= 0 && j >= head-3; j-- {
		if toks[j].Norm == "at" {
			return true
		}
		if !isLatin(toks[j].Norm) || stopWord(toks[j].Norm) && toks[j].Norm != "the" && toks[j].Norm != "a" {
			return false
		}
	}
	return false
}

// actVerbsEN are the deeds of security news told as done at a building:
// arrests and attacks.
var actVerbsEN = wordSet("arrested", "detained", "apprehended", "raided", "stormed", "kidnapped", "abducted",
	"killed", "shot", "attacked", "wounded", "injured", "seized")

var insideWordsEN = wordSet("inside", "within", "campus", "courtyard", "premises", "compound", "gate", "entrance")

// attackVerbsEN make what follows them the target of an attack: an
// institution they hit is where the attack happened.
var attackVerbsEN = wordSet("targeted", "attacked", "stormed", "struck", "bombed", "shelled", "raided", "besieged")

// breakUpVerbsEN take a group as their object where it was broken up:
// "dismantled a cell in X", "busted a network in Y".
var breakUpVerbsEN = wordSet("dismantled", "busted", "uncovered", "broke", "dismantling", "uncovering")

// speechVerbsEN are the English verbs by which an authority speaks.
var speechVerbsEN = wordSet("said", "reported", "announced", "stated", "told", "added", "confirmed", "claimed", "noted",
	"explained", "revealed", "indicated", "denied", "warned", "declared", "published", "posted", "issued", "stressed",
	"urged", "called", "accused", "asked", "demanded", "mentioned", "estimated", "recorded", "documented")

// shamName reports "الشام" (the Levant, and Damascus in speech) told after a
// word it completes rather than after a preposition: the end of a group's
// name ("تحرير الشام", "أحرار الشام", "فيلق الشام").
func shamName(toks []token, m mention) bool {
	if m.tok0 > 0 && m.tok1 == m.tok0+1 && shamAfter(toks[m.tok0].Norm, toks[m.tok0-1].Norm) {
		return true
	}
	// English spells it "al-Sham" ("Hayat Tahrir al-Sham", "Ahrar al-Sham"), the
	// article read into the mention or not
	j := m.tok0
	if tokAt(toks, j) != "al" {
		j--
	}
	nameEnd := m.NameEnd // the name's own end: "Al-Sham in Aleppo" was read with its context
	if nameEnd == 0 {
		nameEnd = m.End
	}
	if j < 1 || tokAt(toks, j) != "al" || tokAt(toks, j+1) != "sham" || toks[j+1].End < nameEnd {
		return false
	}
	return !placePreps[toks[j-1].Norm]
}

// shamAfter reports the word w, after prev, as "الشام" ending a group's name.
func shamAfter(w, prev string) bool {
	return strings.TrimPrefix(w, "و") == "الشام" && !placePreps[prev]
}

// pronouns before "من" make the place someone's home: "أنهم من بلدة X".
var pronouns = wordSet("انه", "انها", "انهم", "انهما", "هو", "هي", "هم", "هما", "وهو", "وهي", "وهم", "وهما", "بانه", "بانها", "بانهم", "وانه") // "وقالوا بأنه من قرية X": his home

// actorName reports a name told right after a word for an armed force, as
// the name of that force: "قوات الأسد", "جيش الإسلام", "فلول النظام"; but not
// one told near: "تابع للجيش قرب مدينة X".
func actorName(toks []token, m mention) bool {
	return m.tok0 > 0 && toks[m.tok0-1].in(actorNouns) && !isTypeWord(toks[m.tok0].Norm) && !toks[m.tok0].in(nearWords)
}

// actorNouns head the name of an armed force.
var actorNouns = wordSet("قوات", "جيش", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "فلول", "كتائب", "الويه", "forces", "militia", "militias")

// placePreps come before a place told as such: "في الشام", "إلى الشام".
var placePreps = wordSet("في", "الي", "من", "نحو", "باتجاه", "داخل", "قرب", "in", "to", "from")

// quotedTitle reports a place name that opens a quoted title with more words
// after it: «حلب اليوم», "Suwayda 24".
func quotedTitle(text string, m mention) bool {
	open := strings.TrimRight(text[max(0, m.Start-4):m.Start], " ")
	if !strings.HasSuffix(open, "«") && !strings.HasSuffix(open, "\"") && !strings.HasSuffix(open, "“") {
		return false
	}
	rest := text[m.End:min(len(text), m.End+34)] // a mark that starts within 30 bytes: looking through all the rest cost every name after an opening mark the rest of the text
	end := strings.IndexAny(rest, "»\"”")
	if end <= 0 || end > 30 {
		return false
	}
	return strings.TrimSpace(rest[:end]) != ""
}

// reporterWordsEN are those who report for an outlet, told after its name
// and "'s".
var reporterWordsEN = wordSet("reporter", "reporters", "correspondent", "correspondents", "journalist", "journalists", "crew")

// possessiveAfter reports "'s" (or "’s") right at byte offset at.
func possessiveAfter(text string, at int) bool {
	return strings.HasPrefix(text[at:], "'s ") || strings.HasPrefix(text[at:], "’s ")
}

// isOrigin reports someone's home or residence: "من أبناء بلدة X", "ينحدر من X",
// "قرية X التي ينحدر منها", "يقيم في X", "a resident of X", "a driver from X".
func isOrigin(text string, toks []token, m mention) bool {
	prev := slices.DeleteFunc(wordsBefore(toks, m.tok0, 3), sonOfSomeone)
	if anyIn(prev, originWords) && !(m.tok0 > 0 && (toks[m.tok0-1].Norm == "في" || toks[m.tok0-1].Norm == "in")) {
		return true // but "a school sheltering displaced families in X", "خيام النازحين في X", "سمع الأهالي في مدينة X": where they are now
	}
	if m.tok0 > 0 && (toks[m.tok0-1].Norm == "في" || toks[m.tok0-1].Norm == "in") && anyIn(wordsBefore(toks, m.tok0-1, 4), residenceWords) {
		return true
	}
	from := m.tok0 - 1
	if from >= 2 && toks[from].Norm == "of" && isLatin(toks[from-1].Norm) {
		if _, ok := recoverTypes[singular(toks[from-1].Norm)]; ok {
			from -= 2 // "a boy from the village of X", X read without its type word
		}
	}
	if from > 0 && (toks[from].Norm == "the" || toks[from].Norm == "al" || toks[from].Norm == "el") {
		from-- // "three shepherds from the Hama governorate", "a boy from al X village" (an article written apart)
	}
	if from >= 0 && (toks[from].Norm == "من" || toks[from].Norm == "from") {
		far := wordsBefore(toks, from, 8)
		who := from - 1
		if who > 0 && (otherWords[toks[who].Norm] || toks[who].Norm == "other" || toks[who].Norm == "another") && personNouns[toks[who-1].Norm] {
			who-- // "وقُتل شخص آخر من بلدة X": another person's home
		}
		if anyIn(far, originWords) || from > 0 && (personNouns[toks[who].Norm] || enPersons[toks[from-1].Norm] || pronouns[toks[from-1].Norm] || capitalised(text, toks[from-1])) {
			return true
		}
		if from > 0 && (passiveAux[toks[from-1].Norm] || copulaEN[toks[from-1].Norm]) || agedFrom(text, toks, from) {
			return true // "the third victim, who was from X", "a man, 45, from X": someone's home
		}
		if from > 0 && quoteBefore(text, toks[from-1].End, toks[from].Start) && !takenFrom(toks, from) {
			return true // "قُتل المجند “فلان” من محافظة حلب": a quoted name's home
		}
		if victimsNamedBefore(toks, from) {
			return true // "والقتلى هم (سامر العلي من بلدة X و…)": a named victim's home
		}
	}
	after := wordsAfter(toks, m.tok1, 3)
	if len(after) < 2 || after[0] != "التي" && after[0] != "الذي" {
		return false
	}
	// "قرية X التي ينحدر منها", "مدينة X التي يقيم فيها", unless the event is
	// told there ("قتل في بلدة X التي يقيم فيها", "في محيط قرية X التي ينحدر منها")
	at := m
	if at.tok0 > 1 && edgeWords[toks[at.tok0-1].Norm] {
		at.tok0-- // "في محيط بلدة X"
	}
	return (anyIn(after[1:], originWords) || anyIn(after[1:], residenceWords)) && !locativeBefore(toks, at)
}

// sonOfSomeone reports "ابنه", "وابنها", "ابناؤهم": someone's son or sons,
// kin of a person told, not "ابن بلدة X", a native of a place.
func sonOfSomeone(w string) bool {
	w = strings.TrimPrefix(w, "و")
	for _, head := range []string{"ابن", "ابناو", "ابناء", "ابناي"} {
		if rest, ok := strings.CutPrefix(w, head); ok && rest != "" && strings.HasPrefix(rest, "ه") {
			return true
		}
	}
	return false
}

// quoteBefore reports a closing quotation mark between two offsets: Arabic
// news quotes a person's name, and "من X" right after it is his home.
func quoteBefore(text string, from, to int) bool {
	if from < 0 || to > len(text) || from >= to {
		return false
	}
	return strings.ContainsAny(text[from:to], "”\"»")
}

// takenFrom reports a kidnapping or an arrest told within five words before
// "من" at toks[from]: "اختطاف الشيخ “فلان” من بلدة X" tells where he was taken.
func takenFrom(toks []token, from int) bool {
	for j := from - 1; j >= 0 && j >= from-5; j-- {
		if lx, ok := lookup(toks[j].Norm); ok && (lx.typ == TypeKidnapping || lx.typ == TypeArrest) {
			return true
		}
	}
	return false
}

// victimsNamedBefore reports "من" at toks[from] in a list naming the victims,
// within thirty words of its opening ("القتلى هم", "بينهم", "منهم") with no
// incident word between: Arabic writes no capitals, so the list tells that
// the words before "من" are a person's name.
func victimsNamedBefore(toks []token, from int) bool {
	for j := from - 1; j >= 0 && j >= from-30; j-- {
		w := toks[j].Norm
		if w == "بينهم" || w == "منهم" || w == "وبينهم" || (w == "هم" || w == "وهم" || w == "هما" || w == "وهما") && anyNear(toks, j, -3, -1, victimNouns) {
			return true // "والقتلى هم …", "وعُرفت هوية اثنين من القتلى هما: X من بلدة Y"
		}
		if isLatin(w) || lexiconWord(w) {
			return false
		}
	}
	return false
}

// victimNouns name the people an event killed or hurt, as a list's head.
var victimNouns = wordSet("القتلي", "الضحايا", "الشهداء", "المصابين", "المصابون", "الجرحي", "المختطفين", "المعتقلين")

// copulaEN before "from" tell where someone is from: "who is from X".
var copulaEN = wordSet("is", "are")

// agedFrom reports "from" at toks[from] right after an age set off by commas
// after a name: "Ahmad al-Ali, 38, from X" tells the man's home.
func agedFrom(text string, toks []token, from int) bool {
	if from < 2 || toks[from].Norm != "from" {
		return false
	}
	age := toks[from-1]
	if !isNumber(age.Norm) || len(age.Norm) > 3 {
		return false
	}
	return strings.Contains(text[toks[from-2].End:age.Start], ",") && strings.Contains(text[age.End:toks[from].Start], ",")
}

// locativeBefore reports a place told with "في" or a glued "ب" before it:
// where something happened.
func locativeBefore(toks []token, m mention) bool {
	return m.tok0 > 0 && (toks[m.tok0-1].Norm == "في" || toks[m.tok0-1].Norm == "وفي") ||
		m.tok0 < len(toks) && strings.HasPrefix(toks[m.tok0].Norm, "ب")
}

func wordsAfter(toks []token, i, k int) []string {
	var out []string
	for j := i; j < len(toks) && j < i+k; j++ {
		out = append(out, toks[j].Norm)
	}
	return out
}

// dropVerbs take or leave someone somewhere: "ألقوه أمام باب المستشفى",
// "dumped him outside the hospital".
var dropVerbs = wordSet("رموه", "رموها", "رماه", "رمي", "رموا", "القوه", "القوها", "القاه", "نقلوه", "نقلوها", "نقله",
	"اوصلوه", "اوصله", "تركوه", "تركوها", "وضعوه", "اسعف", "اسعفوه", "dumped", "dropped", "left", "taken", "rushed")

// leftAtHospital reports a hospital, or the town after it, told as where
// someone hurt was taken or left: "وبعد ساعات ألقوه أمام باب مستشفى Y في
// مدينة X". The hospital is where he ended up, not where he was hurt.
func leftAtHospital(toks []token, m mention) bool {
	head := -1
	for j := m.tok0; j >= 0 && j >= m.tok0-4 && j < len(toks); j-- {
		if toks[j].in(hospitalHeads) {
			head = j
			break
		}
	}
	if head < 0 {
		return false
	}
	return anyNear(toks, head, -6, -1, dropVerbs)
}

// isTrip reports the start or end of a journey, transfer or route: "من X إلى
// Y", "أثناء توجهه إلى X", "traveling from X to Y", "heading to X".
func isTrip(toks []token, ms []mention, i int) bool {
	m := ms[i]
	if m.tok0 == 0 {
		return false
	}
	k := m.tok0 - 1
	if k > 0 && (toks[k].Norm == "العاصمه" || toks[k].Norm == "capital") {
		k-- // "من العاصمة دمشق إلى X": the capital named after its title
	}
	if k > 0 && toks[k].Norm == "the" && tripPreps[toks[k-1].Norm] {
		k-- // "en route to the X airport"
	}
	p := toks[k].Norm
	if toks[m.tok0-1].in(moveWords) && strings.HasPrefix(toks[m.tok0].Norm, "ل") {
		return true // "أثناء توجهه لمدينة X": "لـ" glued to the place is "إلى"
	}
	if !tripPreps[p] {
		return tripBefore(toks, m) // "heading to an observation point in X"
	}
	if anyIn(wordsBefore(toks, k, 6), moveWords) {
		return true
	}
	// "من X إلى Y": a pair of ends, whatever the verb
	if p == "من" || p == "from" {
		return i+1 < len(ms) && ms[i+1].tok0 == m.tok1+1 && tripPreps[toks[m.tok1].Norm] && toks[m.tok1].Norm != "من"
	}
	if i > 0 && ms[i-1].tok1+1 == m.tok0 && (p == "الي" || p == "to") && m.tok0 > 1 {
		q := ms[i-1]
		return q.tok0 > 0 && (toks[q.tok0-1].Norm == "من" || toks[q.tok0-1].Norm == "from")
	}
	return false
}

// sideWords after "من" or "from" name where fire came from: "من جهة X",
// "من اتجاه X", "from the direction of X", "from positions in X".
var (
	sideWords = wordSet("جهه", "اتجاه", "ناحيه", "مواقع", "مناطق", "direction", "positions", "side")
	// landingPreps tell where fire fell, after where it came from.
	landingPreps = wordSet("علي", "في", "الي", "on", "in", "at", "into", "onto", "to", "targeting", "hitting")
)

// firedFrom reports a place told as where fire was launched from, not where it
// fell: "أطلقت من جهة بلدة X", "fired from the direction of X", "from the
// direction of the occupied Golan".
func firedFrom(toks []token, m mention) bool {
	if firedFromTo(toks, m) {
		return true
	}
	for j := m.tok0 - 1; j >= 1 && j >= m.tok0-5; j-- {
		if isCountWord(toks[j].Norm) || lexiconWord(toks[j].Norm) || landingPreps[toks[j].Norm] {
			return false // "من جهة X على Y": Y is where it fell
		}
		if toks[j].in(sideWords) {
			k := j - 1
			if toks[k].Norm == "the" && k > 0 {
				k--
			}
			return toks[k].Norm == "من" || toks[k].Norm == "from"
		}
	}
	return false
}

// firedFromTo reads the English "fired shells from X on Y", "launched rockets
// from X at Y", "shells from X hit Y": a firing or weapon word shortly before
// "from X", and a word of landing right after X, make X where the fire came
// from and Y where it fell.
func firedFromTo(toks []token, m mention) bool {
	f := m.tok0 - 1
	for g := f; g >= 2 && g >= m.tok0-5; g-- {
		if toks[g].Norm == "from" && (toks[g-1].Norm == "launched" || toks[g-1].Norm == "fired") && toks[g-2].in(passiveAux) {
			return true // "the shells had been fired from (the eastern edge of) X": where they came from, whatever follows
		}
		if !edgeFillersEN[toks[g].Norm] {
			break
		}
	}
	if f < 1 || toks[f].Norm != "from" || m.tok1 >= len(toks) || toks[m.tok1].Norm == "in" ||
		!landingPreps[toks[m.tok1].Norm] && !toks[m.tok1].in(hitVerbsEN) {
		return false
	}
	for j := f - 1; j >= 0 && j >= f-3; j-- {
		if toks[j].in(firingWordsEN) || toks[j].in(artilleryWords) || toks[j].in(airWords) {
			return true
		}
	}
	return false
}

// edgeFillersEN may stand between "from" and the place fire came from: "from
// the eastern edge of X".
var edgeFillersEN = wordSet("the", "of", "edge", "edges", "outskirts", "eastern", "western", "northern", "southern", "from")

// firingWordsEN are English verbs of firing; hitVerbsEN tell where fire fell
// ("shells from X hit Y").
var (
	firingWordsEN = wordSet("fired", "launched", "shelled", "fire", "firing", "launching", "shelling", "lobbed")
	hitVerbsEN    = wordSet("hit", "struck", "targeted", "pounded", "fell", "landed")
)

// stationedWords tell where a force that fires is posted: "المدفعية المتمركزة
// في X", "مسلحون يتحصنون في X", "mercenaries stationed at X".
var stationedWords = wordSet("المتمركزه", "المتمركز", "المتمركزين", "متمركزه", "متمركزين", "تتمركز", "يتمركز",
	"يتمركزون", "يتحصن", "يتحصنون", "المتحصنين", "المتحصنه", "متحصنين", "stationed", "positioned", "entrenched")

// zoneWordsEN name the kind of area a force is posted in, between the verb of
// posting and the place: "posted in the buffer zone in X".
var zoneWordsEN = wordSet("zone", "zones", "area", "areas", "region", "buffer", "de", "escalation", "demilitarized",
	"demilitarised", "frontline", "frontlines", "outskirts", "parts", "countryside")

// pluralTypeWordEN reports an English type word in the plural: "towns", "villages".
func pluralTypeWordEN(w string) bool {
	base, ok := strings.CutSuffix(w, "s")
	return ok && isLatin(w) && isTypeWord(base)
}

// postedAfterAgent tell a post too, but only after a noun of armed men:
// "terrorists located in X fired", not "the village, located in Y, was
// shelled".
var postedAfterAgent = wordSet("located", "based", "deployed")

// armedMenEN are the nouns of armed men a verb of posting may follow.
var armedMenEN = wordSet("terrorists", "militants", "gunmen", "fighters", "forces", "troops", "rebels", "groups",
	"militias", "factions", "insurgents", "jihadists", "soldiers", "units", "members", "elements", "mercenaries")

var (
	stationFillers = wordSet("في", "ب", "in", "at", "the", "al", "el", "of",
		// "posted in the towns adjacent to the western countryside of Y"
		"adjacent", "near", "to", "and", "المحاذيه", "المجاوره", "القريبه", "من", "northern", "southern", "eastern", "western",
		"northwestern", "northeastern", "southwestern", "southeastern")
	postNounsEN = wordSet("checkpoint", "checkpoints", "post", "posts", "base", "bases", "position", "positions", "patrol", "unit")
)

// stationedAt reports a place told as where a force that fires is posted, when
// the sentence goes on to an incident word or a place it fired on: the origin
// of the fire, not where it fell. A post that was itself attacked ("تعرض
// الحاجز المتمركز في X لهجوم", "was attacked") is the place.
func stationedAt(toks []token, m mention) bool {
	for j := m.tok0 - 1; j >= 0 && j >= m.tok0-10; j-- {
		if toks[j].in(postedAfterAgent) && (j == 0 || !toks[j-1].in(armedMenEN)) {
			return false
		}
		if !toks[j].in(stationedWords) && !toks[j].in(postedAfterAgent) {
			if !stationFillers[toks[j].Norm] && !isTypeWord(toks[j].Norm) && !pluralTypeWordEN(toks[j].Norm) && !zoneWordsEN[toks[j].Norm] {
				return false // only "في", "at the", a type word between: "المتمركزة في بلدة X", "in the towns of X"
			}
			continue
		}
		if j > 0 && (toks[j-1].in(siteNouns) || toks[j-1].in(postNounsEN)) {
			return false // "الحاجز المتمركز في X", "the checkpoint stationed in X": a post, where it was hit
		}
		for k := max(0, j-6); k < len(toks); k++ {
			if toks[k].in(subjectedWords) || passiveBefore(toks, k) && k > j {
				return false
			}
		}
		for k := range toks {
			if k < j && lexiconWord(toks[k].Norm) || k >= m.tok1 && (lexiconWord(toks[k].Norm) || landingPreps[toks[k].Norm] && toks[k].Norm != "في" && toks[k].Norm != "in") {
				return true // "استهدفت المدفعية المتمركزة في X أراضي Y", "stationed at X fired on Y"
			}
		}
		return false
	}
	return false
}

// tripBefore reports a place told as where a journey went, a few words after
// its preposition: "on his way to a checkpoint in Jisr al-Shughur".
func tripBefore(toks []token, m mention) bool {
	if p := toks[m.tok0-1].Norm; p != "في" && p != "in" && p != "at" {
		return false
	}
	for j := m.tok0 - 2; j >= 0 && j >= m.tok0-8; j-- {
		if isCountWord(toks[j].Norm) || lexiconWord(toks[j].Norm) {
			return false
		}
		if tripPreps[toks[j].Norm] && toks[j].Norm != "من" && toks[j].Norm != "from" && anyIn(wordsBefore(toks, j, 3), moveWords) {
			return true
		}
	}
	return false
}

func lexiconWord(w string) bool {
	_, ok := lookup(w)
	return ok
}

// isRoad reports a road named by its ends or by a town it leads to: "طريق
// معرة النعمان", "الطريق الواصل بين X وY", "طريق نوى – الشيخ مسكين", "the road
// between X and Y", "the Aleppo-Damascus highway".
func isRoad(toks []token, ms []mention, i int) bool {
	if roadWordBefore(toks, ms[i]) {
		return true
	}
	m := ms[i]
	if m.isArea() {
		return false
	}
	// the second end: joined to the first by "-", "و", "إلى", "and"
	if i > 0 && roadWordBefore(toks, ms[i-1]) {
		gap := m.tok0 - ms[i-1].tok1
		if gap == 0 || gap == 1 && roadJoins[toks[m.tok0-1].Norm] {
			return true
		}
	}
	// "طريق X – Y" with X a name the gazetteer lacks: a road word, one to three
	// words of that name, and a dash (more than a space) before m
	if m.tok0 >= 2 && toks[m.tok0].Start-toks[m.tok0-1].End > 1 {
		for j := m.tok0 - 2; j >= 0 && j >= m.tok0-4; j-- {
			if toks[j].in(roadWords) {
				return true
			}
			if lexiconWord(toks[j].Norm) || stopWord(toks[j].Norm) || isNumber(toks[j].Norm) {
				break
			}
		}
	}
	// "the highway between X and Y" with X a name the gazetteer lacks
	if m.tok0 >= 4 && roadJoins[toks[m.tok0-1].Norm] {
		for j := m.tok0 - 3; j >= 0 && j >= m.tok0-5; j-- {
			if (toks[j].Norm == "between" || toks[j].Norm == "بين") && anyNear(toks, j, -3, -1, roadWords) {
				return true
			}
		}
	}
	// English "X-Y highway": the road word comes after the ends
	k := m.tok1
	if i+1 < len(ms) && ms[i+1].tok0 == k {
		k = ms[i+1].tok1
	}
	for n := 0; n < 2 && k < len(toks) && roadFillers[toks[k].Norm]; n++ {
		k++ // "the Aleppo-Damascus International Highway"
	}
	if k < len(toks) && toks[k].in(roadWords) && toks[k].Norm != "طريق" {
		return true
	}
	return i > 0 && ms[i-1].tok1 == m.tok0 && m.tok1 < len(toks) && toks[m.tok1].in(roadWords) && toks[m.tok1].Norm != "طريق"
}

// villageRoad reports a road told by one village, written with its type
// word and no other end: "على طريق قرية X" is the village's own road, at
// the village; "طريق قرية X – Y" and "طريق X" alone (the road to a city
// far off) are no place.
func villageRoad(text string, toks []token, ms []mention, i int) bool {
	m := ms[i]
	if m.tok0 < 1 || !toks[m.tok0-1].in(roadWords) || !villageTypes[toks[m.tok0].Norm] || strings.ContainsAny(m.Text, "-–—") {
		return false
	}
	if i+1 < len(ms) && ms[i+1].tok0-m.tok1 <= 1 && ms[i+1].Match.Qualifier == "" {
		return false // a second end: "طريق قرية X وY"
	}
	rest := strings.TrimLeft(text[m.End:], " ")
	return !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "—") &&
		!(m.tok1 < len(toks) && roadJoins[toks[m.tok1].Norm])
}

// villageTypes are the type words of a village or small town.
var villageTypes = wordSet("قريه", "بلده", "village", "town")

// roadWordBefore reports a road word a few words before m: "طريق X", "الطريق
// الواصل بين X", "the road between X".
func roadWordBefore(toks []token, m mention) bool {
	if w := toks[m.tok0].Norm; strings.HasPrefix(w, "ب") && isTypeWord(strings.TrimPrefix(w, "ب")) {
		return false // "الطريق العام ببلدة X": the road in the town, not the road to it
	}
	for j := m.tok0 - 1; j >= 0 && j >= m.tok0-6; j-- {
		w := toks[j].Norm
		if toks[j].in(roadWords) {
			return true
		}
		if !roadFillers[w] {
			break
		}
	}
	return false
}

// isStreetName reports a place name that names a street or square: "شارع
// بغداد", "Baghdad street".
func isStreetName(toks []token, m mention) bool {
	if bridgeOfTown(toks, m) {
		return false // "جسر البصيرة": the town's bridge, by the town (isNear)
	}
	if m.near {
		return false // "in a side street near the town of X": the street is by X, not named after it
	}
	if m.tok0 > 0 && streetWords[toks[m.tok0-1].Norm] {
		return true
	}
	return m.tok1 < len(toks) && streetWords[toks[m.tok1].Norm] && !isArabicWord(toks[m.tok1].Norm)
}

// bridgeOfTown reports a town, village or city named as a bridge's:
// "قرب جسر البصيرة", "the Rastan bridge". The bridge lies by the town, which
// is the place to tell, as a point near it.
func bridgeOfTown(toks []token, m mention) bool {
	switch m.Match.Place.Kind {
	case gazetteer.KindTown, gazetteer.KindVillage, gazetteer.KindCity:
	default:
		return false
	}
	return m.tok0 > 0 && toks[m.tok0-1].Norm == "جسر" || m.tok1 < len(toks) && toks[m.tok1].Norm == "bridge"
}

func isArabicWord(s string) bool {
	for _, r := range s {
		return r >= 0x0600 && r <= 0x06FF
	}
	return false
}

// capitalised reports a Latin word written with a capital: in English a name.
func capitalised(text string, t token) bool {
	c := text[t.Start]
	return c >= 'A' && c <= 'Z'
}
