#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for `make test-rust`: Debian's server on a loopback port, in target/pg.
#
#   tools/test-postgres.sh install  install Debian's postgresql package if no initdb is found
#   tools/test-postgres.sh start    (install, then) a fresh cluster, started; prints its URL last
#   tools/test-postgres.sh stop     stop it and delete its data (quiet when nothing runs)
#   tools/test-postgres.sh url      print the URL: postgres://postgres@127.0.0.1:PORT/postgres
#
# PG_TEST_PORT (55432) is the port; PG_TEST_DIR (target/pg) is where the cluster lives.
# PostgreSQL refuses to run as root, so as root (CI) the server runs as the package's postgres user.
# That user may not reach target/ (a checkout under /root, mode 700): the cluster then lives in a
# directory of /tmp instead, named in PG_TEST_DIR/where so that `stop` finds it.
set -euo pipefail

port=${PG_TEST_PORT:-55432}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state=${PG_TEST_DIR:-$repo/target/pg}
url="postgres://postgres@127.0.0.1:$port/postgres"

say() { echo "test-postgres: $*" >&2; }

# The newest installed server's binaries (Debian keeps them off PATH, one directory per version).
pg_bin() {
	local dir
	dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
	if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
	dir=$(command -v initdb 2>/dev/null) && { dirname "$dir"; return; }
	return 1
}

install() {
	pg_bin >/dev/null && return
	local sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	say "no initdb found: installing Debian's postgresql"
	$sudo apt-get update
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
	pg_bin >/dev/null || { say "postgresql is installed but no initdb was found"; exit 1; }
}

# Runs a command as the user owning the cluster: postgres when we are root, else ourselves. From /,
# so the server does not complain about a current directory it cannot read.
as_owner() {
	local owner=$1; shift
	if [ "$(id -u)" = 0 ] && [ "$owner" != root ]; then
		(cd / && runuser -u "$owner" -- "$@")
	else
		(cd / && "$@")
	fi
}

# The directory holding data/ and server.log: PG_TEST_DIR, or the one in PG_TEST_DIR/where.
cluster_dir() {
	local dir=$state
	[ -s "$state/where" ] && dir=$(cat "$state/where")
	# stop deletes what this names: never anything but the two places start uses.
	case $dir in
		"$state" | /tmp/watchers-pg.?*) echo "$dir" ;;
		*) say "$state/where names $dir, which is not a cluster of this script's"; return 1 ;;
	esac
}

stop() {
	local dir data owner bin
	dir=$(cluster_dir)
	data=$dir/data
	if [ -f "$data/postmaster.pid" ]; then
		owner=$(stat -c %U "$data")
		bin=$(pg_bin) || { say "a cluster is in $data, but no pg_ctl is installed to stop it"; exit 1; }
		if as_owner "$owner" "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
			as_owner "$owner" "$bin/pg_ctl" stop -D "$data" -m immediate -s
			say "stopped the cluster in $dir"
		fi
	fi
	rm -rf "$data"
	if [ "$dir" != "$state" ]; then
		# The /tmp fallback: keep the server's log beside the where file, then drop the directory.
		[ -f "$dir/server.log" ] && cp "$dir/server.log" "$state/server.log" 2>/dev/null || true
		rm -rf "$dir"
	fi
	rm -f "$state/where"
}

start() {
	install
	local bin dir owner=$(id -un)
	bin=$(pg_bin)
	stop
	if (: > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		say "127.0.0.1:$port is taken: stop what listens there (the tests would run against it) or set PG_TEST_PORT"
		exit 1
	fi

	mkdir -p "$state"
	dir=$state
	if [ "$(id -u)" = 0 ]; then
		owner=postgres
		id postgres >/dev/null 2>&1 || { say "there is no postgres user (Debian's postgresql package makes one)"; exit 1; }
		if ! runuser -u postgres -- test -x "$state"; then
			dir=$(mktemp -d /tmp/watchers-pg.XXXXXX)
			chown postgres: "$dir"
			echo "$dir" > "$state/where"
			say "the postgres user cannot reach $state: the cluster lives in $dir instead"
		fi
	fi
	rm -f "$dir/server.log"
	mkdir -m 700 "$dir/data"
	touch "$dir/server.log"
	[ "$owner" = "$(id -un)" ] || chown "$owner": "$dir/data" "$dir/server.log"

	as_owner "$owner" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync \
		> "$dir/initdb.log" 2>&1 || { say "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }
	# Only loopback TCP (no unix socket), and none of the durability a throwaway cluster does not need.
	cat >> "$dir/data/postgresql.conf" <<-EOF

		# tools/test-postgres.sh: a throwaway cluster for the tests
		listen_addresses = '127.0.0.1'
		port = $port
		unix_socket_directories = ''
		max_connections = 300
		fsync = off
		synchronous_commit = off
		full_page_writes = off
	EOF

	local ok=
	if as_owner "$owner" "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 30 -s; then
		for _ in $(seq 60); do
			if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then ok=1; break; fi
			sleep 0.5
		done
	fi
	if [ -z "$ok" ]; then
		say "the cluster did not start; the end of $dir/server.log:"
		tail -n 30 "$dir/server.log" >&2
		exit 1
	fi
	say "PostgreSQL $("$bin/postgres" --version | awk '{ print $3 }') runs in $dir/data, logging to $dir/server.log"
	echo "$url"
}

case ${1:-} in
	install) install ;;
	start) start ;;
	stop) stop ;;
	url) echo "$url" ;;
	*) echo "usage: $0 install|start|stop|url" >&2; exit 2 ;;
esac
