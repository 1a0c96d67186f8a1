using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// CD-k with large k, PCD and tempered SML of the Gaussian-Bernoulli RBM: from many mixed chains their gradient is the
/// exact one within its Monte Carlo standard error.
/// </summary>
/// <remarks>
/// A 3 x 2 model with weights and biases in [-0.5, 0.5], where block Gibbs forgets its start within a few steps; 2000
/// independent chains, 30 Gibbs steps (20 tempering steps). The negative phase is a mean of 2000 independent per-chain
/// free-energy gradients, so its standard error per coordinate is their sample standard deviation / sqrt(2000). Each of
/// the 14 coordinates must lie within 5 SE: a false failure has probability below 14 x 6e-7 = 1e-5 per objective.
/// </remarks>
public sealed class GaussianBernoulliRbmSampledGradientTests
{
    private const int Chains = 2000;
    private static readonly Mat Data = Mat.From(3, 3, [0.5, -1.2, 2.0, 1.5, 0.3, -0.7, -0.4, 0.9, 0.1]);
    private static readonly GaussianBernoulliRbm Model = RbmTestModels.GaussianBernoulli(3, 2, 0.5, 0.5, 8UL);

    [Fact]
    public void Pcd_matches_the_exact_gradient_within_its_standard_error()
    {
        var objective = GaussianBernoulliRbmTraining.PersistentContrastiveDivergence(Chains, k: 30, learnSigma: true);
        var result = objective.Step(RngKey.FromSeed(2), Model, objective.StartChains(RngKey.FromSeed(1), Model).ThrowIfFail(), Data).ThrowIfFail();
        AssertWithinStandardErrors(result.Gradient, result.Chains.Head);
    }

    [Fact]
    public void Tempered_sml_matches_the_exact_gradient_within_its_standard_error()
    {
        var objective = GaussianBernoulliRbmTraining.Tempered(Chains, replicas: 3, minBeta: 0.3, steps: 20, learnSigma: true);
        var result = objective.Step(RngKey.FromSeed(4), Model, objective.StartChains(RngKey.FromSeed(3), Model).ThrowIfFail(), Data).ThrowIfFail();
        AssertWithinStandardErrors(result.Gradient, result.Chains.Last);
        Assert.Equal(["swap-rate-0", "swap-rate-1", "swap-rate"], result.Metrics.Map(m => m.Name).ToArray());
    }

    [Fact]
    public void Cd_with_many_steps_matches_the_exact_gradient_within_its_standard_error()
    {
        // CD starts one chain per example: the minibatch is the data repeated to 2000 rows, so the positive phase is
        // the data's exactly. Its chains are not returned; the per-chain spread is taken from PCD chains of the same model.
        var repeated = Mat.Create(Chains, 3, d =>
        {
            for (var r = 0; r < Chains; r++) Data.Row(r % Data.Rows).CopyTo(d.Slice(r * 3, 3));
        });
        var cd = GaussianBernoulliRbmTraining.ContrastiveDivergence(k: 30, learnSigma: true).Step(RngKey.FromSeed(6), Model, Seq<Mat>(), repeated).ThrowIfFail();
        var pcd = GaussianBernoulliRbmTraining.PersistentContrastiveDivergence(Chains, k: 30, learnSigma: true);
        var spread = pcd.Step(RngKey.FromSeed(2), Model, pcd.StartChains(RngKey.FromSeed(1), Model).ThrowIfFail(), Data).ThrowIfFail().Chains.Head;
        AssertWithinStandardErrors(cd.Gradient, spread);
    }

    private static void AssertWithinStandardErrors(Vec gradient, Mat chains)
    {
        var exact = GaussianBernoulliRbmTraining.ExactLikelihood(learnSigma: true).Step(RngKey.FromSeed(9), Model, Seq<Mat>(), Data).ThrowIfFail().Gradient;
        var perChain = Enumerable.Range(0, chains.Rows)
            .Select(c => GaussianBernoulliRbmTraining.Flatten(Model, Model.FreeEnergyGradient(Mat.From(1, 3, chains.Row(c)[..3])), learnSigma: true).ToArray())
            .ToArray();
        for (var k = 0; k < exact.Length; k++)
        {
            var values = perChain.Select(g => g[k]).ToArray();
            var mean = values.Average();
            var se = Math.Sqrt(values.Select(x => (x - mean) * (x - mean)).Sum() / (values.Length - 1) / values.Length);
            Assert.True(se > 0);
            Assert.True(Math.Abs(gradient[k] - exact[k]) <= 5 * se, $"coordinate {k}: sampled {gradient[k]}, exact {exact[k]}, se {se}");
        }
    }
}
