using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Prng;
using LanguageExt;
using Xunit;
using Ebm.Functional.Estimators;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>The public resampling function and SMC progress reports.</summary>
public sealed class SmcResamplingTests
{
    private sealed class Recorder : IProgress<AnnealingProgress>
    {
        public List<AnnealingProgress> Reports { get; } = [];

        public void Report(AnnealingProgress value) => Reports.Add(value);
    }

    [Theory]
    [InlineData(ResamplingScheme.Multinomial)]
    [InlineData(ResamplingScheme.Systematic)]
    [InlineData(ResamplingScheme.Stratified)]
    [InlineData(ResamplingScheme.Residual)]
    public void Ancestors_are_reproducible_valid_indices_that_skip_zero_weights(ResamplingScheme scheme)
    {
        double[] weights = [0.0, 3.0, 0.0, 1.0, 0.0];
        var first = Valid(Resampling.Ancestors(RngKey.FromSeed(41), scheme, weights, 9));
        Assert.Equal(first, Valid(Resampling.Ancestors(RngKey.FromSeed(41), scheme, weights, 9)));
        Assert.Equal(9, first.Length);
        Assert.All(first, a => Assert.True(a is 1 or 3, $"ancestor {a} has weight zero"));
    }

    [Fact]
    public void Systematic_and_residual_resampling_of_exact_multiples_are_deterministic()
    {
        // N W = (2, 1, 1): no fractional parts, so every unbiased low-variance scheme must copy exactly that often.
        double[] weights = [0.5, 0.25, 0.25];
        foreach (var scheme in new[] { ResamplingScheme.Systematic, ResamplingScheme.Stratified, ResamplingScheme.Residual })
            Assert.Equal([0, 0, 1, 2], Valid(Resampling.Ancestors(RngKey.FromSeed(42), scheme, weights, 4)).Order().ToArray());
    }

    public static TheoryData<ResamplingScheme, double[], int, int> BadInputs() => new()
    {
        { ResamplingScheme.Systematic, [0.0, 0.0], 2, SmcErrors.InvalidResamplingWeightsCode },
        { ResamplingScheme.Systematic, [1.0, -1.0], 2, SmcErrors.InvalidResamplingWeightsCode },
        { ResamplingScheme.Systematic, [1.0, double.NaN], 2, SmcErrors.InvalidResamplingWeightsCode },
        { ResamplingScheme.Multinomial, [1.0, double.PositiveInfinity], 2, SmcErrors.InvalidResamplingWeightsCode },
        { ResamplingScheme.Residual, [], 2, SmcErrors.InvalidResamplingWeightsCode },
        { ResamplingScheme.Systematic, [1.0], 0, SmcErrors.InvalidAncestorCountCode },
        { (ResamplingScheme)99, [1.0], 1, SmcErrors.InvalidSchemeCode },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_weights_counts_and_schemes_are_error_values_and_nothing_throws(ResamplingScheme scheme, double[] weights, int count, int code)
    {
        Fin<int[]> result = default;
        Assert.Null(Record.Exception(() => result = Resampling.Ancestors(RngKey.FromSeed(43), scheme, weights, count)));
        var error = result.Match(a => throw new Xunit.Sdk.XunitException($"ancestors [{string.Join(", ", a)}] from bad input"), e => e);
        Assert.Equal(code, error.Code);
        Assert.StartsWith(code == SmcErrors.InvalidSchemeCode ? "smc:" : "resampling:", error.Message);
    }

    [Fact]
    public void Progress_reports_every_step_and_ends_at_one()
    {
        var (path, _) = SmcTestSupport.Machine();
        var options = SmcOptions.Create(20, Valid(AnnealingSchedule.Linear(7)), repetitions: 1).Match(o => o, e => throw new InvalidOperationException(e.Head.Message));
        var recorder = new Recorder();
        Valid(Smc.RunOnce(RngKey.FromSeed(44), path, options, recorder));
        Assert.Equal(Enumerable.Range(1, 7), recorder.Reports.Select(r => r.Step));
        Assert.All(recorder.Reports, r => Assert.Equal(7, r.Steps));
        Assert.Equal(1.0, recorder.Reports[^1].Point);
    }
}
