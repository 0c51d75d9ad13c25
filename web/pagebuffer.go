package web

import (
	"bytes"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

// parkedBytes bounds the listing pages held whole in memory while they are
// sent, after their share of featuresInFlight was given back: about 30 pages
// of 10,000. Beyond it a page is sent while it keeps its share, as all were.
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
type pageBuffer struct {
	w      http.ResponseWriter
	status int
	buf    *bytes.Buffer
}

var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func newPageBuffer(w http.ResponseWriter) *pageBuffer {
	b := pageBuffers.Get().(*bytes.Buffer)
	b.Reset()
	return &pageBuffer{w: w, buf: b}
}

func (p *pageBuffer) Header() http.Header { return p.w.Header() }

func (p *pageBuffer) WriteHeader(code int) {
	if p.status == 0 {
		p.status = code
	}
}

func (p *pageBuffer) Write(b []byte) (int, error) { return p.buf.Write(b) }

// WriteString and WriteByte let a feature.CollectionWriter write to the
// buffer directly.
func (p *pageBuffer) WriteString(s string) (int, error) { return p.buf.WriteString(s) }
func (p *pageBuffer) WriteByte(c byte) error            { return p.buf.WriteByte(c) }

// Grow makes room for n more bytes at once: a page of 10,000 features grown
// by doubling was copied and cleared about twice over.
func (p *pageBuffer) Grow(n int) { p.buf.Grow(n) }

// send writes the page, calling release (which gives back the page's share)
// before the network write when the page fits in parkedBytes, after it
// otherwise.
func (p *pageBuffer) send(release func()) {
	defer pageBuffers.Put(p.buf)
	n := int64(p.buf.Len())
	if parked.TryAcquire(n) {
		release()
		defer parked.Release(n)
	} else {
		defer release()
	}
	http.NewResponseController(p.w).SetWriteDeadline(time.Now().Add(pageSendTime))
	if p.status != 0 {
		p.w.WriteHeader(p.status)
	}
	p.w.Write(p.buf.Bytes())
}
