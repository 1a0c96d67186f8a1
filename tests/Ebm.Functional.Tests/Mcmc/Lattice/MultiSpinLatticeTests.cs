using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>
/// The multi-spin layout on lattices wider than a word (rows of K = M / 2 sites of a colour over several words, K
/// not a multiple of 64, so the shifted neighbour crosses words and wraps inside the last one): every site flips with
/// its class's probability given its neighbours at the time of its update; the integer bond sums and magnetisations
/// match a recount from the spins; results do not depend on the thread count; conversions round-trip; unsupported
/// lattices are refused.
/// </summary>
public sealed class MultiSpinLatticeTests
{
    private static Mat RandomSpins(int chains, int sites, ulong seed) => Mat.Create(chains, sites, d =>
    {
        var key = RngKey.FromSeed(seed);
        for (var i = 0; i < d.Length; i++) d[i] = key.UniformAt(i) < 0.5 ? -1.0 : 1.0;
    });

    /// <summary>
    /// One sweep from random starts; per class (spin, agreeing neighbours) the number of flips f among n updates is
    /// binomial(n, p) when the kernel is right: |f - n p| must be at most 5 sqrt(n p (1 - p)) (exactly 0 for p = 0 or
    /// 1), a false failure per class of probability 5.7e-7, below 6e-6 over the ten classes. Colour 0 sees the start,
    /// colour 1 the updated colour 0. 1.0 to 1.7 million updates per case (2,000 chains x 840 sites; 90 sweeps x 19,200).
    /// </summary>
    [Theory]
    [InlineData(6, 140, 2000, 1, 0.8, 0.3, CheckerboardUpdate.Metropolis)]
    [InlineData(6, 140, 2000, 1, -0.7, -0.2, CheckerboardUpdate.HeatBath)]
    [InlineData(64, 300, 1, 90, 1.0, 0.0, CheckerboardUpdate.Metropolis)]
    [InlineData(2, 130, 4000, 1, 1.0, 0.1, CheckerboardUpdate.Metropolis)]
    public void Every_site_flips_with_its_class_probability(int rows, int columns, int chains, int repeats, double j, double h, CheckerboardUpdate update)
    {
        const double beta = 0.44;
        var model = MultiSpinCheckerboardTests.Model(rows, columns, j, h);
        var thresholds = MultiSpinCheckerboard.Thresholds(model, beta, update);
        var sampler = MultiSpinCheckerboardTests.Sampler(model, beta, update);
        var start = RandomSpins(chains, model.Dimension, 51);
        var init = sampler.Init(start);
        var updates = new long[MultiSpinThresholds.Classes];
        var flips = new long[MultiSpinThresholds.Classes];
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var after = sampler.Step(RngKey.FromSeed(52).FoldIn(repeat), init).State.ToStates();
            for (var c = 0; c < chains; c++) Tally(model, start.Row(c), after.Row(c), updates, flips);
        }

        for (var k = 0; k < MultiSpinThresholds.Classes; k++)
        {
            var p = thresholds.FlipProbability(k);
            var bound = 5 * Math.Sqrt(updates[k] * p * (1 - p));
            Assert.True(Math.Abs(flips[k] - updates[k] * p) <= bound, $"class {k}: {flips[k]} flips of {updates[k]}, p = {p}");
        }
    }

    [Theory]
    [InlineData(2, 2, 3)]
    [InlineData(2, 130, 5)]
    [InlineData(4, 128, 1)]
    [InlineData(6, 140, 4)]
    [InlineData(130, 4, 2)]
    [InlineData(8, 2, 1)]
    public void Bond_sums_and_magnetisations_stay_exact(int rows, int columns, int chains)
    {
        var model = MultiSpinCheckerboardTests.Model(rows, columns, 1.0, 0.2);
        var sampler = MultiSpinCheckerboardTests.Sampler(model, 0.4);
        var state = Loop.Run(RngKey.FromSeed(53), sampler.Init(RandomSpins(chains, model.Dimension, 54)), 6, sampler.Step);
        var recount = IsingChains.FromStates(model, state.ToStates());
        Assert.Equal(recount.BondSums.ToArray(), state.BondSums.ToArray());
        Assert.Equal(recount.Magnetisations.ToArray(), state.Magnetisations.ToArray());
        var states = state.ToStates();
        for (var c = 0; c < chains; c++) Assert.Equal(model.Energy(states.Row(c)), state.Energies[c], 1e-9);
    }

    [Theory]
    [InlineData(64, 300, 1)]
    [InlineData(6, 140, 8)]
    public void Threads_do_not_change_results(int rows, int columns, int chains)
    {
        var model = MultiSpinCheckerboardTests.Model(rows, columns, 1.0, 0.1);
        var start = RandomSpins(chains, model.Dimension, 55);
        MultiSpinChains Run(int threads)
        {
            var sampler = MultiSpinCheckerboardTests.Sampler(model, 0.44, CheckerboardUpdate.Metropolis, threads);
            return Loop.Run(RngKey.FromSeed(56), sampler.Init(start), 5, sampler.Step);
        }

        var one = Run(1);
        foreach (var threads in new[] { 2, -1 })
        {
            var other = Run(threads);
            Assert.Equal(one.ToStates(), other.ToStates());
            Assert.Equal(one.BondSums.ToArray(), other.BondSums.ToArray());
        }
    }

    [Fact]
    public void Conversions_round_trip_through_the_byte_state()
    {
        var model = MultiSpinCheckerboardTests.Model(6, 140, -0.5, 0.3);
        var bytes = IsingChains.FromStates(model, RandomSpins(3, model.Dimension, 57));
        var packed = MultiSpinChains.FromIsingChains(bytes).Match(s => s, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(bytes.ToStates(), packed.ToStates());
        Assert.Equal(bytes.BondSums.ToArray(), packed.BondSums.ToArray());
        Assert.Equal(bytes.Magnetisations.ToArray(), packed.Magnetisations.ToArray());
        Assert.Equal(bytes.Energies, packed.Energies);
        Assert.Equal(bytes.ToStates(), packed.ToIsingChains().ToStates());
    }

    // Every flip of a sweep at beta = 0 is a tie (x = 0), accepted with exactly 7/8; the reported acceptance is the
    // mean flip probability, so exactly 7/8, and heat bath reports 1.
    [Fact]
    public void Acceptance_is_the_mean_flip_probability()
    {
        var model = MultiSpinCheckerboardTests.Model(4, 130, 1.0, 0.0);
        var start = RandomSpins(2, model.Dimension, 58);
        var metropolis = MultiSpinCheckerboardTests.Sampler(model, 0.0);
        var (_, info) = metropolis.Step(RngKey.FromSeed(59), metropolis.Init(start));
        Assert.All(info.AcceptanceRates.ToArray(), rate => Assert.Equal(0.875, rate));
        Assert.All(info.FlipRates.ToArray(), rate => Assert.InRange(rate, 0.8, 0.95));
        var heatBath = MultiSpinCheckerboardTests.Sampler(model, 0.0, CheckerboardUpdate.HeatBath);
        Assert.All(heatBath.Step(RngKey.FromSeed(59), heatBath.Init(start)).Info.AcceptanceRates.ToArray(), rate => Assert.Equal(1.0, rate));
    }

    [Theory]
    [InlineData(4, 4, Boundary.Open)]
    [InlineData(3, 4, Boundary.Periodic)]
    [InlineData(4, 5, Boundary.Periodic)]
    [InlineData(1, 2, Boundary.Periodic)]
    public void Lattices_without_even_periodic_sides_are_refused(int rows, int columns, Boundary boundary)
    {
        var model = MultiSpinCheckerboardTests.Model(rows, columns, 1.0, 0.0, boundary);
        var created = MultiSpinCheckerboard.Create(model, 0.4);
        Assert.True(created.IsFail);
        created.IfFail(e =>
        {
            Assert.Equal(MultiSpinErrors.UnsupportedLatticeCode, e.Code);
            Assert.Contains($"{rows} x {columns}", e.Message);
        });
        Assert.True(MultiSpinChains.FromStates(model, RandomSpins(1, model.Dimension, 60)).IsFail);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_non_finite_beta_is_refused(double beta)
    {
        var created = MultiSpinCheckerboard.Create(MultiSpinCheckerboardTests.Model(4, 4, 1.0, 0.0), beta);
        created.Match(_ => Assert.Fail("accepted"), e => Assert.Equal(MultiSpinErrors.InvalidBetaCode, e.Code));
    }

    private static void Tally(IsingModel model, ReadOnlySpan<double> before, ReadOnlySpan<double> after, long[] updates, long[] flips)
    {
        var (rows, columns) = (model.Rows, model.Columns);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                // A colour-1 site is updated after colour 0, so its neighbours (all colour 0) are read after the sweep.
                var neighbours = ((r + c) & 1) == 0 ? before : after;
                var s = before[r * columns + c];
                var agree = 0;
                foreach (var (dr, dc) in new[] { (0, 1), (0, -1), (1, 0), (-1, 0) })
                    if (neighbours[(r + dr + rows) % rows * columns + (c + dc + columns) % columns] == s) agree++;
                var k = (s > 0 ? 5 : 0) + agree;
                updates[k]++;
                if (after[r * columns + c] != s) flips[k]++;
            }
        }
    }
}
