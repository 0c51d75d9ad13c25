package main

import (
	"io"
	"sync"
	"time"
)

// accessLogEvery is how long an access-log line may wait before it is
// written.
const accessLogEvery = 200 * time.Millisecond

// batchMax is how many bytes of records may wait before they are written
// at once.
const batchMax = 64 << 10

// batchWriter collects whole records (one Write each, as slog writes them)
// and passes them on together every interval, or sooner when batchMax bytes
// wait, so that a log line per request costs no system call of its own.
// A record is never split. Close writes what waits and stops the timer.
type batchWriter struct {
	mu   sync.Mutex
	w    io.Writer
	buf  []byte
	err  error // the first error writing to w; later writes return it
	stop chan struct{}
	done chan struct{}
}

func newBatchWriter(w io.Writer, every time.Duration) *batchWriter {
	b := &batchWriter{w: w, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				b.Flush()
			case <-b.stop:
				return
			}
		}
	}()
	return b
}

// Write keeps p, one record, to be written with the rest of the batch.
func (b *batchWriter) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return 0, b.err
	}
	b.buf = append(b.buf, p...)
	if len(b.buf) >= batchMax {
		b.flushLocked()
	}
	return len(p), nil
}

// Flush writes what waits.
func (b *batchWriter) Flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
	return b.err
}

func (b *batchWriter) flushLocked() {
	if len(b.buf) == 0 || b.err != nil {
		return
	}
	_, b.err = b.w.Write(b.buf)
	b.buf = b.buf[:0]
}

// Close stops the timer and writes what waits.
func (b *batchWriter) Close() error {
	close(b.stop)
	<-b.done
	return b.Flush()
}
