using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using Ebm.Functional.Annealing;

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
/// <para>Cost: K evaluations of the increments (cached energies) plus K - 1 moves of
/// <see cref="AnnealingPath{TState}.EvaluationsPerMove"/> each, per particle.</para>
/// </remarks>
/// <example><code>
/// var path = Paths.Tempered(model, beta: 1.0, b =&gt; HeatBathGibbs.BuildKernel(model, b));
/// var estimate = Ais.Run(path, AnnealingSchedule.Linear(1000), particles: 500, RngKey.FromSeed(1));
/// // estimate.LogZ +/- estimate.StandardError; estimate.Warnings says when not to believe it.
/// </code></example>
public static class Ais
{
    /// <summary>The method name in reports.</summary>
    public const string Method = "ais";

    /// <summary>The most points the running-estimate trace records.</summary>
    public const int TracePoints = 200;

    /// <summary>Runs AIS and returns the estimate.</summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions.</param>
    /// <param name="particles">Number of independent particles M, at least 1.</param>
    /// <param name="key">The key; the same key gives the same bits.</param>
    /// <param name="progress">Reports each step, if given.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="particles"/> &lt; 1.</exception>
    public static LogZEstimate Run<TState>(
        AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, RngKey key, IProgress<AnnealingProgress>? progress = null) =>
        RunWithState(path, schedule, particles, key, progress).Estimate;

    /// <summary>Runs AIS and returns the estimate with the final particles (approximate draws from the target).</summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions.</param>
    /// <param name="particles">Number of independent particles M, at least 1.</param>
    /// <param name="key">The key; the same key gives the same bits.</param>
    /// <param name="progress">Reports each step, if given.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="particles"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">log Z_0 is not finite, or the base draws are not <paramref name="particles"/> particles.</exception>
    public static (LogZEstimate Estimate, TState Final) RunWithState<TState>(
        AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, RngKey key, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        if (particles < 1) throw new ArgumentOutOfRangeException(nameof(particles), particles, "AIS needs at least one particle");
        CheckLogZ0(path);
        var (baseKey, moveKey) = key.Split();
        var start = path.SampleBase(baseKey, particles);
        if (path.Count(start) != particles)
            throw new ArgumentException($"the path's base sampler returned {path.Count(start)} particles, {particles} were asked for", nameof(path));
        var run = Anneal(path, schedule.Points, start, moveKey, progress, "AIS");
        var estimate = Estimates.FromLogWeights(Method, path.TargetBeta, path.LogZ0, run.LogWeights, Evaluations(path, schedule, particles), run.SamplerWarnings) with
        {
            Steps = schedule.Steps,
            Trace = new EstimateTrace(run.TracePoints, Vec.Create(run.TraceLogMeanWeights.Length, d =>
            {
                for (var i = 0; i < d.Length; i++) d[i] = path.LogZ0 + run.TraceLogMeanWeights[i];
            })),
        };
        return (estimate, run.Final);
    }

    /// <summary>The result of one annealing sweep: final log weights and particles, the running log mean weight, and the kernel's failures.</summary>
    internal sealed record Sweep<TState>(Vec LogWeights, TState Final, Vec TracePoints, Vec TraceLogMeanWeights, Seq<EstimateWarning> SamplerWarnings);

    /// <summary>
    /// One sweep along <paramref name="points"/> s_0, ..., s_K (increasing for AIS, decreasing for reverse AIS):
    /// at step j every particle gains log f_{s_j}(x) - log f_{s_{j-1}}(x) and then moves by the kernel at s_j,
    /// except after the last step. The move at step j uses <c>moveKey.FoldIn(j)</c>. The moves' infos and the log
    /// densities on either side of each move feed <see cref="SamplerHealth"/> (<paramref name="what"/> names the run).
    /// </summary>
    internal static Sweep<TState> Anneal<TState>(
        AnnealingPath<TState> path, Vec points, TState state, RngKey moveKey, IProgress<AnnealingProgress>? progress, string what)
    {
        var particles = path.Count(state);
        var logWeights = new double[particles];
        var steps = points.Length - 1;
        var every = Math.Max(1, (int)Math.Ceiling(steps / (double)TracePoints));
        var tracePoints = new List<double> { points[0] };
        var traceLogMean = new List<double> { 0.0 };
        var health = new SamplerHealth.Tally(particles);
        Vec? beforeMove = null;
        for (var k = 1; k <= steps; k++)
        {
            var (previous, current) = (points[k - 1], points[k]);
            var high = path.LogDensity(current, state);
            var low = path.LogDensity(previous, state);
            if (high.Length != particles || low.Length != particles)
                throw new InvalidOperationException($"the path's log density returned {high.Length} and {low.Length} values for {particles} particles");
            if (beforeMove is not null) health.Compare(beforeMove, low);
            for (var i = 0; i < particles; i++) logWeights[i] += high[i] - low[i];
            if (k < steps)
            {
                var (next, info) = path.Move(current)(moveKey.FoldIn(k), state);
                health.Record(info);
                (state, beforeMove) = (next, high);
            }

            if (k % every == 0 || k == steps)
            {
                tracePoints.Add(current);
                traceLogMean.Add(LogSpace.LogMeanExp(logWeights));
            }

            progress?.Report(new AnnealingProgress(k, steps, current));
        }

        return new Sweep<TState>(Vec.Wrap(logWeights), state, Vec.Of([.. tracePoints]), Vec.Of([.. traceLogMean]), health.Warnings(what));
    }

    /// <summary>Per-particle evaluations of one sweep: K increments and K - 1 moves.</summary>
    internal static long Evaluations<TState>(AnnealingPath<TState> path, AnnealingSchedule schedule, int particles) =>
        (long)particles * (schedule.Steps + (long)(schedule.Steps - 1) * path.EvaluationsPerMove);

    internal static void CheckLogZ0<TState>(AnnealingPath<TState> path)
    {
        if (!double.IsFinite(path.LogZ0)) throw new ArgumentException($"the path's log Z_0 is {path.LogZ0}, not a finite number", nameof(path));
    }
}
