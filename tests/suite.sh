#!/usr/bin/env bash
# make test's two parts, each timed: every test on SQLite (browser tests included), and the
# database tests (marked db or postgres) on a real PostgreSQL server. The two parts run at the
# same time: neither keeps both cores busy on its own (the browser tests wait on Chromium and
# the live server, the PostgreSQL tests on the server), so together they finish sooner than
# one after the other. The SQLite part, the longer, spreads its test files over the machine's
# cores (pytest-xdist); the PostgreSQL part runs in one process beside it, which with its
# server keeps the rest of the machine busy: a second PostgreSQL worker only added a process
# competing for the same cores, and the whole run took longer (bench/RESULTS.md). The PostgreSQL
# part's output is kept and shown after the SQLite part's, so the two never interleave.
# VOICE_TEST_WORKERS=1 runs the parts one after the other and their tests one by one (N > 1:
# N workers for each part). Both parts always run; the exit status is non-zero if either failed.
#   tests/suite.sh PYTHON [PYTEST ARGS...]
set -uo pipefail
cd "$(dirname "$0")/.."
python=$1
shift
workers=(-n "${VOICE_TEST_WORKERS:-auto}" --dist loadfile)
pg_workers=(-p no:xdist)
together=1
if [ "${VOICE_TEST_WORKERS:-}" = "1" ]; then
  workers=(-p no:xdist)
  together=0
elif [ -n "${VOICE_TEST_WORKERS:-}" ]; then
  pg_workers=("${workers[@]}")
fi
# Keep compiled modules between processes: otherwise each worker of each part compiles every
# module of Voice and rewrites every test module's asserts again, seconds of CPU each.
export PYTHONDONTWRITEBYTECODE=
logs=$(mktemp -d)
# Each test's files (its SQLite database, a Chromium profile) in memory where the machine has
# /dev/shm: a test writes, syncs and deletes them within a second, and waits for no disk.
scratch=$logs
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  scratch=$(mktemp -d /dev/shm/voice-tests.XXXXXX)
  export TMPDIR=$scratch
fi
trap 'rm -rf "$logs" "$scratch"' EXIT

# part NAME COMMAND...: runs COMMAND and writes its time and result to $logs/NAME.time.
part() {
  local name=$1 start=$SECONDS status
  shift
  "$@"
  status=$?
  local took=$((SECONDS - start))
  printf '%-34s %dm%02ds  %s\n' "$name" $((took / 60)) $((took % 60)) \
    "$([ $status = 0 ] && echo passed || echo "FAILED (exit $status)")" >"$logs/$name.time"
  return $status
}

sqlite=(part "SQLite, browser tests included" "$python" -m pytest "${workers[@]}"
  -m "not postgres" "$@")
postgresql=(part "PostgreSQL, database tests" tests/postgres.sh "$python" -m pytest
  "${pg_workers[@]}" -m "(db or postgres) and not browser" "$@")

begin=$SECONDS
failed=0
if [ $together = 1 ]; then
  "${postgresql[@]}" >"$logs/postgresql.out" 2>&1 &
  background=$!
  "${sqlite[@]}" || failed=1
  wait $background || failed=1
  echo
  echo "== The PostgreSQL part (it ran at the same time)"
  cat "$logs/postgresql.out"
else
  "${sqlite[@]}" || failed=1
  "${postgresql[@]}" || failed=1
fi
total=$((SECONDS - begin))

echo
echo "== Time of each part of the suite"
cat "$logs/SQLite, browser tests included.time" "$logs/PostgreSQL, database tests.time" |
  sed 's/^/   /'
printf '   %-34s %dm%02ds\n' "both parts" $((total / 60)) $((total % 60))
exit $failed
