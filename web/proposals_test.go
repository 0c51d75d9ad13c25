package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/mapsrv/mapsrv/incidents"
)

// A report written for this test, and the same event told by another.
const (
	saraqibArrest = `اعتقلت قوات الأمن خلية في مدينة سراقب بريف إدلب يوم 3 ديسمبر 2025.`
	saraqibAgain  = `أفادت مصادر محلية بأن قوات الأمن اعتقلت خلية في مدينة سراقب يوم 3 ديسمبر 2025.`
)

func ingestReport(t *testing.T, base, text, url, publisher string) (int, ingestAnswer) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"text": text, "published": "2025-12-05",
		"source": map[string]string{"title": "report " + url, "url": url, "publisher": publisher}})
	resp, got := do(t, "POST", base+"/api/ingest", ingestToken, "application/json", string(body))
	var a ingestAnswer
	if err := json.Unmarshal([]byte(got), &a); err != nil {
		t.Fatalf("ingest answer %s: %v", got, err)
	}
	return resp.StatusCode, a
}

type ingestAnswer struct {
	Duplicate bool
	Drafts    []struct{ ID int64 }
	Proposed  []struct{ ID int64 }
	Confirmed []struct{ ID int64 }
}

type proposalList struct {
	Proposals []struct {
		ID         int64
		IncidentID int64 `json:"incident_id"`
		Source     struct{ Title, URL, Publisher string }
		Incident   struct{ ID int64 }
	}
}

// TestIngest_ProposalsNotPublic: a report restating a published incident,
// from an ingest token, with its own URL and publisher, changes nothing the
// public sees: it becomes a proposal only editors list, and is linked only
// when an editor accepts it.
func TestIngest_ProposalsNotPublic(t *testing.T) {
	srv, _ := newTestServer(t)
	status, first := ingestReport(t, srv.URL, saraqibArrest, "https://example.org/first", "Example News")
	if status != http.StatusCreated || len(first.Drafts) != 1 {
		t.Fatalf("first report: %d %+v, want one draft", status, first)
	}
	id := itoa(first.Drafts[0].ID)
	if resp, body := do(t, "PATCH", srv.URL+"/api/collections/drafts/items/"+id, editorToken, "application/merge-patch+json",
		`{"properties":{"status":"published"}}`); resp.StatusCode != http.StatusOK {
		t.Fatalf("publish = %d %s", resp.StatusCode, body)
	}
	public := srv.URL + "/api/collections/incidents/items/" + id
	_, before := do(t, "GET", public, "", "", "")
	status, again := ingestReport(t, srv.URL, saraqibAgain, "https://attacker.example/fake", "Fake Agency")
	if status != http.StatusCreated || len(again.Drafts) != 0 || len(again.Proposed) != 1 || again.Proposed[0].ID != first.Drafts[0].ID || len(again.Confirmed) != 0 {
		t.Fatalf("restating report: %d %+v, want the published incident proposed, no draft", status, again)
	}
	if _, after := do(t, "GET", public, "", "", ""); after != before || strings.Contains(after, "attacker") {
		t.Errorf("the public incident changed on ingestion:\n%s\n%s", before, after)
	}
	for tok, want := range map[string]int{"": http.StatusUnauthorized, ingestToken: http.StatusForbidden} {
		if resp, _ := do(t, "GET", srv.URL+"/api/proposals", tok, "", ""); resp.StatusCode != want {
			t.Errorf("proposals with token %q = %d, want %d", tok, resp.StatusCode, want)
		}
	}
	var list proposalList
	_, body := do(t, "GET", srv.URL+"/api/proposals", editorToken, "", "")
	json.Unmarshal([]byte(body), &list)
	if len(list.Proposals) != 1 || list.Proposals[0].IncidentID != first.Drafts[0].ID || list.Proposals[0].Source.Publisher != "Fake Agency" ||
		list.Proposals[0].Incident.ID != first.Drafts[0].ID {
		t.Fatalf("proposals = %s", body)
	}
	if resp, _ := do(t, "POST", srv.URL+"/api/proposals/"+itoa(list.Proposals[0].ID)+"/accept", ingestToken, "application/json", ""); resp.StatusCode != http.StatusForbidden {
		t.Errorf("accept with an ingest token = %d, want 403", resp.StatusCode)
	}
	// A third report is rejected: nothing changes; the second is accepted: linked.
	_, third := ingestReport(t, srv.URL, saraqibAgain+" وأكد ناشطون الخبر.", "https://example.org/third", "Other")
	if len(third.Proposed) != 1 {
		t.Fatalf("third report: %+v", third)
	}
	_, body = do(t, "GET", srv.URL+"/api/proposals?incident_id="+id, editorToken, "", "")
	json.Unmarshal([]byte(body), &list)
	if len(list.Proposals) != 2 {
		t.Fatalf("proposals of %s = %s", id, body)
	}
	if resp, body := do(t, "POST", srv.URL+"/api/proposals/"+itoa(list.Proposals[1].ID)+"/reject", editorToken, "application/json", ""); resp.StatusCode != http.StatusOK {
		t.Errorf("reject = %d %s", resp.StatusCode, body)
	}
	if _, after := do(t, "GET", public, "", "", ""); after != before {
		t.Errorf("rejecting a proposal changed the public incident")
	}
	if resp, body := do(t, "POST", srv.URL+"/api/proposals/"+itoa(list.Proposals[0].ID)+"/accept", editorToken, "application/json", ""); resp.StatusCode != http.StatusOK || !strings.Contains(body, "https://attacker.example/fake") {
		t.Errorf("accept = %d %s", resp.StatusCode, body)
	}
	if _, after := do(t, "GET", public, "", "", ""); !strings.Contains(after, "https://attacker.example/fake") {
		t.Errorf("the accepted source is not on the public incident: %s", after)
	}
	if resp, _ := do(t, "POST", srv.URL+"/api/proposals/"+itoa(list.Proposals[0].ID)+"/accept", editorToken, "application/json", ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("accepting twice = %d, want 404", resp.StatusCode)
	}
	if _, body := do(t, "GET", srv.URL+"/api/proposals", editorToken, "", ""); !strings.Contains(body, `"proposals":[]`) {
		t.Errorf("proposals left: %s", body)
	}
}

// TestIngest_ConcurrentPosts: ten reports posted six times each at once are
// stored once each (the check before the write let 4 and 6 drafts through).
func TestIngest_ConcurrentPosts(t *testing.T) {
	srv, store := newTestServer(t)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for r := range 10 {
		for range 6 {
			wg.Go(func() {
				<-start
				body, _ := json.Marshal(map[string]any{"text": saraqibArrest, "published": "2025-12-05",
					"source": map[string]string{"title": "report", "url": fmt.Sprintf("https://example.org/burst/%d", r)}})
				req, _ := http.NewRequest("POST", srv.URL+"/api/ingest", strings.NewReader(string(body)))
				req.Header.Set("Authorization", "Bearer "+ingestToken)
				req.Header.Set("Content-Type", "application/json")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
					t.Errorf("ingest = %d", resp.StatusCode)
				}
			})
		}
	}
	close(start)
	wg.Wait()
	for r := range 10 {
		found, err := store.Find(context.Background(), incidents.Filter{Status: incidents.StatusDraft,
			SourceKey: fmt.Sprintf("https://example.org/burst/%d", r)})
		if err != nil || len(found) != 1 {
			t.Errorf("report %d posted 6 times at once: %d drafts, %v; want 1", r, len(found), err)
		}
	}
}
