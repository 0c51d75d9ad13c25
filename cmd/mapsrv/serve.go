package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/mapsrv/mapsrv"
	"github.com/mapsrv/mapsrv/extract"
	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/incidents/feature"
	"github.com/mapsrv/mapsrv/incidents/postgis"
	"github.com/mapsrv/mapsrv/web"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "serve")
	addrDef := "127.0.0.1:8080"
	if v := e.getenv("MAPSRV_ADDR"); v != "" {
		addrDef = v
	}
	addr := fs.String("addr", addrDef, "address to listen on (env MAPSRV_ADDR)")
	db := dbFlag(fs, e, "mapsrv.db")
	readDB := fs.String("read-db", e.getenv("MAPSRV_READ_DB"), "postgres://... of a hot standby of --db to read from; writes go to --db (env MAPSRV_READ_DB)")
	tokensFile := fs.String("tokens-file", "", "file of role:token lines for writes (roles: editor, ingest); env MAPSRV_TOKENS holds the same, comma-separated")
	maxBody := fs.Int64("max-body", 1<<20, "largest request body accepted, in bytes")
	maxConnsFlag := fs.Int("max-conns", 0, fmt.Sprintf("most connections held open at once; idle ones are closed first near it, then at it ones whose client has read nothing for 5 s (env MAPSRV_MAX_CONNS; default %d, or what the open-file limit allows)", defaultMaxConns))
	connsPerClientFlag := fs.Int("max-conns-per-client", 0, fmt.Sprintf("most connections one client address (IPv4, IPv6 /64) may hold open; its idle ones are closed first, and one more while all are busy answers 429 (env MAPSRV_MAX_CONNS_PER_CLIENT; default %d; behind a reverse proxy every client shares its address: raise it to --max-conns there)", web.DefaultConnsPerClient))
	streamsFlag := fs.Int("max-streams-per-client", 0, fmt.Sprintf("most live-update streams (/api/events) one client address (IPv4, IPv6 /64) may hold; more answer 429 (env MAPSRV_MAX_STREAMS_PER_CLIENT; default %d; behind a reverse proxy every client shares its address)", web.DefaultStreamsPerClient))
	queryTimeout := fs.Duration("query-timeout", web.DefaultQueryTimeout, "longest a read request (or one page of an export) may run its queries; longer ones answer 503 (env MAPSRV_QUERY_TIMEOUT)")
	var corsOrigins []string
	fs.Func("cors-write-origins", "comma-separated origins allowed to send writes (reads are open to all)", func(v string) error {
		corsOrigins = strings.Split(v, ",")
		return nil
	})
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	tokens, err := loadTokens(e, *tokensFile)
	if err != nil {
		return err
	}
	if err := queryTimeoutFromEnv(fs, e, queryTimeout); err != nil {
		return err
	}
	files := raiseFileLimit()
	connCap, err := maxConns(*maxConnsFlag, e.getenv("MAPSRV_MAX_CONNS"), files)
	if err != nil {
		return err
	}
	connsPerClient, err := connsPerClient(*connsPerClientFlag, e.getenv("MAPSRV_MAX_CONNS_PER_CLIENT"))
	if err != nil {
		return err
	}
	perClient, err := streamsPerClient(*streamsFlag, e.getenv("MAPSRV_MAX_STREAMS_PER_CLIENT"))
	if err != nil {
		return err
	}
	// The log and the batched access log share standard error from two
	// goroutines: one write at a time, so that a writer that is not safe
	// for concurrent use (a test's buffer) is not raced.
	stderr := &lockedWriter{w: e.stderr}
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	limitHeap := e.getenv("GOMEMLIMIT") == ""
	if limitHeap {
		debug.SetMemoryLimit(startHeapLimit) // until warmUp knows what the index holds
	}
	if *readDB != "" && !postgis.IsDSN(*readDB) || *readDB != "" && !postgis.IsDSN(*db) {
		return usageError{"--read-db names a PostgreSQL hot standby (postgres://...) of a PostgreSQL --db"}
	}
	// Listen first: a port in use must not leave a new database file
	// created and seeded behind.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w (another server may be using it: choose an address with --addr or MAPSRV_ADDR)", err)
	}
	defer ln.Close() // on early returns; Shutdown closes it otherwise
	store, err := openSeeded(ctx, *db, *readDB, log)
	if err != nil {
		return err
	}
	defer store.Close()
	gaz, err := loadGazetteer(ctx, store)
	if err != nil {
		return err
	}
	setLocator(store, gaz)
	// A line per request, written in batches: a write system call for each
	// cost about a tenth of a small page's time under load.
	accessOut := newBatchWriter(stderr, accessLogEvery)
	defer accessOut.Close()
	conns := web.NewConnLimit(connCap, connsPerClient)
	handler := web.NewServer(web.Config{Store: store, Places: gaz, Extractor: extract.New(gaz),
		Tokens: tokens, MaxBody: *maxBody, CORSWriteOrigins: corsOrigins, Log: log,
		AccessLog: slog.New(slog.NewJSONHandler(accessOut, nil)), Version: version, QueryTimeout: *queryTimeout,
		StreamsPerClient: perClient})
	srv := &http.Server{
		ConnState:         conns.ConnState,
		ConnContext:       conns.ConnContext,
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	srv.RegisterOnShutdown(handler.CloseStreams)
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "db", displayDSN(*db), "read_db", displayDSN(*readDB), "version", version,
		"max_conns", connCap, "max_conns_per_client", conns.PerClient(), "open_files_limit", files, "max_streams_per_client", perClient)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(conns.Listener(ln)) }()
	go warmUp(ctx, store, limitHeap, log)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests")
	shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// loadTokens reads the write tokens from a file or, without one, MAPSRV_TOKENS.
func loadTokens(e env, file string) (web.Tokens, error) {
	text := e.getenv("MAPSRV_TOKENS")
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return web.Tokens{}, err
		}
		text = string(b)
	}
	return web.ParseTokens(text)
}

// openSeeded opens the database and, when a SQLite one holds no incident at
// all, loads the seed incidents mapsrv ships with. It does not count them:
// at 1,000,000 on a cold disk that took most of a second before serve
// could listen.
func openSeeded(ctx context.Context, path, readDB string, log *slog.Logger) (store, error) {
	store, err := openReplicated(ctx, path, readDB)
	if err != nil {
		return nil, err
	}
	// A damaged database must not be served as ready: a read of every table
	// and index, a few milliseconds at any size, before anything else.
	checked := time.Now()
	if err := store.Ready(ctx); err != nil {
		store.Close()
		return nil, fmt.Errorf("%s failed its start-up check, so it is not served: %w; run 'mapsrv check --db %s' and restore a backup",
			displayDSN(path), err, displayDSN(path))
	}
	log.Info("start-up check passed: every table and index read", "took_ms", time.Since(checked).Milliseconds())
	if why, err := foldMismatch(ctx, store); err != nil {
		log.Warn("case folding not checked", "err", err)
	} else if why != "" {
		log.Warn("text search will miss words: " + why)
	}
	empty, err := store.Empty(ctx)
	if err != nil {
		store.Close()
		return nil, err
	}
	if empty && postgis.IsDSN(path) {
		// Servers sharing a database start together: none seeds it, lest several do.
		log.Info("empty PostGIS database: nothing seeded; fill it with mapsrv import or mapsrv migrate")
	} else if empty {
		seeded, err := store.Import(ctx, feature.Decode(bytes.NewReader(mapsrv.SeedIncidents), incidents.StatusPublished), nil)
		if err != nil {
			store.Close()
			return nil, fmt.Errorf("load seed incidents: %w", err)
		}
		log.Info("empty database: loaded the seed incidents", "count", seeded)
	}
	return store, nil
}

// warmUpDelay is how long warmUp leaves the disk to the first requests.
const warmUpDelay = time.Second

// heapRoom is how far the Go heap may grow past what it holds once the
// index is built, before the collector works harder (a soft limit, which
// GOMEMLIMIT replaces). Without it the heap grew to twice what it held
// before each collection, and further on a busy machine: 300-375 MB at
// 1,000,000 incidents where the index, the response cache and the largest
// pages in flight hold about 120. 128 MB of room gave 306-323 MB at
// 1,000,000 once listings came to build a page in memory before sending it
// (so that a client not reading holds no budget); 96 MB gave 258-282, for
// about a fifth more collector CPU on the country page of 10,000.
//
// The soft limit is the heap once the index is built, plus the response
// cache's budget (web.CacheBytes, empty at that point and filled by the
// first views), plus heapRoom. 96 MB of room, the cache not counted, left
// 64 MB once it filled. Since a page's features are read into lent
// buffers (0.28 MB allocated for a page of 1,000 instead of 0.87), 48 MB
// after the cache runs fewer collections a small page than that did, and
// the peak RSS at 1,000,000 is 15-20 MB lower; 32 MB doubled the
// collections and cost the country page a third more CPU
// (docs/PERFORMANCE.md, round 8).
const heapRoom = 48 << 20

// startHeapLimit is the soft limit until the index is built (192 MB, as
// before heapRoom was cut: the build's own garbage needs the room).
const startHeapLimit = 192 << 20

// heapLimit is the soft limit for a heap that holds heapAlloc bytes once
// the index is built.
func heapLimit(heapAlloc uint64) int64 {
	return int64(heapAlloc) + web.CacheBytes + heapRoom
}

// warmUp runs, once serve listens, what makes requests cheaper but may
// take seconds at a million incidents, one after the other so as not to
// compete with the first requests for the cores and the disk: it builds the
// in-memory index that aggregate counts and pages come from (until then SQL
// answers), sets the heap's soft limit above what then lives in it, and
// encodes the features an import or an older mapsrv left unencoded (until
// then they are encoded on each read).
func warmUp(ctx context.Context, store store, limitHeap bool, log *slog.Logger) {
	// On a cold disk the first requests would queue behind the build's
	// read of every point (half a gigabyte of PostgreSQL's heap at
	// 1,000,000): let them go first. An aggregate starts the build itself.
	select {
	case <-time.After(warmUpDelay):
	case <-ctx.Done():
		return
	}
	if p, ok := store.(interface{ Preload(context.Context) error }); ok {
		start := time.Now()
		if err := p.Preload(ctx); err != nil {
			log.Warn("building the index", "err", err)
		} else {
			log.Info("index built", "seconds", time.Since(start).Seconds())
		}
	}
	if limitHeap {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		debug.SetMemoryLimit(heapLimit(m.HeapAlloc))
	}
	logFillDistricts(ctx, store, log) // incidents stored without their district
	if f, ok := store.(featureFiller); ok {
		logFill(ctx, f, log)
	}
}

// logFill runs a store's FillFeatures, logging its progress.
func logFill(ctx context.Context, f featureFiller, log *slog.Logger) {
	logged := 0
	n, err := f.FillFeatures(ctx, func(n int) {
		if n-logged >= 100000 {
			log.Info("encoding stored features", "done", n)
			logged = n
		}
	})
	if err != nil && ctx.Err() == nil {
		log.Warn("encoding stored features", "err", err, "done", n)
	} else if n > 0 {
		log.Info("encoded stored features", "count", n)
	}
}

// lockedWriter serialises writes to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
