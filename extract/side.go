package extract

// side says whose people a count is of: the attackers' (gunmen, assailants, a
// cell's members) or the others' (troops, police, civilians), when the words
// after the number say so. News counts each side apart; the labelling
// conventions sum both sides of one event.
type side int8

const (
	sideUntold side = iota
	sideAttackers
	sideOthers
	sideBoth
)

// attackerNouns name the attackers of an event as the people counted.
var attackerNouns = wordSet("gunmen", "gunman", "attackers", "attacker", "assailants", "assailant", "militants",
	"terrorists", "terrorist", "insurgents", "armed", "raiders",
	"مسلحين", "المسلحين", "مسلحا", "مسلح", "المسلح", "مهاجمين", "المهاجمين", "مهاجما", "المهاجم", "مهاجم",
	"ارهابيين", "الارهابيين", "ارهابيا", "الارهابي", "انتحاريين", "الانتحاريين")

// othersNouns name the people an attack is on: forces, police, civilians.
var othersNouns = wordSet("troops", "soldiers", "soldier", "personnel", "policemen", "policeman", "officers", "guards",
	"civilians", "civilian", "security", "police", "army",
	"عناصر", "عنصرا", "عنصر", "عنصرين", "عنصران", "جنود", "جنديا", "جندي", "جنديين", "مدنيين", "مدنيا", "مدني", "مدنيان",
	"شرطيا", "شرطي", "شرطيين", "ضباط", "ضابطا", "ضابط", "مواطنين", "مواطنا", "مواطن")

// sideAt reads whose people the count at byte offset pos of s is, from the
// four words after its number: "three armed men", "14 interior ministry troops",
// "ثلاثة من المهاجمين", "أربعة عناصر من الأمن".
func sideAt(s *sentence, pos int) side {
	for i, t := range s.toks {
		if t.Start < pos {
			continue
		}
		for j := i; j < len(s.toks) && j <= i+4; j++ {
			switch {
			case s.toks[j].in(attackerNouns):
				return sideAttackers
			case s.toks[j].in(othersNouns):
				return sideOthers
			}
		}
		return sideUntold
	}
	return sideUntold
}

// otherSide reports two counts told each of one side, and not the same one.
func otherSide(a, b side) bool {
	return (a == sideAttackers && b == sideOthers) || (a == sideOthers && b == sideAttackers)
}
