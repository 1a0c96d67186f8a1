using Ebm.Functional.Annealing;
using Ebm.Functional.Diagnostics;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Estimation;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Thermodynamic integration: log Z_1 - log Z_0 = ∫_0^1 E_t[d/dt log f_t(x)] dt along a path of densities
/// (Kirkwood 1935; Gelman and Meng 1998, "Simulating normalizing constants", Statistical Science 13), here with a
/// quadrature of per-point Monte Carlo means. On the tempered path f_b = exp(-b E) this is
/// log Z(beta) = log Z(0) - ∫_0^beta &lt;E&gt;_b db.
/// </summary>
/// <remarks>
/// <para>The points are independent runs, so the standard error is sqrt(sum_k c_k^2 MCSE_k^2) with c_k the quadrature
/// weights (<see cref="ErrorSource.MonteCarloStandardError"/>); it does not include the discretisation error. That
/// error is estimated by |Simpson - trapezoid| (about the trapezoid's error, and conservative for Simpson's); when
/// it exceeds the standard error the <see cref="EstimateWarnings.DiscretisationError"/> warning asks for more points
/// where the integrand bends (near the critical point of a lattice, or near t = 0 of a tempered path).</para>
/// <para><see cref="Run{TState}"/> checks the chains: a point whose chains never accepted a move, where at least half
/// of them never moved (their MCSE of 0 says nothing), or whose chains disagree (split R-hat above
/// <see cref="PoorRHat"/>) raises <see cref="EstimateWarnings.PoorMixing"/>; the kernel's numerical failures and a
/// near-zero acceptance over the ladder raise <see cref="EstimateWarnings.SamplerFailure"/>. The estimate's ESS is the
/// smallest basic ESS of the integrand over the points whose draws vary.</para>
/// <para>The trace holds the running trapezoid estimate of log Z_t at every point (points rescaled to [0, 1]).</para>
/// </remarks>
/// <example><code>
/// var report = (from path in Paths.Tempered(model, beta, b =&gt; HeatBathGibbs.BuildKernel(model, b))
///               from schedule in AnnealingSchedule.Linear(20)
///               from run in ThermodynamicIntegration.Run(RngKey.FromSeed(7), path, schedule, chains: 4, burnIn: 200, draws: 500, IntegrationRule.Simpson)
///               select run)
///     .Match(Succ: e =&gt; $"log Z = {e.LogZ} +/- {e.StandardError}", Fail: errors =&gt; string.Join("; ", errors));
/// </code></example>
public static class ThermodynamicIntegration
{
    /// <summary>The method name in reports.</summary>
    public const string Method = "ti";

    /// <summary>
    /// log Z_end = <paramref name="logZStart"/> + ∫ of the integrand given at the points by its means and standard errors.
    /// Every problem with the inputs is reported.
    /// </summary>
    /// <param name="points">Strictly increasing, finite integration points (two or more; three or more for Simpson).</param>
    /// <param name="means">The mean of the integrand d/dt log f_t at each point.</param>
    /// <param name="standardErrors">The Monte Carlo standard error of each mean (0 for exact means).</param>
    /// <param name="logZStart">log Z at the first point.</param>
    /// <param name="beta">The inverse temperature reported with the estimate.</param>
    /// <param name="rule">The quadrature rule.</param>
    /// <param name="samples">The number of draws behind the means (for the report).</param>
    /// <param name="energyEvaluations">The cost behind the means (for the report).</param>
    /// <param name="effectiveSamples">The effective sample size behind the means, reported as the estimate's ESS (NaN when unknown, which
    /// <see cref="EstimateChecks"/> reports).</param>
    public static Validation<Error, LogZEstimate> Integrate(
        Vec points, Vec means, Vec standardErrors, double logZStart, double beta, IntegrationRule rule, int samples = 0, long energyEvaluations = 0,
        double effectiveSamples = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(standardErrors);
        var errors = CheckPoints(points, rule);
        if (means.Length != points.Length) errors = errors.Add(SamplingEstimateErrors.LengthMismatch("the means", means.Length, "the points", points.Length));
        if (standardErrors.Length != points.Length)
            errors = errors.Add(SamplingEstimateErrors.LengthMismatch("the standard errors", standardErrors.Length, "the points", points.Length));
        for (var k = 0; k < means.Length; k++)
            if (!double.IsFinite(means[k])) { errors = errors.Add(SamplingEstimateErrors.PointStatistics(k, $"the mean is {means[k]}, not a finite number")); break; }
        for (var k = 0; k < standardErrors.Length; k++)
            if (!(standardErrors[k] >= 0)) { errors = errors.Add(SamplingEstimateErrors.PointStatistics(k, $"the standard error is {standardErrors[k]}; it must be >= 0")); break; }
        if (!double.IsFinite(logZStart)) errors = errors.Add(SamplingEstimateErrors.InvalidArgument("log Z at the first point", logZStart.ToString("R"), "it must be finite"));
        if (!errors.IsEmpty) return Fail<Error, LogZEstimate>(errors);

        var weights = IntegrationWeights.Of(points.Span, rule);
        double integral = 0, variance = 0;
        for (var k = 0; k < weights.Length; k++)
        {
            integral += weights[k] * means[k];
            variance += weights[k] * weights[k] * standardErrors[k] * standardErrors[k];
        }

        var standardError = Math.Sqrt(variance);
        var warnings = DiscretisationCheck.Warnings(points, means, standardErrors, rule, weights, integral, standardError);
        return Success<Error, LogZEstimate>(new LogZEstimate(Method, beta, logZStart + integral, standardError, ErrorSource.MonteCarloStandardError,
            effectiveSamples, double.NaN, samples, energyEvaluations, warnings)
        {
            Trace = RunningTrapezoid(points, means, logZStart),
            Steps = points.Length - 1,
        });
    }

    /// <summary>
    /// Thermodynamic integration from draws of the integrand at each point: <paramref name="draws"/>[k] is a
    /// chains x draws matrix of d/dt log f_t at point k, summarised by its mean and its MCSE
    /// (<see cref="MonteCarloStandardError.OfMean"/>; constant draws have MCSE 0). The estimate's ESS is the smallest
    /// basic ESS of the integrand over the points whose draws vary (NaN when none vary); each point's basic ESS is
    /// computed once, for both.
    /// </summary>
    public static Validation<Error, LogZEstimate> FromDraws(
        Vec points, IReadOnlyList<Mat> draws, double logZStart, double beta, IntegrationRule rule, long energyEvaluations = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(draws);
        if (draws.Count != points.Length)
            return Fail<Error, LogZEstimate>(SamplingEstimateErrors.LengthMismatch("the per-point draws", draws.Count, "the points", points.Length));
        var errors = Seq<Error>();
        var means = new double[draws.Count];
        var standardErrors = new double[draws.Count];
        var smallestEss = double.NaN;
        for (var k = 0; k < draws.Count; k++)
        {
            var m = draws[k];
            if (m.Span.Length == 0) { errors = errors.Add(SamplingEstimateErrors.PointStatistics(k, "there are no draws")); continue; }
            means[k] = m.Span.ToArray().Average();
            var k1 = k;
            EffectiveSampleSize.Basic(m).Match(
                ess =>
                {
                    standardErrors[k1] = MonteCarloStandardError.FromBasicEss(m, ess);
                    if (!(ess >= smallestEss)) smallestEss = ess;
                },
                e =>
                {
                    if (e.Code == DiagnosticsErrors.ConstantDrawsCode) standardErrors[k1] = 0.0;
                    else errors = errors.Add(SamplingEstimateErrors.PointStatistics(k1, e.Message));
                });
        }

        if (!errors.IsEmpty) return Fail<Error, LogZEstimate>(errors);
        return Integrate(points, Vec.Wrap(means), Vec.Wrap(standardErrors), logZStart, beta, rule, draws.Sum(m => m.Span.Length), energyEvaluations, smallestEss);
    }

    /// <summary>
    /// Thermodynamic integration over the ladder of a parallel-tempering run: log Z(beta_last) = log Z(beta_0) -
    /// ∫ &lt;E&gt;_b db, with the recorded states of every step (e.g. the trace of <c>Loop.Scan(..., (s, _) =&gt; s)</c>
    /// after burn-in) and the cached energies of a rung (e.g. <c>s =&gt; s.Energies</c>).
    /// </summary>
    /// <remarks>
    /// Swaps make the rungs' draws dependent, which the per-point error propagation ignores; the standard error
    /// is then approximate (repeat the run with <see cref="Estimates.FromRepetitions"/> for one that is not).
    /// </remarks>
    /// <param name="betas">The ladder of the run.</param>
    /// <param name="trace">The tempering states after each recorded step.</param>
    /// <param name="energies">E of every chain of one rung.</param>
    /// <param name="logZAtFirstBeta">log Z(beta_0), e.g. n log 2 when beta_0 = 0.</param>
    /// <param name="rule">The quadrature rule.</param>
    public static Validation<Error, LogZEstimate> FromTempering<TState>(
        IReadOnlyList<double> betas, IReadOnlyList<TemperingState<TState>> trace, Func<TState, Vec> energies, double logZAtFirstBeta, IntegrationRule rule)
    {
        ArgumentNullException.ThrowIfNull(betas);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(energies);
        if (trace.Count < 1) return Fail<Error, LogZEstimate>(SamplingEstimateErrors.InvalidArgument("the tempering trace", "empty", "it needs at least one recorded step"));
        var rungs = betas.Count;
        if (trace[0].Rungs.Count != rungs)
            return Fail<Error, LogZEstimate>(SamplingEstimateErrors.LengthMismatch("the tempering states' rungs", trace[0].Rungs.Count, "the betas", rungs));
        var steps = trace.Count;
        var chains = energies(trace[0].Rungs[0]).Length;
        var draws = Enumerable.Range(0, rungs).Select(r => Mat.Create(chains, steps, x =>
        {
            for (var t = 0; t < steps; t++)
            {
                var e = energies(trace[t].Rungs[r]);
                for (var c = 0; c < chains; c++) x[c * steps + t] = -e[c];
            }
        })).ToList();
        var beta = rungs > 0 ? betas[^1] : double.NaN;
        return FromDraws(Vec.Of([.. betas]), draws, logZAtFirstBeta, beta, rule, (long)chains * steps * rungs);
    }

    /// <summary>
    /// Runs chains at every point of the schedule and integrates: at point k, <paramref name="chains"/> chains start at
    /// exact base draws, take <paramref name="burnIn"/> moves of the kernel at t_k and then <paramref name="draws"/> recorded
    /// moves, each recording d/dt log f_t. Keys: point k uses <c>key.FoldIn(k)</c>, split into base draws, burn-in and recording.
    /// </summary>
    public static Validation<Error, LogZEstimate> Run<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int chains, int burnIn, int draws, IntegrationRule rule)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        var errors = CheckPoints(schedule.Points, rule);
        if (chains < 1) errors = errors.Add(SamplingEstimateErrors.InvalidArgument("chains", chains.ToString(), "it must be at least 1"));
        if (burnIn < 0) errors = errors.Add(SamplingEstimateErrors.InvalidArgument("burn-in", burnIn.ToString(), "it cannot be negative"));
        if (draws < EffectiveSampleSize.MinimumDrawsPerChain)
            errors = errors.Add(SamplingEstimateErrors.InvalidArgument("draws", draws.ToString(), $"each chain needs at least {EffectiveSampleSize.MinimumDrawsPerChain} recorded draws for the MCSE"));
        if (!errors.IsEmpty) return Fail<Error, LogZEstimate>(errors);

        var perPoint = new List<Mat>(schedule.Points.Length);
        var acceptance = new List<double>(schedule.Points.Length);
        var health = new SamplerHealth.Tally(chains);
        for (var k = 0; k < schedule.Points.Length; k++)
        {
            var t = schedule[k];
            var (startKey, rest) = key.FoldIn(k).Split();
            var (burnKey, recordKey) = rest.Split();
            var move = path.Move(t);
            var state = Loop.Run(burnKey, path.SampleBase(startKey, chains), burnIn, move, (_, info) => health.Record(info));
            var (_, observed) = Loop.Scan(recordKey, state, draws, move, (s, info) =>
            {
                health.Record(info);
                return (Derivative: path.LogDensityDerivative(t, s), Acceptance: Mean(info.AcceptanceRates));
            });
            var trace = observed.Select(o => o.Derivative).ToArray();
            acceptance.Add(observed.Average(o => o.Acceptance));
            perPoint.Add(Mat.Create(chains, draws, x =>
            {
                for (var s = 0; s < draws; s++)
                    for (var c = 0; c < chains; c++) x[c * draws + s] = trace[s][c];
            }));
        }

        var evaluations = (long)schedule.Points.Length * chains * ((long)(burnIn + draws) * path.EvaluationsPerMove + draws);
        return FromDraws(schedule.Points, perPoint, path.LogZ0, path.TargetBeta, rule, evaluations)
            .Map(estimate => estimate with
            {
                Warnings = estimate.EstimatorWarnings + health.Warnings("thermodynamic-integration") + LadderMixing.Warnings(schedule.Points, perPoint, acceptance),
            });
    }

    private static Seq<Error> CheckPoints(Vec points, IntegrationRule rule)
    {
        var errors = Seq<Error>();
        var needed = rule == IntegrationRule.Simpson ? 3 : 2;
        if (points.Length < needed) errors = errors.Add(SamplingEstimateErrors.InvalidPoints($"the {rule} rule needs at least {needed} points, got {points.Length}"));
        for (var k = 0; k < points.Length; k++)
            if (!double.IsFinite(points[k]) || (k > 0 && !(points[k] > points[k - 1])))
                return errors.Add(SamplingEstimateErrors.InvalidPoints($"point {k} ({points[k]}) is not finite or does not follow point {k - 1} strictly"));
        return errors;
    }

    /// <summary>Mean acceptance at or below which a point's chains are reported as not mixing (a kernel that never moves).</summary>
    public const double PoorAcceptance = 0.0;

    /// <summary>
    /// Split R-hat of a point's recorded integrand above which its chains are reported as not mixing. Gross
    /// disagreement only: with the dozen draws per chain a cheap ladder records, R-hat of well-mixed chains
    /// scatters up to about 1.3.
    /// </summary>
    public const double PoorRHat = 2.0;

    private static double Mean(Vec values)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++) sum += values[i];
        return values.Length == 0 ? 1.0 : sum / values.Length;
    }

    /// <summary>How many of its own Monte Carlo standard errors |I_h - I_2h| must exceed before it counts as discretisation error.</summary>
    public const double GapSignificance = 3.0;

    private static EstimateTrace RunningTrapezoid(Vec points, Vec means, double logZStart)
    {
        var n = points.Length;
        var span = points[n - 1] - points[0];
        var logZ = new double[n];
        logZ[0] = logZStart;
        for (var k = 1; k < n; k++) logZ[k] = logZ[k - 1] + (points[k] - points[k - 1]) * (means[k] + means[k - 1]) / 2;
        return new EstimateTrace(points.Map(t => (t - points[0]) / span), Vec.Wrap(logZ));
    }
}
