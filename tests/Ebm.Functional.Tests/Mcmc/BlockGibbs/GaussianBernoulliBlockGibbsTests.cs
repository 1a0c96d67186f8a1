using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc.BlockGibbs;

/// <summary>
/// Block Gibbs on tiny Gaussian-Bernoulli RBMs: the chains' mean and second moment of every visible unit match
/// the exact moments of p_beta, a mixture over h of Gaussians computed here by enumerating h.
/// </summary>
public sealed class GaussianBernoulliBlockGibbsTests
{
    public static TheoryData<double[][], double[], double[], double[], double> Models() => new()
    {
        { [[0.8, -0.5], [0.3, 0.9]], [0.5, -1.0], [-0.3, 0.4], [0.7, 1.5], 0.9 },
        { [[1.2]], [0.2], [-0.5], [0.8], 1.7 },
        { [[1.1, -0.9]], [-0.4], [0.1, 0.3], [1.3], 0.6 },
    };

    /// <summary>
    /// Exact E[v_i] and E[v_i^2]. Writing v_i = b_i + sigma_i t_i and a_i = (W h)_i, -beta E(v,h) =
    /// beta [c^T h + sum_i (a_i b_i / sigma_i + a_i^2 / 2 - (t_i - a_i)^2 / 2)], so p(h) ∝ exp(beta (c^T h +
    /// sum_i (a_i b_i / sigma_i + a_i^2 / 2))) (the Gaussian integral does not depend on h) and v_i | h is normal
    /// with mean b_i + sigma_i a_i and variance sigma_i^2 / beta.
    /// </summary>
    private static (double[] Mean, double[] SecondMoment) ExactMoments(double[][] w, double[] b, double[] c, double[] sigma, double beta)
    {
        int nv = b.Length, nh = c.Length;
        var logWeights = new double[1 << nh];
        var means = new double[1 << nh][];
        for (var h = 0; h < 1 << nh; h++)
        {
            var logWeight = 0.0;
            means[h] = new double[nv];
            for (var j = 0; j < nh; j++) logWeight += c[j] * ((h >> j) & 1);
            for (var i = 0; i < nv; i++)
            {
                var a = 0.0;
                for (var j = 0; j < nh; j++) a += w[i][j] * ((h >> j) & 1);
                logWeight += a * b[i] / sigma[i] + a * a / 2;
                means[h][i] = b[i] + sigma[i] * a;
            }

            logWeights[h] = beta * logWeight;
        }

        var max = logWeights.Max();
        var weights = logWeights.Select(l => Math.Exp(l - max)).ToArray();
        var total = weights.Sum();
        var mean = new double[nv];
        var second = new double[nv];
        for (var h = 0; h < 1 << nh; h++)
        for (var i = 0; i < nv; i++)
        {
            mean[i] += weights[h] / total * means[h][i];
            second[i] += weights[h] / total * (means[h][i] * means[h][i] + sigma[i] * sigma[i] / beta);
        }

        return (mean, second);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Visible_mean_and_second_moment_match_the_exact_mixture(double[][] w, double[] b, double[] c, double[] sigma, double beta)
    {
        // 500 independent chains x 200 steps after 30 burn-in steps. Each chain's time average is one replicate, so
        // the standard error of the grand mean is the spread of the chain averages over sqrt(500) (this includes the
        // autocorrelation within chains). Bound: 5 standard errors per moment (delta ~ 6e-7 each under normality).
        const int chains = 500;
        const int steps = 200;
        var model = GaussianBernoulliRbm.Create(Mat.FromRows(w), Vec.From(b), Vec.From(c), Vec.From(sigma))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        int nv = b.Length, nh = c.Length;
        var (exactMean, exactSecond) = ExactMoments(w, b, c, sigma, beta);
        var sampler = GaussianBernoulliBlockGibbs.Create(model, beta);
        var key = RngKey.FromSeed(404);
        var state = Loop.Run(key.FoldIn(0), sampler.Init(Mat.Zeros(chains, nv + nh)), 30, sampler.Step);
        var (final, trace) = Loop.Scan(key.FoldIn(1), state, steps, sampler.Step, (s, _) => s.Visible);
        for (var i = 0; i < nv; i++)
        {
            var chainMeans = new double[chains];
            var chainSeconds = new double[chains];
            foreach (var visible in trace)
                for (var r = 0; r < chains; r++)
                {
                    chainMeans[r] += visible[r, i] / steps;
                    chainSeconds[r] += visible[r, i] * visible[r, i] / steps;
                }

            AssertWithinFiveStandardErrors(chainMeans, exactMean[i], $"E[v_{i}]");
            AssertWithinFiveStandardErrors(chainSeconds, exactSecond[i], $"E[v_{i}^2]");
        }

        var energies = model.Energies(final.Joint());
        for (var r = 0; r < chains; r++)
            Assert.True(Math.Abs(final.Energies[r] - energies[r]) <= 1e-12 * (1 + Math.Abs(energies[r])), $"cached energy of chain {r}");
    }

    [Fact]
    public void Results_are_bit_identical_for_one_thread_and_many()
    {
        var model = GaussianBernoulliRbm.Create(Mat.FromRows([[0.5, -0.2, 0.1], [0.3, 0.4, -0.6]]), Vec.Of(0.1, -0.3), Vec.Of(0.2, 0.0, -0.1), Vec.Of(0.9, 1.4))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var start = Mat.Zeros(50, 5);
        var serial = GaussianBernoulliBlockGibbs.Create(model, 0.7, maxDegreeOfParallelism: 1);
        var parallel = GaussianBernoulliBlockGibbs.Create(model, 0.7);
        var key = RngKey.FromSeed(78);
        var a = Loop.Run(key, serial.Init(start), 5, serial.Step);
        var b = Loop.Run(key, parallel.Init(start), 5, parallel.Step);
        Assert.Equal(a.Visible, b.Visible);
        Assert.Equal(a.Hidden, b.Hidden);
        Assert.Equal(a.Energies, b.Energies);
    }

    private static void AssertWithinFiveStandardErrors(double[] replicates, double exact, string what)
    {
        var mean = replicates.Average();
        var standardError = Math.Sqrt(replicates.Select(x => (x - mean) * (x - mean)).Sum() / (replicates.Length - 1) / replicates.Length);
        Assert.True(Math.Abs(mean - exact) <= 5 * standardError, $"{what}: {mean} vs exact {exact} (se {standardError})");
    }
}
