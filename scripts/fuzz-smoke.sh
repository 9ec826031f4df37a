#!/usr/bin/env bash
# Fuzz smoke run: configures and builds the `fuzz` preset (clang + libFuzzer, ASan + UBSan) and
# runs every *_fuzz target it defines for a bounded time over a copy of its seed corpus
# (tests/fuzz/corpus/<target>/). Fails on any crash, leak, sanitizer report or broken invariant.
# FUZZ_SECONDS (default 20) bounds each target's run; docs/development.md shows longer runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${FUZZ_SECONDS:-20}"
cd "$root"

cmake --preset fuzz >/dev/null
targets=$(cmake --build build/fuzz --target help | sed -n 's/^\([A-Za-z0-9_]*_fuzz\): .*/\1/p' | sort -u)
if [[ -z "$targets" ]]; then
  echo "fuzz-smoke: no *_fuzz targets found in build/fuzz" >&2
  exit 1
fi
# shellcheck disable=SC2086
nice cmake --build build/fuzz -j 2 --target $targets

work=$(mktemp -d /tmp/mesh-fuzz-smoke-XXXXXX)
failed=0
for target in $targets; do
  binary=$(find build/fuzz -type f -name "$target" -perm -u+x | head -n 1)
  if [[ -z "$binary" ]]; then
    echo "fuzz-smoke: $target was built but its binary is missing" >&2
    failed=1
    continue
  fi
  corpus="$work/$target/corpus"
  mkdir -p "$corpus"
  if [[ -d "tests/fuzz/corpus/$target" ]]; then
    cp -R "tests/fuzz/corpus/$target/." "$corpus/"
  else
    echo "fuzz-smoke: warning: $target has no seed corpus (tests/fuzz/corpus/$target/)" >&2
  fi
  echo "fuzz-smoke: $target for ${seconds}s over $(ls "$corpus" | wc -l) seeds"
  if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$work/$target/" -print_final_stats=1 "$corpus" \
      >"$work/$target/log" 2>&1; then
    echo "fuzz-smoke: $target FAILED; last lines of its log ($work/$target/log):" >&2
    tail -n 40 "$work/$target/log" >&2
    ls "$work/$target/" >&2
    failed=1
  else
    grep -E '^stat::number_of_executed_units' "$work/$target/log" || true
  fi
done
if ((failed)); then
  echo "fuzz-smoke: failures; inputs that crashed are kept in $work" >&2
  exit 1
fi
rm -rf "$work"
echo "fuzz-smoke: all targets ran clean"
