#!/usr/bin/env bash
# The Parquet writer's DuckDB round trip (ctest `parquet_duckdb_roundtrip`):
#   roundtrip.sh <mesh_write_parquet_samples> <work_dir>
# 1. installs the pinned @duckdb/node-api (package-lock.json) into tests/duckdb/node_modules when
#    missing or when the lock changed;
# 2. writes every sample with Meshwork's writer plus its expected canonical rows;
# 3. reads each file with DuckDB into the same canonical form and diffs it with the expectation;
# 4. checks that DuckDB's statistics-based filtering agrees with a full scan.
# Needs node >= 20 and npm (and the npm registry on the first run).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <mesh_write_parquet_samples> <work_dir>" >&2
  exit 2
fi
writer=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)

for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL: '$tool' is not installed; the DuckDB round trip needs node >= 20 and npm" >&2
    exit 1
  fi
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "FAIL: node $(node --version) is too old; the DuckDB round trip needs node >= 20" >&2
  exit 1
fi

stamp="$here/node_modules/.mesh-package-lock.json"
if ! cmp -s "$here/package-lock.json" "$stamp"; then
  echo "installing @duckdb/node-api into $here/node_modules (npm ci)"
  if ! (cd "$here" && npm ci --no-audit --no-fund --silent); then
    echo "FAIL: npm ci in $here failed (is the npm registry reachable?)" >&2
    exit 1
  fi
  cp "$here/package-lock.json" "$stamp"
fi

rm -rf "$work"
mkdir -p "$work"
"$writer" "$work" >/dev/null

args=()
for parquet in "$work"/*.parquet; do
  args+=("$parquet" "${parquet%.parquet}.duckdb.jsonl")
done
node "$here/read_parquet.mjs" "${args[@]}"

failed=0
for parquet in "$work"/*.parquet; do
  name=${parquet%.parquet}
  if diff -u "$name.expected.jsonl" "$name.duckdb.jsonl" >"$name.diff"; then
    echo "ok: $(basename "$parquet") ($(($(wc -l <"$name.expected.jsonl") - 1)) rows)"
  else
    echo "FAIL: DuckDB read $(basename "$parquet") differently from what was written:" >&2
    head -20 "$name.diff" >&2
    failed=1
  fi
done

node "$here/check_filters.mjs" "$work"/*.parquet || failed=1
exit $failed
