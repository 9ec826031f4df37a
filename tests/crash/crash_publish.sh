#!/usr/bin/env bash
# Crash test of publishing (issue "Reliability tests"): rounds of concurrent `mesh publish`
# processes of one product on one SQLite catalog and one local lake, each round killed with
# SIGKILL at a random moment, until KILLS processes died that way. Then one more publish must
# succeed, and crash_verify checks that every committed version reads back with its hash, that
# none is half visible, that no orphan became current and that the killed writers' temporary
# files are swept. Prints the figures (kills, rounds, outcomes, versions, seconds).
#
#   crash_publish.sh MESH CRASH_VERIFY WORKDIR REPO
#   MESH_CRASH_KILLS (default 200), MESH_CRASH_WRITERS (default 3): the size of the run;
#   MESH_CRASH_SEED seeds $RANDOM. Kills fall uniformly in [0, 1.25 T), T the time a first
#   round of writers took to finish unkilled (so kills hit every phase of a publish, on a fast
#   or a loaded machine).
set -euo pipefail
mesh=$(realpath "$1") verify=$(realpath "$2") work=$(realpath -m "$3") repo=$(realpath "$4")
kills_wanted=${MESH_CRASH_KILLS:-200}
writers=${MESH_CRASH_WRITERS:-3}
RANDOM=${MESH_CRASH_SEED:-$$}

rm -rf "$work"
mkdir -p "$work"
cp -r "$repo/tests/scenario-workspaces/basic" "$work/ws"
cd "$work/ws"
mkdir -p data
# Nine data sets: eight good ones (distinct objects) and one with a negative amount (rejected).
for i in 1 2 3 4 5 6 7 8; do
  {
    echo "order_id,ordered_at,amount,customer_email"
    for row in $(seq 1 5000); do
      echo "$row,2026-11-20T0$((row % 7)):00:00Z,$i.$((row % 100)),c$row@example.org"
    done
  } > "data/orders-$i.csv"
done
printf 'order_id,ordered_at,amount,customer_email\n1,2026-11-20T06:00:00Z,-1.00,a@example.org\n' \
  > data/orders-9.csv
export MESH_NOW=2026-11-20T08:00:00Z

start=$(date +%s)
# Calibration: one round of concurrent writers left to finish.
began=$(date +%s%N)
pids=()
for (( w = 0; w < writers; ++w )); do
  "$mesh" publish products/sales/orders.yaml "data/orders-$(( w % 8 + 1 )).csv" --as alice \
    --threads 1 >/dev/null 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done
max_delay_ms=$(( ($(date +%s%N) - began) / 1000000 * 5 / 4 + 1 ))
kills=0 rounds=0 finished_ok=0 finished_refused=0 unexpected=0 temporaries=0
while (( kills < kills_wanted )); do
  pids=()
  for (( w = 0; w < writers; ++w )); do
    "$mesh" publish products/sales/orders.yaml "data/orders-$(( RANDOM % 9 + 1 )).csv" \
      --as alice --threads 1 >/dev/null 2>"$work/stderr-$w" &
    pids+=($!)
  done
  delay=$(( RANDOM % max_delay_ms ))
  sleep "$(( delay / 1000 )).$(printf '%03d' $(( delay % 1000 )))"
  killed=()
  for pid in "${pids[@]}"; do
    if kill -9 "$pid" 2>/dev/null; then killed+=("$pid"); fi
  done
  for (( w = 0; w < writers; ++w )); do
    pid=${pids[$w]}
    code=0
    wait "$pid" 2>/dev/null || code=$?
    if [[ " ${killed[*]} " == *" $pid "* && $code -eq 137 ]]; then
      kills=$(( kills + 1 ))
    elif (( code == 0 )); then
      finished_ok=$(( finished_ok + 1 ))
    elif (( code == 1 )); then
      finished_refused=$(( finished_refused + 1 ))  # rejected (orders-9) or lost a race
    else
      unexpected=$(( unexpected + 1 ))
      echo "a publish that was not killed exited $code:" >&2
      cat "$work/stderr-$w" >&2
    fi
  done
  if (( unexpected > 5 )); then
    echo "FAIL: giving up after $unexpected unexpected exits" >&2
    exit 1
  fi
  rounds=$(( rounds + 1 ))
  # Temporary files of killed writers, there until the next publish opens the lake and sweeps.
  left=$(find .mesh/lake/tmp -name '*.part' 2>/dev/null | wc -l)
  temporaries=$(( temporaries + left ))
done

# After the crashes the platform works: one more publish goes through.
"$mesh" publish products/sales/orders.yaml data/orders-1.csv --as alice --threads 1 >/dev/null
finished_ok=$(( finished_ok + 1 ))
seconds=$(( $(date +%s) - start ))

echo "crash test: $kills publishes killed with SIGKILL in $rounds rounds of $writers concurrent" \
     "writers (kills within ${max_delay_ms} ms of the start); $finished_ok published," \
     "$finished_refused rejected or lost a race, $unexpected unexpected exits;" \
     "$temporaries temporary files of killed writers seen (and swept); ${seconds}s"
"$verify" .mesh/catalog.db .mesh/lake orders
if (( unexpected > 0 )); then
  echo "FAIL: $unexpected publishes ended with an unexpected exit code" >&2
  exit 1
fi
