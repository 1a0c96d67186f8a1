#!/usr/bin/python3
"""W11: one training epoch of a 2 x 64 softplus MLP energy on 100,000 2-D points, straightforward PyTorch CPU.

The model: E(x) = w3 . softplus(W2 softplus(W1 u + b1) + b2) + b3 with u = (x - mean) / std, the data's standardisation
(inside the model, as the library's InputScaling), layers 2 -> 64 -> 64 -> 1; weights of the softplus layers N(0, 2 / fan_in)
(He et al. 2015), of the output layer N(0, 2 / (fan_in + fan_out)) (Glorot and Bengio 2010), as MlpTraining.Initialise
draws them; biases zero; from a seeded torch.Generator. Batch 256 over a fresh permutation (the last
batch holds the remainder: 391 batches for 100,000 points). Optimizer: Adam, lr 1e-3 (--optimizer sgd for plain SGD).

Objectives (autograd, create_graph for the derivatives in x):
  dsm          denoising score matching at one noise scale sigma = 0.1 (Vincent 2011):
               x~ = x + sigma z, loss = mean_r 1/2 |grad_x E(x~_r) - z_r / sigma|^2 (the score -grad E matched to
               the score of the noise kernel, -(x~ - x) / sigma^2).
  ml-langevin  maximum likelihood with a short-run Langevin negative phase (Nijkamp et al. 2019): K = 20 steps of
               x <- x - eps grad_x E(x) + sqrt(2 eps) xi, eps = 0.01, from fresh uniform starts on the data's bounding
               box widened by a tenth of its width on each side (NoiseDistribution.FitBox), one chain per example; loss = mean E(x+) - mean E(x-) (+ alpha (E+^2 + E-^2), alpha
               = 0 by default, Du and Mordatch 2019).

Data: --data FILE.npy (n x 2, or n x 3 with a class column, which is ignored); without it, 100,000 two-moons points
(scikit-learn's make_moons recipe, noise 0.1) drawn from numpy's seeded generator: the cost of an epoch depends on the
shapes only.

Usage: /usr/bin/python3 w11_mlp_torch.py --objective dsm|ml-langevin [--dtype f32|f64] [--data FILE.npy] [--reps 3]
                                         [--threads 2] [--optimizer adam|sgd] [--seed 1]
Prints one key=value line (peerdata.emit), as the other peers do.
"""
import argparse, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
for candidate in (os.environ.get("PEERS", ""), os.path.join(HERE, "../../../../../shared/bench/peers"),
                  "/work/shared/bench/peers", HERE):
    if candidate and os.path.exists(os.path.join(candidate, "peerdata.py")):
        sys.path.insert(0, candidate)
        break
import numpy as np
import peerdata as pd
OMP_WAIT = pd.omp_setup()   # before torch is imported; see peerdata.omp_setup
import torch

HIDDEN, LAYERS, BATCH, LR = 64, 2, 256, 1e-3
SIGMA = 0.1                  # DSM noise scale
STEPS, EPS = 20, 0.01        # Langevin steps and step size; noise sqrt(2 eps)


def two_moons(n, seed):
    rng = np.random.default_rng(seed)
    label = rng.integers(0, 2, n)
    t = np.pi * rng.random(n)
    x = np.where(label == 0, np.cos(t), 1 - np.cos(t))
    y = np.where(label == 0, np.sin(t), 0.5 - np.sin(t))
    return np.stack([x, y], 1) + 0.1 * rng.standard_normal((n, 2))


class Energy(torch.nn.Module):
    def __init__(self, shift, scale, gen, dtype):
        super().__init__()
        widths = [2] + [HIDDEN] * LAYERS + [1]
        self.shift, self.scale = shift, scale
        self.layers = torch.nn.ModuleList()
        for index, (fan_in, fan_out) in enumerate(zip(widths[:-1], widths[1:])):
            layer = torch.nn.Linear(fan_in, fan_out, dtype=dtype)
            variance = 2.0 / fan_in if index < LAYERS else 2.0 / (fan_in + fan_out)
            with torch.no_grad():
                layer.weight.copy_(torch.randn(fan_out, fan_in, generator=gen, dtype=dtype) * variance ** 0.5)
                layer.bias.zero_()
            self.layers.append(layer)

    def forward(self, x):
        h = (x - self.shift) / self.scale
        for layer in self.layers[:-1]:
            h = torch.nn.functional.softplus(layer(h))
        return self.layers[-1](h).squeeze(1)


def input_gradient(model, x, create_graph):
    x = x.detach().requires_grad_(True)
    e = model(x)
    return torch.autograd.grad(e.sum(), x, create_graph=create_graph)[0]


def dsm_loss(model, x, gen):
    z = torch.randn(x.shape, generator=gen, dtype=x.dtype)
    g = input_gradient(model, x + SIGMA * z, create_graph=True)
    return 0.5 * ((g - z / SIGMA) ** 2).sum(1).mean()


def langevin_loss(model, x, gen, low, high, alpha):
    chains = low + (high - low) * torch.rand(x.shape, generator=gen, dtype=x.dtype)
    noise = (2 * EPS) ** 0.5
    for _ in range(STEPS):
        chains = chains - EPS * input_gradient(model, chains, create_graph=False) + noise * torch.randn(x.shape, generator=gen, dtype=x.dtype)
    positive, negative = model(x), model(chains.detach())
    loss = positive.mean() - negative.mean()
    if alpha > 0:
        loss = loss + alpha * ((positive ** 2).mean() + (negative ** 2).mean())
    return loss


def run_epoch(model, optimizer, X, objective, gen, low, high, alpha, batches=None):
    order = torch.randperm(X.shape[0], generator=gen)
    total, count = 0.0, 0
    for k, start in enumerate(range(0, X.shape[0], BATCH)):
        if batches is not None and k == batches:
            break
        x = X[order[start:start + BATCH]]
        loss = dsm_loss(model, x, gen) if objective == "dsm" else langevin_loss(model, x, gen, low, high, alpha)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        total, count = total + float(loss), count + 1
    return total / count, count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--objective", default="dsm", choices=["dsm", "ml-langevin"])
    ap.add_argument("--dtype", default="f32", choices=["f32", "f64"])
    ap.add_argument("--data", default="")
    ap.add_argument("--points", type=int, default=100_000, help="points drawn when --data is not given")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--optimizer", default="adam", choices=["adam", "sgd"])
    ap.add_argument("--alpha", type=float, default=0.0, help="energy regularisation of ml-langevin")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    dt = torch.float32 if a.dtype == "f32" else torch.float64
    data = np.load(a.data)[:, :2] if a.data else two_moons(a.points, a.seed)
    X = torch.from_numpy(np.ascontiguousarray(data, dtype=np.float64)).to(dt)
    shift, scale = X.mean(0), X.std(0, unbiased=False)
    low, high = X.min(0).values, X.max(0).values
    low, high = low - 0.1 * (high - low), high + 0.1 * (high - low)
    state = {}

    def setup():
        gen = torch.Generator().manual_seed(a.seed)
        model = Energy(shift, scale, gen, dt)
        optimizer = (torch.optim.Adam(model.parameters(), lr=LR) if a.optimizer == "adam"
                     else torch.optim.SGD(model.parameters(), lr=LR))
        state.update(model=model, optimizer=optimizer, gen=gen)

    setup()
    run_epoch(state["model"], state["optimizer"], X, a.objective, state["gen"], low, high, a.alpha, batches=5)   # warm-up

    def run(_):
        state["loss"], state["batches"] = run_epoch(state["model"], state["optimizer"], X, a.objective, state["gen"], low, high, a.alpha)

    ts, info = pd.time_reps(run, a.reps, setup)
    med, lo, hi = pd.stats(ts)
    pd.emit(dict(workload="W11", impl="torch", objective=a.objective, dtype=a.dtype, layers="%dx%d" % (LAYERS, HIDDEN),
                 activation="softplus", optimizer=a.optimizer, lr=LR, batch=BATCH, points=X.shape[0],
                 batches=state["batches"], threads=torch.get_num_threads(), omp_wait=OMP_WAIT, reps=a.reps,
                 epoch_s_median=med, epoch_s_min=lo, epoch_s_max=hi, batch_ms_median=1000 * med / state["batches"],
                 loss_epoch_mean=state["loss"], torch=torch.__version__, **info))


if __name__ == "__main__":
    main()
