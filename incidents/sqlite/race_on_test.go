//go:build race

package sqlite

// raceEnabled: the race detector makes sync.Pool drop a share of what is put
// back, so allocation counts say nothing under it.
const raceEnabled = true
