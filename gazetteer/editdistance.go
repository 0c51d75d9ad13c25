package gazetteer

// EditDistance is the number of single-letter edits (insertions, deletions,
// substitutions, swaps of neighbours) between two names, in runes: how far a
// spelling in a text is from a place's name.
func EditDistance(a, b string) int { return editDistance(a, b) }
