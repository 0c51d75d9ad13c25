package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/mapsrv/mapsrv/gazetteer"
)

// The labels of news-dev record doubts in free-text notes: "«X» acceptable as
// alternative place", "(clash acceptable)", "governorate Daraa is an
// acceptable alternative", "(2016-04-30 acceptable)", "evaluator may accept
// null". An evaluator is to treat those as correct, so the scorer reads them
// at run time, clause by clause. Structural alternatives (merging, folding,
// splitting, optional incidents) are not read: the scorer holds to the labels.

// alternatives are what a passage's notes accept besides its labels; they
// apply to every incident of the passage.
type alternatives struct {
	places   []string // literal substrings of the text, normalised
	namesEN  []string // English names (for Arabic passages, matched against the gazetteer's name)
	types    []string
	govs     []string
	dates    []string // YYYY-MM-DD or YYYY-MM
	nullDate bool
}

var (
	quoted          = regexp.MustCompile(`«([^»]+)»`)
	isoDate         = regexp.MustCompile(`\b(\d{4}-\d{2}(?:-\d{2})?)\b`)
	capitalisedName = regexp.MustCompile(`\b(?:[Aa][lsdtnrz]-)?[A-Z][a-z'’‘]+(?:[ -](?:(?:al|el|as|ad|ash|ar|az|at|an)-)?[A-Z][a-z'’‘]+)*`)
	clauseSplit     = regexp.MustCompile(`[.;]\s+|\)\s*[,;]?\s*`)
	typeNames       = []string{TypeAirstrike, TypeShelling, TypeBombing, TypeArmedAttack, TypeClash, TypeArrest,
		TypeWeaponsSeizure, TypeKidnapping, TypeOther}
	govNames = []string{"Damascus", "Aleppo", "Rif Dimashq", "Homs", "Hama", "Latakia", "Idlib", "Hasakah",
		"Deir ez-Zor", "Tartus", "Raqqa", "Daraa", "As-Suwayda", "Quneitra"}
)

// structural marks a clause about merging, folding, splitting or optional
// incidents, whose type words are no alternative types.
var structural = []string{"fold", "merg", "split", "omit", "may add", "may output", "two incidents", "one incident"}

// parseAlternatives reads the acceptable alternatives of a passage's notes.
func parseAlternatives(notes, text string) alternatives {
	var a alternatives
	ntext := gazetteer.Normalize(text)
	for _, cl := range clauseSplit.Split(notes, -1) {
		low := strings.ToLower(cl)
		if !strings.Contains(low, "acceptab") && !strings.Contains(low, "may accept") {
			continue
		}
		for _, m := range quoted.FindAllStringSubmatch(cl, -1) {
			if n := gazetteer.Normalize(m[1]); n != "" && strings.Contains(ntext, n) {
				a.places = append(a.places, n)
			}
		}
		a.dates = append(a.dates, isoDate.FindAllString(cl, -1)...)
		if strings.Contains(low, "null") && !strings.Contains(low, "governorate null") {
			a.nullDate = a.nullDate || strings.Contains(low, "date") || strings.Contains(low, "may accept null")
		}
		for _, g := range govNames {
			if strings.Contains(cl, g) {
				a.govs = append(a.govs, g)
			}
		}
		if !slices.ContainsFunc(structural, func(s string) bool { return strings.Contains(low, s) }) {
			for _, t := range typeNames {
				if regexp.MustCompile(`\b` + t + `\b`).MatchString(cl) {
					a.types = append(a.types, t)
				}
			}
		}
		for _, n := range capitalisedName.FindAllString(quoted.ReplaceAllString(cl, ""), -1) {
			if w := strings.ToLower(n); w != "acceptable" && w != "evaluator" && !slices.Contains(govNames, n) &&
				!strings.HasPrefix(w, "published") && len(n) > 3 {
				a.namesEN = append(a.namesEN, gazetteer.Normalize(n))
			}
		}
	}
	return a
}
