package extract

import (
	"strings"
	"testing"
)

// Rules of round 24. Every sentence here is ours.

// A place told with an English possessive holds the place it owns: in
// "Idlib's Saraqib", "Daraa's town of Nawa", "Quneitra province's Khan Arnaba"
// and "Aleppo's Sheikh Maqsoud neighbourhood" the event is in the second.
func TestExtract_PossessorLocatesThePlace(t *testing.T) {
	for _, tc := range []struct{ text, typ, place, admin1 string }{
		{"A drone struck a car in Idlib's Saraqib on Friday, killing two men.", TypeAirstrike, "Saraqib", "Idlib"},
		{"A bomb went off in Daraa's town of Nawa on Friday, wounding three people.", TypeBombing, "Nawa", "Daraa"},
		{"Government artillery shelled Quneitra province's Khan Arnaba on Friday.", TypeShelling, "Khan Arnaba", "Quneitra"},
		{"Gunmen shot dead a man in Aleppo’s Sheikh Maqsoud neighbourhood on Friday.", TypeArmedAttack, "Maqsoud", "Aleppo"},
	} {
		c := oneEvent(t, tc.text, "2023-03-11", tc.typ)
		if c != nil && (!strings.Contains(c.PlaceNameEN, tc.place) || c.Admin1Name != tc.admin1) {
			t.Errorf("Extract(%q): place = %q in %q; want %s in %s", tc.text, c.PlaceNameEN, c.Admin1Name, tc.place, tc.admin1)
		}
	}
	// the possessor alone is still the place: "Daraa's western countryside"
	c := oneEvent(t, "Shells fell on farms in Daraa's western countryside on Friday.", "2023-03-11", TypeShelling)
	if c != nil && (c.Admin1Name != "Daraa" || c.GeoPrecision != "governorate") {
		t.Errorf("place = %q (%s) in %q; want Daraa's countryside", c.PlaceNameEN, c.GeoPrecision, c.Admin1Name)
	}
}

// A story told from its end ("police freed a trader who had been
// kidnapped") and then told again from its start, with the victim as one
// already known ("The trader was kidnapped on March 2", a pronoun, a name),
// is one kidnapping, on the day the second telling gives. One told of "a
// teacher" is another.
func TestExtract_VictimToldAgainWithTheDay(t *testing.T) {
	for _, text := range []string{
		"Police freed a merchant in Hama city whom a gang had kidnapped to demand a ransom. The merchant was abducted by four gunmen late on March 2 as he drove home.",
		"Security forces freed a trader in the city of Homs who had been kidnapped for ransom. According to the police, Al-Khatib was abducted on March 2 by armed men who stopped his car.",
		"Police rescued a doctor in Hama city who had been held by a gang for ransom. He was kidnapped on March 2 while driving to his clinic.",
	} {
		c := oneEvent(t, text, "2024-03-10", TypeKidnapping)
		if c != nil && (c.DateFrom.Format("2006-01-02") != "2024-03-02" || c.Admin1Name == "") {
			t.Errorf("Extract(%q): %s on %v; want the kidnapping on 2024-03-02 in the city told", text, c.PlaceNameEN, c.DateFrom)
		}
	}
	got := extractAll(t, "Gunmen kidnapped a trader in Hama city on Saturday, police said. A teacher was kidnapped on March 2 on the road to Salamiyah.", ymd("2024-03-10"))
	if len(got) != 2 {
		t.Errorf("got %v; want two kidnappings: the teacher's is another", describeAll(got))
	}
}

// A name told again is the place it was the first time the passage told
// it: after "Saida town in Daraa's eastern countryside", "an alley in Saida
// town" is Daraa's Saida, not As-Suwayda, which the bare name ranks first.
func TestExtract_NameToldAgainIsTheSamePlace(t *testing.T) {
	text := "A bomb fixed under a car hurt its driver on Monday in Saida town in Daraa's eastern countryside. " +
		"The police chief said the blast hit a narrow alley in Saida town and the man is in hospital."
	got := extractAll(t, text, ymd("2025-05-10"))
	if len(got) != 1 || got[0].Admin1Name != "Daraa" {
		t.Errorf("got %v; want one bombing, in Daraa's Saida", describeAll(got))
	}
}

// A sentence counting cases of one kind ("ثلاث حالات خطف", "حالتا اغتيال")
// in the places the details then tell one by one is their lead, not a case
// of its own; no case told after it is folded into it.
func TestExtract_CasesCountedThenTold(t *testing.T) {
	text := "وثّقت مصادر محلية خلال يومين ثلاث حالات خطف في حيي المحطة وطريق السد بمدينة درعا. فقد خطف مسلحون شاباً في حي المحطة ليل الخميس. " +
		"وبعد ساعات خطف مسلحون رجلاً في حي طريق السد. وخطف مسلحون شاباً ثالثاً في حي طريق السد مساء الأربعاء."
	got := extractAll(t, text, ymd("2025-07-04"))
	if len(got) != 3 {
		t.Fatalf("got %v; want the three kidnappings told one by one", describeAll(got))
	}
	if !strings.Contains(got[0].PlaceNameAR, "المحطة") || got[0].DateFrom.Format("2006-01-02") != "2025-07-03" {
		t.Errorf("first = %s; want the one in al-Mahatta on Thursday", describeAll(got[:1]))
	}
}

// The day of the deed someone is charged with is not the day of the arrest:
// "a man accused of killing two civilians in 2023", "متهم بقتل مدنيين ...
// العام الماضي" is an arrest of now, not an old event. A time told after a
// place ("في بلدة X الشهر الماضي") is no word of its name.
func TestExtract_ChargeDateAndTimeAfterAName(t *testing.T) {
	for _, text := range []string{
		"Police in Hama arrested a man accused of killing two civilians in 2023.",
		"ألقت قوى الأمن القبض على شاب متهم بقتل مدنيين في بلدة كفرنبودة العام الماضي.",
	} {
		c := oneEvent(t, text, "2025-07-04", TypeArrest)
		if c != nil && c.DateFrom.Format("2006-01-02") != "2025-07-04" {
			t.Errorf("Extract(%q): date %v; want the day it was reported, not the charge's", text, c.DateFrom)
		}
		if c != nil && strings.Contains(c.PlaceNameAR, "العام") {
			t.Errorf("Extract(%q): place %q; want the town's name alone", text, c.PlaceNameAR)
		}
	}
	c := oneEvent(t, "قتل مسلحون شابا في بلدة كفرنبودة الشهر الماضي.", "2025-07-04", TypeArmedAttack)
	if c != nil && c.PlaceNameAR != "كفرنبودة" {
		t.Errorf("place = %q; want كفرنبودة, without the month word after it", c.PlaceNameAR)
	}
}

// An arrest told again of the one already told arrested, by a pronoun
// ("ألقت القبض عليه في مدينة X", "He was arrested in X"), is the same
// arrest, made where that telling says.
func TestExtract_ArrestToldAgainByAPronoun(t *testing.T) {
	for _, text := range []string{
		"أعلنت قيادة الشرطة في حماة يوم الأربعاء توقيف رجل مطلوب بتهمة قتل مدنيين في منطقة محردة. وذكرت أن دورية ألقت القبض عليه في مدينة السقيلبية بعد ملاحقته.",
		"Police announced on Wednesday the arrest of a man wanted for killing civilians in Mhardeh. He was arrested in Suqaylabiyah after a chase, the police chief said.",
	} {
		c := oneEvent(t, text, "2025-07-04", TypeArrest)
		if c != nil && !strings.Contains(c.PlaceNameEN, "Suq") {
			t.Errorf("Extract(%q): place %q; want al-Suqaylabiyah, where he was caught", text, c.PlaceNameEN)
		}
	}
}

// "near the coastal city of X" is near X, whatever adjective its type word
// has; "The battles raged around the town of Y" tells the fighting of the lead
// again, at Y; and "shelled nearby Z" shells Z itself.
func TestExtract_NearTheCoastalCityAndTheBattlesRetold(t *testing.T) {
	text := "Forty fighters have been killed in three days of fighting near the coastal city of Jableh, a monitor said on Thursday. " +
		"The battles raged around the town of Kinsabba in the Latakia countryside, the monitor said."
	c := oneEvent(t, text, "2015-03-12", TypeClash)
	if c != nil && c.PlaceNameEN != "Kinsabba" {
		t.Errorf("place = %q; want Kinsabba, where the battles raged", c.PlaceNameEN)
	}
	c = oneEvent(t, "Government artillery also shelled nearby Kinsabba on Thursday.", "2015-03-12", TypeShelling)
	if c != nil && (c.PlaceNameEN != "Kinsabba" || c.GeoPrecision != "town") {
		t.Errorf("place = %q (%s); want Kinsabba itself", c.PlaceNameEN, c.GeoPrecision)
	}
}

// A group broken up in a place was where it was broken up: "dismantled a
// drug-dealing network in X and arrested five" is an arrest in X, not at an
// institution's seat.
func TestExtract_GroupDismantledInAPlace(t *testing.T) {
	c := oneEvent(t, "The police said it dismantled a drug-dealing network in Tal Kalakh and arrested five of its members.", "2025-06-10", TypeArrest)
	if c != nil && c.PlaceNameEN != "Tal Kalakh" {
		t.Errorf("place = %q; want Tal Kalakh", c.PlaceNameEN)
	}
}

// Launchers and RPGs seized are a seizure, not a shelling by their rockets;
// "the Badia of Deir ez-Zor" and "the Homs desert" are the governorate's
// desert, not its city.
func TestExtract_LaunchersSeizedAndTheDesertOfAGovernorate(t *testing.T) {
	oneEvent(t, "Border police seized two rocket launchers and an RPG near Qusayr on Monday.", "2025-06-11", TypeWeaponsSeizure)
	for _, text := range []string{
		"Four soldiers were hurt when IS cells attacked their positions in the Badia of Deir ez-Zor on Monday.",
		"Two soldiers were killed in an IS ambush in the Homs desert on Monday.",
	} {
		c := oneEvent(t, text, "2025-06-11", TypeArmedAttack)
		if c != nil && c.GeoPrecision != "governorate" {
			t.Errorf("Extract(%q): place %q (%s); want the governorate's desert", text, c.PlaceNameEN, c.GeoPrecision)
		}
	}
}

// A remnant of war that goes off is "other", as a mine is: "قنبلة عنقودية من
// مخلفات الحرب", "an unexploded cluster bomb". Cluster bombs dropped are an
// airstrike still.
func TestExtract_RemnantOfWarIsOther(t *testing.T) {
	for _, text := range []string{
		"أصيب ثلاثة أطفال بانفجار قنبلة عنقودية من مخلفات الحرب أثناء لعبهم في أرض زراعية قرب بلدة التمانعة.",
		"Three children were wounded when an unexploded cluster bomb went off in a field in Kafr Zita on Monday.",
	} {
		oneEvent(t, text, "2025-06-11", TypeOther)
	}
	oneEvent(t, "قصفت طائرات حربية بلدة كفرزيتا بقنابل عنقودية ما أدى لمقتل طفلين.", "2025-06-11", TypeAirstrike)
}

// Kin told with a possessive count as they are: "امرأة وطفلاها", "بمقتل
// امرأة وطفليها" are three, "رجل وابناه" three, "رجل وأخوه" two; and "وابنه" before a place
// is a man's son, not a native of it ("ابن بلدة X").
func TestExtract_KinWithAPossessive(t *testing.T) {
	for _, text := range []string{
		"قتلت امرأة وطفلاها جراء سقوط قذيفة على منزلهم في حي الحميدية بمدينة حماة.",
		"أفادت مصادر محلية بمقتل امرأة وطفليها بسقوط قذيفة على منزلهم في حي الحميدية بمدينة حماة.",
		"قتل رجل وابناه بقصف على بلدة كفرنبل.",
	} {
		c := oneEvent(t, text, "2025-06-11", TypeShelling)
		if c != nil {
			wantCount(t, "killed", c.Killed, 3)
		}
	}
	c := oneEvent(t, "قتل رجل وأخوه بقصف على بلدة كفرنبل.", "2025-06-11", TypeShelling)
	if c != nil {
		wantCount(t, "killed", c.Killed, 2)
	}
	c = oneEvent(t, "قتل رجل وابنه بقصف على بلدة كفرنبل.", "2025-06-11", TypeShelling)
	if c != nil && c.PlaceNameAR != "كفرنبل" {
		t.Errorf("place = %q (%q); want كفرنبل, where the shells fell", c.PlaceNameAR, c.Admin1Name)
	}
}

// A name after an armed force's word is the force's only when it stands
// right after it: "مستودع تابع للجيش قرب مدينة مصياف" is near Masyaf. And a
// village's mukhtar killed "في قرية X" was killed there.
func TestExtract_ForceWordBeforeNearAndOfficeHolderStruck(t *testing.T) {
	c := oneEvent(t, "وقع انفجار في مستودع تابع للجيش قرب مدينة مصياف.", "2025-06-11", TypeOther)
	if c != nil && c.Admin1Name != "Hama" {
		t.Errorf("place = %q in %q; want near Masyaf, Hama", c.PlaceNameEN, c.Admin1Name)
	}
	c = oneEvent(t, "أقدم مسلحون على اغتيال المختار في قرية نصيب بريف درعا الشرقي صباح الثلاثاء.", "2025-06-11", TypeArmedAttack)
	if c != nil && c.PlaceNameAR != "نصيب" {
		t.Errorf("place = %q in %q; want نصيب", c.PlaceNameAR, c.Admin1Name)
	}
}

// "was assassinated", "were executed" count the dead as "were killed" does.
func TestExtract_AssassinatedAndExecutedCount(t *testing.T) {
	for text, want := range map[string]int{
		"A tribal elder was assassinated in the town of Tayyana on Sunday evening.": 1,
		"Three men were executed by IS militants in the town of Tayyana on Sunday.": 3,
	} {
		c := oneEvent(t, text, "2025-06-11", TypeArmedAttack)
		if c != nil {
			wantCount(t, "killed", c.Killed, want)
		}
	}
}

// A span told by its first and last day is that span: "erupted on Sunday
// and lasted until Tuesday", "from Sunday to Tuesday", "يوم الأحد واستمرت
// حتى يوم الثلاثاء". A day of something after the event is not its end.
func TestExtract_SpanFromDayToDay(t *testing.T) {
	for _, text := range []string{
		"Clashes erupted in the town of Jasim on Sunday and lasted until Tuesday, leaving five dead.",
		"Fighting raged in the town of Jasim from Sunday to Tuesday, leaving five dead.",
		"اندلعت اشتباكات في مدينة جاسم يوم الأحد واستمرت حتى يوم الثلاثاء، وأسفرت عن مقتل خمسة أشخاص.",
	} {
		c := oneEvent(t, text, "2025-06-11", TypeClash)
		if c != nil && (c.DateFrom.Format("2006-01-02") != "2025-06-08" || c.DateTo.Format("2006-01-02") != "2025-06-10") {
			t.Errorf("Extract(%q): %v..%v; want 2025-06-08..2025-06-10", text, c.DateFrom, c.DateTo)
		}
	}
	c := oneEvent(t, "Gunmen shot a man in the town of Jasim on Sunday; he was taken to hospital on Tuesday.", "2025-06-11", TypeArmedAttack)
	if c != nil && !c.DateTo.Equal(c.DateFrom) {
		t.Errorf("dates %v..%v; want Sunday alone", c.DateFrom, c.DateTo)
	}
}

// A story told from Amman of Jordan's border guards and smugglers "from
// Syria" happened in Jordan: Syria named as where people came from does not
// make it Syria's. Told "in Syria", it is.
func TestExtract_FromSyriaIsNoSyrianStory(t *testing.T) {
	if got := extractAll(t, "AMMAN, Jan 6 (Reuters) - Jordanian border guards killed three smugglers and arrested 15 others who tried to cross from Syria on Saturday, the army said.", ymd("2024-01-06")); len(got) != 0 {
		t.Errorf("got %v; want nothing: it happened on Jordan's side", describeAll(got))
	}
	oneEvent(t, "AMMAN (Reuters) - Government shelling killed four civilians in Syria's Idlib province on Saturday.", "2024-01-06", TypeShelling)
}

// A city abroad the gazetteer does not hold is abroad, not a Syrian village
// it lacks: Syrians detained "في مدينة إسطنبول" are no incident to map. A
// Syrian place told with it stays the event's.
func TestExtract_CityAbroad(t *testing.T) {
	for _, text := range []string{
		"اعتقلت الشرطة 14 شاباً سورياً في مدينة إسطنبول يوم الأحد.",
		"Police detained 14 young Syrians in Istanbul on Sunday.",
	} {
		if got := extractAll(t, text, ymd("2025-06-11")); len(got) != 0 {
			t.Errorf("Extract(%q) = %v; want nothing", text, describeAll(got))
		}
	}
	c := oneEvent(t, "Coalition jets hit Kobani in northern Syria and the Iraqi towns of Mosul and Kirkuk on Monday.", "2025-06-11", TypeAirstrike)
	if c != nil && c.Admin1Name != "Aleppo" {
		t.Errorf("place = %q in %q; want Kobani", c.PlaceNameEN, c.Admin1Name)
	}
}

// A rocket that fell or was fired is shelling, as a shell is ("سقط صاروخ على
// منزل", "أطلقت القوات صواريخ على البلدة"); rockets seized stay a seizure. And
// the operation an arrest was made in ("في حملة أمنية بمدينة X") is no place.
func TestExtract_RocketFellAndCampaignIsNoPlace(t *testing.T) {
	for _, text := range []string{
		"سقط صاروخ على منزل في حي الشيخ مقصود بحلب، ما أدى إلى جرح خمسة مدنيين.",
		"أطلقت قوات النظام صواريخ على بلدة كفرنبل مساء أمس.",
	} {
		oneEvent(t, text, "2025-01-20", TypeShelling)
	}
	oneEvent(t, "ضبطت الشرطة صواريخ وقذائف في مستودع بمدينة حمص.", "2025-01-20", TypeWeaponsSeizure)
	c := oneEvent(t, "اعتقلت قوات الأمن العام 23 شخصاً في حملة أمنية بمدينة تلكلخ وريفها.", "2025-01-20", TypeArrest)
	if c != nil && c.PlaceNameAR != "تلكلخ" {
		t.Errorf("place = %q; want تلكلخ, not the campaign", c.PlaceNameAR)
	}
}

// English counts: "wounded two of his comrades" are two hurt; "a boy was
// among two people killed" two dead, not a part; "five members of one
// family, including three children, were killed" five, not "one family";
// "a total of 17 ... were arrested" seventeen.
func TestExtract_EnglishCountsOfGroups(t *testing.T) {
	c := oneEvent(t, "A roadside bomb killed a soldier and wounded two of his comrades in Kafr Zita on Monday.", "2025-06-11", TypeBombing)
	if c != nil {
		wantCount(t, "injured", c.Injured, 2)
	}
	c = oneEvent(t, "A boy was among two people killed by sniper fire in Daraa al-Balad on Monday.", "2025-06-11", TypeArmedAttack)
	if c != nil {
		wantCount(t, "killed", c.Killed, 2)
	}
	c = oneEvent(t, "Five members of one family, including three children, were killed in an airstrike on Ariha on Monday.", "2025-06-11", TypeAirstrike)
	if c != nil {
		wantCount(t, "killed", c.Killed, 5)
	}
	c = oneEvent(t, "A total of 17 militants from the cell were arrested in Tartus on Monday.", "2025-06-11", TypeArrest)
	if c != nil {
		wantCount(t, "arrested", c.Arrested, 17)
	}
}

// Gunmen taken by a force are arrested ("17 gunmen were detained"), and the
// people gunmen take are hostages, never counted as arrested ("militants
// captured seven policemen").
func TestExtract_GunmenDetainedAndHostagesTaken(t *testing.T) {
	c := oneEvent(t, "17 gunmen were detained in Tartus on Monday.", "2025-06-11", TypeArrest)
	if c != nil {
		wantCount(t, "arrested", c.Arrested, 17)
	}
	c = oneEvent(t, "Militants captured seven policemen in Tartus on Monday.", "2025-06-11", TypeKidnapping)
	if c != nil && c.Arrested != nil {
		t.Errorf("arrested = %d; want null: hostages are not arrested", *c.Arrested)
	}
}

// A day or month written with a leading zero ("08/06/2025", "09 حزيران") is
// that day: the number reader had taken "08" and "09" for octal.
func TestExtract_LeadingZeroDays(t *testing.T) {
	for text, want := range map[string]string{
		"قتل مسلحون رجلاً في بلدة نوى يوم 08/06/2025.": "2025-06-08",
		"Gunmen killed a man in Nawa on 09/06/2025.":   "2025-06-09",
		"قتل مسلحون رجلاً في بلدة نوى يوم 09 حزيران.":  "2025-06-09",
	} {
		c := oneEvent(t, text, "2025-06-11", TypeArmedAttack)
		if c != nil && (c.DateFrom.Format("2006-01-02") != want || !c.DateTo.Equal(c.DateFrom)) {
			t.Errorf("Extract(%q): %v..%v; want %s", text, c.DateFrom, c.DateTo, want)
		}
	}
}

// A group told by how many it holds is that many ("arrested a cell of five
// people", "a terrorist cell of four members"); a motorcycle's riders are
// people counted ("its two riders", "راكبيها").
func TestExtract_GroupOfNAndRiders(t *testing.T) {
	for text, want := range map[string]int{
		"Security forces arrested a cell of five people in the Mezzeh area on Monday.":   5,
		"Police arrested a terrorist cell of four members in the Mezzeh area on Monday.": 4,
	} {
		c := oneEvent(t, text, "2025-03-10", TypeArrest)
		if c != nil {
			wantCount(t, "arrested", c.Arrested, want)
		}
	}
	for _, text := range []string{
		"A drone struck a motorcycle in the village of Kafr Nubl on Saturday, killing its two riders.",
		"استهدفت طائرة مسيرة دراجة نارية في بلدة كفرنبل ما أدى إلى مقتل راكبيها.",
	} {
		c := oneEvent(t, text, "2025-03-10", TypeAirstrike)
		if c != nil {
			wantCount(t, "killed", c.Killed, 2)
		}
	}
}

// News text is untrusted: bidi overrides, isolates, direction marks and
// zero-width spaces in it change how a draft reads in the review queue
// (U+202E reverses it) and split names. No candidate carries them, from
// ExtractLang or ExtractParts, and a name they split is found.
func TestExtract_FormatControlsDropped(t *testing.T) {
	text := "قصفت قوات النظام بلدة سر\u200fاقب و\u202eإدلب صباح \u2066اليوم\u2069.\u200b"
	x := New(mustGazetteer(t))
	var got []Candidate
	got = append(got, x.ExtractLang(text, ymd("2025-06-11"), "ar")...)
	if err := x.ExtractParts(text, ymd("2025-06-11"), "ar", func(c Candidate) error { got = append(got, c); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatalf("no candidates from %q", text)
	}
	for _, c := range got {
		fields := []string{c.Evidence, c.PlaceNameAR, c.PlaceNameEN}
		fields = append(fields, c.Notes...)
		for _, pl := range c.Places {
			fields = append(fields, pl.Text)
		}
		for _, f := range fields {
			if strings.IndexFunc(f, formatControl) >= 0 {
				t.Errorf("candidate field %q carries a format control", f)
			}
		}
		if c.PlaceNameAR != "سراقب" {
			t.Errorf("place = %q; want سراقب, the name the mark split", c.PlaceNameAR)
		}
	}
}
