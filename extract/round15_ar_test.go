package extract

import "testing"

// Rules of round 15 (Arabic, and both languages). Every sentence here is ours.

// A toll told over months with no place is a tally of many events, not an
// incident: a monitor's half-year figures give nothing.
func TestExtract_PlacelessTollOverMonthsIsATally(t *testing.T) {
	for _, text := range []string{
		"أحصت منظمة حقوقية 120 قتيلاً من المدنيين في البلاد بين كانون الثاني وحزيران 2024، بينهم 30 طفلاً.",
		"وقتلت القوات الحكومية 40 مدنياً خلال عام 2024.",
		"A rights group counted 120 civilian deaths across the country between January and June 2024, 30 of them children.",
		"Government forces killed 40 civilians in 2024.",
	} {
		if got := extractAll(t, text, ymd("2024-07-02")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
	// A placeless event on one day still stands for a reviewer.
	if got := extractAll(t, "Gunmen killed two men on Monday, a monitor said.", ymd("2024-07-02")); len(got) != 1 {
		t.Errorf("a placeless killing on a day: got %v; want one incident", describeAll(got))
	}
}
