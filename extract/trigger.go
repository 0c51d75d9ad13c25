package extract

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
)

// The incident types of the incidents package's controlled vocabulary.
const (
	TypeArrest         = "arrest"
	TypeAirstrike      = "airstrike"
	TypeArmedAttack    = "armed_attack"
	TypeBombing        = "bombing"
	TypeClash          = "clash"
	TypeShelling       = "shelling"
	TypeWeaponsSeizure = "weapons_seizure"
	TypeKidnapping     = "kidnapping"
	TypeOther          = "other"
)

// need names a word class that must follow a trigger word closely for it to
// count: "ضبط" alone is "keeping order", "ضبط أسلحة" a seizure.
type need int

const (
	needNothing        need = iota
	needWeapons             // a weapon or ammunition noun within 5 words
	needFire                // "النار" or "الرصاص" within 2 words
	needAir                 // an aircraft word within 2 words
	needAirOrForeign        // an aircraft word within 2 words, or a foreign air force's adjective right after
	needAirOrIsraeli        // an aircraft word within 2 words, or "إسرائيلي" right after: Israel's aggression comes from the air
	needArmed               // "مسلح" within 2 words: "سطو مسلح"
	needFound               // a verb of finding within 3 words before ("عُثر على جثة"), or within 8 with "على" just before or none needed ("وجد")
	needFireLate            // "النار" after the doers, however many words tell them: "فتح مسلحون ... النار"
	needThrown              // a verb of throwing within eight words before: "ألقى مسلحون يستقلون دراجة قنبلة يدوية"
	needGunfire             // "ناري" right after: "بعيار ناري", "بأعيرة نارية"
	needControlOf           // "على" within 3 words after, and for the noun a verb of taking before: "أحكم سيطرته على"
	needWeaponsOrArmed      // needWeapons, or armed doers told after: "تعرض لاعتداء على يد مسلحين"
	needArmedDoers          // armed doers told after: "مقتل تاجر على يد مجموعة مسلحة"
	needAttempt             // an attempt told right before: "محاولة تسلل", "an infiltration attempt"
	needUnknownPlace        // "جهة مجهولة" after: "اقتادوه إلى جهة مجهولة"
	needBlade               // a blade within 4 words: "طعن بسكين" (and not "طعن في الحكم", an appeal)
	needFoiled              // a verb of foiling within 6 words before: "أحبطت الوحدات عملية تهريب"
	needForceNear           // a force within three words: "دخلت دورية إسرائيلية"
	needFellOrFired         // falling within two words before, or firing within four: "سقط صاروخ على منزل", "أطلقت القوات صواريخ على"
	needPositions           // fighters' positions within four words after: "destroyed the militants' gatherings"
)

// lexeme is one trigger word: its normalised stem, the type it signals and how
// it may be inflected.
type lexeme struct {
	typ   string
	exact bool // no suffixes: "غاره" must not match "غارق"
	need  need
	weak  bool // "قتل": an incident only when nothing stronger is said
	item  bool // "قذائف", "عبوة ناسفة": also what is found in a seizure
}

// lexicon maps normalised stems (after normalize and proclitic stripping) to
// trigger words.
var lexicon = map[string]lexeme{
	// arrest
	"اعتقال": {typ: TypeArrest}, "اعتقل": {typ: TypeArrest}, "يعتقل": {typ: TypeArrest},
	"تعتقل": {typ: TypeArrest}, "معتقل": {typ: TypeArrest}, "قبض": {typ: TypeArrest},
	"توقيف": {typ: TypeArrest}, "موقوف": {typ: TypeArrest}, "احتجاز": {typ: TypeArrest},
	"احتجز": {typ: TypeArrest}, "اوقف": {typ: TypeArrest, exact: true}, "اوقفت": {typ: TypeArrest, exact: true},
	// airstrike
	"غاره": {typ: TypeAirstrike, exact: true}, "غارات": {typ: TypeAirstrike, exact: true},
	"غارتين": {typ: TypeAirstrike, exact: true}, "غارتان": {typ: TypeAirstrike, exact: true}, "غارتي": {typ: TypeAirstrike, exact: true},
	"براميل": {typ: TypeAirstrike, exact: true}, "برميل": {typ: TypeAirstrike, exact: true}, // barrel bombs are dropped from the air
	// "أغار الطيران على بلدة X", "أغارت طائرات حربية على": raided from the air
	"اغار": {typ: TypeAirstrike},
	"ضربه": {typ: TypeAirstrike, exact: true, need: needAirOrForeign}, "ضربات": {typ: TypeAirstrike, exact: true, need: needAirOrForeign},
	// shelling: plain "قصف" is shelling unless an aircraft is named nearby
	"قصف": {typ: TypeShelling}, "يقصف": {typ: TypeShelling}, "تقصف": {typ: TypeShelling},
	"قذائف": {typ: TypeShelling, exact: true, item: true}, "قذيفه": {typ: TypeShelling, exact: true, item: true},
	"قذيفتين": {typ: TypeShelling, exact: true, item: true}, "قذيفتان": {typ: TypeShelling, exact: true, item: true},
	"قذيفتي": {typ: TypeShelling, exact: true, item: true}, // the dual in construct: "سقوط قذيفتي هاون"
	"قذيفتا": {typ: TypeShelling, exact: true, item: true}, // and as a subject: "سقطت قذيفتا هاون"
	// a rocket that fell or was fired, as shells are: "سقط صاروخ على منزل", "أطلقت القوات صواريخ على البلدة"
	"صاروخ": {typ: TypeShelling, exact: true, item: true, need: needFellOrFired}, "صواريخ": {typ: TypeShelling, exact: true, item: true, need: needFellOrFired},
	// bombing
	"انفجار": {typ: TypeBombing}, "انفجر": {typ: TypeBombing}, "تفجير": {typ: TypeBombing},
	"ناسفه": {typ: TypeBombing, exact: true, item: true}, "مفخخه": {typ: TypeBombing, exact: true, item: true},
	"انتحاري": {typ: TypeBombing},
	// armed attack
	"هجوم": {typ: TypeArmedAttack}, "هجمات": {typ: TypeArmedAttack, exact: true},
	"هجمه": {typ: TypeArmedAttack, exact: true}, "هاجم": {typ: TypeArmedAttack}, "يهاجم": {typ: TypeArmedAttack},
	"استهداف": {typ: TypeArmedAttack}, "استهدف": {typ: TypeArmedAttack}, "يستهدف": {typ: TypeArmedAttack},
	"تستهدف": {typ: TypeArmedAttack}, "اغتيال": {typ: TypeArmedAttack}, "اغتال": {typ: TypeArmedAttack},
	"اغتيل": {typ: TypeArmedAttack}, "اغتيلت": {typ: TypeArmedAttack}, "اغتيلا": {typ: TypeArmedAttack}, // "اغتيل شاب": the passive
	"كمين": {typ: TypeArmedAttack, exact: true}, "اطلاق": {typ: TypeArmedAttack, exact: true, need: needFire},
	// "بتبادل لإطلاق النار بين الطرفين", "تبادلوا إطلاق النار مع دورية": fire from both sides, a clash
	"تبادل": {typ: TypeClash, exact: true, need: needFire}, "تبادلوا": {typ: TypeClash, exact: true, need: needFire},
	"تبادلت": {typ: TypeClash, exact: true, need: needFire}, "يتبادل": {typ: TypeClash, exact: true, need: needFire},
	"سطو":    {typ: TypeArmedAttack, exact: true, need: needArmed},                                     // armed robbery
	"مشاجره": {typ: TypeArmedAttack, need: needArmed}, "شجار": {typ: TypeArmedAttack, need: needArmed}, // an armed brawl
	// a body found, or someone found killed: a killing whose doer is not told
	"جثه": {typ: TypeArmedAttack, weak: true, need: needFound}, "جثتي": {typ: TypeArmedAttack, weak: true, exact: true, need: needFound},
	"جثث":   {typ: TypeArmedAttack, weak: true, exact: true, need: needFound},
	"جثتين": {typ: TypeArmedAttack, weak: true, exact: true, need: needFound}, "جثتا": {typ: TypeArmedAttack, weak: true, exact: true, need: needFound}, // two bodies
	"جثتان": {typ: TypeArmedAttack, weak: true, exact: true, need: needFound}, "مقتولا": {typ: TypeArmedAttack, weak: true, exact: true},
	"مقتوله": {typ: TypeArmedAttack, weak: true, exact: true}, "مقتولين": {typ: TypeArmedAttack, weak: true, exact: true},
	"سلب": {typ: TypeArmedAttack, need: needArmed}, "اقتحم": {typ: TypeArmedAttack, need: needArmed},
	"مجزره": {typ: TypeArmedAttack, exact: true, weak: true}, "مجازر": {typ: TypeArmedAttack, exact: true, weak: true},
	"اطلق": {typ: TypeArmedAttack, need: needFire},
	// shot: "مقتل شاب إثر إصابته بعيار ناري", "أصيب بأعيرة نارية"
	"عيار": {typ: TypeArmedAttack, exact: true, need: needGunfire}, "اعيره": {typ: TypeArmedAttack, exact: true, need: needGunfire},
	"طلق": {typ: TypeArmedAttack, exact: true, need: needGunfire}, // "إثر إصابته بطلق ناري"
	// a grenade thrown at a house or a checkpoint: "ألقى مجهولون قنبلة يدوية على منزل"
	"قنبله": {typ: TypeArmedAttack, exact: true, need: needThrown}, "قنابل": {typ: TypeArmedAttack, exact: true, need: needThrown},
	"فتح": {typ: TypeArmedAttack, need: needFireLate}, // "فتح مسلحون النار على"; opening anything else is no attack
	"قتل": {typ: TypeArmedAttack, weak: true}, "اعدام": {typ: TypeArmedAttack, weak: true},
	"اعدم": {typ: TypeArmedAttack, weak: true}, "ارتقي": {typ: TypeArmedAttack, weak: true, exact: true},
	"رصاص":  {typ: TypeArmedAttack, weak: true, exact: true}, // "ارتقى رجل برصاص مجهولين"
	"نيران": {typ: TypeArmedAttack, weak: true, exact: true}, // "قضى مدني بنيران عناصر X", "تعرض لنيران حاجز"
	// the official media's word for an attack: "اعتدى مسلحون بقذائف الهاون على بلدة X"
	// (an aggression with a weapon named after it, or by armed men named as its doers;
	// without either it may be a quarrel or a trespass)
	// a death by armed men's hand is their attack: "مقتل تاجر على يد مجموعة مسلحة"
	"مقتل":   {typ: TypeArmedAttack, weak: true, exact: true, need: needArmedDoers},
	"اعتداء": {typ: TypeArmedAttack, need: needWeaponsOrArmed}, "اعتدي": {typ: TypeArmedAttack, need: needWeaponsOrArmed},
	// the official media's "air aggression": "نفذ العدو الإسرائيلي عدواناً جوياً"
	"عدوان": {typ: TypeAirstrike, need: needAirOrIsraeli},
	// clash
	// a force that took a place fought for it: "سيطر الجيش الحر على مبانٍ", "أعلنت قسد سيطرتها على قرية"
	"سيطر": {typ: TypeClash, exact: true, need: needControlOf}, "سيطرت": {typ: TypeClash, exact: true, need: needControlOf},
	"سيطروا": {typ: TypeClash, exact: true, need: needControlOf}, "سيطرته": {typ: TypeClash, exact: true, need: needControlOf},
	"سيطرتها": {typ: TypeClash, exact: true, need: needControlOf}, "سيطرتهم": {typ: TypeClash, exact: true, need: needControlOf},
	"اشتباك": {typ: TypeClash}, "اشتبك": {typ: TypeClash}, "مواجهات": {typ: TypeClash, exact: true},
	"معارك":  {typ: TypeClash, exact: true},
	"اقتتال": {typ: TypeClash}, "اقتتل": {typ: TypeClash}, // infighting: between clans, families or factions
	// an attempt to infiltrate or storm a front, repelled or failed, is fighting there:
	// "أحبطت القوات محاولة تسلل", "فشلت محاولة اقتحام البلدة"
	"تسلل": {typ: TypeClash, exact: true, need: needAttempt}, "اقتحام": {typ: TypeClash, exact: true, need: needAttempt},
	// weapons seizure
	"ضبط": {typ: TypeWeaponsSeizure, need: needWeapons}, "مصادره": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons},
	"مستودع": {typ: TypeWeaponsSeizure, need: needWeapons}, "مخازن": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons},
	"مخابئ": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons}, "مخبا": {typ: TypeWeaponsSeizure, need: needWeapons},
	"عثور": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons}, "تدمير": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons},
	"حجز": {typ: TypeWeaponsSeizure, need: needWeapons}, "صادر": {typ: TypeWeaponsSeizure, need: needWeapons},
	"مضبوطات": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons},
	// a bomb defused or dismantled is a device found: "فككت الهندسة عبوة ناسفة مزروعة"
	"فكك": {typ: TypeWeaponsSeizure, need: needWeapons}, "تفكيك": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons},
	"ابطال": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons},
	// barrels dropped in the dual: "ألقى الطيران المروحي برميلين متفجرين"
	"برميلين": {typ: TypeAirstrike, exact: true}, "برميلان": {typ: TypeAirstrike, exact: true},
	// weapons discovered or found: "اكتشفت موقعين يحتويان على أسلحة", "عُثر على بنادق"
	"اكتشف": {typ: TypeWeaponsSeizure, need: needWeapons}, "اكتشاف": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons},
	"عثر": {typ: TypeWeaponsSeizure, need: needWeapons},
	// other: an incursion with no arrest or seizure told
	"توغل": {typ: TypeOther, weak: true}, "يتوغل": {typ: TypeOther, weak: true, exact: true},
	// a force that entered a village, or raided or searched houses, with nothing more told:
	// "دخلت دورية إسرائيلية إلى قرية X وفتشت منازل", "شنت قسد حملة مداهمات"
	"دخلت": {typ: TypeOther, weak: true, exact: true, need: needForceNear}, "دخل": {typ: TypeOther, weak: true, exact: true, need: needForceNear},
	"مداهمات": {typ: TypeOther, weak: true, exact: true}, "مداهمه": {typ: TypeOther, weak: true, exact: true},
	"داهمت": {typ: TypeOther, weak: true, exact: true}, "داهم": {typ: TypeOther, weak: true, exact: true},
	// a smuggling foiled with nothing counted ("أحبطت الوحدات عملية تهريب"): of the
	// conventions' "other"
	"تهريب": {typ: TypeOther, weak: true, exact: true, need: needFoiled},
	// kidnapping
	"خطف": {typ: TypeKidnapping}, "اختطاف": {typ: TypeKidnapping}, "اختطف": {typ: TypeKidnapping},
	// a stabbing: "تعرض لطعنات بسكين", "طعنه مجهول بسكين"
	"طعنات": {typ: TypeArmedAttack, exact: true}, "طعن": {typ: TypeArmedAttack, need: needBlade},
	// someone led away to an unknown place: by armed men a kidnapping, by a
	// force an arrest (see refine): "اقتادوا الشاب إلى جهة مجهولة"
	"اقتاد": {typ: TypeKidnapping, need: needUnknownPlace}, "اقتيد": {typ: TypeKidnapping, need: needUnknownPlace},
	"تقتاد": {typ: TypeKidnapping, need: needUnknownPlace}, "يقتاد": {typ: TypeKidnapping, need: needUnknownPlace},
	"اقتياد": {typ: TypeKidnapping, exact: true, need: needUnknownPlace},
	"مختطف":  {typ: TypeKidnapping}, "مخطوف": {typ: TypeKidnapping}, "يخطف": {typ: TypeKidnapping},
	// kidnappers told by their deed, not yet told taking anyone: "تواصل خاطفون مع
	// عائلة طفل"; weak, so that an arrest of them told with them stays an arrest.
	// Definite ("الخاطفون", "العصابة الخاطفة"), they are the doers of a kidnapping
	// told already.
	"خاطفون": {typ: TypeKidnapping, weak: true, exact: true}, "خاطفين": {typ: TypeKidnapping, weak: true, exact: true},
}

// suffixes are the endings a non-exact stem may carry: person, number and
// pronoun suffixes ("اعتقلت", "الاشتباكات", "المعتقلين", "استهدفوا").
var suffixes = []string{"تهم", "تها", "ته", "وه", "تين", "ات", "ين", "ون", "وا", "ها", "هم", "تا", "ان", "يه", "ه", "ت", "ي", "ا", "ن"}

// lookup returns the trigger word that the normalised token norm is a form of.
func lookup(norm string) (lexeme, bool) {
	if isLatin(norm) {
		for _, f := range englishForms(norm) {
			if lx, ok := lexicon[f]; ok && (!lx.exact || f == norm) {
				return lx, true
			}
		}
		return lexeme{}, false
	}
	for _, s := range stems(norm) {
		if lx, ok := lexicon[s]; ok {
			return lx, true
		}
		for _, suf := range suffixesFor(s) {
			base, found := strings.CutSuffix(s, suf)
			if !found || len(base) < 4 { // at least two Arabic letters
				continue
			}
			if lx, ok := lexicon[base]; ok && !lx.exact {
				return lx, true
			}
		}
		if base, ok := strings.CutSuffix(s, "ا"); ok && len(base) >= 4 {
			if lx, ok := lexicon[base]; ok && lx.exact && !strings.HasSuffix(base, "ه") {
				return lx, true // "برميلاً متفجراً": the accusative of a word told whole
			}
		}
	}
	return lexeme{}, false
}

// stemIn reports whether some proclitic-stripped form of norm, bare or with one
// of suffixes, is in set.
func stemIn(norm string, set map[string]bool) bool {
	if isLatin(norm) {
		for _, f := range englishForms(norm) {
			if set[f] {
				return true
			}
		}
		return false
	}
	for _, s := range stems(norm) {
		if set[s] {
			return true
		}
		for _, suf := range suffixesFor(s) {
			if base, found := strings.CutSuffix(s, suf); found && set[base] {
				return true
			}
		}
	}
	return false
}

// wordSet returns a set of words for token.in, and records it: the words of
// every set, as they stand when the first text is read, make the vocabulary
// whose words alone a token looks up. A set must come from here; words may be
// added to it during package initialisation, not after.
func wordSet(words ...string) map[string]bool {
	if vocabularyTaken.Load() {
		panic("extract: wordSet called after the first text was read: make word sets at package level")
	}
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	wordSets = append(wordSets, m)
	return m
}

// wordSets are the sets wordSet made.
var wordSets []map[string]bool

// vocabularyTaken is set once the vocabulary is taken; no set may be made after.
var vocabularyTaken atomic.Bool

// vocabulary is every word of every set in wordSets, taken once, at the first
// text read, after package initialisation has filled the sets.
var vocabulary = sync.OnceValue(func() map[string]bool {
	vocabularyTaken.Store(true)
	vocab := map[string]bool{}
	for _, set := range wordSets {
		for w := range set {
			vocab[w] = true
		}
	}
	return vocab
})

// checkWordSets makes token.in check that each set it is given is wholly in
// the vocabulary, which a set made otherwise than by wordSet, or grown after
// the first text, is not; the tests set it.
var checkWordSets bool

// checkedSets are the sets checkWordSet has found in the vocabulary.
var checkedSets sync.Map

// checkWordSet panics when a word of set is not in the vocabulary, naming it:
// token.in would never find that word.
func checkWordSet(set map[string]bool) {
	key := reflect.ValueOf(set).UnsafePointer()
	if _, ok := checkedSets.Load(key); ok {
		return
	}
	vocab := vocabulary()
	for w := range set {
		if !vocab[w] {
			panic(fmt.Sprintf("extract: word %q of a set token.in is given is not in the vocabulary: make the set with wordSet, and fill it before the first text", w))
		}
	}
	checkedSets.Store(key, true)
}

var (
	weaponWords = wordSet("اسلحه", "سلاح", "ذخائر", "ذخيره", "متفجرات", "عبوات", "عبوه", "ناسفه", "صواريخ",
		"قذائف", "الغام", "لغم", "احزمه", "صواعق", "بنادق", "رشاشات", "مسدسات", "مستودع", "مستودعات", "اسلحت",
		"قذيفه", "صاروخ", "بندقيه", "قنبله", "قنابل", "رشاش", "مسدس", "حزام")
	fireWords = wordSet("نار", "رصاص", "الرصاص", "النار")
	airWords  = wordSet("جوي", "جويه", "جويا", "طيران", "طائره", "طائرات", "مقاتلات", "مقاتله", "مسيره", "مسيرات",
		"مروحي", "مروحيه", "درون", "التحالف", "تحالف",
		// duals: "شنت طائرتان مسيرتان هجوماً"
		"طائرتان", "طائرتين", "مسيرتان", "مسيرتين", "مروحيتان", "مروحيتين")
	artilleryWords = wordSet("مدفعي", "مدفعيه", "صاروخي", "صاروخيه", "صاروخ", "صواريخ", "قذائف", "قذيفه", "قذيفتين", "قذيفتان", "قذيفتي", "قذيفتا", "هاون",
		"راجمات", "مدافع")
	israeliWords   = wordSet("اسرائيلي", "اسرائيليه", "اسرائيليا", "الاسرائيلي", "الاسرائيليه")
	missileWords   = wordSet("صاروخي", "صاروخيه", "صاروخيا", "صاروخ", "صواريخ")
	capableWords   = wordSet("قابل", "قابله", "القابل", "القابله")
	gunWords       = wordSet("مدفعي", "مدفعيه", "قذائف", "قذيفه", "هاون", "راجمات", "مدافع", "المدفعيه")
	shellWords     = wordSet("قذائف", "قذيفه", "قذيفتين", "قذيفتان", "قذيفتي", "قذيفتا", "هاون", "مدفعي", "مدفعيه", "shell", "shells", "mortar", "mortars", "artillery")
	explosiveWords = wordSet("عبوه", "ناسفه", "مفخخه", "لغم", "انتحاري", "انتحاريه", "حزام", "تفجير")
	// itemWords are the incident words that also name a weapon held or found.
	itemWords = wordSet("قذائف", "قذيفه", "قذيفتين", "قذيفتان", "قذيفتي", "قذيفتا", "ناسفه", "مفخخه", "ied", "ieds", "explosive", "explosives",
		"mortar", "mortars", "rocket", "rockets", "shell", "shells", "bomb", "bombs")
	// deviceWords name a bomb someone set off (see deviceNear).
	deviceWords = wordSet("ملغمه", "الملغمه", "ملغومه", "عبوه", "عبوات", "عبوتين", "عبوتان", "ناسفه", "ناسفتين", "ناسفتان", "مفخخه", "مفخخات", "انتحاري", "انتحاريه",
		"حزام", "تفجير", "فجر", "قنبله", "قنابل", "يدويه", "متفجره", "لاصقه",
		"ied", "ieds", "bomb", "bombs", "bomber", "booby", "suicide", "device", "devices", "grenade", "detonated", "planted", "rigged", "explosives")
	// blockWords before a trigger mean the event did not happen or is not one:
	// a denial, a threat, a ceasefire, a release of detainees.
	blockWords = wordSet("نفي", "نفت", "ينفي", "تنفي", "عدم", "وقف", "منع", "تهدد", "يهدد", "تهديد", "تهديدات",
		"احباط", "احبطت", "احبط", "افراج", "سراح", "تخطيط", "تهمه", "ادانه", "ادانت", "تدين", "يدين",
		// a preparation for what is to come: "استعداداً لمعركة X"
		"استعدادا", "تحضيرا", "تحضيرات", "استعدادات",
		// a rejection or an accusation: "رفض أي هجمات", "متهمين بارتكاب جرائم قتل وخطف"
		"رفض", "يرفض", "ترفض", "جرائم", "جريمه", "ارتكاب", "متهم", "متهمين",
		// an ability, a tactic or a possibility: "قدرات تمكنه من شن هجمات", "تعتمد على هجمات"
		"قدرات", "قدره", "تمكنه", "يمكن", "يمكنه", "قادر", "قادره", "تعتمد", "يعتمد", "تكتيكات", "اسلوب",
		"حذرت", "حذر", "تحذير", "يخطط", "تخطط", "مخطط",
		"لم", "no", // "ولم تُسجل أي اعتقالات", "no arrests were made"
		"دون", "بدون", "without", // "دون تنفيذ اعتقالات", "entered the village without carrying out arrests"
		// a warrant is no arrest: "مذكرات توقيف", "برقيات البحث والتوقيف", "arrest warrants"
		"مذكره", "مذكرات", "برقيه", "برقيات",
		// a fear of what may come: "خشية اتساع رقعة الاشتباكات", "fearing renewed clashes"
		"خشيه", "خوفا", "تخوفا", "fearing", // not "fears": "amid fears they had been kidnapped" tells a kidnapping
		// "وسط مخاوف من حدوث اشتباكات": the fear of events to come, not a kidnapping feared done
		"مخاوف", "تخوف", "تخوفات")
	// notTriggers are adjectives built on incident words: "البنادق الهجومية".
	notTriggers = wordSet("هجومي", "هجوميه", "هجوميا", "الهجومي", "الهجوميه", "offensive",
		// "اشتعلت النيران", "أضرموا النيران": a blaze; the fire of guns is told without the article ("بنيران قسد")
		"النيران", "والنيران", "بالنيران", "للنيران")
	// laterWords after an incident word make it one that may come: "هجماته المحتملة".
	laterWords = wordSet("محتمل", "محتمله", "المحتمل", "المحتمله", "مستقبلي", "مستقبليه", "potential", "possible", "future")
	// Words near an incident word that make it a kind of events, not one:
	// "هجمات متفرقة", "معظم تلك الهجمات", "most of these attacks".
	demonstratives = wordSet("هذه", "تلك", "these", "those")
	quantifiers    = wordSet("غالبيه", "معظم", "اغلب", "most", "majority")
	kindAdjectives = wordSet("متفرقه", "متكرره", "sporadic", "repeated")
	// cellWords are what security operations target when they arrest: cells,
	// wanted men.
	cellWords = wordSet("خلايا", "خليه", "خليتين", "مطلوبين", "المطلوبين", "عناصر", "cells", "cell", "wanted", "suspects", "militants")
	// dualWords are incident and operation words in the dual or "two": one event per place.
	dualWords = wordSet("عمليتين", "عمليتان", "غارتين", "غارتان", "هجومين", "هجومان", "تفجيرين", "تفجيران",
		"حملتين", "مداهمتين", "الغارتين", "العمليتين")
	// involvedWords before an incident word tell a past deed revealed now: "تورط
	// عدد من عناصر الخلية في قتل راعٍ", "involved in the killing".
	involvedWords = wordSet("تورط", "متورط", "المتورط", "المتورطين", "متورطين", "تورطهم", "involved", "involvement")
	// subjectedWords before "لـ" and an incident noun say it happened: "تعرضت لاستهداف".
	subjectedWords = wordSet("تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض", "اضطر",
		// the masdar with its pronoun: "بعد تعرضهما لإطلاق نار"
		"تعرضه", "تعرضها", "تعرضهم", "تعرضهما", "تعرضهن", "تعرضا")
	// defuseWords a few words before a bomb make it one that did not go off:
	// "فككت وحدة الهندسة عبوة ناسفة".
	defuseWords = wordSet("فكك", "يفكك", "تفكيك", "ابطال", "ابطل", "تفجيرها")
	// figurativeWords after "هجوم" make it a war of words: "هجوماً حاداً".
	figurativeWords = wordSet("حادا", "حاد", "لاذعا", "كلاميا", "اعلاميا", "دبلوماسيا")
	armedWords      = wordSet("مسلح", "مسلحه", "مسلحا", "بالسلاح")
	// targetVerbs tell what a security operation aimed at when an operation
	// word comes before them.
	targetVerbs    = wordSet("استهدف", "استهدفت", "استهدفتا", "استهدفوا", "تستهدف", "يستهدف", "targeted", "targeting")
	operationWords = wordSet("عمليه", "عمليات", "عمليتين", "عمليتان", "حمله", "حملات", "مداهمه", "مداهمات",
		"operation", "operations", "raid", "raids", "campaign")
	// anotherWords right after an incident word, as its adjective ("غارة ثانية"; "،
	// وآخر" is the other of two told together).
	anotherWords = wordSet("ثالثه", "ثانيه", "رابعه", "اخري", "ثالث", "ثاني", "رابع", "اخر", "another", "second", "third", "fresh", "new")
	// similarWords after an incident word refer back to the kind told before.
	similarWords = wordSet("مماثل", "مماثله", "مشابه", "مشابهه", "similar")
	// seizedWords just before a bombing word make it an item, not an explosion.
	seizedWords = wordSet("شديده", "شديد", "مواد", "صواعق", "تفكيك", "ابطال", "تصنيع", "عبوات", "احزمه", "زرع", "فكك", "يفكك", "ابطل")
)
