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
# Twenty-eight simulated days of history (publishes, reads, incidents, consumer reports) before
# the demo's own publishes, so that `mesh maturity`, `mesh doctor` and the web UI's SLA, incident,
# report and usage pages show a mesh with a past: mesh doctor compares the last 14 days with the
# 14 before, so the trouble planted in the second half shows as a trend; pass --history 0 to skip
# it.
case " $* " in
  *" --history "* | *" --history="*) exec ./build/release/mesh demo "$@" ;;
  *) exec ./build/release/mesh demo --history 28 "$@" ;;
esac
