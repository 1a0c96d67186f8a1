using Ebm.Functional.Estimators;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using LanguageExt.Common;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// The importance weight function and the estimators built on it return a proposal density of the wrong length as
/// an error value: a user's own <see cref="Proposal"/> whose density drops a row never throws.
/// </summary>
public sealed class ImportanceWeightErrorTests
{
    private static readonly BoltzmannMachine Model = BoltzmannRandom.Create(31, 4, StateConvention.Binary);

    private static readonly Proposal Uniform = Proposal.Uniform(4, StateConvention.Binary);

    // One density fewer than rows: the kind of off-by-one a hand-written batch density makes.
    private static readonly Proposal Short = Uniform with
    {
        LogDensity = draws => Uniform.LogDensity(draws) is var full ? Vec.Create(full.Length - 1, d => full.Span[..d.Length].CopyTo(d)) : full,
    };

    [Fact]
    public void The_weight_function_returns_a_length_mismatch()
    {
        Fin<Vec> result = default;
        Assert.Null(Record.Exception(() => result = ImportanceSampling.LogWeights(Vec.Of([1.0, 2.0, 3.0]), 1.0, Vec.Of([0.5, 0.5]))));
        var error = result.Match(w => throw new Xunit.Sdk.XunitException($"{w.Length} weights from mismatched input"), e => e);
        Assert.Equal(SamplingEstimateErrors.LengthMismatchCode, error.Code);
        Assert.Contains("3", error.Message);
        Assert.Contains("2", error.Message);
    }

    [Fact]
    public void The_weight_function_is_minus_beta_energy_minus_log_proposal()
    {
        var weights = Valid(ImportanceSampling.LogWeights(Vec.Of([1.0, -2.0]), 0.5, Vec.Of([0.25, -1.0])));
        Assert.Equal([-0.75, 2.0], weights.Span.ToArray());
    }

    [Fact]
    public void Importance_sampling_with_a_short_proposal_density_is_an_error_value()
    {
        Validation<Error, Ebm.Functional.Estimation.LogZEstimate> result = default;
        Assert.Null(Record.Exception(() => result = ImportanceSampling.Estimate(RngKey.FromSeed(1), Model, 1.0, Short, 10)));
        Assert.Equal([SamplingEstimateErrors.LengthMismatchCode], Failures(result).Map(e => e.Code).ToArray());
    }

    [Fact]
    public void Bridge_sampling_with_a_short_proposal_density_is_an_error_value()
    {
        var targetDraws = Uniform.Sample(RngKey.FromSeed(2), 6);
        Validation<Error, Ebm.Functional.Estimation.LogZEstimate> result = default;
        Assert.Null(Record.Exception(() => result = BridgeSampling.Estimate(RngKey.FromSeed(3), Model, 1.0, Short, targetDraws, 8)));
        Assert.Equal([SamplingEstimateErrors.LengthMismatchCode], Failures(result).Map(e => e.Code).ToArray());
    }
}
