package extract

import (
	"testing"
	"time"
)

// Rules of round 12 (Arabic). Every sentence here is ours.

// A monitor's monthly toll ("N قتلى في X خلال <month>", "رصدت الشبكة في شهر
// <month> مقتل N") and the breakdown of its victims told after it are a
// tally, not incidents, with or without a publication date.
func TestExtract_MonthlyTallyAndBreakdown(t *testing.T) {
	text := "سبعة قتلى في درعا خلال كانون الثاني 2024\n\n" +
		"رصدت شبكة محلية مقتل 7 أشخاص وإصابة 5 آخرين بجروح، جراء حوادث أمنية متفرقة شهدتها محافظة درعا في شهر كانون الثاني الماضي.\n\n" +
		"ووثق الفريق جميع الضحايا من المدنيين، بينهم شاب قُتل برصاص مجهولين، إضافة إلى طفل قتل بانفجار لغم أرضي."
	for _, pub := range []time.Time{{}, ymd("2024-02-03")} {
		if got := extractAll(t, text, pub); len(got) != 0 {
			t.Errorf("Extract(%q, %v) = %v; want no incident", text, pub, describeAll(got))
		}
	}
	text = "وثقت منظمة حقوقية في شهر آذار/مارس 2023، مقتل 11 شخصاً في محافظة حمص.\n" +
		"وسجلت المنظمة بين الضحايا امرأتين قتلتا برصاص مجهولين في مدينة تلكلخ."
	if got := extractAll(t, text, time.Time{}); len(got) != 0 {
		t.Errorf("Extract(%q) = %v; want no incident", text, describeAll(got))
	}
}

// A monitor's report of the dead over a month ("أفادت المنظمة في تقريرها بأن
// عدد القتلى خلال شهر X بلغ N") is a tally, whatever its breakdown.
func TestExtract_MonthlyReportTally(t *testing.T) {
	text := "قالت منظمة حقوقية في تقريرها الشهري إن عدد الضحايا المدنيين في سوريا خلال شهر حزيران 2023 بلغ 64 شخصاً، بينهم 9 أطفال، إضافة إلى 3 أشخاص قتلوا تحت التعذيب."
	if got := extractAll(t, text, time.Time{}); len(got) != 0 {
		t.Errorf("Extract(%q) = %v; want no incident", text, describeAll(got))
	}
}
