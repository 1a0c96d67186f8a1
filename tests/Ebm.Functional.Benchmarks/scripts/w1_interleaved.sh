#!/bin/bash
# W1 (one training epoch of a 784 x 500 Bernoulli RBM, CD-1 and PCD-1, batch 100) for this library and its peers, run
# interleaved on one machine: each round runs every configuration once, in the same order, so that a load that comes
# and goes hits every row alike; compare rows within a round, and rounds with each other. Every line carries the wall
# time and the CPU time of the process (the peers through peer_cpu.py, which leaves their scripts unchanged).
#
# Usage (from the repository root, after `dotnet build -c Release tests/Ebm.Functional.Benchmarks`):
#   bash tests/Ebm.Functional.Benchmarks/scripts/w1_interleaved.sh [ROUNDS=3] [REPS=3] [OUT=w1_interleaved.txt]
# THREADS=1 runs everything on one thread (OPENBLAS_NUM_THREADS=1, --threads 1 for ours and torch): then the CPU time is
# the work of an epoch, the figure least disturbed by other jobs. The default is 2 threads.
# The peers' folder (../shared/bench/peers, or PEERS=...) may be read-only: it is copied to a temporary folder first.
# PEER_QUIET_MAX_WAIT (default here 5 s) bounds the wait for a quiet machine before each repetition, for both sides.
# EBM_GEMM=managed runs the C# rows on the managed GEMM instead of OpenBLAS; BENCH_DIR names another build folder.
# DTYPES="f32" (or "f64") runs one precision only (the default is both); PyTorch's rows run with f32.
set -euo pipefail
ROUNDS=${1:-3}
REPS=${2:-3}
OUT=${3:-w1_interleaved.txt}
THREADS=${THREADS:-2}
DTYPES=${DTYPES:-f64 f32}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PEERS=${PEERS:-$ROOT/../../shared/bench/peers}
[ -d "$PEERS" ] || PEERS=/work/shared/bench/peers
COPY=$(mktemp -d)
cp -r "$PEERS" "$COPY"
export PEER_QUIET_MAX_WAIT=${PEER_QUIET_MAX_WAIT:-5}
export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread
OURS_THREADS=-1
if [ "$THREADS" = 1 ]; then export OPENBLAS_NUM_THREADS=1; OURS_THREADS=1; fi
PEER="/usr/bin/python3 $HERE/peer_cpu.py $COPY/peers"
OURS="dotnet ${BENCH_DIR:-$ROOT/tests/Ebm.Functional.Benchmarks/bin/Release/net10.0}/Ebm.Functional.Benchmarks.dll --rbm-train-stopwatch --threads $OURS_THREADS"
run() { echo "round=$ROUND threads=$THREADS $("$@" | tail -1)" | tee -a "$OUT"; }
echo "# $(date -u +%FT%TZ) $(lscpu | grep 'Model name' | sed 's/ \+/ /g'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
for ROUND in $(seq 1 "$ROUNDS"); do
  for dt in $DTYPES; do
    for al in cd1 pcd1; do
      run $OURS --algo $al --dtype $dt --reps "$REPS"
      run $PEER w1_rbm_numpy.py --algo $al --dtype $dt --reps "$REPS"
    done
    run $PEER w1_rbm_sklearn.py --dtype $dt --reps "$REPS"
  done
  if [[ " $DTYPES " == *" f32 "* ]]; then
    run $PEER w1_rbm_torch.py --algo cd1 --dtype f32 --reps "$REPS" --threads "$THREADS"
    run $PEER w1_rbm_torch.py --algo pcd1 --dtype f32 --reps "$REPS" --threads "$THREADS"
  fi
done
rm -rf "$COPY"
