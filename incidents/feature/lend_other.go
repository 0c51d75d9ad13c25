//go:build !unix

package feature

// lendAlloc returns n bytes for a lent buffer: in the Go heap, where
// anonymous memory cannot be mapped.
func lendAlloc(n int) []byte { return make([]byte, n) }

// lendRelease leaves a buffer of lendAlloc to the collector.
func lendRelease([]byte) {}
