package extract

import (
	"strconv"
	"strings"
)

// units are the Arabic number words 1..10 in their normalised forms.
var units = map[string]int{
	"واحد": 1, "واحده": 1, "احد": 1, "احدي": 1,
	"اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2,
	"ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
	"ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8,
	"تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
}

// tens are the Arabic words for 20..90 (both cases) and 100.
var tens = map[string]int{
	"عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40,
	"خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70,
	"ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90, "مئه": 100, "مائه": 100,
}

// vagueWords are quantities that are not numbers: "عشرات" (dozens), "مئات".
var vagueWords = map[string]string{
	"عشرات": "dozens", "مئات": "hundreds", "الاف": "thousands", "العشرات": "dozens", "المئات": "hundreds",
	"عده": "several", "بضعه": "a few", "بضع": "a few", "اخرون": "others", "اخرين": "others", "العديد": "many",
}

// parseNumber reads a number written in digits or words at toks[i]: "3",
// "ثلاثة", "خمسة وعشرين", "أحد عشر". It returns the value and how many tokens
// it used, or n == 0 if there is no number.
func parseNumber(toks []token, i int) (value, n int) {
	if i >= len(toks) {
		return 0, 0
	}
	w := toks[i].Norm
	if isNumber(w) {
		if len(w) > 6 {
			return 0, 0
		}
		v, _ := strconv.Atoi(w)
		return v, 1
	}
	if v, ok := tens[w]; ok {
		return v, 1
	}
	u, ok := units[w]
	if !ok {
		return 0, 0
	}
	if i+1 < len(toks) {
		next := toks[i+1].Norm
		if (next == "عشر" || next == "عشره") && u < 10 {
			return 10 + u, 2 // "ثلاثة عشر"
		}
		if t, ok := tens[strings.TrimPrefix(next, "و")]; ok && strings.HasPrefix(next, "و") && t < 100 {
			return u + t, 2 // "خمسة وعشرين"
		}
	}
	if w == "احد" || w == "احدي" || w == "اثنا" || w == "اثني" {
		return 0, 0 // "أحد عناصر" is handled as a person, "اثنا" only in "اثنا عشر"
	}
	return u, 1
}
