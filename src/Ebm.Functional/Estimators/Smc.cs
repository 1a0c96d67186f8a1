using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;
using Ebm.Functional.Annealing;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Sequential Monte Carlo samplers along an annealing path (Del Moral, Doucet and Jasra 2006): N weighted
/// particles start as exact draws from f_0; each step reweights them from t_{k-1} to t_k, resamples when the
/// ESS falls below a threshold, and moves them by the kernel at t_k.
/// </summary>
/// <remarks>
/// <para>Estimate. With normalised incoming weights W_{k-1,i} and incremental weights
/// w_{k,i} = f_{t_k}(x_i) / f_{t_{k-1}}(x_i), the step's mean weight is m_k = sum_i W_{k-1,i} w_{k,i} and
/// log Z = log Z_0 + sum_k log m_k. The product of the m_k is unbiased for Z_1 / Z_0 with any resampling
/// scheme that is unbiased, resampling or not (Del Moral, Doucet and Jasra 2006); without resampling it is
/// exactly AIS. Adaptive tempering makes the schedule depend on the particles, which adds a bias that vanishes
/// as N grows.</para>
/// <para>Adaptive tempering. The next point t' solves CESS(t') = target by bisection, where
/// CESS = (sum_i W_i w_i)^2 / sum_i W_i w_i^2 is the conditional ESS as a fraction of N (Zhou, Johansen and
/// Aston 2016): it measures the new weights' degeneracy relative to the incoming ones, so it is the right
/// criterion with and without resampling.</para>
/// <para>Standard error: the spread of <see cref="SmcOptions.Repetitions"/> independent runs, sd / sqrt(R)
/// (<see cref="Estimates.FromRepetitions"/>). A single run that never resampled has independent AIS weights and
/// gets the delta-method error of <see cref="Estimates.FromLogWeights"/>; a single run that resampled gets
/// +infinity and a <see cref="EstimateWarnings.FewSamples"/> warning, because its particles are no longer
/// independent.</para>
/// <para>Every move's info and the log density at t_k before and after the moves there feed <see cref="SamplerHealth"/>
/// (<see cref="EstimateWarnings.SamplerFailure"/>); <see cref="LogZEstimate.Steps"/> is the number of reweighting steps.</para>
/// <para>Keys: run r uses <c>key.Split(R)[r]</c>; inside a run the base draws use the first of three children,
/// resampling at step k the second folded with k, move m of step k the third folded with k then m. Energy
/// evaluations count one per particle per log-density evaluation (bisection included) plus the moves'.</para>
/// <example><code>
/// var path = Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b));
/// var options = SmcOptions.Create(particles: 500).Match(o => o, e => throw new ArgumentException(e.Head.Message));
/// var result = Smc.Run(path, options, RngKey.FromSeed(1));
/// Console.WriteLine($"{result.Estimate.LogZ} +/- {result.Estimate.StandardError}");
/// </code></example>
/// </remarks>
public static class Smc
{
    /// <summary>The method name in reports.</summary>
    public const string Method = "smc";

    /// <summary>Bisection stops when the bracket is narrower than this.</summary>
    internal const double BisectionTolerance = 1e-12;

    /// <summary>Runs <see cref="SmcOptions.Repetitions"/> independent runs and combines them.</summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="options">Validated settings.</param>
    /// <param name="key">The key; the same key gives the same bits.</param>
    /// <param name="progress">Reports each step of each run, if given.</param>
    public static SmcResult Run<TState>(AnnealingPath<TState> path, SmcOptions options, RngKey key, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Repetitions == 1)
        {
            var single = RunOnce(path, options, key, progress);
            return new SmcResult(single.Estimate, single.ResamplingEvents, single.Schedule.Steps, single.Estimate.Ess);
        }

        var keys = key.Split(options.Repetitions);
        var runs = keys.Select(k => RunOnce(path, options, k, progress)).ToArray();
        // A lone run's missing error does not matter once the runs' spread supplies one.
        var estimate = Estimates.FromRepetitions(Method, runs
            .Select(r => r.Estimate with { Warnings = r.Estimate.EstimatorWarnings.Filter(w => w.Code != EstimateWarnings.FewSamples) })
            .ToArray());
        return new SmcResult(estimate, runs.Sum(r => r.ResamplingEvents), runs.Sum(r => r.Schedule.Steps), runs.Average(r => r.Estimate.Ess));
    }

    /// <summary>One run (whatever <see cref="SmcOptions.Repetitions"/> says), with its final particles and diagnostics.</summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="options">Validated settings.</param>
    /// <param name="key">The key; the same key gives the same bits.</param>
    /// <param name="progress">Reports each step, if given (Steps is the step limit when adaptive).</param>
    public static SmcRun<TState> RunOnce<TState>(AnnealingPath<TState> path, SmcOptions options, RngKey key, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var children = key.Split(3);
        var (baseKey, resampleKey, moveKey) = (children[0], children[1], children[2]);
        var n = options.Particles;
        var state = path.SampleBase(baseKey, n);
        var logWeights = Uniform(n);
        var logZ = path.LogZ0;
        var points = new List<double> { 0.0 };
        var trace = new List<double> { logZ };
        var conditionalEss = new List<double>();
        var warnings = Seq<EstimateWarning>();
        var health = new SamplerHealth.Tally(n);
        Vec? beforeMoves = null;
        var stepLimit = options.Schedule?.Steps ?? options.MaxSteps;
        var (t, k, resamplings, evaluations) = (0.0, 0, 0, 0L);
        while (t < 1.0)
        {
            k++;
            double next;
            if (options.Schedule is { } schedule) next = schedule[k];
            else if (k == options.MaxSteps)
            {
                next = 1.0;
                warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.StepLimit,
                    $"adaptive tempering reached its limit of {options.MaxSteps} steps at t = {t:G6} and jumped to t = 1; the last weights may be degenerate"));
            }
            else
            {
                var (point, bisections) = NextPoint(path, state, logWeights, t, options.TargetConditionalEss);
                next = point;
                evaluations += (long)n * bisections;
            }

            var (high, low) = (path.LogDensity(next, state), path.LogDensity(t, state));
            if (beforeMoves is not null) health.Compare(beforeMoves, low);
            var increments = Difference(high, low);
            evaluations += n;
            conditionalEss.Add(ConditionalEss(logWeights, increments));
            var (logMean, updated) = Reweight(logWeights, increments);
            logWeights = updated;
            logZ += logMean;
            t = next;
            points.Add(t);
            trace.Add(logZ);
            if (t < 1.0)
            {
                var before = high;
                if (ShouldResample(Ess(logWeights), n, options.ResampleThreshold))
                {
                    var ancestors = Resampling.Ancestors(resampleKey.FoldIn(k), options.Scheme, Weights(logWeights), n);
                    state = path.Select(state, ancestors);
                    before = Vec.Create(n, d =>
                    {
                        for (var i = 0; i < n; i++) d[i] = high[ancestors[i]];
                    });
                    logWeights = Uniform(n);
                    resamplings++;
                }

                var move = path.Move(t);
                var stepKey = moveKey.FoldIn(k);
                for (var m = 0; m < options.MovesPerStep; m++)
                {
                    var (moved, info) = move(stepKey.FoldIn(m), state);
                    health.Record(info);
                    state = moved;
                }

                beforeMoves = before;
                evaluations += (long)n * options.MovesPerStep * path.EvaluationsPerMove;
            }

            progress?.Report(new AnnealingProgress(k, Math.Max(k, stepLimit), t));
        }

        var visited = AnnealingSchedule.Create(Vec.Of([.. points]), options.IsAdaptive ? "adaptive" : options.Schedule!.Name)
            .Match(s => s, e => throw new InvalidOperationException($"SMC visited an invalid schedule: {e.Head.Message}"));
        var estimate = Summarise(path, logZ, logWeights, resamplings, k, evaluations, warnings + health.Warnings("SMC")) with
        {
            Trace = new EstimateTrace(visited.Points, Vec.Of([.. trace])),
        };
        return new SmcRun<TState>(estimate, state, resamplings, visited, Vec.Of([.. conditionalEss]));
    }

    /// <summary>log w_i = log f_to(x_i) - log f_from(x_i) for every particle.</summary>
    internal static Vec Increments<TState>(AnnealingPath<TState> path, double from, double to, TState state)
    {
        var high = path.LogDensity(to, state);
        var low = path.LogDensity(from, state);
        return Vec.Create(high.Length, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = high[i] - low[i];
        });
    }

    /// <summary>
    /// The step's log mean weight log sum_i W_i w_i and the new normalised log weights log W_i + log w_i - log m,
    /// from normalised incoming log weights and log increments (Del Moral, Doucet and Jasra 2006).
    /// </summary>
    internal static (double LogMeanWeight, double[] LogWeights) Reweight(ReadOnlySpan<double> normalisedLogWeights, ReadOnlySpan<double> increments)
    {
        var combined = new double[normalisedLogWeights.Length];
        for (var i = 0; i < combined.Length; i++) combined[i] = normalisedLogWeights[i] + increments[i];
        var logMean = LogSpace.LogSumExp(combined);
        for (var i = 0; i < combined.Length; i++) combined[i] -= logMean;
        return (logMean, combined);
    }

    /// <summary>1 / sum_i W_i^2 from normalised log weights.</summary>
    internal static double Ess(ReadOnlySpan<double> normalisedLogWeights)
    {
        var sumSquares = 0.0;
        foreach (var x in normalisedLogWeights) sumSquares += Math.Exp(2 * x);
        return 1.0 / sumSquares;
    }

    /// <summary>(sum_i W_i w_i)^2 / sum_i W_i w_i^2, the conditional ESS as a fraction of N (Zhou, Johansen and Aston 2016).</summary>
    internal static double ConditionalEss(ReadOnlySpan<double> normalisedLogWeights, ReadOnlySpan<double> increments)
    {
        var max = double.NegativeInfinity;
        foreach (var x in increments) max = Math.Max(max, x);
        if (!double.IsFinite(max)) return 0.0;
        double first = 0, second = 0;
        for (var i = 0; i < increments.Length; i++)
        {
            var w = Math.Exp(increments[i] - max);
            var weight = Math.Exp(normalisedLogWeights[i]);
            first += weight * w;
            second += weight * w * w;
        }

        return second > 0 ? first * first / second : 0.0;
    }

    /// <summary>Whether to resample at this ESS: never at threshold 0, always at 1, else when ESS &lt; threshold N.</summary>
    internal static bool ShouldResample(double ess, int particles, double threshold) =>
        threshold > 0 && (threshold >= 1 || ess < threshold * particles);

    /// <summary>
    /// The next point after <paramref name="from"/> whose conditional ESS equals <paramref name="target"/>, by bisection
    /// (1 when even t = 1 keeps it above the target), and the number of log-density evaluations spent.
    /// </summary>
    internal static (double Point, int Evaluations) NextPoint<TState>(
        AnnealingPath<TState> path, TState state, ReadOnlySpan<double> normalisedLogWeights, double from, double target)
    {
        var low = path.LogDensity(from, state);
        var evaluations = 2;
        if (ConditionalEss(normalisedLogWeights, Difference(path.LogDensity(1.0, state), low)) >= target) return (1.0, evaluations);
        var (below, above) = (from, 1.0);
        while (above - below > BisectionTolerance)
        {
            var middle = 0.5 * (below + above);
            if (middle <= below || middle >= above) break;
            evaluations++;
            if (ConditionalEss(normalisedLogWeights, Difference(path.LogDensity(middle, state), low)) >= target) below = middle;
            else above = middle;
        }

        return (below > from ? below : above, evaluations);
    }

    private static double[] Difference(Vec high, Vec low)
    {
        var difference = new double[high.Length];
        for (var i = 0; i < difference.Length; i++) difference[i] = high[i] - low[i];
        return difference;
    }

    private static double[] Uniform(int n) => Enumerable.Repeat(-Math.Log(n), n).ToArray();

    private static double[] Weights(double[] logWeights) => logWeights.Select(Math.Exp).ToArray();

    private static LogZEstimate Summarise<TState>(
        AnnealingPath<TState> path, double logZ, double[] normalisedLogWeights, int resamplings, int steps, long evaluations, Seq<EstimateWarning> warnings)
    {
        var n = normalisedLogWeights.Length;
        if (resamplings == 0)
        {
            // Without resampling the particles are independent AIS runs: their weights are W_i N Z / Z_0.
            var shift = Math.Log(n) + logZ - path.LogZ0;
            var aisWeights = Vec.Create(n, d =>
            {
                for (var i = 0; i < n; i++) d[i] = normalisedLogWeights[i] + shift;
            });
            return Estimates.FromLogWeights(Method, path.TargetBeta, path.LogZ0, aisWeights, evaluations, warnings) with { LogZ = logZ, Steps = steps };
        }

        var summary = WeightSummary.Of(normalisedLogWeights);
        var single = EstimateWarnings.Of(EstimateWarnings.FewSamples,
            $"one run that resampled {resamplings} time(s) has no honest standard error; use two or more repetitions");
        return new LogZEstimate(Method, path.TargetBeta, logZ, double.PositiveInfinity, ErrorSource.Repetitions, summary.Ess,
            summary.MaxNormalisedWeight, n, evaluations, warnings.Add(single) + summary.Warnings())
        {
            LogWeights = Vec.Of(normalisedLogWeights),
            ParetoK = summary.ParetoK,
            Steps = steps,
        };
    }
}
