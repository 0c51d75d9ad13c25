package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/mapsrv/mapsrv/web"
)

// TestWarmUp_HeapLimit: once the index is built, the heap's soft limit is
// what the heap then holds, plus the response cache's budget (the cache is
// still empty then, and fills from the first views), plus heapRoom; and
// with GOMEMLIMIT given, warmUp leaves the limit alone.
func TestWarmUp_HeapLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	ctx := context.Background()
	s, err := openStore(ctx, filepath.Join(t.TempDir(), "limit.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))

	debug.SetMemoryLimit(startHeapLimit)
	warmUp(ctx, s, true, log)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	limit := debug.SetMemoryLimit(-1)
	heap := limit - web.CacheBytes - heapRoom
	if heap <= 0 || heap > int64(m.HeapSys) {
		t.Fatalf("soft limit %d: %d for the heap after warm-up, beyond the cache's %d and the room's %d (the heap spans %d)",
			limit, heap, web.CacheBytes, heapRoom, m.HeapSys)
	}
	if got := heapLimit(100 << 20); got != 100<<20+web.CacheBytes+heapRoom {
		t.Fatalf("heapLimit(100 MB) = %d", got)
	}

	debug.SetMemoryLimit(12345 << 20)
	warmUp(ctx, s, false, log)
	if got := debug.SetMemoryLimit(-1); got != 12345<<20 {
		t.Fatalf("with GOMEMLIMIT set, warmUp changed the limit to %d", got)
	}
}
