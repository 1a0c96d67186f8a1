#!/usr/bin/python3
"""A plain NumPy simulated annealer for the SK time-to-solution benchmark, beside
`Ebm.Functional.Benchmarks --anneal-stopwatch`.

Reads the couplings J (n x n, symmetric, zero diagonal; E(s) = -sum_{i<j} J_ij s_i s_j) written by the C# side
(`--anneal-stopwatch --instance FILE`), so both anneal the same instance. All restarts run together as the rows of one
R x n array: each sweep visits the sites in order 0..n-1 and, for every restart at once, flips s_i with the Metropolis
probability min(1, exp(-beta dE)), dE = 2 s_i sum_j J_ij s_j; the schedule is the library's geometric one,
T_k = T0 (T1/T0)^(k/(K-1)). Each restart keeps the lowest energy it saw (after every sweep).

Prints one key=value line: the success probability p of reaching the target energy (within 1e-9 relative), seconds
per restart (wall time of the batch / R, median over repetitions, and the least CPU time of the process / R), and the
time to solution TTS(99%) = t ln(0.01) / ln(1 - p) in seconds from the median.

Usage: /usr/bin/python3 anneal_sk_numpy.py --instance J.txt --target E [--sweeps 500] [--restarts 200] [--t0 T0]
       [--t1 T1] [--reps 3] [--seed 1]
"""
import argparse, math, time

import numpy as np


def anneal(J, betas, restarts, rng):
    n = J.shape[0]
    s = np.where(rng.random((restarts, n)) < 0.5, -1.0, 1.0)
    fields = s @ J
    energy = -0.5 * np.einsum("ri,ri->r", s, fields)
    best = energy.copy()
    for beta in betas:
        for i in range(n):
            dE = 2.0 * s[:, i] * fields[:, i]
            accept = rng.random(restarts) < np.exp(np.minimum(0.0, -beta * dE))
            if accept.any():
                rows = np.nonzero(accept)[0]
                change = -2.0 * s[rows, i]
                s[rows, i] += change
                fields[rows, :] += change[:, None] * J[i, :][None, :]
                energy[rows] += dE[rows]
        np.minimum(best, energy, out=best)
    return best


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--instance", required=True)
    p.add_argument("--target", type=float, required=True)
    p.add_argument("--sweeps", type=int, default=500)
    p.add_argument("--restarts", type=int, default=200)
    p.add_argument("--t0", type=float, default=3.0)
    p.add_argument("--t1", type=float, default=0.05)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    J = np.loadtxt(a.instance)
    k = np.arange(a.sweeps)
    temperatures = a.t0 * (a.t1 / a.t0) ** (k / (a.sweeps - 1))
    betas = 1.0 / temperatures
    rng = np.random.default_rng(a.seed)
    walls, cpus, successes = [], [], 0
    for _ in range(a.reps):
        start, cpu = time.perf_counter(), time.process_time()
        best = anneal(J, betas, a.restarts, rng)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        successes += int(np.sum(best - a.target <= 1e-9 * max(1.0, abs(a.target))))
    runs = a.reps * a.restarts
    prob = successes / runs
    per_restart = sorted(walls)[len(walls) // 2] / a.restarts
    tts = per_restart if prob >= 0.99 else (math.inf if prob == 0 else per_restart * math.log(0.01) / math.log(1 - prob))
    print(f"impl=numpy n={J.shape[0]} sweeps={a.sweeps} restarts={a.restarts} reps={a.reps} p={prob:.4f} "
          f"s_per_restart={per_restart:.6g} cpu_s_per_restart={min(cpus) / a.restarts:.6g} tts99_s={tts:.6g}")


if __name__ == "__main__":
    main()
