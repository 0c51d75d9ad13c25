package gazetteer

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// The fuzzy lookup finds name keys within one or two edits of a misspelt key by
// symmetric deletion: every indexed key is stored under the hash of itself and of
// each of its one-rune deletions, and a query looks up the same for itself. Hashes
// (not the deleted strings) are stored, in one sorted slice, so that the index of
// some 20,000 names costs a few MB and no allocation per entry; a hash collision
// only adds a candidate that the edit distance then rejects.

// maxEdits is the most edits a fuzzy match may need.
const maxEdits = 2

// deletionIndex holds, for every indexed key and each of its one-rune deletions,
// the hash of that string in the high 32 bits and the key's number (in
// Gazetteer.keys) in the low 32, sorted.
type deletionIndex []uint64

// addDeletions appends the entries of key number k.
func addDeletions(idx deletionIndex, key string, k int32) deletionIndex {
	entry := func(h uint32) uint64 { return uint64(h)<<32 | uint64(uint32(k)) }
	idx = append(idx, entry(hashSkip(key, 0, 0)))
	if utf8.RuneCountInString(key) < 4 {
		return idx
	}
	for i, r := range key {
		idx = append(idx, entry(hashSkip(key, i, utf8.RuneLen(r))))
	}
	return idx
}

// hashSkip is the FNV-1a hash of s without the n bytes at i.
func hashSkip(s string, i, n int) uint32 {
	h := uint32(2166136261)
	for _, part := range [2]string{s[:i], s[i+n:]} {
		for j := 0; j < len(part); j++ {
			h ^= uint32(part[j])
			h *= 16777619
		}
	}
	return h
}

// sort orders the index by hash with a two-pass radix sort on the hash's 16-bit
// halves; the sort is stable, so equal hashes keep the order keys were added in.
func (idx deletionIndex) sort() {
	tmp := make(deletionIndex, len(idx))
	src, dst := idx, tmp
	for shift := 32; shift < 64; shift += 16 {
		var count [1 << 16]int
		for _, v := range src {
			count[v>>shift&0xffff]++
		}
		sum := 0
		for i, c := range count {
			count[i], sum = sum, sum+c
		}
		for _, v := range src {
			d := v >> shift & 0xffff
			dst[count[d]] = v
			count[d]++
		}
		src, dst = dst, src
	}
}

// lookup calls fn with every key number stored under hash h.
func (idx deletionIndex) lookup(h uint32, fn func(k int32)) {
	i, _ := slices.BinarySearch(idx, uint64(h)<<32)
	for ; i < len(idx) && uint32(idx[i]>>32) == h; i++ {
		fn(int32(uint32(idx[i])))
	}
}

// fuzzy returns places whose name key is within a small edit distance of key (one
// edit for short names, two for long ones), or whose Latin skeleton equals key's.
// Its work is bounded by the longest indexed name, not by key: a key too long to
// be within two edits of any name is no candidate.
func (g *Gazetteer) fuzzy(key string) []candidate {
	n := utf8.RuneCountInString(key)
	if n > g.maxKey+maxEdits {
		return nil
	}
	best := map[int32]float64{}
	note := func(i int32, s float64) {
		if s > best[i] {
			best[i] = s
		}
	}
	if n >= 4 {
		maxD := 1
		if n >= 7 {
			maxD = maxEdits
		}
		seen := map[int32]bool{}
		check := func(k int32) {
			if seen[k] {
				return
			}
			seen[k] = true
			if dist := editDistance(key, g.keys[k]); dist <= maxD {
				s := 0.9 - 0.14*float64(dist) - 0.1*float64(dist)/float64(n)
				if dist == 1 && longVowelEdit(key, g.keys[k]) {
					s = longVowelScore(n)
				}
				for _, i := range g.exact[g.keys[k]] {
					note(i, s)
				}
			}
		}
		g.dels.lookup(hashSkip(key, 0, 0), check)
		for i, r := range key {
			g.dels.lookup(hashSkip(key, i, utf8.RuneLen(r)), check)
		}
	} else if n == 3 && isArabic(key) {
		// A three-letter name meets a four-letter one only by the long vowel
		// the shorter leaves unwritten ("ارك", "اراك"); any other edit of so
		// short a name makes another name.
		g.dels.lookup(hashSkip(key, 0, 0), func(k int32) {
			if longVowelEdit(key, g.keys[k]) {
				for _, i := range g.exact[g.keys[k]] {
					note(i, longVowelScore(n))
				}
			}
		})
	}
	if s := skeleton(key); s != "" {
		for _, i := range g.skel[s] {
			note(i, 0.7+0.2*g.nameSimilarity(i, key))
		}
	}
	out := make([]candidate, 0, len(best))
	for i, s := range best {
		out = append(out, candidate{idx: i, name: s})
	}
	slices.SortFunc(out, func(a, b candidate) int { return cmp.Compare(a.idx, b.idx) }) // map order is random
	return out
}

// longVowelEdit reports whether one Arabic key is the other with one long vowel
// letter (ا, و or ي) more after its first letter. Arabic writers spell a name's
// long vowels or leave them to the reader ("بنين" and "بينين", "اراك" and
// "ارك"), so such a pair is more likely one name than a pair one consonant
// apart, which are usually two.
func longVowelEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb) != len(ra)+1 || len(ra) == 0 || !isArabic(a) {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if i == 0 || !slices.Contains([]rune("اوي"), rb[i]) {
		return false
	}
	return slices.Equal(ra[i:], rb[i+1:])
}

// longVowelScore is the score of a name of n letters one long vowel letter
// apart from key: below an exact match, above one edit of another kind
// (at most 0.74).
func longVowelScore(n int) float64 { return 0.84 - 0.1/float64(n) }

// nameSimilarity is 1 minus the normalised edit distance between key and the
// closest of place i's name keys.
func (g *Gazetteer) nameSimilarity(i int32, key string) float64 {
	sim := 0.0
	for _, n := range g.places[i].names() {
		k := nameKey(n)
		l := max(utf8.RuneCountInString(k), utf8.RuneCountInString(key))
		if l > 0 && !strings.EqualFold(k, "") {
			sim = max(sim, 1-float64(editDistance(k, key))/float64(l))
		}
	}
	return sim
}

// editDistance is the optimal-string-alignment distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
