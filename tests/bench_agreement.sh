#!/usr/bin/env bash
# The DuckDB agreement test: generates the shared benchmark data set (../shared/bench/gen.mjs),
# runs `mesh check missions.yaml <data> --json` on it with the benchmark's MESH_NOW, and compares
# every check of expected_<format>_<rows>.json (the counts DuckDB produces for the same checks)
# with mesh's report. Fails with one line per difference.
#   bench_agreement.sh MESH_BINARY FORMAT ROWS
# Needs node >= 20; installs the kit's npm dependencies into $MESH_BENCH_DIR on first use.
set -euo pipefail

mesh="$1" format="$2" rows="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kit="$(cd "$here/../../shared/bench" && pwd)"
export MESH_BENCH_DIR="${MESH_BENCH_DIR:?set MESH_BENCH_DIR to a folder under the build dir}"
export MESH_NOW="2026-11-20T12:00:00Z"
expected="$kit/expected_${format}_${rows}.json"
data="$MESH_BENCH_DIR/data/missions_${rows}.${format}"
out="$MESH_BENCH_DIR/results/agreement_${format}_${rows}.json"
mkdir -p "$MESH_BENCH_DIR/results"

# Generation is deterministic; an existing file is reused. A lock keeps concurrent tests
# (one per format) from installing the npm dependencies twice at the same time.
exec 9>"$MESH_BENCH_DIR/.gen.lock"
flock 9
node "$kit/gen.mjs" --rows "$rows" --formats "$format" --threads 2 >&2
flock -u 9

set +e
"$mesh" check "$kit/missions.yaml" "$data" --json > "$out"
rc=$?
set -e
if [ "$rc" -ne 1 ]; then
  echo "bench_agreement: mesh check exited $rc, expected 1 (the data breaks error checks on purpose)" >&2
  head -c 2000 "$out" >&2 || true
  exit 1
fi
node "$here/bench_compare.mjs" "$expected" "$out"
