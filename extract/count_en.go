package extract

import (
	"fmt"
	"strconv"
	"strings"
)

// English news tells counts in two orders: after the verb ("killing three
// civilians", "arrested four members", "the arrest of a suspected smuggler") and
// before it, in the passive ("Three soldiers were killed", "one of the
// guards was injured").

var (
	enNumbers = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
		"hundred": 100, "both": 2}
	enVague = map[string]string{"dozens": "dozens", "several": "several", "scores": "scores", "hundreds": "hundreds",
		"many": "many", "some": "some", "numerous": "many", "others": "others", "number": "a number"}
	enVerbs = map[countKind]map[string]bool{
		countKilled:  wordSet("kill", "killed", "killing", "kills", "murder", "murdered", "murdering", "assassinate", "assassinated", "assassinating"),
		countInjured: wordSet("wound", "wounded", "wounding", "injure", "injured", "injuring", "hurt"),
		countArrested: wordSet("arrest", "arrested", "capture", "apprehension", "arresting", "arrests", "detain", "detained", "detaining", "apprehended", "apprehending", "rounded",
			"captured", "capturing", "caught"),
	}
	// enParticiples end a passive count: "were killed", "was detained", "died".
	enParticiples = map[countKind]map[string]bool{
		countKilled:   wordSet("killed", "dead", "died", "die", "martyred", "assassinated", "executed", "murdered"),
		countInjured:  wordSet("wounded", "injured", "hurt"),
		countArrested: wordSet("arrested", "detained", "apprehended", "captured", "caught"),
	}
	enPersons = wordSet("people", "persons", "person", "civilian", "civilians", "soldier", "soldiers", "member", "members",
		"fighter", "fighters", "militant", "militants", "child", "children", "woman", "women", "man", "men", "girl",
		"girls", "boy", "boys", "citizen", "citizens", "troops", "officer", "officers", "policeman", "policemen",
		"personnel", "suspect", "suspects", "individual", "individuals", "resident", "residents", "shepherd",
		"shepherds", "farmer", "farmers", "worker", "workers", "youth", "youths", "teenager", "teenagers", "driver",
		"drivers", "others", "other", "more", "guard", "guards", "elements", "operatives", "recruits", "attackers", "them",
		"pharmacist", "doctor", "teacher", "commander", "leader", "official", "journalist", "wife", "husband",
		"pharmacists", "doctors", "teachers", "commanders", "leaders", "officials", "merchant", "merchants", "trader",
		"traders", "lawyer", "lawyers", "engineer", "engineers", "mayor", "mayors", "mukhtar", "physician", "physicians",
		"son", "sons", "daughter", "daughters", "brother", "brothers", "mother", "father",
		"baker", "bakers", "shopkeeper", "shopkeepers", "vendor", "vendors", "mechanic", "mechanics", "imam", "imams",
		"owner", "owners", "barber", "barbers", "tailor", "tailors", "nurse", "nurses", "student", "students", "employee", "employees", "customer", "customers",
		"sheikh", "sheikhs", "elder", "elders", "dignitary", "dignitaries", "notable", "notables",
		// armed men and the people of war news by what they do or are
		"rebel", "rebels", "gunman", "gunmen", "insurgent", "insurgents", "jihadist", "jihadists", "combatant",
		"combatants", "militiaman", "militiamen", "terrorist", "terrorists", "assailant", "assailants",
		"kidnapper", "kidnappers", "smuggler", "smugglers", "trafficker", "traffickers", "dealer", "dealers",
		"defector", "defectors", "conscript", "conscripts", "volunteer", "volunteers", "paramedic", "paramedics",
		"nurse", "nurses", "student", "students", "pupil", "pupils", "infant", "infants", "baby", "babies",
		"relative", "relatives", "detainee", "detainees", "prisoner", "prisoners", "employee", "employees",
		"journalists", "activist", "activists", "reporter", "reporters", "villager", "villagers", "passenger",
		"passengers", "pedestrian", "pedestrians", "worshipper", "worshippers", "herder", "herders", "fisherman",
		"fishermen", "agent", "agents", "elder", "elders", "adult", "adults", "minor", "minors", "kid", "kids",
		// those around a target: "his bodyguard", "an escort", "her parents"
		"bodyguard", "bodyguards", "escort", "escorts", "companion", "companions", "aide", "aides", "parents",
		"bystander", "bystanders", "passerby", "passersby", "comrade", "comrades", "colleague", "colleagues",
		"rider", "riders", "occupant", "occupants", "motorcyclist", "motorcyclists", "motorist", "motorists", "crew",
		"cousin", "cousins", "sister", "sisters", "friend", "friends", "neighbour", "neighbours", "neighbor", "neighbors",
		// people named by their country or their force: "two Syrians", "two Syrian nationals", "two security forces"
		"syrians", "nationals", "national", "forces", "element", "serviceman", "servicemen",
		// and by their creed or people: "two young Christians", "three Alawites"
		"christians", "alawites", "druze", "sunnis", "shiites", "ismailis", "yazidis", "muslims", "kurds", "arabs",
		"turkmens", "bedouins", "iraqis", "palestinians", "lebanese")
	enSkip = wordSet("on", "at", "least", "more", "than", "about", "around", "nearly", "some", "up", "to", "over", "of", "the", "an", "a", "another", "additional", "further", "all")
	enBe   = wordSet("was", "were", "is", "are", "been", "being", "have", "has", "had", "reportedly", "reported", "later", "also", "all", "both", "subsequently", "then", "later", "critically", "seriously", "severely", "lightly", "fatally", "shot",
		"left") // "a young man was left wounded"
	subgroup = wordSet("including", "among", "بينهم", "بينهن", "منهم", "منهن")
)

// findCountsEN returns the killed, injured and arrested counts of an English
// sentence's tokens. text gives the capital letters of names.
func findCountsEN(text string, toks []token, skip []span) []count {
	var out []count
	for i := range toks {
		if !isLatin(toks[i].Norm) {
			continue
		}
		if forceTakes(toks, i) {
			if c, ok := enQuantity(text, toks, i+1, countArrested, false); ok && c.Value != nil {
				out = append(out, c) // "QSD militia … kidnapped eight civilians": a force's detentions (takenByForce)
				continue
			}
		}
		for k := countKilled; k <= countArrested; k++ {
			if c, ok := enAfterVerb(text, toks, i, k, skip); ok {
				if k != countArrested && chargedWith(toks, i) {
					continue // "suspected of killing a doctor": the charge, not a toll
				}
				out = append(out, c)
			} else if c, ok := enPassive(text, toks, i, k); ok {
				c.More = c.More || alsoBefore(toks, i) || len(toks) > 0 && moreOpenersEN[toks[0].Norm] // "His driver was also killed", "Additionally, five … were killed": more, besides those counted
				out = append(out, c)
			}
		}
	}
	out = append(append(append(append(out, leftCounts(toks)...), tollCounts(toks)...), zeroCounts(toks)...), bodyCounts(text, toks)...)
	out = append(append(out, harmNounCounts(toks)...), membersArrested(toks)...)
	for k := range out {
		out[k].Named = out[k].Named || partitiveAt(toks, out[k].Pos)
	}
	return out
}

// partitiveAt reports the count whose number starts at byte pos told as part
// of a group ("three of their fighters", "two of them"): maybe some of those
// a larger count told before, as "المدعو X" may be one of them.
func partitiveAt(toks []token, pos int) bool {
	i := tokenIndexAt(toks, pos)
	return i >= 0 && tokAt(toks, i+1) == "of" && partitiveOwners[tokAt(toks, i+2)]
}

var partitiveOwners = wordSet("their", "them", "its", "his", "the", "those")

// consistWords tell what a group is made of: "a cell consisting of six
// men", "a network composed of four", "خلية مؤلفة من خمسة عناصر".
var consistWords = wordSet("consisted", "consisting", "consists", "composed", "comprising", "comprised", "comprises",
	"مؤلفه", "مكونه", "تتالف", "تالفت", "تتكون", "تكونت")

// membersArrested reads the size of a group told arrested in the sentence:
// "detained a network comprising seven men" detains seven.
func membersArrested(toks []token) []count {
	arrest := -1
	for i, t := range toks {
		if t.in(enVerbs[countArrested]) || t.in(countVerbs[countArrested]) && !t.in(onWords) {
			arrest = i
			break
		}
	}
	if arrest < 0 {
		return nil
	}
	for i := range toks {
		if !toks[i].in(consistWords) {
			continue
		}
		j := i + 1
		for j < len(toks) && j <= i+2 && (toks[j].Norm == "of" || toks[j].Norm == "من" || toks[j].Norm == "up") {
			j++
		}
		if j >= len(toks) {
			return nil
		}
		v, n := parseNumber(toks, j)
		if isLatin(toks[j].Norm) {
			v, n = 0, 0
			if x, ok := enNumberValue(toks[j].Norm); ok && toks[j].Norm != "a" && toks[j].Norm != "an" {
				v, n = x, 1
			}
		}
		if n > 0 && v > 0 && v <= 500 && (personWithin(toks, j+n, 2) || isPersonNoun(toks, min(j+n, len(toks)-1))) {
			return []count{{Kind: countArrested, Value: &v, Pos: toks[j].Start}}
		}
	}
	return nil
}

// harmNounsEN count the dead or hurt as a noun after a figure: "at least three
// deaths and a dozen wounded", "two dead and five wounded".
var harmNounsEN = map[string]countKind{"deaths": countKilled, "fatalities": countKilled, "dead": countKilled,
	"injuries": countInjured, "injured": countInjured, "wounded": countInjured}

// harmNounCounts reads a figure told by a noun of harm after a verb of
// outcome ("resulted in", "left", "caused"), not as a passive ("were
// wounded") or an adjective of people ("four wounded civilians").
func harmNounCounts(toks []token) []count {
	var out []count
	for i, t := range toks {
		k, ok := harmNounsEN[t.Norm]
		if !ok || i == 0 || enPersons[tokAt(toks, i+1)] || enBe[tokAt(toks, i-1)] {
			continue
		}
		n := i - 1
		v, ok := enNumberValue(toks[n].Norm)
		if !ok || v <= 0 || v > 5000 || toks[n].Norm == "a" || toks[n].Norm == "an" {
			if toks[n].Norm != "dozen" || n == 0 || toks[n-1].Norm != "a" {
				continue
			}
			v, n = 12, n-1 // "a dozen injured"
		}
		if !outcomeBefore(toks, n) {
			continue
		}
		out = append(out, count{Kind: k, Value: &v, Pos: toks[n].Start})
	}
	return out
}

// outcomeWordsEN tell what an event left: "resulted in", "left", "caused",
// "with", and the first figure's "and" before a second; or who counted it:
// "medics confirmed seven deaths", "the monitor recorded five fatalities".
var outcomeWordsEN = wordSet("in", "left", "leaving", "caused", "causing", "with", "and", "least", "killing",
	"confirmed", "reported", "recorded", "documented", "registered", "counted")

// outcomeBefore reports a word of outcome, or "at least", right before the
// figure at n.
func outcomeBefore(toks []token, n int) bool {
	return n > 0 && outcomeWordsEN[toks[n-1].Norm]
}

// bodyCounts reads the dead a found body or bodies are of: "the body of a
// young man" is one killed, "the bodies of two shepherds" two.
func bodyCounts(text string, toks []token) []count {
	var out []count
	for i, t := range toks {
		if (t.Norm == "body" || t.Norm == "bodies") && tokAt(toks, i+1) == "of" && i+2 < len(toks) {
			if c, ok := enQuantity(text, toks, i+2, countKilled, false); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// tollWords head a death toll: "the death toll rose to nine", "ارتفعت حصيلة
// القتلى إلى 15", "بلغت الحصيلة الأولية 7 قتلى".
var (
	tollWords = wordSet("toll", "حصيله")
	riseWords = wordSet("rose", "risen", "reached", "climbed", "increased", "stands", "stood", "ارتفعت", "بلغت", "وصلت", "ترتفع",
		"ارتفع", "بلغ", "وصل", "يرتفع", "ليرتفع", "ازداد", "ازدادت", "زاد", "زادت")
)

// deadWordsEN tell that a number counts the dead: "the number of those killed in the raid".
var deadWordsEN = wordSet("killed", "dead", "died", "deaths", "fatalities", "victims")

// tollCounts reads the number a death toll reached, within six words after it.
func tollCounts(toks []token) []count {
	for i, t := range toks {
		// "the death from the bombing has risen to 21", "the number of civilians killed … has risen
		// to 24": a toll told without its word, which only a rise makes one
		riseOnly := (t.Norm == "death" || t.Norm == "deaths" || t.Norm == "number" && anyNear(toks, i, 1, 6, deadWordsEN)) &&
			!anyNear(toks, i, 1, 3, injuredNouns)
		if !riseOnly && (!t.in(tollWords) && !(t.Norm == "عدد" && i+1 < len(toks) && toks[i+1].in(countNouns[countKilled])) || anyNear(toks, i, 1, 3, injuredNouns)) {
			continue // a toll, or "عدد ضحايا/قتلى …" told as one
		}
		from, to := i+1, i+6
		if riseOnly {
			from, to = 0, -1
		}
		risen, reach := anyNear(toks, i, -2, -1, riseWords), 14
		if riseOnly {
			reach = 20
		}
		for j := i + 1; j < len(toks) && j <= i+reach; j++ {
			if toks[j].in(riseWords) {
				from, to = j+1, j+5 // "... has risen to nine", "... بلغت 11 شخصاً", "وصل العدد إلى نحو 40"
				break
			}
			if risen && toks[j].Norm == "الي" {
				from, to = j+1, j+3 // "ارتفعت حصيلة ضحايا الغارات على مدينة X إلى أكثر من 33"
				break
			}
		}
		for j := from; j < len(toks) && j <= to; j++ {
			if v, n := parseNumber(toks, j); n > 0 && v > 0 && v <= 5000 && (j+n >= len(toks) || !toks[j+n].in(notPersons)) {
				if j+n < len(toks) && combinedNouns(toks, j+n) {
					return nil // "ارتفعت الحصيلة إلى 40 قتيلاً وجريحاً": both kinds in one figure
				}
				return []count{{Kind: countKilled, Value: &v, Pos: toks[j].Start, Toll: true}}
			}
			if v, ok := enNumberValue(toks[j].Norm); ok && toks[j].Norm != "a" && toks[j].Norm != "an" && v > 0 {
				return []count{{Kind: countKilled, Value: &v, Pos: toks[j].Start, Toll: true}}
			}
		}
	}
	return nil
}

// placeTakingVerbsEN arrest people and take places alike.
var placeTakingVerbsEN = wordSet("captured", "capturing", "caught")

// enAfterVerb reads "killing three civilians", "arrested on Monday three
// members", "the arrest of a suspected smuggler", "killing Muhammad X".
func enAfterVerb(text string, toks []token, i int, k countKind, skip []span) (count, bool) {
	if k == countKilled && toks[i].Norm == "shot" && i+1 < len(toks) && toks[i+1].Norm == "dead" {
		i++ // "shot dead a commander"
	} else if n := lifeIdiom(toks, i, k); n > 0 {
		i += n - 1 // "claimed the lives of four guards", "causing injuries to six": the last word is the verb's
	} else if !enVerbs[k][toks[i].Norm] {
		return count{}, false
	}
	if combinedCount(toks, i, enVerbs) {
		return count{}, false // "killing and wounding 7": one figure for both
	}
	if i > 0 && toks[i-1].in(passiveAux) && i+1 < len(toks) && strings.Contains(text[toks[i].End:toks[i+1].Start], ",") {
		return count{}, false // "… have been detained, the ministry said": a passive's end, no object after it
	}
	j := i + 1
	article := func(j int) bool { // "a five-member cell": the number counts, not "a"
		return (toks[j].Norm == "a" || toks[j].Norm == "an") && j+1 < len(toks) && enNumber(toks[j+1].Norm) && !ageAt(toks, j+1)
	}
	for j < len(toks) && j <= i+8 {
		if enSkip[toks[j].Norm] && !(toks[j].Norm == "a" || toks[j].Norm == "an") || article(j) ||
			inSpans(toks[j].Start, skip) && (!enNumber(toks[j].Norm) || dayOfMonth(toks, j)) {
			j++
			continue
		}
		if k := weaponAside(text, toks, j); k > j {
			j = k // "shot dead, with rifles, a guard of …": the weapon told between commas
			continue
		}
		break
	}
	if j >= len(toks) {
		return count{}, false
	}
	if n := listedPersons(text, toks, i+1); n >= 2 {
		return count{Kind: k, Value: &n, Pos: toks[i+1].Start}, true // "wounding the mayor, his escort and the driver"
	}
	if n := namesListedEN(text, toks, j, 1); n >= 2 {
		return count{Kind: k, Value: &n, Pos: toks[j].Start}, true // "the arrest of "K.H", "S.D", and "M.N""
	}
	// What is captured or caught by name is as often a place as a person
	// ("captured the Kurdish-held X enclave"): only a person noun counts.
	byName := !placeTakingVerbsEN[toks[i].Norm]
	c, ok := enQuantity(text, toks, j, k, byName)
	if !ok && listedPersons(text, toks, i+1) == 1 {
		one := 1 // "critically wounding the shop owner": one person, told with what he does
		return count{Kind: k, Value: &one, Pos: toks[i+1].Start}, true
	}
	if ok && c.Value != nil && *c.Value == 1 {
		if more := followersAfter(toks, j); more > 0 {
			v := 1 + more
			c.Value = &v // "arrested the cell's leader and five of its members": six
		}
	}
	return c, ok
}

// followersAfter returns N of "and N of its (his, their) …" within six words
// after a person at j: the leader's men, counted with him; 0 if none.
func followersAfter(toks []token, j int) int {
	for a := j + 1; a < len(toks) && a <= j+6; a++ {
		if toks[a].Norm != "and" {
			continue
		}
		v, n := parseNumber(toks, a+1)
		if n == 0 {
			if w, ok := enNumberValue(tokAt(toks, a+1)); ok {
				v, n = w, 1
			}
		}
		if n > 0 && v > 0 && v < 1000 && tokAt(toks, a+1+n) == "of" && listedDeterminers[tokAt(toks, a+2+n)] && tokAt(toks, a+2+n) != "the" {
			return v
		}
		return 0
	}
	return 0
}

// weaponAside returns the token after ", with X," that opens at j (up to
// three words of X), or j when none does.
func weaponAside(text string, toks []token, j int) int {
	if toks[j].Norm != "with" && toks[j].Norm != "using" || j == 0 || !strings.Contains(text[toks[j-1].End:toks[j].Start], ",") {
		return j
	}
	for k := j + 2; k < len(toks) && k <= j+4; k++ {
		if strings.Contains(text[toks[k-1].End:toks[k].Start], ",") {
			return k
		}
	}
	return j
}

// dayOfMonth reports a number of a date told inside a date's span: the day
// after an English month's name or the year after it ("killed by gunmen on
// March 3, 2024" tells when, not how many died).
func dayOfMonth(toks []token, j int) bool {
	if _, month := enMonths[tokAt(toks, j-1)]; month && j > 0 {
		return true
	}
	v, n := parseNumber(toks, j)
	return n == 1 && v >= 1900 && v <= 2100
}

// listedDeterminers open one person of a list told one by one.
var listedDeterminers = wordSet("the", "his", "her", "its", "their")

// listedPersons counts the people an active verb's object lists one by one
// from toks[from], each a definite or possessed singular person noun with at
// most two words before it, joined by commas or "and": "the commander, his
// escort, and the driver" is three. It returns 0 when the object is not
// such a list.
func listedPersons(text string, toks []token, from int) int {
	n, j := 0, from
	for j < len(toks) && listedDeterminers[toks[j].Norm] {
		p := j + 1
		for p < len(toks) && p <= j+3 && !enPersons[toks[p].Norm] {
			p++
		}
		if p >= len(toks) || !singularPersonWithin(toks, p, 1) || p > j+3 {
			break
		}
		n++
		switch {
		case tokAt(toks, p+1) == "and":
			j = p + 2
		case p+1 < len(toks) && strings.Contains(text[toks[p].End:toks[p+1].Start], ","):
			j = p + 1
			if tokAt(toks, j) == "and" {
				j++
			}
		default:
			return n
		}
	}
	return n
}

// namesListedEN counts the people of an English list of names read from
// toks[from] forward (dir 1) or backward (dir -1): items of one to four
// capitalised words (initials too: "M.A"), apart by commas or "and". "Ahmad
// Ali, Samer Issa and Khaled Omar" is three. It returns 0 for no such list, or
// for a list of peoples ("Syrians and Lebanese"), which names no one.
func namesListedEN(text string, toks []token, from, dir int) int {
	n, words := 0, 0
	end := func() bool {
		if words == 0 {
			return true
		}
		if words > 4 {
			return false
		}
		n, words = n+1, 0
		return true
	}
	for t, steps := from, 0; t >= 0 && t < len(toks) && steps < 30; t, steps = t+dir, steps+1 {
		w := toks[t]
		if w.Norm == "and" {
			if !end() {
				return 0
			}
			continue
		}
		if !isLatin(w.Norm) || !capitalised(text, w) || peoplesEN(w.Norm) || enNumber(w.Norm) && len(w.Norm) > 1 {
			break
		}
		words++
		// the mark between this word and the next one read: a comma ends an item
		a, b := t, t+dir
		if dir < 0 {
			a, b = b, t
		}
		if a >= 0 && b < len(toks) && strings.Contains(text[toks[a].End:toks[b].Start], ",") && !end() {
			return 0
		}
	}
	if !end() || n < 2 {
		return 0
	}
	return n
}

// peoplesEN reports a word for a people or a plural, no one's name:
// "Syrians", "Lebanese", "Kurds".
func peoplesEN(w string) bool {
	return strings.HasSuffix(w, "ians") || strings.HasSuffix(w, "ese") || peoplesWordsEN[w]
}

var peoplesWordsEN = wordSet("kurds", "arabs", "turks", "druze", "israelis", "iraqis", "alawites", "sunnis", "shiites", "bedouins", "assyrians", "armenians")

// lifeIdiom returns the length of an idiom at toks[i] that a count follows:
// "claimed the lives of", "claiming the life of" (killed), "causing injuries
// to", "inflicting wounds on", "the injury of" (injured), "the deaths of"
// (killed); 0 when there is none.
func lifeIdiom(toks []token, i int, k countKind) int {
	switch {
	case k == countKilled && claimWords[toks[i].Norm] && tokAt(toks, i+1) == "the" &&
		(tokAt(toks, i+2) == "lives" || tokAt(toks, i+2) == "life") && tokAt(toks, i+3) == "of":
		return 4
	case k == countInjured && causeVerbsEN[toks[i].Norm] && (tokAt(toks, i+1) == "injuries" || tokAt(toks, i+1) == "wounds") &&
		(tokAt(toks, i+2) == "to" || tokAt(toks, i+2) == "on"):
		return 3
	case (k == countKilled && deathNounsEN[toks[i].Norm] || k == countInjured && injuryNounsEN[toks[i].Norm]) &&
		tokAt(toks, i+1) == "of" && i > 1 && toks[i-1].Norm == "the" && resultOf(toks, i-2):
		return 2 // "resulted in the deaths of four people and the injury of 12 others"
	case (k == countKilled && deathNounsEN[toks[i].Norm] || k == countInjured && injuryNounsEN[toks[i].Norm]) &&
		tokAt(toks, i+1) == "of" && i > 2 && toks[i-2].Norm == "the" && griefAdjectives[toks[i-1].Norm] && resultOf(toks, i-3):
		return 2 // "led to the sudden death of a farmer"
	}
	return 0
}

// resultOf reports the words of a result ending at toks[j] before "the death
// of": "resulted in", "led to", "caused", or "and" after another such toll.
// A death only reported ("reported the death of four fighters") is not read so.
func resultOf(toks []token, j int) bool {
	w, before := toks[j].Norm, tokAt(toks, j-1)
	switch {
	case causeVerbsEN[w] || w == "cause" || w == "causes":
		return true
	case w == "documented" || w == "confirmed":
		// "the monitor documented the death of six men": its toll of the event told
		return true
	case w == "in":
		return resultVerbsEN[before]
	case w == "to":
		return leadVerbsEN[before]
	case w == "and":
		for p := j - 1; p >= 0 && p >= j-6; p-- {
			if (deathNounsEN[toks[p].Norm] || injuryNounsEN[toks[p].Norm]) && p > 1 && toks[p-1].Norm == "the" {
				return resultOf(toks, p-2)
			}
		}
	}
	return false
}

// lostLives reports "lost their lives", "lost his life" at toks[i]: the
// subject before it died.
func lostLives(toks []token, i int) bool {
	return (toks[i].Norm == "lost" || toks[i].Norm == "lose") && ownerWords[tokAt(toks, i+1)] &&
		(tokAt(toks, i+2) == "lives" || tokAt(toks, i+2) == "life")
}

// griefAdjectives may stand between "the" and a death: "the tragic death of".
var griefAdjectives = wordSet("tragic", "sudden", "immediate", "instant", "untimely")

var (
	claimWords   = wordSet("claimed", "claiming", "claim", "claims", "took", "taking")
	causeVerbsEN = wordSet("causing", "caused", "inflicting", "inflicted", "leaving")
	// deathNounsEN and injuryNounsEN tell a toll as a noun: "the death of", "the injury of".
	deathNounsEN  = wordSet("death", "deaths", "killing")
	injuryNounsEN = wordSet("injury", "injuries", "injuring", "wounding")
	resultVerbsEN = wordSet("resulted", "resulting", "result", "results")
	leadVerbsEN   = wordSet("led", "leading", "lead", "leads")
)

// combinedCount reports "killing and (severely) wounding N" at either verb,
// in either order, or, with the participles, "N were killed and wounded":
// one figure for both.
func combinedCount(toks []token, i int, verbs map[countKind]map[string]bool) bool {
	kill := func(j int) bool { return j >= 0 && j < len(toks) && verbs[countKilled][toks[j].Norm] }
	hurt := func(j int) bool { return j >= 0 && j < len(toks) && verbs[countInjured][toks[j].Norm] }
	and := func(j int) bool { return j >= 0 && j < len(toks) && toks[j].Norm == "and" }
	adverb := func(j int) bool { return j >= 0 && j < len(toks) && !enNumber(toks[j].Norm) && !isNumber(toks[j].Norm) } // "severely", not "5"
	// the other kind after "and" (an adverb may stand between), or before it
	pair := func(other func(int) bool) bool {
		return and(i+1) && (other(i+2) || adverb(i+2) && other(i+3)) || and(i-1) && other(i-2) || and(i-2) && adverb(i-1) && other(i-3)
	}
	return kill(i) && pair(hurt) || hurt(i) && pair(kill) // "injured and killed" too
}

// enQuantity reads the number of people at toks[j]: digits or a number word
// followed within three words by a person noun (or nothing more), "a"/"an"
// and a person noun, a vague quantity, or a capitalised name (one person).
func enQuantity(text string, toks []token, j int, k countKind, nameOK bool) (count, bool) {
	w := toks[j].Norm
	if j > 0 && subgroup[toks[j-1].Norm] {
		return count{}, false
	}
	if ageAt(toks, j) {
		return count{}, false // "killing seven-year-old X": an age
	}
	if v, ok := enNumberValue(w); ok {
		if w == "a" || w == "an" {
			if g, ok := groupOfCount(toks, j+1); ok {
				return enQuantity(text, toks, g, k, false) // "arrested a cell of five people": the five
			}
			if ageAt(toks, j+1) && singularPersonWithin(toks, j+4, 2) {
				one := 1 // "wounding a 12-year-old girl"
				return count{Kind: k, Value: &one, Pos: toks[j].Start}, true
			}
			if personWithin(toks, j+1, 3) && !groupWithin(toks, j+1, 3) {
				c := count{Kind: k, Value: &v, Pos: toks[j].Start}
				*c.Value += enJoined(toks, j+1)
				return c, true
			}
			if j+1 < len(toks) && enOrdinals[toks[j+1].Norm] {
				return count{Kind: k, Value: &v, Pos: toks[j].Start, More: true}, true // "injuring a third"
			}
			return count{}, false
		}
		if v <= 0 || v > 5000 {
			return count{}, false
		}
		if personWithin(toks, j+1, 3) || tokAt(toks, j+1) == "of" && personWithin(toks, j+2, 4) || j+1 >= len(toks) || endsCount(text, toks, j) {
			c := count{Kind: k, Value: &v, Pos: toks[j].Start}
			c.More = j+1 < len(toks) && (toks[j+1].Norm == "others" || toks[j+1].Norm == "other")
			*c.Value += enJoined(toks, j+1)
			return c, true
		}
		return count{}, false
	}
	if ownerWords[w] && j+1 < len(toks) && enNumber(toks[j+1].Norm) && toks[j+1].Norm != "a" {
		return enQuantity(text, toks, j+1, k, false) // "wounding his two sons"
	}
	if ownerWords[w] && singularPersonWithin(toks, j+1, 1) {
		one := 1 // "killing its driver", "wounding his son": one person
		c := count{Kind: k, Value: &one, Pos: toks[j].Start}
		*c.Value += enJoined(toks, j+1)
		return c, true
	}
	if (w == "him" || w == "her") && nameOK {
		one := 1 // "opened fire on a soldier, killing him instantly": the one person told before
		return count{Kind: k, Value: &one, Pos: toks[j].Start}, true
	}
	if enOrdinals[w] && j > 0 && toks[j-1].Norm == "another" {
		one := 1 // "and injuring another": one more person
		return count{Kind: k, Value: &one, Pos: toks[j].Start, More: true}, true
	}
	if vague, ok := enVague[w]; ok && w != "others" || w == "others" && j == 0 {
		return count{Kind: k, Pos: toks[j].Start, Note: fmt.Sprintf("%s count %q (%s) not taken as a number", k, w, vague)}, true
	}
	if nameOK && capitalised(text, toks[j]) && !enNumber(w) && !peoplesEN(w) { // but "arrested Kurds and Arabs": peoples, no one named
		one := 1
		return count{Kind: k, Value: &one, Pos: toks[j].Start}, true
	}
	return count{}, false
}

// ageAt reports a number at toks[i] that is someone's age: "seven-year-old",
// "a 12-year-old girl", "aged 40 years old".
func ageAt(toks []token, i int) bool {
	return i+2 < len(toks) && enNumber(toks[i].Norm) && (toks[i+1].Norm == "year" || toks[i+1].Norm == "years") && toks[i+2].Norm == "old"
}

var enOrdinals = wordSet("second", "third", "fourth", "fifth", "sixth")

// ownerWords before a singular person noun make one person: "its driver".
var ownerWords = wordSet("its", "his", "her", "their")

// enJoined adds the people joined to a count by "and": "a woman and her two
// children" is three.
func enJoined(toks []token, from int) int {
	j := from
	for j < len(toks) && j < from+3 && !enPersons[toks[j].Norm] {
		j++
	}
	if j >= len(toks) || !enPersons[toks[j].Norm] {
		return 0
	}
	if tokAt(toks, j+1) == "of" { // "three soldiers of the army and a militant of the group"
		for e := j + 2; e < len(toks) && e <= j+7; e++ {
			if toks[e].Norm == "and" {
				j = e - 1
				break
			}
			if isCountWord(toks[e].Norm) || lexiconWord(toks[e].Norm) || enPersons[toks[e].Norm] && toks[e].Norm != "forces" {
				return 0 // but "soldiers of the government forces and a militant": the forces they are of
			}
		}
	}
	k := j + 2
	switch {
	case tokAt(toks, j+1) == "and":
	case tokAt(toks, j+1) == "as" && tokAt(toks, j+2) == "well" && tokAt(toks, j+3) == "as":
		k = j + 4 // "two soldiers, as well as a civilian"
	default:
		return 0
	}
	owned := k < len(toks) && possessives[toks[k].Norm]
	if owned {
		k++
	}
	if k+1 < len(toks) && enPersons[toks[k+1].Norm] {
		if v, ok := enNumberValue(toks[k].Norm); ok {
			return v
		}
	}
	if owned && !enNumber(tokAt(toks, k)) && singularPersonWithin(toks, k, 3) {
		return 1 // "two parents and their young son": one more
	}
	return 0
}

// endsCount reports a number that ends its phrase: "wounding two, ...",
// "killing 4 and wounding 2".
func endsCount(text string, toks []token, j int) bool {
	if j+1 >= len(toks) {
		return true
	}
	if strings.ContainsAny(text[toks[j].End:toks[j+1].Start], ",.;:") {
		return true
	}
	return countEnders[toks[j+1].Norm]
}

// groupNounsEN are the groups a person noun may describe: "a terrorist
// cell", "a smuggling gang", "a militant group" are several people, not one.
var groupNounsEN = wordSet("cell", "cells", "group", "groups", "gang", "gangs", "network", "ring", "squad", "band", "unit", "family")

// groupOfCount returns the index of N in "cell of N", "terrorist cell of N
// members" from toks[from], a group told by how many it holds.
func groupOfCount(toks []token, from int) (int, bool) {
	for g := from; g < len(toks) && g <= from+2; g++ {
		if groupNounsEN[toks[g].Norm] {
			n := g + 2
			if tokAt(toks, g+1) == "of" && n < len(toks) && enNumber(toks[n].Norm) && toks[n].Norm != "a" && toks[n].Norm != "an" {
				return n, true
			}
			return 0, false
		}
	}
	return 0, false
}

// groupWithin reports a group noun among n tokens from toks[from].
func groupWithin(toks []token, from, n int) bool {
	for j := from; j < len(toks) && j < from+n; j++ {
		if groupNounsEN[toks[j].Norm] {
			return true
		}
	}
	return false
}

func personWithin(toks []token, from, n int) bool {
	for j := from; j < len(toks) && j < from+n; j++ {
		if enPersons[toks[j].Norm] {
			return true
		}
	}
	return false
}

// enPassive reads "Three soldiers were killed", "two others were injured",
// "one of the guards was injured", "Five civilians were injured".
// beforeAside returns the last word before an aside between commas that
// ends at toks[j] ("X, a cousin of his, was killed"), or j when none
// does: at most six words, with no verb of counting in them.
func beforeAside(text string, toks []token, j int) int {
	if j < 1 || j+1 >= len(toks) || !strings.Contains(text[toks[j].End:toks[j+1].Start], ",") {
		return j
	}
	for k := j - 1; k >= 0 && k >= j-6; k-- {
		if isCountWord(toks[k].Norm) {
			return j
		}
		if strings.Contains(text[toks[k].End:toks[k+1].Start], ",") {
			return k
		}
	}
	return j
}

// takenToHospitalEN reports a participle of taking people to a hospital:
// "three others were taken to hospital", "were rushed to a nearby hospital".
// Those taken there are hurt.
func takenToHospitalEN(toks []token, i int) bool {
	if !hospitalTakenEN[toks[i].Norm] {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if w := toks[j].Norm; w == "hospital" || w == "hospitals" {
			return true
		}
	}
	return false
}

var hospitalTakenEN = wordSet("taken", "rushed", "transferred", "transported", "admitted", "evacuated", "hospitalised", "hospitalized")

// moreOpenersEN open a sentence that adds to what was told: "Additionally,
// five fighters were killed".
var moreOpenersEN = wordSet("additionally", "besides", "furthermore", "moreover")

// alsoBefore reports "also" among the auxiliaries right before the
// participle at toks[i]: "was also killed", "were also wounded".
func alsoBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3 && enBe[toks[j].Norm]; j-- {
		if toks[j].Norm == "also" {
			return true
		}
	}
	return false
}

// kinEN are one person named by kinship or company, and possessivesEN whose
// he is: "his brother", "their driver".
var (
	kinEN         = wordSet("brother", "sister", "son", "daughter", "wife", "husband", "father", "mother", "cousin", "nephew", "uncle", "companion", "friend", "guard", "driver")
	possessivesEN = wordSet("his", "her", "their")
)

// deathMannersEN are the participles of a killing told with "to death": "was
// stabbed to death", "were beaten to death".
var deathMannersEN = wordSet("stabbed", "beaten", "tortured", "burned", "burnt", "crushed", "hacked", "bludgeoned")

func enPassive(text string, toks []token, i int, k countKind) (count, bool) {
	lost := k == countKilled && lostLives(toks, i)
	custody := k == countArrested && toks[i].Norm == "custody" && tokAt(toks, i-1) == "into" && i >= 2 && takenWords[toks[i-2].Norm]
	sustained := k == countInjured && (sustainedInjuries(toks, i) || takenToHospitalEN(toks, i))
	toDeath := k == countKilled && deathMannersEN[toks[i].Norm] && tokAt(toks, i+1) == "to" && tokAt(toks, i+2) == "death" // "was stabbed to death"
	if !enParticiples[k][toks[i].Norm] && !lost && !custody && !sustained && !toDeath {
		return count{}, false
	}
	if k != countArrested && combinedCount(toks, i, enParticiples) {
		return count{Kind: k, Pos: toks[i].Start, Note: fmt.Sprintf("%s count told together with another kind (%q): not taken", k, toks[i].Norm)}, true // "two guards were killed and wounded": one figure for both
	}
	if custody {
		i -= 2 // "were taken into custody": "taken" is the participle
	}
	j := i - 1
	for j >= 0 && j >= i-4 && enBe[toks[j].Norm] {
		j--
	}
	if j < i-1 {
		j = beforeAside(text, toks, j) // "His guard, a cousin of his, was also killed": the subject before the aside
		if n := namesListedEN(text, toks, j, -1); n >= 2 {
			return count{Kind: k, Value: &n, Pos: toks[j].Start}, true // "The suspects A B and C D were arrested"
		}
		if n, at := definiteSubjects(toks, j); n > 0 {
			return count{Kind: k, Value: &n, Pos: toks[at].Start}, true // "its driver and a guard were taken into custody"
		}
		if at, ok := theOneOpening(toks, j); ok && toks[j+1].Norm == "was" {
			one := 1 // "The officer behind the shooting was arrested": the sentence's subject, one person
			return count{Kind: k, Value: &one, Pos: toks[at].Start}, true
		}
	}
	elided := j == i-1 && j >= 1 && (enPersons[toks[j].Norm] || toks[j].Norm == "them") && enNumber(toks[j-1].Norm)
	// "were killed and eleven wounded": the auxiliary of the first participle serves the second
	// "were killed and another 11 injured": likewise, with "another" before the figure
	and := j - 1
	if and >= 0 && toks[and].Norm == "another" {
		and--
	}
	shared := j == i-1 && and >= 1 && enNumber(toks[j].Norm) && toks[and].Norm == "and" &&
		(enParticiples[countKilled][toks[and-1].Norm] || enParticiples[countInjured][toks[and-1].Norm])
	if j == i-1 && j >= 3 && kinEN[toks[j].Norm] && possessivesEN[toks[j-1].Norm] && toks[j-2].Norm == "and" &&
		(enParticiples[countKilled][toks[j-3].Norm] || enParticiples[countInjured][toks[j-3].Norm]) {
		one := 1 // "a boy was killed and his brother wounded": the auxiliary serves the kinsman too
		return count{Kind: k, Value: &one, Pos: toks[j-1].Start}, true
	}
	if j == i-1 && toks[i].Norm != "died" && toks[i].Norm != "dead" && !lost && !elided && !shared && !sustained {
		return count{}, false // no "was"/"were": "wounded" here is an adjective or an active verb
	}
	if c, ok := countBeforeOf(toks, j, k); ok {
		return c, true // "3 members of the Border Guard of the old army were killed"
	}
	for n := j; n >= 0 && n >= j-8; n-- {
		w := toks[n].Norm
		if n > 0 && subgroup[toks[n-1].Norm] && !(toks[n-1].Norm == "among" && n > 1 && enBe[toks[n-2].Norm]) {
			return totalBefore(toks, n-1, k) // "Seven civilians, including two children, were killed": the total
		} // but "a boy was among two people killed": the two are all of them
		if w == "one" && n > 0 && toks[n-1].Norm == "no" {
			return count{}, false // "no one was hurt": nobody, which zeroCounts reads
		}
		if ageAt(toks, n) || n > 0 && inBrackets(text, toks[n].Start) && enNumber(toks[n].Norm) {
			continue // "a seven-year-old boy": an age, not a count; "eleven civilians (four women)": a part of the figure before
		}
		if n > 1 && toks[n-1].Norm == "of" && enNumber(w) && !totalNounsEN[toks[n-2].Norm] {
			continue // "five members of one family": whose members, not how many (but "a total of 17")
		}
		if (w == "a" || w == "an") && ageAt(toks, n+1) && singularPersonWithin(toks, n+4, 2) {
			one := 1 // "a 12-year-old girl was wounded"
			return count{Kind: k, Value: &one, Pos: toks[n].Start}, true
		}
		if v, ok := enNumberValue(w); ok && w != "a" && w != "an" && v > 0 && v <= 5000 && (n == j || personWithin(toks, n+1, 4) || toks[n+1].Norm == "of") {
			at := n
			v, n = addConjoined(toks, n, v)
			if n == at {
				v += enJoined(toks, at+1) // "two parents and their son were wounded"
			}
			return count{Kind: k, Value: &v, Pos: toks[n].Start}, true
		}
		if (w == "a" || w == "an" || w == "another") && singularPersonWithin(toks, n+1, 2) || w == "another" && n == j {
			// "another was wounded", "while another sustained injuries": one more person
			one := 1 // "a farmer was shot dead", "and another person was injured"
			if w != "another" && n+1 <= j {
				one += enJoined(toks, n+1) // "a shepherd and his small daughter were killed": two
			}
			if n >= 3 && toks[n-1].Norm == "and" && enPersons[toks[n-2].Norm] {
				if v, ok := enNumberValue(toks[n-3].Norm); ok && v > 0 && v <= 5000 && toks[n-3].Norm != "a" && toks[n-3].Norm != "an" {
					one, n = one+v, n-3 // "two soldiers and a civilian were killed": three
				} else if (toks[n-3].Norm == "a" || toks[n-3].Norm == "an") && singularPersonWithin(toks, n-2, 1) {
					one, n = 2, n-3 // "a farmer and a boy were killed": two
				}
			}
			return count{Kind: k, Value: &one, Pos: toks[n].Start}, true
		}
		if vague, ok := enVague[w]; ok && w != "others" && w != "number" {
			return count{Kind: k, Pos: toks[n].Start, Note: fmt.Sprintf("%s count %q (%s) not taken as a number", k, w, vague)}, true
		}
		if isCountWord(w) || enParticiples[countKilled][w] || enParticiples[countInjured][w] {
			break
		}
	}
	return count{}, false
}

// sustainedInjuries reports "sustained (severe) injuries", "suffered
// wounds" at toks[i]: its subject was injured, as by "was wounded".
func sustainedInjuries(toks []token, i int) bool {
	if !toks[i].in(sustainWords) {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if toks[j].in(injuryNounsEN) || toks[j].Norm == "wounds" {
			return true
		}
	}
	return false
}

var sustainWords = wordSet("sustained", "suffered", "sustaining", "suffering")

// inBrackets reports text[at] inside round brackets opened shortly before
// it on the same line.
func inBrackets(text string, at int) bool {
	for i := at - 1; i >= 0 && i >= at-24; i-- {
		switch text[i] {
		case '(':
			return true
		case ')', '\n', '.':
			return false
		}
	}
	return false
}

// theOneOpening reports a sentence opening with "The" (or "A") and a singular
// person noun within its first four words, told before toks[j] with no verb
// or number between: the subject of the "was" after toks[j], however much is
// told of him between ("A boy from X, named as Y, was killed").
func theOneOpening(toks []token, j int) (int, bool) {
	if j < 1 || toks[0].Norm != "the" && toks[0].Norm != "a" && toks[0].Norm != "an" {
		return 0, false
	}
	for n := 1; n <= j && n <= 4; n++ {
		if enPersons[toks[n].Norm] && singularPersonWithin(toks, n, 1) {
			for m := n + 1; m <= j; m++ {
				if enNumber(toks[m].Norm) || lexiconWord(toks[m].Norm) && !isExplosion(toks[m].Norm) && m != j {
					if !definite(toks[m-1].Norm) && toks[m-1].Norm != "the" {
						return 0, false
					}
				}
			}
			return 0, true
		}
	}
	return 0, false
}

// takenWords put people "into custody".
var takenWords = wordSet("taken", "placed", "took")

// definiteSubjects counts the subject of a passive ending at toks[j] when it
// is one person told by a definite noun, or several joined by "and": "the
// driver was arrested" is one, "the driver and a passenger were" two. It
// returns 0 for anything else (a number, a plural), which the caller reads.
func definiteSubjects(toks []token, j int) (int, int) {
	n, at := 0, j
	for {
		if j < 1 || !enPersons[toks[j].Norm] || !singularPersonWithin(toks, j, 1) {
			break // "on Tuesday, and the driver was": the subject begins after "and"
		}
		d := toks[j-1].Norm
		if d == "and" && j >= 3 && enPersons[toks[j-2].Norm] {
			n, j = n+1, j-2 // "the driver and passenger": the article serves both
			continue
		}
		if d != "the" && d != "a" && d != "an" && !ownerWords[d] {
			break
		}
		n, at = n+1, j-1
		if j < 3 || toks[j-2].Norm != "and" {
			break
		}
		j -= 3
	}
	if n == 0 || n == 1 && toks[at].Norm != "the" && !possessedAlone(toks, at) {
		return 0, 0 // "a farmer was shot dead": the loop of the caller reads it
	}
	return n, at
}

// possessedAlone reports a possessive at toks[at] opening one person told
// alone ("his brother was hurt" is one), not the last of people counted
// before it ("three guards and their commander were": four, which the
// caller of definiteSubjects reads).
func possessedAlone(toks []token, at int) bool {
	return ownerWords[toks[at].Norm] && !(tokAt(toks, at-1) == "and" && at >= 2 && enPersons[toks[at-2].Norm])
}

// totalBefore reads the total a breakdown after "including" at toks[n]
// belongs to: a number and a person noun just before it ("Seven civilians
// including two children", "Five people, among them a woman").
func totalBefore(toks []token, n int, k countKind) (count, bool) {
	for p := n - 1; p >= 0 && p >= n-5; p-- {
		w := toks[p].Norm
		if p > 0 && toks[p-1].Norm == "of" {
			continue // "five members of one family, including …": whose members, not how many
		}
		if v, ok := enNumberValue(w); ok && w != "a" && w != "an" && v > 0 && v <= 5000 && personWithin(toks, p+1, n-p-1) {
			v, p = addConjoined(toks, p, v)
			return count{Kind: k, Value: &v, Pos: toks[p].Start}, true
		}
	}
	return count{}, false
}

// addConjoined adds to v, the number at toks[n] before a person noun, the
// numbers of the groups conjoined before it: "nine civilians and four gunmen
// died" is 13 dead, "two women and three children were killed" five. A list after
// "including" is the breakdown of the total told before it, which is the count.
func addConjoined(toks []token, n, v int) (int, int) {
	sum, first := v, n
	for first >= 3 && (toks[first-1].Norm == "and" || ownerWords[toks[first-1].Norm] && toks[first-2].Norm == "and") {
		if toks[first-1].Norm != "and" {
			first-- // "a mother and her two sons": the owner between "and" and the number
		}
		p := first - 2
		if !enPersons[toks[p].Norm] {
			return v, n
		}
		// the number, then up to two words before the noun: "12 pro-government
		// militiamen and 9 jihadists", "a mother and four children" (a: one)
		q := p - 1
		for q > 0 && q >= p-2 && !enNumber(toks[q].Norm) && isLatin(toks[q].Norm) && !enPersons[toks[q].Norm] && toks[q].Norm != "and" {
			q--
		}
		w, ok := enNumberValue(toks[q].Norm)
		if a := toks[q].Norm == "a" || toks[q].Norm == "an"; a && singularPersonWithin(toks, p, 1) {
			w, ok = 1, true
		} else if a {
			return v, n
		}
		if !ok || w <= 0 || w > 5000 {
			return v, n
		}
		sum, first = sum+w, q
	}
	if first > 0 && subgroup[toks[first-1].Norm] {
		for p := first - 2; p >= 0 && p >= first-4; p-- {
			if w, ok := enNumberValue(toks[p].Norm); ok && w > 0 && w <= 5000 && toks[p].Norm != "a" && personWithin(toks, p+1, 2) {
				return w, p // "six people, including two women and three children": the total
			}
		}
		return v, n
	}
	if first == n {
		return v, n
	}
	return sum, first
}

// totalNounsEN before "of" make the number after it the count: "a total of
// 17", "a toll of five".
var totalNounsEN = wordSet("total", "toll", "number", "tally", "sum")

// countBeforeOf reads a number and a person noun before "of" and a name of
// up to ten words ending at toks[j]: "3 members of the Border Guard of the
// old army".
func countBeforeOf(toks []token, j int, k countKind) (count, bool) {
	for n := j - 2; n >= 0 && n >= j-12; n-- {
		if w := toks[n+1].Norm; w != "a" && w != "an" && enNumber(w) || isCountWord(w) {
			break // "12 members of the factions were killed, and 7 others were injured": the nearer figure is the count
		}
		if toks[n+1].Norm != "of" || !enPersons[toks[n].Norm] || n == 0 {
			continue
		}
		if v, ok := enNumberValue(toks[n-1].Norm); ok && toks[n-1].Norm != "a" && toks[n-1].Norm != "an" && v > 0 && v <= 5000 {
			return count{Kind: k, Value: &v, Pos: toks[n-1].Start}, true
		}
	}
	return count{}, false
}

// singularPersonWithin reports a singular person noun within n words from
// toks[from]: "a young man", "an elderly woman".
func singularPersonWithin(toks []token, from, n int) bool {
	for j := from; j < len(toks) && j < from+n; j++ {
		w := toks[j].Norm
		if enPersons[w] {
			return !strings.HasSuffix(w, "s") && !pluralPersonsEN[w]
		}
	}
	return false
}

var pluralPersonsEN = wordSet("people", "men", "women", "children", "personnel", "troops", "youth", "them", "others", "other")

// leftCounts reads "left six guards dead", "leaving two people injured".
func leftCounts(toks []token) []count {
	var out []count
	for i, t := range toks {
		if t.Norm != "left" && t.Norm != "leaving" {
			continue
		}
		j := i + 1
		for j < len(toks) && enSkip[toks[j].Norm] && toks[j].Norm != "a" {
			j++
		}
		v, ok := enNumberValue(tokAt(toks, j))
		if !ok || v <= 0 || v > 5000 || tokAt(toks, j) == "a" || !personWithin(toks, j+1, 6) {
			continue
		}
		for e := j + 1; e < len(toks) && e <= j+8; e++ {
			for k := countKilled; k <= countInjured; k++ {
				if enParticiples[k][toks[e].Norm] {
					out = append(out, count{Kind: k, Value: &v, Pos: toks[j].Start})
					e = len(toks)
					break
				}
			}
		}
	}
	return out
}

// enNumber reports a number word or digits.
func enNumber(w string) bool {
	_, ok := enNumberValue(w)
	return ok
}

func enNumberValue(w string) (int, bool) {
	if isNumber(w) && len(w) <= 5 {
		v, _ := strconv.Atoi(w)
		return v, true
	}
	if v, ok := enNumbers[w]; ok {
		return v, true
	}
	if w == "a" || w == "an" {
		return 1, true
	}
	return 0, false
}

// zeroWords say nobody was hurt: "دون وقوع إصابات", "without any
// casualties", "only material damage".
var (
	zeroHeads  = wordSet("دون", "بدون", "لم", "without", "no")
	zeroNouns  = wordSet("اصابات", "ضحايا", "خسائر", "يصاب", "اصابه", "casualties", "injuries", "victims", "losses")
	damageWord = wordSet("ماديه", "material")
	// limitVerbs with materialWords after them say the losses were only
	// material: "اقتصرت الخسائر على الماديات".
	limitVerbs    = wordSet("اقتصرت", "واقتصرت", "اقتصر", "واقتصر", "تقتصر", "يقتصر", "اقتصار", "واقتصار")
	materialWords = wordSet("ماديه", "الماديه", "ماديات", "الماديات", "المادي", "مادي")
	// harmParticiples after "no one" or "nobody" say nobody was hurt.
	harmParticiples = wordSet("hurt", "harmed", "injured", "wounded", "killed")
	// reportNouns between "دون" and the casualties make them unknown, not none:
	// "دون ورود أنباء عن إصابات", "دون ذكر خسائر بشرية".
	reportNouns = wordSet("ورود", "انباء", "معلومات", "ذكر", "تقارير", "تفاصيل", "information", "reports", "word",
		"details", "news",
		// "دون معرفة حجم الخسائر", "دون تحديد حجم الخسائر": the losses unknown
		"معرفه", "تحديد", "حجم", "knowing")
)

// zeroCounts returns killed and injured counts of zero for a sentence that
// says nobody was hurt. They fill only counts nothing else gave.
func zeroCounts(toks []token) []count {
	for i, t := range toks {
		if zeroHeads[t.Norm] && anyNear(toks, i, 1, 3, reportNouns) && anyNear(toks, i, 1, 5, zeroNouns) {
			return nil // "heavy damage, and no information yet on casualties": the toll is unknown
		}
	}
	for i, t := range toks {
		nobody := t.Norm == "nobody" || t.Norm == "no" && tokAt(toks, i+1) == "one"
		if nobody && anyNear(toks, i, 1, 4, harmParticiples) {
			return []count{zero(countKilled, t.Start), zero(countInjured, t.Start)} // "no one was hurt"
		}
		if limitVerbs[t.Norm] && anyNear(toks, i, 1, 5, materialWords) {
			// "اقتصرت الأضرار على الماديات", "اقتصرت الحصيلة على الخسائر المادية": nobody hurt
			return []count{zero(countKilled, t.Start), zero(countInjured, t.Start)}
		}
		if zeroHeads[t.Norm] && anyNear(toks, i, 1, 4, zeroNouns) && !anyNear(toks, i, 1, 3, reportNouns) ||
			t.in(damageWord) && i > 0 && (toks[i-1].in(damageNouns) || i+1 < len(toks) && toks[i+1].Norm == "damage") && !harmToldBefore(toks, i) &&
				!anyNear(toks, i, -5, -1, alsoAdverbs) { // "the shells also caused material damage": besides the harm told, not instead of it
			return []count{zero(countKilled, t.Start), zero(countInjured, t.Start)}
		}
	}
	return nil
}

// harmToldBefore reports the dead or hurt told in the eight words before
// toks[i]: "أسفر القصف عن قتلى وجرحى وأضرار مادية" is harm and damage, not
// "only material damage".
func harmToldBefore(toks []token, i int) bool {
	for j := max(0, i-8); j < i; j++ {
		if isCountNoun(toks[j].Norm) || toks[j].in(countVerbs[countKilled]) || toks[j].in(countVerbs[countInjured]) {
			return true
		}
	}
	return false
}

func zero(k countKind, pos int) count {
	v := 0
	return count{Kind: k, Value: &v, Pos: pos, Zero: true}
}

// Word sets of the rules above, built once.
var (
	injuredNouns = wordSet("الجرحي", "المصابين", "injured", "wounded", "injuries")
	possessives  = wordSet("her", "his", "their", "the")
	countEnders  = wordSet("and", "in", "on", "as", "when", "after", "during", "near", "while", "others")
	damageNouns  = wordSet("اضرار")
)
