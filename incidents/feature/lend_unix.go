//go:build unix

package feature

import "syscall"

// lendAlloc returns n bytes of anonymous memory mapped for a lent buffer,
// outside the Go heap, or from the heap if the system refuses.
func lendAlloc(n int) []byte {
	b, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, n)
	}
	return b
}

// lendRelease gives a buffer of lendAlloc back to the system: nothing may
// use it after. One made in the heap (the system refused) is left to the
// collector.
func lendRelease(b []byte) {
	syscall.Munmap(b)
}
