package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestIngest_ExtractionsBoundedAtOnce: reports were extracted as many at
// once as they were posted, each up to 0.8 s of CPU, so that one ingest
// token took every core while readers waited. A report that finds every
// extraction slot taken waits, and past extractWait is answered 503 naming
// the wait, with Retry-After, nothing stored; once a slot is free it is read.
func TestIngest_ExtractionsBoundedAtOnce(t *testing.T) {
	onBothStores(t, func(t *testing.T, store incidentStore) {
		send := hostile12Server(t, store)
		var n int64
		for extractSlots.TryAcquire(1) {
			n++ // take every slot, as reports being extracted would
		}
		if n == 0 {
			t.Fatal("no extraction slot to take")
		}
		defer func(w time.Duration) { extractWait = w }(extractWait)
		extractWait = 50 * time.Millisecond
		body := `{"text":"Gunmen shot a farmer dead in the town of Saraqib on Monday.","published":"2024-05-07","source":{"title":"t","url":"https://example.org/busy"}}`
		status, header, answer := send("ingest", http.MethodPost, "/api/ingest", body)
		if status != http.StatusServiceUnavailable || header.Get("Retry-After") == "" || !strings.Contains(answer, "extracting other reports") {
			t.Errorf("with every slot taken: %d, Retry-After %q, %s; want 503 with Retry-After naming the wait", status, header.Get("Retry-After"), answer)
		}
		extractSlots.Release(n)
		status, _, answer = send("ingest", http.MethodPost, "/api/ingest", body)
		if status != http.StatusOK && status != http.StatusCreated || strings.Contains(answer, `"duplicate":true`) {
			t.Errorf("with a slot free: %d %s; want the report read, not a duplicate of the refused one", status, answer)
		}
		if err := extractSlots.Acquire(context.Background(), n); err != nil {
			t.Fatal(err)
		}
		extractSlots.Release(n) // every slot was given back
	})
}
