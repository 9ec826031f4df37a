#!/usr/bin/env bash
# `mesh serve` under concurrent clients on loopback (wrk, from Debian): requests/s, p50 and p99 for
#   - the empty handler:  GET /healthz (the same server, gate and access log; the handler only
#                         answers {"status":"ok"}; public, so no token lookup),
#   - who-am-I:           GET /api/v1/me (token lookup + authorization, a trivial handler),
#   - a metadata GET:     GET /api/v1/products/missions (token, authorization, catalog lookup, JSON),
#   - a small data read:  GET /api/v1/products/missions/data?format=csv (200 rows streamed as CSV,
#                         read metered and audited),
# all against one server in the same run, then the server's peak RSS.
#   bench/run_server.sh [--mesh PATH] [--threads N] [--connections C] [--duration S] [--rows R]
# Defaults: build/release/mesh, 8 server threads, 32 connections, 10 s per endpoint, 200 rows.
# The demo mesh (examples/prophecy-hall) is published into a fresh store under $MESH_BENCH_DIR
# (default /tmp/mesh-bench/server); the server runs with --quiet (no access log on stdout).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mesh="$root/build/release/mesh" threads=8 connections=32 duration=10 rows=200
while [ $# -gt 0 ]; do
  case "$1" in
    --mesh) mesh="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --rows) rows="$2"; shift 2 ;;
    *) echo "run_server.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x "$mesh" ] || { echo "run_server.sh: no mesh binary at $mesh (cmake --preset release && cmake --build build/release --target mesh)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "run_server.sh: wrk is missing (apt-get install wrk)" >&2; exit 2; }

work="${MESH_BENCH_DIR:-/tmp/mesh-bench}/server"
workspace="$root/examples/prophecy-hall"
rm -rf "$work" && mkdir -p "$work"
export MESH_NOW="${MESH_NOW:-2026-11-20T08:00:00Z}" ASAN_OPTIONS=detect_leaks=0
"$mesh" demo --workspace-dir "$workspace" --out "$work/demo" --store "$work/store" --rows "$rows" \
  > "$work/demo.log" 2>&1 || { echo "run_server.sh: mesh demo failed, see $work/demo.log" >&2; exit 1; }
catalog="sqlite:$work/store/catalog.db" lake="file:$work/store/lake"
token=$("$mesh" -C "$workspace" token create --person gideon --json --catalog "$catalog" |
        sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "run_server.sh: could not create a token" >&2; exit 1; }
unset MESH_NOW  # the server's clock is the real one: tokens and grants are checked against it

port=$(( 20000 + RANDOM % 20000 ))
"$mesh" -C "$workspace" serve --listen "127.0.0.1:$port" --threads "$threads" --quiet \
  --catalog "$catalog" --lake "$lake" --spool-dir "$work/spool" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.1
done
base="http://127.0.0.1:$port"
auth="Authorization: Bearer $token"
curl -sf -H "$auth" "$base/api/v1/products/missions" >/dev/null ||
  { echo "run_server.sh: the metadata GET fails; see $work/serve.log" >&2; exit 1; }

# One wrk run: prints "name req/s p50_ms p99_ms non2xx".
measure() {
  local name="$1" path="$2" header="$3" out
  out=$(wrk -t 2 -c "$connections" -d "${duration}s" --latency -H "$header" "$base$path")
  echo "$out" > "$work/wrk_$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<< "$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<< "$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<< "$out")
  errors=$(awk '/Non-2xx or 3xx responses/ { print $5 }' <<< "$out")
  printf '%-16s %12s %10s %10s %8s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
}

printf 'mesh serve, %s threads; wrk -t 2 -c %s -d %ss; %s rows per data read; %s cores\n' \
  "$threads" "$connections" "$duration" "$rows" "$(nproc)"
printf '%-16s %12s %10s %10s %8s\n' endpoint requests/s p50 p99 non2xx
measure empty_handler /healthz "X-Bench: 1"
measure who_am_i /api/v1/me "$auth"
measure metadata_get /api/v1/products/missions "$auth"
measure data_read_csv "/api/v1/products/missions/data?format=csv" "$auth"
rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")
printf 'server peak RSS: %d MB\n' $(( rss_kb / 1024 ))
