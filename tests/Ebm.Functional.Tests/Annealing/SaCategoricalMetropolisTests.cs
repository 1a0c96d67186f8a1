using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Testing;
using Ebm.Functional.Tests.Exact;
using Ebm.Functional.Tests.Mcmc.Lattice;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// Single-site Metropolis on Potts and clock lattices against its exact transition matrices, built from the model's own
/// <see cref="ICategoricalModel.ChangeEnergy"/> and the acceptance a(beta dE) (independent of the kernel's tables): one
/// random-site update is stochastic and reversible for p_beta, and both scans' steps are stationary (to 1e-12). One Step
/// implements its matrix: n = 20,000 chains start from one state and take one step, and every empirical frequency lies within
/// 5 binomial standard errors plus 1e-3 of the exact row (per cell delta &lt; 6e-7; over at most 256 cells a false failure
/// has probability below 2e-4). Also: the cached energies are the model's, a non-lattice is refused, and annealing with it
/// reaches the exact ground state.
/// </summary>
public sealed class SaCategoricalMetropolisTests
{
    private const double Beta = 0.7;

    /// <summary>Sweeps per restart of the annealing claim.</summary>
    private const int Sweeps = 1000;

    public static TheoryData<string, int, int, int, double, Boundary, int> Cases => new()
    {
        { "potts", 2, 2, 3, 0.4, Boundary.Periodic, 5 },
        { "potts", 1, 3, 3, 0.0, Boundary.Open, 11 },
        { "clock", 2, 2, 4, 0.3, Boundary.Periodic, 27 },
        { "clock", 1, 3, 5, -0.2, Boundary.Open, 61 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_update_is_reversible_and_both_scans_are_stationary(string kind, int rows, int columns, int q, double field, Boundary boundary, int start)
    {
        _ = start;
        var model = CategoricalEnumerationTests.Model(kind, rows, columns, q, field, boundary);
        var pi = PottsTransitionMatrices.Boltzmann(model, Beta);
        var randomSite = RandomSiteUpdate(model);
        Assert.True(MarkovChecks.Stochastic(randomSite).Holds, "stochastic");
        Assert.True(MarkovChecks.Reversible(randomSite, pi).Holds, "reversible");
        foreach (var order in new[] { ScanOrder.Random, ScanOrder.Systematic })
        {
            var pushed = new double[pi.Length];
            for (var x = 0; x < pi.Length; x++)
            {
                var row = PottsTransitionMatrices.Row(StepFactors(model, order), x, pi.Length);
                for (var y = 0; y < pi.Length; y++) pushed[y] += pi[x] * row[y];
            }

            for (var y = 0; y < pi.Length; y++) Assert.Equal(pi[y], pushed[y], 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_step_follows_the_exact_matrix_for_both_scans(string kind, int rows, int columns, int q, double field, Boundary boundary, int start)
    {
        var model = CategoricalEnumerationTests.Model(kind, rows, columns, q, field, boundary);
        foreach (var order in new[] { ScanOrder.Random, ScanOrder.Systematic })
        {
            var expected = PottsTransitionMatrices.Row(StepFactors(model, order), start, PottsTransitionMatrices.Count(model));
            var step = SaCategoricalMetropolis.BuildKernel(model, Beta, order);
            PottsKernelTests.AssertRowMatches(model, expected, start, s => step(RngKey.FromSeed(33), SaCategoricalMetropolis.Init(model, s)).State);
        }
    }

    [Fact]
    public void Cached_energies_are_the_model_energies_of_the_states()
    {
        foreach (var kind in new[] { "potts", "clock" })
        {
            var model = CategoricalEnumerationTests.Model(kind, 5, 6, 5, 0.3, Boundary.Periodic, coupling: -0.8);
            var start = Mat.Create(3, model.Dimension, d =>
            {
                for (var i = 0; i < d.Length; i++) d[i] = Math.Floor(RngKey.FromSeed(8).UniformAt(i) * 5);
            });
            var final = Loop.Run(RngKey.FromSeed(4), SaCategoricalMetropolis.Init(model, start), 50, SaCategoricalMetropolis.BuildKernel(model, 1.3));
            var states = final.ToStates();
            Assert.NotEqual(start, states);
            for (var c = 0; c < final.Chains; c++) Assert.Equal(model.Energy(states.Row(c)), final.Energies[c], 1e-12);
        }
    }

    [Fact]
    public void A_categorical_model_that_is_not_a_lattice_is_refused()
    {
        var custom = new ThreeLevelPair();
        Assert.True(SaKernels.Metropolis(custom).IsFail);
        Assert.Throws<ArgumentException>(() => SaCategoricalMetropolis.BuildKernel(custom, 1.0));
        var potts = CategoricalEnumerationTests.Model("potts", 2, 2, 3, 0.0, Boundary.Periodic);
        Assert.Throws<ArgumentOutOfRangeException>(() => SaCategoricalMetropolis.BuildKernel(potts, double.NaN));
    }

    /// <summary>
    /// The claim: on the frustrated lattices of <see cref="CategoricalAnnealingTests"/> a restart of 1000 geometric sweeps from
    /// T = 3 to 0.05 reaches the exact ground state with probability at least 0.9, so at least 80 of 100 restarts
    /// (P(fewer) = 8.1e-4 if p = 0.9); measured 100 of 100 (Potts) and 97, 95, 99 of 100 (clock, seeds 23 to 25; the clock
    /// lattice needs the longer schedule: 80, 71, 83 with 300 sweeps). The same sweeps at beta = 0 fall short (3 and 2 of 100),
    /// so the test can fail.
    /// </summary>
    [Theory]
    [InlineData("potts")]
    [InlineData("clock")]
    public void Annealing_with_it_reaches_the_exact_ground_state_in_at_least_80_of_100_restarts(string kind)
    {
        var model = kind == "potts"
            ? CategoricalEnumerationTests.Model("potts", 3, 4, 3, 0.7, Boundary.Periodic, coupling: -1.0)
            : CategoricalEnumerationTests.Model("clock", 3, 3, 5, 0.3, Boundary.Periodic, coupling: -1.0);
        var ground = Valid(CategoricalEnumeration.EnergyCounts(model)).Energies[0];
        var kernel = Valid(SaKernels.Metropolis(model));
        var result = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(23), model, kernel, Valid(CoolingSchedule.Geometric(3.0, 0.05, Sweeps)), new SaSettings(100)));
        Assert.True(SaSuccess.Of(result, ground).Successes >= 80, $"{kind}: {SaSuccess.Of(result, ground).Successes} of 100 reached E0 = {ground}");
        Assert.Equal(model.Energy(result.BestState.ToArray()), result.BestEnergy);
        var hot = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(23), model, kernel, Valid(CoolingSchedule.Create(Vec.Zeros(Sweeps))), new SaSettings(100)));
        Assert.True(SaSuccess.Of(hot, ground).Successes < 80, $"{kind}: beta = 0 reached E0 {SaSuccess.Of(hot, ground).Successes} times");
    }

    [Fact]
    public void Annealing_with_it_gives_the_same_bits_for_one_and_three_threads()
    {
        var model = CategoricalEnumerationTests.Model("clock", 4, 5, 6, 0.2, Boundary.Periodic);
        var kernel = Valid(SaKernels.Metropolis(model));
        var schedule = Valid(CoolingSchedule.Geometric(2.0, 0.05, 80));
        var one = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(6), model, kernel, schedule, new SaSettings(7, MaxDegreeOfParallelism: 1)));
        var three = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(6), model, kernel, schedule, new SaSettings(7, MaxDegreeOfParallelism: 3)));
        Assert.Equal(one.RestartBestEnergies.ToArray(), three.RestartBestEnergies.ToArray());
        Assert.Equal(one.FinalEnergies.ToArray(), three.FinalEnergies.ToArray());
        Assert.Equal(one.BestState.ToArray(), three.BestState.ToArray());
        Assert.Equal(one.Trace, three.Trace);
    }

    /// <summary>The factors of one step: K^n of the random-site update, or K_0 K_1 ... K_{n-1} for the systematic sweep.</summary>
    private static IEnumerable<Mat> StepFactors(ICategoricalModel model, ScanOrder order) =>
        order == ScanOrder.Random
            ? Enumerable.Repeat(RandomSiteUpdate(model), model.Dimension)
            : Enumerable.Range(0, model.Dimension).Select(site => SiteUpdate(model, site));

    private static Mat RandomSiteUpdate(ICategoricalModel model)
    {
        var n = model.Dimension;
        var count = PottsTransitionMatrices.Count(model);
        var sites = Enumerable.Range(0, n).Select(site => SiteUpdate(model, site)).ToArray();
        return Mat.Create(count, count, k =>
        {
            foreach (var site in sites)
                for (var i = 0; i < k.Length; i++) k[i] += site.Span[i] / n;
        });
    }

    /// <summary>K_i: site i proposes each other value with probability 1/(q - 1) and takes it with probability a(beta dE).</summary>
    private static Mat SiteUpdate(ICategoricalModel model, int site)
    {
        var q = model.Levels;
        var count = PottsTransitionMatrices.Count(model);
        var power = (int)Math.Pow(q, site);
        return Mat.Create(count, count, k =>
        {
            for (var x = 0; x < count; x++)
            {
                var state = PottsTransitionMatrices.State(x, model.Dimension, q);
                var old = (int)state[site];
                var stay = 1.0;
                for (var value = 0; value < q; value++)
                {
                    if (value == old) continue;
                    var move = MetropolisAcceptance.Probability(Beta * model.ChangeEnergy(state, site, value)) / (q - 1);
                    k[x * count + x + (value - old) * power] += move;
                    stay -= move;
                }

                k[x * count + x] += stay;
            }
        });
    }

    private sealed class ThreeLevelPair : ICategoricalModel
    {
        public string Kind => "custom";
        public int Dimension => 2;
        public int Levels => 3;
        public double Energy(ReadOnlySpan<double> state) => state[0] == state[1] ? -1.0 : 0.0;
        public Vec Energies(Mat states) => Vec.Create(states.Rows, d =>
        {
            for (var r = 0; r < states.Rows; r++) d[r] = Energy(states.Row(r));
        });
        public double ChangeEnergy(ReadOnlySpan<double> state, int site, int value) => 0.0;
    }
}
