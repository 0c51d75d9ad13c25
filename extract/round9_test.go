package extract

import "testing"

// Rules of round 9 (Arabic), written from the classes of error that half A of
// the sixth set of real passages showed; every sentence here is ours.

// "قتل N، فيما أصيب M في غارات على X": a killing told bare, with no weapon and
// no place, then a clause opened by "فيما" that tells the wounded with the
// strike and its place, is one event: the toll of the strike, split over two
// clauses. Two events keep apart when each clause has its own weapon or place.
func TestExtract_TollSplitOverClauses(t *testing.T) {
	text := "قتل 12 شخصاً بينهم أطفال، فيما أصيب 30 آخرون في غارات جوية استهدفت سوقاً شعبياً في مدينة سراقب."
	got := extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 1 || got[0].IncidentType != TypeAirstrike || got[0].Killed == nil || *got[0].Killed != 12 || got[0].Injured == nil || *got[0].Injured != 30 {
		t.Errorf("Extract(%q) = %v; want one airstrike, 12 killed and 30 injured", text, describeAll(got))
	}
	text = "قتل مدني برصاص مسلحين في بلدة الصنمين، فيما أصيب ثلاثة بقصف مدفعي على بلدة الحراك."
	got = extractAll(t, text, ymd("2025-10-15"))
	if len(got) != 2 {
		t.Errorf("Extract(%q) = %v; want two events, each with its own weapon and place", text, describeAll(got))
	}
}

// A number of people told with "آخرون" or a casualty noun ("وأصيب 30 آخرون
// بغارة", "سقط 15 قتيلاً في غارات") is a toll, not a count of strikes: the
// sentence is an event, not a tally.
func TestExtract_OthersCountedAreNoTally(t *testing.T) {
	for _, text := range []string{
		"قتل خمسة مدنيين وأصيب 30 آخرون بغارة جوية على بلدة معرة مصرين.",
		"سقط 15 قتيلاً في غارات جوية استهدفت بلدة معرة مصرين صباح اليوم.",
	} {
		got := extractAll(t, text, ymd("2025-10-15"))
		if len(got) != 1 || got[0].IncidentType != TypeAirstrike {
			t.Errorf("Extract(%q) = %v; want one airstrike", text, describeAll(got))
		}
	}
}
