package feature

import (
	"context"
	"testing"
)

// TestBorrow: without a Lender a buffer is made; with one, it is lent at
// the size asked for from a pooled buffer at most lendStep larger, and
// given back by Return; buffers beyond the largest class are made.
func TestBorrow(t *testing.T) {
	if b := Borrow(context.Background(), 1000); len(b) != 1000 {
		t.Fatalf("without a lender: %d bytes", len(b))
	}
	ctx, l := WithLender(context.Background())
	for _, n := range []int{0, 1, lendStep, lendStep + 1, 640 << 10, lendClasses * lendStep} {
		b := Borrow(ctx, n)
		if len(b) != n || cap(b) < n || cap(b)-n >= lendStep && n > 0 {
			t.Fatalf("Borrow(%d): len %d cap %d", n, len(b), cap(b))
		}
	}
	if big := Borrow(ctx, lendClasses*lendStep+1); len(big) != lendClasses*lendStep+1 {
		t.Fatalf("a buffer beyond the pools: %d bytes", len(big))
	}
	if len(l.lent) != 6 {
		t.Fatalf("%d buffers lent, want 6 (the largest is not pooled)", len(l.lent))
	}
	l.Return()
	if len(l.lent) != 0 {
		t.Fatalf("%d buffers still lent after Return", len(l.lent))
	}
}

// TestReturn_KeepsAtMostLendKeep: buffers given back are kept for the next
// Borrow up to lendKeep bytes in all and given back to the system beyond,
// and a buffer kept is lent again.
func TestReturn_KeepsAtMostLendKeep(t *testing.T) {
	ctx, l := WithLender(context.Background())
	n := 2*lendKeep/(1<<20) + 3
	for range n {
		b := Borrow(ctx, 1<<20)
		b[0], b[len(b)-1] = 1, 2 // the memory is there to write
	}
	l.Return()
	lendFree.mu.Lock()
	kept, ones := lendFree.bytes, len(lendFree.lists[(1<<20)/lendStep])
	lendFree.mu.Unlock()
	if kept > lendKeep || ones == 0 {
		t.Fatalf("%d bytes kept (%d buffers of 1 MB) after %d of 1 MB given back, want at most %d and some", kept, ones, n, lendKeep)
	}
	ctx, l = WithLender(context.Background())
	Borrow(ctx, 1<<20)
	lendFree.mu.Lock()
	after := len(lendFree.lists[(1<<20)/lendStep])
	lendFree.mu.Unlock()
	if after != ones-1 {
		t.Fatalf("a kept buffer not lent again: %d kept before, %d after", ones, after)
	}
	l.Return()
}
