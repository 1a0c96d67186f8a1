using Ebm.Functional.Annealing;
using Ebm.Functional.Data;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Tests.TestModels;
using Ebm.Functional.Estimators;
using Ebm.Functional.Testing;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// The base-rate RBM path: AIS against exact log Z (enumerated hidden states), its densities against brute-force
/// sums, its move against the exact visible transition matrix, and independence from the thread count.
/// </summary>
public sealed class RbmPathTests
{
    // |estimate - exact| <= 5 SE: false-failure probability < 1e-6 per assertion for a normal error. AIS log Z is
    // biased low by about SE^2 / 2 (Jensen), negligible against 5 SE at these SEs. The delta-method SE is trusted
    // only with a weight ESS above half the particles, which each test asserts first.
    private const double ZBound = 5.0;

    [Theory]
    [InlineData(10, 6, 1.0, 11UL)]
    [InlineData(12, 5, 0.7, 12UL)]
    public void Ais_on_small_rbms_lands_within_its_standard_error_of_the_exact_log_z(int visible, int hidden, double beta, ulong seed)
    {
        var model = RbmTestModels.Bernoulli(visible, hidden, 1.0, 1.0, seed);
        var baseBias = Vec.Create(visible, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = 2.0 * SplitMix64.Uniform(seed + 100, i) - 1.0;
        });
        var exact = RbmExact.LogPartitionFunction(model, beta).Match(z => z, e => throw new InvalidOperationException(e.Message));
        const int particles = 500;
        var estimate = Valid(Ais.Run(RngKey.FromSeed(seed), Valid(Paths.RbmBaseRate(model, baseBias, beta)), Valid(AnnealingSchedule.Linear(200)), particles));
        Assert.True(estimate.Ess > particles / 2.0, $"ESS {estimate.Ess}");
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
    }

    private static readonly Lazy<Vec> BlobBaseRate = new(() =>
        BaseRate.VisibleBias(BlobImages.Generate()).Match(b => b, e => throw new InvalidOperationException(e.Head.Message)));

    // The float32 variant (two SGEMMs per move, log weights in double) must pass the same exact check. M = 32
    // particles and K = 800 steps keep each case near 4 s in a Debug build on two cores; at this K the weight ESS
    // is about 0.6 M, and the delta-method SE is trusted above ESS = M / 4 (asserted).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ais_on_the_784x20_reference_rbm_from_the_blob_base_rate_lands_within_its_standard_error(bool singlePrecision)
    {
        var model = ReferenceRbms.Small();
        const int particles = 32;
        var path = Valid(Paths.RbmBaseRate(model, BlobBaseRate.Value, singlePrecision: singlePrecision));
        var estimate = Valid(Ais.Run(RngKey.FromSeed(20), path, Valid(AnnealingSchedule.Linear(800)), particles));
        Assert.True(estimate.Ess > particles / 4.0, $"ESS {estimate.Ess}");
        Assert.InRange(estimate.LogZ, PeerRecipe.Small20LogPartition - ZBound * estimate.StandardError, PeerRecipe.Small20LogPartition + ZBound * estimate.StandardError);
    }

    [Fact]
    public void The_uniform_base_gives_the_tempered_path_with_the_hidden_units_summed_out()
    {
        var model = RbmTestModels.Bernoulli(4, 3, 1.0, 1.0, 31);
        const double beta = 0.9;
        var path = Valid(Paths.RbmBaseRate(model, Vec.Zeros(model.Visible), beta));
        Assert.Equal((model.Visible + model.Hidden) * Math.Log(2.0), path.LogZ0, 1e-12);
        var state = Valid(RbmAnnealingState.FromVisible(model, RbmTestSupport.AllStates(model.Visible)));
        var hiddenStates = RbmTestSupport.AllStates(model.Hidden);
        foreach (var t in new[] { 0.0, 0.37, 1.0 })
        {
            var logDensity = path.LogDensity(t, state);
            for (var v = 0; v < state.Count; v++)
            {
                // log sum_h exp(-t beta E(v, h)): the tempered joint density with h summed by brute force.
                var joint = Mat.Create(hiddenStates.Rows, model.Dimension, d =>
                {
                    for (var h = 0; h < hiddenStates.Rows; h++)
                    {
                        state.Visible.Row(v).CopyTo(d.Slice(h * model.Dimension, model.Visible));
                        hiddenStates.Row(h).CopyTo(d.Slice(h * model.Dimension + model.Visible, model.Hidden));
                    }
                });
                var terms = model.Energies(joint).Map(e => -t * beta * e);
                Assert.Equal(LogSpace.LogSumExp(terms.Span), logDensity[v], 1e-12);
            }
        }
    }

    [Fact]
    public void The_density_derivative_matches_central_differences()
    {
        var model = RbmTestModels.Bernoulli(5, 3, 1.0, 1.0, 41);
        var baseBias = Vec.Of(0.3, -0.2, 0.5, -1.0, 0.1);
        var path = Valid(Paths.RbmBaseRate(model, baseBias, 1.3));
        var state = Valid(RbmAnnealingState.FromVisible(model, RbmTestSupport.AllStates(model.Visible)));
        const double h = 1e-5;
        foreach (var t in new[] { 0.1, 0.5, 0.9 })
        {
            var (up, down, slope) = (path.LogDensity(t + h, state), path.LogDensity(t - h, state), path.LogDensityDerivative(t, state));
            // Central difference error is O(h^2 f''') ~ 1e-10 here; round-off ~ 1e-16 / h ~ 1e-11.
            for (var v = 0; v < state.Count; v++) Assert.Equal((up[v] - down[v]) / (2 * h), slope[v], 1e-7);
        }
    }

    [Theory]
    [InlineData(3, 2, 5, 51UL, false)]
    [InlineData(2, 4, 2, 53UL, false)]
    [InlineData(3, 2, 5, 51UL, true)]
    public void One_move_draws_from_the_exact_visible_transition_of_the_intermediate_rbm(int visibleUnits, int hiddenUnits, int start, ulong seed, bool singlePrecision)
    {
        var model = RbmTestModels.Bernoulli(visibleUnits, hiddenUnits, 1.5, 1.0, seed);
        var baseBias = Vec.Create(visibleUnits, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = 2.0 * SplitMix64.Uniform(seed + 100, i) - 1.0;
        });
        const double beta = 1.2, t = 0.6;
        const int draws = 40_000;
        var path = Valid(Paths.RbmBaseRate(model, baseBias, beta, singlePrecision: singlePrecision));
        var startRow = RbmTestSupport.AllStates(model.Visible).Row(start).ToArray();
        var visible = Mat.Create(draws, model.Visible, d =>
        {
            for (var r = 0; r < draws; r++) startRow.CopyTo(d.Slice(r * model.Visible, model.Visible));
        });
        var next = path.Move(t)(RngKey.FromSeed(seed + 1), Valid(RbmAnnealingState.FromVisible(model, visible))).State;
        var counts = new long[1 << model.Visible];
        for (var r = 0; r < draws; r++) counts[RbmTestSupport.Index(next.Visible.Row(r))]++;
        var kernel = TransitionMatrices.BlockGibbsVisible(RbmTestSupport.Intermediate(model, baseBias, beta, t), 1.0).ThrowIfFail();
        var (statistic, dof) = RbmTestSupport.ChiSquare(counts, kernel.Row(start).ToArray());
        // Chi-square above its 1e-6 quantile: false-failure probability < 1e-6 (40,000 draws); every expected count is asserted >= 5.
        Assert.True(kernel.Row(start).ToArray().Min() * draws >= 5);
        Assert.True(statistic < RbmTestSupport.ChiSquareBound(dof), $"chi2 {statistic} with {dof} dof");
        // The cached fields are V W + c of the new visible states (to float32 rounding in single precision).
        var fields = Valid(RbmAnnealingState.FromVisible(model, next.Visible)).Fields;
        if (!singlePrecision) Assert.Equal(fields, next.Fields);
        for (var k = 0; k < fields.Span.Length; k++) Assert.Equal(fields.Span[k], next.Fields.Span[k], 1e-5);
    }

    // 80 particles x 200 x 160 is large enough (2.6 M multiply-adds) for the managed products to split into column
    // panels when more than one thread is allowed, so both the row-parallel and the panel-parallel code are compared.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ais_weights_do_not_depend_on_the_thread_count(bool singlePrecision)
    {
        var model = RbmTestModels.Bernoulli(200, 160, 0.1, 1.0, 61);
        var baseBias = Vec.Zeros(model.Visible);
        var one = Valid(Ais.Run(RngKey.FromSeed(62), Valid(Paths.RbmBaseRate(model, baseBias, maxDegreeOfParallelism: 1, singlePrecision: singlePrecision)), Valid(AnnealingSchedule.Linear(4)), 80));
        var many = Valid(Ais.Run(RngKey.FromSeed(62), Valid(Paths.RbmBaseRate(model, baseBias, maxDegreeOfParallelism: -1, singlePrecision: singlePrecision)), Valid(AnnealingSchedule.Linear(4)), 80));
        Assert.Equal(one.LogWeights, many.LogWeights);
    }
}
