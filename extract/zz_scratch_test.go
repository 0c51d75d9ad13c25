package extract

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestScratchMentions(t *testing.T) {
	if os.Getenv("SCRATCH") == "" {
		t.Skip()
	}
	g := realGazetteer(t)
	for _, p := range loadDev(t) {
		fmt.Printf("== %s\n", p.ID)
		for _, m := range g.FindAll(p.Text) {
			fmt.Printf("  [%s] %s/%s kind=%s imp=%.2f q=%q prec=%s ctx=%d\n", m.Text, m.Match.Place.NameEN, m.Match.Place.NameAR, m.Match.Place.Kind, m.Match.Place.Importance, m.Match.Qualifier, m.Match.Precision, len(m.Match.Context))
		}
	}
}

func TestScratchOne(t *testing.T) {
	id := os.Getenv("DEV")
	if id == "" {
		t.Skip()
	}
	g := realGazetteer(t)
	ps := loadDev(t)
	ps = append(ps, loadPassageFile(t, "testdata/news_own.jsonl")...)
	for _, p := range ps {
		if p.ID != id {
			continue
		}
		var pub time.Time
		if p.Published != nil {
			pub = ymd(*p.Published)
		}
		lang := DetectLanguage(p.Text)
		ps := newPassage(p.Text, lang, pub, g)
		for i, s := range ps.sents {
			fmt.Printf("S%d: %s\n", i, p.Text[s.Start:s.End])
			fmt.Printf("   flags newTopic=%v bg=%v aside=%v\n", s.newTopic, s.background, s.aside)
			for _, tr := range s.trig {
				fmt.Printf("   trig %s weak=%v clause=%d at %q\n", tr.Typ, tr.Weak, tr.Clause, s.toks[tr.Tok].Norm)
			}
			for _, m := range s.ms {
				fmt.Printf("   place [%s] name=%q role=%s near=%v %s/%s %s q=%q\n", m.Text, m.name, m.role, m.near, m.Match.Place.NameEN, m.Match.Place.Admin1PCode, m.Match.Place.Kind, m.Match.Qualifier)
			}
			for _, c := range s.counts {
				fmt.Printf("   count %s %v at %d more=%v note=%s\n", c.Kind, countStr(c.Value), c.Pos, c.More, c.Note)
			}
			for _, d := range s.dates {
				fmt.Printf("   date %s..%s %q rep=%v\n", dateStr(d.From), dateStr(d.To), p.Text[d.Start:d.End], d.Reported)
			}
		}
		for _, c := range New(g).ExtractLang(p.Text, pub, lang) {
			fmt.Printf("=> %s  notes=%q\n", describeCandidate(c), c.Notes)
		}
	}
}
