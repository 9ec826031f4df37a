#!/usr/bin/env bash
# Lake throughput, local folder vs S3 (moto, signatures checked), in the same run:
#   bench/run_lake.sh [--objects N] [--size BYTES] [--repeat R] [--bin PATH]
#                     [--mesh PATH --rows N]   # also time `mesh publish` into each lake
# Builds bench/lake_benchmark.cc with g++ -O2 (src/base + src/lake only), starts a throwaway
# moto_server (../shared/recipes/s3-test-server.sh, auth mode), creates a bucket, and runs the
# benchmark on file:<tmp>/lake and on s3://mesh-bench/lake, then the same workload through boto3
# (bench/lake_boto3_peer.py) on the same server. Prints the JSON lines and a summary with the
# medians, the ratio local/S3 and the ratio Meshwork/boto3 on S3.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
objects=16 size=$((4 * 1024 * 1024)) repeat=3 bin= mesh= rows=200000
while (($#)); do
  case "$1" in
    --objects) objects=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;  # a lake_benchmark built before (skips the build)
    --mesh) mesh=$2; shift 2 ;;
    --rows) rows=$2; shift 2 ;;
    *) echo "usage: $0 [--objects N] [--size BYTES] [--repeat R] [--bin PATH]" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -z $bin ]]; then
  mapfile -t sources < <(ls "$root"/src/base/*.cc "$root"/src/lake/*.cc | grep -v '_test\.cc$')
  echo "building lake_benchmark (g++ -O2) ..." >&2
  g++ -std=c++20 -O2 -DNDEBUG -I"$root/src" "${sources[@]}" "$root/bench/lake_benchmark.cc" \
    -o "$work/lake_benchmark" -lcurl -lssl -lcrypto -lpthread
  bin=$work/lake_benchmark
fi

server="$root/../shared/recipes/s3-test-server.sh"
eval "$(S3_TEST_AUTH=1 "$server" start)"
trap '"$server" stop "$S3_TEST_PID" "$S3_TEST_LOG"; rm -rf "$work"' EXIT
export AWS_ENDPOINT_URL=$S3_ENDPOINT AWS_REGION=us-east-1
empty=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
curl -fsS -o /dev/null --aws-sigv4 "aws:amz:us-east-1:s3" \
  --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -H "x-amz-content-sha256: $empty" \
  -X PUT "$S3_ENDPOINT/mesh-bench"

args=(--objects "$objects" --size "$size" --repeat "$repeat")
"$bin" --lake "file:$work/lake" "${args[@]}" | tee "$work/local.jsonl"
"$bin" --lake "s3://mesh-bench/lake" "${args[@]}" | tee "$work/s3.jsonl"
# Peer: the same workload through boto3 on the same moto (skipped when boto3 is missing).
if python3 -c 'import boto3' 2>/dev/null; then
  python3 "$root/bench/lake_boto3_peer.py" mesh-bench "$objects" "$size" "$repeat" | tee "$work/boto3.jsonl"
fi

# `mesh publish` of one CSV (the basic scenario workspace's orders product) into each lake, with
# a catalog per lake: the whole publish (read, check, write Parquet to the lake, commit).
if [[ -n $mesh ]]; then
  cp -r "$root/tests/scenario-workspaces/basic" "$work/ws"
  mkdir -p "$work/ws/data"
  awk -v n="$rows" 'BEGIN { print "order_id,ordered_at,amount,customer_email";
    for (i = 1; i <= n; i++) printf "%d,2026-11-20T%02d:%02d:00Z,%d.%02d,c%d@example.org\n", i, (i/60)%24, i%60, i%500, i%100, i%997 }' \
    >"$work/ws/data/orders.csv"
  for lake in "file:$work/publish-lake" "s3://mesh-bench/publish"; do
    for round in $(seq 1 "$repeat"); do
      start=$(date +%s.%N)
      (cd "$work/ws" && MESH_NOW="2026-11-20T1$round:00:00Z" "$mesh" publish products/sales/orders.yaml \
        data/orders.csv --as alice --lake "$lake" --catalog "sqlite:$work/catalog-${lake%%:*}.db" >/dev/null)
      end=$(date +%s.%N)
      awk -v l="$lake" -v r="$rows" -v s="$start" -v e="$end" \
        'BEGIN { printf "{\"publish\": \"%s\", \"rows\": %d, \"seconds\": %.3f}\n", l, r, e - s }'
    done
  done | tee "$work/publish.jsonl"
fi

median() {  # median of field $2 in file $1
  sed -n "s/.*\"$2\": \([0-9.]*\).*/\1/p" "$1" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
lw=$(median "$work/local.jsonl" write_mib_s) lr=$(median "$work/local.jsonl" read_mib_s)
sw=$(median "$work/s3.jsonl" write_mib_s) sr=$(median "$work/s3.jsonl" read_mib_s)
echo
echo "| lake | write MiB/s (median) | read MiB/s (median) |"
echo "|---|---|---|"
echo "| local folder | $lw | $lr |"
echo "| S3 (moto) | $sw | $sr |"
echo "| ratio local/S3 | $(awk "BEGIN {printf \"%.1f\", $lw/$sw}") | $(awk "BEGIN {printf \"%.1f\", $lr/$sr}") |"
if [[ -s $work/boto3.jsonl ]]; then
  bw=$(median "$work/boto3.jsonl" write_mib_s) br=$(median "$work/boto3.jsonl" read_mib_s)
  echo "| peer: boto3 on the same moto | $bw | $br |"
  echo "| ratio mesh/boto3 on S3 | $(awk "BEGIN {printf \"%.2f\", $sw/$bw}") | $(awk "BEGIN {printf \"%.2f\", $sr/$br}") |"
fi
if [[ -s $work/publish.jsonl ]]; then
  pf=$(grep '"file:' "$work/publish.jsonl" | sed -n 's/.*"seconds": \([0-9.]*\).*/\1/p' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  ps=$(grep '"s3:' "$work/publish.jsonl" | sed -n 's/.*"seconds": \([0-9.]*\).*/\1/p' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo
  echo "| mesh publish, $rows rows | median s | ratio s3/local |"
  echo "|---|---|---|"
  echo "| local folder lake | $pf | – |"
  echo "| S3 (moto) lake | $ps | $(awk "BEGIN {printf \"%.2f\", $ps/$pf}") |"
fi
