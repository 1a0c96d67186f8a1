#!/bin/bash
# W11 (one training epoch of a 2 x 64 softplus MLP energy on 100,000 two-moons points, batch 256: denoising score
# matching at sigma = 0.1 and maximum likelihood with 20 short-run Langevin steps) for this library and PyTorch CPU, run
# interleaved on one machine: each round runs every configuration once, in the same order, so that a load that comes
# and goes hits every row alike; compare rows within a round, and rounds with each other. Every line carries the wall
# time and the CPU time of the process (the peer through peer_cpu.py, which leaves the script unchanged).
#
# Usage (from the repository root, after `dotnet build -c Release tests/Ebm.Functional.Benchmarks`):
#   bash tests/Ebm.Functional.Benchmarks/scripts/w11_interleaved.sh [ROUNDS=3] [REPS=3] [OUT=w11_interleaved.txt]
# Ours is `Ebm.Functional.Benchmarks.dll --mlp-train-stopwatch --objective dsm|ml-langevin --reps R --threads T`
# (MlpTrainingBenchmarks), float64 only: its rows run with the f64 peer rows, and the f32 peer rows show what single
# precision buys PyTorch. A row that fails prints an error line and the others still run. THREADS=1 runs everything on one thread (OPENBLAS_NUM_THREADS=1,
# --threads 1 for ours and torch); the default is 2. The peers' folder (../shared/bench/peers, or PEERS=...) may be
# read-only: it is copied to a temporary folder first, with w11_mlp_torch.py beside its scripts.
# PEER_QUIET_MAX_WAIT (default here 5 s) bounds the wait for a quiet machine before each repetition, for both sides.
# OBJECTIVES and DTYPES (default "dsm ml-langevin" and "f32 f64") choose the rows; BENCH_DIR names another build folder.
set -euo pipefail
ROUNDS=${1:-3}
REPS=${2:-3}
OUT=${3:-w11_interleaved.txt}
THREADS=${THREADS:-2}
OBJECTIVES=${OBJECTIVES:-dsm ml-langevin}
DTYPES=${DTYPES:-f32 f64}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PEERS=${PEERS:-$ROOT/../../shared/bench/peers}
[ -d "$PEERS" ] || PEERS=/work/shared/bench/peers
COPY=$(mktemp -d)
trap 'rm -rf "$COPY"' EXIT
cp -r "$PEERS" "$COPY"
chmod -R u+w "$COPY"
cp "$HERE/w11_mlp_torch.py" "$COPY/peers/"
export PEER_QUIET_MAX_WAIT=${PEER_QUIET_MAX_WAIT:-5}
export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread
OURS_THREADS=-1
if [ "$THREADS" = 1 ]; then export OPENBLAS_NUM_THREADS=1; OURS_THREADS=1; fi
PEER="/usr/bin/python3 $HERE/peer_cpu.py $COPY/peers"
OURS="dotnet ${BENCH_DIR:-$ROOT/tests/Ebm.Functional.Benchmarks/bin/Release/net10.0}/Ebm.Functional.Benchmarks.dll --mlp-train-stopwatch --threads $OURS_THREADS"
run() {
  local line
  if line=$("$@" 2>&1 | tail -1) && [[ "$line" == *epoch_s_median=* ]]; then
    echo "round=$ROUND threads=$THREADS $line" | tee -a "$OUT"
  else
    echo "round=$ROUND threads=$THREADS error=\"$* failed: $line\"" | tee -a "$OUT"
  fi
}
echo "# $(date -u +%FT%TZ) $(lscpu | grep 'Model name' | sed 's/ \+/ /g'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
for ROUND in $(seq 1 "$ROUNDS"); do
  for dt in $DTYPES; do
    for objective in $OBJECTIVES; do
      if [ "$dt" = f64 ]; then run $OURS --objective "$objective" --dtype f64 --reps "$REPS"; fi
      run $PEER w11_mlp_torch.py --objective "$objective" --dtype "$dt" --reps "$REPS" --threads "$THREADS"
    done
  done
done
