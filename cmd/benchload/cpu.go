package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// CPU time is what a view costs whatever else the machine runs: a busy
// machine slows every request, but each still takes about the same CPU. The
// ms of CPU a request takes (in mapsrv, and in the PostgreSQL backends
// serving it) bounds the rate on an idle machine: two cores give 2,000 ms of
// CPU a second.

// clockTicks is the kernel's USER_HZ, the unit of /proc/PID/stat's times.
const clockTicks = 100

// cpuOf reads the CPU time (user and system) of processes, in ms.
func cpuOf(pids []int) float64 {
	total := 0.0
	for _, pid := range pids {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		// The command may hold spaces: fields count from after its ')'.
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) < 13 {
			continue
		}
		utime, _ := strconv.ParseFloat(f[11], 64)
		stime, _ := strconv.ParseFloat(f[12], 64)
		total += (utime + stime) * 1000 / clockTicks
	}
	return total
}

// backends lists the PostgreSQL backends connected to the database of dsn
// (mapsrv's pool holds them open for the whole run): the processes whose
// CPU a PostGIS server's requests cost besides its own.
func backends(dsn string) ([]int, error) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int])
}
