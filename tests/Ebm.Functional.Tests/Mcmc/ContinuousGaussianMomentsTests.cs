using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Mcmc.ContinuousTestSupport;
using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Mcmc.Mala;
using Ebm.Functional.Mcmc.RandomWalk;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// The exact kernels (random-walk Metropolis, MALA, HMC) sample the 2-D Gaussian
/// E = 1/2 (x - mu)^T P (x - mu) at several beta: the chains' mean matches mu and their covariance
/// matches the exact P^-1 / beta.
/// </summary>
/// <remarks>
/// mu = (1, -1), P = [[2, 0.5], [0.5, 1]], so P^-1 = [[1, -0.5], [-0.5, 2]] / 1.75. C = 64 chains started
/// from exact draws, T = 1500 steps each; five statistics per case, each checked within Z = 4.5 standard
/// errors of the chain averages (delta = 3e-5 per check, 1.4e-3 over the 45 checks of this class;
/// see <see cref="ContinuousTestSupport"/>). A kernel that ignored its Metropolis correction (MALA at
/// eps = 0.9 / sqrt(beta) without it inflates the variances by about 25 %) fails by many standard errors.
/// </remarks>
public sealed class ContinuousGaussianMomentsTests
{
    private const int Chains = 64;
    private const int Steps = 1500;
    private static readonly Vec Mu = Vec.Of(1.0, -1.0);
    private static readonly double[,] InversePrecision = { { 1 / 1.75, -0.5 / 1.75 }, { -0.5 / 1.75, 2 / 1.75 } };

    public static TheoryData<string, double> Cases()
    {
        var data = new TheoryData<string, double>();
        foreach (var kernel in new[] { "rwm", "mala", "hmc" })
        foreach (var beta in new[] { 0.5, 1.0, 2.0 })
            data.Add(kernel, beta);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mean_and_covariance_match_the_exact_gaussian(string kernel, double beta)
    {
        var model = Gaussian(Mu, Mat.FromRows([[2.0, 0.5], [0.5, 1.0]]));
        var root = RngKey.FromSeed(20240601 + (ulong)(beta * 10));
        var scale = 1.0 / Math.Sqrt(beta);
        var positions = ExactDraws(root.FoldIn(0), model, beta, Chains);
        var statistics = new Func<ReadOnlySpan<double>, double>[]
        {
            x => x[0], x => x[1],
            x => (x[0] - Mu[0]) * (x[0] - Mu[0]), x => (x[1] - Mu[1]) * (x[1] - Mu[1]), x => (x[0] - Mu[0]) * (x[1] - Mu[1]),
        };
        var averages = kernel switch
        {
            "rwm" => Run(RandomWalkMetropolis.Create(model, beta, 1.5 * scale)),
            "mala" => Run(Mala.Create(model, beta, 0.9 * scale)),
            _ => Run(Hmc.Create(model, beta, 0.3 * scale, 5)),
        };

        AssertMatches(averages, 0, Mu[0], $"{kernel} beta {beta} mean x0");
        AssertMatches(averages, 1, Mu[1], $"{kernel} beta {beta} mean x1");
        AssertMatches(averages, 2, InversePrecision[0, 0] / beta, $"{kernel} beta {beta} var x0");
        AssertMatches(averages, 3, InversePrecision[1, 1] / beta, $"{kernel} beta {beta} var x1");
        AssertMatches(averages, 4, InversePrecision[0, 1] / beta, $"{kernel} beta {beta} cov x0 x1");

        double[][] Run<TInfo>(Sampler<Mat, ContinuousChains, TInfo> sampler) =>
            ChainAverages(root.FoldIn(1), sampler.Init(positions), sampler.Step, 0, Steps, statistics);
    }
}
