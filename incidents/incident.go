// Package incidents defines the security incidents mapsrv stores and serves, the
// filters that select them, and the Store interface its backends implement
// (incidents/sqlite, the embedded default, and incidents/postgis). It knows
// nothing of HTTP or SQL.
//
// Locations are WGS 84 points in orb's [lon, lat] order. Dates are civil dates,
// held as time.Time at midnight UTC.
package incidents

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/paulmach/orb"

	"github.com/mapsrv/mapsrv/geo"
)

// Incident is one reported security event at a place on the map.
type Incident struct {
	ID            int64
	Type          Type
	DateFrom      time.Time // first day it may have happened, midnight UTC; zero only for a draft whose date is unknown
	DateTo        time.Time // last day; equal to DateFrom for a single day
	DatePrecision DatePrecision
	PlaceNameAR   string
	PlaceNameEN   string
	Admin1PCode   string // OCHA governorate P-code, SY01..SY14
	Admin1Name    string
	Admin2PCode   string // OCHA district P-code (SY0703) holding Location; "" when not placed finer than the governorate, or outside every district
	Location      orb.Point
	GeoPrecision  GeoPrecision // how closely Location stands for where it happened
	Killed        *int         // nil when not reported
	Injured       *int
	Arrested      *int
	SummaryAR     string
	SummaryEN     string
	Sources       []Source
	Status        Status
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Source is a report an incident was taken from.
type Source struct {
	Title     string
	URL       string // http or https only
	Publisher string
	Published time.Time // zero when unknown
}

// CanonicalURL is u as a source is stored: scheme and host in lower case,
// without the default port, the fragment, or the tracking parameters that
// sharing adds (utm_*, fbclid, gclid and the like), so that one report posted
// from two links is one source and ingesting it twice stores nothing new. The
// path and the other parameters are kept as written, in their order and
// their encoding (an Arabic path stays readable). A u that is not an http or
// https URL is returned as it is, for CheckSourceURL to refuse; so is one of
// over four times MaxURLBytes, more than tracking parameters ever add, for
// the length check to refuse without splitting it first; and so is one that
// is not valid UTF-8, for the text check to refuse.
func CanonicalURL(u string) string {
	if len(u) > 4*MaxURLBytes || !utf8.ValidString(u) {
		// Not valid UTF-8 either: strings.ToLower would write U+FFFD for
		// the bad bytes, and the text check would pass what it must refuse.
		return u
	}
	t := strings.TrimSpace(u)
	scheme, rest, ok := strings.Cut(t, "://")
	scheme = strings.ToLower(scheme)
	if !ok || scheme != "http" && scheme != "https" {
		return u
	}
	rest, _, _ = strings.Cut(rest, "#")
	end := strings.IndexAny(rest, "/?")
	if end < 0 {
		end = len(rest)
	}
	authority, tail := rest[:end], rest[end:]
	userinfo, hostport := "", authority
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		userinfo, hostport = authority[:at+1], authority[at+1:]
	}
	defaultPort := ":80"
	if scheme == "https" {
		defaultPort = ":443"
	}
	hostport = strings.ToLower(hostport)
	// The default port goes only from a host then left without a colon
	// (or an IPv6 address in brackets): "a.example:443:443" stays as it
	// is for CheckSourceURL to refuse, where it became a valid
	// "a.example:443" that made another key canonical again.
	if h := strings.TrimSuffix(hostport, defaultPort); h != hostport &&
		(!strings.Contains(h, ":") || strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]")) {
		hostport = h
	}
	path, query, hasQuery := strings.Cut(tail, "?")
	if hasQuery {
		var kept []string
		for _, kv := range strings.Split(query, "&") {
			name, _, _ := strings.Cut(kv, "=")
			if kv != "" && !trackingParam(strings.ToLower(name)) {
				kept = append(kept, kv)
			}
		}
		if len(kept) > 0 {
			path += "?" + strings.Join(kept, "&")
		}
	}
	return scheme + "://" + userinfo + hostport + path
}

// trackingParam reports whether a query parameter only says how a link was
// shared, not which page it is.
func trackingParam(name string) bool {
	switch name {
	case "fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "_ga", "yclid", "twclid":
		return true
	}
	return strings.HasPrefix(name, "utm_")
}

// SourceKey identifies a source: by its URL, or by title, publisher and
// published date when it has none. Two sources with one key are one report.
func SourceKey(s Source) string {
	if s.URL != "" {
		return s.URL
	}
	published := ""
	if !s.Published.IsZero() {
		published = s.Published.Format(DateLayout)
	}
	return s.Title + "|" + s.Publisher + "|" + published
}

// FormatDate writes a civil date as YYYY-MM-DD, or "" for the zero time (an
// unknown date).
func FormatDate(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(DateLayout)
}

// ParseDate reads what FormatDate writes.
func ParseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(DateLayout, s)
}

// ParseDateField reads a date a client or a file wrote in field: "" is no
// date; anything else is a date YYYY-MM-DD, and 0001-01-01 is refused as
// outside the dates accepted. It is the zero time, which stands for no date
// everywhere (FormatDate, CheckDate, the stores' NULL), so it was taken for
// one: a source's published date of 0001-01-01 was stored as unknown
// without a word, where 0001-01-02 was refused naming the range.
func ParseDateField(field, s string) (time.Time, error) {
	d, err := ParseDate(s)
	if err != nil {
		return d, fmt.Errorf("%w: %s: %q is not a date YYYY-MM-DD", ErrInvalid, field, s)
	}
	if s != "" && d.IsZero() {
		return d, fmt.Errorf("%w: %s: %s is outside the dates accepted, %s..%s", ErrInvalid, field,
			s, EarliestDate.Format(DateLayout), LatestDate.Format(DateLayout))
	}
	return d, nil
}

// DateLayout is how civil dates are written everywhere: ISO 8601 calendar dates.
const DateLayout = "2006-01-02"

// EarliestDate and LatestDate bound every date an incident or a source may
// carry: reports of events from 1900 to 2100. A date outside is a typo or an
// attack (year 1, year 9999), and one such incident used to stretch every
// date query's index walk over the whole table.
var (
	EarliestDate = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	LatestDate   = time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC)
)

// CheckDate reports whether d, a civil date (zero: unknown), lies within
// EarliestDate..LatestDate; the error names field and the range.
func CheckDate(field string, d time.Time) error {
	if d.IsZero() || !d.Before(EarliestDate) && !d.After(LatestDate) {
		return nil
	}
	return fmt.Errorf("%w: %s: %s is outside the dates accepted, %s..%s", ErrInvalid, field,
		d.Format(DateLayout), EarliestDate.Format(DateLayout), LatestDate.Format(DateLayout))
}

// MappedArea is where an incident may lie: Syria's box (35.6–42.4° E, 32.3–37.3°
// N) with about 2° around it, 1° to the west where the sea begins: room for
// incidents across a border (a strike in the Bekaa, a camp in Jordan or Iraq),
// while a point at [0, 0], one in Paris, or Damascus with its latitude and
// longitude swapped is refused.
var MappedArea = orb.Bound{Min: orb.Point{34.5, 30.0}, Max: orb.Point{44.5, 39.5}}

// Validation errors. Validate wraps ErrInvalid; callers test with errors.Is.
var (
	ErrInvalid  = errors.New("incidents: invalid incident")
	ErrNotFound = errors.New("incidents: not found")
)

// ErrBusy is a write that waited past its store's limit for another write
// to end (SQLite has one writer: another process's import holds it for the
// whole file). Nothing was changed; the write may be sent again.
var ErrBusy = errors.New("incidents: the database is busy with another write")

// StoreError is how a store reports a failure: err with the store's name
// and what it was doing (format and args), unless err is the caller's, an
// incident or proposal not found (ErrNotFound) or refused as invalid
// (ErrInvalid). Those reach API clients as a 404's or 400's detail, which
// must read the same whichever store is behind the API, as a read's does.
func StoreError(store string, err error, format string, args ...any) error {
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrInvalid) || errors.Is(err, ErrBusy) {
		return err
	}
	return fmt.Errorf(store+": "+format+": %w", append(args, err)...)
}

// CheckSourceCount refuses an incident citing n sources, more than
// MaxSources, as Validate does; the stores check it too where they link
// sources to a stored incident (a proposal accepted), which Validate does not
// see: accepting proposals had linked a 101st source and more, after which
// every edit of the incident was refused.
func CheckSourceCount(n int) error {
	if n > MaxSources {
		return fmt.Errorf("%w: sources: %d sources; an incident cites at most %d", ErrInvalid, n, MaxSources)
	}
	return nil
}

// Validate reports the first way inc breaks the rules every stored incident keeps:
// a known type, date precision, geo precision and status; date_from not after
// date_to; dates within EarliestDate..LatestDate and a date precision that fits
// them (DatePrecision.Spans); a valid point within MappedArea; a P-code of the form
// SY01..SY14 when given; counts not negative; source URLs http or https; text
// valid UTF-8.
func (inc *Incident) Validate() error {
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrInvalid, field, fmt.Sprintf(format, args...))
	}
	switch {
	case !slices.Contains(Types, inc.Type):
		return bad("incident_type", "%q is not one of %s", inc.Type, joinVocab(Types))
	case !slices.Contains(DatePrecisions, inc.DatePrecision) && !(inc.DatePrecision == "" && inc.DateFrom.IsZero()):
		return bad("date_precision", "%q is not one of %s", inc.DatePrecision, joinVocab(DatePrecisions))
	case !slices.Contains(GeoPrecisions, inc.GeoPrecision):
		return bad("geo_precision", "%q is not one of %s", inc.GeoPrecision, joinVocab(GeoPrecisions))
	case !slices.Contains(Statuses, inc.Status):
		return bad("status", "%q is not one of %s", inc.Status, joinVocab(Statuses))
	case inc.DateFrom.IsZero() != inc.DateTo.IsZero():
		return bad("date_from", "date_from and date_to are both given or, for a draft whose date is unknown, both null")
	case inc.DateFrom.IsZero() && inc.Status == StatusPublished:
		return bad("date_from", "a published incident needs date_from and date_to")
	case inc.DateFrom.IsZero() && inc.DatePrecision != "":
		return bad("date_precision", "must be empty while the date is unknown")
	case inc.DateFrom.After(inc.DateTo):
		return bad("date_from", "%s is after date_to %s", inc.DateFrom.Format(DateLayout), inc.DateTo.Format(DateLayout))
	case inc.Admin1PCode != "" && !IsAdmin1PCode(inc.Admin1PCode):
		return bad("admin1_pcode", "%q is not an OCHA governorate P-code SY01..SY14", inc.Admin1PCode)
	case inc.Admin2PCode != "" && !IsAdmin2PCode(inc.Admin2PCode):
		return bad("admin2_pcode", "%q is not an OCHA district P-code (a governorate's and two digits, such as SY0703)", inc.Admin2PCode)
	}
	if err := CheckDate("date_from", inc.DateFrom); err != nil {
		return err
	}
	if err := CheckDate("date_to", inc.DateTo); err != nil {
		return err
	}
	if !inc.DatePrecision.Spans(inc.DateFrom, inc.DateTo) {
		return bad("date_precision", "%q does not fit %s..%s: a day's dates are the same, a month's lie in one calendar month, a year's in one year; use %q for a span of days",
			inc.DatePrecision, inc.DateFrom.Format(DateLayout), inc.DateTo.Format(DateLayout), DateRange)
	}
	if err := geo.CheckPoint(inc.Location); err != nil {
		return bad("geometry", "%v", err)
	}
	if !MappedArea.Contains(inc.Location) {
		return bad("geometry", "[%g, %g] (longitude, latitude) is outside the area mapped, longitude %g..%g and latitude %g..%g: Syria and its borderlands",
			inc.Location.Lon(), inc.Location.Lat(), MappedArea.Min.Lon(), MappedArea.Max.Lon(), MappedArea.Min.Lat(), MappedArea.Max.Lat())
	}
	for name, n := range map[string]*int{"killed": inc.Killed, "injured": inc.Injured, "arrested": inc.Arrested} {
		switch {
		case n != nil && *n < 0:
			return bad(name, "%d is negative", *n)
		case n != nil && *n > MaxCount:
			return bad(name, "%d is more than any report counts (at most %d)", *n, MaxCount)
		}
	}
	for _, t := range []struct {
		name, text string
		most       int
	}{{"place_name_ar", inc.PlaceNameAR, MaxNameBytes}, {"place_name_en", inc.PlaceNameEN, MaxNameBytes},
		{"summary_ar", inc.SummaryAR, MaxSummaryBytes}, {"summary_en", inc.SummaryEN, MaxSummaryBytes},
		{"admin1_name", inc.Admin1Name, MaxNameBytes}} {
		if err := CheckText(t.name, t.text, t.most); err != nil {
			return err
		}
	}
	if err := CheckSourceCount(len(inc.Sources)); err != nil {
		return err
	}
	for i, s := range inc.Sources {
		field := fmt.Sprintf("sources[%d].", i)
		// A source of nothing (a null or {} in the sources array) was stored
		// as one, cited and shown blank; ingestion asks the same of a report.
		if s.URL == "" && s.Title == "" {
			return fmt.Errorf("%w: sources[%d]: a source needs a url or a title", ErrInvalid, i)
		}
		if err := CheckSourceURL(field+"url", s.URL); err != nil {
			return err
		}
		for _, c := range []struct {
			name, text string
			most       int
		}{{"url", s.URL, MaxURLBytes}, {"title", s.Title, MaxTitleBytes}, {"publisher", s.Publisher, MaxPublisherBytes}} {
			if err := CheckText(field+c.name, c.text, c.most); err != nil {
				return err
			}
		}
		if err := CheckDate(field+"published", s.Published); err != nil {
			return err
		}
	}
	return nil
}

// Limits of what one incident may hold. No report counts more than MaxCount
// dead, injured or arrested (PostgreSQL's columns hold up to 2^31-1; SQLite
// took any number). A source is known by its URL, or by its title,
// publisher and date (SourceKey), which both stores index: these bound that
// key well under PostgreSQL's 2,704-byte index entry, which a 500 KB URL
// once overran with a 500. Names and summaries are bounded too: every page
// listing an incident carries its text, and an import once stored a 100 MB
// summary that every such page would then have read and sent. So are its
// sources: an editor once stored an incident citing 10,000 (an 800 KB
// feature in every page listing it, where the listings' budget counts
// features, not bytes); the most-reported events cite a few dozen.
const (
	MaxCount          = 1_000_000
	MaxNameBytes      = 1024
	MaxSummaryBytes   = 32 << 10
	MaxURLBytes       = 2048
	MaxTitleBytes     = 1024
	MaxPublisherBytes = 512
	MaxSources        = 100
)

// CitingEncodedAtOnce is the most incidents citing a source whose stored
// features a correction of that source encodes again in its own write.
// Past it the write marks the source stale and leaves its incidents'
// features to a background pass: readers encode those from their rows
// meanwhile, so the write's cost no longer grows with the incidents citing
// the source (20,000 citing one dataset's URL: 0.5-0.8 s a correction).
// The stores' schemas hold the same number (the stale_sources triggers).
const CitingEncodedAtOnce = 200

// CheckSourceURL refuses a source URL a reader should not be sent to: one
// that is not http or https, has no host, or carries a user name or
// password (published with the incident, they would be anyone's). An empty
// URL is a source known by its title only.
func CheckSourceURL(field, u string) error {
	if u == "" {
		return nil
	}
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return fmt.Errorf("%w: %s: only http and https URLs are accepted", ErrInvalid, field)
	}
	parsed, err := url.Parse(u)
	switch {
	case err != nil:
		return fmt.Errorf("%w: %s: not a URL", ErrInvalid, field)
	case parsed.Host == "":
		return fmt.Errorf("%w: %s: no host", ErrInvalid, field)
	case parsed.User != nil:
		return fmt.Errorf("%w: %s: a URL with a user name or password is not accepted", ErrInvalid, field)
	}
	return nil
}

// CheckText refuses text that is not valid UTF-8, holds a NUL character
// (which PostgreSQL cannot store: the stores must agree) or is longer than
// most bytes, when most is above 0.
func CheckText(field, s string, most int) error {
	switch {
	case !utf8.ValidString(s):
		return fmt.Errorf("%w: %s: not valid UTF-8", ErrInvalid, field)
	case strings.IndexByte(s, 0) >= 0:
		return fmt.Errorf("%w: %s: holds a NUL character", ErrInvalid, field)
	case most > 0 && len(s) > most:
		return fmt.Errorf("%w: %s: %d bytes long, at most %d", ErrInvalid, field, len(s), most)
	}
	return nil
}

// IsAdmin2PCode reports whether p has the form of an OCHA district P-code: a
// governorate's (SY01..SY14) and two digits.
func IsAdmin2PCode(p string) bool {
	return len(p) == 6 && IsAdmin1PCode(p[:4]) && p[4] >= '0' && p[4] <= '9' && p[5] >= '0' && p[5] <= '9'
}

// IsAdmin1PCode reports whether p is an OCHA governorate P-code, SY01..SY14.
func IsAdmin1PCode(p string) bool {
	if len(p) != 4 || p[:2] != "SY" || p[2] < '0' || p[2] > '9' || p[3] < '0' || p[3] > '9' {
		return false
	}
	n := int(p[2]-'0')*10 + int(p[3]-'0')
	return n >= 1 && n <= 14
}

func joinVocab[T ~string](v []T) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
