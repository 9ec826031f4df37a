#!/usr/bin/env bash
# The ctest fixture `postgres_server`: one throwaway PostgreSQL server for every PostgreSQL test
# of a ctest run (tests/cmake/postgres.cmake). `start STATE` starts it with
# scripts/pg-test-server.sh and writes the script's export lines (PGTEST_URI, PGTEST_DIR, ...) to
# the file STATE, where the tests find it (src/catalog/postgres_test_server.h); `stop STATE`
# stops it and removes STATE. A failed start fails the fixture, and with it every test that
# needs the server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state=${2:?usage: $0 start|stop STATE_FILE}
case "${1:-}" in
  start)
    mkdir -p "$(dirname "$state")"
    "$root/scripts/pg-test-server.sh" start >"$state.new"
    mv "$state.new" "$state"
    cat "$state"
    ;;
  stop)
    [[ -f $state ]] || exit 0
    dir=$(sed -n 's/.*PGTEST_DIR=\([^ ]*\).*/\1/p' "$state")
    rm -f "$state"
    [[ -n $dir ]] && "$root/scripts/pg-test-server.sh" stop "$dir"
    ;;
  *) echo "usage: $0 start|stop STATE_FILE" >&2; exit 2 ;;
esac
