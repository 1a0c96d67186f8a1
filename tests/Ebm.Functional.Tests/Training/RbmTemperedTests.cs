using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>Tempered SML for the Bernoulli RBM: its chains, swap-rate metrics, errors, and its gradient against the exact one.</summary>
public sealed class RbmTemperedTests
{
    [Fact]
    public void Chains_are_one_joint_matrix_per_rung_and_every_pair_reports_a_swap_rate()
    {
        var model = RbmTestModels.Bernoulli(6, 3, 1.0, 0.5, 2UL);
        var objective = RbmTraining.Tempered(chains: 10, replicas: 4);
        var chains = objective.StartChains(RngKey.FromSeed(1), model).ThrowIfFail();
        Assert.Equal(4, chains.Count);
        Assert.All(chains, m => Assert.Equal((10, 9), (m.Rows, m.Columns)));
        var step = objective.Step(RngKey.FromSeed(2), model, chains, Mat.Zeros(3, 6)).ThrowIfFail();
        Assert.Equal(["swap-rate-0", "swap-rate-1", "swap-rate-2", "swap-rate"], step.Metrics.Map(m => m.Name).ToArray());
        Assert.All(step.Metrics, m => Assert.InRange(m.Value, 0.0, 1.0));
        Assert.Equal(step.Metrics.Take(3).Map(m => m.Value).Average(), step.Metrics.Last.Value, 14);
        Assert.All(step.Chains, m => Assert.All(m.Span.ToArray(), x => Assert.True(x is 0.0 or 1.0)));
        Assert.Equal(step, objective.Step(RngKey.FromSeed(2), model, chains, Mat.Zeros(3, 6)).ThrowIfFail(), new ResultComparer());
    }

    [Fact]
    public void The_gradient_from_many_mixed_chains_matches_the_exact_gradient_within_its_standard_error()
    {
        // 2000 chains, 4 rungs, 20 tempering steps from uniform states on a 5 x 3 RBM with weights in [-1, 1], where
        // block Gibbs alone forgets its start within a few steps, so the chains are draws from p. Chains are independent, so the negative phase's
        // standard error per coordinate is the chains' sample standard deviation / sqrt(2000). Each of the 23 coordinates
        // must lie within 5 SE: a false failure has probability below 23 x 6e-7 = 1.4e-5.
        var model = RbmTestModels.Bernoulli(5, 3, 1.0, 0.5, 6UL);
        var data = Mat.From(2, 5, [1, 0, 1, 0, 1, 0, 1, 1, 0, 0]);
        const int chains = 2000;
        var objective = RbmTraining.Tempered(chains, replicas: 4, minBeta: 0.2, steps: 20);
        var start = objective.StartChains(RngKey.FromSeed(3), model).ThrowIfFail();
        var tempered = objective.Step(RngKey.FromSeed(4), model, start, data).ThrowIfFail();
        var exact = RbmTraining.ExactLikelihood().Step(RngKey.FromSeed(4), model, Seq<Mat>(), data).ThrowIfFail();

        var cold = tempered.Chains.Last;
        var perChain = Enumerable.Range(0, chains)
            .Select(c => RbmTraining.Flatten(model.FreeEnergyGradient(Mat.From(1, 5, cold.Row(c)[..5]))).ToArray())
            .ToArray();
        for (var k = 0; k < exact.Gradient.Length; k++)
        {
            var values = perChain.Select(g => g[k]).ToArray();
            var mean = values.Average();
            var se = Math.Sqrt(values.Select(x => (x - mean) * (x - mean)).Sum() / (chains - 1) / chains);
            Assert.True(Math.Abs(tempered.Gradient[k] - exact.Gradient[k]) <= 5 * se + 1e-12, $"coordinate {k}: tempered {tempered.Gradient[k]}, exact {exact.Gradient[k]}, se {se}");
        }
    }

    [Fact]
    public void Bad_settings_and_mismatched_chains_are_errors()
    {
        var model = RbmTestModels.Bernoulli(4, 2, 1.0, 1.0, 1UL);
        int Code<T>(Fin<T> f) => f.Match(Succ: _ => 0, Fail: e => e.Code);
        Assert.Equal(TrainingErrors.InvalidSettingCode, Code(RbmTraining.Tempered(0, 3).StartChains(RngKey.FromSeed(1), model)));
        Assert.Equal(TrainingErrors.InvalidSettingCode, Code(RbmTraining.Tempered(5, 1).StartChains(RngKey.FromSeed(1), model)));
        Assert.Equal(TrainingErrors.InvalidSettingCode, Code(RbmTraining.Tempered(5, 3, minBeta: 1.0).StartChains(RngKey.FromSeed(1), model)));
        Assert.Equal(TrainingErrors.InvalidSettingCode, Code(RbmTraining.Tempered(5, 3, steps: 0).StartChains(RngKey.FromSeed(1), model)));
        var objective = RbmTraining.Tempered(5, 3);
        var chains = objective.StartChains(RngKey.FromSeed(1), model).ThrowIfFail();
        Assert.Equal(TrainingErrors.ChainsMismatchCode, Code(objective.Step(RngKey.FromSeed(1), model, chains.Tail, Mat.Zeros(1, 4))));
        Assert.Equal(TrainingErrors.ChainsMismatchCode, Code(RbmTraining.Tempered(6, 3).Step(RngKey.FromSeed(1), model, chains, Mat.Zeros(1, 4))));
        Assert.Equal(TrainingErrors.WrongWidthCode, Code(objective.Step(RngKey.FromSeed(1), model, chains, Mat.Zeros(1, 5))));
    }

    /// <summary>Bit-for-bit equality of two objective results.</summary>
    private sealed class ResultComparer : IEqualityComparer<ObjectiveResult>
    {
        public bool Equals(ObjectiveResult? x, ObjectiveResult? y) =>
            x is not null && y is not null && x.Gradient == y.Gradient && x.Chains.SequenceEqual(y.Chains) && x.Metrics.SequenceEqual(y.Metrics);

        public int GetHashCode(ObjectiveResult obj) => obj.Gradient.GetHashCode();
    }
}
