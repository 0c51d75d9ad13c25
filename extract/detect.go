package extract

import (
	"slices"
	"strings"
)

// trigger is one incident word found in a sentence.
type trigger struct {
	Typ     string
	Tok     int // index of the word in the sentence's tokens
	Pos     int // byte offset of the word in the text
	Weak    bool
	Similar bool // "قصف مماثل", "a similar attack": of the kind told before
	Told    bool // "القصف", "the attack": a definite word of no weapon, the violent event told before
	Sweep   bool // an arrest read from an operation against cells, not told by an arrest word
	Clause  int  // the clause of its sentence it stands in (see clauseStarts)
	Comma   int  // the stretch between commas it stands in (see commaClauses)
	Dual    bool // "عمليتين", "غارتين", "two raids": two events, one per place named
	Earlier bool // "تورط في قتل مدني": a past deed revealed, not dated by the story
	Another bool // "غارة ثالثة", "another attack": a new event, not the one told before
	Mutual  bool // "اشتباكات بين الطرفين", "clashes between the two sides": fire from both
}

// rank orders types when several words describe one event: the specific
// ("غارة") beats the generic ("استهداف"); among the rest the first told wins,
// as news leads with the event ("اعتقال خلية ... وضبط أسلحة").
func rank(typ string, weak bool) int {
	if weak {
		if typ == TypeAirstrike || typ == TypeBombing || typ == TypeShelling {
			return 1 // "killed … targeted by a drone": the weapon says more than the killing
		}
		return 0
	}
	switch typ {
	case TypeAirstrike, TypeBombing:
		return 5
	case TypeShelling, TypeKidnapping:
		return 4
	}
	return 3 // arrest, armed attack, clash, seizure: the first told is the event

}

// findTriggers returns the incident words of a sentence's tokens, with each
// type refined by the words around it ("قصف جوي" is an airstrike, "هجوم بعبوة
// ناسفة" a bombing) and denied or seized-item mentions dropped.
func findTriggers(toks []token) []trigger {
	if timesOverPeriod(toks) {
		return nil // "سبق أن اعتقل أربع مرات في السنوات الأخيرة": a person's history, not an event
	}
	var out []trigger
	seizure := false
	fighters := 0 // missilesOfFighters of the sentence, read once, when an English strike asks: 0 not yet, 1 no, 2 yes
	for i, t := range toks {
		lx, ok := lookup(t.Norm)
		if ok && lx.typ == TypeWeaponsSeizure && t.in(catchVerbs) && (anyNear(toks, i, 1, 8, personIntros) || gangCaught(toks, i)) {
			lx = lexeme{typ: TypeArrest} // "ضبطت قوى الأمن في مدينة X المدعو Y": a man caught; "ضبطت الشرطة عصابة": a gang
		}
		if !ok || !needMet(toks, i, lx.need) || lx.need != needAttempt && lx.need != needFoiled && blocked(toks, i) {
			// (an attempt foiled still tells fighting, "أحبطت القوات محاولة تسلل", a smuggling foiled an event)
			continue
		}
		typ := refine(toks, i, lx.typ)
		if lx.item && typ == TypeAirstrike && t.in(missileWordsEN) && anyNear(toks, i, -6, -1, interceptWordsEN) {
			continue // "air defences intercepted a number of missiles": none fell
		}
		if typ == TypeArmedAttack && isLatin(t.Norm) {
			if by := weaponUsedEN(toks, i); by != "" {
				typ = by // "attempted to attack the airbase using dozens of missiles"
			}
		}
		if typ == TypeAirstrike && isLatin(t.Norm) {
			if fighters == 0 {
				fighters = 1
				if missilesOfFighters(toks) {
					fighters = 2
				}
			}
			if fighters == 2 {
				typ = TypeShelling // "militants launched Grad missiles … the missiles fell on two villages": rockets from the ground
			}
		}
		if typ == TypeWeaponsSeizure && strings.HasSuffix(t.Norm, "تدمير") && anyNear(toks, i, 1, 2, positionNouns) {
			typ = TypeClash // "تدمير مقرات وتجمعات للمسلحين وما فيها": a fight's gains, nothing seized
		}
		if typ == TypeShelling && lx.item && (rpgAfter(toks, i) || anyNear(toks, i, 1, 6, smallArmsWords)) {
			typ = TypeArmedAttack // "قذائف الـRPG والرشاشات": the weapons of men on the ground, not artillery
		}
		if isExplosionVerb(t.Norm) && anyNear(toks, i, -1, -1, capableWords) {
			continue // "المخلفات القابلة للانفجار": what may explode, no explosion
		}
		if typ == TypeBombing && (unknownCause(toks, i) || isExplosion(t.Norm) && !deviceNear(toks, i) && !explosionAimed(toks, i) ||
			isExplosion(t.Norm) && anyNear(toks, i, 1, 1, mineWordsAR) || // "انفجار لغم", whatever bomb the sentence tells besides
			anyNear(toks, i, -len(toks), len(toks), remnantWords) ||
			leftOverShell(toks)) {
			// "انفجار مجهول السبب", "انفجار لغم", "an explosion" with no bomb named: its cause untold;
			// "بانفجار قنبلة عنقودية من مخلفات الحرب": a remnant of war, no bomb set off
			typ = TypeOther
		}
		if typ == TypeShelling && (lx.item || t.in(artilleryWords)) && leftOver(toks, i) {
			typ = TypeOther // "انفجار قذيفة من مخلفات الحرب", "an unexploded shell went off": a remnant of war, as a mine is
		}
		if typ == TypeBombing && isLatin(t.Norm) && tokAt(toks, i+1) == "with" && anyNear(toks, i, 2, 4, artilleryWords) {
			typ = TypeShelling // "the villages were bombed with heavy artillery": shelled
		}
		if typ == TypeBombing && isLatin(t.Norm) {
			if by := bombedBy(toks, i); by != "" {
				typ = by // "X was bombed by army units", "a bombing by drones"
			}
		}
		if typ == TypeBombing && !isExplosion(t.Norm) && anyNear(toks, i, -5, -1, airWords) {
			typ = TypeAirstrike // "the air force dropped explosives", "ألقى الطيران المروحي قنابل": from the air
		}
		if seizure && (lx.item || typ == TypeBombing) && !isExplosionVerb(t.Norm) ||
			typ == TypeBombing && anyNear(toks, i, -2, -1, seizedWords) && !isExplosionVerb(t.Norm) ||
			typ == TypeBombing && anyNear(toks, i, -8, -1, defuseWords) && !isExplosionVerb(t.Norm) ||
			(typ == TypeBombing || typ == TypeOther) && defusedAfter(toks, i) {
			continue // "ضبط عبوات ناسفة وقذائف", "مواد تفجير": items, not an explosion
		}
		if typ != TypeWeaponsSeizure && !t.in(explosiveWords) && (lx.item || t.in(artilleryWords) || t.in(weaponWords)) &&
			anyNear(toks, i, -4, -1, cargoWords) {
			continue // "a truck loaded with rockets", "سيارة محملة بالقذائف": a cargo, not its firing
		}
		if lx.typ == TypeArmedAttack && anyNear(toks, i, 1, 1, figurativeWords) || inTheAir(toks, i) {
			continue // "شن هجوماً حاداً على التجار", "أطلقت النار في الهواء"
		}
		if anaphoric(toks, i) || notTriggers[t.Norm] || anyNear(toks, i, 1, 2, laterWords) || generic(toks, i) ||
			purpose(toks, i) || habitual(toks, i) {
			continue // told already, an adjective, a possibility, a kind of events, a purpose, a habit
		}
		if lx.typ == TypeKidnapping && definiteVictims(t.Norm) && (tokAt(toks, i-1) == "من" || tokAt(toks, i-1) == "احد") {
			continue // "اثنان من المختطفين", "أحد المخطوفين": some of the people a kidnapping told already took
		}
		if lx.typ == TypeKidnapping && lx.weak && (tokAt(toks, i-1) == "the" || anyNear(toks, i, -releaseSpan, -1, freedWords)) {
			continue // "the kidnappers demanded": the doers of a kidnapping told already; a release told before them: the release
		}
		if tracesBefore(toks, i) {
			continue // "جثة عليها آثار إطلاق نار", "signs of torture": the marks of the event told before them
		}
		if anyNear(toks, i, -2, -1, coverageWords) {
			continue // "له دور في تغطية المعارك", "covering the clashes": a reporter's subject, not an event
		}
		if lx.typ == TypeArmedAttack && isLatin(t.Norm) && i+1 < len(toks) && toks[i+1].in(weaponWords) {
			continue // "assault rifles": the kind of a weapon, not an attack
		}
		if isLatin(t.Norm) && strings.HasSuffix(t.Norm, "ing") && i+1 < len(toks) && toks[i+1].in(toolNounsEN) {
			continue // "torture and killing tools": what the tools are for, no event
		}
		if isLatin(t.Norm) && isExplosion(t.Norm) && anyNear(toks, i, -3, 3, heardWordsEN) && soundOfCause(toks, i) {
			continue // "the blast heard in X came from a device in a car": the sound of the event told with it
		}
		if participleBeforeNoun(toks, i) {
			continue // "three kidnapped aid workers were released": the people, not the event
		}
		if typ == TypeArrest && i+1 < len(toks) && toks[i+1].in(vehicleWords) {
			continue // "احتجاز سيارة", "حجز شاحنة": a vehicle held, no one arrested
		}
		if typ == TypeWeaponsSeizure && t.in(depotWords) && anyNear(toks, i, -3, -1, strikeVerbs) {
			continue // "قصف طيران مسير مستودعاً للأسلحة": the depot struck, nothing seized
		}
		if lx.weak && lx.exact && anyNear(toks, i, 1, 3, fledWords) {
			continue // "while the gunmen fled": the doers' flight, no event of its own
		}
		if typ == TypeKidnapping && (anyNear(toks, i, -2, -1, triedWords) || anyNear(toks, i, -3, -1, freedWords)) {
			continue // "إحباط محاولة اختطاف", "an attempted abduction", "the release of kidnapped persons": no one taken now
		}
		if typ == TypeArrest && (anyNear(toks, i, -3, -1, triedWords) || anyNear(toks, i, 1, 6, vainWords) || anyNear(toks, i, -6, -1, releaseWords)) {
			continue // "سعت الدورية إلى القبض عليهم دون جدوى", "أفرجت عن 50 موقوفاً": no one was arrested
		}
		if (t.in(targetVerbs) || cellTargeted(toks, i)) && anyNear(toks, i, -opTargetSpan, -1, operationWords) {
			continue // "نفذت عملية أمنية في حرستا استهدفت وكراً": the operation's target, not an attack
		}
		if typ == TypeWeaponsSeizure {
			seizure = true
		} else if !lx.weak && !lx.item && typ != TypeBombing {
			seizure = false
		}
		if isLatin(t.Norm) && strings.HasPrefix(t.Norm, "execut") && (anyNear(toks, i, 1, 3, carriedOutNounsEN) ||
			(tokAt(toks, i-1) == "was" || tokAt(toks, i-1) == "were") && anyNear(toks, i, -4, -2, carriedOutNounsEN)) {
			continue // "executed an operation", "an ambush was executed": carried out, no one put to death
		}
		if isLatin(t.Norm) && anyNear(toks, i, -6, -1, triedWords) && anyNear(toks, i, -10, -1, foilWords) {
			continue // "foiled the militants' attempts to detonate two devices": nothing went off
		}
		if lawAmbush(toks, i) && anyNear(toks, i, 1, 12, ambushCatchWords) {
			continue // "a police ambush that ended in the capture of …": the arrest's means, no attack
		}
		weak := lx.weak && !(lx.typ == TypeArrest && typ == TypeClash) || lawAmbush(toks, i) // a place captured is no weak arrest
		out = append(out, trigger{Typ: typ, Tok: i, Pos: t.Start, Weak: weak, Similar: anyNear(toks, i, 1, 1, similarWords) || isLatin(t.Norm) && anyNear(toks, i, -1, -1, similarWords),
			Told: (typ == lx.typ || violent[typ] && violent[lx.typ]) && definiteGeneric(toks, i) || t.in(targetVerbs) && i+1 < len(toks) && definiteGeneric(toks, i+1), // "استهدف الانفجار مركز X": the blast told
			Dual: dualWords[t.Norm], Earlier: anyNear(toks, i, -6, -1, involvedWords) && involvedIn(toks, i), Another: i+1 < len(toks) && anotherWords[toks[i+1].Norm] || numberedPerson(toks, i) || alsoVerb(toks, i),
			Mutual: typ == TypeClash && anyNear(toks, i, 1, 3, mutualWords)})
	}
	out = weaponsOfEvents(toks, out)
	out = explosionsOfCause(toks, out)
	if len(out) > 0 && toks[0].in(likewiseOpeners) && out[0].Tok <= 24 &&
		(anyNear(toks, out[0].Tok, -out[0].Tok, 0, countVerbs[countKilled]) || anyNear(toks, out[0].Tok, -out[0].Tok, 0, countVerbs[countInjured])) {
		out[0].Another = true // "كذلك يوم الجمعة، أصيب المواطن X بطلق ناري": another victim, another event
	}
	if similarIncident(toks) {
		for i := range out {
			if out[i].Weak {
				out[i].Similar = true // "a farmer died in a similar incident": of the kind told before
			}
		}
	}
	consequences(toks, out)
	if ops := operationTriggers(toks); len(ops) > 0 {
		out = append(out, ops...)
		slices.SortFunc(out, func(a, b trigger) int { return a.Tok - b.Tok })
	}
	return out
}

// weaponsOfEvents drops the weapon nouns that name the weapon of an incident
// word just before them ("انفجار قنبلة يدوية", "بتفجير عبوة ناسفة", "an explosion
// of a grenade") and, in a sentence that tells a seizure, those told before its
// word ("weapons, grenades and ammunition were seized"): the one event, or what
// was seized.
func weaponsOfEvents(toks []token, ts []trigger) []trigger {
	seized := slices.ContainsFunc(ts, func(t trigger) bool { return t.Typ == TypeWeaponsSeizure })
	arrested := slices.ContainsFunc(ts, func(t trigger) bool { return t.Typ == TypeArrest })
	out := ts[:0]
	for k, t := range ts {
		if k > 0 && t.Typ == TypeWeaponsSeizure && ts[k-1].Typ == TypeWeaponsSeizure && t.Tok-ts[k-1].Tok <= 3 {
			continue // "عثروا على مستودع ذخيرة": two words of one find
		}
		lx, _ := lookup(toks[t.Tok].Norm)
		item := (lx.item || toks[t.Tok].in(itemWords) || suicideGear(toks, t.Tok)) && !isExplosion(toks[t.Tok].Norm)
		if item && (k > 0 && t.Tok-ts[k-1].Tok <= 2 && violent[ts[k-1].Typ] || seized && t.Typ != TypeWeaponsSeizure) {
			continue
		}
		if (item || toks[t.Tok].in(shellWords)) && k > 0 && t.Typ == ts[k-1].Typ && instrumentBefore(toks, ts[k-1].Tok, t.Tok) {
			continue // "shelled the town of X with artillery and mortar shells": the weapons of the event of their kind
		}
		if item && arrested && detonatedBefore(toks, t.Tok) {
			// "توقيف خلية فجّرت دراجة مفخخة بمدينة X": the bomb the cell set off, no find;
			// an earlier deed of those arrested, an event of its own
			t.Typ, t.Earlier = TypeBombing, t.Earlier || anyNear(toks, t.Tok, -5, -1, deedDoers)
		} else if item && arrested && !anyNear(toks, t.Tok, -3, 3, impactWords) {
			// "arrested 10 members, who were equipped with weapons, grenades and explosive
			// devices": the weapons the arrested held, found on them
			t.Typ, seized = TypeWeaponsSeizure, true
		}
		out = append(out, t)
	}
	return out
}

// detonatedBefore reports a verb of setting off a bomb at most three words
// before toks[i]: "فجّرت سيارة مفخخة", "بتفجير عبوة ناسفة".
func detonatedBefore(toks []token, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		if toks[j].in(detonateWords) && !dawnAt(toks, j) {
			return true
		}
	}
	return false
}

// deedDoers tell who did a deed told after them: a cell, those who.
var deedDoers = wordSet("خليه", "خلايا", "التي", "الذي", "الذين", "who", "cell")

var detonateWords = wordSet("فجر", "فجرت", "فجروا", "فجرا", "تفجير", "يفجر", "detonated")

// onAfterSubject reports "على" after the verb at toks[i] and its subject of
// up to five words: "سيطرت قوات الجيش الوطني على قرية X". Only a
// verb with no pronoun ("سيطرتها") takes a subject.
func onAfterSubject(toks []token, i int) bool {
	if w := strings.TrimPrefix(toks[i].Norm, "و"); w != "سيطر" && w != "سيطرت" {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+6; j++ {
		if toks[j].in(onWords) {
			return true
		}
		if lexiconWord(toks[j].Norm) || clauseWords[toks[j].Norm] {
			return false
		}
	}
	return false
}

// takeControlVerbs tell control taken: "أحكم سيطرته", "أعلنت سيطرتها",
// "بسطوا سيطرتهم".
var (
	takeControlVerbs = wordSet("احكم", "يحكم", "احكمت", "تحكم", "بسط", "بسطت", "بسطوا", "فرض", "فرضت", "اعلن", "اعلنت",
		"اعلنوا", "ليحكم", "لتحكم")
)

// involvedIn reports the incident word at toks[i] told as what someone was
// involved in: "في" or "in" (and "the") right before it ("تورطوا في قتل",
// "involved in the killing"), not "men tied to the conspiracy were
// detained", whose detention is now.
func involvedIn(toks []token, i int) bool {
	j := i - 1
	if j > 0 && (toks[j].Norm == "the" || toks[j].Norm == "an" || toks[j].Norm == "a" || toks[j].in(deedNouns)) {
		j-- // "involved in the killing", "المتورطة في أعمال القتل"
	}
	if j > 0 && isLatin(toks[j].Norm) && toks[j].in(deedNouns) {
		j-- // "involved in acts of killing": "of" told
	}
	return j >= 0 && (toks[j].Norm == "في" || toks[j].Norm == "in" || toks[j].Norm == "of" && j > 0 && toks[j-1].in(deedNouns))
}

// deedNouns name deeds in general before their kind: "أعمال القتل", "acts of
// killing".
var deedNouns = wordSet("اعمال", "عمليات", "جرائم", "جريمه", "عمليه", "acts", "crimes", "crime", "operations")

// alsoVerb reports a verb of killing told with "also" ("وقُتل أيضاً الرقيب
// X", "was also killed"): another victim, another event.
func alsoVerb(toks []token, i int) bool {
	if !toks[i].in(countVerbs[countKilled]) && !toks[i].in(countVerbs[countInjured]) {
		return false
	}
	return i+1 < len(toks) && toks[i+1].Norm == "ايضا" || i > 0 && toks[i-1].Norm == "also"
}

// likewiseOpeners open a sentence telling another event of the same sort.
var likewiseOpeners = wordSet("كذلك", "وكذلك")

// explosionsOfCause drops an explosion word that a word of cause after it
// ties to an attack told next: "انفجارات هزت محيط X نجمت عن عدوان إسرائيلي",
// "blasts caused by an Israeli strike". The attack is the event; the blasts
// are what was heard of it.
func explosionsOfCause(toks []token, ts []trigger) []trigger {
	out := ts[:0]
	for k, t := range ts {
		if isExplosion(toks[t.Tok].Norm) && k+1 < len(ts) && ts[k+1].Tok-t.Tok <= 12 && !isExplosion(toks[ts[k+1].Tok].Norm) &&
			(ts[k+1].Typ == TypeAirstrike || ts[k+1].Typ == TypeShelling) && anyNear(toks, ts[k+1].Tok, -5, -1, resultedFromWords) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// resultedFromWords tell what an explosion came from: "نجمت عن", "ناجمة عن",
// "caused by", "resulting from".
var resultedFromWords = wordSet("نجمت", "ناجمه", "ناجم", "ناتجه", "ناتج", "نتجت", "caused", "resulting", "resulted", "due")

// instrumentWordsEN tell what an event was done with: "with", "using".
var instrumentWordsEN = wordSet("with", "using")

// instrumentBefore reports an English weapon word at toks[at] told, within
// four words, after "with" or "using" that follows the incident word at
// toks[from]: the weapon of that event ("shelled X with mortars").
func instrumentBefore(toks []token, from, at int) bool {
	for j := at - 1; j > from && j >= at-4; j-- {
		if toks[j].in(instrumentWordsEN) {
			return true
		}
	}
	return false
}

// heardWordsEN tell explosions heard, not seen happen: "loud explosions were
// heard", "residents heard a blast".
var heardWordsEN = wordSet("heard", "hear", "hearing", "sound", "sounds")

// causeSpan is how far from an explosion heard its cause may be told.
const causeSpan = 24

// soundOfCause reports another word near toks[i] in its sentence telling a
// violent event or a bomb: the explosion heard at toks[i] is its sound.
// Explosions heard with no cause told are an event of their own, of unknown
// cause ("residents heard three loud explosions in X").
func soundOfCause(toks []token, i int) bool {
	for j := max(0, i-causeSpan); j < len(toks) && j <= i+causeSpan; j++ {
		t := toks[j]
		if j == i || isExplosion(t.Norm) {
			continue
		}
		if lx, ok := lookup(t.Norm); ok && lx.typ != TypeOther || t.in(explosiveWords) {
			return true
		}
	}
	return false
}

// resultVerbsAfterEN follow the event told before to tell what it brought:
// "The raid triggered battles", "the assault sparked fighting".
var resultVerbsAfterEN = wordSet("led", "resulted", "sparked", "triggered", "prompted", "caused", "provoked")

// consequences marks the incident words told as what the event told before
// brought ("The assault triggered fierce battles and shelling") as that
// event: a definite word of it, then a verb of result, then them.
func consequences(toks []token, ts []trigger) {
	for k, t := range ts {
		if !t.Told || !isLatin(toks[t.Tok].Norm) || !anyNear(toks, t.Tok, 1, 2, resultVerbsAfterEN) {
			continue
		}
		for j := k + 1; j < len(ts); j++ {
			ts[j].Told = ts[j].Told || violent[ts[j].Typ] // "led to the arrest of five": an event of its own
		}
		return
	}
}

// suicideGear reports "suicide" before what a bomber wears: "suicide vests",
// "a suicide belt" are items that can be seized, not an attack.
func suicideGear(toks []token, i int) bool {
	n := tokAt(toks, i+1)
	return toks[i].Norm == "suicide" && (n == "vest" || n == "vests" || n == "belt" || n == "belts")
}

// opTargetSpan is how many words may tell an operation's manner and place
// before what it targeted: "نفذت القوات عملية أمنية في قرية X بريف Y جرى خلالها استهداف خلية".
const opTargetSpan = 12

// cellTargeted reports the verbal noun "استهداف" with a cell or wanted men
// right after it: what a security operation aimed at ("تم خلال عملية أمنية
// … استهداف خلية"). With another object, "عملية استهداف" is itself an attack.
func cellTargeted(toks []token, i int) bool {
	return toks[i].Norm == "استهداف" && anyNear(toks, i, 1, 2, cellWords)
}

// operationTriggers finds security operations against cells or wanted men,
// told without the word "arrest": "نفذت عمليتين أمنيتين استهدفتا خلايا لتنظيم
// الدولة", "a security operation against ISIS cells". They are arrests.
func operationTriggers(toks []token) []trigger {
	var out []trigger
	for i, t := range toks {
		if t.in(dismantleWords) && anyNear(toks, i, 1, 4, dismantledWords) {
			out = append(out, trigger{Typ: TypeArrest, Tok: i, Pos: t.Start, Sweep: true}) // "تفكيك خلية", "dismantled a cell": its members taken
			continue
		}
		if !t.in(operationWords) {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+opTargetSpan; j++ {
			if (toks[j].in(targetVerbs) || cellTargeted(toks, j) || toks[j].Norm == "ضد" || toks[j].Norm == "against") &&
				anyNear(toks, j, 1, 2, cellWords) {
				out = append(out, trigger{Typ: TypeArrest, Tok: i, Pos: t.Start, Dual: dualWords[t.Norm], Sweep: true})
				break
			}
		}
	}
	return out
}

// dismantleWords before a group's word tell its members arrested: "تفكيك خلية
// لتنظيم داعش", "dismantled an ISIS cell", "فككت شبكة لتهريب".
var (
	dismantleWords  = wordSet("تفكيك", "فكك", "فككت", "يفكك", "dismantled", "dismantle", "dismantling", "busted", "broke")
	dismantledWords = wordSet("خليه", "خلايا", "خليتين", "شبكه", "عصابه", "cell", "cells", "network", "ring", "gang")
)

// isExplosionVerb reports whether norm is a form of "انفجر" or "انفجار": an
// explosion that happened, whatever was seized before it.
func isExplosionVerb(norm string) bool {
	for _, s := range stems(norm) {
		if strings.HasPrefix(s, "انفجر") || strings.HasPrefix(s, "انفجار") {
			return true
		}
	}
	return false
}

// determiners before an English participle make it an adjective.
var determiners = wordSet("the", "a", "an", "three", "two", "four", "five", "six", "seven", "his", "her", "their", "its", "several")

// inventory reports a sentence whose only incident words are weapons named
// as things ("قذائف", "mortar launchers", "explosive devices"), with no verb
// of their falling, firing or going off: after a seizure it lists what was
// seized.
func inventory(toks []token, ts []trigger) bool {
	if len(ts) == 0 {
		return false
	}
	for _, t := range ts {
		w := toks[t.Tok]
		if t.Typ == TypeWeaponsSeizure || !w.in(weaponWords) && !w.in(itemWords) || isExplosion(w.Norm) {
			return false
		}
	}
	for _, t := range toks {
		if t.in(impactWords) {
			return false
		}
	}
	return true
}

// firedWords tell a weapon's firing: "أطلقت القوات صواريخ".
var firedWords = wordSet("اطلق", "اطلقت", "اطلقوا", "اطلاق", "قصف", "قصفت")

// impactWords tell a weapon falling or fired: "سقطت قذيفتان", "shells landed".
var impactWords = wordSet("سقط", "سقطت", "سقوط", "تساقط", "سقطتا", "fell", "landed", "hit", "struck", "fired", "launched")

// genericWords name a violent event without its weapon.
var genericWords = wordSet("قصف", "هجوم", "استهداف", "اعتداء", "عدوان", "انفجار", "attack", "strike", "bombardment", "assault",
	"bombing", "explosion", "blast")

// definiteGeneric reports a definite word of a violent event that names no
// weapon: "جراء القصف", "القصف الذي نُفذ ليلاً", "the attack". News uses it for
// the event told before, whatever its weapon.
func definiteGeneric(toks []token, i int) bool {
	if !toks[i].in(genericWords) && !(isLatin(toks[i].Norm) && toks[i].in(retoldDevicesEN)) {
		return false
	}
	if w := toks[i].Norm; isLatin(w) {
		j := i - 1
		if j > 0 && (toldAdjectivesEN[toks[j].Norm] || foreignAir[toks[j].Norm]) {
			j-- // "the twin attack", "the deadly blast", "the Turkish bombing"
		}
		return j >= 0 && toks[j].Norm == "the"
	}
	w := strings.TrimPrefix(strings.TrimPrefix(toks[i].Norm, "و"), "ف")
	for _, p := range []string{"بال", "لل", "ال"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// retoldDevicesEN are what struck, told with "the" as the device of the event
// before: "killed by the bombs", "the shells hit".
var retoldDevicesEN = wordSet("bombs", "shells", "rockets", "missiles", "raids", "strikes", "airstrikes")

// toldAdjectivesEN may stand between "the" and an event told before: "the
// twin attack", "the double bombing", "the deadly blast"; so may the
// nation of a foreign force ("the Turkish bombing", "the Israeli strike").
var toldAdjectivesEN = wordSet("twin", "double", "deadly", "latest", "same", "suicide", "two", "three")

// isExplosion reports a word that tells an explosion, not who set it off:
// "انفجار", "انفجرت", "explosion", "blast", "exploded".
func isExplosion(norm string) bool {
	if isLatin(norm) {
		for _, f := range englishForms(norm) {
			if f == "explosion" || f == "explode" || f == "blast" {
				return true
			}
		}
		return false
	}
	return isExplosionVerb(norm)
}

// deviceNear reports a bomb named in the sentence of an explosion word: an
// explosive device, a car or motorcycle bomb, a suicide bomber, a grenade, a
// detonation ("an explosion …, caused by an IED"). A mine or a remnant of war
// is no bomb: the conventions call its explosion "other", as they do an
// explosion whose cause is not told.
func deviceNear(toks []token, i int) bool {
	for j := range toks {
		if j != i && toks[j].in(deviceWords) && !dawnAt(toks, j) {
			return true
		}
	}
	return vehicleExploded(toks, i) || vehicleExplodedAR(toks, i)
}

// dawnAt reports "فجر" told as the time of day, not the verb of setting off
// a bomb: "فجر اليوم", "فجر الثلاثاء", "منذ فجر".
func dawnAt(toks []token, j int) bool {
	if strings.TrimPrefix(toks[j].Norm, "و") != "فجر" {
		return false
	}
	next := tokAt(toks, j+1)
	_, day := weekdays[next]
	return day || next == "يوم" || j+1 < len(toks) && toks[j+1].in(timeNouns) || j > 0 && toks[j-1].in(timeOpeners)
}

// timeOpeners before a part of the day make it a time: "منذ فجر", "حتى فجر".
var timeOpeners = wordSet("منذ", "حتي", "عند", "قبيل", "خلال")

// vehicleExplodedAR reports an Arabic explosion of a motorcycle, the way
// Syrian news tells a motorcycle bomb: "انفجار دراجة نارية", "كانت دراجة
// نارية قد انفجرت". A car's explosion with no bomb named stays of untold
// cause.
func vehicleExplodedAR(toks []token, i int) bool {
	if isLatin(toks[i].Norm) {
		return false
	}
	return anyNear(toks, i, 1, 1, bombVehicles) || anyNear(toks, i, -4, -1, bombVehicles) && !anyNear(toks, i, -4, -1, strikeVerbs)
}

// bombVehicles are the motorcycles a bomb is hidden in.
var bombVehicles = wordSet("دراجه", "دراجات")

// vehicleExploded reports an English explosion whose subject or object is a
// vehicle: "a motorcycle exploded", "a car explosion", "the explosion of a
// van". English news tells a vehicle bomb so; "a car, which exploded" after a
// strike is not read so.
func vehicleExploded(toks []token, i int) bool {
	if !isLatin(toks[i].Norm) {
		return false
	}
	if anyNear(toks, i, -1, -1, explodingVehiclesEN) {
		return true
	}
	return tokAt(toks, i+1) == "of" && anyNear(toks, i, 2, 3, explodingVehiclesEN)
}

// explodingVehiclesEN are the vehicles a bomb is hidden in.
var explodingVehiclesEN = wordSet("car", "cars", "motorcycle", "motorcycles", "motorbike", "motorbikes", "vehicle", "vehicles",
	"van", "truck", "minibus", "bus", "scooter")

// participleBeforeNoun reports an English "-ed" incident word between a
// determiner and a noun: "the kidnapped workers", "three detained men".
func participleBeforeNoun(toks []token, i int) bool {
	w := toks[i].Norm
	if !isLatin(w) || !strings.HasSuffix(w, "ed") || i == 0 || i+1 >= len(toks) {
		return false
	}
	prev, next := toks[i-1].Norm, toks[i+1].Norm
	return (determiners[prev] || isNumber(prev)) && isLatin(next) && !nameStops[next] && !enBe[next]
}

// triedWords before an arrest word and vainWords after it say it did not
// happen: "في محاولة للقبض على", "attempted to arrest", "دون جدوى".
var (
	triedWords = wordSet("محاوله", "محاولتها", "محاولات", "attempt", "attempted", "attempting", "tried", "trying")
	vainWords  = wordSet("جدوي", "vain", "failed")
)

// releaseWords before an arrest word tell detainees let go, not taken: "أفرجت
// السلطات عن 50 موقوفاً", "إخلاء سبيل 30 موقوفاً". The release of someone
// kidnapped still tells the kidnapping, so they block arrests only.
var releaseWords = wordSet("افرج", "افرجت", "يفرج", "تفرج", "اخلاء")

// freedWords tell those held set free: "the release of kidnapped people".
var freedWords = wordSet("افرج", "افرجت", "release", "released", "releasing", "freed", "freeing")

// passiveBefore reports an English passive auxiliary before toks[i], maybe
// with an adverb between: "were seized", "were also seized".
func passiveBefore(toks []token, i int) bool {
	return i > 0 && passiveAux[toks[i-1].Norm] || i > 1 && passiveAux[toks[i-2].Norm] && strings.HasSuffix(toks[i-1].Norm, "ly") || i > 1 && passiveAux[toks[i-2].Norm] && toks[i-1].Norm == "also"
}

// foundWordsEN are the English verbs of finding a body.
var foundWordsEN = wordSet("found", "discovered", "recovered", "retrieved")

// remnantWords tell a bomb left from the fighting, whose blast is no
// bombing: "قنبلة عنقودية من مخلفات الحرب", "an unexploded cluster bomb".
// (English "remnants" are as often a force's: "IS remnants".)
var remnantWords = wordSet("مخلفات", "عنقوديه", "العنقوديه", "unexploded", "cluster")

// warWords name the war whose remnants go off.
var warWords = wordSet("war", "wars")

// carryOutWords before "raids" or "strikes" make the aircraft named as their
// doer, further back, say they came from the air: "helicopters of the air
// force carried out four raids".
var carryOutWords = wordSet("carried", "conducted", "launched", "waged", "staged")

// passiveAux are the English auxiliaries of a passive: "were seized".
var passiveAux = wordSet("was", "were", "been", "being", "be")

// depotWords are the seizure words that name where arms are kept; after a
// verb of striking they are a target (see strikeVerbs).
var depotWords = wordSet("مستودع", "مستودعا", "مستودعات", "مخازن", "مخزن", "مخابئ", "depot", "depots", "warehouse", "warehouses")

// strikeVerbs strike a target: "قصف مستودعاً", "استهدفت مخازن", "struck a depot".
var strikeVerbs = wordSet("قصف", "قصفت", "استهدف", "استهدفت", "استهداف", "دمر", "دمرت", "struck", "targeted", "hit", "bombed", "destroyed")

// gunfireWords after "عيار"/"أعيرة" make them shots fired: "بعيار ناري".
var gunfireWords = wordSet("ناري", "ناريه")

// throwWords are the verbs of throwing a grenade: "ألقى مجهولون قنبلة", "رمى قنبلة".
var throwWords = wordSet("القي", "القت", "القوا", "يلقي", "رمي", "رمت", "رموا", "يرمي", "القاء", "رمي")

// foundWords are the verbs of finding: "عُثر على جثة", "العثور على جثتين".
var foundWords = wordSet("عثر", "عثور", "العثور", "وجد", "وجدت", "وجود", "found")

// foundObjectVerbs are the verbs of finding that take what was found with no
// preposition.
var foundObjectVerbs = wordSet("وجد", "وجدت", "وجدوا")

// positionNouns are what a force destroys in a fight: "تدمير تجمعات
// للمسلحين", "تدمير مقرات وتحصينات".
// positionNounsEN are the English words for them: what an army that
// "destroyed the militants' gatherings" fought, as dev's conventions label it.
var positionNounsEN = wordSet("gatherings", "positions", "hideouts", "dens", "fortifications", "tunnels", "bunkers", "trenches")

var positionNouns = wordSet("تجمعات", "تجمع", "اوكار", "وكر", "مقرات", "مقر", "تحصينات", "مواقع", "دشم", "خنادق", "انفاق")

// gangNouns name a band of people: "ضبطت الشرطة عصابة سرقة" caught them.
var gangNouns = wordSet("عصابه", "عصابات", "شبكه", "خليه", "خلايا")

// gangCaught reports a band of people caught by the verb at toks[i], within
// five words and before any item seized: "ضبطت الشرطة في حمص عصابة", but not
// "ضبطت أسلحة بحوزة عصابة", where the weapons were seized.
func gangCaught(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+5; j++ {
		if toks[j].in(gangNouns) {
			return true
		}
		if lx, ok := lookup(toks[j].Norm); ok && (lx.item || lx.typ == TypeWeaponsSeizure) {
			return false
		}
	}
	return false
}

// similarEventNouns name an event of no kind: "في حادثة مماثلة", "in a similar incident".
var similarEventNouns = wordSet("حادثه", "حادث", "incident", "accident")

// similarIncident reports "a similar incident", "حادثة مماثلة": the kind of
// the event told before.
func similarIncident(toks []token) bool {
	for i, t := range toks {
		if t.in(similarEventNouns) && (anyNear(toks, i, -1, -1, similarWords) || anyNear(toks, i, 1, 1, similarWords)) {
			return true
		}
	}
	return false
}

// catchVerbs seize things, and people when a person is their object:
// "ضبطت الشرطة المدعو X" (token.in reads its inflections).
var catchVerbs = wordSet("ضبط")

// armedDoersAfter reports armed men told as the doers within twenty words
// after an aggression, its place and day told between: "تعرض شاب لاعتداء
// في بلدة X على يد مجموعة مسلحة", "من قبل مسلحين ملثمين". A doer's mark
// comes first, and the armed word at most three words after it.
func armedDoersAfter(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+20; j++ {
		w := strings.TrimPrefix(toks[j].Norm, "و")
		if w == "يد" && tokAt(toks, j-1) == "علي" || w == "قبل" && tokAt(toks, j-1) == "من" {
			return anyNear(toks, j, 1, 3, doerArmedWords)
		}
	}
	return false
}

// doerArmedWords name armed men: "مسلحين", "مجموعة مسلحة", "عصابة مسلحة".
var doerArmedWords = wordSet("مسلح", "مسلحه", "مسلحين", "مسلحون", "ملثمين", "ملثمون", "عصابه", "عصابات")

// vehicleWords right after an arrest word say a vehicle was held, not a person.
var vehicleWords = wordSet("سياره", "سيارات", "اليه", "اليات", "شاحنه", "شاحنات", "دراجه", "دراجات", "جرار", "حافله",
	"vehicle", "vehicles", "car", "cars", "truck", "trucks")

// needMet checks the word a trigger needs after it.
func needMet(toks []token, i int, n need) bool {
	switch n {
	case needWeapons: // "weapons were found": an English passive tells them before
		// (a passive's subject may carry an aside: "weapons, some of them foreign made, were found")
		return anyNear(toks, i, 1, 12, weaponWords) || passiveBefore(toks, i) && anyNear(toks, i, -12, -1, weaponWords) ||
			loadOfWeapons(toks, i)
	case needWeaponsOrArmed:
		// "الاعتداء الإسرائيلي": Israel's aggression, which refine reads as from the air
		return needMet(toks, i, needWeapons) || armedDoersAfter(toks, i) || anyNear(toks, i, 1, 1, israeliWords)
	case needArmedDoers:
		return armedDoersAfter(toks, i)
	case needForceNear:
		return anyNear(toks, i, -3, 3, forceNounsAR)
	case needFellOrFired:
		return anyNear(toks, i, -2, -1, impactWords) || anyNear(toks, i, -4, -1, firedWords)
	case needFoiled:
		return anyNear(toks, i, -6, -1, foilWords)
	case needPositions:
		return anyNear(toks, i, 1, 4, positionNounsEN)
	case needBlade:
		return anyNear(toks, i, -4, 4, bladeWords)
	case needUnknownPlace:
		for j := i + 1; j < len(toks) && j <= i+8; j++ {
			if toks[j].in(placeNounsAR) && j+1 < len(toks) && toks[j+1].in(unknownAdjAR) ||
				toks[j].in(unknownAdjEN) && j+1 < len(toks) && toks[j+1].in(placeNounsEN) {
				return true // "إلى جهة مجهولة", "to an unknown location"
			}
		}
		return false
	case needAttempt:
		// "محاولة تسلل", "محاولة قوات النظام اقتحام", "حاولت القوات اقتحام", "محاولتها اقتحام"
		return anyNear(toks, i, -4, -1, attemptWordsAR) || anyNear(toks, i, -1, -1, attemptBeforeEN) || anyNear(toks, i, 1, 1, attemptAfterEN)
	case needFire:
		return anyNear(toks, i, 1, 2, fireWords) || fireAfterSubject(toks, i)
	case needFireLate:
		return anyNear(toks, i, 1, 2, fireWords) || fireOnAfterSubject(toks, i)
	case needAir:
		return anyNear(toks, i, 1, 2, airWords)
	case needAirOrForeign: // "ضربة إسرائيلية", "ضربات روسية": a foreign air force's strike
		return anyNear(toks, i, 1, 2, airWords) || anyNear(toks, i, 1, 1, foreignAir)
	case needControlOf:
		if !anyNear(toks, i, 1, 3, onWords) && !onAfterSubject(toks, i) {
			return false
		}
		if w := strings.TrimPrefix(toks[i].Norm, "و"); strings.HasSuffix(w, "ته") || strings.HasSuffix(w, "تها") || strings.HasSuffix(w, "تهم") {
			return anyNear(toks, i, -6, -1, takeControlVerbs) // "أحكم سيطرته على", "أعلنت قسد سيطرتها على", not "مناطق سيطرتها"
		}
		return true
	case needAirOrIsraeli: // "عدوان إسرائيلي": the official media's word for Israel's strikes
		return anyNear(toks, i, 1, 2, airWords) || anyNear(toks, i, 1, 1, israeliWords)
	case needArmed:
		return anyNear(toks, i, -4, 6, armedWords)
	case needFound:
		// "عُثر على جثة", and with the finder, a time or a number between:
		// "عثر الأهالي صباح اليوم على أربع جثث"
		// "وجد رعاة في البادية جثة", the verb taking the body with no "على"
		return anyNear(toks, i, -3, -1, foundWords) || anyNear(toks, i, -8, -1, foundObjectVerbs) ||
			anyNear(toks, i, -2, -1, onWords) && anyNear(toks, i, -8, -1, foundWords)
	case needThrown:
		return anyNear(toks, i, -8, -1, throwWords)
	case needGunfire:
		return anyNear(toks, i, 1, 1, gunfireWords)
	case needOfWar:
		return anyNear(toks, i, 1, 3, warWords)
	case needTakenArmsEN:
		return takenArms(toks, i)
	case needFoundEN:
		return anyNear(toks, i, -3, 8, foundWordsEN)
	case needTookControlEN:
		return i > 0 && toks[i-1].in(tookWordsEN) && tokAt(toks, i+1) == "of"
	case needBetweenEN:
		return anyNear(toks, i, 1, 4, betweenEN)
	case needForceBefore:
		return anyNear(toks, i, -6, -1, forceNounsEN)
	case needBomber:
		return anyNear(toks, i, 1, 2, bomberWords)
	case needUpNoForce:
		return tokAt(toks, i+1) == "up" && !anyNear(toks, i, -6, -1, forceNounsEN) && !anyNear(toks, i, -4, -1, mineWordsEN)
	case needIntoAfterForce:
		return tokAt(toks, i+1) == "into" && anyNear(toks, i, -6, -1, forceNounsEN)
	case needUp:
		return i+1 < len(toks) && toks[i+1].Norm == "up"
	case needOpened:
		return i > 0 && strings.HasPrefix(toks[i-1].Norm, "open")
	case needAirAround:
		return anyNear(toks, i, -3, 2, airWords) || foreignActorNear(toks, i, -3, 2) && !anyNear(toks, i, -3, 3, artilleryWords) && !firedWith(toks, i) ||
			anyNear(toks, i, -6, -4, airWords) && anyNear(toks, i, -4, -1, ownedWordsEN) || // "a drone said to be owned by the coalition hit a truck"
			foreignGroundForceNear(toks, i, -3, -1) || // "Turkish troops hit the village": their guns (refine)
			anyNear(toks, i, -6, -1, carryOutWords) && anyNear(toks, i, -10, -1, airWords) || strikeHit(toks, i) // "jets carried out at least 20 raids"
	}
	return true
}

// strikeHit reports the English noun "strike" as the subject of a verb of
// hitting right after it, or told with what it hit, with no gun named: "a
// strike killed three", "the strikes hit a house", "strikes on militia
// targets". Syrian war news so tells blows from the air whose
// aircraft it named elsewhere; a strike by men is a "shooting" or an "attack".
func strikeHit(toks []token, i int) bool {
	w := toks[i].Norm
	if w != "strike" && w != "strikes" || anyNear(toks, i, -3, 3, artilleryWords) || anyNear(toks, i, -2, -1, labourWords) {
		return false
	}
	return anyNear(toks, i, 1, 2, strikeVerbsEN) || anyNear(toks, i, 1, 1, strikeTargetsEN)
}

var (
	strikeVerbsEN = wordSet("hit", "hits", "killed", "kills", "targeted", "targets", "struck", "destroyed", "wounded", "injured")
	labourWords   = wordSet("hunger", "general", "labour", "labor", "workers", "teachers")
	// strikeTargetsEN after "strike" tell what it hit: "a strike on a car", "strikes against militia targets"
	strikeTargetsEN = wordSet("on", "against", "targeting", "near")
)

// fireAfterSubject reports "النار" after the doers told between the verb and
// its object: "أطلق مسلحون ملثمون النار على سائق". A release
// ("إطلاق سراحه") or another firing word between ends the search.
func fireAfterSubject(toks []token, i int) bool {
	for j := i + 3; j < len(toks) && j <= i+6; j++ {
		if toks[j].in(fireWords) {
			return !slices.ContainsFunc(toks[i+1:j], func(t token) bool {
				return strings.HasPrefix(t.Norm, "سراح") || strings.Contains(t.Norm, "طلاق") || strings.HasPrefix(t.Norm, "اطلق")
			})
		}
	}
	return false
}

// fireOnAfterSubject reports the fire a verb opens told after its doers,
// however many words tell them, when it is aimed ("النار على", "باتجاه"):
// "فتح ثلاثة ملثمين يستقلون سيارة بيضاء من دون لوحات النار على حاجز". A
// preposition or a word starting another clause between ends the search:
// "فتحت الجمارك تحقيقاً في حريق أتت النار على مستودع", "فتحت السلطات المعبر
// بعد أن خمدت النار" tell no shooting.
func fireOnAfterSubject(toks []token, i int) bool {
	for j := i + 1; j+1 < len(toks) && j <= i+14; j++ {
		switch n := toks[j].Norm; {
		case fireNouns[n]:
			next := toks[j+1].Norm
			return next == "علي" || next == "عليه" || next == "عليهم" || aimWords[next]
		case fireClauseWords[n] || strings.HasPrefix(n, "سراح") || strings.Contains(n, "طلاق"):
			return false
		}
	}
	return false
}

var (
	fireNouns       = wordSet("النار", "نار", "الرصاص", "رصاص", "النيران", "نيران")
	aimWords        = wordSet("باتجاه", "اتجاه", "تجاه", "صوب")
	fireClauseWords = wordSet("في", "بعد", "ان", "ثم", "عندما", "حين", "حيث", "الذي", "التي", "الذين", "كما", "بينما")
)

// firedWith reports the guns a shelling verb names by "ب" a few words after
// it, past its subject and a time: "قصف الجيش التركي، ظهر الاثنين،
// بالمدفعية محيط بلدة X" is shelling, whoever fires. Rockets are left out:
// aircraft fire them too.
func firedWith(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+10; j++ {
		if strings.HasPrefix(toks[j].Norm, "ب") && toks[j].in(gunWords) {
			return true
		}
	}
	return false
}

// blocked reports a denial, threat or release in the four words before i.
func blocked(toks []token, i int) bool {
	from := -4
	if isLatin(toks[i].Norm) {
		from = -6 // "accused of carrying out several of the killings"
	} else if anyNear(toks, i, -8, -1, purposeWordsAR) {
		return true // "تستمر الحملة لضمان ضبط جميع المتورطين ومصادرة أسلحتهم": what it is for, not done
	}
	for j := max(0, i+from); j < i; j++ {
		w := toks[j].Norm
		if isLatin(w) {
			if (w == "no" || w == "without") && (anyNear(toks, j, 1, 2, casualtyNounsEN) || tokAt(toks, j+1) == "one") {
				continue // "no casualties were reported after a shell fell": no one was hurt, the shelling happened
			}
			if toks[j].in(blockWords) && !(planNouns[w] && anyNear(toks, i, j-i, -1, passiveAux)) {
				return true // but "two men linked to the conspiracy were detained": the plan is in the subject
			}
			if w == "order" && j > 0 && toks[j-1].Norm == "in" {
				return true // "in order to attack officials": a purpose, not an event
			}
			if (w == "failed" || w == "fails" || w == "fail") && tokAt(toks, j+1) == "to" {
				return true // "the missile failed to detonate": it did not
			}
			continue
		}
		whole := w
		w = strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف")
		if (w == "لم" || w == "دون" || w == "بدون") && anyNear(toks, j, 1, i-j-1, casualtyNouns) {
			continue // "لم تسجل إصابات بقصف مماثل": no one was hurt, the shelling happened
		}
		if blockWords[whole] || blockWords[w] || blockWords[strings.TrimPrefix(strings.TrimPrefix(w, "ب"), "ال")] {
			// whole words only, with "و", "ال": "التخطيط", but "بعدما" holds no "عدم"; and a
			// word whose first letter is و ("وقف إطلاق النار": a ceasefire)
			return true
		}
	}
	return false
}

// purposeWordsAR tell what a deed is for: the events after them, up to
// eight words on ("بهدف ملاحقة الخلايا ومداهمة أوكارها"), are hoped for.
var purposeWordsAR = wordSet("لضمان", "بهدف", "سعيا")

// planNouns are the block words naming a plan, which may be part of the
// subject of a passive incident verb after them.
var planNouns = wordSet("plan", "plot", "plots", "plans", "conspiracy")

// coverageWords before an incident word make it what a reporter covers.
var coverageWords = wordSet("تغطيه", "تغطيته", "تغطيتها", "covering", "coverage", "covered")

// casualtyNounsEN name the harm an event did, in English.
var casualtyNounsEN = wordSet("casualties", "injuries", "deaths", "fatalities", "victims", "losses", "damage")

// casualtyNouns name the people an event hurt or the harm it did.
var casualtyNouns = wordSet("اصابات", "اصابه", "ضحايا", "خسائر", "قتلي", "جرحي", "اضرار")

// capturedPlaceWords, besides the type words, name what a force captures as
// ground: "captured the X enclave", "capturing two army positions".
var capturedPlaceWords = wordSet("hill", "base", "airport", "control", "enclave", "position", "checkpoint",
	"stronghold", "outpost", "territory", "pocket", "front", "frontline", "crossing")

// capturedPlace reports an English "capture" whose object is a place: a
// type word or a word of ground within six words after it, before the object
// ends ("captured the nearby village of X", "capturing the town", "captured the
// rebel-held X enclave"), or "control of".
func capturedPlace(toks []token, i int) bool {
	if w := strings.TrimPrefix(toks[i].Norm, "re"); !isLatin(w) || !strings.HasPrefix(w, "captur") {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+6; j++ {
		w := singular(toks[j].Norm)
		if _, place := recoverTypes[w]; place || toks[j].in(capturedPlaceWords) {
			return true
		}
		if w == "in" || w == "near" || w == "from" || w == "on" || w == "and" {
			return false // the object told: "captured three men in X"
		}
	}
	return false
}

// instrumentAfterTarget returns the type an Arabic attack verb takes from
// the weapon told with "بـ" after its target ("استهدفت X بالمدفعية", "…
// بالطيران المسير"), within ten words and before another incident word or
// an outcome ("ما أدى"): shelling or an airstrike, or "" for none.
func instrumentAfterTarget(toks []token, i int) string {
	if isLatin(toks[i].Norm) || !toks[i].in(targetVerbs) || anyNear(toks, i, -6, -1, airWords) {
		return ""
	}
	for j := i + 1; j < len(toks) && j <= i+10; j++ {
		w := toks[j].Norm
		if w == "ما" || w == "مما" || lexiconWord(w) && !strings.HasPrefix(w, "ب") {
			return ""
		}
		if !strings.HasPrefix(w, "ب") {
			continue
		}
		switch {
		case toks[j].in(airWords):
			return TypeAirstrike
		case toks[j].in(gunWordsAR):
			return TypeShelling // guns, mortars, shells, tanks; a missile may come from the air, one shell be an RPG's
		}
	}
	return ""
}

// airNear is anyNear for airWords, but "التحالف" after a thing on the ground
// is its owner, no aircraft: "استهداف إحدى عربات التحالف بقذيفة".
func airNear(toks []token, i, from, to int) bool {
	lo, hi := nearRange(len(toks), i, from, to)
	for j := lo; j <= hi; j++ {
		if j != i && toks[j].in(airWords) && !(toks[j].in(allianceWords) && j > 0 && toks[j-1].in(groundAssets)) {
			return true
		}
	}
	return false
}

var (
	allianceWords = wordSet("التحالف", "تحالف")
	// groundAssets are a force's things and men on the ground.
	groundAssets = wordSet("عربه", "عربات", "دوريه", "دوريات", "قاعده", "قواعد", "نقطه", "نقاط", "قوات", "جنود", "عناصر",
		"مقر", "مقرات", "اليه", "اليات", "رتل", "ارتال", "قافله", "مستشاري", "مدرعه", "مدرعات")
)

// gunWordsAR name guns, mortars, shells in the plural and tanks, whose fire
// is shelling: "بالمدفعية الثقيلة والهاون", "بالدبابات".
var gunWordsAR = wordSet("مدفعي", "مدفعيه", "مدافع", "هاون", "قذائف", "راجمات", "دبابات", "دبابه")

// ownedWordsEN tell whose an aircraft is between it and its verb: "a drone
// belonging to Israel hit", "a drone operated by the coalition struck".
var ownedWordsEN = wordSet("belonging", "owned", "operated", "affiliated", "belongs")

// aircraftDoer reports an aircraft as the last doer told before the verb
// at i, with no gun, shot or men on the ground told between: the subject
// of "حيث استهدفت" a clause after it.
func aircraftDoer(toks []token, i int) bool {
	if anyNear(toks, i, 1, 3, armedWords) || anyNear(toks, i, 1, 3, groundActors) || anyNear(toks, i, 1, 3, forceNounsAR) {
		return false // "هاجم مسلحون حاجزاً": the doers told after the verb
	}
	for j := i - 1; j >= 0 && j >= i-20; j-- {
		switch {
		case toks[j].in(airWords):
			return true
		case toks[j].in(artilleryWords), toks[j].in(shootingWords), toks[j].in(groundActors), toks[j].in(forceNounsAR), toks[j].in(explosiveWords),
			toks[j].in(clauseOpeners):
			return false // men or guns told between, or another clause ("…، فيما هاجم …")
		}
	}
	return false
}

// groundWords after a word of shelling tell its fire came from the ground:
// "قصف بري للقوات التركية".
var groundWords = wordSet("بري", "البري", "بريا")

// exchangedWords after a word of firing make the fire mutual: "إطلاق نار
// متبادل", "an exchanged fire".
var exchangedWords = wordSet("متبادل", "المتبادل", "متبادله", "المتبادله")

// exchangeBefore reports a verb of exchange (the lexicon's clash words that
// need fire after them, "تبادل") within three words before the word of firing
// at i: "تبادل مسلحون إطلاق النار مع دورية" (told right before it, "تبادل" is
// the trigger itself).
func exchangeBefore(toks []token, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		if lx, ok := lookup(toks[j].Norm); ok && lx.typ == TypeClash && lx.need == needFire {
			return true
		}
	}
	return false
}

// refine narrows a generic attack or shelling word by the weapon named near it.
func refine(toks []token, i int, typ string) string {
	if typ == TypeArrest && isLatin(toks[i].Norm) && (anyNear(toks, i, -8, -1, outlawsEN) && !anyNear(toks, i, -16, -1, lawWordsEN) && !anyNear(toks, i, -16, -1, forcesWordsEN) &&
		!passiveBefore(toks, i) || // but "17 gunmen were detained": the gunmen are the ones taken
		tokAt(toks, i+1) == "by" && anyNear(toks, i, 2, 3, outlawsEN)) {
		return TypeKidnapping // "militants captured seven policemen", "detained by gunmen": no authority arrests
	}
	if typ == TypeKidnapping && ledAwayByForce(toks, i) {
		return TypeArrest // "داهمت دورية للأمن منزلاً واقتادت صاحبه إلى جهة مجهولة": a force's detention
	}
	if typ == TypeKidnapping && authorityTakes(toks, i) {
		return TypeArrest // "QSD militia stormed houses and kidnapped eight civilians": detentions by a force that holds the land
	}
	if typ == TypeArrest && i > 0 && toks[i-1].in(attackerDoers) && toks[i].in(arrestVerbsAR) {
		return TypeKidnapping // "إن المسلحين اعتقلوا أحد حراس المخفر": gunmen who took a man abducted him
	}
	if typ == TypeArrest && capturedPlace(toks, i) {
		return TypeClash // "rebels captured the nearby village of X": a place taken is fought for
	}
	if typ == TypeAirstrike && isLatin(toks[i].Norm) && foreignGroundForceNear(toks, i, -3, -1) && !anyNear(toks, i, -3, 6, airWords) {
		return TypeShelling // "Turkish troops hit the village": an army on the ground, no aircraft named
	}
	switch typ {
	case TypeArmedAttack, TypeShelling:
	default:
		return typ
	}
	if typ == TypeArmedAttack {
		if t := instrumentAfterTarget(toks, i); t != "" {
			return t // "استهدفت القوات قرية X بريف Y بالمدفعية الثقيلة": shelled
		}
	}
	if typ == TypeArmedAttack && (anyNear(toks, i, 1, 1, fireWords) && anyNear(toks, i, 2, 3, exchangedWords) || exchangeBefore(toks, i)) {
		return TypeClash // "وقع إطلاق نار متبادل بين القوات والمسلحين", "تبادل مسلحون إطلاق النار": fire exchanged is a clash
	}
	// "أطلقت قذيفتين": shells are fired from the ground; "قصف بري": so says the word
	ground := anyNear(toks, i, -3, 3, artilleryWords) || toks[i].in(shellWords) || firedWith(toks, i) || typ == TypeShelling && anyNear(toks, i, 1, 1, groundWords)
	switch {
	case airNear(toks, i, -3, 4) && !(typ == TypeShelling && ground && !airNextTo(toks, i)):
		return TypeAirstrike
	case i > 0 && toks[i-1].in(goOnWords) && anyNear(toks, i, -8, -2, airWords) && !ground:
		// "تناوبت طائرات حربية خلال الليل على قصف X", "واصلت المروحيات قصف Y": the aircraft bomb
		return TypeAirstrike
	case anyNear(toks, i, -4, -1, carryOutWords) && anyNear(toks, i, -8, -2, airWords) && !ground:
		// "the jets carried out raids on X": the aircraft attacked
		return TypeAirstrike
	case foreignActorNear(toks, i, -3, 4) && !ground && !anyNear(toks, i, -2, 4, explosiveWords) &&
		!(typ == TypeShelling && strings.HasPrefix(toks[i].Norm, "shell")) && !shotOnTheGround(toks, i):
		// "قصف إسرائيلي", "an Israeli attack": from the air unless artillery is named; English
		// "shelling" names it ("Turkish shelling"), Arabic "قصف" is any bombardment
		return TypeAirstrike
	case (typ == TypeShelling || typ == TypeArmedAttack) && anyNear(toks, i, 1, 3, israeliWords) && anyNear(toks, i, -2, 4, missileWords) && !anyNear(toks, i, -3, 4, gunWords):
		// "قصفاً صاروخياً إسرائيلياً": Israel's missiles, fired from the air or across
		// the Golan, are told with its air strikes; its guns are shelling
		return TypeAirstrike
	case typ == TypeArmedAttack && toks[i].in(targetVerbs) && foreignGroundForceNear(toks, i, -4, 2) && !shotOnTheGround(toks, i) && !anyNear(toks, i, 1, 8, airWords) &&
		!anyNear(toks, i, -2, 4, fireWords) && !anyNear(toks, i, -2, 4, explosiveWords):
		// "Turkish forces targeted five villages", "استهدفت القوات التركية قرية X": an army
		// across a front line hits villages with its guns, not its men
		return TypeShelling
	case typ == TypeArmedAttack && byAircraft(toks, i):
		// "an attack staged by a Turkish drone", "an attack by drones": from the air
		return TypeAirstrike
	case typ == TypeArmedAttack && !isLatin(toks[i].Norm) && aircraftDoer(toks, i):
		// "ارتكبت الطائرات الحربية مجزرة في مدينة X، حيث استهدفت منازل", "نفذ الطيران
		// المسير ثلاث هجمات صاروخية": the aircraft told first are what struck
		return TypeAirstrike
	case typ == TypeArmedAttack && anyNear(toks, i, -2, 4, explosiveWords):
		return TypeBombing
	case typ == TypeArmedAttack && anyNear(toks, i, -1, 3, artilleryWords):
		return TypeShelling
	}
	return typ
}

// byAircraft reports an English attack word whose doer, after "by" within
// four words, is an aircraft: "an attack was carried out by a drone on".
func byAircraft(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if toks[j].Norm == "by" {
			return anyNear(toks, j, 1, 3, airWords)
		}
	}
	return false
}

// authorityTakes reports a kidnapping word whose doer, named within
// authoritySpan words before it with no other doer between, is the force that
// holds the land: the SDF ("QSD", "قسد")
// and its Asayish police, whom the government's media say "kidnap" the
// people they detain. The conventions label such detentions arrests. A
// kidnapping "by" others after the word, or one the force ended ("the SDF
// freed a man kidnapped by a gang"), stays one.
func authorityTakes(toks []token, i int) bool {
	if tokAt(toks, i+1) == "by" || anyNear(toks, i, 1, 3, byDoerAR) || passiveBefore(toks, i) ||
		anyNear(toks, i, -12, -1, freedWords) || anyNear(toks, i, -12, -1, endedWords) {
		return false
	}
	return forceDid(toks, i, authoritySpan, func(j int) bool {
		return toks[j].in(holdingForces) || toks[j].Norm == "democratic" && tokAt(toks, j+1) == "forces"
	})
}

// forceDid reports the deed at toks[i] done by a force, which force(j)
// tells of toks[j]: the nearest of a force and other doers within span words
// before it is the force ("an SDF patrol was attacked and gunmen kidnapped
// two": the gunmen did).
func forceDid(toks []token, i, span int, force func(j int) bool) bool {
	for j := i - 1; j >= 0 && j >= i-span; j-- {
		if toks[j].in(otherDoers) {
			return false
		}
		if force(j) {
			return true
		}
	}
	return false
}

// authoritySpan is how far before a kidnapping word its doer may be named:
// "armed groups of the SDF, backed by helicopters, raided houses in the
// village of X, kidnapped five civilians".
const authoritySpan = 30

var (
	holdingForces = wordSet("sdf", "qsd", "qasad", "asayish", "قسد", "لقسد", "الاسايش", "اسايش")
	byDoerAR      = wordSet("يد", "قبل") // "على يد", "من قبل" after the word: someone else's deed
	endedWords    = wordSet("liberated", "liberates", "liberate", "rescued", "rescues", "rescue", "حررت", "حرر", "تحرير")
	// attackerDoers right before a verb of arrest (its subject: not "مقتل أحد
	// المهاجمين والقبض على خمسة") make it an abduction: no authority takes men so.
	arrestVerbsAR = wordSet("اعتقلوا", "اعتقل", "احتجزوا", "اقتادوا", "اسروا")
	attackerDoers = wordSet("المهاجمين", "المهاجمون", "المسلحين", "المسلحون", "مسلحون", "مسلحين", "مجهولون", "مجهولين", "الخاطفون", "الخاطفين")
	otherDoers    = wordSet("gunmen", "gang", "gangs", "unidentified", "unknown", "kidnappers", "مسلحون", "مسلحين", "مجهولون", "مجهولين", "عصابه")
)

// shootingWords tell shots fired by hand; groundActors are foreign forces on
// the ground.
var (
	shootingWords = wordSet("shot", "shooting", "gunfire", "gunshot", "gunshots", "fire", "opened", "اطلاق", "اطلق",
		"اطلقت", "اطلقوا", "النار", "نار", "رصاص", "الرصاص", "برصاص")
	groundActors = wordSet("soldier", "soldiers", "troops", "patrol", "patrols", "infantry", "جندي", "جنود", "دوريه",
		"دوريات", "عناصر", "مشاه")
)

// shotOnTheGround reports a foreign force's shooting by hand, not from the
// air: "an Israeli soldier shot and wounded a child", "Israeli forces opened
// fire on shepherds", "أطلق جنود إسرائيليون النار".
func shotOnTheGround(toks []token, i int) bool {
	return toks[i].in(shootingWords) || anyNear(toks, i, -2, 3, shootingWords) || anyNear(toks, i, -4, 2, groundActors)
}

// airNextTo reports an aircraft word right before or after the word at i;
// "missile" before English "shelling" names a rocket fired from the ground
// ("missile shelling by regime forces"), not an aircraft's.
func airNextTo(toks []token, i int) bool {
	if strings.HasPrefix(toks[i].Norm, "shell") {
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(toks) && toks[j].in(airWords) && !strings.HasPrefix(toks[j].Norm, "missile") {
				return true
			}
		}
		return false
	}
	return anyNear(toks, i, -1, 1, airWords)
}

// goOnWords right before a bombardment's masdar make the subject told before
// them its doer: "تناوبت الطائرات على قصف", "واصلت الطائرات قصف".
var goOnWords = wordSet("علي", "الي", "واصلت", "واصل", "تواصل", "عاودت", "عاود", "جددت", "جدد")

// foreignActorNear reports a foreign force's adjective at offset from..to of
// i that names the force, not its country's border: "Israeli strikes", but
// "near the Turkish border", "قرب الحدود التركية".
func foreignActorNear(toks []token, i, from, to int) bool {
	for j := max(0, i+from); j <= i+to && j < len(toks); j++ {
		if j == i || !toks[j].in(foreignAir) {
			continue
		}
		if foreignPlace(toks, j) {
			continue // "near the Turkish border", "to attack the Russian airbase": a place, not a doer
		}
		if j+1 < len(toks) && toks[j+1].in(proxyWords) || j > 0 && toks[j-1].Norm == "pro" {
			continue // "Turkish-backed militants", "pro-Turkish factions": men on the ground the force backs
		}
		if toks[j].in(turkishWords) && j > 0 && toks[j-1].in(bombardNouns) {
			continue // "القصف التركي على ناحية X": Turkey's bombardment of the north is its guns', unless aircraft are named
		}
		if groundForceOf(toks, j) {
			// ground forces, whose bombardment is artillery's unless aircraft are named; not
			// "مسيرة تابعة للجيش التركي", a drone they own
			continue
		}
		return true
	}
	return false
}

// missilesOfFighters reports an English sentence whose only aircraft words
// are missiles, fired by armed men or told with no one firing them, and no
// foreign force: a rocket from the ground, as the conventions label Grad
// fire. A foreign force's missile strike stays an air strike.
func missilesOfFighters(toks []token) bool {
	missile := false
	for i, t := range toks {
		switch {
		case t.in(missileWordsEN):
			missile = missile || t.in(airWords)
		case t.in(airWords), t.in(foreignAir) && !foreignPlace(toks, i):
			return false // but "the Russian airbase": what was aimed at
		}
	}
	return missile
}

// weaponUsedEN returns the type an English attack takes from the weapon told
// after it with "using" or "with", within twelve words and before another
// incident word: shelling for guns, mortars and rockets; an air strike for
// aircraft and missiles (which findTriggers then reads as fighters' rockets
// where missilesOfFighters says so); "" for none.
func weaponUsedEN(toks []token, i int) string {
	for j := i + 1; j < len(toks) && j <= i+12; j++ {
		if lexiconWord(toks[j].Norm) {
			return ""
		}
		if w := toks[j].Norm; w != "using" && w != "with" {
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+5; k++ {
			switch {
			case toks[k].in(artilleryWords):
				return TypeShelling
			case toks[k].in(airWords):
				return TypeAirstrike
			}
		}
		return ""
	}
	return ""
}

// interceptWordsEN tell missiles shot down before they fell.
var interceptWordsEN = wordSet("intercepted", "intercepting", "downed", "down", "repelled", "repelling")

// baseWordsEN name a force's base after its country's adjective.
var baseWordsEN = wordSet("airbase", "airbases", "base", "bases")

var (
	turkishWords = wordSet("التركي", "التركيه", "تركي", "تركيه", "تركيا")
	bombardNouns = wordSet("قصف", "القصف", "قصفا")
)

// foreignGroundForceNear reports a foreign army told by its ground forces at
// offset from..to of i: "القوات التركية", "الاحتلال التركي", "Turkish forces".
func foreignGroundForceNear(toks []token, i, from, to int) bool {
	for j := max(0, i+from); j <= i+to && j < len(toks); j++ {
		if j != i && toks[j].in(foreignAir) && groundForceOf(toks, j) {
			return true
		}
	}
	return false
}

// foreignPlace reports the foreign adjective at j told of a place, not of a
// doer: "near the Turkish border", "قرب الحدود التركية", "the Russian airbase".
func foreignPlace(toks []token, j int) bool {
	return j+1 < len(toks) && (toks[j+1].in(borderWords) || toks[j+1].in(baseWordsEN)) || j > 0 && toks[j-1].in(borderWords)
}

// groundForceOf reports the foreign adjective at j told of an army on the
// ground: "القوات التركية", "القوات البرية التركية", "الاحتلال التركي",
// "Turkish forces".
func groundForceOf(toks []token, j int) bool {
	return j > 0 && toks[j-1].in(groundForces) || j > 1 && toks[j-1].in(groundAdjectives) && toks[j-2].in(groundForces) ||
		j+1 < len(toks) && toks[j+1].in(groundForcesEN)
}

// groundForces name an army on the ground before its country's adjective;
// groundAdjectives may stand between them. groundForcesEN name one after it.
var (
	groundForces     = wordSet("القوات", "قوات", "الجيش", "جيش", "الاحتلال") // "للقوات التركية", "والجيش التركي" too
	groundAdjectives = wordSet("البريه", "العسكريه")
	groundForcesEN   = wordSet("forces", "troops", "army", "soldiers", "occupation")
)

// forceNounsAR name an armed force on the move: a patrol, a column, vehicles.
var forceNounsAR = wordSet("دوريه", "دوريات", "قوه", "قوات", "رتل", "ارتال", "اليات", "اليه", "دبابات", "جنود")

// foilWords foil what follows them: "أحبطت", "إحباط".
var foilWords = wordSet("احبط", "احبطت", "احباط", "foiled", "thwarted", "foiling", "thwarting")

// bladeWords name a blade: a stabbing's weapon.
var bladeWords = wordSet("سكين", "بسكين", "سكاكين", "بالسكاكين", "بالسكين", "حاده", "knife", "knives")

// mineWordsEN name a mine or a remnant of war, whose blast is no bombing:
// "as a landmine blew up". mineWordsAR name a mine after an Arabic explosion
// word: "بانفجار لغم أرضي".
var mineWordsAR = wordSet("لغم", "لغما", "الغام", "اللغم", "الالغام")
var mineWordsEN = wordSet("landmine", "landmines", "mine", "mines", "ordnance", "uxo")

// placeNounsAR and unknownAdjAR tell an unknown place: "جهة مجهولة".
var (
	placeNounsAR = wordSet("جهه", "مكان")
	unknownAdjAR = wordSet("مجهوله", "مجهول")
	placeNounsEN = wordSet("location", "destination", "place", "whereabouts")
	unknownAdjEN = wordSet("unknown", "undisclosed")
)

// ledAwayByForce reports a person led away ("اقتاد", "took … to an unknown
// location") by a force, not by armed men: a law force's word in the twelve
// words before, and no gunmen's.
func ledAwayByForce(toks []token, i int) bool {
	if lx, ok := lookup(toks[i].Norm); !ok || lx.need != needUnknownPlace {
		return false
	}
	return forceDid(toks, i, 12, func(j int) bool {
		return toks[j].in(lawForcesAR) || toks[j].in(forceNounsEN) || toks[j].in(lawWordsEN)
	})
}

// lawForcesAR name a state's or an authority's force in Arabic.
var lawForcesAR = wordSet("دوريه", "دوريات", "الامن", "الشرطه", "المخابرات", "الاستخبارات", "الجيش", "الاسايش", "قسد", "قوات", "عناصر")

// attemptWordsAR tell an attempt in the words before an infiltration or an
// assault; attemptBeforeEN and attemptAfterEN, in English: "an attempted
// infiltration", "an infiltration attempt".
var (
	attemptWordsAR  = wordSet("محاوله", "محاولات", "محاولته", "محاولتها", "محاولتهم", "حاول", "حاولت", "حاولوا", "يحاول", "تحاول", "يحاولون")
	attemptBeforeEN = wordSet("attempted", "failed", "foiled", "thwarted", "repelled")
	attemptAfterEN  = wordSet("attempt", "attempts", "bid")
)

var borderWords = wordSet("border", "borders", "frontier", "الحدود", "حدود", "الحدوديه")

// lawWordsEN name the security forces: an ambush they lay is a way to stop
// smugglers or wanted men, told with the seizure or the arrest it led to.
var lawWordsEN = wordSet("security", "police", "units", "directorate", "interior", "patrol", "patrols")

// lawAmbush reports an English "ambush" that the security forces laid ("units
// tracked the smugglers before carrying out an ambush in X"), with no dead or
// wounded told in the sentence: the operation's means, which gives way to
// the seizure or arrest told with it.
func lawAmbush(toks []token, i int) bool {
	if !isLatin(toks[i].Norm) && toks[i].in(ambushWordsAR) && anyNear(toks, i, 1, 8, countVerbs[countArrested]) {
		// "كمين للشرطة انتهى باعتقال الخاطفين": a trap that caught them
		return !anyNear(toks, -1, 1, len(toks), countVerbs[countKilled]) && !anyNear(toks, -1, 1, len(toks), countVerbs[countInjured])
	}
	if toks[i].Norm != "ambush" || !anyNear(toks, i, -16, -1, lawWordsEN) {
		return false
	}
	for k, t := range toks {
		if k > i && k <= i+3 && strings.HasPrefix(t.Norm, "execut") {
			continue // "an ambush was executed": the ambush carried out, no one put to death
		}
		if isLatin(t.Norm) && (t.in(enVerbs[countKilled]) || t.in(enVerbs[countInjured]) || t.in(enParticiples[countKilled]) || t.in(enParticiples[countInjured])) {
			return false
		}
	}
	return true
}

// leftOver reports a shell told as one left from the fighting, not fired
// now: "قذيفة من مخلفات الحرب", "قذيفة قديمة", "قذيفة غير منفجرة", "an
// unexploded shell", "an old shell left over from the war".
func leftOver(toks []token, i int) bool {
	if anyNear(toks, i, -2, -1, oldWords) || anyNear(toks, i, -3, 6, remnantWords) || anyNear(toks, i, 1, 1, oldWords) {
		return true
	}
	return tokAt(toks, i+1) == "غير" && strings.HasPrefix(tokAt(toks, i+2), "منفجر") ||
		isLatin(toks[i].Norm) && tokAt(toks, i+1) == "left" && tokAt(toks, i+2) == "over"
}

// carriedOutNounsEN are what is executed without anyone put to death: an
// operation, a plan, an order.
var carriedOutNounsEN = wordSet("operation", "operations", "ambush", "ambushes", "plan", "plans", "raid", "raids", "mission",
	"missions", "campaign", "order", "orders", "sentence", "warrant", "warrants", "attack", "attacks", "strike", "strikes", "task", "tasks")

// explosionAimed reports an explosion told as aimed at a target, the
// explosion as its subject: "An explosion targeted an army bus", "استهدف
// انفجار دورية", "انفجار استهدف سيارة". A blast aimed is set off: a
// bombing, though no device is named. "واستهدف الانفجار مبنى", "the
// explosion targeted" tell an explosion told before: its type stands.
func explosionAimed(toks []token, i int) bool {
	if strings.HasPrefix(toks[i].Norm, "ال") || tokAt(toks, i-1) == "the" {
		return false
	}
	return anyNear(toks, i, 1, 1, targetVerbs) || !isLatin(toks[i].Norm) && anyNear(toks, i, -1, -1, targetVerbs)
}

// leftOverShell reports a shell in toks told as one left from the fighting:
// whatever goes off in its sentence is that shell.
func leftOverShell(toks []token) bool {
	for k, t := range toks {
		if t.in(artilleryWords) && leftOver(toks, k) {
			return true
		}
	}
	return false
}

// toolNounsEN after an English "-ing" incident word make it an attribute:
// "killing tools", "shooting range".
var toolNounsEN = wordSet("tools", "tool", "instruments", "instrument", "equipment", "range", "ranges", "devices")

// oldWords tell a thing of long ago: "قذيفة قديمة", "an old shell".
var oldWords = wordSet("old", "قديمه")

// ambushCatchWords tell, after an ambush the security forces laid, the
// arrest it ended in: "led to the capture of", "resulted in the apprehension
// of", "أسفر عن القبض على".
var ambushCatchWords = wordSet("arrest", "arrested", "arrests", "capture", "captured", "capturing", "apprehension", "apprehended",
	"detained", "caught", "القبض", "باعتقال", "اعتقال", "بالقبض", "توقيف", "بتوقيف")

// fledWords tell the doers' flight.
var fledWords = wordSet("fled", "escaped", "فروا", "فر", "لاذوا", "لاذ", "هربوا", "انسحبوا")

// ambushWordsAR name an ambush.
var ambushWordsAR = wordSet("كمين", "كمينا", "الكمين")

// forcesWordsEN name armed forces that may arrest.
var forcesWordsEN = wordSet("forces", "army", "troops", "soldiers", "authorities", "asayish", "sdf", "guards")

// outlawsEN are armed men no authority stands behind: whom they "capture" or
// "detain" they kidnap.
var outlawsEN = wordSet("militants", "gunmen", "insurgents", "kidnappers", "abductors", "gang", "jihadists")

// cargoWords tell what a vehicle or a shipment carried: "loaded with",
// "laden with", "محملة بـ".
var cargoWords = wordSet("loaded", "laden", "packed", "carrying", "محمله", "المحمله", "محملا", "محمل", "المحمل")

// proxyWords after a foreign force's adjective make it the backer of a group
// on the ground: "Turkish-backed", "Russian-affiliated", "Iranian-allied".
var proxyWords = wordSet("backed", "supported", "sponsored", "affiliated", "allied", "aligned", "funded", "controlled")

// anyNear reports whether a token at offset from..to (inclusive, relative to
// i) is a form of a word in set.
func anyNear(toks []token, i, from, to int, set map[string]bool) bool {
	lo, hi := nearRange(len(toks), i, from, to)
	for j := lo; j <= hi; j++ {
		if j == i {
			continue
		}
		if toks[j].in(set) {
			return true
		}
	}
	return false
}

// nearRange returns the positions from i+from to i+to that lie among n
// tokens. A caller may give a far end for "to the sentence's end" (retold
// reads 1<<20): the loop that skipped every position past the last token
// cost a million steps a call, some 4 s for 50 KB of short reports.
func nearRange(n, i, from, to int) (lo, hi int) {
	from, to = min(max(from, -n-2), n+2), min(max(to, -n-2), n+2) // i lies in -1..n: no sum overflows
	return max(0, i+from), min(n-1, i+to)
}

// afterWords before a definite incident word refer back to an event told
// already: "بعد الهجوم", "after the attack", "following the blast".
var afterWords = wordSet("بعد", "عقب", "after", "following", "since")

// anaphoric reports an incident word that refers back: a definite one right
// after a word of "after".
func anaphoric(toks []token, i int) bool {
	w := toks[i].Norm
	if isLatin(w) {
		if i >= 1 && (toks[i-1].Norm == "this" || toks[i-1].Norm == "that") && !strings.HasSuffix(w, "s") {
			return true // "This bombing followed …": the event just told
		}
		return i >= 2 && toks[i-1].Norm == "the" && afterWords[toks[i-2].Norm] && !newAfterOf(toks, i)
	}
	return i >= 1 && afterWords[toks[i-1].Norm] && strings.HasPrefix(w, "ال")
}

// newAfterOf reports a definite incident noun after "after" told with its
// own victim and a time of its own: "The raid came after the abduction of a
// doctor last October", an earlier event, not the one told before; or with
// a victim told as new ("following the killing of a man").
func newAfterOf(toks []token, i int) bool {
	if tokAt(toks, i+1) != "of" {
		return false
	}
	if w := tokAt(toks, i+2); w == "a" || w == "an" {
		return true // "clashes broke out after the murder of a young farmer": a victim not told before
	}
	for j := i + 2; j < len(toks) && j <= i+8; j++ {
		w := toks[j].Norm
		if _, month := enMonths[w]; month || w == "last" || w == "earlier" {
			return true
		}
	}
	return false
}

// unknownCause reports "مجهول السبب", "مجهول المصدر", "of unknown cause" after
// an explosion word.
func unknownCause(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if toks[j].in(unknownWords) && j+1 < len(toks) &&
			toks[j+1].in(causeWords) {
			return true
		}
	}
	return false
}

// generic reports a plural incident word told as a kind of events: "هجمات
// متفرقة", "معظم تلك الهجمات", "most of these attacks".
func generic(toks []token, i int) bool {
	return anyNear(toks, i, -1, -1, demonstratives) || anyNear(toks, i, -3, -1, quantifiers) ||
		anyNear(toks, i, -1, 2, kindAdjectives) && !anyNear(toks, i, 1, 2, happenedWords) ||
		anyNear(toks, i, -3, -1, escalationWords) && pluralNoun(toks[i].Norm) || sinceAYear(toks, i)
}

// sinceAYear reports a year told as where a run of events, or a state,
// began, within a few words after token i: "مجازر النظام منذ عام 2011",
// "attacks since 2015", "معتقل منذ عام 2013": years of them, no one event.
func sinceAYear(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if toks[j].Norm != "منذ" && toks[j].Norm != "since" {
			continue
		}
		k := j + 1
		if k < len(toks) && (toks[k].Norm == "عام" || toks[k].Norm == "العام") {
			k++
		}
		return k < len(toks) && len(toks[k].Norm) == 4 && isNumber(toks[k].Norm)
	}
	return false
}

// escalationWords before a plural incident noun tell a campaign growing, not
// one event: "كثّف الجيش هجماته على قرى X", "stepped up its attacks".
var escalationWords = wordSet("صعدت", "صعد", "تصعد", "يصعد", "كثفت", "كثف", "تكثف", "يكثف", "escalated", "escalates",
	"stepped", "intensified", "intensifies", "ramped")

// pluralNoun reports a plural noun: Arabic in "ات" with or without a
// possessive pronoun ("هجماته"), English in "s".
func pluralNoun(w string) bool {
	if isLatin(w) {
		return strings.HasSuffix(w, "s")
	}
	for _, suf := range []string{"ات", "اتها", "اته", "اتهم", "اتهن"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// happenedWords right after an incident word tell that it took place: "sporadic
// clashes broke out near X" is an event, however sporadic.
var happenedWords = wordSet("took", "broke", "erupted", "occurred", "raged", "flared")

// purpose reports an Arabic incident noun glued to the "ل" of purpose with no
// pronoun after it: "سجن يخصص لاحتجاز القادة" tells what it is for. With a
// pronoun it tells a reason: "اعتقل ثلاثة لقتلهم شابين".
func purpose(toks []token, i int) bool {
	w := toks[i].Norm
	rest, ok := strings.CutPrefix(w, "ل")
	if !ok || isLatin(w) || i > 0 && (anyNear(toks, i, -8, -1, subjectedWords) || toks[i-1].in(causalWords)) {
		return false // "تعرضت دورية لاستهداف", "تعرض ستة شبان مساء أمس لاعتداء": it happened to them; "نتيجة لانفجار": what caused it
	}
	if def, ok := strings.CutPrefix(rest, "ل"); ok {
		// "ملاحقة المجرمين للقبض عليهم": the definite masdar after "ل" of purpose, an
		// arrest hoped for
		lx, ok := lexicon[def]
		return ok && !lx.item && lx.typ == TypeArrest && anyNear(toks, i, 1, 1, preposedObjects)
	}
	for _, suf := range []string{"هم", "ها", "هما", "ه"} {
		if strings.HasSuffix(rest, suf) {
			return false
		}
	}
	lx, ok := lexicon[rest]
	return ok && !lx.item && strings.HasPrefix(rest, "ا") // a masdar: "احتجاز", "اعتقال", "استهداف"
}

// preposedObjects follow an arrest's masdar with its object: "القبض عليهم".
var preposedObjects = wordSet("عليهم", "عليه", "عليها", "عليهما")

// causalWords before "لـ" and an incident noun tell the event as a cause:
// "نتيجة لانفجار سيارة مفخخة".
var causalWords = wordSet("نتيجه", "نظرا")

// habitual reports a present-tense incident verb in a relative clause: "خلايا
// التي تستهدف الحواجز" tells what they do, not what they did.
func habitual(toks []token, i int) bool {
	w := toks[i].Norm
	if isLatin(w) && anyNear(toks, i, -4, -1, frequencyWords) {
		return true // "cells regularly carry out attacks": what happens, not what happened
	}
	if habitOpening(toks, i) {
		return true // "وغالباً ما تقصف الفصائل … حين تدور معارك": what happens, not what happened
	}
	if tradeBefore(toks, i) {
		return true // "خلية متخصصة في الخطف", "a gang specialised in kidnapping": what a group does
	}
	if isLatin(w) || !(strings.HasPrefix(w, "ت") || strings.HasPrefix(w, "ي")) {
		return false
	}
	return anyNear(toks, i, -2, -1, relativePronouns)
}

// timesOverPeriod reports a sentence telling an incident as repeated three
// times or more ("3 مرات", "four times") over a period of months or years:
// a series, not one event to map, however its verbs tell it ("سبق أن اعتُقل
// أربع مرات في السنوات الأخيرة، إذ كانت الأجهزة تعتقله").
func timesOverPeriod(toks []token) bool {
	for j := 1; j < len(toks); j++ {
		if toks[j].Norm != "مرات" && toks[j].Norm != "times" {
			continue
		}
		v, n := parseNumber(toks, j-1)
		if isLatin(toks[j].Norm) {
			v, _ = enNumberValue(toks[j-1].Norm)
			n = 1
		}
		if n > 0 && v >= 3 && anyNear(toks, j, 1, 6, longPeriodWords) {
			return true
		}
	}
	return false
}

// longPeriodWords name a period of months or years.
var longPeriodWords = wordSet("العام", "عام", "السنه", "سنه", "الاشهر", "اشهر", "الشهور", "شهور", "السنوات", "سنوات",
	"year", "years", "months")

// tradeWords tell the crimes a group is known for, not one it committed:
// "شبكة متخصصة في الخطف والابتزاز", "تمتهن السلب".
var tradeWords = wordSet("متخصصه", "متخصص", "متخصصين", "المتخصصه", "المتخصص", "مختصه", "تمتهن", "يمتهن", "امتهنت",
	"specialised", "specialized", "specialising", "specializing", "specialises", "specializes")

// tradeBefore reports a word of trade within three words before token i: a
// verb ("تمتهن الخطف"), or an adjective followed by the preposition it takes
// ("متخصصة في", "مختصة بعمليات", "specialised in"). "الجهات المختصة" (the
// competent authorities) doing something is no trade.
func tradeBefore(toks []token, i int) bool {
	for j := max(0, i-3); j < i; j++ {
		if !toks[j].in(tradeWords) {
			continue
		}
		if next := toks[j+1].Norm; tradeVerbs[toks[j].Norm] || next == "في" || next == "in" || strings.HasPrefix(next, "ب") {
			return true
		}
	}
	return false
}

// bombedBy returns the type of an English "bomb" word whose doer is told by
// "by" within six words after it: an airstrike for aircraft, shelling for an
// army or its forces (a bombardment from the ground, not a bomb planted), and
// "" for any other doer.
func bombedBy(toks []token, i int) string {
	if !strings.HasPrefix(toks[i].Norm, "bomb") {
		return ""
	}
	for j := i + 1; j < len(toks) && j <= i+6; j++ {
		if toks[j].Norm != "by" {
			continue
		}
		switch {
		case anyNear(toks, j, 1, 4, airWords):
			return TypeAirstrike
		case anyNear(toks, j, 1, 4, forceNounsEN) && !anyNear(toks, i, -5, 8, airWords):
			return TypeShelling
		}
		return ""
	}
	if strings.HasPrefix(toks[i].Norm, "bombing") && anyNear(toks, i, -1, -1, intensityWordsEN) && !anyNear(toks, i, -3, 3, explosiveWords) {
		// "heavy bombing overnight left ten dead": a bombardment, not a bomb set off
		if anyNear(toks, i, -3, 4, artilleryWords) {
			return TypeShelling
		}
		return TypeAirstrike
	}
	return ""
}

// intensityWordsEN before "bombing" make it a bombardment: "fierce
// bombing", "heavy bombing"; no one sets off a bomb fiercely.
var intensityWordsEN = wordSet("fierce", "heavy", "intense", "intensive", "violent", "relentless", "continuous", "ongoing", "renewed", "indiscriminate")

// releaseSpan is how far before kidnappers a release may be told for them to
// be the release's ("families said those taken were freed after ransoms were
// paid to kidnappers"). Bounded, so that a sentence of many such words costs
// linear time.
const releaseSpan = 24

// definiteVictims reports the Arabic definite participle of the people
// kidnapped ("المختطفين", "والمخطوفون"): those a kidnapping told already
// took. Told as some of them, they are no kidnapping of their own.
func definiteVictims(norm string) bool {
	for _, p := range []string{"و", "ف", "ب", "ل"} {
		norm = strings.TrimPrefix(norm, p)
	}
	rest, ok := strings.CutPrefix(norm, "ال")
	if !ok {
		rest, ok = strings.CutPrefix(norm, "ل") // "للمختطفين" after "ل" took the article's alif
	}
	return ok && (strings.HasPrefix(rest, "مختطف") || strings.HasPrefix(rest, "مخطوف"))
}

// traceWords name the marks an event leaves on a body or a building: "آثار
// إطلاق نار", "traces of gunfire", "signs of torture".
var traceWords = wordSet("اثار", "traces", "signs", "marks")

// tracesBefore reports a word of traces right before token i ("آثار") or
// before its "of" ("signs of").
func tracesBefore(toks []token, i int) bool {
	if isLatin(toks[i].Norm) {
		return i >= 2 && toks[i-1].Norm == "of" && toks[i-2].in(traceWords)
	}
	return i >= 1 && toks[i-1].in(traceWords)
}

// tradeVerbs are the words of trade that take their crime as a direct object.
var tradeVerbs = wordSet("تمتهن", "يمتهن", "امتهنت")

// habitOpening reports a sentence opened by an adverb of habit and "ما"
// ("وغالباً ما تقصف …", "عادةً ما تشهد …") before token i: the sentence tells
// what happens as a rule, every incident word in it included.
func habitOpening(toks []token, i int) bool {
	for j := 0; j+1 < len(toks) && j < 3 && j+1 < i; j++ {
		if toks[j].in(habitAdverbs) && toks[j+1].Norm == "ما" {
			return true
		}
	}
	return false
}

// habitAdverbs with "ما" before a present-tense verb tell a habit: "غالباً ما",
// "عادةً ما", "كثيراً ما", "دائماً ما".
var habitAdverbs = wordSet("غالبا", "عاده", "كثيرا", "دائما", "نادرا")

// frequencyWords before an English incident word tell how often things
// happen: a habit, not an event.
var frequencyWords = wordSet("regularly", "frequently", "often", "routinely", "usually", "constantly", "continually",
	"periodically", "occasionally", "sometimes",
	// and their adjectives: "a frequent target of drone strikes"
	"frequent", "constant", "routine", "recurrent", "recurring")

// loadOfWeapons reports a load or store seized at toks[i] whose contents a
// clause further on tells to be weapons: "صادرت الحمولة، وظهر بالتفتيش أنها
// عشرات من القذائف" (weapons within a dozen words of a shipment), "seized a
// warehouse in the village of X in the Y countryside, containing explosive
// devices" (weapons after a word of holding, however far).
func loadOfWeapons(toks []token, i int) bool {
	if anyNear(toks, i, 1, 2, shipmentWords) && anyNear(toks, i, 1, 12, weaponWords) {
		return true
	}
	if !anyNear(toks, i, 1, 4, containerWords) {
		return false
	}
	for j := i + 2; j < len(toks); j++ {
		if toks[j].in(containingWords) && anyNear(toks, j, 1, 4, weaponWords) {
			return true
		}
	}
	return false
}

// shipmentWords name a load seized whole; containerWords stores that hold
// what is seized; containingWords tell what they hold.
var (
	shipmentWords   = wordSet("شحنه", "شحنات", "حموله", "حمولات", "shipment", "shipments", "consignment", "cargo")
	containerWords  = wordSet("warehouse", "warehouses", "depot", "depots", "store", "storehouse", "stockpile", "cache", "arsenal", "workshop", "hideout", "truck", "vehicle", "car", "lorry", "van", "pickup", "minibus", "bus", "trucks", "vehicles")
	containingWords = wordSet("containing", "contained", "holding", "filled", "full", "loaded", "stocked")
)

// inTheAir reports fire shot into the air: "أطلقت النار في الهواء", "fired in
// the air", "fired shots into the sky", "warning shots": no attack.
func inTheAir(toks []token, i int) bool {
	if isLatin(toks[i].Norm) && (i > 0 && toks[i-1].Norm == "warning" || tokAt(toks, i+1) == "warning") {
		return true // "warning shots", "fired warning shots"
	}
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if toks[j].Norm == "الهواء" || (toks[j].Norm == "air" || toks[j].Norm == "sky") && toks[j-1].Norm == "the" && j >= 2 &&
			(toks[j-2].Norm == "in" || toks[j-2].Norm == "into") {
			return true
		}
	}
	return false
}

// Word sets of the rules above, built once.
var (
	unknownWords     = wordSet("مجهول", "unknown", "unclear", "undetermined")
	causeWords       = wordSet("سبب", "مصدر", "cause", "origin", "causes")
	relativePronouns = wordSet("التي", "الذي", "الذين", "اللواتي")
)

// smallArmsWords name the weapons men carry: told with shells, they are an
// assault's ("بالرشاشات والقنابل اليدوية").
var smallArmsWords = wordSet("رشاش", "رشاشات", "الرشاشات", "الرشاش", "يدويه", "اليدويه", "الخفيفه", "البنادق", "بنادق")

// rpgAfter reports a shoulder-fired rocket named after a shell word: "قذائف
// الـRPG", "قذيفة آر بي جي".
func rpgAfter(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if toks[j].Norm == "rpg" || toks[j].Norm == "ار" && tokAt(toks, j+1) == "بي" {
			return true
		}
	}
	return false
}

// numberedPersons are the ordinals that number people told in turn: "الشخص
// الثاني", "المتهم الثالث", "the second suspect".
var numberedPersons = wordSet("الثاني", "الثالث", "الرابع", "الخامس", "الثانيه", "الثالثه", "الرابعه", "الخامسه",
	"second", "third", "fourth", "fifth")

// numberedPerson reports a person numbered in turn within a few words
// of the incident word at i: "أما الشخص الثاني فتم توقيفه في X", "the
// third man was arrested in Y": each is another arrest, at its own place.
func numberedPerson(toks []token, i int) bool {
	for j := max(1, i-4); j < len(toks) && j <= i+3; j++ {
		if j == i {
			continue // "تم توقيف الشخص الثالث في X", "the third suspect was held": before or after it
		}
		if numberedPersons[toks[j].Norm] && (toks[j-1].in(personNouns) || toks[j-1].in(enPersons) || toks[j-1].in(suspectNouns)) {
			return true
		}
	}
	return false
}

// suspectNouns name a person by what they are accused of: "المتهم الثاني", "the second suspect".
var suspectNouns = wordSet("متهم", "مشتبه", "موقوف", "معتقل", "مطلوب", "suspect", "detainee")

// mutualWords after a word of fighting tell fire from both sides: "اشتباكات
// بين الطرفين", "تبادل لإطلاق النار", "clashes between the two sides".
var mutualWords = wordSet("بين", "متبادل", "المتبادل", "متبادله", "مع", "between", "exchanged", "mutual", "with") // "clashes with rebels", "اشتباكات مع": two sides
