package incidents

import (
	"context"
	"iter"
	"time"

	"github.com/paulmach/orb"
)

// Store keeps incidents. Implementations (incidents/sqlite; a PostGIS one can
// follow) are safe for concurrent use and make every write atomic: a call that
// returns an error has stored nothing.
type Store interface {
	// Find returns the incidents matching f, newest first (see [Cursor]).
	Find(ctx context.Context, f Filter) ([]Incident, error)
	// Get returns the incident with the given ID whatever its status, or an error
	// wrapping [ErrNotFound].
	Get(ctx context.Context, id int64) (Incident, error)
	// Add validates and stores incidents in one transaction, giving each its new
	// ID in order. Their IDs, if set, are ignored; zero timestamps are set to now.
	Add(ctx context.Context, incs []Incident) ([]int64, error)
	// Update replaces the stored incident with inc.ID (all fields, sources
	// included), keeping its creation time. It returns the stored result, or an
	// error wrapping [ErrNotFound] or [ErrInvalid].
	Update(ctx context.Context, inc Incident) (Incident, error)
	// Edit reads the incident with the given ID, lets edit derive its new
	// state and stores that (as Update does) in one write transaction, so
	// that no other write comes between the read and the write: two editors
	// changing different fields both keep their change. An error from edit
	// (a failed precondition, say), or the new state's validation error, is
	// returned as it is and stores nothing.
	Edit(ctx context.Context, id int64, edit func(current Incident) (Incident, error)) (Incident, error)
	// Delete removes an incident; an error wraps [ErrNotFound] if there is none.
	Delete(ctx context.Context, id int64) error
	// DeleteIf is Delete when check, given the incident in the write
	// transaction, returns nil; check's error is returned as it is.
	DeleteIf(ctx context.Context, id int64, check func(current Incident) error) error
	// AddSources links more sources to an incident, skipping ones it has.
	// Sources stored already keep what they say. Every other write is an
	// editor's: what it says of a stored source (title, publisher,
	// published; an empty field keeps the stored one) corrects it for every
	// incident citing it.
	AddSources(ctx context.Context, id int64, srcs []Source) error
	// AddReport stores what ingesting one report yields (see [Report]) in one
	// write transaction and returns the drafts' new IDs. A report stored
	// before (by its [SourceKey]: ingested, cited by an incident, or
	// proposed) stores nothing and returns an error wrapping [ErrDuplicate],
	// however many posts of it arrive at once. Sources it cites that are
	// stored already keep what they say: ingestion never overwrites an
	// editor's words. A proposal for an incident gone meanwhile is dropped.
	AddReport(ctx context.Context, r Report) ([]int64, error)
	// Proposals returns the pending proposals, oldest first; with an
	// incident ID above 0, only that incident's; with after above 0, only
	// those whose ID is above it; with limit above 0, at most limit of them.
	// An ingest token can propose without end, so that a reader serving
	// them (GET /api/proposals) pages them.
	Proposals(ctx context.Context, incidentID, after int64, limit int) ([]Proposal, error)
	// AcceptProposal links a proposal's source to its incident (as
	// AddSources does) and drops the proposal; RejectProposal only drops it.
	// Either returns an error wrapping [ErrNotFound] when there is none.
	AcceptProposal(ctx context.Context, id int64) (Proposal, error)
	RejectProposal(ctx context.Context, id int64) (Proposal, error)
	// Import stores every incident of seq in one transaction, all or nothing,
	// and returns how many. It stops at the first error seq yields, or the first
	// invalid incident, naming its position. Progress, if not nil, is called
	// now and then with the count so far.
	Import(ctx context.Context, seq iter.Seq2[Incident, error], progress func(n int)) (int, error)
	// Count returns how many incidents are stored, drafts included.
	Count(ctx context.Context) (int, error)
	// Aggregate counts the incidents matching f on the cells of g, for
	// zoomed-out maps; it returns the cells holding any, by row then column.
	// f.Bounds narrow the grid further; f.Limit and f.After are ignored.
	Aggregate(ctx context.Context, f Filter, g Grid) ([]Cell, error)
	// Histogram counts the incidents matching f per date bin of unit (chosen
	// by the span of their dates when empty); f.Bounds apply, f.Limit and
	// f.After are ignored. An error wraps [ErrBadHistogram] beyond MaxBins.
	Histogram(ctx context.Context, f Filter, unit BinUnit) (Histogram, error)
	// CountByAdmin counts the incidents matching f, and the killed they
	// report, per governorate (level 1) or district (level 2), by P-code;
	// f.Limit and f.After are ignored.
	CountByAdmin(ctx context.Context, f Filter, level int) ([]AdminCount, error)
	// Extent describes the published incidents.
	Extent(ctx context.Context) (Extent, error)
	// Version changes whenever any incident is written: a cheap validator for
	// caches (ETags), consistent across processes sharing one database.
	Version(ctx context.Context) (int64, error)
	// PublicVersion changes only with writes that change what the public
	// reads (a published incident, its sources, or what they say), to the
	// Version that write committed: drafts, proposals and refused writes
	// leave it, so public ETags and caches do not tell of unpublished work.
	PublicVersion(ctx context.Context) (int64, error)
	// Ready reads a little of every table (and, in SQLite, every index): a
	// check cheap at any size that the store can answer queries, for
	// serving's start and /readyz. The error names what failed.
	Ready(ctx context.Context) error
	// Check verifies the stored data beyond what each write keeps (indexes
	// in step, dates in the accepted range) and returns the problems found;
	// none means it is sound. It may read every row.
	Check(ctx context.Context) ([]string, error)
	Close() error
}

// Extent is the spatial and temporal reach of a set of incidents.
type Extent struct {
	Count int
	Bound orb.Bound // meaningful only when Count > 0
	First time.Time // earliest date_from
	Last  time.Time // latest date_to
}
