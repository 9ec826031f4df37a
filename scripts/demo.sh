#!/usr/bin/env bash
# Builds the `mesh` binary (release) and runs the demo mesh (examples/prophecy-hall) on the
# embedded defaults: SQLite catalog and a local directory lake, kept under build/demo/.
# Installs missing Debian packages first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./scripts/install-deps.sh
# The web UI that `mesh serve` serves at / (docs/ui.md), when node/npm are present.
if command -v npm >/dev/null; then
  (cd web && npm ci --no-audit --no-fund && npm run build)
fi
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target mesh
exec ./build/release/mesh demo "$@"
