package web

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// DefaultQueryTimeout is how long one read request (or one page of an
// export) may run its queries when Config.QueryTimeout is not set: well
// under the server's write timeout, so that the answer saying so still
// reaches the client.
const DefaultQueryTimeout = 15 * time.Second

// queryTimeout is the cause of a request's context ending at its deadline,
// telling it apart from a client that left.
type queryTimeout struct{ limit time.Duration }

func (e queryTimeout) Error() string {
	return fmt.Sprintf("the request ran for %s, the most one may: narrow bbox, datetime, q or filter", e.limit)
}

// withDeadline bounds the time a read request may take, whatever its filter:
// the stores' queries end at the deadline (PostgreSQL cancels the statement,
// SQLite interrupts it) and the client gets a 503 saying why.
func withDeadline(limit time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeoutCause(r.Context(), limit, queryTimeout{limit})
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// statusClientClosed is logged for a request whose client left before its
// answer (nginx's 499): not a server error, and nobody reads the answer.
const statusClientClosed = 499

// contextStatus returns the status of a request whose context ended: 503
// for its deadline (with the reason), statusClientClosed for a client that
// left; ok is false while the context is live.
func contextStatus(ctx context.Context) (status int, reason error, ok bool) {
	if ctx.Err() == nil {
		return 0, nil, false
	}
	if qt, isTimeout := context.Cause(ctx).(queryTimeout); isTimeout {
		return http.StatusServiceUnavailable, qt, true
	}
	return statusClientClosed, context.Cause(ctx), true
}
