using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Annealing;

/// <summary>
/// Annealed importance sampling (Neal 2001): M particles start as exact draws from f_0, and at each step k
/// of the schedule gain log w += log f_{t_k}(x) - log f_{t_{k-1}}(x) and then move by the kernel at t_k.
/// E[w] = Z_1 / Z_0 exactly, so log Z = log Z_0 + log mean w is a stochastic lower bound (Jensen) with a
/// delta-method standard error.
/// </summary>
/// <remarks>
/// Keys: the base draws use <c>key.Split().Left</c>; the move at step k uses <c>Right.FoldIn(k)</c>. Log
/// weights accumulate in double. The estimate's trace holds the running estimate of log Z_t at up to
/// <see cref="TracePoints"/> points of the schedule.
/// </remarks>
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
    public static LogZEstimate Run<TState>(
        AnnealingPath<TState> path, Schedule schedule, int particles, RngKey key, IProgress<AnnealingProgress>? progress = null) =>
        RunWithState(path, schedule, particles, key, progress).Estimate;

    /// <summary>Runs AIS and returns the estimate with the final particles (approximate draws from the target).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="particles"/> &lt; 1.</exception>
    public static (LogZEstimate Estimate, TState Final) RunWithState<TState>(
        AnnealingPath<TState> path, Schedule schedule, int particles, RngKey key, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        if (particles < 1) throw new ArgumentOutOfRangeException(nameof(particles), particles, "AIS needs at least one particle");
        var (baseKey, moveKey) = key.Split();
        var state = path.SampleBase(baseKey, particles);
        var logWeights = new double[particles];
        var steps = schedule.Steps;
        var every = Math.Max(1, (int)Math.Ceiling(steps / (double)TracePoints));
        var tracePoints = new List<double> { 0.0 };
        var traceLogZ = new List<double> { path.LogZ0 };
        for (var k = 1; k <= steps; k++)
        {
            var (previous, current) = (schedule[k - 1], schedule[k]);
            var high = path.LogDensity(current, state);
            var low = path.LogDensity(previous, state);
            for (var i = 0; i < particles; i++) logWeights[i] += high[i] - low[i];
            if (k < steps) state = path.Move(current)(moveKey.FoldIn(k), state).State;
            if (k % every == 0 || k == steps)
            {
                tracePoints.Add(current);
                traceLogZ.Add(path.LogZ0 + LogSpace.LogMeanExp(logWeights));
            }

            progress?.Report(new AnnealingProgress(k, steps, current));
        }

        var evaluations = (long)particles * (steps + (long)(steps - 1) * path.EvaluationsPerMove);
        var estimate = Estimates.FromLogWeights(Method, path.TargetBeta, path.LogZ0, Vec.Wrap(logWeights), evaluations) with
        {
            Trace = new EstimateTrace(Vec.Of([.. tracePoints]), Vec.Of([.. traceLogZ])),
        };
        return (estimate, state);
    }
}
