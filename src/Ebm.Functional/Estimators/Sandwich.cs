using Ebm.Functional.Estimation;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;

namespace Ebm.Functional.Estimators;

/// <summary>
/// The AIS sandwich (Grosse, Ghahramani and Adams 2015): forward AIS, a stochastic lower bound on log Z,
/// and reverse AIS, a stochastic upper bound, run on the same path and schedule and reported together.
/// </summary>
/// <remarks>
/// <para>The result's <see cref="LogZEstimate.LogZ"/> is the midpoint m = (lower + upper) / 2 and its
/// <see cref="LogZEstimate.Parts"/> are [forward, reverse]. The bounds hold in expectation only:
/// E[lower] &lt;= log Z &lt;= E[upper], and the upper one only when the reverse run starts from exact target
/// draws. With the gap g = upper - lower and the parts' standard errors s_f, s_r, the reported error is
/// sqrt((g / 2)^2 + (s_f^2 + s_r^2) / 4) (<see cref="ErrorSource.Combined"/>): half the bracket, which
/// bounds the midpoint's bias when the bounds hold, combined in quadrature with the midpoint's own
/// Monte Carlo error.</para>
/// <para>The <see cref="EstimateWarnings.BoundGap"/> warning is raised when |g| &gt; 2 sqrt(s_f^2 + s_r^2):
/// a positive gap beyond the noise means the annealing is too short for either bound to be tight; a
/// negative one means the bounds crossed, which exact target draws make unlikely (probability about 2.3%
/// for normal errors and unbiased runs). A perfect run raises it about 4.6% of the time.</para>
/// <para>Without exact target draws the reverse run starts from the forward run's final particles and the
/// result carries <see cref="EstimateWarnings.ApproximateTargetSamples"/>; the two parts are then dependent.</para>
/// <para>Of the weight diagnostics, <see cref="LogZEstimate.Ess"/> is the smaller of the parts' ESS and
/// <see cref="LogZEstimate.MaxNormalisedWeight"/> the larger of theirs; samples and evaluations add up.</para>
/// <para>Keys: the forward run uses <c>key.Split().Left</c>, the reverse run <c>Right</c>. Progress counts
/// the forward steps 1..K, then the reverse steps K+1..2K.</para>
/// </remarks>
public static class Sandwich
{
    /// <summary>The method name in reports.</summary>
    public const string Method = "sandwich";

    /// <summary>The multiple of sqrt(s_f^2 + s_r^2) beyond which the gap raises <see cref="EstimateWarnings.BoundGap"/>.</summary>
    public const double GapThreshold = 2.0;

    /// <summary>
    /// Forward AIS with <paramref name="particles"/> particles, then reverse AIS from its final particles
    /// (approximate target samples: the result carries <see cref="EstimateWarnings.ApproximateTargetSamples"/>).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions.</param>
    /// <param name="particles">Forward particles M, at least 1; the reverse run has as many.</param>
    /// <param name="progress">Reports each of the 2K steps.</param>
    /// <returns>The sandwich, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, LogZEstimate> Run<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, IProgress<AnnealingProgress>? progress = null) =>
        Run(key, path, schedule, particles, None, progress);

    /// <summary>Forward AIS with <paramref name="particles"/> particles and reverse AIS from exact target draws.</summary>
    /// <param name="key">The key.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions.</param>
    /// <param name="particles">Forward particles M, at least 1.</param>
    /// <param name="exactTargetSamples">Exact, independent draws from the target (e.g. <see cref="ExactDraws.DiscreteChains"/>).</param>
    /// <param name="progress">Reports each of the 2K steps.</param>
    /// <returns>The sandwich, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, LogZEstimate> Run<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, TState exactTargetSamples,
        IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(exactTargetSamples);
        return Run(key, path, schedule, particles, Some(exactTargetSamples), progress);
    }

    /// <summary>
    /// Combines a forward (lower) and a reverse (upper) estimate of the same log Z into the sandwich:
    /// midpoint, combined error, the parts' warnings once per code, and <see cref="EstimateWarnings.BoundGap"/>
    /// when |upper - lower| &gt; <see cref="GapThreshold"/> sqrt(s_f^2 + s_r^2).
    /// </summary>
    /// <param name="forward">The forward AIS estimate.</param>
    /// <param name="reverse">The reverse AIS estimate.</param>
    public static LogZEstimate Combine(LogZEstimate forward, LogZEstimate reverse)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(reverse);
        var (lower, upper) = (forward.LogZ, reverse.LogZ);
        var gap = upper - lower;
        var noise = Math.Sqrt(forward.StandardError * forward.StandardError + reverse.StandardError * reverse.StandardError);
        var error = Math.Sqrt(gap * gap / 4 + noise * noise / 4);
        var warnings = Seq<EstimateWarning>();
        foreach (var w in forward.Warnings.Concat(reverse.Warnings))
            if (!warnings.Exists(x => x.Code == w.Code)) warnings = warnings.Add(w);
        if (Math.Abs(gap) > GapThreshold * noise || !double.IsFinite(gap))
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.BoundGap, gap >= 0
                ? $"the bounds are {gap:G4} apart, more than {GapThreshold} combined standard errors ({noise:G3}): anneal longer before trusting the midpoint"
                : $"the upper bound lies {-gap:G4} below the lower one, more than {GapThreshold} combined standard errors ({noise:G3}): the bounds are not valid here"));
        return new LogZEstimate(Method, forward.Beta, (lower + upper) / 2, error, ErrorSource.Combined,
            Math.Min(forward.Ess, reverse.Ess), Math.Max(forward.MaxNormalisedWeight, reverse.MaxNormalisedWeight),
            forward.Samples + reverse.Samples, forward.EnergyEvaluations + reverse.EnergyEvaluations, warnings)
        {
            Parts = Seq(forward, reverse),
            ParetoK = Estimates.LargestParetoK([forward, reverse]),
            Steps = Math.Max(forward.Steps, reverse.Steps),
        };
    }

    private static Validation<Error, LogZEstimate> Run<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, Option<TState> exactTargetSamples,
        IProgress<AnnealingProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        var (forwardKey, reverseKey) = key.Split();
        var steps = schedule.Steps;
        return from forward in Ais.RunWithState(forwardKey, path, schedule, particles, Offset.Of(progress, 0, 2 * steps))
               from reverse in ReverseAis.Run(reverseKey, path, schedule, exactTargetSamples.IfNone(forward.Final), exactTargetSamples.IsSome,
                   Offset.Of(progress, steps, 2 * steps))
               select Combine(forward.Estimate, reverse);
    }

    /// <summary>Progress of one part of a longer run: its steps shifted by <c>offset</c> out of <c>total</c>.</summary>
    internal sealed class Offset(IProgress<AnnealingProgress> inner, int offset, int total) : IProgress<AnnealingProgress>
    {
        /// <summary>The shifted progress, or null without one.</summary>
        public static IProgress<AnnealingProgress>? Of(IProgress<AnnealingProgress>? inner, int offset, int total) =>
            inner is null ? null : new Offset(inner, offset, total);

        public void Report(AnnealingProgress value) => inner.Report(value with { Step = value.Step + offset, Steps = total });
    }
}
