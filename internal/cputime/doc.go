// Package cputime reads the CPU time the process has used: on a shared
// machine it tells what a piece of work costs when wall time does not, so
// tests can compare the work of two sizes of input and benchmarks report it.
package cputime
