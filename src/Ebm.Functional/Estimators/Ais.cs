using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Annealed importance sampling (Neal 2001): M particles start as exact draws from f_0, and at each step k
/// of the schedule gain log w += log f_{t_k}(x) - log f_{t_{k-1}}(x) and then move by the kernel at t_k
/// (the move after the last increment is skipped: it cannot change the weights).
/// E[w] = Z_1 / Z_0 exactly, so log Z = log Z_0 + log mean w is a stochastic lower bound (Jensen) with a
/// delta-method standard error.
/// </summary>
/// <remarks>
/// <para>Keys: the base draws use <c>key.Split().Left</c>; the move at step k uses <c>Right.FoldIn(k)</c>. Log
/// weights accumulate in double. The estimate's trace holds the running estimate of log Z_t at up to
/// <see cref="TracePoints"/> points of the schedule, always including t = 0 and t = 1.</para>
/// <para>The moves' infos and the log densities on either side of each move feed <see cref="SamplerHealth"/>: a kernel
/// that fails numerically, hardly ever accepts, or leaves particles where they started raises
/// <see cref="EstimateWarnings.SamplerFailure"/>; the weights' own tail decides <see cref="EstimateWarnings.WeightDegeneracy"/>
/// (<see cref="WeightSummary.IsDegenerate"/>). <see cref="LogZEstimate.Steps"/> is the schedule's K.</para>
/// <para>AIS is the SMC kernel that never resamples (<see cref="Kernel{TState}"/>): each step adds the increment of
/// <see cref="SmcInfo.Increments"/> to a particle's log weight, and stepping the kernel by hand with the keys above gives
/// this estimator's bits.</para>
/// <para>Cost: K evaluations of the increments (cached energies) plus K - 1 moves of
/// <see cref="AnnealingPath{TState}.EvaluationsPerMove"/> each, per particle.</para>
/// </remarks>
/// <example><code>
/// var estimate = from path in Paths.Tempered(model, beta: 1.0, b =&gt; HeatBathGibbs.BuildKernel(model, b))
///                from schedule in AnnealingSchedule.Linear(1000)
///                from run in Ais.Run(RngKey.FromSeed(1), path, schedule, particles: 500)
///                select run;
/// Console.WriteLine(estimate.Match(
///     Succ: e =&gt; $"log Z = {e.LogZ} +/- {e.StandardError}",   // e.Warnings says when not to believe it
///     Fail: errors =&gt; string.Join("; ", errors)));
/// </code></example>
public static class Ais
{
    /// <summary>The method name in reports.</summary>
    public const string Method = "ais";

    /// <summary>The most points the running-estimate trace records.</summary>
    public const int TracePoints = 200;

    /// <summary>Runs AIS and returns the estimate.</summary>
    /// <param name="key">The key; the same key gives the same bits.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions.</param>
    /// <param name="particles">Number of independent particles M, at least 1.</param>
    /// <param name="progress">Reports each step, if given.</param>
    /// <returns>The estimate, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, LogZEstimate> Run<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, IProgress<AnnealingProgress>? progress = null) =>
        RunWithState(key, path, schedule, particles, progress).Map(run => run.Estimate);

    /// <summary>Runs AIS and returns the estimate with the final particles (approximate draws from the target).</summary>
    /// <param name="key">The key; the same key gives the same bits.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions.</param>
    /// <param name="particles">Number of independent particles M, at least 1.</param>
    /// <param name="progress">Reports each step, if given.</param>
    /// <returns>The estimate and final particles, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, (LogZEstimate Estimate, TState Final)> RunWithState<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        var (baseKey, moveKey) = key.Split();
        var kernel = Kernel(path);
        return kernel.Init(baseKey, particles).Bind(start => Anneal(kernel, schedule.Points, start, moveKey, progress, "AIS")).Map(run =>
        {
            var estimate = Estimates.FromLogWeights(Method, path.TargetBeta, path.LogZ0, run.LogWeights, Evaluations(path, schedule, particles), run.SamplerWarnings) with
            {
                Steps = schedule.Steps,
                Trace = new EstimateTrace(run.TracePoints, Vec.Create(run.TraceLogMeanWeights.Length, d =>
                {
                    for (var i = 0; i < d.Length; i++) d[i] = path.LogZ0 + run.TraceLogMeanWeights[i];
                })),
            };
            return (estimate, run.Final);
        });
    }

    /// <summary>
    /// The AIS kernel: the SMC step that never resamples and makes one transition of <c>path.Move(t)</c> per step
    /// with the step's move key, ending at <paramref name="end"/> (1 forward, 0 for reverse AIS).
    /// </summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="end">The last point of the runs it serves: the step reaching it does not move.</param>
    public static SmcKernel<TState> Kernel<TState>(AnnealingPath<TState> path, double end = 1.0)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new SmcKernel<TState>(path, 0.0, ResamplingScheme.Systematic, t =>
        {
            var move = path.Move(t);
            return (key, state) =>
            {
                var (next, info) = move(key, state);
                return (next, Seq1(info));
            };
        }, end);
    }

    /// <summary>The result of one annealing sweep: final log weights and particles, the running log mean weight, and the kernel's failures.</summary>
    internal sealed record Sweep<TState>(Vec LogWeights, TState Final, Vec TracePoints, Vec TraceLogMeanWeights, Seq<EstimateWarning> SamplerWarnings, SamplerHealthCounts Health);

    /// <summary>
    /// One sweep of the AIS kernel along <paramref name="points"/> s_0, ..., s_K (increasing for AIS, decreasing for
    /// reverse AIS), driven by <see cref="Loop.Indexed{TState,TInfo}"/> from index 1: step j uses <c>moveKey.FoldIn(j)</c>, and each particle's log weight is the sum of its increments
    /// (<see cref="SmcInfo.Increments"/>), starting at 0. The moves' infos and the log densities on either side of each
    /// move feed <see cref="SamplerHealth"/> (<paramref name="what"/> names the run). A path whose log density has the
    /// wrong length is an error value (<see cref="SmcKernel{TState}.Problem"/>).
    /// </summary>
    internal static Validation<Error, Sweep<TState>> Anneal<TState>(
        SmcKernel<TState> kernel, Vec points, SmcState<TState> state, RngKey moveKey, IProgress<AnnealingProgress>? progress, string what)
    {
        var particles = state.LogWeights.Length;
        var logWeights = new double[particles];
        var steps = points.Length - 1;
        var every = Math.Max(1, (int)Math.Ceiling(steps / (double)TracePoints));
        var tracePoints = new List<double> { points[0] };
        var traceLogMean = new List<double> { 0.0 };
        var health = new SamplerHealth.Tally(particles);
        Vec? beforeMove = null;
        var problem = Option<Error>.None;
        // AIS never resamples, so the step's resampling key is never read.
        var final = Loop.Indexed(state, 1, steps, (k, s) => kernel.Step(moveKey.FoldIn(k), moveKey.FoldIn(k), s, points[k]), (k, _, info) =>
        {
            if (problem.IsNone) problem = kernel.Problem(info, particles);
            if (problem.IsSome) return;
            if (beforeMove is not null) health.Compare(beforeMove, info.StartLogDensity);
            for (var i = 0; i < particles; i++) logWeights[i] += info.Increments[i];
            foreach (var move in info.Moves) health.Record(move);
            beforeMove = info.EndLogDensity;
            if (k % every == 0 || k == steps)
            {
                tracePoints.Add(points[k]);
                traceLogMean.Add(LogSpace.LogMeanExp(logWeights));
            }

            progress?.Report(new AnnealingProgress(k, steps, points[k]));
        });

        return problem.Match(
            Fail<Error, Sweep<TState>>,
            () => Success<Error, Sweep<TState>>(new Sweep<TState>(Vec.Wrap(logWeights), final.Particles, Vec.Of([.. tracePoints]), Vec.Of([.. traceLogMean]), health.Warnings(what), health.Counts())));
    }

    /// <summary>Per-particle evaluations of one sweep: K increments and K - 1 moves.</summary>
    internal static long Evaluations<TState>(AnnealingPath<TState> path, AnnealingSchedule schedule, int particles) =>
        (long)particles * (schedule.Steps + (long)(schedule.Steps - 1) * path.EvaluationsPerMove);
}
