using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>
/// The multi-spin checkerboard is the checkerboard Markov chain, exactly: its class table (spin, agreeing
/// neighbours) gives colour updates that are reversible and a sweep that is stationary for the Boltzmann
/// distribution on every supported lattice of at most 8 sites (exact matrices, tolerance 1e-12), equal to the
/// byte kernel's sweep matrix; and its Step draws from that matrix: n = 20,000 chains from one state take one
/// sweep, Pearson's chi-square test of the next states at delta = 1e-6 per row (OneStepFrequencies).
/// </summary>
public sealed class MultiSpinCheckerboardTests
{
    private const int Chains = 20_000;
    private const double Delta = 1e-6;

    internal static IsingModel Model(int rows, int columns, double j, double h, Boundary boundary = Boundary.Periodic) =>
        IsingModel.Create(rows, columns, j, h, boundary).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    internal static Sampler<Mat, MultiSpinChains, CheckerboardInfo> Sampler(IsingModel model, double beta, CheckerboardUpdate update = CheckerboardUpdate.Metropolis, int threads = -1) =>
        MultiSpinCheckerboard.Create(model, beta, update, threads).Match(s => s, e => throw new InvalidOperationException(e.Message));

    public static TheoryData<int, int, double, double, CheckerboardUpdate> ExactCases => new()
    {
        { 2, 2, 1.0, 0.0, CheckerboardUpdate.Metropolis },
        { 2, 2, 0.7, 0.4, CheckerboardUpdate.HeatBath },
        { 2, 4, 1.0, 0.0, CheckerboardUpdate.Metropolis },
        { 2, 4, -0.6, 0.3, CheckerboardUpdate.Metropolis },
        { 4, 2, 0.8, -0.5, CheckerboardUpdate.HeatBath },
        { 4, 2, 0.5, 0.2, CheckerboardUpdate.Metropolis },
    };

    [Theory]
    [MemberData(nameof(ExactCases))]
    public void Class_table_gives_reversible_colours_and_a_stationary_sweep_equal_to_the_byte_kernel(int rows, int columns, double j, double h, CheckerboardUpdate update)
    {
        const double beta = 0.6;
        var model = Model(rows, columns, j, h);
        var pi = Enumeration.Probabilities(model, beta).ThrowIfFail();
        var thresholds = MultiSpinCheckerboard.Thresholds(model, beta, update);
        var black = ColourMatrix(model, thresholds, 0);
        var white = ColourMatrix(model, thresholds, 1);
        var sweep = MatrixProduct.Multiply(black, white);
        Assert.True(MarkovChecks.Reversible(black, pi.Span).Holds, MarkovChecks.Reversible(black, pi.Span).Message);
        Assert.True(MarkovChecks.Reversible(white, pi.Span).Holds, MarkovChecks.Reversible(white, pi.Span).Message);
        Assert.True(MarkovChecks.Stochastic(sweep).Holds, MarkovChecks.Stochastic(sweep).Message);
        Assert.True(MarkovChecks.Stationary(sweep, pi.Span).Holds, MarkovChecks.Stationary(sweep, pi.Span).Message);
        Assert.True(MarkovChecks.Primitive(sweep).Holds, MarkovChecks.Primitive(sweep).Message);
        var byteKernel = TransitionMatrices.CheckerboardSweep(model, beta, update).ThrowIfFail();
        for (var i = 0; i < sweep.Span.Length; i++) Assert.Equal(byteKernel.Span[i], sweep.Span[i], 1e-15);
    }

    [Theory]
    [MemberData(nameof(ExactCases))]
    public void Step_follows_the_exact_sweep_matrix(int rows, int columns, double j, double h, CheckerboardUpdate update)
    {
        const double beta = 0.6;
        var model = Model(rows, columns, j, h);
        var sweep = TransitionMatrices.CheckerboardSweep(model, beta, update).ThrowIfFail();
        var sampler = Sampler(model, beta, update);
        var n = model.Dimension;
        foreach (var start in new[] { 0, (1 << n) - 1, 0b0101_0101 & ((1 << n) - 1), 0b0110_1001 & ((1 << n) - 1) })
        {
            var state = TransitionMatrices.StateOf(start, n, StateConvention.Spin);
            var starts = Mat.Create(Chains, n, d =>
            {
                for (var c = 0; c < Chains; c++) state.Span.CopyTo(d.Slice(c * n, n));
            });
            var after = sampler.Step(RngKey.FromSeed(41).FoldIn(start), sampler.Init(starts)).State.ToStates();
            var counts = new long[1 << n];
            for (var c = 0; c < Chains; c++) counts[TransitionMatrices.IndexOf(after.Row(c))]++;
            var row = Enumerable.Range(0, 1 << n).Select(y => sweep[start, y]).ToArray();
            var test = OneStepFrequencies.Compare(counts, row, Delta).ThrowIfFail();
            Assert.True(test.Holds, $"start {start}: {test.Message}");
        }
    }

    /// <summary>
    /// The exact update of one colour by the kernel's own class table: each site of the colour flips independently
    /// with the probability of its class 5 [s = +1] + a, a the number of its four neighbour slots (right, left, down,
    /// up, cyclic; a side of 2 gives one neighbour twice) holding its own spin.
    /// </summary>
    private static Mat ColourMatrix(IsingModel model, MultiSpinThresholds thresholds, int colour)
    {
        var (rows, columns, n) = (model.Rows, model.Columns, model.Dimension);
        var sites = Enumerable.Range(0, n).Where(i => ((i / columns + i % columns) & 1) == colour).ToArray();
        var size = 1 << n;
        return Mat.Create(size, size, k =>
        {
            for (var x = 0; x < size; x++)
            {
                int Spin(int r, int c) => ((x >> ((r + rows) % rows * columns + (c + columns) % columns)) & 1) == 1 ? 1 : -1;
                var flip = sites.Select(i =>
                {
                    var (r, c) = (i / columns, i % columns);
                    var s = Spin(r, c);
                    var agree = new[] { Spin(r, c + 1), Spin(r, c - 1), Spin(r + 1, c), Spin(r - 1, c) }.Count(t => t == s);
                    return thresholds.FlipProbability((s > 0 ? 5 : 0) + agree);
                }).ToArray();
                for (var pattern = 0; pattern < 1 << sites.Length; pattern++)
                {
                    var (probability, y) = (1.0, x);
                    for (var t = 0; t < sites.Length; t++)
                    {
                        var flips = ((pattern >> t) & 1) == 1;
                        probability *= flips ? flip[t] : 1.0 - flip[t];
                        if (flips) y ^= 1 << sites[t];
                    }

                    k[x * size + y] += probability;
                }
            }
        });
    }
}
