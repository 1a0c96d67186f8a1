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
/// <para>A run is <see cref="SmcKernel{TState}.Step"/> (<see cref="Kernel{TState}"/>) driven by <see cref="Loop.Until{TState,TInfo}"/>
/// from step 1 until t = 1, over the schedule or over the points <see cref="NextPoint{TState}"/> chooses; this class adds the bookkeeping (trace, evaluations, health, warnings).</para>
/// <para>Every move's info and the log density at t_k before and after the moves there feed <see cref="SamplerHealth"/>
/// (<see cref="EstimateWarnings.SamplerFailure"/>); <see cref="LogZEstimate.Steps"/> is the number of reweighting steps.</para>
/// <para>Keys: run r uses <c>key.Split(R)[r]</c>; inside a run the base draws use the first of three children,
/// resampling at step k the second folded with k, move m of step k the third folded with k then m. Energy
/// evaluations count one per particle per log-density evaluation (bisection included) plus the moves'.</para>
/// <example><code>
/// var result = from path in Paths.Tempered(model, 1.0, b =&gt; HeatBathGibbs.BuildKernel(model, b))
///              from options in SmcOptions.Create(particles: 500)
///              from run in Smc.Run(RngKey.FromSeed(1), path, options)
///              select run.Estimate;
/// Console.WriteLine(result.Match(Succ: e =&gt; $"{e.LogZ} +/- {e.StandardError}", Fail: errors =&gt; string.Join("; ", errors)));
/// </code></example>
/// </remarks>
public static partial class Smc
{
    /// <summary>The method name in reports.</summary>
    public const string Method = "smc";

    /// <summary>Bisection stops when the bracket is narrower than this.</summary>
    internal const double BisectionTolerance = 1e-12;

    /// <summary>Runs <see cref="SmcOptions.Repetitions"/> independent runs and combines them.</summary>
    /// <param name="key">The key; the same key gives the same bits.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="options">Validated settings.</param>
    /// <param name="progress">Reports each step of each run, if given.</param>
    /// <returns>The result, or every problem found with the path (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, SmcResult> Run<TState>(RngKey key, AnnealingPath<TState> path, SmcOptions options, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Repetitions == 1) return RunOnce(key, path, options, progress).Map(single => Combine([Repetition(single)]));

        // A path the first run rejects is rejected once, not once per repetition.
        var keys = key.Split(options.Repetitions);
        return RunOnce(keys[0], path, options, progress).Bind(first => keys.Skip(1).Select(k => RunOnce(k, path, options, progress)).ToArray().ToSeq().Sequence().Map(rest =>
            Combine(first.Cons(rest).Select(Repetition).ToArray())));
    }

    /// <summary>
    /// Repetition <paramref name="repetition"/> of <see cref="Run{TState}"/> on its own (its key is <c>key.Split(R)[r]</c>,
    /// the run's key itself when R = 1): the repetitions are independent runs, so they can run anywhere (one after
    /// another, or on the machines of a cluster) and <see cref="Combine"/> makes them into <see cref="Run{TState}"/>'s
    /// result, bit for bit.
    /// </summary>
    /// <param name="key">The run's key (not the repetition's).</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="options">Validated settings.</param>
    /// <param name="repetition">The repetition, 0 .. R - 1.</param>
    /// <param name="progress">Reports each step of this repetition, if given.</param>
    /// <returns>The repetition, or every problem found with the path (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, SmcRepetition> RunRepetition<TState>(
        RngKey key, AnnealingPath<TState> path, SmcOptions options, int repetition, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        if (repetition < 0 || repetition >= options.Repetitions)
            return Fail<Error, SmcRepetition>(AnnealingEstimatorErrors.InvalidBlock(Method, repetition, options.Repetitions));
        var runKey = options.Repetitions == 1 ? key : key.Split(options.Repetitions)[repetition];
        return RunOnce(runKey, path, options, progress).Map(Repetition);
    }

    /// <summary>The result of <see cref="Run{TState}"/> from its repetitions, given in order (one or more).</summary>
    /// <param name="repetitions">Every repetition of the run, in order.</param>
    public static SmcResult Combine(IReadOnlyList<SmcRepetition> repetitions)
    {
        ArgumentNullException.ThrowIfNull(repetitions);
        if (repetitions.Count == 0) throw new ArgumentException("a run has at least one repetition", nameof(repetitions));
        if (repetitions.Count == 1)
        {
            var single = repetitions[0];
            return new SmcResult(single.Estimate, single.ResamplingEvents, single.Steps, single.Estimate.Ess);
        }

        // A lone run's missing error does not matter once the runs' spread supplies one.
        var estimate = Estimates.FromRepetitions(Method, repetitions
            .Select(r => r.Estimate with { Warnings = r.Estimate.EstimatorWarnings.Filter(w => w.Code != EstimateWarnings.FewSamples) })
            .ToArray());
        return new SmcResult(estimate, repetitions.Sum(r => r.ResamplingEvents), repetitions.Sum(r => r.Steps), repetitions.Average(r => r.Estimate.Ess));
    }

    private static SmcRepetition Repetition<TState>(SmcRun<TState> run) => new(run.Estimate, run.ResamplingEvents, run.Schedule.Steps);

    /// <summary>The SMC kernel of <paramref name="options"/>: its threshold and scheme, <see cref="SmcOptions.MovesPerStep"/> transitions per step.</summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="options">Validated settings.</param>
    /// <remarks>Move m of a step uses the step's move key folded with m.</remarks>
    public static SmcKernel<TState> Kernel<TState>(AnnealingPath<TState> path, SmcOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return new SmcKernel<TState>(path, options.ResampleThreshold, options.Scheme, t =>
        {
            var move = path.Move(t);
            return (key, state) =>
            {
                var infos = new IAcceptanceInfo[options.MovesPerStep];
                for (var m = 0; m < infos.Length; m++) (state, infos[m]) = move(key.FoldIn(m), state);
                return (state, infos.ToSeq());
            };
        }, 1.0);
    }

    /// <summary>One run (whatever <see cref="SmcOptions.Repetitions"/> says), with its final particles and diagnostics.</summary>
    /// <param name="key">The key; the same key gives the same bits.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="options">Validated settings.</param>
    /// <param name="progress">Reports each step, if given (Steps is the step limit when adaptive).</param>
    /// <returns>The run, or every problem found with the path (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, SmcRun<TState>> RunOnce<TState>(RngKey key, AnnealingPath<TState> path, SmcOptions options, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var children = key.Split(3);
        var (baseKey, resampleKey, moveKey) = (children[0], children[1], children[2]);
        var kernel = Kernel(path, options);
        return kernel.Init(baseKey, options.Particles).Bind(start => Sweep(kernel, options, start, resampleKey, moveKey, progress));
    }

    private static Validation<Error, SmcRun<TState>> Sweep<TState>(
        SmcKernel<TState> kernel, SmcOptions options, SmcState<TState> state, RngKey resampleKey, RngKey moveKey, IProgress<AnnealingProgress>? progress)
    {
        var (path, n) = (kernel.Path, options.Particles);
        var points = new List<double> { 0.0 };
        var trace = new List<double> { state.LogZ };
        var conditionalEss = new List<double>();
        var warnings = Seq<EstimateWarning>();
        var health = new SamplerHealth.Tally(n);
        Vec? beforeMoves = null;
        var stepLimit = options.Schedule?.Steps ?? options.MaxSteps;
        var (resamplings, evaluations) = (0, 0L);
        var problem = Option<Error>.None;
        // Every path reaches t = 1 within the step limit: a fixed schedule ends there, adaptive tempering jumps there at
        // its limit, so the limit only bounds the loop.
        (state, var k) = Loop.Until(state, 1, stepLimit, s => !(s.T < 1.0), (step, s) =>
        {
            var (next, bisections, limit) = Choose(path, options, step, s);
            var (moved, info) = kernel.Step(resampleKey.FoldIn(step), moveKey.FoldIn(step), s, next);
            return (moved, (Info: info, Bisections: bisections, Limit: limit));
        }, (step, s, outcome) =>
        {
            var (info, bisections, limit) = outcome;
            if (problem.IsNone) problem = kernel.Problem(info, n);
            if (problem.IsSome) return;
            warnings = warnings + limit;
            evaluations += (long)n * bisections;
            if (beforeMoves is not null) health.Compare(beforeMoves, info.StartLogDensity);
            evaluations += n;
            conditionalEss.Add(info.ConditionalEss);
            points.Add(s.T);
            trace.Add(s.LogZ);
            if (info.Resampled) resamplings++;
            foreach (var move in info.Moves) health.Record(move);
            if (s.T < 1.0)
            {
                beforeMoves = info.EndLogDensity;
                evaluations += (long)n * options.MovesPerStep * path.EvaluationsPerMove;
            }

            progress?.Report(new AnnealingProgress(step, Math.Max(step, stepLimit), s.T));
        });

        if (problem.Case is Error broken) return Fail<Error, SmcRun<TState>>(broken);
        // The points were visited in strictly increasing order from 0 to 1, which is what a schedule is.
        var visited = AnnealingSchedule.Create(Vec.Of([.. points]), options.IsAdaptive ? AdaptiveSchedule.Name : options.Schedule!.Name)
            .Match(s => s, e => throw new InvalidOperationException($"SMC visited an invalid schedule: {e.Head.Message}"));
        var estimate = Summarise(path, state.LogZ, state.LogWeights.ToArray(), resamplings, k, evaluations, warnings + health.Warnings("SMC")) with
        {
            Trace = new EstimateTrace(visited.Points, Vec.Of([.. trace])),
        };
        return Success<Error, SmcRun<TState>>(new SmcRun<TState>(estimate, state.Particles, resamplings, visited, Vec.Of([.. conditionalEss])));
    }

    /// <summary>
    /// The point of step <paramref name="k"/>: the schedule's, or at the adaptive step limit t = 1 with a
    /// <see cref="EstimateWarnings.StepLimit"/> warning, or <see cref="NextPoint{TState}"/>'s; with the bisections spent.
    /// </summary>
    private static (double Next, int Bisections, Seq<EstimateWarning> Limit) Choose<TState>(
        AnnealingPath<TState> path, SmcOptions options, int k, SmcState<TState> state)
    {
        if (options.Schedule is { } schedule) return (schedule[k], 0, Seq<EstimateWarning>());
        if (k == options.MaxSteps)
            return (1.0, 0, StepLimit(options.MaxSteps, state.T));
        var (point, bisections) = NextPoint(path, state, options.TargetConditionalEss);
        return (point, bisections, Seq<EstimateWarning>());
    }

    /// <summary>The warning of adaptive tempering that reached its step limit at <paramref name="t"/> and jumped to t = 1.</summary>
    internal static Seq<EstimateWarning> StepLimit(int maxSteps, double t) =>
        Seq1(EstimateWarnings.Of(EstimateWarnings.StepLimit,
            $"adaptive tempering reached its limit of {maxSteps} steps at t = {t:G6} and jumped to t = 1; the last weights may be degenerate"));

    /// <summary>log w_i = log f_to(x_i) - log f_from(x_i) for every particle.</summary>
    internal static Vec Increments<TState>(AnnealingPath<TState> path, double from, double to, TState state) =>
        Vec.Wrap(Increments(path.LogDensity(to, state).Span, path.LogDensity(from, state).Span));

    /// <summary>
    /// The one weight increment of every annealing estimator: log w_i = log f_to(x_i) - log f_from(x_i) from the two
    /// log densities of the same particles (AIS, reverse AIS and SMC add it to the log weights; linked importance
    /// sampling halves it for its geometric bridge).
    /// </summary>
    internal static double[] Increments(ReadOnlySpan<double> logTo, ReadOnlySpan<double> logFrom)
    {
        var increments = new double[logTo.Length];
        for (var i = 0; i < increments.Length; i++) increments[i] = logTo[i] - logFrom[i];
        return increments;
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

    /// <summary>Equal normalised log weights, -log N each.</summary>
    internal static double[] UniformLogWeights(int n) => Enumerable.Repeat(-Math.Log(n), n).ToArray();

    /// <summary>The estimate of a run from its final normalised log weights and bookkeeping (shared with <see cref="SmcCoordinator"/>).</summary>
    internal static LogZEstimate Summarise<TState>(
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
