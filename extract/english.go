package extract

import "strings"

// English reports are read by the same rules as Arabic ones, with English
// words beside the Arabic in the word lists: tokens are lower-cased, and a
// Latin word is looked up by its base form ("arrested" → "arrest").

// englishLexicon are the English incident words, by base form.
var englishLexicon = map[string]lexeme{
	// arrest
	"arrest": {typ: TypeArrest}, "detain": {typ: TypeArrest}, "detention": {typ: TypeArrest, exact: true},
	"apprehend": {typ: TypeArrest}, "apprehension": {typ: TypeArrest}, "custody": {typ: TypeArrest, exact: true},
	"capture":   {typ: TypeArrest, weak: true}, // people, as a rule; "captured the village" is no arrest, and weak gives way
	"recapture": {typ: TypeArrest, weak: true}, // "recaptured the villages of X": a place, read as "capture" is
	// airstrike: "strike" and "raid" only with an aircraft or a foreign air force near
	"airstrike": {typ: TypeAirstrike}, "strike": {typ: TypeAirstrike, need: needAirAround},
	"raid": {typ: TypeAirstrike, need: needAirAround}, "barrel": {typ: TypeAirstrike},
	"struck": {typ: TypeAirstrike, exact: true, need: needAirAround},
	"hit":    {typ: TypeAirstrike, need: needAirAround}, // "a drone hit the village", "Israeli jets hit a depot"
	// shelling
	"shell": {typ: TypeShelling}, "shelling": {typ: TypeShelling, exact: true}, "mortar": {typ: TypeShelling},
	"artillery": {typ: TypeShelling, exact: true}, "rocket": {typ: TypeShelling},
	// "a missile landed near the checkpoint": a rocket when fighters fire it or no one is told to (missilesOfFighters), else from the air
	"missile": {typ: TypeAirstrike, item: true}, "bombard": {typ: TypeShelling},
	"bombardment": {typ: TypeShelling},
	// bombing
	"bomb": {typ: TypeBombing}, "bombing": {typ: TypeBombing, exact: true}, "explosion": {typ: TypeBombing},
	"explode": {typ: TypeBombing}, "blast": {typ: TypeBombing}, "ied": {typ: TypeBombing, item: true},
	"detonate": {typ: TypeBombing}, "suicide": {typ: TypeBombing, exact: true, need: needBomber},
	"explosive": {typ: TypeBombing, item: true, exact: true},
	// armed attack
	"attack": {typ: TypeArmedAttack}, "assault": {typ: TypeArmedAttack}, "shot": {typ: TypeArmedAttack, exact: true},
	"shoot": {typ: TypeArmedAttack}, "shooting": {typ: TypeArmedAttack, exact: true}, "gunfire": {typ: TypeArmedAttack},
	"gunmen": {typ: TypeArmedAttack, exact: true, weak: true}, "gunman": {typ: TypeArmedAttack, exact: true, weak: true},
	"fire": {typ: TypeArmedAttack, exact: true, need: needOpened}, "fired": {typ: TypeArmedAttack, exact: true},
	"ambush": {typ: TypeArmedAttack}, "assassinate": {typ: TypeArmedAttack}, "assassination": {typ: TypeArmedAttack},
	"murder": {typ: TypeArmedAttack}, "stab": {typ: TypeArmedAttack}, "target": {typ: TypeArmedAttack, weak: true},
	"kill": {typ: TypeArmedAttack, weak: true}, "killed": {typ: TypeArmedAttack, weak: true, exact: true},
	"dead": {typ: TypeArmedAttack, weak: true, exact: true}, "massacre": {typ: TypeArmedAttack, weak: true},
	"robbery": {typ: TypeArmedAttack, need: needArmed},
	// more words of killing, bombardment and fighting in English news: "slain", "gunned
	// down", "executed", "pounded the town", "fought"
	"slain": {typ: TypeArmedAttack, weak: true, exact: true}, "gunned": {typ: TypeArmedAttack, exact: true},
	"destroyed": {typ: TypeClash, weak: true, exact: true, need: needPositions}, "destroy": {typ: TypeClash, weak: true, exact: true, need: needPositions},
	"execute": {typ: TypeArmedAttack, weak: true}, "execution": {typ: TypeArmedAttack, weak: true},
	"pound": {typ: TypeShelling}, "fought": {typ: TypeClash, exact: true},
	// clash
	"infiltration": {typ: TypeClash, exact: true, need: needAttempt}, // "repelled an infiltration attempt": fighting at the front
	"clash":        {typ: TypeClash}, "fighting": {typ: TypeClash, exact: true}, "infighting": {typ: TypeClash, exact: true}, "battle": {typ: TypeClash},
	"fight":     {typ: TypeClash, exact: true, need: needBetweenEN}, // "a fight erupted between two armed groups"
	"firefight": {typ: TypeClash}, "skirmish": {typ: TypeClash},
	// a force that took a place fought for it, as "سيطر على" says in Arabic: "the army regained control of X"
	"control": {typ: TypeClash, exact: true, need: needTookControlEN},
	// weapons seizure
	"seize": {typ: TypeWeaponsSeizure, need: needWeapons}, "seizure": {typ: TypeWeaponsSeizure, need: needWeapons},
	"confiscate": {typ: TypeWeaponsSeizure, need: needWeapons}, "cache": {typ: TypeWeaponsSeizure, need: needWeapons},
	"depot": {typ: TypeWeaponsSeizure, need: needWeapons}, "found": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons},
	// "among their possessions were explosives and rockets", "weapons found in his possession"
	"possessions": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons}, "possession": {typ: TypeWeaponsSeizure, exact: true, need: needWeapons},
	"uncover": {typ: TypeWeaponsSeizure, need: needWeapons}, "discover": {typ: TypeWeaponsSeizure, need: needWeapons},
	// arms taken out of use or stopped on their way are arms taken: "engineers dismantled an explosive device",
	// "defused a mine", "intercepted a shipment of ammunition"; not what air defences shot down
	"defuse": {typ: TypeWeaponsSeizure, need: needTakenArmsEN}, "dismantle": {typ: TypeWeaponsSeizure, need: needTakenArmsEN},
	"neutralize": {typ: TypeWeaponsSeizure, need: needTakenArmsEN}, "neutralise": {typ: TypeWeaponsSeizure, need: needTakenArmsEN},
	"disarm": {typ: TypeWeaponsSeizure, need: needTakenArmsEN}, "intercept": {typ: TypeWeaponsSeizure, need: needTakenArmsEN},
	// kidnapping
	"kidnap": {typ: TypeKidnapping}, "abduct": {typ: TypeKidnapping}, "abduction": {typ: TypeKidnapping},
	"hostage": {typ: TypeKidnapping},
	// kidnappers told by their deed: "kidnappers demanded a ransom", "her captor called";
	// weak, as in Arabic, and not after "the" (detect.go: the doers of a kidnapping told already)
	"kidnapper": {typ: TypeKidnapping, weak: true}, "abductor": {typ: TypeKidnapping, weak: true},
	"captor": {typ: TypeKidnapping, weak: true},
	// other
	"incursion": {typ: TypeOther, weak: true}, "landmine": {typ: TypeOther},
	// a force that entered a village: an incursion, unless it did more there ("a patrol of four armoured vehicles entered X")
	"entered":    {typ: TypeOther, weak: true, exact: true, need: needForceBefore},
	"penetrated": {typ: TypeOther, weak: true, exact: true, need: needForceBefore},
	// a body found: a killing whose doer is not told ("the body of a man was found")
	"body":   {typ: TypeArmedAttack, weak: true, exact: true, need: needFoundEN},
	"bodies": {typ: TypeArmedAttack, weak: true, exact: true, need: needFoundEN},
	// war remnants that go off: "killed by unexploded ordnance", "a UXO blast", "remnants of war"
	"ordnance": {typ: TypeOther, exact: true}, "uxo": {typ: TypeOther},
	"remnants": {typ: TypeOther, exact: true, need: needOfWar},
	// "an exchange of fire", "exchanged fire": a clash; "rounded up": arrests
	"exchange": {typ: TypeClash, need: needFire}, "rounded": {typ: TypeArrest, exact: true, need: needUp},
	// "a motorcycle rigged with explosives blew up", "a car was blown up": the bomb went off
	// (not "army engineers blew up a tunnel", a force's demolition, nor "a landmine blew up")
	"blew": {typ: TypeBombing, exact: true, need: needUpNoForce}, "blown": {typ: TypeBombing, exact: true, need: needUpNoForce},
	// someone taken to an unknown place: by a force an arrest, by gunmen a kidnapping (see refine):
	// "a patrol raided the house and took its owner to an unknown location"
	"took": {typ: TypeKidnapping, exact: true, need: needUnknownPlace}, "taken": {typ: TypeKidnapping, exact: true, need: needUnknownPlace},
	// a force that pushed or advanced into a village: an incursion, as "entered" is
	"pushed": {typ: TypeOther, weak: true, exact: true, need: needIntoAfterForce}, "advanced": {typ: TypeOther, weak: true, exact: true, need: needIntoAfterForce},
}

// foreignAir are the forces whose strikes come from the air unless artillery
// is named: "Israeli strikes", "a Turkish drone", but "Turkish artillery".
var foreignAir = wordSet()

// englishWords adds the English forms of the word classes the rules use.
func init() {
	for k, v := range englishLexicon {
		lexicon[k] = v
	}
	addWords(weaponWords, "weapon", "weapons", "arms", "ammunition", "ammo", "rifle", "rifles", "explosives",
		"explosive", "mines", "mine", "grenades", "grenade", "rockets", "mortars", "shells", "ieds", "devices",
		"munitions", "machine", "guns", "gun", "pistols", "tnt", "detonators", "detonator", "bombs",
		"vests", "vest", "belts", "launcher", "launchers", "rpg", "rpgs", "cartridges", "rounds", "weaponry", "armaments", "firearms", "pistol")
	addWords(fireWords, "fire")
	addWords(airWords, "air", "aerial", "drone", "drones", "warplane", "warplanes", "jet", "jets", "helicopter",
		"helicopters", "aircraft", "missile", "missiles", "planes")
	addWords(foreignAir, "israeli", "turkish", "russian", "coalition", "american", "الاسرائيلي", "الاسرائيليه",
		"اسرائيليه", "اسرائيلي", "الروسي", "الروسيه", "روسيه", "التركي", "التركيه", "تركيه", "الامريكي", "الامريكيه")
	addWords(artilleryWords, "artillery", "mortar", "mortars", "rocket", "rockets", "shell", "shells")
	addWords(explosiveWords, "ied", "explosive", "bomb", "bombs", "booby", "suicide", "mine", "landmine", "device")
	addWords(blockWords, "plan", "planned", "planning", "plot", "plotting", "threat", "threats", "threaten",
		"threatened", "prevent", "prevented", "foil", "foiled", "thwart", "thwarted", "warn", "warned", "accused",
		"charged", "wanted", "deny", "denied", "denies", "condemn", "condemned", "responsible", "will", "would", "could",
		"might", "aims", "aimed", "warrant", "warrants",
		"possible", "potential", // "no information on possible arrests": none told
		"preparation", "preparations", "preparing", // "preparations for the battle of X": one to come
		"crimes") // "men behind crimes of murder and abduction": what they are charged with
	addWords(figurativeWords, "verbal", "scathing", "blistering")
	addWords(seizedWords, "seized", "confiscated", "found", "defused", "dismantled", "manufacturing", "making",
		"planting", "planted", "highly",
		"high") // "high-explosive shells": the munition, as "شديدة الانفجار"
	addWords(defuseWords, "defused", "dismantled", "defuse", "dismantle")
	addWords(armedWords, "armed")
}

// airDefenceWords told with "intercepted" make it a shooting down, not a seizure.
var airDefenceWords = wordSet("defense", "defenses", "defence", "defences", "systems", "system", "interceptors")

// takenArms reports a weapon or a bomb that a verb of taking out of use at
// toks[i] acts on: named within six words after it, or before it in a
// passive ("a device was defused"), with no air defence beside it.
func takenArms(toks []token, i int) bool {
	if anyNear(toks, i, -4, 3, airDefenceWords) {
		return false
	}
	if anyNear(toks, i, 1, 6, weaponWords) || anyNear(toks, i, 1, 6, explosiveWords) {
		return true
	}
	if anyNear(toks, i, 1, 3, containerWords) && (anyNear(toks, i, 1, 12, weaponWords) || anyNear(toks, i, 1, 12, explosiveWords) || anyNear(toks, i, 1, 12, missileWordsEN)) {
		return true // "intercepted a van carrying Kornet anti-tank missiles": what the van carried
	}
	return passiveBefore(toks, i) && (anyNear(toks, i, -6, -1, weaponWords) || anyNear(toks, i, -6, -1, explosiveWords))
}

// missileWordsEN name missiles carried as a load.
var missileWordsEN = wordSet("missiles", "missile", "rockets", "rocket")

// defusedAfter reports a bomb or a mine told, in an English passive within
// four words after it, as defused or dismantled: "a landmine was defused".
func defusedAfter(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if toks[j].in(defuseWords) && passiveBefore(toks, j) {
			return true
		}
	}
	return false
}

func addWords(set map[string]bool, words ...string) {
	for _, w := range words {
		set[w] = true
	}
}

// englishForms returns a Latin word and its base forms: "arrested" → "arrest",
// "kidnapped" → "kidnap", "strikes" → "strike", "shelling" → "shell".
func englishForms(w string) []string {
	out := []string{w}
	add := func(s string) {
		if len(s) >= 3 {
			out = append(out, s)
		}
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		base, ok := strings.CutSuffix(w, suf)
		if !ok {
			continue
		}
		add(base)
		if n := len(base); n >= 2 && base[n-1] == base[n-2] {
			add(base[:n-1]) // "kidnapped", "shelled"? keeps "shell" too
		}
		if suf == "ing" || suf == "ed" {
			add(base + "e") // "seizing", "seized" → "seize"
		}
	}
	return out
}

// isLatin reports whether a normalised word is written in Latin letters.
func isLatin(w string) bool {
	return w != "" && w[0] < 0x80
}

// needOpened: "fire" counts only after "opened": "opened fire on a car".
const needOpened need = 100

// needOfWar: "war" within three words after: "remnants of war", not "remnants of
// the cell". needUp: "up" right after: "rounded up".
const (
	needOfWar need = 102
	needUp    need = 103
	// needIntoAfterForce: "into" right after and a force within six words before: "an Israeli
	// force pushed into the village"
	needIntoAfterForce need = 110
	// needUpNoForce: "up" right after and no force within six words before
	needUpNoForce need = 111
	needFoundEN   need = 104 // a verb of finding within three words before or eight after: "the body of X was found"
	// needTakenArmsEN: a weapon or a bomb named within six words after (or before, in a passive), and no
	// air defence told with the verb: "dismantled an explosive device", but "air defences intercepted rockets"
	needTakenArmsEN need = 105
	// needBomber: "suicide" is a bombing only as a bomber's: "a suicide bomber", "suicide attack",
	// "a suicide car bomb"; "his attempted suicide", "committed suicide" are none
	needBomber need = 106
	// needForceBefore: an armed force named within six words before: "a patrol of four
	// armoured vehicles entered", not "the law entered into force"
	needForceBefore need = 107
	// needBetweenEN: "between" within four words after: "a fight broke out between two
	// families", not "the fight against the cells"
	needBetweenEN need = 108
	// needTookControlEN: a verb of taking right before and "of" right after: "took
	// control of", "regained control of", not "areas under the control of"
	needTookControlEN need = 109
)

// tookWordsEN take control of a place: "took", "seized", "regained", "wrested".
var tookWordsEN = wordSet("took", "take", "taken", "taking", "seized", "seize", "seizing", "regained", "regain",
	"regaining", "retook", "retake", "gained", "wrested", "wresting")

// forceNounsEN name an armed force that may enter a village.
var forceNounsEN = wordSet("force", "forces", "troops", "patrol", "patrols", "unit", "units", "army", "convoy", "soldiers")

// bomberWords after "suicide" make it a bombing's.
var bomberWords = wordSet("bomber", "bombers", "bombing", "bombings", "attack", "attacks", "attacker", "attackers",
	"car", "truck", "vehicle", "vest", "vests", "belt", "belts", "blast", "blasts", "explosion", "operation", "bomb", "bombs")

// needAirAround: an aircraft or foreign air force word within two words on
// either side: "a Turkish drone strike", "strikes by warplanes".
const needAirAround need = 101

// betweenEN names the two sides of a fight.
var betweenEN = wordSet("between")
