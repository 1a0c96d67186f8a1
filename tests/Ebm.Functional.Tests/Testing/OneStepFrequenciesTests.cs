using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Testing;
using Ebm.Functional.Tests.Models;

namespace Ebm.Functional.Tests.Testing;

/// <summary>
/// The one-step frequency test passes the library's kernels against their own rows and fails a kernel tested
/// against another kernel's row. Each passing case fails with probability <see cref="Delta"/> = 1e-6 (Pearson's
/// chi-square at n = <see cref="Draws"/> draws, every cell's expected count at least 5 after pooling).
/// </summary>
public sealed class OneStepFrequenciesTests
{
    private const int Draws = 20_000;
    private const double Delta = 1e-6;

    public static TheoryData<string, int> Kernels => new()
    {
        { "metropolis/random", 0 }, { "metropolis/systematic", 5 }, { "gibbs/random", 3 }, { "gibbs/systematic", 6 },
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Each_single_site_kernel_draws_from_its_exact_row(string kernel, int start)
    {
        foreach (var convention in new[] { StateConvention.Binary, StateConvention.Spin })
        {
            var model = BoltzmannRandom.Create(7, 3, convention);
            const double beta = 0.9;
            var order = kernel.EndsWith("random", StringComparison.Ordinal) ? ScanOrder.Random : ScanOrder.Systematic;
            var test = kernel.StartsWith("metropolis", StringComparison.Ordinal)
                ? from k in TransitionMatrices.Metropolis(model, beta, order)
                  from t in OneStepFrequencies.OfKernel(RngKey.FromSeed(31), SingleSiteMetropolis.BuildKernel(model, beta, order), model, start, Draws, k.Row(start), Delta)
                  select t
                : from k in TransitionMatrices.HeatBath(model, beta, order)
                  from t in OneStepFrequencies.OfKernel(RngKey.FromSeed(31), HeatBathGibbs.BuildKernel(model, beta, order), model, start, Draws, k.Row(start), Delta)
                  select t;
            var outcome = test.ThrowIfFail();
            Assert.True(outcome.Holds, outcome.Message);
            Assert.Equal(Draws, outcome.Counts.Sum());
        }
    }

    // Heat bath tested against the Metropolis row of the same model: the rows differ by e_y, and X^2 grows like
    // n sum e_y^2 / p_y (the noncentrality), asserted here to be over 5 times the critical value, so a pass would be a noncentral chi-square
    // draw below a fifth of its mean: the failure is certain for practical purposes.
    [Fact]
    public void A_kernel_tested_against_another_kernels_row_fails()
    {
        var model = BoltzmannRandom.Create(7, 3, StateConvention.Spin);
        const int start = 2;
        var metropolis = TransitionMatrices.Metropolis(model, 0.9, ScanOrder.Random).ThrowIfFail().Row(start).ToArray();
        var heatBath = TransitionMatrices.HeatBath(model, 0.9, ScanOrder.Random).ThrowIfFail().Row(start).ToArray();
        var noncentrality = Draws * metropolis.Select((p, y) => p > 0 ? (heatBath[y] - p) * (heatBath[y] - p) / p : 0.0).Sum();
        var outcome = OneStepFrequencies.OfKernel(RngKey.FromSeed(32), HeatBathGibbs.BuildKernel(model, 0.9), model, start, Draws, metropolis, Delta).ThrowIfFail();
        Assert.True(noncentrality > 5 * outcome.CriticalValue, $"noncentrality {noncentrality}");
        Assert.False(outcome.Holds);
        Assert.Contains("above the 1 - delta quantile", outcome.Message);
    }

    [Fact]
    public void A_draw_of_an_impossible_state_fails_and_names_it()
    {
        var outcome = OneStepFrequencies.Compare([60, 40, 1], [0.6, 0.4, 0.0], Delta).ThrowIfFail();
        Assert.False(outcome.Holds);
        Assert.Equal(2, outcome.WorstState);
        Assert.Contains("state 2 has probability 0", outcome.Message);
    }

    // Expected counts 50, 49, 0.5, 0.5: the two small cells pool to 1 < 5 and join the cell of 49, leaving two cells.
    [Fact]
    public void Cells_with_small_expected_counts_are_pooled()
    {
        var outcome = OneStepFrequencies.Compare([50, 48, 1, 1], [0.5, 0.49, 0.005, 0.005], Delta).ThrowIfFail();
        Assert.Equal(1, outcome.DegreesOfFreedom);
        Assert.True(outcome.Holds);
    }

    [Fact]
    public void Bad_input_is_an_error_value()
    {
        Assert.True(OneStepFrequencies.Compare([1, 1], [0.5, 0.5], 0.0).IsFail);
        Assert.True(OneStepFrequencies.Compare([1, 1], [0.5, 0.6], Delta).IsFail);
        Assert.True(OneStepFrequencies.Compare([1, 1, 1], [0.5, 0.5], Delta).IsFail);
        Assert.True(OneStepFrequencies.Compare([0, 0], [0.5, 0.5], Delta).IsFail);
        var model = BoltzmannRandom.Create(7, 3, StateConvention.Binary);
        var row = new double[8];
        row[0] = 1.0;
        Assert.True(OneStepFrequencies.OfKernel(RngKey.FromSeed(1), HeatBathGibbs.BuildKernel(model, 1.0), model, 8, 10, row, Delta).IsFail);
    }
}
