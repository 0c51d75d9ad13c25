//go:build !race

package postgis

const raceEnabled = false
