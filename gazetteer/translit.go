package gazetteer

import "strings"

// English and French transliterations of one Arabic name differ in ways that follow
// from the Arabic script, not from the name: short vowels are not written in Arabic,
// so each writer picks his own (Idlib, Idleb; Deir, Dayr, Der); the diphthongs ay and
// aw come out as ei, ay, e or ou, aw, o (Zor, Zawr, Zour); a shadda doubles a
// consonant or not (Raqqa, Raqa; Lattakia, Latakia); a final ta marbuta is a, ah or
// eh (Hasaka, Hasakah, Hasakeh); and one letter has several digraphs (sh, ch; dh, z;
// q, k; kh). translit folds these away so that such spellings meet on one key, while
// the consonants, which the script does write, keep different names apart.

// digraphs merges the spellings of one Arabic letter: ش sh/ch/sch, خ kh, غ gh/g,
// ذ dh/z, ظ zh/z, ث th/t, ج dj/j, ق q/k, and the French ck, c for k; mb is nb
// (Manbij, Membij). Upper-case letters stand for the merged sounds so that they
// cannot meet a plain letter. Longer spellings come first.
var digraphs = []struct{ from, to string }{
	{"sch", "S"}, {"sh", "S"}, {"ch", "S"}, {"kh", "X"}, {"gh", "g"}, {"dh", "z"}, {"zh", "z"},
	{"th", "t"}, {"dj", "j"}, {"ph", "f"}, {"ck", "k"}, {"mb", "nb"}, {"q", "k"}, {"c", "k"},
}

// translit returns the transliteration key of a Latin name key (see [nameKey]): its
// consonants in order, with every run of vowels written as one "V" and doubled
// consonants written once. The glides y and w count as vowels (the ay of Dayr, the
// w of Sweida) unless they stand between vowels or start the key (Daraya, Yabroud);
// a y after i and a w after u are vowels too (Latakiya, Suwayda). A final h after a
// vowel, a ta marbuta, is dropped. It is "" for Arabic keys and keys under 3 bytes.
func translit(key string) string {
	return string(appendTranslit(nil, key))
}

// appendTranslit appends the transliteration key of key to dst; it appends
// nothing for Arabic keys and keys under 3 bytes. It allocates only for keys
// longer than any place name.
func appendTranslit[S ~string | ~[]byte](dst []byte, key S) []byte {
	if len(key) < 3 || key[0] >= 0x80 {
		return dst
	}
	// A doubled letter is written once before digraphs are read, so that
	// "umm b" meets "um b" whatever the digraphs make of "mb".
	var single [64]byte
	one := single[:0]
	for i := 0; i < len(key); i++ {
		if i == 0 || key[i] != key[i-1] {
			one = append(one, key[i])
		}
	}
	var buf [64]byte
	s := buf[:0]
next:
	for i := 0; i < len(one); {
		for _, d := range digraphs {
			if hasPrefixAt(one, i, d.from) {
				s = append(s, d.to...)
				i += len(d.from)
				continue next
			}
		}
		s = append(s, one[i])
		i++
	}
	start := len(dst)
	var last, lastOut byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == last {
			continue // a doubled letter
		}
		last = c
		out := c
		if isVowelByte(c) || (c == 'y' || c == 'w') && !consonantGlide(s, i) {
			out = 'V'
		}
		if out != 'V' || lastOut != 'V' {
			dst = append(dst, out)
		}
		lastOut = out
	}
	if n := len(dst); n-start >= 2 && dst[n-2] == 'V' && dst[n-1] == 'h' {
		dst = dst[:n-1]
	}
	if len(dst)-start < 2 {
		return dst[:start]
	}
	return dst
}

func hasPrefixAt[S ~string | ~[]byte](s S, i int, prefix string) bool {
	if len(s)-i < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		if s[i+k] != prefix[k] {
			return false
		}
	}
	return true
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// consonantGlide reports whether the y or w at s[i] is a consonant: followed by a
// vowel and either starting the key or following a vowel other than its own (i for
// y, u for w).
func consonantGlide(s []byte, i int) bool {
	j := i + 1
	for j < len(s) && s[j] == s[i] {
		j++ // "yy", "ww": one glide
	}
	if j >= len(s) || !isVowelByte(s[j]) {
		return false
	}
	if i == 0 {
		return true
	}
	prev := s[i-1]
	own := byte('i')
	if s[i] == 'w' {
		own = 'u'
	}
	return isVowelByte(prev) && prev != own
}

// boundTa writes the ta marbuta ending a word that another follows as the t it is
// read as ("معرة مصرين" and "معرتمصرين" meet): for Arabic keys of all but a name's
// last word.
func boundTa(k string) string {
	if strings.HasSuffix(k, "ه") && isArabic(k) && len(k) > len("ه") {
		return strings.TrimSuffix(k, "ه") + "ت"
	}
	return k
}
