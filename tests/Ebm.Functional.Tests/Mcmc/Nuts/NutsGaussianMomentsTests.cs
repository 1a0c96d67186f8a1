using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Nuts;
using NutsSampler = Ebm.Functional.Mcmc.Nuts.Nuts;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Mcmc.ContinuousTestSupport;

namespace Ebm.Functional.Tests.Mcmc.Nuts;

/// <summary>
/// NUTS samples Gaussians with the exact mean and covariance: the 2-D correlated Gaussian of the HMC tests at three beta,
/// an ill-conditioned 2-D Gaussian (standard deviations 5 and 0.2 along the diagonals) and a correlated 10-D Gaussian
/// whose standard deviations run from 0.1 to 1.
/// </summary>
/// <remarks>
/// C = 64 chains started from exact draws (stationary from step 0, independent), T steps each; each chain's time
/// average is one independent batch, and every statistic is checked within Z = 4.5 standard errors of the 64 batch means
/// (delta = 3e-5 per check, t with 63 degrees of freedom; 5 checks per 2-D case, 21 in 10-D: 9e-4 over the 31 checks of
/// this class; see <see cref="ContinuousTestSupport"/>). A kernel that chose the last point of the trajectory, or that
/// drew uniformly over it, has the wrong stationary law and fails the variance checks by many standard errors.
/// </remarks>
public sealed class NutsGaussianMomentsTests
{
    private const int Chains = 64;

    public static TheoryData<double> Betas() => new() { 0.5, 1.0, 2.0 };

    [Theory]
    [MemberData(nameof(Betas))]
    public void Correlated_gaussian_moments_are_exact(double beta)
    {
        var mu = Vec.Of(1.0, -1.0);
        double[,] covariance = { { 1 / 1.75, -0.5 / 1.75 }, { -0.5 / 1.75, 2 / 1.75 } };
        var model = Gaussian(mu, Mat.FromRows([[2.0, 0.5], [0.5, 1.0]]));
        var root = RngKey.FromSeed(20260101 + (ulong)(beta * 10));
        var nuts = NutsSampler.Create(model, beta, 0.4 / Math.Sqrt(beta));
        Check(root, model, beta, nuts, 1000, mu.ToArray(), Scaled(covariance, 1 / beta), $"beta {beta}");
    }

    [Fact]
    public void Ill_conditioned_gaussian_moments_are_exact()
    {
        // Sigma = R diag(25, 0.04) R^T with R the 45 degree rotation; P = R diag(1/25, 25) R^T.
        double[,] covariance = { { 12.52, 12.48 }, { 12.48, 12.52 } };
        var precision = Mat.FromRows([[0.5 * (0.04 + 25), 0.5 * (0.04 - 25)], [0.5 * (0.04 - 25), 0.5 * (0.04 + 25)]]);
        var model = Gaussian(Vec.Of(0.0, 2.0), precision);
        var nuts = NutsSampler.Create(model, 1.0, 0.1);
        Check(RngKey.FromSeed(77), model, 1.0, nuts, 500, [0.0, 2.0], covariance, "ill-conditioned 2-D");
    }

    [Fact]
    public void Ten_dimensional_gaussian_moments_are_exact()
    {
        // Sigma = Q diag(lambda) Q^T, P = Q diag(1/lambda) Q^T with Q = I - 2 v v^T / |v|^2 (orthogonal and symmetric),
        // lambda_i = 0.01 * 100^(i / 9): standard deviations from 0.1 to 1, a condition number of 100.
        const int d = 10;
        var v = Enumerable.Range(0, d).Select(i => 1.0 + 0.3 * i).ToArray();
        var norm = v.Sum(x => x * x);
        var lambda = Enumerable.Range(0, d).Select(i => 0.01 * Math.Pow(100, i / 9.0)).ToArray();
        double Q(int i, int j) => (i == j ? 1 : 0) - 2 * v[i] * v[j] / norm;
        double Product(int i, int j, Func<int, double> diagonal) => Enumerable.Range(0, d).Sum(k => Q(i, k) * diagonal(k) * Q(k, j));
        var covariance = new double[d, d];
        var precision = new double[d][];
        for (var i = 0; i < d; i++)
        {
            precision[i] = new double[d];
            for (var j = 0; j < d; j++)
            {
                covariance[i, j] = Product(i, j, k => lambda[k]);
                precision[i][j] = Product(i, j, k => 1 / lambda[k]);
            }
        }

        var mean = Enumerable.Range(0, d).Select(i => 0.1 * i - 0.4).ToArray();
        var model = Gaussian(Vec.Of(mean), Mat.FromRows(precision));
        var nuts = NutsSampler.Create(model, 1.0, 0.05);
        Check(RngKey.FromSeed(78), model, 1.0, nuts, 400, mean, covariance, "10-D");
    }

    private static double[,] Scaled(double[,] a, double factor)
    {
        var b = (double[,])a.Clone();
        for (var i = 0; i < a.GetLength(0); i++)
        for (var j = 0; j < a.GetLength(1); j++) b[i, j] *= factor;
        return b;
    }

    /// <summary>Checks every mean, every variance and the covariance of each coordinate with the next.</summary>
    private static void Check(
        RngKey root, Ebm.Functional.Models.GaussianModel model, double beta, Sampler<Mat, ContinuousChains, NutsInfo> nuts, int steps,
        double[] mean, double[,] covariance, string what)
    {
        var d = mean.Length;
        var statistics = new List<Func<ReadOnlySpan<double>, double>>();
        for (var i = 0; i < d; i++)
        {
            var j = i;
            statistics.Add(x => x[j]);
            statistics.Add(x => (x[j] - mean[j]) * (x[j] - mean[j]));
            if (j + 1 < d) statistics.Add(x => (x[j] - mean[j]) * (x[j + 1] - mean[j + 1]));
        }

        var start = nuts.Init(ExactDraws(root.FoldIn(0), model, beta, Chains));
        var averages = ChainAverages(root.FoldIn(1), start, nuts.Step, 0, steps, statistics);
        var k = 0;
        for (var i = 0; i < d; i++)
        {
            AssertMatches(averages, k++, mean[i], $"{what}: mean x{i}");
            AssertMatches(averages, k++, covariance[i, i], $"{what}: var x{i}");
            if (i + 1 < d) AssertMatches(averages, k++, covariance[i, i + 1], $"{what}: cov x{i} x{i + 1}");
        }
    }
}
