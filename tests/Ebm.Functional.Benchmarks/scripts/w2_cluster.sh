#!/bin/bash
# W2 (AIS on the 784 x 500 "random" RBM, base rate from the 10,000 blob images) through `ebm logz`, on this machine and
# on clusters of 1, 2 and 3 `ebm worker` processes started here, interleaved in rounds so that a load that comes and
# goes hits every row alike. Every line carries the wall time, the run's log Z (the same bits on every row) and the
# workers used.
#
# Usage (from the repository root, after `dotnet build -c Release src/Ebm.Cli tests/Ebm.Functional.Benchmarks`):
#   bash tests/Ebm.Functional.Benchmarks/scripts/w2_cluster.sh [ROUNDS=2] [STEPS=1000] [PARTICLES=10000] [OUT=w2_cluster.txt]
# WORKERS="1 2 3" chooses the cluster sizes.
set -euo pipefail
ROUNDS=${1:-2}
STEPS=${2:-1000}
PARTICLES=${3:-10000}
OUT=${4:-w2_cluster.txt}
WORKERS=${WORKERS:-1 2 3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread
EBM="dotnet $ROOT/src/Ebm.Cli/bin/Release/net10.0/ebm.dll"
DATA=$(mktemp -d)
dotnet "$ROOT/tests/Ebm.Functional.Benchmarks/bin/Release/net10.0/Ebm.Functional.Benchmarks.dll" --write-w2 "$DATA" > /dev/null
RUN=(logz "$DATA/w2-random-784x500.json" --method ais --particles "$PARTICLES" --steps "$STEPS" --data "$DATA/w2-blobs.npy" --kernel block-gibbs --no-exact --json --force)
PIDS=()
stop_workers() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; PIDS=(); }
trap 'stop_workers; rm -rf "$DATA"' EXIT
start_workers() {
  local n=$1 base=$((21000 + RANDOM % 20000))
  $EBM worker --cluster w2 --port $base --gateway-port $((base + 100)) > "$DATA/w0.log" 2>&1 & PIDS+=($!)
  until grep -q "Stop with" "$DATA/w0.log" 2>/dev/null; do sleep 0.2; done
  for i in $(seq 1 $((n - 1))); do
    $EBM worker --cluster w2 --port $((base + i)) --gateway-port $((base + 100 + i)) --seed-node 127.0.0.1:$base > "$DATA/w$i.log" 2>&1 & PIDS+=($!)
    until grep -q "Stop with" "$DATA/w$i.log" 2>/dev/null; do sleep 0.2; done
  done
  sleep 2
  GATEWAY=127.0.0.1:$((base + 100))
}
line() { # ROUND EXECUTOR WORKERS SECONDS JSON
  /usr/bin/python3 - "$@" <<'PY'
import json, sys
round_, executor, workers, wall, text = sys.argv[1:6]
r = json.loads(text)
used = len(r.get("cluster", {}).get("workers", []))
print("round=%s executor=%s workers=%s wall_s=%.3f run_s=%.3f logZ=%r se=%r used=%d" % (round_, executor, workers, float(wall), r["seconds"], r["logZ"], r["standardError"], used))
PY
}
echo "# $(date -u +%FT%TZ) $(lscpu | grep 'Model name' | sed 's/ \+/ /g'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); W2 K=$STEPS M=$PARTICLES; model file $(stat -c %s "$DATA/w2-random-784x500.json") bytes" | tee -a "$OUT"
for ROUND in $(seq 1 "$ROUNDS"); do
  start=$(date +%s.%N); json=$($EBM "${RUN[@]}" 2>/dev/null); end=$(date +%s.%N)
  line "$ROUND" local 0 "$(echo "$end - $start" | bc)" "$json" | tee -a "$OUT"
  for n in $WORKERS; do
    start_workers "$n"
    start=$(date +%s.%N); json=$($EBM "${RUN[@]}" --cluster "$GATEWAY" --cluster-name w2 2>/dev/null); end=$(date +%s.%N)
    line "$ROUND" cluster "$n" "$(echo "$end - $start" | bc)" "$json" | tee -a "$OUT"
    stop_workers
  done
done
