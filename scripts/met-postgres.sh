#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server on 127.0.0.1 (Debian's postgresql package).
#   scripts/met-postgres.sh make test
# Starts a fresh cluster in a temp dir as the postgres user (the server refuses to run as root),
# exports DATABASE_URL for the command, and always stops and removes the cluster afterwards.
set -euo pipefail

PORT="${PG_PORT:-54329}"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "PostgreSQL ontbreekt: installeer met 'sudo apt-get install postgresql'." >&2
    exit 1
  fi
fi

if [ "$(id -u)" = "0" ]; then
  als_pg() { runuser -u postgres -- "$@"; }
else
  als_pg() { "$@"; }
fi

dir=$(mktemp -d /tmp/leernetwerk-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" = "0" ] && chown postgres: "$dir"
opruimen() {
  als_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap opruimen EXIT

als_pg "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
als_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-k $dir -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') draait op 127.0.0.1:$PORT"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/leernetwerk"
"$@"
