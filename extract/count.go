package extract

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// countKind is which count a keyword introduces.
type countKind int

const (
	countKilled countKind = iota
	countInjured
	countArrested
)

func (k countKind) String() string {
	return [...]string{"killed", "injured", "arrested"}[k]
}

// countVerbs come before the number: "مقتل 3", "إصابة خمسة", "القبض على 4".
var countVerbs = map[countKind]map[string]bool{
	countKilled: wordSet("مقتل", "قتل", "قتلت", "قتلوا", "قضي", "قضاء", "قضا", "استشهاد", "استشهد", "مصرع", "لقي", "وفاه", "اعدام", "اعدم",
		"فارق", "ارتقي", "توفي", "توفيت", "توفيا", "توفوا", "ارتقاء", "اغتيال", "اغتال", "اغتالوا", "بحياه", "ارواح", // "فارق طفل الحياة", "أودى بحياة شخصين"
		"تحييد", "حيدت", // "تحييد اثنين منهما": killed or captured, recorded as killed
		"جثه", "جثتي", "جثتين", "جثتا", "جثتان", "جثمان", "جثث", // "العثور على جثة شاب": one dead; "جثث ثلاثة أشقاء": three
		"ضحيتها", "ضحيته", "ضحيتهما"), // "راح ضحيتها 12 شخصاً": its victims, the dead
	countInjured:  wordSet("اصابه", "اصيب", "اصيبت", "جرح", "جرحت"),
	countArrested: wordSet("اعتقال", "اعتقل", "اعتقلت", "اعتقلوا", "علي", "توقيف", "اوقفت", "احتجاز", "احتجزت"),
}

// countNouns come after the number: "3 قتلى", "خمسة جرحى", "7 معتقلين".
var countNouns = map[countKind]map[string]bool{
	countKilled:   wordSet("قتلي", "قتيل", "قتيلا", "شهداء", "شهيد", "شهيدا", "ضحايا", "ضحيه", "جثث"),
	countInjured:  wordSet("جرحي", "جريح", "جريحا", "مصابين", "مصابا", "اصابات"),
	countArrested: wordSet("معتقلين", "معتقلا", "موقوفين", "موقوفا", "محتجزين"),
}

// person nouns in the singular mean one ("مقتل مدني"), in the dual two ("مقتل
// عنصرين"); dualPersons lists irregular duals, isDual reads the regular ones.
var (
	singularPersons = wordSet("شخص", "شخصا", "مدني", "مدنيا", "طفل", "طفلا", "طفله", "عنصر", "عنصرا", "جندي",
		"سيده", "مدعو", "مدعوه", "نقيب", "عقيد", "عميد", "ملازم", "رقيب", "قائد", "متزعم", "زعيم", "امير", "مختار",
		"ناشط", "طبيب", "معلم", "مدرس", "سجين", "موظف", "خطيب", "صيدلاني", "ممرض", "مسلح", "مسلحا",
		"جنديا", "امراه", "شاب", "شابا", "رجل", "رجلا", "مواطن", "مواطنا", "سائق", "سائقا", "راكب", "راكبا", "عسكري", "ضابط",
		"ضابطا", "قيادي", "قياديا", "مسؤول", "مسؤولا", "فتاه", "عامل", "عاملا", "راع", "راعيا", "شرطي", "تاجر", "تاجرا", "مزارع", "احد", "احدي", "راعي", "مقاتل", "مقاتلا", "صحفي", "صحفيا", "طالب", "طالبا",
		// a boy or a youth: "مقتل فتى في الخامسة عشرة"
		"فتي", "صبي", "صبيا", "شرطيا", "حارس", "حارسا", "مهاجم", "مهاجما", "انتحاري",
		// the accusative of the nouns above: "قتل مسلحون طبيباً"
		"طبيبا", "معلما", "مدرسا", "ناشطا", "موظفا", "سجينا", "صيدلانيا", "ممرضا", "قائدا", "زعيما", "اميرا", "مختارا", "خطيبا",
		// one named by what he is charged with: "القبض على المجرم X", "المتهم Y", "المطلوب Z"
		"مجرم", "متهم", "مطلوب", "مشتبه")
	dualPersons = wordSet("شخصين", "شخصان", "عنصرين", "عنصران", "جنديين", "جنديان", "طفلين", "طفلان", "امراتين",
		"رجلين", "شابين", "شابان", "شقيقين", "شقيقان",
		"مدنيان", "فتيين", "فتيان", "مقاتلان", "طفلتين", "طفلتان", "امراتان",
		// two of someone's kin: "قتل طفل وأصيب شقيقاه", "ونجا ابناه"
		"شقيقاه", "شقيقيه", "ابناه", "ابنيه", "ولداه", "ولديه", "طفلاه", "طفليه", "شقيقتاه", "شقيقتيه", "ابنتاه", "ابنتيه")
	// notPersons after a number say it counts something else: distance, age,
	// missiles, sites, raids, time.
	notPersons = wordSet("كم", "كيلومتر", "كيلومترات", "كلم", "متر", "مترا", "امتار", "عاما", "عام", "سنه", "سنوات",
		"سنين", "صاروخ", "صاروخا", "صواريخ", "قذيفه", "قذائف", "غارات", "غاره", "مرات", "ساعات", "ساعه", "ايام", "يوما",
		"موقعا", "مواقع", "طائرات", "مسيرات", "دقيقه", "دقائق", "الف", "مليون", "دولار", "بالمئه", "%")
	approxWords = wordSet("مسلحون", "مسلحين", "مجهولون", "مجهولين", "نحو", "قرابه", "حوالي", "اكثر", "من", "ما", "لا", "يقل", "عن", "يزيد", "اقل", "زهاء", "بين",
		"يقارب", "مايقارب", "يناهز", "مايناهز", "ينوف", "مايزيد") // "ما يقارب 9 من", "مايقارب الـ 9"
)

// insertWords may stand between a count verb and its number: "وقُتل خلالها
// أربعة", "قُتل في الهجوم 12".
var insertWords = wordSet("في", "خلال", "خلالها", "خلاله", "فيها", "فيه", "منهم", "منها", "الهجوم", "الاشتباكات",
	"القصف", "الانفجار", "الغاره", "الحادث", "الحادثه", "التفجير", "العمليه", "المداهمه", "ال",
	// the subject of a verb-first sentence: "اعتقلت قوى الأمن ثلاثة"
	"قوي", "قوات", "الامن", "العام", "الداخلي", "الشرطه", "وحدات", "دوريه", "دوريات", "الجيش", "السوري",
	"الاستخبارات", "العامه", "الامنيه", "الاجهزه", "السلطات", "العسكريه")

// count is one number of people found for a count kind.
type count struct {
	Kind  countKind
	Value *int // nil: a vague quantity such as "عشرات"
	Pos   int
	Note  string
	More  bool // "آخرين" follows: people besides those counted before ("وقُتل اثنان آخران")
	Zero  bool // "دون وقوع إصابات": nobody, unless a count of the incident says otherwise
	Toll  bool // "the toll climbed to 14": replaces the count told before
	Named bool // one person told by name ("المدعو X"): maybe one of those a larger count told before
}

// withoutWa returns toks with the conjunction "و" cut from token i.
func withoutWa(toks []token, i int) []token {
	rest, ok := strings.CutPrefix(toks[i].Norm, "و")
	if !ok || rest == "" {
		return toks
	}
	out := slices.Clone(toks)
	out[i].Norm = rest
	return out
}

// findCounts returns the killed, injured and arrested counts stated in toks.
// Words inside skip (dates, place names) may stand between a verb and its
// number: "اعتقلت الشهر الماضي في مدينة الباب سبعة أشخاص".
func findCounts(toks []token, skip []span) []count {
	var out []count
	for i := range toks {
		if c, ok := deathOfThem(toks, i); ok {
			out = append(out, c)
			continue
		}
		if c, ok := dualHarm(toks, i); ok {
			out = append(out, c)
			continue
		}
		if c, ok := takenToHospital(toks, i); ok {
			out = append(out, c)
			continue
		}
		if c, ok := takenByForce(toks, i); ok {
			out = append(out, c)
			continue
		}
		for k := countKilled; k <= countArrested; k++ {
			c, ok := countAfterVerb(toks, i, k, skip)
			if !ok {
				c, ok = countBeforeNoun(toks, i, k)
			}
			if !ok {
				c, ok = countBeforeVerb(toks, i, k)
			}
			if ok && !(k != countArrested && chargedWith(toks, i)) {
				out = append(out, c) // not "القبض على شخصين متهمين بقتل طبيب": the charge, not a toll
			}
		}
	}
	return diedOfWounds(toks, out)
}

// takenByForce reads the people a force that holds the land "kidnapped"
// as arrested ("QSD militia stormed houses and kidnapped eight civilians"):
// the kidnapping is read as their arrest (authorityTakes, ledAwayByForce),
// and its victims are those arrested. Victims of other kidnappers are
// never counted.
func takenByForce(toks []token, i int) (count, bool) {
	if isLatin(toks[i].Norm) || !forceTakes(toks, i) {
		return count{}, false // English: findCountsEN
	}
	if c, ok := readQuantity(toks, i+1, countArrested); ok && c.Value != nil {
		return c, true
	}
	return count{}, false
}

// forceTakes reports a kidnapping verb at toks[i], with words after it, done
// by a force that holds the land: its victims are the arrested.
func forceTakes(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i].in(takenVerbs) && (authorityTakes(toks, i) || ledAwayByForce(toks, i))
}

// takenVerbs kidnap: "kidnapped eight", "اختطفت خمسة".
var takenVerbs = wordSet("kidnapped", "kidnapping", "abducted", "abducting", "kidnaps", "abducts",
	"خطف", "خطفت", "اختطف", "اختطفت", "خطفوا", "اختطفوا", "اختطاف")

// diedOfWounds reads the hurt told to die of their wounds later in the
// sentence, with no count of their own ("ما أدى إلى إصابة سائقها بجروح بليغة
// توفي على إثرها", "…أصيب بجروح ثم فارق الحياة في المستشفى"):
// they are dead, not hurt. The injured count told last before the death is
// counted as killed, or, when the sentence counted its dead already, dropped.
func diedOfWounds(toks []token, counts []count) []count {
	d := slices.IndexFunc(toks, func(t token) bool { return t.in(diedLaterWords) })
	for d >= 0 && d < len(toks) && toks[d].Norm == "فارق" && !anyNear(toks, d, 1, 3, lifeWords) {
		next := slices.IndexFunc(toks[d+1:], func(t token) bool { return t.in(diedLaterWords) })
		if next < 0 {
			return counts
		}
		d += 1 + next
	}
	if d < 0 {
		return counts
	}
	at := toks[d].Start
	hurt, dead := -1, false
	for k, c := range counts {
		switch {
		case c.Pos >= at && c.Kind == countKilled:
			return counts // "توفي اثنان منهم": the death told with its own count
		case c.Pos < at && c.Kind == countInjured && c.Value != nil && !c.Zero:
			hurt = k
		case c.Pos < at && c.Kind == countKilled && c.Value != nil:
			dead = true
		}
	}
	if hurt < 0 {
		return counts
	}
	if dead {
		return slices.Delete(counts, hurt, hurt+1)
	}
	counts[hurt].Kind = countKilled
	return counts
}

// diedLaterWords tell the hurt dying of their wounds: "توفي على إثرها", "فارق
// الحياة", "later died", "succumbed to his wounds".
var (
	diedLaterWords = wordSet("توفي", "توفيت", "توفيا", "توفوا", "فارق", "فارقت", "died", "succumbed")
	lifeWords      = wordSet("الحياه", "حياته")
)

// chargedWith reports an incident word at toks[i] told as what someone is
// charged with or suspected of ("متهمين بقتل طبيب", "suspected of killing a
// doctor", "arrested in the killing of a doctor"): a deed before the event
// told, whose dead are no toll of it.
func chargedWith(toks []token, i int) bool {
	if anyNear(toks, i, -3, -1, chargeWords) {
		return true
	}
	// "arrested two men in (over, for) the killing of X": an arrest's charge
	return isLatin(toks[i].Norm) && deathNounsEN[toks[i].Norm] && tokAt(toks, i-1) == "the" && chargePrepsEN[tokAt(toks, i-2)] &&
		anyNear(toks, i, -12, -3, enVerbs[countArrested])
}

var (
	chargeWords = wordSet("متهم", "متهمين", "متهمون", "المتهم", "المتهمين", "متورط", "متورطين", "المتورط", "المتورطين",
		"بتهمه", "تهمه", "لتورطه", "لتورطهم", "بتورطه", "بتورطهم", "مشتبه", "المشتبه", "يشتبه", "للاشتباه", "بالتورط",
		"suspected", "accused", "charged", "convicted", "implicated")
	chargePrepsEN = wordSet("in", "over", "for")
)

// hospitalVerbs take the hurt to a hospital: "نُقل ثلاثة شبان إلى المشفى".
var hospitalVerbs = wordSet("نقل", "نقلوا", "اسعف", "اسعفوا", "اسعاف")

// takenToHospital reads the people taken to a hospital as hurt: "ونُقل
// خمسة عمال إلى مستشفى المدينة", "وأُسعف اثنان إلى مستشفى X".
// The hospital is told within eight words of the verb; bodies taken there are
// not hurt.
func takenToHospital(toks []token, i int) (count, bool) {
	if !toks[i].in(hospitalVerbs) || isLatin(toks[i].Norm) || i+1 >= len(toks) || !anyNear(toks, i, 2, 8, hospitalHeads) {
		return count{}, false
	}
	if anyNear(toks, i, 1, 3, bodyWords) {
		return count{}, false
	}
	c, ok := readQuantity(toks, i+1, countInjured)
	if !ok || c.Value == nil {
		return count{}, false
	}
	return c, true
}

// bodyDuals are two bodies: "جثتين", "جثتا".
var bodyDuals = wordSet("جثتي", "جثتين", "جثتا", "جثتان")

// bodyWords are the dead taken somewhere: "نقل جثة", "جثامين".
var bodyWords = wordSet("جثه", "جثث", "جثمان", "جثامين")

// passiveHeld are verbs of holding that, right before a definite person
// noun, tell him held: "أُوقف الشاب", "احتُجز الرجل".
var passiveHeld = wordSet("اوقف", "احتجز", "وقف")

// arrestMasdars are the nouns of arrest that take the pronoun of the one
// arrested: "اعتقاله", "احتجازهما".
var arrestMasdars = wordSet("اعتقال", "احتجاز", "توقيف")

// masdarOfPerson returns 1 for an arrest noun with the pronoun of one man
// ("اعتقاله"), 2 with the dual's ("اعتقالهما"), else 0.
func masdarOfPerson(norm string) int {
	for _, s := range stems(norm) {
		if base, ok := strings.CutSuffix(s, "هما"); ok && arrestMasdars[base] {
			return 2
		}
		if base, ok := strings.CutSuffix(s, "ه"); ok && arrestMasdars[base] {
			return 1
		}
	}
	return 0
}

// countAfterVerb reads "مقتل 3 مدنيين", "مقتل مدني", "مقتل عشرات" at toks[i].
func countAfterVerb(toks []token, i int, k countKind, skip []span) (count, bool) {
	if k == countArrested && toks[i].in(passiveHeld) && i+1 < len(toks) && strings.HasPrefix(toks[i+1].Norm, "ال") {
		if n, ok := personCount(toks[i+1]); ok {
			return count{Kind: k, Value: &n, Pos: toks[i+1].Start}, true // "أُوقف الشاب على حاجز": one person, named by the article
		}
	}
	if !toks[i].in(countVerbs[k]) && !(k == countKilled && lostLife(toks, i)) && !(k == countArrested && raidReached(toks, i)) {
		return count{}, false
	}
	if k == countArrested && toks[i].in(onWords) && !arrestBefore(toks, i, skip) {
		return count{}, false // "على" counts only in "القبض على", a date between them or not
	}
	if n := masdarOfPerson(toks[i].Norm); n > 0 && k == countArrested {
		return count{Kind: k, Value: &n, Pos: toks[i].Start}, true // "بعد ساعات من اعتقاله": his arrest, one person
	}
	if combinedVerbs(toks, i, k) {
		return count{Kind: k, Pos: toks[i].Start, Note: fmt.Sprintf("%s count told together with another kind (%q): not taken", k, toks[i].Norm)}, true
	}
	j := i + 1
	for j < len(toks) && j <= i+10 && (approxWords[toks[j].Norm] || insertWords[toks[j].Norm] || inSpans(toks[j].Start, skip)) {
		j++
	}
	if k == countKilled && toks[i].in(bodyDuals) {
		if i+1 < len(toks) {
			if c, ok := readQuantity(toks, i+1, k); ok && c.Value != nil {
				return c, true // "جثتي ثلاثة أشخاص"
			}
		}
		two := 2 // "عُثر على جثتين في بلدة X": two dead, however the men are told
		return count{Kind: k, Value: &two, Pos: toks[i].Start}, true
	}
	if j >= len(toks) || k == countKilled && toks[i].in(assassinWords) && anyNear(toks, i, -1, -1, attemptWords) {
		return count{}, false // "محاولة اغتيال": nobody was killed
	}
	j = pastLoneDoer(toks, j, k)
	for m := j + 1; m+1 < len(toks) && m <= j+5 && !clauseWords[toks[m].Norm]; m++ {
		if toks[m].Norm == "كل" && toks[m+1].Norm == "من" {
			if c, ok := readQuantity(toks, m, k); ok {
				return c, true // "اعتقلت الدورية كل من X وY": past its doer
			}
		}
	}
	if c, ok := readQuantity(toks, j, k); ok {
		return c, true
	}
	if c, ok := objectCount(toks, j, k, skip); ok {
		return c, true
	}
	if n, ok := personCount(toks[j]); ok && k == countArrested && !isLatin(toks[j].Norm) && strings.HasPrefix(toks[j].Norm, "ال") {
		return count{Kind: k, Value: &n, Pos: toks[j].Start}, true // "اعتقل الشاب": one person, named by the article
	}
	if k == countKilled && toks[i].in(assassinWords) {
		return assassinated(toks, j)
	}
	return count{}, false
}

// pastLoneDoer returns where the victims are told when toks[j] is one doer,
// the verb's subject, with the people it names after him: in "قتل مسلح مجهول
// عنصرين" the gunman killed two, and was not killed; else j.
func pastLoneDoer(toks []token, j int, k countKind) int {
	if !toks[j].in(loneDoers) {
		return j
	}
	m := j + 1
	for m < len(toks) && m <= j+2 && toks[m].in(doerAdjectives) {
		m++
	}
	if m < len(toks) {
		if _, ok := readQuantity(toks, m, k); ok {
			return m
		}
	}
	return j
}

// loneDoers are the singular nouns of one who does harm; doerAdjectives
// follow them ("مسلح مجهول").
var (
	loneDoers      = wordSet("مسلح", "مجهول", "ملثم", "قناص", "انتحاري", "مهاجم")
	doerAdjectives = wordSet("مجهول", "ملثم")
)

// raidReached reports "طالت" after a campaign of raids or arrests: "حملة
// مداهمات طالت عشرة أشخاص" arrests the people it reached.
func raidReached(toks []token, i int) bool {
	return (toks[i].Norm == "طالت" || toks[i].Norm == "طال") && anyNear(toks, i, -6, -1, raidCampaignWords)
}

var raidCampaignWords = wordSet("مداهمات", "مداهمه", "دهم", "اعتقالات", "اعتقال", "المداهمات", "الاعتقالات")

// assassinated reads the one person an assassination names after its doers:
// "اغتال مجهولون يستقلون سيارة الشاب X أمام محله" killed one.
func assassinated(toks []token, j int) (count, bool) {
	for end := j + 12; j < len(toks) && j < end && !clauseWords[toks[j].Norm]; j++ {
		if n, ok := personCount(toks[j]); ok && n == 1 && definite(toks[j].Norm) {
			one := 1
			return count{Kind: countKilled, Value: &one, Pos: toks[j].Start}, true
		}
	}
	return count{}, false
}

// countBeforeNoun reads "3 قتلى", "ثلاثة جرحى" with the noun at toks[i].
func countBeforeNoun(toks []token, i int, k countKind) (count, bool) {
	if i == 0 || !toks[i].in(countNouns[k]) {
		return count{}, false
	}
	if oneFallen[toks[i].Norm] && toks[i-1].in(fallWords) {
		one := 1 // "أسفر عن سقوط قتيل": one dead, told by the singular
		return count{Kind: k, Value: &one, Pos: toks[i].Start}, true
	}
	if combinedNouns(toks, i) {
		return count{Kind: k, Pos: toks[i].Start, Note: fmt.Sprintf("%s count told together with another kind (%q): not taken", k, toks[i].Norm)}, true
	}
	for back := 2; back >= 1; back-- { // the longer number first: "أحد عشر شهيداً" is 11, not "عشر"
		if i-back < 0 {
			continue
		}
		if v, n := parseNumber(toks, i-back); n == back {
			return count{Kind: k, Value: &v, Pos: toks[i-back].Start}, true
		}
		if v, n := parseNumber(withoutWa(toks, i-back), i-back); n == back {
			return count{Kind: k, Value: &v, Pos: toks[i-back].Start}, true // "واربعة جرحى"
		}
		if vague, ok := vagueWords[toks[i-1].Norm]; ok && back == 1 {
			return vagueCount(toks[i-1], k, vague), true
		}
	}
	return count{}, false
}

// readQuantity reads the quantity at toks[j]: a number not followed by a
// non-person noun, a vague word, or a singular or dual person noun.
func readQuantity(toks []token, j int, k countKind) (count, bool) {
	w := toks[j].Norm
	if v, n := parseNumber(toks, j); n > 0 {
		if j+n < len(toks) && (toks[j+n].in(notPersons) || monthAt(toks, j+n).ok) {
			return count{}, false // "80 كم", "3 صواريخ", "(25 عاماً)", "24 نوفمبر"
		}
		if v == 0 || v > 5000 {
			return count{}, false
		}
		return withFollowers(toks, j+n, count{Kind: k, Value: &v, Pos: toks[j].Start}), true
	}
	if vague, ok := vagueWords[w]; ok {
		return vagueCount(toks[j], k, vague), true
	}
	n, ok := personCount(toks[j])
	if !ok && namedMany[w] {
		n, ok = namesListed(toks, j+1) // "القبض على المدعوين X Y وZ W": the men named
	}
	if !ok && w == "كل" && tokAt(toks, j+1) == "من" {
		n, ok = namesListed(toks, j+2) // "إصابة كل من X وY وابن أخيهم": each one named
	}
	if ok && n == 1 && (tokAt(toks, j+1) == "يدعي" || tokAt(toks, j+1) == "يدعيان") {
		if m, listed := namesListed(toks, j+2); listed {
			n = m // "مقتل طفل يدعى X و Y و Z": the child and the others named after him
		}
	}
	if !ok && j+1 < len(toks) && twoWords[toks[j+1].Norm] && isPersonNoun(toks, j) {
		n, ok = 2, true // "مدنيين اثنين": a plural noun counted by the number after it (not "قتلا وأصيب اثنان": the next verb's)
	}
	if !ok && j+1 < len(toks) {
		n, ok = definiteNumber(toks[j+1]) // "خاطفيه الثلاثة": the noun, then its number
	}
	if !ok && (ordinalPersons[toks[j].Norm] || otherPairs[toks[j].Norm]) {
		c := count{Kind: k, Value: new(int), Pos: toks[j].Start, More: true}
		*c.Value = 1 // "وأصيب ثالث": one more person, besides those counted
		if otherPairs[toks[j].Norm] {
			*c.Value = 2
		}
		return c, true
	}
	if !ok {
		return count{}, false
	}
	if personIntros[w] && kinAfterName(toks, j+1) {
		n++ // "أودى بحياة المدعو X، وابنه Y": the man named, and his son
	}
	// "المدعو X", "الناشط X", "الشابين الآخرين": people the article says are known, maybe
	// some of those a larger count told before
	named := w == "المدعو" || w == "المدعوه" || strings.HasPrefix(w, "ال") && !isLatin(w)
	return withFollowers(toks, j+1, count{Kind: k, Value: &n, Pos: toks[j].Start, Named: named}), true
}

// namedMany stand before the names of two or more people: "المدعوين",
// "المدعوان".
var namedMany = wordSet("المدعوين", "المدعوان", "المدعوون", "والمدعوين", "والمدعوان")

// waNames are given names that begin with "و" of their own, so that "وليد"
// in a list of names is one more name's part, not "و" and another person.
var waNames = wordSet("وليد", "وائل", "وسيم", "وسام", "وحيد", "وفيق", "وجيه", "وديع", "وهيب", "وضاح",
	"وفاء", "ولاء", "وصفي", "وصال", "وداد", "ورد", "ورده", "وهبه", "وهبي", "وعد", "ودود", "وجدي", "وجدان")

// nameListEnds are words no name is made of, which end a list of names: "وذلك بعد".
var nameListEnds = wordSet("ذلك", "هذا", "هذه", "تلك", "الذي", "التي", "الذين", "قد", "تم", "كان", "كانت", "هو", "هم",
	"بعد", "قبل", "من", "في", "على", "عن", "الى", "مع", "بين", "خلال", "اثر", "عند", "حيث", "لدى", "بتهمه", "بجرم")

// firstName reports "وعلي" (read as "و" and "على" too) opening one more name:
// a word of a name follows it.
func firstName(toks []token, j int) bool {
	if toks[j].Norm != "وعلي" || j+1 >= len(toks) {
		return false
	}
	w := toks[j+1].Norm
	return !lexiconWord(w) && !stopWord(w) && !nameListEnds[w] && !isNumber(w) && !strings.HasPrefix(w, "ال")
}

// namesListed counts the people whose names run from toks[j], each of one
// to four words, the next joined by "و": "المدعوين علي X Y وعمار Z، وموسى W"
// names three. The list ends at the first word that is no part of a name; a
// list of fewer than two names counts nothing.
func namesListed(toks []token, j int) (int, bool) {
	n, words := 0, 0
	for ; j < len(toks); j++ {
		w := toks[j].Norm
		if isNumber(w) && n > 0 && j+1 < len(toks) && toks[j+1].in(ageWords) {
			j++ // "أنس عبيد (46 عاماً)، وبلال …": his age, inside the list
			continue
		}
		rest, joined := strings.CutPrefix(w, "و")
		if joined && waNames[w] {
			joined = false
		}
		family := words > 0 && !joined && strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 5 // "أحمد العلي": a family name, though "علي" is "على" too
		if isNumber(w) || n > 0 && !joined && (lexiconWord(w) || isCountWord(w) || stopWord(w) && !family || nameListEnds[w]) ||
			joined && (lexiconWord(rest) || isCountWord(rest) || nameListEnds[rest] || stopWord(rest) && !firstName(toks, j)) {
			break
		}
		switch {
		case n == 0 || joined && words > 0:
			n, words = n+1, 1
		case words < 4:
			words++
		default:
			return 0, false // no name runs to five words: this is no list of names
		}
	}
	if n < 2 {
		return 0, false
	}
	return n, true
}

// ageWords follow a number that is someone's age: "(35 عاماً)".
var ageWords = wordSet("عاما", "عام", "سنه", "سنوات", "عمره")

// kinAfterName reports a relative of the one just named, joined by "و" after
// the one to four words of his name: "المدعو X Y، وابنه Z", "وزوجته".
func kinAfterName(toks []token, j int) bool {
	for n := 0; j < len(toks) && n <= 4; j, n = j+1, n+1 {
		w := toks[j].Norm
		rest, joined := strings.CutPrefix(w, "و")
		if joined && n > 0 {
			for _, suf := range []string{"ه", "ها"} {
				if base, ok := strings.CutSuffix(rest, suf); ok && kinPersons[base] {
					return true
				}
			}
			return false
		}
		if lexiconWord(w) || isCountWord(w) || stopWord(w) {
			return false
		}
	}
	return false
}

// combinedNouns reports a count noun joined to one of another kind: "60
// قتيلاً وجريحاً" counts both together, so neither.
func combinedNouns(toks []token, i int) bool {
	var other []map[string]bool
	for k, set := range countNouns {
		if !toks[i].in(set) && k != countArrested {
			other = append(other, set)
		}
	}
	if i+1 < len(toks) {
		next := withoutWa(toks, i+1)[i+1]
		for _, set := range other {
			if next.Norm != toks[i+1].Norm && next.in(set) || toks[i-1].in(set) && strings.HasPrefix(toks[i].Norm, "و") {
				return true
			}
		}
	}
	return false
}

// combinedVerbs reports a verb of death joined to one of injury, or the other
// way round, before one number: "قُتل وجرح 13 شخصاً", "مقتل وإصابة ثلاثة"
// count the dead and the hurt together, so neither.
func combinedVerbs(toks []token, i int, k countKind) bool {
	if k == countArrested {
		return false
	}
	other := countVerbs[countInjured]
	if k == countInjured {
		other = countVerbs[countKilled]
	}
	joined := func(j int) bool { return strings.HasPrefix(toks[j].Norm, "و") }
	// The first verb told with its own subject before it ("رجل وطفل قُتلا وأُصيب
	// خمسة") counts that subject: dual and plural forms end in "ا".
	bare := func(j int) bool { return !strings.HasSuffix(toks[j].Norm, "ا") }
	// Each verb told with a person of its own ("طفلاً قُتل وأُصيب والده") counts that person.
	person := func(j int) bool {
		if j < 0 || j >= len(toks) {
			return false
		}
		_, ok := personCount(toks[j])
		return ok
	}
	// A person told as the first verb's subject before it ("إن مدنياً قُتل وأُصيب
	// ثمانية آخرون") is its count, and the number after the second verb is that
	// verb's own.
	if i+1 < len(toks) && joined(i+1) && toks[i+1].in(other) && bare(i) {
		return !person(i - 1)
	}
	return i > 0 && joined(i) && toks[i-1].in(other) && bare(i-1) && !person(i-2)
}

func vagueCount(t token, k countKind, meaning string) count {
	return count{Kind: k, Pos: t.Start,
		Note: fmt.Sprintf("%s count %q (%s) not taken as a number", k, t.Norm, meaning)}
}

func inSpans(pos int, spans []span) bool {
	for _, sp := range spans {
		if pos >= sp.Start && pos < sp.End {
			return true
		}
	}
	return false
}

// pastVerbs are the verbs of death and injury told after their subject:
// "خمسة مدنيين قتلوا", "شابين لقيا حتفهما", "أحد المقاتلين أصيب".
var pastVerbs = map[countKind]map[string]bool{
	countKilled: wordSet("قتل", "قتلوا", "قتلا", "لقي", "لقيا", "لقوا", "استشهد", "استشهدوا", "استشهدا", "قضيا", "قضوا",
		// the feminine: "امرأة لقيت حتفها", "طفلة قتلت"
		"قتلت", "لقيت", "استشهدت", "قضت"),
	countInjured: wordSet("اصيب", "اصيبوا", "اصيبا", "جرح", "جرحوا", "جرحا", "اصيبت", "جرحت"),
}

// oneFallen are the singular nouns of one dead or hurt, which "سقوط" tells
// as one: "سقوط قتيل", "وسقوط جريح".
var oneFallen = wordSet("قتيل", "جريح", "شهيد")

// fallWords come before them: "سقوط", "عن سقوط", "ارتقاء شهيد".
var fallWords = wordSet("سقوط", "وسقوط", "بسقوط", "ارتقاء", "وارتقاء", "بارتقاء", "لارتقاء")

// harmDuals are the duals of the nouns of one dead or hurt, two of them:
// "أوقع إصابتين", "وقوع جريحين", "سقوط قتيلين".
var harmDuals = map[string]countKind{"قتيلين": countKilled, "شهيدين": countKilled, "جريحين": countInjured,
	"اصابتين": countInjured}

// causedWords come before harmDuals: a fall, a verb of causing, or "عن".
var causedWords = wordSet("اوقع", "اوقعت", "واوقع", "واوقعت", "وقوع", "ووقوع", "عن", "خلف", "خلفت", "مخلفا", "مخلفه")

// dualHarm reads harmDuals after a word of falling or causing at toks[i].
func dualHarm(toks []token, i int) (count, bool) {
	k, ok := harmDuals[strings.TrimPrefix(toks[i].Norm, "و")]
	if !ok || i == 0 || !toks[i-1].in(fallWords) && !toks[i-1].in(causedWords) {
		return count{}, false
	}
	two := 2
	return count{Kind: k, Value: &two, Pos: toks[i].Start}, true
}

// dualVerbs are the verbs of pastVerbs in the dual: their subject is two.
var dualVerbs = wordSet("قتلا", "لقيا", "استشهدا", "قضيا", "اصيبا", "جرحا")

// countBeforeVerb reads the subject before a verb of death or injury at
// toks[i]: a number and a person noun, or a singular or dual person noun,
// within three words before it.
func countBeforeVerb(toks []token, i int, k countKind) (count, bool) {
	if !toks[i].inInflected(pastVerbs[k]) {
		return count{}, false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if v, n := parseNumber(toks, j); n > 0 && j+n < len(toks) && isPersonNoun(toks, j+n) && v > 0 && v <= 5000 {
			return count{Kind: k, Value: &v, Pos: toks[j].Start}, true
		}
		if v, s, ok := numberBefore(toks, j); ok && isPersonNoun(toks, j) {
			return count{Kind: k, Value: &v, Pos: toks[s].Start}, true // "نحو 14 جندياً، قتلوا": the noun's number
		}
		if j == i-1 && toks[j].in(pluralPersons) && toks[i].inInflected(dualVerbs) {
			two := 2
			return count{Kind: k, Value: &two, Pos: toks[j].Start}, true // "أن مدنيين قضيا": the dual, spelt as the plural
		}
		if j+1 < i && twoWords[toks[j+1].Norm] && toks[j].in(pluralPersons) {
			two := 2
			return count{Kind: k, Value: &two, Pos: toks[j].Start}, true // "مدنيين اثنين قتلوا"
		}
		if n, ok := personCount(toks[j]); ok && (j == 0 || !isCountWord(toks[j-1].Norm)) {
			if c, ok := groupBeforeSubgroup(toks, j, k); ok {
				return c, true // "5 مدنيين بينهم طفلين استشهدوا": the five, of whom two children
			}
			if v, m := parseNumber(toks, max(j-2, 0)); j >= 2 && m == 1 && strings.HasPrefix(toks[j].Norm, "و") && isPersonNoun(toks, j-1) && v > 0 && v < 5000 {
				v += n // "ثلاثة أطفال ووالدتهم أصيبوا": the children and their mother
				return count{Kind: k, Value: &v, Pos: toks[j-2].Start}, true
			}
			return count{Kind: k, Value: &n, Pos: toks[j].Start}, true
		}
		if isCountWord(toks[j].Norm) {
			break
		}
	}
	return count{}, false
}

// groupBeforeSubgroup reads the counted group told before "بينهم"/"منهم"
// and the subgroup at toks[j]: "5 مدنيين بينهم طفلين".
func groupBeforeSubgroup(toks []token, j int, k countKind) (count, bool) {
	if j < 3 || !toks[j-1].in(subgroup) {
		return count{}, false
	}
	if v, n := parseNumber(toks, j-3); n == 1 && isPersonNoun(toks, j-2) && v > 0 && v <= 5000 {
		return count{Kind: k, Value: &v, Pos: toks[j-3].Start}, true
	}
	return count{}, false
}

// numberBefore returns the number whose words end right before toks[j] and
// the index of its first word: "نحو 14 جندياً", "خمسة وعشرين شخصاً".
func numberBefore(toks []token, j int) (v, start int, ok bool) {
	for s := j - 1; s >= 0 && s >= j-3; s-- {
		if v, n := parseNumber(toks, s); n > 0 && s+n == j && v > 0 && v <= 5000 {
			return v, s, true
		}
	}
	return 0, 0, false
}

// deathOfThem reads a death told of the victim by a pronoun, as what the
// event brought ("ما أدى لوفاته", "أسفر عن مقتلها", "مما تسبب بمقتلهما") or
// after his wounds ("لكنه توفي متأثراً بإصابته"): one killed, two for the
// dual. An injury told so ("ما أدى لإصابته بجروح") is one hurt.
func deathOfThem(toks []token, i int) (count, bool) {
	w := toks[i].Norm
	one := func() (count, bool) {
		v := 1
		return count{Kind: countKilled, Value: &v, Pos: toks[i].Start}, true
	}
	if toks[i].in(diedVerbs) && i+1 < len(toks) && toks[i+1].in(ofWoundsWords) {
		return one() // "توفي متأثراً بجراحه"
	}
	if !anyNear(toks, i, -3, -1, resultWords) {
		return count{}, false
	}
	for _, pre := range []string{"", "ل", "ب", "و"} { // "ووفاته": "أدى إلى إصابته ووفاته"
		rest, ok := strings.CutPrefix(w, pre)
		if !ok {
			continue
		}
		for _, base := range deathMasdars {
			if rest == base+"هما" {
				v := 2
				return count{Kind: countKilled, Value: &v, Pos: toks[i].Start}, true
			}
			if rest == base+"ه" || rest == base+"ها" {
				return one()
			}
		}
		if base, ok := strings.CutPrefix(rest, "اصابت"); ok && !anyNear(toks, i, 1, 2, damageNouns) && !diedAfter(toks, i) {
			// "ما أدى لإصابته بجروح": one hurt, two for the dual; not "لإصابتها بأضرار", a thing
			// damaged, nor "إصابته ووفاته", "إصابته لكنه توفي متأثراً": one killed
			if v := map[string]int{"ه": 1, "ها": 1, "هما": 2}[base]; v > 0 {
				return count{Kind: countInjured, Value: &v, Pos: toks[i].Start}, true
			}
		}
	}
	return count{}, false
}

// diedAfter reports the death of the one hurt told within twelve words after
// token i: "أدى إلى إصابته ووفاته", "إصابته، ولكنه توفي متأثراً".
func diedAfter(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+12; j++ {
		if toks[j].in(diedVerbs) {
			return true
		}
		for _, st := range stems(toks[j].Norm) {
			for _, base := range deathMasdars {
				if strings.HasPrefix(st, base) {
					return true
				}
			}
		}
	}
	return false
}

var (
	// deathMasdars are death nouns before a pronoun suffix ("مقتله", "وفاتها").
	deathMasdars = []string{"مقتل", "وفات", "استشهاد", "مصرع"}
	// resultWords tell what an event brought: "ما أدى إلى", "أسفر عن", "تسبب ب".
	resultWords = wordSet("ادي", "ادت", "اسفر", "اسفرت", "تسبب", "تسببت", "مما")
	// diedVerbs in the singular, and ofWoundsWords after them: "توفي متأثراً".
	diedVerbs     = wordSet("توفي", "توفيت")
	ofWoundsWords = wordSet("متاثرا", "متاثره")
)

// lostLife reports "فقد ... حياته", "فقدان عاملين اثنين لحياتهما": killed.
func lostLife(toks []token, i int) bool {
	if !toks[i].in(lostWords) {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+14; j++ {
		for _, st := range stems(toks[j].Norm) {
			if st == "حياه" || strings.HasPrefix(st, "حيات") {
				return true
			}
		}
	}
	return false
}

// arrestBefore reports "القبض" just before toks[i] == "على", with only a date
// or place between: "ألقت القبض مطلع الشهر الجاري على ثلاثة".
func arrestBefore(toks []token, i int, skip []span) bool {
	if toks[i].Norm != "علي" {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		if toks[j].in(seizeWords) {
			return true
		}
		if !inSpans(toks[j].Start, skip) {
			return false
		}
	}
	return false
}

// Word sets of the rules above, built once.
var (
	onWords    = wordSet("علي")
	lostWords  = wordSet("فقد", "فقدان")
	seizeWords = wordSet("قبض")
)
