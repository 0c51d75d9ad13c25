package gazetteer

import "testing"

// TestFindAll_GenericQuartersNeedTheirCity: OCHA names a village "المدينة"
// (the city) and a quarter of Daraa "المنطقة الصناعية" (the industrial
// zone): in running text these are any city's, read only with their city
// named after them.
func TestFindAll_GenericQuartersNeedTheirCity(t *testing.T) {
	g := mustDefault(t)
	for _, text := range []string{
		"وسقط أغلب القتلى في منطقة المدينة الصناعية.",
		"انفجرت عبوة في المنطقة الصناعية صباح اليوم.",
	} {
		for _, m := range g.FindAll(text) {
			if n := m.Match.Place.NameAR; n == "المدينة" || n == "المنطقة الصناعية" {
				t.Errorf("FindAll(%q) read %q as %s (%s)", text, m.Text, m.Match.Place.NameEN, m.Match.Place.Admin1PCode)
			}
		}
	}
}
