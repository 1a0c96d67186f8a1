using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Tests.TestModels;
using LanguageExt;

namespace Ebm.Functional.Tests.Exact;

public class EnumerationTests
{
    // Agreement with the exact answers, relative to max(|exact|, floor). The floors only matter where
    // the exact value is zero or much smaller than its terms: log Z is measured against 1, U against
    // the energy scale S = sum |W_ij| + sum |b_i| that bounds every |E(x)| (U is a weighted mean of
    // energies of both signs, and U = 0 exactly for spins at beta = 0), magnetisation moments against 1.
    private const double Relative = 1e-12;

    public static TheoryData<int, StateConvention, double> RandomMachines()
    {
        var data = new TheoryData<int, StateConvention, double>();
        for (var n = 1; n <= 12; n++)
            foreach (var states in new[] { StateConvention.Binary, StateConvention.Spin })
                foreach (var beta in new[] { 0.0, 0.3, 1.0, 2.5 })
                    data.Add(n, states, beta);
        return data;
    }

    internal static ExactResult Enumerate(IDiscreteModel model, double beta, int maxDegreeOfParallelism = -1, IProgress<double>? progress = null) =>
        Enumeration.Compute(model, beta, progress, maxDegreeOfParallelism).Match(r => r, e => throw new InvalidOperationException(e.Message));

    internal static void AssertRelative(double expected, double actual, double floor, string what) =>
        Assert.True(Math.Abs(actual - expected) <= Relative * Math.Max(Math.Abs(expected), floor),
            $"{what}: expected {expected:R}, got {actual:R}");

    private static void AssertMatches(EnumerationBruteForce expected, ExactResult actual, double energyScale)
    {
        Assert.Equal("enumeration", actual.Method);
        AssertRelative(expected.LogZ, actual.LogZ, 1.0, "log Z");
        AssertRelative(expected.MeanEnergy, actual.MeanEnergy, energyScale, "U");
        AssertRelative(expected.EnergyVariance, actual.EnergyVariance, 0.0, "Var E");
        var m = actual.Magnetisation.Match(x => x, () => throw new InvalidOperationException("no magnetisation moments"));
        AssertRelative(expected.MagnetisationMoments[0], m.Mean, 1.0, "<M>");
        AssertRelative(expected.MagnetisationMoments[1], m.MeanSquare, 1.0, "<M^2>");
        AssertRelative(expected.MagnetisationMoments[2], m.MeanAbsolute.IfNone(double.NaN), 1.0, "<|M|>");
        AssertRelative(expected.MagnetisationMoments[3], m.MeanFourth.IfNone(double.NaN), 1.0, "<M^4>");
    }

    [Theory]
    [MemberData(nameof(RandomMachines))]
    public void Random_machines_match_brute_force(int n, StateConvention states, double beta)
    {
        var model = BoltzmannRandom.Create((ulong)(100 * n + (int)states), n, states);
        AssertMatches(EnumerationBruteForce.Of(model, beta), Enumerate(model, beta), BoltzmannRandom.EnergyScale(model));
    }

    [Theory]
    [InlineData(12, 0, 1.0)]
    [InlineData(12, 3, 0.3)]
    [InlineData(11, 5, 2.5)]
    public void Many_small_blocks_merge_to_the_brute_force_answer(int n, int blockBits, double beta)
    {
        foreach (var states in new[] { StateConvention.Binary, StateConvention.Spin })
        {
            var model = BoltzmannRandom.Create(77, n, states, couplingScale: 2.0);
            var result = Enumeration.Sweep(model, [beta], null, -1, blockBits).Map(r => r.Head).IfFail(e => throw new InvalidOperationException(e.Message));
            AssertMatches(EnumerationBruteForce.Of(model, beta), result, BoltzmannRandom.EnergyScale(model));
        }
    }

    [Theory]
    [InlineData(3, StateConvention.Binary)]
    [InlineData(7, StateConvention.Spin)]
    [InlineData(10, StateConvention.Binary)]
    [InlineData(10, StateConvention.Spin)]
    public void Any_discrete_model_is_enumerated(int n, StateConvention states)
    {
        var model = new TripletRing(n, 0.8, -0.3, states);
        foreach (var beta in new[] { 0.0, 0.7, 2.5 })
            AssertMatches(EnumerationBruteForce.Of(n, states, beta, x => model.Energy(x)), Enumerate(model, beta), n * 1.1);
    }

    [Fact]
    public void One_unit_by_hand()
    {
        const double b = -0.8, beta = 1.7;
        var binary = Enumerate(BoltzmannRandom.Create(Mat.Zeros(1, 1), Vec.Of(b), StateConvention.Binary), beta);
        var p = 1.0 / (1.0 + Math.Exp(-beta * b)); // p(x = 1) = sigmoid(beta b)
        AssertRelative(Math.Log(1.0 + Math.Exp(beta * b)), binary.LogZ, 1.0, "log Z");
        AssertRelative(-b * p, binary.MeanEnergy, 0.0, "U");
        AssertRelative(b * b * p * (1.0 - p), binary.EnergyVariance, 0.0, "Var E");

        var spin = Enumerate(BoltzmannRandom.Create(Mat.Zeros(1, 1), Vec.Of(b), StateConvention.Spin), beta);
        var t = Math.Tanh(beta * b);
        AssertRelative(Math.Log(2.0 * Math.Cosh(beta * b)), spin.LogZ, 1.0, "log Z");
        AssertRelative(-b * t, spin.MeanEnergy, 0.0, "U");
        AssertRelative(b * b * (1.0 - t * t), spin.EnergyVariance, 0.0, "Var E");
        var m = spin.Magnetisation.IfNone(() => throw new InvalidOperationException());
        AssertRelative(t, m.Mean, 0.0, "<M>");
        Assert.Equal(1.0, m.MeanSquare, 15);
        Assert.Equal(1.0, m.MeanFourth.IfNone(double.NaN), 15);
    }

    [Fact]
    public void Two_units_by_hand()
    {
        const double w = 0.7, b0 = 0.3, b1 = -1.2, beta = 1.3;
        var couplings = Mat.FromRows([[0.0, w], [w, 0.0]]);

        // Binary energies: E(00) = 0, E(10) = -b0, E(01) = -b1, E(11) = -w - b0 - b1.
        var binary = Enumerate(BoltzmannRandom.Create(couplings, Vec.Of(b0, b1), StateConvention.Binary), beta);
        double[] eb = [0.0, -b0, -b1, -w - b0 - b1];
        AssertRelative(Math.Log(eb.Sum(e => Math.Exp(-beta * e))), binary.LogZ, 1.0, "binary log Z");
        AssertRelative(eb.Sum(e => e * Math.Exp(-beta * e)) / eb.Sum(e => Math.Exp(-beta * e)), binary.MeanEnergy, 0.0, "binary U");

        // Spin: Z = 2 e^{beta w} cosh(beta (b0 + b1)) + 2 e^{-beta w} cosh(beta (b0 - b1)).
        var spin = Enumerate(BoltzmannRandom.Create(couplings, Vec.Of(b0, b1), StateConvention.Spin), beta);
        var z = 2.0 * Math.Exp(beta * w) * Math.Cosh(beta * (b0 + b1)) + 2.0 * Math.Exp(-beta * w) * Math.Cosh(beta * (b0 - b1));
        AssertRelative(Math.Log(z), spin.LogZ, 1.0, "spin log Z");
        // <M> = sum_s (s0 + s1) e^{-beta E(s)} / Z: only the aligned pairs contribute.
        var meanM = (2.0 * Math.Exp(beta * (w + b0 + b1)) - 2.0 * Math.Exp(beta * (w - b0 - b1))) / z;
        AssertRelative(meanM, spin.Magnetisation.IfNone(() => throw new InvalidOperationException()).Mean, 0.0, "spin <M>");
    }

    [Theory]
    [InlineData(20, StateConvention.Binary, 0.9)]
    [InlineData(22, StateConvention.Spin, 1.4)]
    [InlineData(24, StateConvention.Binary, 0.6)]
    public void Independent_units_match_the_closed_form(int n, StateConvention states, double beta)
    {
        // With W = 0 the sum factorises: log Z = sum_i log(1 + e^{beta b_i}) or sum_i log(2 cosh(beta b_i)).
        var biases = BoltzmannRandom.Create(3, n, states, couplingScale: 0.0, biasScale: 2.0).Biases;
        var model = BoltzmannRandom.Create(Mat.Zeros(n, n), biases, states);
        var result = Enumerate(model, beta);
        double logZ = 0, u = 0, variance = 0;
        for (var i = 0; i < n; i++)
        {
            var b = biases[i];
            if (states == StateConvention.Binary)
            {
                var p = 1.0 / (1.0 + Math.Exp(-beta * b));
                logZ += Math.Log(1.0 + Math.Exp(beta * b));
                u += -b * p;
                variance += b * b * p * (1.0 - p);
            }
            else
            {
                var t = Math.Tanh(beta * b);
                logZ += Math.Log(2.0 * Math.Cosh(beta * b));
                u += -b * t;
                variance += b * b * (1.0 - t * t);
            }
        }

        AssertRelative(logZ, result.LogZ, 1.0, "log Z");
        AssertRelative(u, result.MeanEnergy, BoltzmannRandom.EnergyScale(model), "U");
        AssertRelative(variance, result.EnergyVariance, 0.0, "Var E");
    }

    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void Infinite_temperature_counts_the_states(StateConvention states)
    {
        // At beta = 0 every state weighs 1: log Z = n log 2 and U is the uniform mean of E,
        // -sum_{i<j} W_ij / 4 - sum_i b_i / 2 for {0,1} units and 0 for spins.
        const int n = 16;
        var model = BoltzmannRandom.Create(9, n, states);
        var result = Enumerate(model, 0.0);
        AssertRelative(n * Math.Log(2.0), result.LogZ, 1.0, "log Z");
        var u = 0.0;
        if (states == StateConvention.Binary)
            for (var i = 0; i < n; i++)
            {
                u -= model.Biases[i] / 2.0;
                for (var j = i + 1; j < n; j++) u -= model.Couplings[i, j] / 4.0;
            }

        AssertRelative(u, result.MeanEnergy, BoltzmannRandom.EnergyScale(model), "U");
    }
}
