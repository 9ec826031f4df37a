#!/usr/bin/env bash
# `mesh check` vs DuckDB on the shared benchmark set (../shared/bench), 2 threads, with peak RSS.
#   bench/run_check.sh [--rows N] [--format csv|jsonl|parquet|all] [--repeat R] [--mesh PATH]
# Defaults: 10M rows, all formats, 3 repeats, build/release/mesh. Runs the kit's run.sh (which
# generates the data if missing, times DuckDB and mesh in the same run and prints the ratio),
# then one more `mesh check` per format under /usr/bin/time -v for the peak RSS, and prints the
# unique checks' key-table bytes from mesh's report. Data and results go to $MESH_BENCH_DIR
# (default /tmp/mesh-bench).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kit="$(cd "$root/../shared/bench" && pwd)"
rows=10000000 format=all repeat=3 mesh="$root/build/release/mesh"
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --format) format="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --mesh) mesh="$2"; shift 2 ;;
    *) echo "run_check.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
export MESH_BENCH_DIR="${MESH_BENCH_DIR:-/tmp/mesh-bench}"
export MESH_NOW="${MESH_NOW:-2026-11-20T12:00:00Z}"
[ -x "$mesh" ] || { echo "run_check.sh: no mesh binary at $mesh (cmake --preset release && cmake --build build/release --target mesh)" >&2; exit 2; }

"$kit/run.sh" --rows "$rows" --format "$format" --threads 2 --repeat "$repeat" --mesh "$mesh"

case "$format" in all) formats="csv jsonl parquet" ;; *) formats="$format" ;; esac
printf '\n%-8s %12s %22s\n' format peak_rss_mb unique_tables_mb
for f in $formats; do
  data="$MESH_BENCH_DIR/data/missions_${rows}.${f}"
  report="$MESH_BENCH_DIR/results/rss_${f}_${rows}.json"
  set +e
  /usr/bin/time -v "$mesh" check "$kit/missions.yaml" "$data" --json > "$report" 2> "$report.time"
  set -e
  rss_kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$report.time")
  tables=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1]));
    const seen = new Set(); let bytes = 0;
    for (const c of Object.values(r.checks)) if (c.kind === "unique" && !seen.has(c.memory_bytes + c.detail)) { seen.add(c.memory_bytes + c.detail); bytes = Math.max(bytes, c.memory_bytes); }
    console.log((bytes / 1048576).toFixed(0));' "$report" 2>/dev/null || echo "?")
  printf '%-8s %12.0f %22s\n' "$f" "$(awk -v k="$rss_kb" 'BEGIN { print k / 1024 }')" "$tables"
done
