#!/usr/bin/python3
"""Block-Gibbs sweeps of a 784 x 500 RBM with 100 chains in NumPy or PyTorch, for side-by-side runs with
`Ebm.Functional.Benchmarks --rbm-gibbs-stopwatch`. One sweep: h ~ Bern(sigmoid(v W + c)), v ~ Bern(sigmoid(h W^T + b)).
Prints one key=value line (seconds per sweep: median, min, max over the repetitions; the least CPU time of this
process per sweep, the measure that other jobs on a shared machine disturb least).

Usage: /usr/bin/python3 gibbs_sweep.py [--impl numpy|torch] [--dtype f64|f32] [--sweeps 100] [--reps 7]
"""
import argparse, os, time

NV, NH, C = 784, 500, 100


def numpy_sweeps(dt, sweeps, reps):
    import numpy as np
    def sigmoid_(x):
        np.negative(x, out=x); np.exp(x, out=x); x += 1.0; np.reciprocal(x, out=x); return x
    rng = np.random.default_rng(2)
    W = (0.01 * rng.standard_normal((NV, NH))).astype(dt)
    b = np.zeros(NV, dt); c = np.zeros(NH, dt)
    v = (rng.random((C, NV)) < 0.5).astype(dt)
    def sweep(v):
        ph = sigmoid_(v @ W + c)
        h = (rng.random((C, NH), dtype=dt) < ph).astype(dt)
        pv = sigmoid_(h @ W.T + b)
        return (rng.random((C, NV), dtype=dt) < pv).astype(dt)
    return timed(sweep, v, sweeps, reps)


def torch_sweeps(dt, sweeps, reps):
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch
    torch.set_num_threads(2)
    tdt = torch.float64 if dt == "f64" else torch.float32
    g = torch.Generator().manual_seed(2)
    W = (0.01 * torch.randn(NV, NH, generator=g, dtype=torch.float64)).to(tdt)
    b = torch.zeros(NV, dtype=tdt); c = torch.zeros(NH, dtype=tdt)
    v = torch.bernoulli(torch.full((C, NV), 0.5, dtype=tdt), generator=g)
    Wt = W.t()
    def sweep(v):
        h = torch.bernoulli(torch.sigmoid(torch.addmm(c, v, W)), generator=g)
        return torch.bernoulli(torch.sigmoid(torch.addmm(b, h, Wt)), generator=g)
    with torch.inference_mode():
        return timed(sweep, v, sweeps, reps)


def timed(sweep, v, sweeps, reps):
    for _ in range(sweeps):
        v = sweep(v)
    out, cpu = [], []
    for _ in range(reps):
        t, c = time.perf_counter(), time.process_time()
        for _ in range(sweeps):
            v = sweep(v)
        out.append((time.perf_counter() - t) / sweeps)
        cpu.append((time.process_time() - c) / sweeps)
    return sorted(out), min(cpu)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--impl", default="numpy", choices=["numpy", "torch"])
    ap.add_argument("--dtype", default="f64", choices=["f64", "f32"])
    ap.add_argument("--sweeps", type=int, default=100)
    ap.add_argument("--reps", type=int, default=7)
    a = ap.parse_args()
    if a.impl == "numpy":
        import numpy as np
        out, cpu = numpy_sweeps(np.float64 if a.dtype == "f64" else np.float32, a.sweeps, a.reps)
    else:
        out, cpu = torch_sweeps(a.dtype, a.sweeps, a.reps)
    blas = sorted({l.split()[-1] for l in open("/proc/self/maps") if "blas" in l})[:1]
    print(f"workload=W1-gibbs-sweep impl={a.impl} dtype={a.dtype} chains={C} s_per_sweep_median={out[len(out) // 2]:.6g} "
          f"s_per_sweep_min={out[0]:.6g} s_per_sweep_max={out[-1]:.6g} cpu_s_per_sweep_min={cpu:.6g} blas={blas}")


if __name__ == "__main__":
    main()
