using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>Energy, gradients and parameter gradients of the 2-D Gaussian mixture, all through a stable log-sum-exp.</summary>
/// <remarks>
/// Component k contributes the log-term l_k(x) = log w_k - log(2 pi sigma_k^2) - |x - mu_k|^2 / (2 sigma_k^2)
/// and E(x) = -log sum_k exp(l_k(x)) = -(m + log sum_k exp(l_k - m)) with m = max_k l_k, so no
/// exponential overflows and a point far from every component (where each N_k underflows to zero)
/// still has a finite energy and gradient.
/// </remarks>
public sealed partial record GaussianMixture2D
{
    private readonly Vec _logNormalisers;
    private readonly Vec _inverseVariances;

    /// <summary>E(x) = -log sum_k w_k N(x; mu_k, sigma_k^2 I).</summary>
    /// <example>One component with w = 1, sigma = 1 at its mean: E = log(2 pi) = 1.8379.</example>
    public double Energy(ReadOnlySpan<double> x)
    {
        ToyChecks.RequirePoint(x, nameof(x));
        Span<double> terms = stackalloc double[Weights.Length];
        return -LogTerms(x[0], x[1], terms);
    }

    /// <summary>E of every row of the n x 2 batch.</summary>
    public Vec Energies(Mat xs)
    {
        ToyChecks.RequireBatch(xs, nameof(xs));
        var terms = new double[Weights.Length];
        return Vec.Create(xs.Rows, energies =>
        {
            for (var row = 0; row < xs.Rows; row++) energies[row] = -LogTerms(xs[row, 0], xs[row, 1], terms);
        });
    }

    /// <summary>dE/dx = sum_k r_k(x) (x - mu_k) / sigma_k^2, with the responsibilities r_k from the log-terms.</summary>
    public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        ToyChecks.RequirePoint(x, nameof(x));
        ToyChecks.RequirePoint(gradient, nameof(gradient));
        Span<double> responsibilities = stackalloc double[Weights.Length];
        Responsibilities(x[0], x[1], responsibilities);
        double gx = 0, gy = 0;
        for (var k = 0; k < responsibilities.Length; k++)
        {
            var pull = responsibilities[k] * _inverseVariances[k];
            gx += pull * (x[0] - Means[k, 0]);
            gy += pull * (x[1] - Means[k, 1]);
        }

        gradient[0] = gx;
        gradient[1] = gy;
    }

    /// <summary>The gradient in log-weights, weights, means and sigmas at one point (see <see cref="GaussianMixture2DGradient"/>).</summary>
    public GaussianMixture2DGradient ParameterGradient(ReadOnlySpan<double> x)
    {
        ToyChecks.RequirePoint(x, nameof(x));
        var point = Mat.From(1, 2, x);
        return MeanParameterGradient(point);
    }

    /// <summary>The parameter gradient averaged over the rows of the n x 2 batch.</summary>
    public GaussianMixture2DGradient MeanParameterGradient(Mat xs)
    {
        ToyChecks.RequireNonEmptyBatch(xs, nameof(xs));
        var components = Weights.Length;
        var logWeights = new double[components];
        var means = new double[components * 2];
        var sigmas = new double[components];
        var responsibilities = new double[components];
        for (var row = 0; row < xs.Rows; row++)
        {
            double x = xs[row, 0], y = xs[row, 1];
            Responsibilities(x, y, responsibilities);
            for (var k = 0; k < components; k++)
            {
                var r = responsibilities[k];
                double dx = x - Means[k, 0], dy = y - Means[k, 1];
                var inverseVariance = _inverseVariances[k];
                logWeights[k] -= r;
                means[2 * k] -= r * inverseVariance * dx;
                means[2 * k + 1] -= r * inverseVariance * dy;
                sigmas[k] += r * (2.0 - (dx * dx + dy * dy) * inverseVariance) / Sigmas[k];
            }
        }

        double scale = 1.0 / xs.Rows;
        return new GaussianMixture2DGradient(
            Vec.Create(components, g => { for (var k = 0; k < components; k++) g[k] = scale * logWeights[k]; }),
            Vec.Create(components, g => { for (var k = 0; k < components; k++) g[k] = scale * logWeights[k] / Weights[k]; }),
            Mat.Create(components, 2, g => { for (var i = 0; i < 2 * components; i++) g[i] = scale * means[i]; }),
            Vec.Create(components, g => { for (var k = 0; k < components; k++) g[k] = scale * sigmas[k]; }));
    }

    /// <summary>log w_k - log(2 pi sigma_k^2) and 1 / sigma_k^2, fixed at construction so the energy costs no logarithm per component.</summary>
    private static (Vec LogNormalisers, Vec InverseVariances) ComponentConstants(Vec weights, Vec sigmas) =>
    (
        Vec.Create(weights.Length, a =>
        {
            for (var k = 0; k < a.Length; k++) a[k] = Math.Log(weights[k]) - Math.Log(2.0 * Math.PI * sigmas[k] * sigmas[k]);
        }),
        Vec.Create(sigmas.Length, v =>
        {
            for (var k = 0; k < v.Length; k++) v[k] = 1.0 / (sigmas[k] * sigmas[k]);
        })
    );

    /// <summary>Fills <paramref name="terms"/> with l_k(x, y) and returns log sum_k exp(l_k) = -E.</summary>
    private double LogTerms(double x, double y, Span<double> terms)
    {
        var means = Means.Span;
        var logNormalisers = _logNormalisers.Span;
        var inverseVariances = _inverseVariances.Span;
        var largest = double.NegativeInfinity;
        for (var k = 0; k < terms.Length; k++)
        {
            double dx = x - means[2 * k], dy = y - means[2 * k + 1];
            var term = logNormalisers[k] - 0.5 * (dx * dx + dy * dy) * inverseVariances[k];
            terms[k] = term;
            if (term > largest) largest = term;
        }

        // Only a point so far away that every squared distance overflows gets here: E = +infinity.
        if (double.IsNegativeInfinity(largest)) return largest;
        var sum = 0.0;
        for (var k = 0; k < terms.Length; k++) sum += Math.Exp(terms[k] - largest);
        return largest + Math.Log(sum);
    }

    /// <summary>Fills <paramref name="responsibilities"/> with r_k = exp(l_k - log sum_j exp(l_j)), each in [0, 1].</summary>
    private void Responsibilities(double x, double y, Span<double> responsibilities)
    {
        var logTotal = LogTerms(x, y, responsibilities);
        for (var k = 0; k < responsibilities.Length; k++) responsibilities[k] = Math.Exp(responsibilities[k] - logTotal);
    }
}
