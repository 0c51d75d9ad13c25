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
