#!/bin/bash
# Simulated annealing's time to solution on the SK instance n = 64 (instance seed 1) for this library and a plain NumPy
# annealer, run interleaved on one machine: each round runs every configuration once, in the same order, so that a load
# that comes and goes hits every row alike. Both sides anneal the same couplings (written by the C# side) with the same
# geometric schedule T = 3 -> 0.05 and count a restart a success when it reaches the target energy.
#
# Usage (from the repository root, after `dotnet build -c Release tests/Ebm.Functional.Benchmarks`):
#   bash tests/Ebm.Functional.Benchmarks/scripts/anneal_interleaved.sh [ROUNDS=3] [SWEEPS=500] [OUT=anneal_interleaved.txt]
# TARGET (default -47.994463736789974, the lowest energy found on this instance by 64 restarts of 4000 sweeps, all of which
# reached it) and RESTARTS (default 200) may be set in the environment.
set -euo pipefail
ROUNDS=${1:-3}
SWEEPS=${2:-500}
OUT=${3:-anneal_interleaved.txt}
RESTARTS=${RESTARTS:-200}
TARGET=${TARGET:--47.994463736789974}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
OURS="dotnet ${BENCH_DIR:-$ROOT/tests/Ebm.Functional.Benchmarks/bin/Release/net10.0}/Ebm.Functional.Benchmarks.dll --anneal-stopwatch"
INSTANCE=$(mktemp)
$OURS --sweeps 2 --restarts 1 --reps 1 --instance "$INSTANCE" > /dev/null
COMMON="--sweeps $SWEEPS --restarts $RESTARTS --target $TARGET"
run() { echo "round=$ROUND $("$@" | tail -1)" | tee -a "$OUT"; }
echo "# $(date -u +%FT%TZ) $(lscpu | grep 'Model name' | sed 's/ \+/ /g'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
for ROUND in $(seq 1 "$ROUNDS"); do
  run $OURS $COMMON --order systematic --threads -1
  run $OURS $COMMON --order systematic --threads 1
  run $OURS $COMMON --order systematic --threads 1 --kernel plain
  run $OURS $COMMON --order random --threads -1
  run /usr/bin/python3 "$HERE/anneal_sk_numpy.py" --instance "$INSTANCE" $COMMON
done
rm -f "$INSTANCE"
