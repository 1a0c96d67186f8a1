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
/// The single-site heat bath on Potts and clock lattices against its exact transition matrices, built from the model's own
/// <see cref="ICategoricalModel.ChangeEnergy"/> (the conditional p(v) ∝ exp(-beta dE(v)), independent of the kernel's
/// tables): one random-site update is stochastic and reversible for p_beta, and both scans' steps are stationary (to
/// 1e-12). One Step implements its matrix: n = 20,000 chains start from one state and take one step, and every empirical
/// frequency lies within 5 binomial standard errors plus 1e-3 of the exact row (per cell delta &lt; 6e-7; over at most 256
/// cells a false failure has probability below 2e-4). Also: the cached energies are the model's, a non-lattice is
/// refused, and annealing with it reaches the exact ground state.
/// </summary>
public sealed class SaCategoricalHeatBathTests
{
    private const double Beta = 0.7;

    /// <summary>Sweeps per restart of the annealing claim.</summary>
    private const int Sweeps = 1000;

    /// <summary>
    /// Lattices, fields and couplings, and the start state of the one-step check. J = -0.8, and beta J = 350 at a site whose
    /// two neighbours differ (every table weight, at most e^(-3 beta J), underflows; start 5 is the state 2, 1, 0), take the
    /// draw's general path of log weights shifted by their maximum; the other Potts cases its table path.
    /// </summary>
    public static TheoryData<string, int, int, int, double, double, Boundary, int> Cases => new()
    {
        { "potts", 2, 2, 3, 0.4, 1.0, Boundary.Periodic, 5 },
        { "potts", 1, 3, 3, 0.0, 1.0, Boundary.Open, 11 },
        { "potts", 2, 2, 3, 0.2, -0.8, Boundary.Periodic, 17 },
        { "potts", 1, 3, 3, 0.0, 500.0, Boundary.Periodic, 5 },
        { "clock", 2, 2, 4, 0.3, 1.0, Boundary.Periodic, 27 },
        { "clock", 1, 3, 5, -0.2, 1.0, Boundary.Open, 61 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_update_is_reversible_and_both_scans_are_stationary(
        string kind, int rows, int columns, int q, double field, double coupling, Boundary boundary, int start)
    {
        _ = start;
        var model = CategoricalEnumerationTests.Model(kind, rows, columns, q, field, boundary, coupling);
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
    public void A_step_follows_the_exact_matrix_for_both_scans(
        string kind, int rows, int columns, int q, double field, double coupling, Boundary boundary, int start)
    {
        var model = CategoricalEnumerationTests.Model(kind, rows, columns, q, field, boundary, coupling);
        foreach (var order in new[] { ScanOrder.Random, ScanOrder.Systematic })
        {
            var expected = PottsTransitionMatrices.Row(StepFactors(model, order), start, PottsTransitionMatrices.Count(model));
            var step = SaCategoricalHeatBath.BuildKernel(model, Beta, order);
            PottsKernelTests.AssertRowMatches(model, expected, start, s => step(RngKey.FromSeed(34), SaCategoricalHeatBath.Init(model, s)).State);
        }
    }

    [Fact]
    public void Cached_energies_are_the_model_energies_of_the_states()
    {
        foreach (var kind in new[] { "potts", "clock" })
        foreach (var order in new[] { ScanOrder.Random, ScanOrder.Systematic })
        {
            var model = CategoricalEnumerationTests.Model(kind, 5, 6, 5, 0.3, Boundary.Periodic, coupling: -0.8);
            var start = Mat.Create(3, model.Dimension, d =>
            {
                for (var i = 0; i < d.Length; i++) d[i] = Math.Floor(RngKey.FromSeed(8).UniformAt(i) * 5);
            });
            var final = Loop.Run(RngKey.FromSeed(4), SaCategoricalHeatBath.Init(model, start), 50, SaCategoricalHeatBath.BuildKernel(model, 1.3, order));
            var states = final.ToStates();
            Assert.NotEqual(start, states);
            for (var c = 0; c < final.Chains; c++) Assert.Equal(model.Energy(states.Row(c)), final.Energies[c], 1e-12);
        }
    }

    [Fact]
    public void The_info_counts_every_update_carried_out_and_the_fraction_that_moved()
    {
        var model = CategoricalEnumerationTests.Model("potts", 3, 3, 3, 0.0, Boundary.Periodic);
        var start = Mat.Zeros(4, model.Dimension);
        var (next, info) = SaCategoricalHeatBath.BuildKernel(model, 0.0, ScanOrder.Systematic)(RngKey.FromSeed(2), SaCategoricalHeatBath.Init(model, start));
        Assert.Equal(Vec.Filled(4, 1.0), info.AcceptanceRates);
        Assert.Equal(0, info.NanRejections);
        // A systematic sweep from all zeros visits every site once: the units that moved are those now nonzero.
        for (var c = 0; c < 4; c++)
            Assert.Equal(next.Units(c).ToArray().Count(v => v != 0) / 9.0, info.FlipFractions[c]);
    }

    [Fact]
    public void A_categorical_model_that_is_not_a_lattice_is_refused()
    {
        var custom = new ThreeLevelPair();
        Assert.True(SaKernels.HeatBath(custom, ScanOrder.Random).IsFail);
        Assert.Throws<ArgumentException>(() => SaCategoricalHeatBath.BuildKernel(custom, 1.0));
        var potts = CategoricalEnumerationTests.Model("potts", 2, 2, 3, 0.0, Boundary.Periodic);
        Assert.Throws<ArgumentOutOfRangeException>(() => SaCategoricalHeatBath.BuildKernel(potts, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => SaCategoricalHeatBath.BuildKernel(potts, -1.0));
    }

    /// <summary>
    /// The claim: on the frustrated lattices of <see cref="CategoricalAnnealingTests"/> a restart of 1000 geometric sweeps from
    /// T = 3 to 0.05 reaches the exact ground state with probability at least 0.9, so at least 80 of 100 restarts
    /// (P(fewer) = 8.1e-4 if p = 0.9); measured 100 of 100 (Potts, seeds 23 to 25) and 100, 100, 99 of 100 (clock, seeds 23
    /// to 25; with 300 sweeps 90, 92, 91, with 100 sweeps 61, 63, 65). The same sweeps at beta = 0 fall short (6 and 2 of 100),
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
        var kernel = Valid(SaKernels.HeatBath(model, ScanOrder.Random));
        var result = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(23), model, kernel, Valid(CoolingSchedule.Geometric(3.0, 0.05, Sweeps)), new SaSettings(100)));
        Assert.Equal(SaCategoricalHeatBath.Name, result.Kernel);
        Assert.True(SaSuccess.Of(result, ground).Successes >= 80, $"{kind}: {SaSuccess.Of(result, ground).Successes} of 100 reached E0 = {ground}");
        Assert.Equal(model.Energy(result.BestState.ToArray()), result.BestEnergy);
        var hot = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(23), model, kernel, Valid(CoolingSchedule.Create(Vec.Zeros(Sweeps))), new SaSettings(100)));
        Assert.True(SaSuccess.Of(hot, ground).Successes < 80, $"{kind}: beta = 0 reached E0 {SaSuccess.Of(hot, ground).Successes} times");
    }

    [Theory]
    [InlineData(ScanOrder.Random)]
    [InlineData(ScanOrder.Systematic)]
    public void Annealing_with_it_gives_the_same_bits_for_one_and_three_threads(ScanOrder order)
    {
        var model = CategoricalEnumerationTests.Model("clock", 4, 5, 6, 0.2, Boundary.Periodic);
        var kernel = Valid(SaKernels.HeatBath(model, order));
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

    /// <summary>K_i: site i draws v with probability proportional to exp(-beta (E(s with s_i = v) - E(s))), the others stay.</summary>
    private static Mat SiteUpdate(ICategoricalModel model, int site) => PottsTransitionMatrices.HeatBathColour(model, Beta, [site]);

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
