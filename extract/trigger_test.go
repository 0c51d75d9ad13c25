package extract

import (
	"slices"
	"testing"
)

func triggerTypes(s string) []string {
	var out []string
	for _, t := range strongOrWeak(findTriggers(tokenize(s, 0, len(s)))) {
		out = append(out, t.Typ)
	}
	return out
}

func TestFindTriggers(t *testing.T) {
	tests := map[string]struct {
		in   string
		want []string
	}{
		"verb with conjunction":   {in: "واعتقلت الدورية رجلين", want: []string{TypeArrest}},
		"verbal noun":             {in: "جرى اعتقال المطلوب", want: []string{TypeArrest}},
		"plural with article":     {in: "أُطلق سراح بعض المعتقلين أمس ثم أعيد توقيف المعتقلين", want: []string{TypeArrest, TypeArrest}},
		"laqa al-qabd":            {in: "تم إلقاء القبض على السائق", want: []string{TypeArrest}},
		"tawqif":                  {in: "أعلنت الشرطة توقيف لصين", want: []string{TypeArrest}},
		"preposition bi":          {in: "قُتل راعيان بغارة على المرعى", want: []string{TypeAirstrike}},
		"plural raids":            {in: "تواصلت الغارات على الحي", want: []string{TypeAirstrike}},
		"air shelling":            {in: "تعرضت القرية لقصف جوي عنيف", want: []string{TypeAirstrike}},
		"artillery shelling":      {in: "تعرضت القرية لقصف مدفعي عنيف", want: []string{TypeShelling}},
		"rocket shelling":         {in: "طال قصف صاروخي أطراف البلدة", want: []string{TypeShelling}},
		"explosion, cause untold": {in: "وقع انفجار قرب الفرن", want: []string{TypeOther}},
		"explosion of a bomb":     {in: "وقع انفجار عبوة ناسفة قرب الفرن", want: []string{TypeBombing}}, // the device is the explosion's weapon: one event
		"roadside bomb":           {in: "انفجرت عبوة ناسفة بسيارة عسكرية", want: []string{TypeBombing}},
		"suicide bombing":         {in: "نفذ شخص تفجيراً انتحارياً", want: []string{TypeBombing, TypeBombing}},
		"attack":                  {in: "شن مسلحون هجوماً على الحاجز", want: []string{TypeArmedAttack}},
		"targeting":               {in: "استهدف مجهولون دورية للشرطة", want: []string{TypeArmedAttack}},
		"drone targeting":         {in: "استهدفت طائرة مسيرة سيارة", want: []string{TypeAirstrike}},
		"assassination":           {in: "نجا المختار من محاولة اغتيال", want: []string{TypeArmedAttack}},
		"clashes":                 {in: "اندلعت الاشتباكات فجراً", want: []string{TypeClash}},
		"weapons seizure":         {in: "ضبطت الدورية أسلحة خفيفة", want: []string{TypeWeaponsSeizure}},
		"ammunition depot":        {in: "عثر الأهالي على مستودع ذخيرة", want: []string{TypeWeaponsSeizure}},
		"kidnapping":              {in: "خطف مسلحون طبيباً", want: []string{TypeKidnapping}},
		"abduction noun":          {in: "تزايدت حوادث الاختطاف", want: []string{TypeKidnapping}},
		"killing is weak":         {in: "قُتل ثلاثة أشخاص بغارة", want: []string{TypeAirstrike}},
		"killing alone":           {in: "قتل مسلحون تاجراً", want: []string{TypeArmedAttack}},
		"seized bombs are items":  {in: "ضبطت القوات عبوات ناسفة وقذائف هاون", want: []string{TypeWeaponsSeizure}},
		"bomb-making material":    {in: "وجدت لديه مواد تفجير", want: nil},
		"keeping order":           {in: "ضبط الأمن في السوق", want: nil},
		"denied clashes":          {in: "نفت الوزارة وقوع اشتباكات", want: nil},
		"war of words":            {in: "شن النائب هجوماً حاداً على الحكومة", want: nil},
		"dawn is not a detonator": {in: "وصل الوفد فجر اليوم", want: nil},
		"plotting":                {in: "أوقف شاب بتهمة التخطيط لتفجيرات", want: []string{TypeArrest}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := triggerTypes(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("triggers of %q = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
