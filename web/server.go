// Package web is mapsrv's HTTP face: an OGC API – Features service at /api
// (GeoJSON layers by bounding box, date range and incident type), the
// gazetteer's endpoints, and the embedded Leaflet map page at /. Handlers are
// thin: they parse, call the store or gazetteer, and encode.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gorilla/mux"
	"golang.org/x/sync/semaphore"

	"github.com/mapsrv/mapsrv/incidents"
	"github.com/mapsrv/mapsrv/ingest"
)

// incidentStore is what the handlers need of an incidents.Store.
type incidentStore interface {
	Find(ctx context.Context, f incidents.Filter) ([]incidents.Incident, error)
	Get(ctx context.Context, id int64) (incidents.Incident, error)
	Add(ctx context.Context, incs []incidents.Incident) ([]int64, error)
	Edit(ctx context.Context, id int64, edit func(incidents.Incident) (incidents.Incident, error)) (incidents.Incident, error)
	DeleteIf(ctx context.Context, id int64, check func(incidents.Incident) error) error
	AddReport(ctx context.Context, r incidents.Report) ([]int64, error)
	Proposals(ctx context.Context, incidentID, after int64, limit int) ([]incidents.Proposal, error)
	AcceptProposal(ctx context.Context, id int64) (incidents.Proposal, error)
	RejectProposal(ctx context.Context, id int64) (incidents.Proposal, error)
	Aggregate(ctx context.Context, f incidents.Filter, g incidents.Grid) ([]incidents.Cell, error)
	Histogram(ctx context.Context, f incidents.Filter, unit incidents.BinUnit) (incidents.Histogram, error)
	CountByAdmin(ctx context.Context, f incidents.Filter, level int) ([]incidents.AdminCount, error)
	Extent(ctx context.Context) (incidents.Extent, error)
	Version(ctx context.Context) (int64, error)
	PublicVersion(ctx context.Context) (int64, error)
}

// Config is what a server is built from.
type Config struct {
	Store     incidentStore
	Places    Places           // may be nil: the gazetteer endpoints then answer 404
	Extractor ingest.Extractor // may be nil: /api/ingest then answers 404
	Tokens    Tokens           // bearer tokens for writes; none: writes answer 401
	MaxBody   int64            // largest request body in bytes; 0 means 1 MiB
	// CORSWriteOrigins may send writes from other origins; reads are open to all.
	CORSWriteOrigins []string
	Log              *slog.Logger
	// AccessLog gets a line per request; nil means Log.
	AccessLog *slog.Logger
	Version   string // mapsrv's version, shown in the landing page
	// QueryTimeout bounds each read request (each page of an export); 0
	// means DefaultQueryTimeout.
	QueryTimeout time.Duration
	// StreamsPerClient is the most live-update streams (GET /api/events) one
	// client address may hold; more are answered 429. 0 means
	// DefaultStreamsPerClient.
	StreamsPerClient int
}

// Server is the handler serving every route: the API, then the page.
type Server struct {
	http.Handler
	hub *versionHub
}

// CloseStreams ends the live-update streams (GET /api/events), which would
// otherwise keep a graceful shutdown waiting: call it as shutdown starts
// (http.Server.RegisterOnShutdown). Pages reconnect to another server.
func (s *Server) CloseStreams() { s.hub.close() }

// NewServer returns the handler serving every route: the API, then the page.
func NewServer(cfg Config) *Server {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	r := mux.NewRouter()
	r.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		writeError(w, req, cfg.Log, errNotFound)
	})
	r.MethodNotAllowedHandler = http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if allow := allowedMethods(r, req); allow != "" {
			w.Header().Set("Allow", allow) // RFC 9110: a 405 says what the resource takes
		}
		writeProblem(w, http.StatusMethodNotAllowed, req.Method+" is not allowed on "+req.URL.Path)
	})
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = DefaultQueryTimeout
	}
	api := r.PathPrefix("/api").Subrouter()
	// Every read but the streams (export, events) ends at the query timeout.
	stream := func(path string, h http.Handler) { api.Handle(path, h).Methods(http.MethodGet, http.MethodHead) }
	get := func(path string, h http.Handler) { stream(path, withDeadline(cfg.QueryTimeout, h)) }
	doc := func(h http.Handler) http.Handler { return withFormat("json", cfg.Log, h) }
	get("", doc(handleLanding(cfg.Version)))
	get("/", doc(handleLanding(cfg.Version)))
	get("/conformance", doc(handleConformance()))
	get("/openapi", doc(handleOpenAPI()))
	get("/docs", withFormat("html", cfg.Log, handleDocs()))
	get("/collections", doc(handleCollections(cfg.Store, cfg.Places, cfg.Log)))
	get("/collections/incidents", doc(handleIncidentsCollection(cfg.Store, cfg.Log)))
	get("/collections/incidents/schema", doc(handleSchema(incidentSchema())))
	get("/collections/incidents/feature-schema", doc(handleSchema(incidentFeatureSchema())))
	get("/collections/incidents/queryables", doc(handleQueryables()))
	cache := newResponseCache()
	budget := newPageBudget()
	// A request with a CQL2 filter waits for its turn (filterturns.go) after
	// the cache, which answers it without running it, and before the
	// summaries' slots, so that filters hold at most filterTurnsAtOnce of those.
	turns := newFilterTurns(filterTurnsAtOnce, filterTurnsPerClient)
	// A district no outline holds is refused before its turn.
	districts := &knownDistricts{places: cfg.Places}
	filtered := func(h http.Handler) http.Handler {
		return withKnownDistrict(districts, cfg.Log, withFilterTurn(turns, cfg.Store, cfg.Log, h))
	}
	get("/collections/incidents/items", withCache(cache, cfg.Store, filtered(withGzip(handleIncidentItems(cfg.Store, incidents.StatusPublished, budget, cfg.Log)))))
	summaries := semaphore.NewWeighted(summariesAtOnce)
	get("/collections/incidents/aggregate", withCache(cache, cfg.Store, filtered(withSlots(summaries, cfg.Log, withGzip(handleIncidentAggregate(cfg.Store, cfg.Log))))))
	get("/collections/incidents/histogram", withCache(cache, cfg.Store, filtered(withSlots(summaries, cfg.Log, withGzip(handleIncidentHistogram(cfg.Store, cfg.Log))))))
	get("/collections/incidents/counts", withCache(cache, cfg.Store, filtered(withSlots(summaries, cfg.Log, withGzip(handleIncidentCounts(cfg.Store, cfg.Log))))))
	stream("/collections/incidents/export", withKnownDistrict(districts, cfg.Log, withGzip(handleIncidentExport(cfg.Store, newFilterTurns(exportsAtOnce, exportsPerClient), cfg.QueryTimeout, cfg.Log))))
	get("/collections/incidents/items/{id}", handleIncidentItem(cfg.Store, incidents.StatusPublished, cfg.Log))
	hub := newVersionHub(cfg.Store, cfg.Log, cfg.StreamsPerClient)
	stream("/events", handleEvents(hub, cfg.Log))
	registerPlaceRoutes(get, cfg.Places, cfg.Log)
	registerWriteRoutes(api, cfg, budget)
	m := newMetrics(cfg.Store, cache)
	r.Use(m.middleware, withHostCheck(cfg.Log), withQueryCheck(cfg.Log))
	r.Handle("/tiles/incidents/{z:[0-9]+}/{x:[0-9]+}/{y:[0-9]+}.mvt", withDeadline(cfg.QueryTimeout, withCache(cache, cfg.Store, filtered(withSlots(summaries, cfg.Log, withGzip(handleIncidentTile(cfg.Store, cfg.Log))))))).Methods(http.MethodGet, http.MethodHead)
	// Probes and metrics are read: any other method is a 405, as elsewhere.
	r.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) }).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/readyz", handleReady(cfg.Store, &m.health, cfg.Log)).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/metrics", m.handler()).Methods(http.MethodGet, http.MethodHead)
	r.PathPrefix("/").Handler(handleStatic(cfg.Log)).Methods(http.MethodGet, http.MethodHead)
	access := cfg.AccessLog
	if access == nil {
		access = cfg.Log
	}
	return &Server{Handler: withRequestLog(access, withSecurityHeaders(withCORS(cfg.CORSWriteOrigins, withConnRefusal(withPlainPath(cfg.Log, r))))), hub: hub}
}

// contentSecurityPolicy allows no inline script and no third-party script: text
// from news sources can never run in the page.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; " +
	"style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"frame-ancestors 'none'; form-action 'self'"

// registerWriteRoutes adds the authenticated routes: OGC API – Features Part 4
// writes on both collections, the drafts collection, ingestion, and the
// proposed sources editors accept or reject.
func registerWriteRoutes(api *mux.Router, cfg Config, budget *pageBudget) {
	limit := cfg.MaxBody
	if limit <= 0 {
		limit = 1 << 20
	}
	// Every editor's read runs under the query timeout, as the public ones do.
	editor := func(path string, h http.Handler, methods ...string) {
		if slices.Contains(methods, http.MethodGet) {
			h = withDeadline(cfg.QueryTimeout, h)
		}
		api.Handle(path, requireRole(cfg.Tokens, []Role{RoleEditor}, h)).Methods(methods...)
	}
	editor("/collections/drafts/items", handleIncidentItems(cfg.Store, incidents.StatusDraft, budget, cfg.Log), http.MethodGet, http.MethodHead)
	editor("/collections/drafts/items/{id}", handleIncidentItem(cfg.Store, incidents.StatusDraft, cfg.Log), http.MethodGet, http.MethodHead)
	// Writes take no query parameter: one is a 400, never ignored.
	write := func(h http.Handler) http.Handler { return withoutParams(cfg.Log, h) }
	for coll, def := range map[string]incidents.Status{"incidents": incidents.StatusPublished, "drafts": incidents.StatusDraft} {
		items := "/collections/" + coll + "/items"
		editor(items, write(handleIncidentCreate(cfg.Store, def, limit, cfg.Log)), http.MethodPost)
		editor(items+"/{id}", write(handleIncidentReplace(cfg.Store, def, limit, cfg.Log)), http.MethodPut)
		editor(items+"/{id}", write(handleIncidentPatch(cfg.Store, def, limit, cfg.Log)), http.MethodPatch)
		editor(items+"/{id}", write(handleIncidentDelete(cfg.Store, def, cfg.Log)), http.MethodDelete)
	}
	editor("/proposals", handleProposals(cfg.Store, cfg.Log), http.MethodGet, http.MethodHead)
	editor("/proposals/{id}/accept", write(handleProposalResolve(cfg.Store, cfg.Store.AcceptProposal, cfg.Log)), http.MethodPost)
	editor("/proposals/{id}/reject", write(handleProposalResolve(cfg.Store, cfg.Store.RejectProposal, cfg.Log)), http.MethodPost)
	if cfg.Extractor != nil {
		api.Handle("/ingest", requireRole(cfg.Tokens, []Role{RoleEditor, RoleIngest},
			write(handleIngest(cfg.Store, cfg.Extractor, limit, cfg.Log)))).Methods(http.MethodPost)
	}
}

func withSecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// allowedMethods lists the methods the router serves at req's path, for a
// 405's Allow header.
func allowedMethods(r *mux.Router, req *http.Request) string {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := req.Clone(req.Context())
		probe.Method = m
		var rm mux.RouteMatch
		if r.Match(probe, &rm) && rm.MatchErr == nil {
			allow = append(allow, m)
		}
	}
	return strings.Join(allow, ", ")
}
