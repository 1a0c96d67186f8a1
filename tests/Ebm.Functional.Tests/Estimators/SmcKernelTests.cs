using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Annealing;
using Ebm.Functional.Tests.Models;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// The SMC kernel (Init, Step) against the estimators layered on it: AIS is the step that never resamples, reverse AIS
/// the same step over the reversed points, adaptive tempering the step driven by <see cref="Smc.NextPoint{TState}"/>;
/// and what one step reports on an 8-unit machine, recomputed from the path's log densities.
/// </summary>
public sealed class SmcKernelTests
{
    private static readonly BoltzmannMachine Model = BoltzmannRandom.Create(11, 8, StateConvention.Binary);
    private static readonly AnnealingPath<DiscreteChains> Path = Valid(Paths.Tempered(Model, 1.0, b => HeatBathGibbs.BuildKernel(Model, b)));

    private static bool SameBits(Vec a, Vec b) =>
        a.Length == b.Length && Enumerable.Range(0, a.Length).All(i => BitConverter.DoubleToInt64Bits(a[i]) == BitConverter.DoubleToInt64Bits(b[i]));

    private static bool SameBits(DiscreteChains a, DiscreteChains b) =>
        SameBits(a.Energies, b.Energies) && a.States.Span.SequenceEqual(b.States.Span);

    [Fact]
    public void Stepping_the_never_resampling_kernel_over_the_points_is_ais_bit_for_bit()
    {
        var (key, schedule, particles) = (RngKey.FromSeed(31), Valid(AnnealingSchedule.Sigmoid(12)), 40);
        var (estimate, final) = Valid(Ais.RunWithState(key, Path, schedule, particles));
        var kernel = Ais.Kernel(Path);
        Assert.Equal(0.0, kernel.ResampleThreshold);
        var (baseKey, moveKey) = key.Split();
        var state = Valid(kernel.Init(baseKey, particles));
        var sums = new double[particles];
        for (var k = 1; k <= schedule.Steps; k++)
        {
            (state, var info) = kernel.Step(moveKey.FoldIn(k), moveKey.FoldIn(k), state, schedule[k]);
            Assert.False(info.Resampled);
            Assert.True(info.Ancestors.IsEmpty);
            Assert.Equal(k < schedule.Steps ? 1 : 0, info.Moves.Count);
            for (var i = 0; i < particles; i++) sums[i] += info.Increments[i];
        }

        Assert.True(SameBits(estimate.LogWeights!, Vec.Of(sums)), "the summed increments are AIS's log weights");
        Assert.True(SameBits(final, state.Particles), "the stepped particles are AIS's final particles");
        // log Z_0 + sum_k log m_k and log Z_0 + log mean w are the same number computed in two orders.
        Assert.Equal(estimate.LogZ, state.LogZ, 1e-12);
        Assert.Equal(1.0, state.T);
    }

    [Fact]
    public void Reverse_ais_is_the_same_kernel_over_the_reversed_points()
    {
        var (key, schedule) = (RngKey.FromSeed(32), Valid(AnnealingSchedule.Linear(9)));
        var targets = ExactChains(RngKey.FromSeed(33), 30, Model, 1.0);
        var (estimate, final) = Valid(ReverseAis.RunWithState(key, Path, schedule, targets, exactSamples: true));
        var kernel = Ais.Kernel(Path, end: 0.0);
        var state = Valid(kernel.Start(targets, 1.0, 0.0));
        var sums = new double[30];
        for (var j = 1; j <= schedule.Steps; j++)
        {
            (state, var info) = kernel.Step(key.FoldIn(j), key.FoldIn(j), state, schedule[schedule.Steps - j]);
            for (var i = 0; i < sums.Length; i++) sums[i] += info.Increments[i];
        }

        Assert.True(SameBits(estimate.LogWeights!, Vec.Of(sums)));
        Assert.True(SameBits(final, state.Particles));
        Assert.Equal(0.0, state.T);
    }

    [Fact]
    public void Adaptive_tempering_is_the_smc_step_driven_by_the_next_point_function()
    {
        var (path, _) = SmcTestSupport.SharpMachine();
        var options = Valid(SmcOptions.Create(60, targetConditionalEss: 0.8, resampleThreshold: 0.5, repetitions: 1));
        var key = RngKey.FromSeed(34);
        var run = Valid(Smc.RunOnce(key, path, options));
        var children = key.Split(3);
        var kernel = Smc.Kernel(path, options);
        var state = Valid(kernel.Init(children[0], options.Particles));
        var points = new List<double> { 0.0 };
        for (var k = 1; state.T < 1.0; k++)
        {
            var (next, _) = Smc.NextPoint(path, state, options.TargetConditionalEss);
            var before = state;
            (state, var info) = kernel.Step(children[1].FoldIn(k), children[2].FoldIn(k), state, next);
            points.Add(next);
            if (next < 1.0)
            {
                // The chosen point keeps the conditional ESS at the target; a point 2e-12 further (past the bisection's
                // bracket of 1e-12) drops below it.
                Assert.True(info.ConditionalEss >= options.TargetConditionalEss, $"CESS {info.ConditionalEss} at t = {next}");
                var further = Smc.ConditionalEss(before.LogWeights.Span, Smc.Increments(path, before.T, next + 2e-12, before.Particles).Span);
                Assert.True(further < options.TargetConditionalEss, $"CESS {further} just past t = {next}");
            }
        }

        Assert.True(SameBits(run.Schedule.Points, Vec.Of([.. points])), "RunOnce visits the points NextPoint chooses");
        Assert.True(points.Count > 3, $"a sharp machine at CESS 0.8 takes several steps, took {points.Count - 1}");
        Assert.Equal(run.Estimate.LogZ, state.LogZ);
        Assert.True(SameBits(run.Final, state.Particles));
    }

    [Fact]
    public void One_step_reports_its_increments_weights_and_resampling()
    {
        const int n = 16;
        var options = Valid(SmcOptions.Create(n, Valid(AnnealingSchedule.Linear(2)), resampleThreshold: 1.0, scheme: ResamplingScheme.Multinomial, movesPerStep: 3));
        var kernel = Smc.Kernel(Path, options);
        var start = Valid(kernel.Init(RngKey.FromSeed(35), n));
        Assert.Equal(0.0, start.T);
        Assert.Equal(Path.LogZ0, start.LogZ);
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(-Math.Log(n), start.LogWeights[i]));

        var (state, info) = kernel.Step(RngKey.FromSeed(36), RngKey.FromSeed(37), start, 0.5);
        var high = Path.LogDensity(0.5, start.Particles);
        var low = Path.LogDensity(0.0, start.Particles);
        var w = Enumerable.Range(0, n).Select(i => Math.Exp(high[i] - low[i])).ToArray();
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(high[i] - low[i], info.Increments[i]));
        // Uniform incoming weights: m = mean w, CESS = (mean w)^2 / mean w^2, ESS = (sum w)^2 / sum w^2.
        Assert.Equal(Math.Log(w.Average()), info.LogMeanWeight, 1e-12);
        Assert.Equal(w.Average() * w.Average() / w.Average(x => x * x), info.ConditionalEss, 1e-12);
        Assert.Equal(w.Sum() * w.Sum() / w.Sum(x => x * x), info.Ess, 1e-9);
        Assert.Equal(start.LogZ + info.LogMeanWeight, state.LogZ);
        Assert.True(info.Resampled, "threshold 1 resamples at every step before the end");
        Assert.Equal(n, info.Ancestors.Count);
        Assert.All(info.Ancestors, a => Assert.InRange(a, 0, n - 1));
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(high[info.Ancestors[i]], info.EndLogDensity[i]));
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(-Math.Log(n), state.LogWeights[i]));
        Assert.Equal(3, info.Moves.Count);
        Assert.Equal(0.5, state.T);

        var (last, end) = kernel.Step(RngKey.FromSeed(38), RngKey.FromSeed(39), state, 1.0);
        Assert.False(end.Resampled);
        Assert.True(end.Moves.IsEmpty);
        Assert.Same(state.Particles, last.Particles);
        Assert.Equal(0.0, LogSpace.LogSumExp(last.LogWeights.Span), 1e-12);
    }
}
