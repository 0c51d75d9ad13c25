package sqlite

import "time"

// stamp is how an instant is stored: RFC 3339 in UTC, to the microsecond
// (the digits past it dropped), as PostgreSQL keeps it, so that what one
// store holds and exports the other holds alike.
func stamp(t time.Time) string {
	return t.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano)
}

// parseStamp reads a stored instant to the microsecond: rows stored before
// [stamp] kept nanoseconds.
func parseStamp(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	return t.Truncate(time.Microsecond), err
}
