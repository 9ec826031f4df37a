#!/usr/bin/env bash
# Catalog operations per second, SQLite vs PostgreSQL, in the same run
# (bench/catalog_benchmark.cc): CommitVersion, GetProduct, ListVersions, Search on each, plus
# PostgreSQL with 4 threads on one catalog. Starts a throwaway PostgreSQL server
# (scripts/pg-test-server.sh) and restarts it with durable settings (the test settings turn
# fsync, synchronous_commit and full_page_writes off; SQLite runs with synchronous=FULL), runs
# the benchmark and prints a Markdown table: ops/s per backend and ratio = postgres / sqlite
# (above 1: PostgreSQL is faster).
#
#   bench/run_catalog.sh [--min-time 2] [--bin build/release/bench/catalog_benchmark]
# Build first: cmake --preset release && cmake --build build/release --target catalog_benchmark
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/build/release/bench/catalog_benchmark"
MIN_TIME=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --min-time) MIN_TIME=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    *) echo "usage: $0 [--min-time SECONDS] [--bin PATH]" >&2; exit 2 ;;
  esac
done
[[ -x "$BIN" ]] || { echo "no benchmark binary $BIN: build the release preset first" >&2; exit 2; }

eval "$("$ROOT/scripts/pg-test-server.sh" start)"
trap '"$ROOT/scripts/pg-test-server.sh" stop "$PGTEST_DIR"' EXIT
as_server_user() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_server_user /usr/lib/postgresql/15/bin/pg_ctl -D "$PGTEST_DIR/data" -l "$PGTEST_DIR/server.log" \
  -w -m fast -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTEST_DIR" restart >/dev/null
echo "PostgreSQL: fsync=$(psql -Atc 'SHOW fsync') synchronous_commit=$(psql -Atc \
  'SHOW synchronous_commit') full_page_writes=$(psql -Atc 'SHOW full_page_writes')" >&2

RESULTS="${MESH_BENCH_DIR:-/tmp/mesh-bench}/results"
mkdir -p "$RESULTS"
OUT="$RESULTS/catalog_$(date -u +%Y%m%dT%H%M%SZ).json"
MESH_BENCH_POSTGRES_URI="$PGTEST_URI" "$BIN" --benchmark_min_time="$MIN_TIME" \
  --benchmark_format=json --benchmark_out="$OUT" --benchmark_out_format=json >/dev/null
echo "raw results: $OUT" >&2

node - "$OUT" <<'JS'
const run = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const rate = {};
for (const b of run.benchmarks) {
  if (b.error_occurred) { console.error(`${b.name}: ${b.error_message}`); process.exitCode = 1; continue; }
  const [op, backend] = b.name.split("/");
  const threads = (b.name.match(/threads:(\d+)/) || [, "1"])[1];
  rate[`${op}|${backend}|${threads}`] = b.items_per_second;
}
const fmt = (x) => (x === undefined ? "–" : Math.round(x).toLocaleString("en-US"));
console.log("| operation | threads | SQLite ops/s | PostgreSQL ops/s | ratio (pg/sqlite) |");
console.log("|---|---|---|---|---|");
for (const op of ["CommitVersion", "GetProduct", "ListVersions", "Search"]) {
  const s = rate[`${op}|sqlite|1`], p = rate[`${op}|postgres|1`];
  console.log(`| ${op} | 1 | ${fmt(s)} | ${fmt(p)} | ${s && p ? (p / s).toFixed(2) : "–"} |`);
  const p4 = rate[`${op}|postgres|4`];
  if (p4) console.log(`| ${op} | 4 | – | ${fmt(p4)} | ${s ? (p4 / s).toFixed(2) : "–"} (vs 1-thread SQLite) |`);
}
JS
