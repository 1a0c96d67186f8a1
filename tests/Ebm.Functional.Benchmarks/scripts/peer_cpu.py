#!/usr/bin/python3
"""Runs one of the peers' scripts unchanged, adding the CPU time of this process to its key=value line.

On a machine that other jobs share, wall time measures the load as much as the work; the CPU seconds that the process
itself spends in each timed repetition (all of its threads: time.process_time) are disturbed far less. With one BLAS
thread (OPENBLAS_NUM_THREADS=1) they are the work of the epoch. Adds cpu_s_median, cpu_s_min and cpu_rep_s, measured
around the same repetitions as the script's own wall-clock figures (peerdata.time_reps).

Usage: /usr/bin/python3 peer_cpu.py PEERS_DIR SCRIPT.py [script options...]
"""
import os, runpy, sys, time

peers, script = sys.argv[1], sys.argv[2]
sys.path.insert(0, peers)
import peerdata  # noqa: E402  (the peers' own module, from their folder)

cpu = []
_time_reps, _emit = peerdata.time_reps, peerdata.emit


def time_reps(run, reps, setup=None):
    def timed(state):
        start = time.process_time()
        run(state)
        cpu.append(time.process_time() - start)
    return _time_reps(timed, reps, setup)


def emit(d):
    if cpu:
        s = sorted(cpu)
        d = dict(d, cpu_s_median="%.4g" % s[len(s) // 2], cpu_s_min="%.4g" % s[0], cpu_rep_s=",".join("%.4g" % t for t in cpu))
    _emit(d)


peerdata.time_reps, peerdata.emit = time_reps, emit
sys.argv = [os.path.join(peers, script)] + sys.argv[3:]
runpy.run_path(sys.argv[0], run_name="__main__")
