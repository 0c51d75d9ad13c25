package main

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the batch writer's timer.
type syncBuffer struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	writes int
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writes++
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// TestBatchWriter: every record arrives whole and in order, in fewer writes
// than records, within the interval without Close, and all of them at Close.
func TestBatchWriter(t *testing.T) {
	var out syncBuffer
	b := newBatchWriter(&out, 20*time.Millisecond)
	b.Write([]byte("first\n"))
	deadline := time.Now().Add(5 * time.Second)
	for out.String() != "first\n" {
		if time.Now().After(deadline) {
			t.Fatalf("a record waited over 5 s for an interval of 20 ms: %q", out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	var want strings.Builder
	want.WriteString("first\n")
	var wg sync.WaitGroup
	lines := make([][]string, 4)
	for g := range lines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5000 {
				line := fmt.Sprintf(`{"writer":%d,"n":%d,"pad":"%s"}`+"\n", g, i, strings.Repeat("x", i%50))
				lines[g] = append(lines[g], line)
				b.Write([]byte(line))
			}
		}()
	}
	wg.Wait()
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	got := strings.SplitAfter(out.String(), "\n")
	if got[len(got)-1] == "" {
		got = got[:len(got)-1]
	}
	if len(got) != 1+4*5000 {
		t.Fatalf("%d records written, want %d", len(got), 1+4*5000)
	}
	next := make([]int, len(lines)) // each writer's records keep their order
	for _, line := range got[1:] {
		var g, n int
		if _, err := fmt.Sscanf(line, `{"writer":%d,"n":%d`, &g, &n); err != nil || lines[g][next[g]] != line {
			t.Fatalf("record %q out of order or damaged", line)
		}
		next[g]++
	}
	if out.writes >= 1+4*5000 {
		t.Errorf("%d writes for %d records: nothing was batched", out.writes, len(got))
	}
}
