package incidents

import (
	"errors"
	"testing"

	"github.com/paulmach/orb"
)

// TestEdited: the edited state keeps the incident's ID whatever edit set,
// gets its district from its new point, and must be valid; edit's own
// error comes back as it is.
func TestEdited(t *testing.T) {
	cur := validIncident()
	cur.ID = 7
	loc := func(p orb.Point) string { return "SY0703" }
	inc, err := Edited(cur, func(i Incident) (Incident, error) {
		i.ID, i.Location = 99, orb.Point{36.9, 35.9}
		return i, nil
	}, loc)
	if err != nil || inc.ID != 7 || inc.Admin2PCode != "SY0703" || inc.Location != (orb.Point{36.9, 35.9}) {
		t.Errorf("Edited = %+v, %v; want ID 7 at the new point in SY0703", inc, err)
	}
	if _, err := Edited(cur, func(i Incident) (Incident, error) { i.Type = "riot"; return i, nil }, loc); err == nil {
		t.Error("Edited let an invalid state through")
	}
	refused := errors.New("refused")
	if _, err := Edited(cur, func(Incident) (Incident, error) { return Incident{}, refused }, loc); err != refused {
		t.Errorf("Edited = %v; want edit's own error", err)
	}
}
