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

// A lead telling a city's toll, then its quarters' in turn: the lead totals
// them, and is no incident of its own.
func TestExtract_CityLeadBeforeItsQuarters(t *testing.T) {
	text := "سقطت قذائف هاون على عدة أحياء في مدينة حلب يوم الأحد، وأصيب جراءها 6 مدنيين. " +
		"وأفاد ناشطون أن قذيفة سقطت على حي الميدان وأصيب شخصان، في حين أصيب ثلاثة بقذيفة في حي السليمانية، وأصيب رجل في حي الجميلية."
	got := extractAll(t, text, ymd("2025-12-10"))
	for _, c := range got {
		if c.GeoPrecision != "neighbourhood" {
			t.Errorf("got %v; want every shelling in a quarter, none for the city", describeAll(got))
			break
		}
	}
	if len(got) < 2 {
		t.Errorf("got %v; want the quarters' shellings", describeAll(got))
	}
}
