#!/bin/sh
# pg.sh start|stop|dsn: a throwaway PostgreSQL + PostGIS cluster for tests.
#
#   start  installs Debian's postgresql and postgresql-15-postgis-3 when missing,
#          runs initdb in a temporary directory, starts the server on a
#          loopback port, creates the database and the postgis extension, and
#          prints its DSN (postgres://...) on standard output; logs go to stderr.
#   standby  starts a streaming hot standby of the cluster in MAPSRV_PG_PRIMARY
#          (a directory start made) in MAPSRV_PG_DIR: pg_basebackup -R, then
#          the server on another loopback port; prints its DSN.
#   stop   stops the server and removes the directory.
#   dsn    prints the DSN of the running cluster.
#
# PostgreSQL refuses to run as root: as root, the cluster belongs to the
# "postgres" user that the Debian package creates. Nothing listens beyond
# 127.0.0.1 and authentication is "trust" on loopback: never use this for data.
#
# Environment: MAPSRV_PG_DIR (default ${TMPDIR:-/tmp}/mapsrv-pg-$UID),
# MAPSRV_PG_PORT (default: the first free one from 55432), MAPSRV_PG_OPTS
# (more server settings, e.g. "-c shared_buffers=1GB" for load tests).
set -eu

DIR=${MAPSRV_PG_DIR:-${TMPDIR:-/tmp}/mapsrv-pg-$(id -u)}
PORT=${MAPSRV_PG_PORT:-}
DB=mapsrv_test
say() { echo "pg.sh: $*" >&2; }

bindir() {
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && { echo "$d"; return 0; }
	done
	return 1
}

install() {
	if bindir >/dev/null && ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
		return 0
	fi
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	say "installing postgresql and postgresql-15-postgis-3 with apt-get"
	$sudo apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
		postgresql postgresql-15-postgis-3 >&2
}

# as runs a command as the cluster's owner.
as() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

dsn() {
	[ -n "$PORT" ] || PORT=$(cat "$DIR/port" 2>/dev/null) || { say "no cluster in $DIR"; exit 1; }
	user=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)
	echo "postgres://$user@127.0.0.1:$PORT/$DB?sslmode=disable"
}

start() {
	install
	bin=$(bindir)
	if [ -f "$DIR/data/postmaster.pid" ]; then
		say "a cluster is already running in $DIR"
		dsn
		return 0
	fi
	rm -rf "$DIR"
	mkdir -p "$DIR"
	[ "$(id -u)" = 0 ] && chown postgres "$DIR"
	as "$bin/initdb" -D "$DIR/data" -U "$( [ "$(id -u)" = 0 ] && echo postgres || id -un)" \
		--auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
		{ say "initdb failed:"; cat "$DIR/initdb.log" >&2; exit 1; }
	ports=${PORT:-$(seq 55432 55450)}
	serve
	as "$bin/psql" -q -h 127.0.0.1 -p "$PORT" -d postgres -c "CREATE DATABASE $DB" >&2
	as "$bin/psql" -q -h 127.0.0.1 -p "$PORT" -d "$DB" -c "CREATE EXTENSION postgis" >&2
	say "PostgreSQL with PostGIS on 127.0.0.1:$PORT, data in $DIR"
	dsn
}

# serve starts the cluster in $DIR/data on the first free port of $ports.
serve() {
	for PORT in $ports; do
		if as "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
			-o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off ${MAPSRV_PG_OPTS:-}" start >&2; then
			echo "$PORT" >"$DIR/port"
			break
		fi
	done
	[ -f "$DIR/port" ] || { say "the server did not start:"; cat "$DIR/server.log" >&2; exit 1; }
}

standby() {
	bin=$(bindir)
	primary=${MAPSRV_PG_PRIMARY:?MAPSRV_PG_PRIMARY names the directory of the primary}
	pport=$(cat "$primary/port") || { say "no cluster in $primary"; exit 1; }
	rm -rf "$DIR"
	mkdir -p "$DIR"
	[ "$(id -u)" = 0 ] && chown postgres "$DIR"
	as "$bin/pg_basebackup" -h 127.0.0.1 -p "$pport" -U "$( [ "$(id -u)" = 0 ] && echo postgres || id -un)" \
		-D "$DIR/data" -R -X stream --checkpoint=fast >"$DIR/basebackup.log" 2>&1 ||
		{ say "pg_basebackup failed:"; cat "$DIR/basebackup.log" >&2; exit 1; }
	rm -f "$DIR/data/postmaster.pid"
	ports=${PORT:-$(seq $((pport + 1)) $((pport + 20)))}
	serve
	say "streaming standby of 127.0.0.1:$pport on 127.0.0.1:$PORT, data in $DIR"
	dsn
}

stop() {
	if [ -f "$DIR/data/postmaster.pid" ]; then
		as "$(bindir)/pg_ctl" -D "$DIR/data" -m fast -w stop >&2
	fi
	rm -rf "$DIR"
}

case "${1:-}" in
start) start ;;
standby) standby ;;
stop) stop ;;
dsn) dsn ;;
*)
	echo "usage: scripts/pg.sh start|standby|stop|dsn" >&2
	exit 2
	;;
esac
