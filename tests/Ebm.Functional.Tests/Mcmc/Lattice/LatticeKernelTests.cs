using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>
/// The lattice kernels' Step implements their exact transition matrix: n = 20,000 chains all start from
/// one state x and take one step; each empirical frequency of y must lie within 5 binomial standard
/// errors sqrt(K(x,y)(1-K(x,y))/n) (plus 1e-3 for cells of probability near 0) of K(x,y). Per cell
/// delta &lt; 6e-7 by the normal tail, so over the at most 512 cells of a row (the 3x3 torus) a false failure has
/// probability below 3e-4. Also: cached energies equal the model's, and results do not depend on the thread count.
/// </summary>
public sealed class LatticeKernelTests
{
    private const int Chains = 20_000;

    private static IsingModel Model(int rows, int columns, double j, double h, Boundary boundary) =>
        IsingModel.Create(rows, columns, j, h, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    public static TheoryData<int, int, double, double, Boundary, CheckerboardUpdate, int> CheckerboardCases => new()
    {
        { 2, 3, 0.8, 0.3, Boundary.Open, CheckerboardUpdate.Metropolis, 13 },
        { 2, 3, -0.6, -0.2, Boundary.Open, CheckerboardUpdate.HeatBath, 40 },
        { 2, 2, 0.7, 0.4, Boundary.Periodic, CheckerboardUpdate.Metropolis, 6 },
        { 3, 2, 0.5, 0.0, Boundary.Periodic, CheckerboardUpdate.HeatBath, 21 },
        { 2, 2, 1.0, 0.0, Boundary.Periodic, CheckerboardUpdate.Metropolis, 5 },
        { 2, 4, 1.0, 0.0, Boundary.Periodic, CheckerboardUpdate.Metropolis, 0b0101_0101 },
        { 3, 3, 0.8, 0.0, Boundary.Periodic, CheckerboardUpdate.Metropolis, 0b010_101_010 },
    };

    [Theory]
    [MemberData(nameof(CheckerboardCases))]
    public void Checkerboard_step_follows_the_exact_sweep_matrix(int rows, int columns, double j, double h, Boundary boundary, CheckerboardUpdate update, int start)
    {
        var model = Model(rows, columns, j, h, boundary);
        const double beta = 0.6;
        var sampler = Checkerboard.Create(model, beta, update);
        AssertRowMatches(model, SweepRow(model, beta, update, start), start, s => sampler.Step(RngKey.FromSeed(11), sampler.Init(s)).State);
    }

    [Theory]
    [InlineData(false, 5)]
    [InlineData(true, 9)]
    public void Cluster_steps_follow_the_exact_Fortuin_Kasteleyn_matrix(bool wolff, int start)
    {
        var model = Model(2, 2, 1.0, 0.0, Boundary.Periodic);
        const double beta = 0.3;
        var k = (wolff ? TransitionMatrices.Wolff(model, beta) : TransitionMatrices.SwendsenWang(model, beta)).ThrowIfFail();
        var sampler = (wolff ? Wolff.Create(model, beta) : SwendsenWang.Create(model, beta)).Match(s => s, e => throw new InvalidOperationException(e.Message));
        AssertRowMatches(model, Row(k, start), start, s => sampler.Step(RngKey.FromSeed(12), sampler.Init(s)).State);
    }

    // Where no bond can be activated (beta J = 0) every Wolff cluster is one site, and the step flips it with
    // probability 1/2 (otherwise one flip per step alternates the parity of M forever).
    [Theory]
    [InlineData(0.0, 1.0, 6)]
    [InlineData(0.4, 0.0, 9)]
    public void Wolff_without_activatable_bonds_flips_the_seed_half_the_time(double beta, double coupling, int start)
    {
        var model = Model(2, 2, coupling, 0.0, Boundary.Periodic);
        var k = TransitionMatrices.Wolff(model, beta).ThrowIfFail();
        Assert.Equal(0.5, k[start, start], 1e-15);
        var sampler = Wolff.Create(model, beta).Match(s => s, e => throw new InvalidOperationException(e.Message));
        AssertRowMatches(model, Row(k, start), start, s => sampler.Step(RngKey.FromSeed(13), sampler.Init(s)).State);
        var (_, info) = sampler.Step(RngKey.FromSeed(14), sampler.Init(Mat.Create(3, 4, d => d.Fill(1.0))));
        Assert.All(info.AcceptanceRates.ToArray(), rate => Assert.Equal(0.5, rate));
    }

    // In the alternating-column state of the 4x4 torus at h = 0 every neighbour sum is 0: the 8 proposals of the
    // first colour are ties, each accepted with probability exactly 7/8 (threshold 7 * 2^29 of 2^32), so the sweep's
    // mean acceptance lies in [7/16, 15/16]. The old rule accepted all 16 (1.0) and moved to the mirror state.
    [Fact]
    public void Checkerboard_Metropolis_accepts_a_tie_with_probability_seven_eighths()
    {
        var model = Model(4, 4, 1.0, 0.0, Boundary.Periodic);
        var alternatingColumns = Mat.Create(2, 16, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = i % 2 == 0 ? 1.0 : -1.0;
        });
        var sampler = Checkerboard.Create(model, 0.44, CheckerboardUpdate.Metropolis);
        var init = sampler.Init(alternatingColumns);
        Assert.All(init.Energies.ToArray(), e => Assert.Equal(0.0, e));
        var (_, info) = sampler.Step(RngKey.FromSeed(15), init);
        Assert.All(info.AcceptanceRates.ToArray(), rate => Assert.InRange(rate, 7.0 / 16, 15.0 / 16));
    }

    [Fact]
    public void Cluster_kernels_refuse_a_field()
    {
        var model = Model(4, 4, 1.0, 0.1, Boundary.Periodic);
        Assert.True(Wolff.Create(model, 0.4).IsFail);
        Assert.True(SwendsenWang.Create(model, 0.4).IsFail);
    }

    [Fact]
    public void Cached_energies_match_the_model_and_threads_do_not_change_results()
    {
        var model = Model(6, 5, 1.0, 0.2, Boundary.Periodic);
        var start = Mat.Create(8, model.Dimension, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = RngKey.FromSeed(4).UniformAt(i) < 0.5 ? -1.0 : 1.0;
        });
        var one = Checkerboard.Create(model, 0.4, CheckerboardUpdate.Metropolis, maxDegreeOfParallelism: 1);
        var many = Checkerboard.Create(model, 0.4, CheckerboardUpdate.Metropolis, maxDegreeOfParallelism: 4);
        var a = Ebm.Functional.Mcmc.Loop.Run(RngKey.FromSeed(2), one.Init(start), 7, one.Step);
        var b = Ebm.Functional.Mcmc.Loop.Run(RngKey.FromSeed(2), many.Init(start), 7, many.Step);
        Assert.Equal(a.ToStates(), b.ToStates());
        var states = a.ToStates();
        for (var c = 0; c < a.Chains; c++) Assert.Equal(model.Energy(states.Row(c)), a.Energies[c], 1e-12);

        var zeroField = Model(6, 5, 1.0, 0.0, Boundary.Periodic);
        var wolff = Wolff.Create(zeroField, 0.4).Match(s => s, e => throw new InvalidOperationException(e.Message));
        var w = Ebm.Functional.Mcmc.Loop.Run(RngKey.FromSeed(3), wolff.Init(start), 5, wolff.Step).ToStates();
        for (var c = 0; c < w.Rows; c++) Assert.Equal(zeroField.Energy(w.Row(c)), zeroField.Energies(w)[c], 1e-12);
    }

    private static void AssertRowMatches(IsingModel model, double[] expected, int start, Func<Mat, IsingChains> step)
    {
        var n = model.Dimension;
        var spins = TransitionMatrices.StateOf(start, n, StateConvention.Spin).ToArray();
        var starts = Mat.Create(Chains, n, d =>
        {
            for (var c = 0; c < Chains; c++) spins.CopyTo(d.Slice(c * n, n));
        });
        var after = step(starts);
        var counts = new int[1 << n];
        for (var c = 0; c < Chains; c++)
        {
            var y = 0;
            var row = after.Spins(c);
            for (var i = 0; i < n; i++) if (row[i] > 0) y |= 1 << i;
            counts[y]++;
        }

        for (var y = 0; y < counts.Length; y++)
        {
            var p = expected[y];
            var bound = 5 * Math.Sqrt(p * (1 - p) / Chains) + 1e-3;
            Assert.InRange((double)counts[y] / Chains, p - bound, p + bound);
        }
    }

    private static double[] Row(Mat k, int start) => Enumerable.Range(0, k.Columns).Select(y => k[start, y]).ToArray();

    /// <summary>
    /// Row <paramref name="start"/> of the exact sweep, the product of the colour updates in colour order: the start's
    /// point mass pushed through one colour matrix after the other (on the 3x3 torus 3 x 512^2 products instead of the
    /// 2 x 512^3 of forming the whole sweep matrix).
    /// </summary>
    private static double[] SweepRow(IsingModel model, double beta, CheckerboardUpdate update, int start)
    {
        var row = new double[1 << model.Dimension];
        row[start] = 1.0;
        foreach (var colour in TransitionMatrices.ColourClasses(model))
        {
            var k = TransitionMatrices.CheckerboardColour(model, beta, update, colour).ThrowIfFail();
            var next = new double[row.Length];
            for (var x = 0; x < row.Length; x++)
            {
                if (row[x] == 0.0) continue;
                for (var y = 0; y < next.Length; y++) next[y] += row[x] * k[x, y];
            }

            row = next;
        }

        return row;
    }
}
