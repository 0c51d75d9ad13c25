package web

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
	body   *bodyWatch // the request's body, nil when it has none
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
		s.closeIfBodyLeft()
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
		s.closeIfBodyLeft()
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// closeIfBodyLeft closes the connection after the answer when the handler
// answers without reading the request's body to its end (a 401 before the
// body, a GET given one, a 413). net/http would otherwise read up to 256 KiB
// of what is left, before it sends the answer and again when it closes the
// body, at whatever pace the client sends it: a request declaring a body it
// then sent a byte a second held its connection busy (never closed to make
// room) for the 30 s read timeout, and 400 such clients left every other
// request waiting for a connection.
//
// What is left is first read and thrown away, up to lingerBytes and for at
// most lingerTime. A client still sending its body when the connection
// closed was sent a reset that dropped the answer it had not read yet: a
// 200 KB body over a 64 KB limit got "connection reset by peer" in place of
// its 413, now and then, and one over it by 1 MB got it every time.
func (s *statusRecorder) closeIfBodyLeft() {
	if s.body == nil || s.body.done() {
		return
	}
	rc := http.NewResponseController(s.ResponseWriter)
	rc.SetReadDeadline(time.Now().Add(lingerTime))
	io.CopyN(io.Discard, s.body, lingerBytes)
	s.ResponseWriter.Header().Set("Connection", "close")
	rc.SetReadDeadline(time.Now())
}

// lingerBytes and lingerTime bound what is read of a body left unread before
// its answer: a client sending a few MB too many at network speed reads its
// answer, and one sending a byte a second holds its connection a second.
const (
	lingerBytes = 4 << 20
	lingerTime  = time.Second
)

// bodyWatch is a request body that knows whether it was read to its end.
type bodyWatch struct {
	io.ReadCloser
	length int64 // the declared Content-Length, -1 if none
	n      int64
	eof    bool
}

func (b *bodyWatch) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n += int64(n)
	b.eof = b.eof || err != nil
	return n, err
}

func (b *bodyWatch) done() bool { return b.eof || b.length >= 0 && b.n >= b.length }

// withRequestLog logs each request once it is answered, with an id that is
// also sent back as X-Request-Id, and turns a handler panic into a 500.
func withRequestLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := requestID()
		w.Header().Set("X-Request-Id", id)
		rec := &statusRecorder{ResponseWriter: w}
		if r.Body != nil && r.Body != http.NoBody && r.ContentLength != 0 {
			rec.body = &bodyWatch{ReadCloser: r.Body, length: r.ContentLength}
			r.Body = rec.body
		}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					// A deliberate cut (an export failing part way): the
					// server must drop the connection, not end the body as
					// if it were whole.
					log.Info("request", "request_id", id, "method", logText(r.Method), "path", logText(r.URL.Path), "query", logQuery(r.URL.RawQuery),
						"status", rec.status, "bytes", rec.bytes, "duration", time.Since(start), "aborted", true)
					panic(p)
				}
				log.Error("panic", "request_id", id, "method", logText(r.Method), "path", logText(r.URL.Path), "panic", p)
				if rec.status == 0 {
					writeProblem(rec, http.StatusInternalServerError, "")
				}
			}
			log.Info("request", "request_id", id, "method", logText(r.Method), "path", logText(r.URL.Path), "query", logQuery(r.URL.RawQuery),
				"status", rec.status, "bytes", rec.bytes, "duration", time.Since(start))
		}()
		next.ServeHTTP(rec, r)
	})
}

// logQueryBytes is as much of a query string as a log line keeps: enough for
// any filter a person writes, not a polygon of thousands of vertices.
const logQueryBytes = 2048

// logQuery is the decoded query string of a request, for the access log
// (what filter a client sent), cut to logQueryBytes.
func logQuery(raw string) string {
	q, err := url.QueryUnescape(raw)
	if err != nil {
		q = raw
	}
	return logText(q)
}

// logText is s cut to logQueryBytes for a log line: a request's path and
// method as much as its query, which a client may make as long as the
// header limit (1 MiB), and each of which was logged whole: a 1 MiB path
// made a 1 MiB line of the access log per request.
func logText(s string) string {
	if len(s) > logQueryBytes {
		s = strings.ToValidUTF8(s[:logQueryBytes], "") + "…"
	}
	return s
}

func requestID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
