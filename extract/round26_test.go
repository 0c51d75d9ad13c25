package extract

import "testing"

// Rules of round 26. Every sentence here is ours.

// TestExtract_ForeignForcesTargetingVillagesShell: a foreign army told by its ground forces ("Turkish forces", "القوات
// التركية", "الاحتلال التركي") that hits or targets villages with no aircraft
// named fires its guns: shelling, not an air strike and not a shooting. Its
// drones are still air strikes, and foreign aircraft still strike from the air.
func TestExtract_ForeignForcesTargetingVillagesShell(t *testing.T) {
	for _, tc := range []struct{ text, typ string }{
		{"Turkish forces targeted the villages of Um Harmala and Tal Jihan near Tel Tamr on Tuesday morning, damaging several houses.", TypeShelling},
		{"Turkish troops hit the village of Um Harmala near Tel Tamr on Tuesday, wounding a farmer.", TypeShelling},
		{"استهدفت القوات التركية صباح الثلاثاء قرية أم حرملة في ريف تل تمر.", TypeShelling},
		{"قصف الاحتلال التركي صباح الثلاثاء قرية أم حرملة في ريف تل تمر.", TypeShelling},
		{"A Turkish drone targeted a car near the village of Um Harmala near Tel Tamr on Tuesday, killing its driver.", TypeAirstrike},
		{"Turkish warplanes struck the village of Um Harmala near Tel Tamr on Tuesday.", TypeAirstrike},
		{"قصفت طائرة مسيرة تركية صباح الثلاثاء قرية أم حرملة في ريف تل تمر.", TypeAirstrike},
	} {
		oneEvent(t, tc.text, "2022-07-20", tc.typ)
	}
}

// TestExtract_SameContextOpensAnotherEvent: "In the same context", "On the
// same context", "In a related context" open another event in English news,
// as "في سياق متصل" does in Arabic; the toll of the first is not the second's.
func TestExtract_SameContextOpensAnotherEvent(t *testing.T) {
	for _, opener := range []string{"In the same context", "On the same context", "In a related context"} {
		text := "Gunmen threw a hand grenade at a house in the town of Jasim in Daraa countryside, and no one was hurt. " +
			opener + ", gunmen shot and wounded two young men on the road between Inkhil and Jasim."
		got := extractAll(t, text, ymd("2022-03-02"))
		if len(got) != 2 || countStr(got[0].Injured) == "2" {
			t.Errorf("%s: got %v; want two attacks, the two wounded in the second", opener, describeAll(got))
		}
	}
}
