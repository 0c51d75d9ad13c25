package extract

// Every test of the package checks the word sets token.in is given: a set the
// vocabulary does not hold would silently never match.
func init() { checkWordSets = true }
