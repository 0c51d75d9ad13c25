package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// mention is a place named in a sentence, with the role it plays there and its
// name as written without the words around it.
type mention struct {
	gazetteer.Mention
	tok0, tok1 int    // the sentence's tokens it covers: [tok0, tok1)
	role       string // RoleIncident, RoleReference, ...
	near       bool   // told as "قرب X", "near X": where it happened only if nothing else is said
	name       string // "البدروسية", "ريف اللاذقية الشمالي", "al-Hamra"
	phrase     string // with its type word: "منطقة البدروسية", "the town of al-Hamra"
	ofPrev     bool   // the context told with the mention before it: "بريف اللاذقية" after "البدروسية"
	writtenEnd int    // where the name as written ends, past what the gazetteer matched
	abroad     bool   // told as a place of another country: "Hermel in eastern Lebanon"
	building   bool   // the name of a building told after it: "the X mosque", "the X and Y schools"
	around     bool   // told with its surroundings: "دمشق ومحيطها", "Idlib and its countryside"
}

// spanOf is m with the indices of its first token and of the token after
// it, found by halving: the words around a mention, at a cost that does not
// grow with the sentence's length.
func spanOf(toks []token, m gazetteer.Mention) mention {
	mn := mention{Mention: m, role: RoleIncident}
	mn.tok0 = sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
	mn.tok1 = sort.Search(len(toks), func(i int) bool { return toks[i].Start >= m.End })
	return mn
}

// newMention reads m in the sentence whose tokens are toks; next is where the
// next place found in it starts glued to its preposition (len(text) when
// none): the written name of m never runs into it ("حي المزة بدمشق" is the
// quarter, then its city).
func newMention(text string, toks []token, m gazetteer.Mention, next int) mention {
	mn := spanOf(toks, m)
	if strings.HasSuffix(m.Match.Qualifier, " of") && mn.tok0 > 0 && toks[mn.tok0-1].in(partWords) {
		// "المدخل الجنوبي لبلدة X": a part of X, which is the place, not a point south of it
		m.Match.Qualifier, m.Start, m.Text = "", m.NameStart, text[m.NameStart:m.End]
		mn = spanOf(toks, m)
	}
	if k := mn.tok0 - 1; k >= 0 && toks[k].Norm == "central" && m.Start == m.NameStart && isLatin(toks[mn.tok0].Norm) {
		// "central Damascus": the heart of the city, as written
		m.Start, m.Text = toks[k].Start, text[toks[k].Start:m.End]
		mn = spanOf(toks, m)
	}
	if k := mn.tok0 - 1; k >= 0 && m.Start == m.NameStart && toks[k].in(worksOfTown) && !isLatin(toks[k].Norm) &&
		strings.TrimSpace(text[toks[k].End:m.Start]) == "" {
		// "مرفأ اللاذقية", "مطار الضبعة": the work called after the town, as written
		m.Start, m.Text = toks[k].Start, text[toks[k].Start:m.End]
		mn = spanOf(toks, m)
	}
	mn.near = isNear(toks, mn)
	mn.building = buildingNamed(toks, mn)
	mn.around = withSurroundings(toks, mn)
	mn.phrase = trimPhrase(text[m.Start:m.ContextStart])
	mn.name = bareName(text, m)
	if ext := nameGoesOn(text, toks, mn); ext > m.NameEnd && ext <= next {
		// "قرية تل حمرا الشرقية" matched as تل حمرا: the name as written is longer
		mn.name += text[m.NameEnd:ext]
		mn.phrase += text[m.NameEnd:ext]
		mn.writtenEnd = ext
		mn.End, mn.ContextStart, mn.Text = ext, ext, text[m.Start:ext]
	}
	if k := mn.tok0 - 1; k >= 0 && mn.tok0 < len(toks) && m.NameStart == m.Start && headAt(toks[k].Norm) &&
		strings.HasPrefix(toks[mn.tok0].Norm, "ال") && strings.TrimSpace(text[toks[k].End:m.Start]) == "" {
		// "وادي الصفصاف" matched as a village الصفصاف: the head is part of the name as written
		start := skipLetters(text, toks[k].Start, utf8.RuneCountInString(toks[k].Norm[:headProclitic(toks[k].Norm)]))
		mn.name = text[start:m.NameEnd]
		mn.phrase = text[start:m.ContextStart]
		mn.Start, mn.tok0 = start, k
		mn.Text = text[start:mn.End]
	}
	if anaphoraKinds[normalize(mn.name)] != nil {
		mn.name = m.Match.Place.NameAR // "محيط القرية": the village told before, by its name
		if isLatin(normalize(m.Text)) {
			mn.name = m.Match.Place.NameEN
		}
	}
	if mn.tok1 < len(toks) && m.ContextStart == m.End && typeAfterEN[toks[mn.tok1].Norm] &&
		strings.TrimSpace(text[m.End:toks[mn.tok1].Start]) == "" && isLatin(toks[mn.tok1].Norm) {
		mn.phrase += text[m.End:toks[mn.tok1].End] // "Bayanin village", "the Raqqa desert": the words it is told with
	}
	return mn
}

// worksOfTown are the gazetteer's TownWorks: a port, an airport, a crossing
// or a resort called after the town whose name follows them.
var worksOfTown = wordSet(gazetteer.TownWorks...)

// surroundWords after "و"/"and its" extend a place to what lies around it:
// "دمشق ومحيطها", "حلب وريفها", "Idlib and its countryside".
var surroundWords = wordSet("محيطها", "محيطه", "ريفها", "ريفه", "ضواحيها", "ضواحيه", "surroundings", "outskirts",
	"suburbs", "countryside", "environs")

// withSurroundings reports m told with its surroundings: "في دمشق ومحيطها",
// "in Aleppo and its countryside".
func withSurroundings(toks []token, m mention) bool {
	i := m.tok1
	if i+2 < len(toks) && toks[i].Norm == "and" && toks[i+1].Norm == "its" {
		return surroundWords[toks[i+2].Norm]
	}
	if i < len(toks) {
		rest, ok := strings.CutPrefix(toks[i].Norm, "و")
		return ok && surroundWords[rest]
	}
	return false
}

// personIntros stand before a person's name: "المواطن", "المدعو", "الطفل";
// "كل من" before a list of names.
var personIntros = wordSet("المواطن", "المواطنه", "المدعو", "المدعوه", "الشاب", "الشابه", "الطفل", "الطفله",
	"السيد", "السيده", "الشهيد", "الشهيده", "القيادي", "العنصر", "المجند", "الضحيه", "الراحل", "الفقيد",
	"named", "mr", "identified")

// eachPlacePreps before "كل من" make the names after it places: "في كل من X
// وY", "على كل من X وY" (after a verb, "قتل كل من" lists people).
var eachPlacePreps = wordSet("في", "وفي", "علي", "الي", "نحو", "طال", "طالت", "شمل", "شملت")

// personNamed reports a place name standing where a person's is told.
func personNamed(toks []token, m mention) bool {
	if m.tok0 == 0 || m.tok0 > len(toks) {
		return false
	}
	prev := toks[m.tok0-1].Norm
	return personIntros[prev] || prev == "من" && m.tok0 > 1 && toks[m.tok0-2].Norm == "كل" && !(m.tok0 > 2 && toks[m.tok0-3].in(eachPlacePreps)) ||
		prev == "as" && m.tok0 > 1 && toks[m.tok0-2].Norm == "identified" ||
		kunyaEN[prev] && m.tok0 > 1 && isLatin(toks[m.tok0-2].Norm) && !toks[m.tok0-2].in(nameStops) || // "Abdullah Shafiq Abu Horan": a family name
		givenNamesEN[prev] && isLatin(toks[m.tok0].Norm) || // "injuring Mohammad Qasim al-Jawwad": a man's second name
		!typedName(m) && m.Proclitic == "" && (prev == "بن" || givenNameAR(prev) && !(m.tok0 > 1 && toks[m.tok0-2].in(namedPlaceHeads))) // "محمد جاسم العكيد", "مسجد عمر بن الخطاب": a father's or family's name
}

// namedPlaceHeads open place names made of a word and a man's name: "دير
// حسان", "تل عمر", "كفر يوسف"; a name after such a place is not his father's.
var namedPlaceHeads = wordSet("دير", "ودير", "تل", "وتل", "عين", "وعين", "كفر", "وكفر", "بيت", "وبيت", "جسر", "قبر", "خربه",
	"مزرعه", "ام", "ابو", "بئر", "حي", "الشيخ", "بني", "بنى", "جب", "قصر", "قلعه", "حاجز", "دوار", "ساحه", "شارع")

// plateNamed reports a place named for a vehicle's number plate, not where
// anything happened: "سيارة تحمل لوحة حماة", "بلوحات إدلب", "Aleppo plates".
func plateNamed(toks []token, m mention) bool {
	if m.tok0 > 0 && m.tok0 <= len(toks) && toks[m.tok0-1].in(plateWords) {
		return true
	}
	return m.tok1 < len(toks) && (toks[m.tok1].Norm == "plates" || toks[m.tok1].Norm == "plate" || toks[m.tok1].Norm == "license" && m.tok1+1 < len(toks) && strings.HasPrefix(toks[m.tok1+1].Norm, "plate"))
}

var plateWords = wordSet("لوحه", "لوحات", "بلوحه", "بلوحات", "نمره", "بنمره", "نمر", "لوحتها", "لوحته")

// stanceNamed reports a name told as the object of a stance, an adjective
// of people or forces and not a place: "pro-Assad fighters", "anti-Damascus
// groups", "the pro-Turkey factions".
func stanceNamed(text string, m mention) bool {
	before := strings.ToLower(text[max(0, m.Start-5):m.Start])
	return strings.HasSuffix(before, "pro-") || strings.HasSuffix(before, "anti-")
}

// givenNameAR reports a common Arabic given name, alone or after "و".
func givenNameAR(w string) bool {
	if givenNamesAR[w] {
		return true
	}
	rest, ok := strings.CutPrefix(w, "و")
	return ok && givenNamesAR[rest]
}

// givenNamesAR are common Arabic men's given names as the normalized text
// spells them; a place name right after one is the next part of a person's
// name. Names that are also common words ("علي", the preposition, once
// normalized) are left out.
var givenNamesAR = wordSet("محمد", "احمد", "محمود", "مصطفي", "خالد", "عمر", "حسين", "ياسر", "ابراهيم", "يوسف",
	"عبدالله", "سليمان", "جعفر", "ادهم", "سامر", "فادي", "رامي", "وليد", "زياد", "حمزه", "جمال", "عدنان", "ناصر",
	"ماهر", "طارق", "انس", "اسامه", "فراس", "غسان", "هاني", "عماد", "مازن", "نبيل", "نزار", "رضوان", "رياض",
	"سليم", "شادي", "طلال", "وائل", "يحيي", "زكريا", "فيصل", "فواز", "هيثم", "هشام", "مروان", "منير", "رائد",
	"تامر", "معاذ", "قصي", "لؤي", "ايمن", "علاء", "بلال", "عبدالرحمن", "غياث", "ايهم", "حسام", "وسيم", "باسل",
	"بسام", "حسان", "عثمان", "اسماعيل", "موسي", "عيسي", "داود", "نضال", "مهند", "عبدالكريم", "عبدالقادر")

// givenNamesEN are common Arabic given names as English news spells them; a
// place name right after one is the next part of a person's name.
var givenNamesEN = wordSet("mohammad", "muhammad", "mohammed", "mohamed", "ahmad", "ahmed", "ali", "hassan", "hasan",
	"hussein", "husain", "mahmoud", "khaled", "khalid", "omar", "abdullah", "abdulla", "ibrahim", "youssef", "yousef",
	"yusuf", "mustafa", "moustafa", "sami", "samir", "ammar", "bashar", "fadi", "rami", "walid", "waleed", "ziad",
	"hamza", "saleh", "jamal", "adnan", "nasser", "majid", "maher", "tarek", "tariq", "yasser", "anas", "osama",
	"firas", "ghassan", "hani", "imad", "karim", "mazen", "nabil", "nizar", "radwan", "riad", "saad", "salim",
	"shadi", "talal", "wael", "yahya", "zakaria", "faisal", "fawaz", "haitham", "hisham", "jalal", "kamal",
	"marwan", "munir", "raed", "rashid", "suleiman", "tamer", "abdulrahman", "abdelrahman", "abdulkarim", "moaz",
	"muawiya", "moawiya", "obada", "ubada", "qusai", "louay", "luay", "hadi", "ayman", "alaa", "bilal")

// kunyaEN open the part of an Arab person's name after his given names in
// English news: "Abu X", "bin Y".
var kunyaEN = wordSet("abu", "abo", "bin", "ibn")

// incidentWordName reports an untyped one-word mention that is an incident
// or count word of ours ("مقتله" is also a village's name).
func incidentWordName(toks []token, m mention) bool {
	if m.tok1-m.tok0 != 1 || typedName(m) || m.tok0 >= len(toks) {
		return false
	}
	w := toks[m.tok0].Norm
	_, trig := lookup(w)
	return trig || isCountWord(w)
}

// typeAfterEN are English type words told after a name: "Jabab town".
var typeAfterEN = wordSet("village", "town", "city", "province", "governorate", "area", "neighborhood", "neighbourhood", "quarter",
	"camp", "desert", "district", "region", "farm", "suburb", "countryside")

// nameAdjectives follow a village's name as part of it, telling one of two
// villages of one name apart: "X الشرقية", "X الكبير", "X التحتاني".
var nameAdjectives = wordSet("الشرقي", "الشرقيه", "الغربي", "الغربيه", "الشمالي", "الشماليه", "الجنوبي", "الجنوبيه",
	"الكبير", "الكبيره", "الصغير", "الصغيره", "الفوقاني", "الفوقانيه", "التحتاني", "التحتانيه", "القبلي", "القبليه",
	"الفوقا", "التحتا", "الجديد", "الجديده", "القديم", "القديمه")

// nameGoesOn returns where the written name of a typed Arabic mention ends
// when the gazetteer matched only its first word: the next word, glued to it
// with no punctuation, that is no stop word, incident word, number or context.
// A city's name goes on only with an adjective of its own: "مدينة حلب متخصصة"
// is Aleppo and what is told of something in it.
func nameGoesOn(text string, toks []token, m mention) int {
	if m.tok0+1 < m.tok1 && (toks[m.tok0].in(nearWords) || edgeWordAt(toks[m.tok0].Norm)) {
		m.tok0++ // "محيط قرية X Y": the name after the type word, as without "محيط"
	}
	if m.ContextStart != m.End || m.tok0 >= len(toks) || !isTypeWord(toks[m.tok0].Norm) || m.tok1 >= len(toks) {
		return 0
	}
	t := toks[m.tok1]
	if strings.ContainsAny(text[toks[m.tok1-1].End:t.Start], ",،.:;()\"“”«»") {
		return 0
	}
	if nameAdjectives[t.Norm] {
		return t.End // "قرية X الشرقية", "بلدة X الكبيرة": part of the name
	}
	if m.tok0 > 0 && toks[m.tok0-1].in(placeVerbs) {
		return 0 // "تشهد مدينة X حالة من …": the verb's object follows the name
	}
	if m.tok1-m.tok0 != 2 || m.Match.Place.Kind == gazetteer.KindCity || isLatin(t.Norm) || isNumber(t.Norm) ||
		stopWord(t.Norm) || hasPlaceProclitic(t.Norm) || strings.HasPrefix(t.Norm, "و") ||
		isTypeWord(t.Norm) || lexiconWord(t.Norm) || isCountWord(t.Norm) || t.in(directionWords) ||
		t.in(belongWords) || weekdays[t.Norm] != 0 || t.Norm == "الاحد" || t.in(timeNouns) || dayParts[t.Norm] != 0 || monthAt(toks, m.tok1).ok ||
		prepPhrase(t.Norm) || placeVerbs[t.Norm] || resultWords[t.Norm] ||
		t.in(operationWords) || t.in(personIntros) || t.in(heardWords) { // "نفذت الوحدات في مدينة X عملية أمنية": the operation done there; "في مدينة X المدعو Y": the man caught; "في مدينة X دوي انفجار": what was heard
		return 0
	}
	return t.End
}

// timeNouns begin a time told after a place: "في بلدة X الشهر الماضي",
// "… العام الماضي", "… اليوم".
var timeNouns = wordSet("اليوم", "امس", "الشهر", "العام", "السنه", "الاسبوع", "الليله", "البارحه", "الماضي")

// placeVerbs have a place for their subject and follow its name: "بلدة X
// تعرضت لقصف", "قرية Y شهدت اشتباكات". They end the name, not continue it, as
// the verbs of a result do ("قصفت مدينة X أسفرت عن", resultWords).
var placeVerbs = wordSet("تعرضت", "تعرض", "تتعرض", "يتعرض", "شهدت", "شهد", "تشهد", "يشهد", "عاشت", "تعيش",
	"يعيش", "تقع", "يقع")

// quantityWords, glued to "ب", tell how much of something was used: "بأكثر من
// عشر قذائف", "بعشرات القذائف", "بنحو", "بعدد من".
var quantityWords = wordSet("اكثر", "اقل", "نحو", "حوالي", "قرابه", "عشرات", "مئات", "الاف", "عدد", "عده",
	"مختلف", "كميه", "كميات")

// prepPhrase reports a word that opens a phrase of the preposition "ب" after a
// place's name rather than continuing it: the article glued to it ("بالقذائف",
// "بالرصاص"; a place glued so is its area, read elsewhere) or a word of
// quantity ("بأكثر من", "بعشرات"). A second word of a name never carries them.
func prepPhrase(w string) bool {
	rest, ok := strings.CutPrefix(w, "ب")
	if !ok {
		return false
	}
	return strings.HasPrefix(rest, "ال") || quantityWords[rest]
}

// isArea reports a mention that names an area by its qualifiers: "ريف إدلب
// الشمالي", "غربي مدينة إدلب", "the western countryside of Raqqa".
func (m mention) isArea() bool {
	q := m.Match.Qualifier
	return strings.Contains(q, "rural") || strings.HasSuffix(q, " of") || m.Match.Place.Kind == gazetteer.KindGovernorate && q != ""
}

// bareName is the place's name as written: the name itself without a glued
// preposition or conjunction ("بدمشق" → "دمشق"), or for an area the words that
// make it one ("ريف اللاذقية الشمالي"). An English name keeps a hyphenated
// article before it ("al-Hamra").
func bareName(text string, m gazetteer.Mention) string {
	mn := mention{Mention: m}
	if mn.isArea() {
		return trimPhrase(text[m.Start:m.ContextStart])
	}
	start := m.NameStart
	if m.Proclitic != "" {
		start = skipLetters(text, start, utf8.RuneCountInString(m.Proclitic))
		if strings.HasSuffix(m.Proclitic, "ل") && strings.HasPrefix(text[start:], "ل") {
			return "ا" + strings.TrimSpace(text[start:m.NameEnd]) // "للرقة" → "الرقة"
		}
	}
	name := strings.TrimSpace(text[start:m.NameEnd])
	if first, rest, ok := strings.Cut(name, " "); ok && !isLatin(normalize(first)) && settlementWord(normalize(first)) && rest != "" {
		name = strings.TrimSpace(rest) // "مدينة الميادين" read as a seat after an institution's name: the town is "الميادين"
	}
	if art := latinArticleBefore(text, start); art != "" {
		name = art + name
	}
	return name
}

// skipLetters returns the offset after n letters from i, skipping the marks on them.
func skipLetters(text string, i, n int) int {
	for n > 0 && i < len(text) {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
		for i < len(text) {
			r, s := utf8.DecodeRuneInString(text[i:])
			if !unicode.Is(unicode.Mn, r) && r != 0x0640 {
				break
			}
			i += s
		}
		n--
	}
	return i
}

// latinArticleBefore returns "al-" (as written) when it stands glued before i.
func latinArticleBefore(text string, i int) string {
	for _, n := range []int{3, 4} {
		if i < n {
			continue
		}
		s := text[i-n : i]
		if !strings.HasSuffix(s, "-") || i > n && isWordRune(rune(text[i-n-1])) {
			continue
		}
		switch strings.ToLower(s[:n-1]) {
		case "al", "el", "as", "ad", "ar", "az", "at", "an", "ash", "ath":
			return s
		}
	}
	return ""
}

// trimPhrase strips the space, punctuation and glued preposition or conjunction
// around a phrase as written: "بريف إدلب، " → "ريف إدلب".
func trimPhrase(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return !isWordRune(r) })
	for _, p := range []string{" in", " of", " at", " near", " في"} {
		s = strings.TrimSuffix(s, p) // "Jasim town in" before its context
	}
	first, rest, _ := strings.Cut(s, " ")
	if bare := stripProclitic(first); bare != first {
		if rest != "" {
			return bare + " " + rest
		}
		return bare
	}
	if strings.EqualFold(first, "the") && rest != "" {
		return rest
	}
	return s
}

// stripProclitic cuts a glued "و", "ب", "ل", "ف" or "وب" from a word that is then
// a place word ("بريف" → "ريف", "ومدينة" → "مدينة", "لمحافظة" → "محافظة"), and
// rebuilds the article of "للـ" ("للرقة" → "الرقة").
func stripProclitic(w string) string {
	for _, p := range []string{"وب", "ول", "وفي", "و", "ب", "ل", "ف"} {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || rest == "" {
			continue
		}
		if strings.HasPrefix(rest, "ل") && strings.HasSuffix(p, "ل") {
			return "ا" + rest
		}
		if startsWithPlaceWord(rest) {
			return rest
		}
	}
	return w
}

// startsWithPlaceWord reports whether s, once a proclitic is cut, still looks
// like a name: it starts with the article or a place noun, which a bare root
// ("بنش", "لطمين") does not.
func startsWithPlaceWord(s string) bool {
	n := normalize(s)
	for _, p := range []string{"ال", "ريف", "مدينه", "بلده", "قريه", "حي", "منطقه", "محافظه", "ناحيه", "مخيم",
		"شمال", "جنوب", "شرق", "غرب", "قرب", "محيط", "اطراف", "باديه", "قري", "بلدات", "مدن", "احياء", "مناطق",
		"مدينتي", "بلدتي", "قريتي", "منطقتي", "محله", "ارياف"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// quarterWords open a quarter told by its side of a town: "الحي الشمالي
// بمدينة X", "الأحياء الشرقية في Y".
var quarterWords = wordSet("الحي", "حي", "الاحياء", "احياء", "الحاره", "القسم")

// partWords before a direction name a part of the place after it: "المدخل
// الجنوبي لبلدة X", "الطرف الشرقي لمدينة Y", "الجهة الغربية من القرية".
var partWords = wordSet("المدخل", "مدخل", "المداخل", "مداخل", "الطرف", "طرف", "الاطراف", "اطراف", "الجهه", "الجزء", "البوابه")

// nearWords say a place is only near where it happened.
var nearWords = wordSet("قرب", "بالقرب", "قربه", "مشارف", "near", "close", "nearby",
	// adjectives of nearness after the place they describe: "في ريف X الغربي، المتاخم
	// لمحافظة Y", "البلدة المتاخمة لمدينة Z": Y and Z are points to tell it from
	"المجاور", "المجاوره", "المتاخم", "المتاخمه", "المحاذي", "المحاذيه", "القريب", "القريبه")

// isNear reports "قرب X", "بالقرب من X", "near X", and a direction from a town
// ("شمال مدينة القريتين", "west of Manbij"): a point to tell where it
// happened from, the place itself only when nothing else is named.
func isNear(toks []token, m mention) bool {
	q := m.Match.Qualifier
	if strings.HasSuffix(q, " of") && m.Match.Place.Kind != gazetteer.KindGovernorate && !toks[m.tok0].in(quarterWords) {
		return true // but "الحي الشمالي بمدينة X" is a quarter of X, inside it
	}
	if bridgeOfTown(toks, m) {
		return true
	}
	for j := m.tok0; j < m.tok1 && j < m.tok0+3; j++ {
		if toks[j].in(nearWords) {
			return true
		}
	}
	for j := m.tok0 - 1; j >= 0 && j >= m.tok0-4; j-- {
		w := toks[j].Norm
		if w == "nearby" && j+1 < len(toks) && (isTypeWord(toks[j+1].Norm) || j+1 == m.tok0) {
			continue // "the nearby town of X", "shelled nearby X": an adjective of the place, which is where it happened
		}
		if toks[j].in(nearWords) {
			return true
		}
		if w == "and" || w == "or" {
			return nearBeforeName(toks, j) // "near the X and Y mosques": the second landmark is near too
		}
		if !nearFillers[w] && !isTypeWord(w) && !typeAdjectivesEN[w] {
			break
		}
	}
	return false
}

// typeAdjectivesEN describe the type word of a place named near: "near the
// coastal city of X", "near the northern town of Y".
var typeAdjectivesEN = wordSet("coastal", "border", "northern", "southern", "eastern", "western", "central", "northwestern",
	"northeastern", "southwestern", "southeastern", "strategic", "key", "besieged", "embattled", "occupied")

// buildingWordsEN name buildings that share their names with places.
var buildingWordsEN = wordSet("mosque", "mosques", "church", "churches", "school", "schools", "bakery", "bakeries",
	"shrine", "shrines", "cemetery", "cemeteries")

// buildingNamed reports an English name told before a building word, or
// before "and" and another name that is: "the Omari mosque", "the Omari and
// Hamza mosques". The gazetteer's place of that name is a namesake.
func buildingNamed(toks []token, m mention) bool {
	j := m.tok1
	if j < len(toks) && (toks[j].Norm == "and" || toks[j].Norm == "or") {
		for j++; j < len(toks) && j <= m.tok1+4 && isLatin(toks[j].Norm) && !toks[j].in(buildingWordsEN) && !stopWord(toks[j].Norm); j++ {
		}
	}
	return j < len(toks) && j > m.tok0 && isLatin(toks[j].Norm) && toks[j].in(buildingWordsEN)
}

// nearBeforeName reports an English near word before the name of one to
// three words that ends at toks[and-1]: "near X" in "near X and Y".
func nearBeforeName(toks []token, and int) bool {
	j := and - 1
	for n := 0; j >= 0 && n < 3 && isLatin(toks[j].Norm) && !nearFillers[toks[j].Norm] && !toks[j].in(nearWords) &&
		!stopWord(toks[j].Norm) && !lexiconWord(toks[j].Norm); n++ {
		j--
	}
	if j == and-1 {
		return false
	}
	for ; j >= 0 && j >= and-8; j-- {
		if toks[j].in(nearWords) {
			return true
		}
		if !nearFillers[toks[j].Norm] {
			return false
		}
	}
	return false
}

// nearFillers may stand between "near" and the place: "near the town of X",
// "بالقرب من بلدة X", and a landmark at the place's edge: "بالقرب من مفرق قرية X",
// "near the entrance of X".
var nearFillers = wordSet("the", "of", "من", "a", "al", "el", "as", "ad", "ar", "az", "at", "an", "ash",
	"مفرق", "مدخل", "مداخل", "junction", "entrance", "turnoff")

// splitContext returns a mention told with its context ("البدروسية بريف
// اللاذقية الشمالي", "Nahta, eastern Daraa") as two: the place, and the area
// locating it, each with a role of its own. A context of an area ("ريف X") is
// the governorate; the countryside of Damascus is Rif Dimashq.
func splitContext(text string, m gazetteer.Mention, places Places) []gazetteer.Mention {
	if m.ContextStart >= m.End || len(m.Match.Context) == 0 {
		return []gazetteer.Mention{m}
	}
	main := m
	main.End = m.ContextStart
	for main.End > main.NameEnd && !isWordRune(lastRune(text[main.Start:main.End])) {
		_, size := utf8.DecodeLastRuneInString(text[:main.End])
		main.End -= size
	}
	main.Text, main.ContextStart = text[main.Start:main.End], main.End
	start := m.ContextStart
	for start < m.End && !isWordRune(firstRune(text[start:])) {
		_, size := utf8.DecodeRuneInString(text[start:])
		start += size
	}
	ctx := gazetteer.Mention{Start: start, End: m.End, Text: text[start:m.End], NameStart: start, NameEnd: m.End, ContextStart: m.End}
	pl, q := m.Match.Context[0], m.Match.ContextQualifier
	prec := kindPrecision(pl.Kind)
	switch {
	case strings.Contains(q, "rural") && (pl.Kind == gazetteer.KindTown || pl.Kind == gazetteer.KindVillage):
		prec = gazetteer.PrecisionDistrict // "ريف جبلة"
	case strings.Contains(q, "rural") || pl.Kind == gazetteer.KindGovernorate:
		if gov, ok := governorateOf(places, pl, q); ok {
			pl = gov
		}
		prec = gazetteer.PrecisionGovernorate
	case strings.HasSuffix(q, " of"):
		prec = coarsest(prec, gazetteer.PrecisionDistrict)
	}
	ctx.Match = gazetteer.Match{Query: ctx.Text, Place: pl, Qualifier: q, Precision: prec, Score: m.Match.Score}
	if main.Match.Place.ID == pl.ID && pl.Kind == gazetteer.KindGovernorate {
		unknownBeforeArea(places, text, &main, ctx)
	}
	return []gazetteer.Mention{main, ctx}
}

// unknownBeforeArea reads the place of a name the gazetteer resolved to the
// governorate of its context, knowing no such place there ("الزهيرية بريف
// الرقة" with its namesake in another governorate): the name as written,
// placed at the area, as for any name the gazetteer lacks.
func unknownBeforeArea(places Places, text string, main *gazetteer.Mention, ctx gazetteer.Mention) {
	words := strings.Fields(bareName(text, *main))
	kind := gazetteer.KindVillage
	for len(words) > 1 {
		w := normalize(words[0])
		if k, typed := typeWordAt(w); typed {
			kind = k
		} else if !edgeWordAt(w) && !nearWords[w] {
			break
		}
		words = words[1:]
	}
	name := strings.Join(words, " ")
	if name == "" || closeSpelling(name, main.Match.Place) {
		return
	}
	main.Match = unknownPlace(name, kind, isLatin(normalize(name)), &ctx)
	if g, ok := places.(geocoder); ok {
		if m, err := g.Geocode(name); err == nil && m.Score >= 0.6 {
			main.Match.Alternatives = namesakes(name, m, ctx.Match.Place.Admin1PCode)
		}
	}
}

// namesakes are the places of m (its best, then its alternatives) spelt like
// name outside the governorate gov, for the reviewer of a name placed at its
// area there, who may know the text errs; none when m's best lies in gov.
func namesakes(name string, m gazetteer.Match, gov string) []gazetteer.Place {
	if m.Place.Admin1PCode == gov {
		return nil
	}
	var out []gazetteer.Place
	for _, p := range append([]gazetteer.Place{m.Place}, m.Alternatives...) {
		if p.Admin1PCode != gov && p.Kind != gazetteer.KindGovernorate && closeSpelling(name, p) {
			out = append(out, p)
		}
	}
	return out
}

// governorateOf returns the governorate place for an area "ريف X".
func governorateOf(places Places, pl gazetteer.Place, qualifier string) (gazetteer.Place, bool) {
	g, ok := places.(interface {
		Place(id string) (gazetteer.Place, bool)
	})
	if !ok || pl.Kind == gazetteer.KindGovernorate && !(strings.Contains(qualifier, "rural") && pl.Admin1PCode == "SY01") {
		return gazetteer.Place{}, false
	}
	code := pl.Admin1PCode
	if strings.Contains(qualifier, "rural") && code == "SY01" {
		code = "SY03"
	}
	return g.Place("adm1:" + code)
}

func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }
func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
