using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Tests.Mcmc.Tempering;

/// <summary>
/// Parallel tempering's Step samples the exact product-space transition matrix, its swap rates match the
/// exact expected acceptance, replicas are tracked exactly, and chains do not depend on the thread count.
/// </summary>
public sealed class TemperingTests
{
    private static readonly double[] Betas = [0.3, 1.0, 1.8];

    private static int IndexOf(ReadOnlySpan<double> state)
    {
        var index = 0;
        for (var i = 0; i < state.Length; i++) if (state[i] == 1.0) index |= 1 << i;
        return index;
    }

    private static DiscreteChains Chains(IDiscreteModel model, int chains, Func<int, int> indexOfChain)
    {
        var low = model.States == StateConvention.Binary ? 0.0 : -1.0;
        var n = model.Dimension;
        var states = Mat.Create(chains, n, d =>
        {
            for (var c = 0; c < chains; c++)
            for (var i = 0; i < n; i++)
                d[c * n + i] = ((indexOfChain(c) >> i) & 1) == 1 ? 1.0 : low;
        });
        return new DiscreteChains(states, model.Energies(states));
    }

    private static TemperingState<DiscreteChains> StartAt(IDiscreteModel model, int chains, Func<int, int, int> indexAtRung, int rungs) =>
        new(Enumerable.Range(0, rungs).Select(r => Chains(model, chains, c => indexAtRung(r, c))).ToSeq(), ReplicaTracking.Start(chains, rungs));

    public static TheoryData<string> LocalKernels => new("gibbs/Systematic", "metropolis/Random");

    // n = 20,000 copies of one product state take one step; each of the 64 cells is checked with
    // Bernstein's bound at delta = 1e-9: over 2 kernels x 3 starts x 64 cells a false failure has
    // probability below 4e-7.
    [Theory]
    [MemberData(nameof(LocalKernels))]
    public void One_step_frequencies_match_the_exact_product_space_row(string kernelName)
    {
        const int trials = 20_000;
        var model = BoltzmannRandom.Create(51, 2, StateConvention.Spin, couplingScale: 1.2);
        var kernel = DiscreteKernelTable.Named(kernelName);
        var exact = TemperingMatrices.Step(model, Betas, b => kernel.Matrix(model, b)).ThrowIfFail();
        var pt = ParallelTempering.Create(b => kernel.Step(model, b, -1), model, Betas);
        foreach (var start in new[] { 0, 27, 54 })
        {
            var (next, _) = pt.Step(RngKey.FromSeed(77).FoldIn(start), StartAt(model, trials, (r, _) => (start >> (2 * r)) & 3, 3));
            var counts = new int[64];
            for (var c = 0; c < trials; c++)
            {
                var x = 0;
                for (var r = 0; r < 3; r++) x |= IndexOf(next.Rungs[r].States.Row(c)) << (2 * r);
                counts[x]++;
            }

            for (var y = 0; y < 64; y++)
            {
                var p = exact[start, y];
                var frequency = (double)counts[y] / trials;
                Assert.True(Math.Abs(frequency - p) <= FrequencyBound.Bernstein(p, trials, 1e-9),
                    $"{kernelName}, {start} -> {y}: frequency {frequency}, exact {p}");
            }
        }
    }

    // Chains start from exact draws of prod_r p_{beta_r}, so every step is stationary. The per-chain means
    // of the swap probability (and of the accept indicator) over 10 steps are i.i.d. over 4,000 chains;
    // the check allows 5 standard errors of their mean (normal delta about 6e-7 per quantity).
    [Fact]
    public void Swap_rates_match_the_exact_expected_swap_acceptance()
    {
        const int chains = 4000, steps = 10;
        var model = BoltzmannRandom.Create(52, 4, StateConvention.Binary, couplingScale: 1.5);
        var energies = Enumeration.Energies(model).Match(e => e, e => throw new InvalidOperationException(e.Message));
        var marginals = Betas.Select(b => Enumeration.Probabilities(model, b).Match(p => p, e => throw new InvalidOperationException(e.Message))).ToArray();
        var key = RngKey.FromSeed(88);
        var start = StartAt(model, chains, (r, c) => Draw(marginals[r], key.FoldIn(r).UniformAt(c)), Betas.Length);
        var pt = ParallelTempering.Create(b => HeatBathGibbs.BuildKernel(model, b, ScanOrder.Random), model, Betas);
        var (_, infos) = Loop.Scan(key.FoldIn(99), start, steps, pt.Step, (_, info) => info);

        for (var pair = 0; pair < Betas.Length - 1; pair++)
        {
            var expected = 0.0;
            for (var x = 0; x < energies.Length; x++)
            for (var y = 0; y < energies.Length; y++)
                expected += marginals[pair][x] * marginals[pair + 1][y] *
                            Math.Min(1.0, Math.Exp((Betas[pair] - Betas[pair + 1]) * (energies[x] - energies[y])));
            foreach (var read in new Func<TemperingInfo<HeatBathInfo>, int, double>[] { (i, c) => i.SwapProbabilities[c, pair], (i, c) => i.SwapsAccepted[c, pair] })
            {
                var chainMeans = Enumerable.Range(0, chains).Select(c => infos.Average(info => read(info, c))).ToArray();
                var mean = chainMeans.Average();
                var standardError = Math.Sqrt(chainMeans.Sum(m => (m - mean) * (m - mean)) / (chains - 1) / chains);
                Assert.True(Math.Abs(mean - expected) <= 5 * standardError, $"pair {pair}: rate {mean}, exact {expected}, se {standardError}");
            }
        }
    }

    private static int Draw(Vec probabilities, double uniform)
    {
        var cumulative = 0.0;
        for (var x = 0; x < probabilities.Length; x++)
            if (uniform < (cumulative += probabilities[x])) return x;
        return probabilities.Length - 1;
    }

    // With E = 0 every swap is accepted, so the even-odd sweeps move replicas deterministically: over one
    // step the labels at rungs (0, 1, 2) go (0,1,2) -> (1,0,2) -> (1,2,0). Following each replica by hand
    // through 12 sweeps: replica 0 completes trips at sweeps 5 and 11, replica 1 at sweep 7, replica 2 at
    // sweep 9 (it first reaches rung 0 at sweep 3): 4 round trips, and the labels are back in order every 3 steps.
    [Fact]
    public void Round_trips_are_counted_along_the_deterministic_replica_paths_of_a_flat_model()
    {
        var model = BoltzmannRandom.Create(Mat.Zeros(2, 2), Vec.Zeros(2), StateConvention.Binary);
        var pt = ParallelTempering.Create(b => SingleSiteMetropolis.BuildKernel(model, b, ScanOrder.Random), model, [0.1, 0.5, 1.0]);
        var state = pt.Init(Mat.Zeros(3, 2));
        var (afterOne, info) = pt.Step(RngKey.FromSeed(1), state);
        Assert.Equal([1, 2, 0], Enumerable.Range(0, 3).Select(r => afterOne.Replicas.Label(0, r)));
        Assert.All(info.SwapsAccepted.Span.ToArray(), a => Assert.Equal(1.0, a));
        var afterThree = Loop.Run(RngKey.FromSeed(2), state, 3, pt.Step);
        Assert.Equal([0, 1, 2], Enumerable.Range(0, 3).Select(r => afterThree.Replicas.Label(2, r)));
        var afterSix = Loop.Run(RngKey.FromSeed(3), state, 6, pt.Step);
        Assert.Equal([4, 4, 4], afterSix.Replicas.RoundTrips.ToArray());
    }

    [Fact]
    public void Chains_are_bit_identical_for_any_degree_of_parallelism()
    {
        var model = BoltzmannRandom.Create(53, 10, StateConvention.Spin);
        var starts = Mat.Create(32, 10, d => d.Fill(-1.0));
        TemperingState<DiscreteChains> Run(int threads)
        {
            var pt = ParallelTempering.Create(b => HeatBathGibbs.BuildKernel(model, b, ScanOrder.Random, threads), model, Betas, threads);
            return Loop.Run(RngKey.FromSeed(4), pt.Init(starts), 15, pt.Step);
        }

        var serial = Run(1);
        var parallel = Run(4);
        for (var r = 0; r < Betas.Length; r++)
        {
            Assert.Equal(serial.Rungs[r].States, parallel.Rungs[r].States);
            Assert.Equal(serial.Rungs[r].Energies, parallel.Rungs[r].Energies);
        }

        Assert.Equal(serial.Replicas, parallel.Replicas);
    }

    [Fact]
    public void Bad_ladders_are_errors_that_name_the_field()
    {
        var model = BoltzmannRandom.Create(54, 2, StateConvention.Binary);
        Assert.Throws<ArgumentException>(() => ParallelTempering.Create(b => HeatBathGibbs.BuildKernel(model, b, ScanOrder.Random), model, [1.0, 0.5]));
        Assert.Contains("betaMin", Ladder.Geometric(0.0, 1.0, 4).Match(_ => "", e => e.Message));
        Assert.Contains("count", Ladder.Geometric(0.1, 1.0, 1).Match(_ => "", e => e.Message));
        Assert.Contains("swapRates[1]", Ladder.Adapt([0.1, 0.5, 1.0], [0.5, 1.5]).Match(_ => "", e => e.Message));
        Assert.Contains("betas[1]", Ladder.Adapt([0.1, 0.1], [0.5]).Match(_ => "", e => e.Message));
    }

    [Fact]
    public void Adapt_moves_the_middle_rung_as_in_the_worked_example()
    {
        // Rates (0.2, 0.8): rejections (0.8, 0.2), barrier (0, 0.8, 1); the middle target 0.5 lies on the
        // first segment at 0.1 + 0.4 x 0.5 / 0.8 = 0.35, toward the pair that rejected more.
        var adapted = Ladder.Adapt([0.1, 0.5, 1.0], [0.2, 0.8]).Match(b => b.ToArray(), e => throw new InvalidOperationException(e.Message));
        Assert.Equal(0.1, adapted[0]);
        Assert.Equal(0.35, adapted[1], 1e-15);
        Assert.Equal(1.0, adapted[2]);
    }
}
