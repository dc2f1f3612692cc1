#!/usr/bin/env bash
# make test's two parts, each timed: every test on SQLite (browser tests included), then the
# database tests (marked db or postgres) on a real PostgreSQL server. Each part spreads its
# test files over the machine's cores (pytest-xdist; VOICE_TEST_WORKERS=1 runs them one by
# one). Both parts always run; the exit status is non-zero if either failed.
#   tests/suite.sh PYTHON [PYTEST ARGS...]
set -uo pipefail
cd "$(dirname "$0")/.."
python=$1
shift
workers=(-n "${VOICE_TEST_WORKERS:-auto}" --dist loadfile)
[ "${VOICE_TEST_WORKERS:-}" = "1" ] && workers=(-p no:xdist)
times=()
failed=0

part() {
  local name=$1 start=$SECONDS status
  shift
  "$@"
  status=$?
  local took=$((SECONDS - start))
  times+=("$(printf '%-34s %dm%02ds  %s' "$name" $((took / 60)) $((took % 60)) \
    "$([ $status = 0 ] && echo passed || echo "FAILED (exit $status)")")")
  [ $status = 0 ] || failed=1
}

begin=$SECONDS
part "SQLite, browser tests included" "$python" -m pytest "${workers[@]}" -m "not postgres" "$@"
part "PostgreSQL, database tests" \
  tests/postgres.sh "$python" -m pytest "${workers[@]}" -m "(db or postgres) and not browser" "$@"
total=$((SECONDS - begin))

echo
echo "== Time of each part of the suite"
printf '   %s\n' "${times[@]}"
printf '   %-34s %dm%02ds\n' "both parts" $((total / 60)) $((total % 60))
exit $failed
