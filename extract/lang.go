package extract

import (
	"fmt"
	"unicode"
)

// The languages Extract reads.
const (
	langArabic  = "ar"
	langEnglish = "en"
)

// Languages are the report languages ExtractLang accepts.
var Languages = []string{langArabic, langEnglish}

// DetectLanguage returns "ar" when most letters of text are Arabic, else "en".
func DetectLanguage(text string) string {
	var arabic, latin int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			arabic++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	if latin > arabic {
		return langEnglish
	}
	return langArabic
}

// CheckLanguage returns an error unless lang is "", "ar" or "en".
func CheckLanguage(lang string) error {
	switch lang {
	case "", langArabic, langEnglish:
		return nil
	}
	return fmt.Errorf("extract: language %q: want ar or en", lang)
}
