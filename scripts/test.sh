#!/usr/bin/env bash
# Builds Meshwork with AddressSanitizer + UBSan and runs every test (unit tests, scenario files,
# fuzz smoke runs, end-to-end tests). Installs missing Debian packages first.
# Ends with ctest's "N tests passed, N failed" summary and exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./scripts/install-deps.sh
# The web UI (web/) when node/npm are present; without them the CLI and server build and the
# browser tests report themselves skipped.
if command -v npm >/dev/null; then
  (cd web && npm ci --no-audit --no-fund && npm run build)
  (cd ui-tests && npm ci --no-audit --no-fund)
fi
# The S3 lake tests start moto_server themselves (../shared/recipes/s3-in-tests.md). It comes with
# the machine image's Python (pyenv), whose shims a non-login shell may lack on PATH.
if ! command -v moto_server >/dev/null && [[ -x "${PYENV_ROOT:-$HOME/.pyenv}/shims/moto_server" ]]; then
  export PATH="${PYENV_ROOT:-$HOME/.pyenv}/shims:$PATH"
fi
command -v moto_server >/dev/null ||
  echo "test.sh: moto_server not found: the S3 lake tests will fail (see ../shared/recipes/s3-in-tests.md)" >&2
cmake --preset debug >/dev/null
cmake --build --preset debug -j "$(nproc)"
status=0
ctest --preset debug --timeout 900 2>&1 | tee build/debug/ctest.log || status=$?
# Also print the plain closing line "N passed, N failed" that any CI can read.
summary=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' build/debug/ctest.log | tail -n 1)
if [[ $summary =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
  failed=${BASH_REMATCH[1]}
  total=${BASH_REMATCH[2]}
  echo "tests: $((total - failed)) passed, ${failed} failed"
  if ((failed > 0)); then status=1; fi
else
  echo "tests: 0 passed, 1 failed (ctest printed no summary)"
  status=1
fi
exit $status
