using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Tests.Mcmc.BlockGibbs;

/// <summary>
/// Block Gibbs on a Bernoulli RBM: one Step really draws from the exact transition row
/// K((v,h),·) = p(h'|v) p(v'|h'), the cached energies are the model's, and the result does not depend on
/// the thread count.
/// </summary>
public sealed class RbmBlockGibbsTests
{
    private static BernoulliRbm Tiny() =>
        BernoulliRbm.Create(Mat.FromRows([[0.9, -1.3], [-0.4, 1.1]]), Vec.Of(0.3, -0.6), Vec.Of(-0.2, 0.5))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static BernoulliRbm Random(int visible, int hidden, ulong seed)
    {
        var key = RngKey.FromSeed(seed);
        var weights = new double[visible * hidden];
        key.FoldIn(0).Normal(weights);
        var b = new double[visible];
        key.FoldIn(1).Normal(b);
        var c = new double[hidden];
        key.FoldIn(2).Normal(c);
        return BernoulliRbm.Create(Mat.From(visible, hidden, weights.Select(w => 0.3 * w).ToArray()), Vec.From(b), Vec.From(c))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
    }

    private static Sampler<Mat, RbmChains, BlockGibbsInfo> Sampler(BernoulliRbm model, double beta, bool singlePrecision, int threads = -1) =>
        singlePrecision ? RbmBlockGibbs.CreateSinglePrecision(model, beta, threads) : RbmBlockGibbs.Create(model, beta, threads);

    [Theory]
    [InlineData(0, false)]
    [InlineData(6, false)]
    [InlineData(13, false)]
    [InlineData(6, true)]
    [InlineData(13, true)]
    public void One_step_from_a_fixed_state_draws_the_exact_transition_row(int start, bool singlePrecision)
    {
        // n = 20,000 chains all start at joint state `start` (16 states). Each cell's frequency is binomial with
        // standard error sqrt(p (1 - p) / n) <= 0.0036; a bound of 5.5 standard errors plus 1/n holds for every one of
        // the 3 x 16 cells with probability >= 1 - 3 * 16 * 4e-8 (delta ~ 2e-6).
        const int chains = 20_000;
        const double beta = 0.8;
        var model = Tiny();
        var row = TransitionMatrices.BlockGibbs(model, beta).ThrowIfFail().Row(start).ToArray();
        var joint = Mat.Create(chains, 4, d =>
        {
            for (var r = 0; r < chains; r++)
            for (var k = 0; k < 4; k++)
                d[r * 4 + k] = (start >> k) & 1;
        });
        var sampler = Sampler(model, beta, singlePrecision);
        var (next, info) = sampler.Step(RngKey.FromSeed(2024).FoldIn(start), sampler.Init(joint));
        var counts = new double[16];
        var states = next.Joint();
        for (var r = 0; r < chains; r++)
        {
            var index = 0;
            for (var k = 0; k < 4; k++) index |= (int)states[r, k] << k;
            counts[index]++;
        }

        for (var x = 0; x < 16; x++)
        {
            var bound = 5.5 * Math.Sqrt(row[x] * (1 - row[x]) / chains) + 1.0 / chains;
            Assert.True(Math.Abs(counts[x] / chains - row[x]) <= bound, $"state {x}: frequency {counts[x] / chains}, exact {row[x]}, bound {bound}");
        }

        Assert.All(info.AcceptanceRates.ToArray(), a => Assert.Equal(1.0, a));
    }

    [Theory]
    [InlineData(false, 1e-12)]
    [InlineData(true, 1e-5)]
    public void Cached_energies_equal_the_model_energy_of_the_new_states(bool singlePrecision, double relativeTolerance)
    {
        // Double: a few roundings of sums of ~50 terms. Float32: the visible field b + W h is a float sum of 20 terms
        // of size <= 1, rounding ~20 * 6e-8 relative to the field, times 30 visible units.
        var model = Random(30, 20, 5);
        var sampler = Sampler(model, 1.3, singlePrecision);
        var state = sampler.Init(Mat.Zeros(16, 50));
        var (final, _) = Loop.Scan(RngKey.FromSeed(9), state, 4, sampler.Step, (s, _) => 0);
        var expected = model.Energies(final.Joint());
        for (var r = 0; r < final.Chains; r++)
            Assert.True(Math.Abs(final.Energies[r] - expected[r]) <= relativeTolerance * (1 + Math.Abs(expected[r])), $"chain {r}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Results_are_bit_identical_for_one_thread_and_many(bool singlePrecision)
    {
        var model = Random(40, 24, 6);
        var start = Mat.Zeros(64, 64);
        var serial = Sampler(model, 0.9, singlePrecision, threads: 1);
        var parallel = Sampler(model, 0.9, singlePrecision);
        var key = RngKey.FromSeed(77);
        var a = Loop.Run(key, serial.Init(start), 5, serial.Step);
        var b = Loop.Run(key, parallel.Init(start), 5, parallel.Step);
        Assert.Equal(a.Visible, b.Visible);
        Assert.Equal(a.Hidden, b.Hidden);
        Assert.Equal(a.Energies, b.Energies);
    }

    [Fact]
    public void Long_run_visible_frequencies_match_the_exact_marginal()
    {
        // 400 chains x 200 steps after 20 burn-in steps. The 400 chains are independent replicates, so the standard
        // error of each visible state's frequency is the spread of the per-chain frequencies over sqrt(400); the test
        // allows 5 of them (delta ~ 4 x 6e-7 under normality of the chain average).
        const int chains = 400;
        const int steps = 200;
        const double beta = 1.1;
        var model = Tiny();
        var exact = Enumeration.Probabilities(model, beta).Match(p => p, e => throw new InvalidOperationException(e.Message));
        var sampler = RbmBlockGibbs.Create(model, beta);
        var key = RngKey.FromSeed(31);
        var state = Loop.Run(key.FoldIn(0), sampler.Init(Mat.Zeros(chains, 4)), 20, sampler.Step);
        var (_, trace) = Loop.Scan(key.FoldIn(1), state, steps, sampler.Step, (s, _) => s.Visible);
        var perChain = new double[chains, 4];
        foreach (var visible in trace)
            for (var r = 0; r < chains; r++)
                perChain[r, (int)visible[r, 0] | ((int)visible[r, 1] << 1)] += 1.0 / steps;
        for (var v = 0; v < 4; v++)
        {
            var marginal = 0.0;
            for (var h = 0; h < 4; h++) marginal += exact[v + 4 * h];
            var frequencies = Enumerable.Range(0, chains).Select(r => perChain[r, v]).ToArray();
            var mean = frequencies.Average();
            var standardError = Math.Sqrt(frequencies.Select(f => (f - mean) * (f - mean)).Sum() / (chains - 1) / chains);
            Assert.True(Math.Abs(mean - marginal) <= 5 * standardError, $"v = {v}: {mean} vs exact {marginal} (se {standardError})");
        }
    }
}
