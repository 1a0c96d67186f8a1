"""Independent reference values for ParetoKTests (numpy and scipy; run with python3 pareto_k_reference.py).

Pareto k-hat of importance weights as described by Vehtari, Simpson, Gelman, Yao and Gabry (2024),
"Pareto smoothed importance sampling", JMLR 25(72): the M = floor(min(S/5, 3 sqrt S)) largest weights (at least 5)
minus the largest weight below them, fitted by the Zhang and Stephens (2009) empirical Bayes estimator (grid of
30 + floor(sqrt M) points, prior 3), then shrunk by the weakly informative prior (M k + 5) / (M + 10).
Written from the papers' equations in vectorised numpy, independently of the C# code.
"""
import numpy as np
from scipy.stats import norm


def zhang_stephens(x):
    x = np.sort(np.asarray(x, dtype=float))
    n = x.size
    grid = 30 + int(np.floor(np.sqrt(n)))
    quartile = x[int(np.floor(n / 4 + 0.5)) - 1]
    j = np.arange(1, grid + 1)
    theta = 1 / x[-1] + (1 - np.sqrt(grid / (j - 0.5))) / (3 * quartile)
    k = np.log1p(-np.outer(theta, x)).mean(axis=1)
    profile = n * (np.log(-theta / k) - k - 1)
    weights = np.exp(profile - profile.max())
    weights /= weights.sum()
    theta_hat = (theta * weights).sum()
    k_hat = np.log1p(-theta_hat * x).mean()
    sigma = -k_hat / theta_hat
    return (n * k_hat + 5) / (n + 10), sigma


def pareto_k(log_weights):
    lw = np.sort(np.asarray(log_weights, dtype=float))
    s = lw.size
    m = max(5, int(np.floor(min(s / 5, 3 * np.sqrt(s)))))
    w = np.exp(lw - lw[-1])
    return zhang_stephens(w[s - m:] - w[s - m - 1])[0]


def positions(s):
    return (np.arange(1, s + 1) - 0.5) / s


if __name__ == "__main__":
    print("weights 1..20:", repr(pareto_k(np.log(np.arange(1, 21)))))
    print("fit 1..5:", tuple(map(repr, zhang_stephens(np.arange(1, 6)))))
    print("fit exponential quantiles (20):", tuple(map(repr, zhang_stephens(-np.log1p(-positions(20))))))
    for s in (100, 1000):
        print(f"exp(0.97 E) quantiles ({s}):", repr(pareto_k(-0.97 * np.log1p(-positions(s)))))
    print("lomax k = 0.5 quantiles (1000):", repr(pareto_k(np.log(((1 - positions(1000)) ** -0.5 - 1) / 0.5))))
    print("lognormal sigma 1 quantiles (1000):", repr(pareto_k(norm.ppf(positions(1000)))))
