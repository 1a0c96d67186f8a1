#!/bin/bash
# W3 (checkerboard Metropolis sweeps of the L = 256 periodic Ising lattice at beta = 0.44, flip attempts per second) for
# this library's multi-spin coded kernel, on one thread and on all, beside the byte checkerboard, the peers' NumPy
# script and the plain C sequential reference (both of its modes), run interleaved on one machine: each round runs every
# configuration once, in the same order, so that a load that comes and goes hits every row alike; compare rows within a
# round (w3_summarize.py gives the ratios), and rounds with each other.
#
# Usage (from the repository root, after `dotnet build -c Release tests/Ebm.Functional.Benchmarks`):
#   bash tests/Ebm.Functional.Benchmarks/scripts/w3_interleaved.sh [ROUNDS=3] [REPS=5] [OUT=w3_interleaved.txt]
#   python3 tests/Ebm.Functional.Benchmarks/scripts/w3_summarize.py w3_interleaved.txt
# The peers' folder (../shared/bench/peers, or PEERS=...) may be read-only: it is copied to a temporary folder first.
# PEER_QUIET_MAX_WAIT (default here 5 s) bounds the peers' wait for a quiet machine before each repetition.
# SWEEPS (default 1000, the C reference's) is the timed block of every row but NumPy's (200, its script's default).
set -euo pipefail
ROUNDS=${1:-3}
REPS=${2:-5}
OUT=${3:-w3_interleaved.txt}
SWEEPS=${SWEEPS:-1000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
PEERS=${PEERS:-$ROOT/../../shared/bench/peers}
[ -d "$PEERS" ] || PEERS=/work/shared/bench/peers
COPY=$(mktemp -d)
cp -r "$PEERS" "$COPY"
export PEER_QUIET_MAX_WAIT=${PEER_QUIET_MAX_WAIT:-5}
PEER="/usr/bin/python3 $HERE/peer_cpu.py $COPY/peers"
BENCH="dotnet ${BENCH_DIR:-$ROOT/tests/Ebm.Functional.Benchmarks/bin/Release/net10.0}/Ebm.Functional.Benchmarks.dll"
run() { echo "round=$ROUND $("$@" | tail -1)" | tee -a "$OUT"; }
echo "# $(date -u +%FT%TZ) $(lscpu | grep 'Model name' | sed 's/ \+/ /g'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
for ROUND in $(seq 1 "$ROUNDS"); do
  run $BENCH --multispin-stopwatch --sweeps "$SWEEPS" --reps "$REPS" --threads 1
  run $BENCH --multispin-stopwatch --sweeps "$SWEEPS" --reps "$REPS" --threads -1
  run /usr/bin/python3 "$COPY/peers/w3_ising_c.py" --sweeps "$SWEEPS" --reps "$REPS" --always-draw 0
  run /usr/bin/python3 "$COPY/peers/w3_ising_c.py" --sweeps "$SWEEPS" --reps "$REPS" --always-draw 1
  run $PEER w3_ising.py --impl numpy --reps "$REPS"
  $BENCH --ising-stopwatch | sed "s/^/round=$ROUND /" | tee -a "$OUT"
done
rm -rf "$COPY"
