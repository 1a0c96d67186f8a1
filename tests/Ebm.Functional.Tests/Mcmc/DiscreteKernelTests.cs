using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// Each discrete kernel's Step samples the exact transition matrix its module defines (checked exactly
/// by the properties), runs bit-identically for any thread count, and keeps its cached energies right.
/// </summary>
public sealed class DiscreteKernelTests
{
    // One-step frequency test: n = 20,000 chains start at x and take one step; each of the 16 cells of the
    // row must be within Bernstein's bound at delta = 1e-9 per cell. Over 4 kernels x 4 models x 3 starts
    // x 16 cells = 768 cells the chance of a false failure is below 8e-7.
    private const int Trials = 20_000;
    private const double CellDelta = 1e-9;
    private const double Beta = 0.8;

    private static IDiscreteModel ModelNamed(string name) => name switch
    {
        "binary-machine" => BoltzmannRandom.Create(31, 4, StateConvention.Binary, couplingScale: 1.5),
        "spin-machine" => BoltzmannRandom.Create(32, 4, StateConvention.Spin, couplingScale: 0.8),
        "ising-2x2" => IsingModel.Create(2, 2, 0.6, 0.2, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message)),
        "ising-2x2-ties" => IsingModel.Create(2, 2, 0.6, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message)),
        _ => throw new ArgumentException(name),
    };

    public static TheoryData<string, string> KernelsAndModels()
    {
        var data = new TheoryData<string, string>();
        foreach (var kernel in DiscreteKernelTable.AllDiscreteKernels)
        foreach (var model in new[] { "binary-machine", "spin-machine", "ising-2x2", "ising-2x2-ties" })
            data.Add(kernel.Name, model);
        return data;
    }

    private static Mat Repeated(IDiscreteModel model, int index, int chains)
    {
        var low = model.States == StateConvention.Binary ? 0.0 : -1.0;
        return Mat.Create(chains, model.Dimension, d =>
        {
            for (var c = 0; c < chains; c++)
            for (var i = 0; i < model.Dimension; i++)
                d[c * model.Dimension + i] = ((index >> i) & 1) == 1 ? 1.0 : low;
        });
    }

    private static int IndexOf(ReadOnlySpan<double> state)
    {
        var index = 0;
        for (var i = 0; i < state.Length; i++) if (state[i] == 1.0) index |= 1 << i;
        return index;
    }

    private static DiscreteChains Init(IDiscreteModel model, Mat states) => new(states, model.Energies(states));

    [Theory]
    [MemberData(nameof(KernelsAndModels))]
    public void One_step_frequencies_match_the_exact_transition_row(string kernelName, string modelName)
    {
        var kernel = DiscreteKernelTable.Named(kernelName);
        var model = ModelNamed(modelName);
        var matrix = kernel.Matrix(model, Beta);
        var step = kernel.Step(model, Beta, -1);
        foreach (var start in new[] { 0, 5, 15 })
        {
            var (next, _) = step(RngKey.FromSeed(100).FoldIn(start), Init(model, Repeated(model, start, Trials)));
            var counts = new int[1 << model.Dimension];
            for (var c = 0; c < Trials; c++) counts[IndexOf(next.States.Row(c))]++;
            for (var y = 0; y < counts.Length; y++)
            {
                var p = matrix[start, y];
                var frequency = (double)counts[y] / Trials;
                Assert.True(Math.Abs(frequency - p) <= FrequencyBound.Bernstein(p, Trials, CellDelta),
                    $"{kernelName} on {modelName}, {start} -> {y}: frequency {frequency}, exact {p}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DiscreteKernelTable.Names), MemberType = typeof(DiscreteKernelTable))]
    public void Chains_are_bit_identical_for_any_degree_of_parallelism(string kernelName)
    {
        var kernel = DiscreteKernelTable.Named(kernelName);
        var model = BoltzmannRandom.Create(40, 12, StateConvention.Spin);
        var start = Init(model, Repeated(model, 0, 64));
        var key = RngKey.FromSeed(9);
        var (serial, serialInfo) = Loop.Scan(key, start, 20, kernel.Step(model, 0.7, 1), (s, i) => i.AcceptanceRates);
        var (parallel, parallelInfo) = Loop.Scan(key, start, 20, kernel.Step(model, 0.7, 4), (s, i) => i.AcceptanceRates);
        Assert.Equal(serial.States, parallel.States);
        Assert.Equal(serial.Energies, parallel.Energies);
        Assert.Equal(serialInfo, parallelInfo);
        Assert.NotEqual(start.States, serial.States);
    }

    [Theory]
    [MemberData(nameof(DiscreteKernelTable.Names), MemberType = typeof(DiscreteKernelTable))]
    public void Cached_energies_stay_equal_to_the_recomputed_energies(string kernelName)
    {
        var kernel = DiscreteKernelTable.Named(kernelName);
        var model = BoltzmannRandom.Create(41, 10, StateConvention.Binary, couplingScale: 2.0);
        var (final, _) = Loop.Scan(RngKey.FromSeed(3), Init(model, Repeated(model, 0, 32)), 100, kernel.Step(model, 0.5, -1), (_, _) => 0);
        var exact = model.Energies(final.States);
        // 100 steps x 10 updates add at most 1000 energy changes, each within a few ulps of a sum bounded
        // by the energy scale S <= 45 x 2 + 10: drift below 1000 x 1e-15 x S = 1e-10.
        for (var c = 0; c < final.Chains; c++) Assert.Equal(exact[c], final.Energies[c], 1e-10);
    }

    [Fact]
    public void Gibbs_at_beta_zero_draws_uniform_states_in_one_sweep()
    {
        var model = ModelNamed("spin-machine");
        var matrix = TransitionMatrices.HeatBath(model, 0.0, ScanOrder.Systematic).ThrowIfFail();
        foreach (var entry in matrix.Span) Assert.Equal(1.0 / 16, entry, 1e-15);
        var sampler = HeatBathGibbs.Create(model, 0.0, ScanOrder.Systematic);
        var (next, info) = sampler.Step(RngKey.FromSeed(5), sampler.Init(Repeated(model, 15, Trials)));
        var counts = new int[16];
        for (var c = 0; c < Trials; c++) counts[IndexOf(next.States.Row(c))]++;
        var bound = FrequencyBound.Bernstein(1.0 / 16, Trials, CellDelta);
        foreach (var count in counts) Assert.True(Math.Abs((double)count / Trials - 1.0 / 16) <= bound, $"count {count}");
        Assert.All(info.AcceptanceRates.ToArray(), rate => Assert.Equal(1.0, rate));
    }

    // At beta = 0 every flip is a tie, accepted with probability 7/8: one sweep flips each unit independently with
    // probability 7/8, so state 0 goes to y with probability (7/8)^|y| (1/8)^(4 - |y|). (With min(1, e^0) = 1 the
    // sweep mapped every state to its complement: two closed classes.)
    [Fact]
    public void Metropolis_at_beta_zero_flips_each_unit_with_probability_seven_eighths()
    {
        var model = ModelNamed("ising-2x2");
        var matrix = TransitionMatrices.Metropolis(model, 0.0, ScanOrder.Systematic).ThrowIfFail();
        var sampler = SingleSiteMetropolis.Create(model, 0.0, ScanOrder.Systematic);
        var (next, info) = sampler.Step(RngKey.FromSeed(1), sampler.Init(Repeated(model, 0, Trials)));
        var counts = new int[16];
        for (var c = 0; c < Trials; c++) counts[IndexOf(next.States.Row(c))]++;
        for (var y = 0; y < 16; y++)
        {
            var flipped = System.Numerics.BitOperations.PopCount((uint)y);
            var p = Math.Pow(7.0 / 8, flipped) * Math.Pow(1.0 / 8, 4 - flipped);
            Assert.Equal(p, matrix[0, y], 1e-15);
            Assert.True(Math.Abs((double)counts[y] / Trials - p) <= FrequencyBound.Bernstein(p, Trials, CellDelta), $"{y}: count {counts[y]}, p {p}");
        }

        Assert.All(info.AcceptanceRates.ToArray(), rate => Assert.Equal(7.0 / 8, rate));
    }
}
