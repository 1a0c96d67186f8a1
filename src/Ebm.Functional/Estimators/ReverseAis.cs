using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Annealing;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Reverse annealed importance sampling (Grosse, Ghahramani and Adams 2015; Burda, Grosse and
/// Salakhutdinov 2015, RAISE): AIS run from the target back to the base. Particles start as draws from
/// p_1 = f_1 / Z_1; at step j = 1..K (position t_{K-j+1} to t_{K-j}) each gains
/// log w += log f_{t_{K-j}}(x) - log f_{t_{K-j+1}}(x) and then moves by the kernel at t_{K-j}, which leaves
/// f_{t_{K-j}} invariant (no move after the last step).
/// </summary>
/// <remarks>
/// <para>Why E[w] = Z_0 / Z_1 exactly when the start is exact: the weighted measure E[w 1{x = .}] starts as
/// f_{t_K} / Z_1; multiplying by f_{t_{K-1}} / f_{t_K} makes it f_{t_{K-1}} / Z_1, which the kernel at
/// t_{K-1} leaves unchanged; by induction it ends as f_{t_0} / Z_1, of total mass Z_0 / Z_1. This is the
/// forward AIS identity for the reversed schedule, so the kernel at each point is the one forward AIS uses
/// there, applied in the opposite order.</para>
/// <para>The estimate log Z = log Z_0 - log mean w is, by Jensen's inequality applied to log mean w, a
/// stochastic UPPER bound: its expectation is at least log Z_1 (forward AIS gives the lower bound). The
/// standard error is the delta-method error of log mean w. Started from approximate target samples (e.g.
/// MCMC output) neither the identity nor the bound holds, and the estimate carries the
/// <see cref="EstimateWarnings.ApproximateTargetSamples"/> warning.</para>
/// <para>Keys: the move at step j uses <c>key.FoldIn(j)</c>. The trace holds log Z_t estimated as the final
/// log Z_1 plus the running log mean weight at t (so it starts at log Z_0 at t = 0), in increasing t.</para>
/// </remarks>
/// <example><code>
/// var upper = AnnealingSchedule.Linear(1000).Bind(schedule =&gt; ExactDraws.DiscreteChains(drawKey, 500, model, beta).Match(
///     Succ: exact =&gt; ReverseAis.Run(runKey, path, schedule, exact, exactSamples: true),
///     Fail: error =&gt; Fail&lt;Error, LogZEstimate&gt;(error)));
/// </code></example>
public static class ReverseAis
{
    /// <summary>The method name in reports.</summary>
    public const string Method = "reverse-ais";

    /// <summary>Runs reverse AIS from <paramref name="targetSamples"/> and returns the (upper-bound) estimate of log Z_1.</summary>
    /// <param name="key">The key of the moves.</param>
    /// <param name="path">The annealing path (the same one forward AIS takes).</param>
    /// <param name="schedule">The path positions; they are visited from t = 1 down to t = 0.</param>
    /// <param name="targetSamples">M draws from the target p_1, in the path's state type (at least 1).</param>
    /// <param name="exactSamples">True when the draws are exact and independent; false adds <see cref="EstimateWarnings.ApproximateTargetSamples"/>.</param>
    /// <param name="progress">Reports each step; <see cref="AnnealingProgress.Point"/> decreases from t_{K-1} to 0.</param>
    /// <returns>The estimate, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, LogZEstimate> Run<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, TState targetSamples, bool exactSamples,
        IProgress<AnnealingProgress>? progress = null) =>
        RunWithState(key, path, schedule, targetSamples, exactSamples, progress).Map(run => run.Estimate);

    /// <summary><see cref="Run"/> that also returns the final particles (approximate draws from the base).</summary>
    /// <param name="key">The key of the moves.</param>
    /// <param name="path">The annealing path (the same one forward AIS takes).</param>
    /// <param name="schedule">The path positions; they are visited from t = 1 down to t = 0.</param>
    /// <param name="targetSamples">M draws from the target p_1, in the path's state type (at least 1).</param>
    /// <param name="exactSamples">True when the draws are exact and independent; false adds <see cref="EstimateWarnings.ApproximateTargetSamples"/>.</param>
    /// <param name="progress">Reports each step; <see cref="AnnealingProgress.Point"/> decreases from t_{K-1} to 0.</param>
    /// <returns>The estimate and final particles, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, (LogZEstimate Estimate, TState Final)> RunWithState<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, TState targetSamples, bool exactSamples,
        IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(targetSamples);
        var reversed = Reversed(schedule);
        var kernel = Ais.Kernel(path, end: 0.0);
        var logZ0 = LogZ0(path);
        return (logZ0, kernel.Start(targetSamples, 1.0, 0.0)).Apply((_, start) => start).Bind(start => Ais.Anneal(kernel, reversed, start, key, progress, "reverse AIS"))
            .Map(run => (Estimate(path, schedule, run.LogWeights, run.TracePoints, run.TraceLogMeanWeights, run.SamplerWarnings, exactSamples), run.Final));
    }

    /// <summary>The points t_K, ..., t_0 a reverse run visits.</summary>
    internal static Vec Reversed(AnnealingSchedule schedule)
    {
        var steps = schedule.Steps;
        return Vec.Create(steps + 1, d =>
        {
            for (var j = 0; j <= steps; j++) d[j] = schedule[steps - j];
        });
    }

    /// <summary>A finite log Z_0, which the estimate subtracts the log mean weight from; else the error.</summary>
    internal static Validation<Error, double> LogZ0<TState>(AnnealingPath<TState> path) =>
        double.IsFinite(path.LogZ0)
            ? Success<Error, double>(path.LogZ0)
            : Fail<Error, double>(AnnealingEstimatorErrors.InvalidLogZ0(Method, path.LogZ0));

    /// <summary>
    /// The estimate from a reverse run's log weights and its running log mean weight at the points it visited (t_K
    /// first), with the kernel's warnings (<paramref name="samplerWarnings"/>).
    /// </summary>
    internal static LogZEstimate Estimate<TState>(
        AnnealingPath<TState> path, AnnealingSchedule schedule, Vec logWeights, Vec tracePoints, Vec traceLogMeanWeights,
        Seq<EstimateWarning> samplerWarnings, bool exactSamples)
    {
        var particles = logWeights.Length;
        var warnings = exactSamples
            ? Seq<EstimateWarning>()
            : Seq1(EstimateWarnings.Of(EstimateWarnings.ApproximateTargetSamples,
                "the reverse run started from approximate target samples, so its estimate is not guaranteed to be an upper bound in expectation"));
        var summary = WeightSummary.Of(logWeights.Span);
        // The weight statistics are those of forward AIS, where a degenerate log mean weight errs low; here it
        // is subtracted, so the estimate errs high.
        var weightWarnings = summary.Warnings(estimateErrsHigh: true);
        var logZ = path.LogZ0 - summary.LogMeanWeight;
        return new LogZEstimate(Method, path.TargetBeta, logZ, summary.StandardError, ErrorSource.DeltaMethod,
            summary.Ess, summary.MaxNormalisedWeight, particles, Ais.Evaluations(path, schedule, particles), warnings + samplerWarnings + weightWarnings)
        {
            LogWeights = logWeights,
            Trace = Trace(tracePoints, traceLogMeanWeights, logZ),
            ParetoK = summary.ParetoK,
            Steps = schedule.Steps,
        };
    }

    // The sweep records points t_K, ..., t_0 with r(t) = log mean w up to t, an estimate of log(Z_t / Z_1):
    // log Z_t = log Z_1 + r(t), listed in increasing t.
    private static EstimateTrace Trace(Vec tracePoints, Vec traceLogMeanWeights, double logZ)
    {
        var n = tracePoints.Length;
        return new EstimateTrace(
            Vec.Create(n, d =>
            {
                for (var i = 0; i < n; i++) d[i] = tracePoints[n - 1 - i];
            }),
            Vec.Create(n, d =>
            {
                for (var i = 0; i < n; i++) d[i] = logZ + traceLogMeanWeights[n - 1 - i];
            }));
    }
}
