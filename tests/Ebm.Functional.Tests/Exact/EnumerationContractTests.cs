using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.Models;
using LanguageExt;

namespace Ebm.Functional.Tests.Exact;

public class EnumerationContractTests
{
    // 2^-52, the spacing of doubles at 1; a bound on the relative rounding of one operation.
    private const double UnitRoundoff = 2.220446049250313e-16;

    private static long[] Bits(ExactResult r)
    {
        var m = r.Magnetisation.IfNone(() => throw new InvalidOperationException());
        return new[] { r.LogZ, r.MeanEnergy, r.EnergyVariance, m.Mean, m.MeanSquare, m.MeanAbsolute.IfNone(0), m.MeanFourth.IfNone(0) }
            .Select(BitConverter.DoubleToInt64Bits).ToArray();
    }

    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void Every_degree_of_parallelism_gives_the_same_bits(StateConvention states)
    {
        var model = BoltzmannRandom.Create(21, 20, states); // 64 blocks of 2^14 states
        var sequential = Bits(EnumerationTests.Enumerate(model, 0.8, maxDegreeOfParallelism: 1));
        Assert.Equal(sequential, Bits(EnumerationTests.Enumerate(model, 0.8, maxDegreeOfParallelism: 3)));
        Assert.Equal(sequential, Bits(EnumerationTests.Enumerate(model, 0.8, maxDegreeOfParallelism: 16)));
        Assert.Equal(sequential, Bits(EnumerationTests.Enumerate(model, 0.8)));
    }

    [Fact]
    public void A_sweep_gives_the_same_bits_as_separate_runs()
    {
        var model = BoltzmannRandom.Create(4, 15, StateConvention.Spin);
        double[] betas = [0.0, 0.5, 3.0];
        var sweep = Enumeration.Sweep(model, betas).IfFail(e => throw new InvalidOperationException(e.Message));
        Assert.Equal(betas.Length, sweep.Count);
        for (var k = 0; k < betas.Length; k++)
        {
            Assert.Equal(betas[k], sweep[k].Beta);
            Assert.Equal(Bits(EnumerationTests.Enumerate(model, betas[k])), Bits(sweep[k]));
        }
    }

    [Fact]
    public void Progress_rises_to_one_once_per_block_and_changes_nothing()
    {
        var model = BoltzmannRandom.Create(8, 18, StateConvention.Binary); // 16 blocks of 2^14 states
        var reports = new List<double>();
        var withProgress = EnumerationTests.Enumerate(model, 1.1, progress: new Recorder(reports));
        Assert.Equal(16, reports.Count);
        for (var i = 1; i < reports.Count; i++) Assert.True(reports[i] > reports[i - 1]);
        Assert.Equal(1.0, reports[^1]);
        Assert.Equal(Bits(EnumerationTests.Enumerate(model, 1.1)), Bits(withProgress));
    }

    [Theory]
    [InlineData(StateConvention.Binary, 14)]
    [InlineData(StateConvention.Spin, 14)]
    [InlineData(StateConvention.Spin, 20)]
    public void Gray_code_energies_stay_within_the_drift_bound(StateConvention states, int blockBits)
    {
        // Each flip adds at most eps |E| of rounding to the running energy, plus the rounding of the
        // n-term local field, at most 2 n eps S with S = sum |W_ij| + sum |b_i| >= |E|, |f_i|. Over a
        // block of F = 2^blockBits flips the drift is therefore at most F (2n + 1) eps S; the walk
        // re-anchors with an exact energy at each block start.
        const int n = 20;
        var model = BoltzmannRandom.Create(31, n, states, couplingScale: 3.0);
        var energies = Enumeration.Energies(model, -1, blockBits).IfFail(e => throw new InvalidOperationException(e.Message));
        var bound = (1 << blockBits) * (2.0 * n + 1.0) * UnitRoundoff * BoltzmannRandom.EnergyScale(model);
        var worst = 0.0;
        for (var x = 0; x < 1 << n; x++)
            worst = Math.Max(worst, Math.Abs(energies[x] - model.Energy(BoltzmannRandom.State(x, n, states))));
        Assert.True(worst <= bound, $"drift {worst:E3} exceeds the bound {bound:E3}");
    }

    [Theory]
    [InlineData(StateConvention.Binary, 0.0)]
    [InlineData(StateConvention.Spin, 1.5)]
    public void Probabilities_are_the_normalised_Boltzmann_weights(StateConvention states, double beta)
    {
        const int n = 10;
        var model = BoltzmannRandom.Create(12, n, states);
        var p = Enumeration.Probabilities(model, beta).IfFail(e => throw new InvalidOperationException(e.Message));
        var logZ = EnumerationBruteForce.Of(model, beta).LogZ;
        Assert.Equal(1 << n, p.Length);
        for (var x = 0; x < 1 << n; x++)
        {
            var expected = Math.Exp(-beta * BoltzmannRandom.DefinitionEnergy(model, BoltzmannRandom.State(x, n, states)) - logZ);
            Assert.True(Math.Abs(p[x] - expected) <= 1e-12 * expected, $"p({x}) = {p[x]:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void Thirty_one_units_are_too_many()
    {
        var model = BoltzmannRandom.Create(Mat.Zeros(31, 31), Vec.Zeros(31), StateConvention.Spin);
        var error = Enumeration.Compute(model, 1.0).Match(_ => throw new InvalidOperationException("expected an error"), e => e);
        Assert.Equal(ExactErrors.TooLargeCode, error.Code);
        Assert.Contains("31 units", error.Message);
        Assert.Contains("at most 30 units", error.Message);
        Assert.Contains("AIS", error.Message);
    }

    [Fact]
    public void Tables_stop_at_twenty_units()
    {
        var model = BoltzmannRandom.Create(Mat.Zeros(21, 21), Vec.Zeros(21), StateConvention.Binary);
        Assert.True(Enumeration.Probabilities(model, 1.0).IsFail);
        Assert.True(Enumeration.Energies(model).IsFail);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Beta_must_be_finite_and_non_negative(double beta)
    {
        var model = BoltzmannRandom.Create(1, 3, StateConvention.Binary);
        var error = Enumeration.Compute(model, beta).Match(_ => throw new InvalidOperationException("expected an error"), e => e);
        Assert.Equal(ExactErrors.InvalidBetaCode, error.Code);
        Assert.True(Enumeration.Probabilities(model, beta).IsFail);
    }

    private sealed class Recorder(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
