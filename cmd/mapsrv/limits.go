package main

import (
	"flag"
	"fmt"
	"strconv"
	"syscall"
	"time"

	"github.com/mapsrv/mapsrv/web"
)

// defaultMaxConns is the connection cap when neither --max-conns nor
// MAPSRV_MAX_CONNS sets one, lowered to what the open-file limit allows.
const defaultMaxConns = 8192

// fdReserve is the file descriptors kept for everything but connections
// (the database and its WAL, the pool's connections, logs): 256, or a
// quarter of a smaller limit.
const fdReserve = 256

// raiseFileLimit raises the soft limit on open files to the hard limit, the
// most a process may, and returns it (0 when it cannot be read). Idle
// keep-alive connections used to exhaust a soft limit of 1,024.
func raiseFileLimit() uint64 {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return 0
	}
	if lim.Cur < lim.Max {
		raised := lim
		raised.Cur = lim.Max
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &raised); err == nil {
			lim = raised
		}
	}
	return lim.Cur
}

// maxConns is the connection cap: flag (or MAPSRV_MAX_CONNS) when set above
// 0, else the default; either way within the open files the process may
// hold, less fdReserve.
func maxConns(flag int, env string, files uint64) (int, error) {
	n, err := countSetting("max-conns", flag, "MAPSRV_MAX_CONNS", env)
	if err != nil {
		return 0, err
	}
	if n == 0 {
		n = defaultMaxConns
	}
	if reserve := min(fdReserve, files/4); files > 0 && uint64(n) > files-reserve {
		n = int(files - reserve)
	}
	return max(n, 2), nil
}

// queryTimeoutFromEnv sets the query timeout from MAPSRV_QUERY_TIMEOUT when
// the flag was not given, and checks it: it must leave the server's write
// timeout time to send the answer saying the query was cut.
func queryTimeoutFromEnv(fs *flag.FlagSet, e env, d *time.Duration) error {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "query-timeout" })
	if v := e.getenv("MAPSRV_QUERY_TIMEOUT"); v != "" && !given {
		parsed, err := time.ParseDuration(v)
		if err != nil {
			return usageError{fmt.Sprintf("MAPSRV_QUERY_TIMEOUT: %q is not a duration such as 15s", v)}
		}
		*d = parsed
	}
	if *d <= 0 || *d > maxQueryTimeout {
		return usageError{fmt.Sprintf("--query-timeout: %s is not between 0 and %s (the server's write timeout less time to answer)", *d, maxQueryTimeout)}
	}
	return nil
}

// maxQueryTimeout leaves 10 s of the server's 60 s write timeout to answer.
const maxQueryTimeout = 50 * time.Second

// streamsPerClient is the most live-update streams one client may hold:
// the flag (or MAPSRV_MAX_STREAMS_PER_CLIENT) when set above 0, else
// web.DefaultStreamsPerClient. Behind a reverse proxy every client has the
// proxy's address: give the server-wide 512 there to cap streams only as a whole.
func streamsPerClient(flag int, env string) (int, error) {
	n, err := countSetting("max-streams-per-client", flag, "MAPSRV_MAX_STREAMS_PER_CLIENT", env)
	if n == 0 && err == nil {
		n = web.DefaultStreamsPerClient
	}
	return n, err
}

// connsPerClient is the most connections one client may hold open: the
// flag (or MAPSRV_MAX_CONNS_PER_CLIENT) when set above 0, else
// web.DefaultConnsPerClient. Behind a reverse proxy every client has the
// proxy's address: give --max-conns there to cap connections only as a
// whole.
func connsPerClient(flag int, env string) (int, error) {
	n, err := countSetting("max-conns-per-client", flag, "MAPSRV_MAX_CONNS_PER_CLIENT", env)
	if n == 0 && err == nil {
		n = web.DefaultConnsPerClient
	}
	return n, err
}

// countSetting reads a count given by the flag --name, or when the flag is 0
// by the environment variable envName (its value env): 0 when neither sets
// it, a usage error when either is not a whole number.
func countSetting(name string, flag int, envName, env string) (int, error) {
	n := flag
	if n == 0 && env != "" {
		v, err := strconv.Atoi(env)
		if err != nil || v < 0 {
			return 0, usageError{fmt.Sprintf("%s: %q is not a whole number", envName, env)}
		}
		n = v
	}
	if n < 0 {
		return 0, usageError{fmt.Sprintf("--%s: %d is negative", name, n)}
	}
	return n, nil
}
