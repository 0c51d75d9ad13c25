//go:build !unix

package cputime

import "time"

// Process is unknown here: callers fall back to wall time.
func Process() time.Duration { return 0 }
