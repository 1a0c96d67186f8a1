using Ebm.Functional.Datasets;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Datasets;

/// <summary>
/// Model samples reproduce exact moments from enumeration. Exact draws are independent, so the standard error of a
/// mean is the exact standard deviation over sqrt(N). Chain draws are checked with the standard error of the mean of
/// the chains' means (the chains are independent whatever the correlation within one). Bounds are 5 standard errors
/// (delta below 6e-7 per check under the normal approximation).
/// </summary>
public sealed class ModelSamplesTests
{
    private const double Sigmas = 5.0;

    private static T Ok<T>(LanguageExt.Fin<T> result) => result.Match(x => x, e => throw new InvalidOperationException(e.Message));

    private static T Valid<T>(LanguageExt.Validation<LanguageExt.Common.Error, T> model) =>
        model.Match(m => m, e => throw new InvalidOperationException(string.Join("; ", e.Map(x => x.Message))));

    /// <summary>Exact mean and variance of f(state) under p_beta, states enumerated with bit i = unit i high.</summary>
    private static (double Mean, double Variance) Exact(IDiscreteModel model, double beta, Func<double[], double> f)
    {
        var p = Ok(Enumeration.Probabilities(model, beta)).Span;
        var low = model.States == StateConvention.Spin ? -1.0 : 0.0;
        double mean = 0, square = 0;
        for (var x = 0; x < p.Length; x++)
        {
            var state = Enumerable.Range(0, model.Dimension).Select(i => ((x >> i) & 1) == 1 ? 1.0 : low).ToArray();
            var v = f(state);
            mean += p[x] * v;
            square += p[x] * v * v;
        }

        return (mean, square - mean * mean);
    }

    private static double[] Row(Mat m, int r) => m.Row(r).ToArray();

    private static double MagnetisationSquared(double[] s) => Math.Pow(s.Sum() / s.Length, 2);

    [Fact]
    public void Exact_draws_of_a_small_lattice_have_its_exact_mean_energy()
    {
        var lattice = Valid(IsingModel.Create(3, 3, 1.0, 0.0, Boundary.Periodic));
        const double beta = 0.4;
        const int draws = 20_000;
        var run = Ok(ModelSamples.IsingRun(RngKey.FromSeed(1), lattice, beta, draws, ModelSampleSettings.Default));
        Assert.True(run.Exact);
        var (mean, variance) = Exact(lattice, beta, s => lattice.Energy(s));
        var sampled = Enumerable.Range(0, draws).Average(r => lattice.Energy(run.Draws.Row(r)));
        Assert.InRange(sampled, mean - Sigmas * Math.Sqrt(variance / draws), mean + Sigmas * Math.Sqrt(variance / draws));
    }

    [Theory]
    [InlineData(0.0, 0.3)]
    [InlineData(0.0, 0.6)]
    [InlineData(0.4, 0.5)]
    public void Chain_draws_of_a_lattice_have_its_exact_energy_and_squared_magnetisation(double field, double beta)
    {
        var lattice = Valid(IsingModel.Create(3, 3, 1.0, field, Boundary.Periodic));
        var settings = ModelSampleSettings.Default with { ExactUnits = 0, Chains = 32 };
        var run = Ok(ModelSamples.IsingRun(RngKey.FromSeed(2), lattice, beta, 32 * 60, settings));
        Assert.False(run.Exact);
        Assert.True(run.BurnInSweeps >= 20 * run.AutocorrelationTime && run.Thinning >= 2, $"burn-in {run.BurnInSweeps}, thinning {run.Thinning}, tau {run.AutocorrelationTime}");
        AssertWithinChainError(run, s => lattice.Energy(s), Exact(lattice, beta, s => lattice.Energy(s)).Mean);
        AssertWithinChainError(run, MagnetisationSquared, Exact(lattice, beta, MagnetisationSquared).Mean);
    }

    [Fact]
    public void Chain_draws_of_a_boltzmann_machine_have_its_exact_unit_means()
    {
        var couplings = Mat.FromRows(
        [
            [0.0, 0.8, -0.5, 0.0, 0.3, 0.0], [0.8, 0.0, 0.4, -0.6, 0.0, 0.0], [-0.5, 0.4, 0.0, 0.9, 0.0, -0.2],
            [0.0, -0.6, 0.9, 0.0, 0.5, 0.0], [0.3, 0.0, 0.0, 0.5, 0.0, 0.7], [0.0, 0.0, -0.2, 0.0, 0.7, 0.0],
        ]);
        var machine = Valid(BoltzmannMachine.Create(couplings, Vec.From([0.2, -0.3, 0.1, 0.0, -0.4, 0.5]), StateConvention.Binary));
        var run = Ok(ModelSamples.BoltzmannRun(RngKey.FromSeed(3), machine, 1.0, 32 * 60, ModelSampleSettings.Default with { ExactUnits = 0, Chains = 32 }));
        Assert.All(run.Draws.Span.ToArray(), x => Assert.True(x is 0.0 or 1.0));
        for (var i = 0; i < 6; i++)
        {
            var unit = i;
            AssertWithinChainError(run, s => s[unit], Exact(machine, 1.0, s => s[unit]).Mean);
        }
    }

    [Fact]
    public void The_same_key_gives_the_same_draws_whatever_the_threads()
    {
        var lattice = Valid(IsingModel.Create(4, 4, 1.0, 0.1, Boundary.Open));
        var one = ModelSampleSettings.Default with { ExactUnits = 0, Chains = 8, MaxDegreeOfParallelism = 1 };
        var first = Ok(ModelSamples.IsingRun(RngKey.FromSeed(5), lattice, 0.3, 50, one));
        var all = Ok(ModelSamples.IsingRun(RngKey.FromSeed(5), lattice, 0.3, 50, one with { MaxDegreeOfParallelism = -1 }));
        Assert.Equal(first.Draws, all.Draws);
        Assert.Equal((50, 16), (first.Draws.Rows, first.Draws.Columns));
        Assert.Equal(Ok(ModelSamples.Ising(RngKey.FromSeed(5), lattice, 0.3, 7)), Ok(ModelSamples.Ising(RngKey.FromSeed(5), lattice, 0.3, 7)));
    }

    [Fact]
    public void Bad_beta_counts_and_settings_are_errors()
    {
        var lattice = Valid(IsingModel.Create(2, 2, 1.0, 0.0, Boundary.Periodic));
        Assert.Equal(DatasetErrors.InvalidSettingCode, ModelSamples.Ising(RngKey.FromSeed(1), lattice, -0.1, 5).Match(_ => 0, e => e.Code));
        Assert.Equal(DatasetErrors.InvalidSettingCode, ModelSamples.Ising(RngKey.FromSeed(1), lattice, double.NaN, 5).Match(_ => 0, e => e.Code));
        Assert.Equal(DatasetErrors.InvalidSizeCode, ModelSamples.Ising(RngKey.FromSeed(1), lattice, 0.1, -5).Match(_ => 0, e => e.Code));
        Assert.Equal(DatasetErrors.InvalidSettingCode,
            ModelSamples.IsingRun(RngKey.FromSeed(1), lattice, 0.1, 5, ModelSampleSettings.Default with { Chains = 0 }).Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void Chains_trapped_in_separate_modes_are_an_error_not_data()
    {
        // A fully connected spin machine with couplings 3 at beta 1: heat-bath sweeps started at random fall into the
        // all-up or the all-down state and a flip back costs exp(-2 * 3 * 24), so no chain ever changes mode.
        const int n = 25;
        var couplings = Mat.Create(n, n, d =>
        {
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) d[i * n + j] = i == j ? 0.0 : 3.0;
        });
        var machine = Valid(BoltzmannMachine.Create(couplings, Vec.Zeros(n), StateConvention.Spin));
        var settings = ModelSampleSettings.Default with { Chains = 16, PilotSweeps = 40, MaxSweeps = 400 };
        Assert.Equal(DatasetErrors.NotMixingCode, ModelSamples.BoltzmannRun(RngKey.FromSeed(6), machine, 1.0, 100, settings).Match(_ => 0, e => e.Code));
    }

    private static void AssertWithinChainError(ModelSampleRun run, Func<double[], double> f, double exact)
    {
        var chains = run.Chains;
        var means = new double[chains];
        var perChain = run.Draws.Rows / chains;
        for (var r = 0; r < perChain * chains; r++) means[r % chains] += f(Row(run.Draws, r)) / perChain;
        var mean = means.Average();
        var se = Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / (chains - 1) / chains);
        Assert.InRange(exact, mean - Sigmas * se, mean + Sigmas * se);
    }
}
