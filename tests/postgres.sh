#!/usr/bin/env bash
# Run a command against a real, throwaway PostgreSQL server on 127.0.0.1.
#   tests/postgres.sh COMMAND [ARGS...]
# Starts a server in a fresh data folder on a free port, exports VOICE_TEST_DATABASE_URL,
# runs COMMAND, then stops the server and deletes the folder, whatever COMMAND returned.
# initdb refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "FAILED: PostgreSQL is not installed, so the PostgreSQL suite cannot run in CI." >&2
    exit 1
  fi
  echo "################################################################################"
  echo "# SKIPPED: the PostgreSQL suite did not run: PostgreSQL is not installed."
  echo "# Install it with: apt-get install postgresql"
  echo "################################################################################"
  exit 0
fi

as_owner=()
if [ "$(id -u)" = "0" ]; then
  as_owner=(runuser -u postgres --)
fi

# In memory where the machine has /dev/shm: a throwaway server needs no disk (and fsync is off).
shm=/dev/shm
[ -d $shm ] && [ -w $shm ] || shm=${TMPDIR:-/tmp}
data=$(mktemp -d $shm/voice-pg.XXXXXX)
chmod 755 "$data"
[ ${#as_owner[@]} -gt 0 ] && chown postgres: "$data"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$data/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap stop EXIT

"${as_owner[@]}" "$pg_bin/initdb" -D "$data/db" -U voice --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k $data -c fsync=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
"${as_owner[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U voice voice_test

export VOICE_TEST_DATABASE_URL="postgresql+psycopg://voice@127.0.0.1:$port/voice_test"
echo "== PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
