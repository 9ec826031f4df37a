#!/usr/bin/env bash
# The web UI's numbers for docs/performance.md: the gzipped size of the JavaScript the first page
# loads and the product page's render time (median of 5) for a 30-field product with a 100-node
# lineage graph, measured in Debian's chromium against a real `mesh serve` on the demo mesh
# (ui-tests/tests/performance.spec.mjs). Rewrites the UI section of docs/performance.md.
#   bench/run_ui.sh [--mesh PATH]      (default build/release/mesh, else build/debug/mesh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mesh="$root/build/release/mesh"
[ -x "$mesh" ] || mesh="$root/build/debug/mesh"
if [ "${1:-}" = "--mesh" ]; then mesh="$2"; fi
[ -x "$mesh" ] || { echo "run_ui.sh: no mesh binary at $mesh" >&2; exit 2; }
(cd "$root/web" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build)
(cd "$root/ui-tests" && { [ -d node_modules ] || npm ci --no-audit --no-fund; })
cd "$root/ui-tests"
MESH_UI_BENCH=1 MESH_BIN="$mesh" CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" \
  npx playwright test tests/performance.spec.mjs
