package web

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"golang.org/x/sync/semaphore"
)

// parkedBytes bounds the listing pages held whole in memory while they are
// sent, after their share of featuresInFlight was given back: about 30 pages
// of 10,000. Beyond it a page is sent while it keeps its share, as all were.
// Pages are counted by the memory they hold (pageBuffer.held,
// exportPageData.bytes), not by the bytes they send.
const parkedBytes = 256 << 20

// parked counts the bytes of pages being sent from memory.
var parked = semaphore.NewWeighted(parkedBytes)

// pageSendTime is how long sending one page from memory may take.
const pageSendTime = 60 * time.Second

// pageBuffer holds a listing page while it is made, so that the share of
// featuresInFlight it was made under can be given back before it is sent:
// a client that does not read must not keep other clients' pages waiting.
// Two clients asking for pages of 10,000 and reading nothing once held the
// whole budget, and every other listing waited on them.
//
// The page's features are not copied into it (Keep): it holds them where
// the store read them, between its own bytes (the brackets, commas and
// links), and they are copied once, a sendChunk at a time, as the page is
// sent.
type pageBuffer struct {
	w      http.ResponseWriter
	status int
	buf    *bytes.Buffer
	kept   []keptBytes // in order of at
	n      int         // bytes in buf and kept
	keptN  int         // bytes in kept
}

// keptBytes are bytes of the page held without a copy, to be sent after the
// first at bytes of the buffer.
type keptBytes struct {
	at int
	b  []byte
}

var (
	pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	keptLists   = sync.Pool{New: func() any { return new([]keptBytes) }}
)

func newPageBuffer(w http.ResponseWriter) *pageBuffer {
	b := pageBuffers.Get().(*bytes.Buffer)
	b.Reset()
	return &pageBuffer{w: w, buf: b, kept: (*keptLists.Get().(*[]keptBytes))[:0]}
}

func (p *pageBuffer) Header() http.Header { return p.w.Header() }

func (p *pageBuffer) WriteHeader(code int) {
	if p.status == 0 {
		p.status = code
	}
}

func (p *pageBuffer) Write(b []byte) (int, error) { p.n += len(b); return p.buf.Write(b) }

// WriteString and WriteByte let a feature.CollectionWriter write to the
// buffer directly.
func (p *pageBuffer) WriteString(s string) (int, error) { p.n += len(s); return p.buf.WriteString(s) }
func (p *pageBuffer) WriteByte(c byte) error            { p.n++; return p.buf.WriteByte(c) }

// Keep adds b to the page without copying it: b must not change until the
// page is sent. A feature.CollectionWriter keeps each stored feature so.
func (p *pageBuffer) Keep(b []byte) {
	p.kept = append(p.kept, keptBytes{at: p.buf.Len(), b: b})
	p.n += len(b)
	p.keptN += len(b)
}

// held is the memory the page holds while it is sent: its buffer and list
// as allocated (a pooled buffer may be far larger than this page), and the
// features it keeps, each lying in a buffer of the page's own features
// (feature.PageBytes). It counted the page's bytes alone.
func (p *pageBuffer) held() int64 {
	return int64(p.buf.Cap()) + int64(cap(p.kept))*int64(unsafe.Sizeof(keptBytes{})) + int64(p.keptN)
}

// pooledBytes is the largest buffer put back in the pool: one that grew
// for a rare large page (a CSV page of long summaries) would otherwise be
// held, and counted whole, for every small page after it.
const pooledBytes = 4 << 20

// sendChunk is how much of a page is copied together and written in one
// call as it is sent.
const sendChunk = 1 << 20

var sendChunks = sync.Pool{New: func() any { b := make([]byte, 0, sendChunk); return &b }}

// send writes the page, calling release (which gives back the page's share)
// before the network write when the page fits in parkedBytes, after it
// otherwise.
func (p *pageBuffer) send(release func()) {
	defer func() {
		if p.buf.Cap() <= pooledBytes {
			pageBuffers.Put(p.buf)
		}
		clear(p.kept) // a list in the pool must not hold pages alive
		keptLists.Put(&p.kept)
	}()
	n := p.held()
	if parked.TryAcquire(n) {
		release()
		defer parked.Release(n)
	} else {
		defer release()
	}
	http.NewResponseController(p.w).SetWriteDeadline(time.Now().Add(pageSendTime))
	// Its length is known: the page goes out without HTTP's chunked
	// framing around each sendChunk, and the response cache learns at the
	// first write that a page too big to keep need not be copied (withGzip
	// drops the length of a compressed page).
	if h := p.w.Header(); h.Get("Content-Length") == "" && bodyAllowed(p.status) {
		h.Set("Content-Length", strconv.Itoa(p.n))
	}
	if p.status != 0 {
		p.w.WriteHeader(p.status)
	}
	own := p.buf.Bytes()
	if len(p.kept) == 0 {
		p.w.Write(own)
		return
	}
	cp := sendChunks.Get().(*[]byte)
	defer sendChunks.Put(cp)
	chunk := (*cp)[:0]
	var err error // the client is gone: stop copying
	add := func(b []byte) {
		for len(b) > 0 && err == nil {
			if len(chunk) == 0 && len(b) >= sendChunk {
				_, err = p.w.Write(b)
				return
			}
			m := min(len(b), sendChunk-len(chunk))
			chunk = append(chunk, b[:m]...)
			b = b[m:]
			if len(chunk) == sendChunk {
				_, err = p.w.Write(chunk)
				chunk = chunk[:0]
			}
		}
	}
	at := 0
	for _, k := range p.kept {
		add(own[at:k.at])
		add(k.b)
		at = k.at
	}
	add(own[at:])
	if len(chunk) > 0 && err == nil {
		p.w.Write(chunk)
	}
}

// bodyAllowed tells whether a response of status may have a body (0 is
// 200, the status of a first write).
func bodyAllowed(status int) bool {
	return status != http.StatusNoContent && status != http.StatusNotModified && status >= 200 || status == 0
}
