using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// The global side of one blocked SMC run (<see cref="SmcBlocks"/>): it gathers the blocks' log densities in block
/// order, reweights, computes the ESS and conditional ESS, chooses the next point (the schedule's, or by bisection for
/// adaptive tempering), decides whether to resample, draws the ancestors for the whole run with the run's resampling key
/// and scheme, and hands the blocks a <see cref="SmcTransferPlan"/>; the blocks keep their particles and move them.
/// </summary>
/// <remarks>
/// Every number the estimate depends on is computed here, on the gathered values, by the functions
/// <see cref="Smc.RunOnce{TState}"/> uses, in the same order: a run of one block gives its bits, and a run of several
/// gives the same bits wherever its blocks live (<see cref="ISmcBlockHost"/>). Per step the host is asked for log
/// densities once (fixed schedule) or once plus once per <see cref="ISmcBlockHost.BisectionLookahead"/> halvings (adaptive), then to advance once.
/// </remarks>
public static class SmcCoordinator
{
    /// <summary>Runs one blocked SMC run on <paramref name="host"/>.</summary>
    /// <param name="key">The run's key (the host was made with the same key).</param>
    /// <param name="path">The annealing path (its name, normaliser and costs; the host holds the particles).</param>
    /// <param name="options">Validated settings; <see cref="SmcOptions.Repetitions"/> is not used.</param>
    /// <param name="host">Where the blocks live.</param>
    /// <param name="progress">Reports each step, if given (Steps is the step limit when adaptive).</param>
    /// <returns>The run, or every problem found, or the host's failure.</returns>
    public static Validation<Error, SmcBlockedRun> Run<TState>(
        RngKey key, AnnealingPath<TState> path, SmcOptions options, ISmcBlockHost host, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        var errors = Seq<Error>();
        if (options.Particles < 1) errors = errors.Add(AnnealingEstimatorErrors.InvalidParticles(path.Name, options.Particles, 1));
        if (!double.IsFinite(path.LogZ0)) errors = errors.Add(AnnealingEstimatorErrors.InvalidLogZ0(path.Name, path.LogZ0));
        if (!errors.IsEmpty) return Fail<Error, SmcBlockedRun>(errors);
        return host.Start().Match(_ => Sweep(key, path, options, host, progress), e => Fail<Error, SmcBlockedRun>(e));
    }

    /// <summary>The blocks' values at each point concatenated in block order: <c>perBlock[b][p]</c> is block b's vector at point p.</summary>
    /// <param name="points">The number of points.</param>
    /// <param name="perBlock">Each block's vectors, in block order.</param>
    public static Vec[] Gather(int points, IReadOnlyList<Vec[]> perBlock)
    {
        ArgumentNullException.ThrowIfNull(perBlock);
        return Enumerable.Range(0, points).Select(p => Vec.Create(perBlock.Sum(b => b[p].Length), d =>
        {
            var offset = 0;
            foreach (var block in perBlock)
            {
                block[p].Span.CopyTo(d[offset..]);
                offset += block[p].Length;
            }
        })).ToArray();
    }

    /// <summary>The validation as a <see cref="Fin{A}"/>: its one error, or all of them as one.</summary>
    internal static Fin<T> ToFin<T>(Validation<Error, T> validation) =>
        validation.Match(FinSucc, errors => FinFail<T>(errors.Count == 1 ? errors.Head : Error.Many(errors)));

    /// <summary>
    /// The midpoints of <paramref name="levels"/> successive halvings of [below, above], level by level, each computed as
    /// the bisection computes it (0.5 (a + b) of its bracket), so that the bisection finds its points among them.
    /// </summary>
    internal static double[] Halvings(double below, double above, int levels)
    {
        var points = new List<double>();
        var brackets = new List<(double, double)> { (below, above) };
        for (var level = 0; level < levels; level++)
        {
            var next = new List<(double, double)>();
            foreach (var (a, b) in brackets)
            {
                var middle = 0.5 * (a + b);
                points.Add(middle);
                next.Add((a, middle));
                next.Add((middle, b));
            }

            brackets = next;
        }

        return [.. points];
    }

    private static Validation<Error, SmcBlockedRun> Sweep<TState>(
        RngKey key, AnnealingPath<TState> path, SmcOptions options, ISmcBlockHost host, IProgress<AnnealingProgress>? progress)
    {
        var n = options.Particles;
        var (t, logZ, weights) = (0.0, path.LogZ0, Vec.Wrap(Smc.UniformLogWeights(n)));
        var points = new List<double> { 0.0 };
        var trace = new List<double> { logZ };
        var conditionalEss = new List<double>();
        var warnings = Seq<EstimateWarning>();
        var health = new SamplerHealth.Tally(n);
        Vec? beforeMoves = null;
        var stepLimit = options.Schedule?.Steps ?? options.MaxSteps;
        var (resamplings, evaluations, k) = (0, 0L, 0);
        while (k < stepLimit && t < 1.0)
        {
            var step = k + 1;
            var cache = new Dictionary<double, Vec>();
            Fin<Vec> Density(double point, double below, double above)
            {
                if (cache.TryGetValue(point, out var known)) return FinSucc(known);
                var wanted = Halvings(below, above, host.BisectionLookahead).Prepend(point).Distinct().ToArray();
                return host.LogDensities(wanted).Map(values =>
                {
                    for (var i = 0; i < wanted.Length; i++) cache[wanted[i]] = values[i];
                    return cache[point];
                });
            }

            // The points every step needs are asked for together: one round trip for a fixed schedule.
            var first = options.Schedule is { } schedule ? schedule[step] : 1.0;
            var bisects = options.IsAdaptive && step != options.MaxSteps && host.BisectionLookahead > 1;
            double[] opening = bisects ? [t, first, .. Halvings(t, first, host.BisectionLookahead)] : [t, first];
            var fetched = host.LogDensities(opening);
            if (fetched.Case is Error lost) return Fail<Error, SmcBlockedRun>(lost);
            for (var i = 0; i < opening.Length; i++) cache[opening[i]] = ((Vec[])fetched.Case)[i];
            var choice = options.Schedule is not null ? FinSucc((first, 0, Seq<EstimateWarning>()))
                : step == options.MaxSteps ? FinSucc((1.0, 0, Smc.StepLimit(options.MaxSteps, t)))
                : Smc.NextPoint(t, weights, options.TargetConditionalEss, Density).Map(c => (c.Point, c.Evaluations, Seq<EstimateWarning>()));
            var outcome =
                from chosen in choice
                from high in Density(chosen.Item1, t, 1.0)
                from low in Density(t, t, 1.0)
                select (Next: chosen.Item1, Bisections: chosen.Item2, Limit: chosen.Item3, High: high, Low: low);
            if (outcome.Case is Error failed) return Fail<Error, SmcBlockedRun>(failed);
            var (next, bisections, limit, highDensity, lowDensity) = ((double, int, Seq<EstimateWarning>, Vec, Vec))outcome.Case;
            if (lowDensity.Length != n) return Fail<Error, SmcBlockedRun>(AnnealingEstimatorErrors.LogDensityLength(path.Name, lowDensity.Length, n));
            if (highDensity.Length != n) return Fail<Error, SmcBlockedRun>(AnnealingEstimatorErrors.LogDensityLength(path.Name, highDensity.Length, n));

            var increments = Vec.Wrap(Smc.Increments(highDensity.Span, lowDensity.Span));
            var stepEss = Smc.ConditionalEss(weights.Span, increments.Span);
            var (logMean, logWeights) = Smc.Reweight(weights.Span, increments.Span);
            var ess = Smc.Ess(logWeights);
            logZ += logMean;
            var (resampled, before, moves) = (false, highDensity, Seq<IAcceptanceInfo>());
            if (next != 1.0)
            {
                // NaN weights (a log density that failed) cannot be resampled from, as in the unblocked run.
                resampled = !double.IsNaN(ess) && Smc.ShouldResample(ess, n, options.ResampleThreshold);
                SmcTransferPlan? plan = null;
                if (resampled)
                {
                    var chosen = Resampling.UncheckedAncestors(SmcBlocks.ResampleKey(key, step), options.Scheme, logWeights.Select(Math.Exp).ToArray(), n);
                    plan = SmcTransferPlan.Of(n, chosen);
                    before = Selections.Entries(highDensity, chosen);
                    logWeights = Smc.UniformLogWeights(n);
                }

                var advanced = host.Advance(step, next, plan);
                if (advanced.Case is Error broken) return Fail<Error, SmcBlockedRun>(broken);
                moves = (Seq<IAcceptanceInfo>)advanced.Case;
            }

            (weights, t, k) = (Vec.Wrap(logWeights), next, step);
            warnings = warnings + limit;
            evaluations += (long)n * bisections;
            if (beforeMoves is not null) health.Compare(beforeMoves, lowDensity);
            evaluations += n;
            conditionalEss.Add(stepEss);
            points.Add(t);
            trace.Add(logZ);
            if (resampled) resamplings++;
            foreach (var move in moves) health.Record(move);
            if (t < 1.0)
            {
                beforeMoves = before;
                evaluations += (long)n * options.MovesPerStep * path.EvaluationsPerMove;
            }

            progress?.Report(new AnnealingProgress(step, Math.Max(step, stepLimit), t));
        }

        // The points were visited in strictly increasing order from 0 to 1, which is what a schedule is.
        var visited = AnnealingSchedule.Create(Vec.Of([.. points]), options.IsAdaptive ? AdaptiveSchedule.Name : options.Schedule!.Name)
            .Match(s => s, e => throw new InvalidOperationException($"SMC visited an invalid schedule: {e.Head.Message}"));
        var estimate = Smc.Summarise(path, logZ, weights.ToArray(), resamplings, k, evaluations, warnings + health.Warnings("SMC")) with
        {
            Trace = new EstimateTrace(visited.Points, Vec.Of([.. trace])),
        };
        return Success<Error, SmcBlockedRun>(new SmcBlockedRun(estimate, resamplings, visited, Vec.Of([.. conditionalEss])));
    }
}
