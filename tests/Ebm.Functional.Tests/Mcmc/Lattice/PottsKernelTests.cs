using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Testing;
using Ebm.Functional.Tests.Exact;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>
/// The categorical lattice kernels against their exact transition matrices on tiny lattices: each colour update is
/// reversible and the sweep stationary for p_beta (exactly, to 1e-12), and one Step implements the matrix: n = 20,000 chains
/// start from one state x and take one step; each empirical frequency of y must lie within 5 binomial standard errors
/// sqrt(K(x,y)(1-K(x,y))/n) plus 1e-3 of K(x,y) (per cell delta &lt; 6e-7; over the at most 729 cells of a row a false failure has
/// probability below 5e-4). Also: cached energies equal the model's, and results do not depend on the thread count.
/// </summary>
public sealed class PottsKernelTests
{
    private const int Chains = 20_000;

    public static TheoryData<string, int, int, int, double, Boundary, int> HeatBathCases => new()
    {
        { "potts", 2, 2, 3, 0.4, Boundary.Periodic, 5 },
        { "potts", 2, 3, 3, 0.0, Boundary.Open, 100 },
        { "potts", 1, 3, 3, -0.3, Boundary.Periodic, 7 },
        { "clock", 2, 2, 4, 0.3, Boundary.Periodic, 27 },
        { "clock", 1, 3, 5, 0.0, Boundary.Open, 61 },
    };

    [Theory]
    [MemberData(nameof(HeatBathCases))]
    public void Heat_bath_colours_are_reversible_and_the_sweep_is_stationary(string kind, int rows, int columns, int q, double field, Boundary boundary, int start)
    {
        _ = start;
        const double beta = 0.7;
        var model = CategoricalEnumerationTests.Model(kind, rows, columns, q, field, boundary);
        var pi = PottsTransitionMatrices.Boltzmann(model, beta);
        var colours = PottsTransitionMatrices.Colours(rows, columns, boundary).Select(c => PottsTransitionMatrices.HeatBathColour(model, beta, c)).ToArray();
        foreach (var k in colours)
        {
            Assert.True(MarkovChecks.Stochastic(k).Holds, "stochastic");
            Assert.True(MarkovChecks.Reversible(k, pi).Holds, "reversible");
        }

        var count = pi.Length;
        var pushed = new double[count];
        for (var x = 0; x < count; x++)
        {
            var row = PottsTransitionMatrices.Row(colours, x, count);
            for (var y = 0; y < count; y++) pushed[y] += pi[x] * row[y];
        }

        for (var y = 0; y < count; y++) Assert.Equal(pi[y], pushed[y], 1e-12);
    }

    [Theory]
    [MemberData(nameof(HeatBathCases))]
    public void Heat_bath_step_follows_the_exact_sweep_matrix(string kind, int rows, int columns, int q, double field, Boundary boundary, int start)
    {
        const double beta = 0.7;
        var model = CategoricalEnumerationTests.Model(kind, rows, columns, q, field, boundary);
        var colours = PottsTransitionMatrices.Colours(rows, columns, boundary).Select(c => PottsTransitionMatrices.HeatBathColour(model, beta, c));
        var expected = PottsTransitionMatrices.Row(colours, start, PottsTransitionMatrices.Count(model));
        var sampler = PottsCheckerboard.Create(model, beta).Match(s => s, e => throw new InvalidOperationException(e.Message));
        AssertRowMatches(model, expected, start, s => sampler.Step(RngKey.FromSeed(31), sampler.Init(s)).State);
    }

    // J < 0 and beta J = 210 (every table weight underflows) take the general path of log weights shifted by their maximum.
    [Theory]
    [InlineData(-0.8, 0.2, 17)]
    [InlineData(300.0, 0.0, 5)]
    public void Potts_heat_bath_step_follows_the_exact_matrix_off_the_table_path(double coupling, double field, int start)
    {
        const double beta = 0.7;
        var model = CategoricalEnumerationTests.Model("potts", 2, 2, 3, field, Boundary.Periodic, coupling);
        var colours = PottsTransitionMatrices.Colours(2, 2, Boundary.Periodic).Select(c => PottsTransitionMatrices.HeatBathColour(model, beta, c));
        var expected = PottsTransitionMatrices.Row(colours, start, PottsTransitionMatrices.Count(model));
        var sampler = PottsCheckerboard.Create(model, beta).Match(s => s, e => throw new InvalidOperationException(e.Message));
        AssertRowMatches(model, expected, start, s => sampler.Step(RngKey.FromSeed(32), sampler.Init(s)).State);
    }

    [Fact]
    public void Cached_energies_match_the_model_and_threads_do_not_change_results()
    {
        foreach (var kind in new[] { "potts", "clock" })
        {
            var model = CategoricalEnumerationTests.Model(kind, 6, 5, 5, 0.2, Boundary.Periodic);
            var start = Mat.Create(8, model.Dimension, d =>
            {
                for (var i = 0; i < d.Length; i++) d[i] = Math.Floor(RngKey.FromSeed(4).UniformAt(i) * 5);
            });
            var one = PottsCheckerboard.Create(model, 0.9, maxDegreeOfParallelism: 1).Match(s => s, e => throw new InvalidOperationException(e.Message));
            var many = PottsCheckerboard.Create(model, 0.9, maxDegreeOfParallelism: 4).Match(s => s, e => throw new InvalidOperationException(e.Message));
            var a = Loop.Run(RngKey.FromSeed(2), one.Init(start), 7, one.Step);
            var b = Loop.Run(RngKey.FromSeed(2), many.Init(start), 7, many.Step);
            Assert.Equal(a.ToStates(), b.ToStates());
            Assert.Equal(a.Energies, b.Energies);
            var states = a.ToStates();
            for (var c = 0; c < a.Chains; c++) Assert.Equal(model.Energy(states.Row(c)), a.Energies[c], 1e-12);

            // One chain splits each colour into chunks instead: the same bits again.
            var first = Mat.Create(1, start.Columns, d => start.Row(0).CopyTo(d));
            var single = Loop.Run(RngKey.FromSeed(2), one.Init(first), 7, one.Step);
            var singleMany = Loop.Run(RngKey.FromSeed(2), many.Init(first), 7, many.Step);
            Assert.Equal(single.ToStates(), singleMany.ToStates());
            Assert.Equal(model.Energy(single.ToStates().Row(0)), single.Energies[0], 1e-12);
        }
    }

    [Fact]
    public void Heat_bath_refuses_a_non_finite_beta()
    {
        var model = CategoricalEnumerationTests.Model("potts", 4, 4, 3, 0.0, Boundary.Periodic);
        Assert.Equal(PottsLatticeErrors.InvalidBetaCode, PottsCheckerboard.Create(model, double.NaN).Match(_ => 0, e => e.Code));
    }

    internal static void AssertRowMatches(ICategoricalModel model, double[] expected, int start, Func<Mat, PottsChains> step)
    {
        var n = model.Dimension;
        var units = PottsTransitionMatrices.State(start, n, model.Levels);
        var starts = Mat.Create(Chains, n, d =>
        {
            for (var c = 0; c < Chains; c++) units.CopyTo(d.Slice(c * n, n));
        });
        var after = step(starts);
        var counts = new int[expected.Length];
        for (var c = 0; c < Chains; c++) counts[PottsTransitionMatrices.Index(after.Units(c), model.Levels)]++;
        for (var y = 0; y < counts.Length; y++)
        {
            var p = expected[y];
            var bound = 5 * Math.Sqrt(p * (1 - p) / Chains) + 1e-3;
            Assert.InRange((double)counts[y] / Chains, p - bound, p + bound);
        }
    }
}
