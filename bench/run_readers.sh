#!/usr/bin/env bash
# Compares Meshwork's CSV, JSONL and Parquet readers (bench/read_benchmark.cc: every row into typed
# batches, all type checks) with DuckDB on the same file in the same run, using the shared kit
# (../shared/bench: gen.mjs data, duckdb_profile.mjs). DuckDB is timed twice by the kit:
# "checked" (all columns VARCHAR + strict grammar + TRY_CAST + every check of missions.yaml, the
# only DuckDB query that checks types the way the spec asks) and "typed" (DuckDB trusting the
# declared types, no type checks: a pure parsing reference). ratio = duckdb_s / mesh_s (above 1:
# Meshwork is faster).
#
#   bench/run_readers.sh [--rows 1000000] [--threads 2] [--repeat 3] [--bin build/release/bench/read_benchmark]
# Build first: cmake --preset release && cmake --build build/release --target read_benchmark
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KIT=$(cd "$ROOT/../shared/bench" && pwd)
ROWS=1000000
THREADS=2
REPEAT=3
BIN="$ROOT/build/release/bench/read_benchmark"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --bin) BIN=$2; shift 2 ;;
    *) echo "usage: $0 [--rows N] [--threads T] [--repeat R] [--bin PATH]" >&2; exit 2 ;;
  esac
done
[[ -x "$BIN" ]] || { echo "no benchmark binary $BIN: build the release preset first" >&2; exit 2; }
DATA="${MESH_BENCH_DIR:-/tmp/mesh-bench}/data"
RESULTS="${MESH_BENCH_DIR:-/tmp/mesh-bench}/results"
mkdir -p "$RESULTS"

node "$KIT/gen.mjs" --rows "$ROWS" --formats csv,jsonl,parquet >&2

field() {  # field JSON KEY: a number from a flat or nested JSON text
  node -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8"));
           const v = process.argv[1].split(".").reduce((o, k) => o?.[k], j);
           console.log(v ?? "null");' "$2" <<<"$1"
}

printf '%-6s %-8s %10s %14s %10s\n' format engine median_s rows_per_s ratio
for format in csv jsonl; do
  file="$DATA/missions_$ROWS.$format"
  duck=$(node "$KIT/duckdb_profile.mjs" --format "$format" --rows "$ROWS" --threads "$THREADS" \
              --repeat "$REPEAT" --verify "$KIT/expected_${format}_${ROWS}.json" 2>/dev/null ||
         node "$KIT/duckdb_profile.mjs" --format "$format" --rows "$ROWS" --threads "$THREADS" \
              --repeat "$REPEAT")
  mesh=$("$BIN" --descriptor "$KIT/missions.yaml" --file "$file" --threads "$THREADS" --repeat "$REPEAT")
  echo "$duck" > "$RESULTS/readers_duckdb_${format}_${ROWS}.json"
  echo "$mesh" > "$RESULTS/readers_mesh_${format}_${ROWS}.json"
  mesh_s=$(field "$mesh" median_s)
  checked_s=$(field "$duck" checked.median_s)
  typed_s=$(field "$duck" typed.median_s)
  printf '%-6s %-8s %10s %14s %10s\n' "$format" mesh "$mesh_s" "$(field "$mesh" rows_per_s)" "-"
  printf '%-6s %-8s %10s %14s %10s\n' "$format" duck-chk "$checked_s" \
    "$(field "$duck" checked.rows_per_s)" "$(node -e "console.log(($checked_s/$mesh_s).toFixed(2))")"
  printf '%-6s %-8s %10s %14s %10s\n' "$format" duck-typ "$typed_s" \
    "$(field "$duck" typed.rows_per_s)" "$(node -e "console.log(($typed_s/$mesh_s).toFixed(2))")"
  echo "  mesh: $mesh" >&2
done

# Parquet: the reference is DuckDB decoding every column (bench/duckdb_scan.mjs); the kit's
# checked query is reported beside it for scale (it also runs every check of missions.yaml).
file="$DATA/missions_$ROWS.parquet"
scan=$(node "$ROOT/bench/duckdb_scan.mjs" --file "$file" --threads "$THREADS" --repeat "$REPEAT")
duck=$(node "$KIT/duckdb_profile.mjs" --format parquet --rows "$ROWS" --threads "$THREADS" \
            --repeat "$REPEAT" --no-typed)
mesh=$("$BIN" --descriptor "$KIT/missions.yaml" --file "$file" --threads "$THREADS" --repeat "$REPEAT")
echo "$scan" > "$RESULTS/readers_duckdb_scan_parquet_${ROWS}.json"
echo "$duck" > "$RESULTS/readers_duckdb_parquet_${ROWS}.json"
echo "$mesh" > "$RESULTS/readers_mesh_parquet_${ROWS}.json"
mesh_s=$(field "$mesh" median_s)
scan_s=$(field "$scan" median_s)
checked_s=$(field "$duck" checked.median_s)
printf '%-8s %-8s %10s %14s %10s\n' parquet mesh "$mesh_s" "$(field "$mesh" rows_per_s)" "-"
printf '%-8s %-8s %10s %14s %10s\n' parquet duck-scan "$scan_s" "$(field "$scan" rows_per_s)" \
  "$(node -e "console.log(($scan_s/$mesh_s).toFixed(2))")"
printf '%-8s %-8s %10s %14s %10s\n' parquet duck-chk "$checked_s" "$(field "$duck" checked.rows_per_s)" \
  "$(node -e "console.log(($checked_s/$mesh_s).toFixed(2))")"
echo "  mesh: $mesh" >&2
