using Ebm.Functional.Diagnostics;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Estimation;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Bridge sampling with the optimal bridge of Meng and Wong (1996): log(Z1 / Z2) from draws of p1 = q1 / Z1 and
/// p2 = q2 / Z2 and both unnormalised log densities on both sets of draws; with Z2 known, log Z1.
/// </summary>
/// <remarks>
/// <para>With l = log q1 - log q2, s1 = N1eff / (N1eff + N2), s2 = N2 / (N1eff + N2), the optimal bridge gives the
/// fixed point r = E_2[e^l / (s1 e^l + s2 r)] / E_1[1 / (s1 e^l + s2 r)] (Meng and Wong 1996, eq. 4.1), solved
/// by iteration in log space from the importance-sampling estimate log mean_2 e^l, until |r_new / r_old - 1| &lt;
/// tolerance; when the iteration budget runs out (it oscillates about the root when the overlap is poor) the root is
/// bracketed and bisected (<see cref="BridgeIteration.Solve"/>), and only when that fails too is the
/// <see cref="EstimateWarnings.BridgeNotConverged"/> warning attached. The
/// formulation follows Gronau et al. (2017, "A tutorial on bridge sampling", J. Math. Psych. 81) and their
/// bridgesampling R package.</para>
/// <para>The standard error of the log ratio is the square root of the relative mean-squared error of the ratio
/// (Frühwirth-Schnatter 2004), in which correlated draws of p1 count as their effective number
/// (<see cref="BridgeSettings.EffectiveSamples1"/>); the p2 draws must be independent.</para>
/// <para>Bridge sampling needs both tails: it is far less sensitive than importance sampling to a proposal
/// narrower than the target, but draws of p1 that have not mixed give a confident wrong answer. The estimate's ESS is
/// the smaller effective size of the two sums of the fixed point (<see cref="BridgeIteration.Ess"/>); below
/// <see cref="EstimateWarnings.MinimumVarianceEss"/>, or with one term above half a sum, the
/// <see cref="EstimateWarnings.WeightDegeneracy"/> warning says the overlap is too poor to trust the result. The target
/// chains of <c>Run</c> report their kernel's failures (<see cref="EstimateWarnings.SamplerFailure"/>).</para>
/// </remarks>
/// <example><code>
/// var q = Proposal.Gaussian(laplace);
/// var draws = /* MCMC draws of the target, chains x draws flattened to rows */;
/// var report = BridgeSampling.Estimate(RngKey.FromSeed(3), model, 1.0, q, draws, 5_000, new BridgeSettings(EffectiveSamples1: ess))
///     .Match(Succ: e =&gt; $"log Z = {e.LogZ} +/- {e.StandardError}", Fail: errors =&gt; string.Join("; ", errors));
/// </code></example>
public static class BridgeSampling
{
    /// <summary>The method name in reports.</summary>
    public const string Method = "bridge";

    /// <summary>
    /// log Z1 = <paramref name="logZ2"/> + log(Z1 / Z2) from the log densities on both sets of draws (pass
    /// <paramref name="logZ2"/> = 0 for the log ratio). Every problem with the inputs is reported.
    /// </summary>
    /// <param name="logQ1OnDraws1">log q1 at the N1 draws of p1 (finite).</param>
    /// <param name="logQ2OnDraws1">log q2 at the N1 draws of p1.</param>
    /// <param name="logQ1OnDraws2">log q1 at the N2 draws of p2.</param>
    /// <param name="logQ2OnDraws2">log q2 at the N2 draws of p2 (finite).</param>
    /// <param name="logZ2">log Z2 where it is known (0 for a normalised p2, or to estimate the ratio).</param>
    /// <param name="beta">The inverse temperature reported with the estimate.</param>
    /// <param name="settings">Tolerance, iteration budget and the effective size of the p1 draws.</param>
    public static Validation<Error, LogZEstimate> Estimate(
        Vec logQ1OnDraws1, Vec logQ2OnDraws1, Vec logQ1OnDraws2, Vec logQ2OnDraws2,
        double logZ2 = 0.0, double beta = 1.0, BridgeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(logQ1OnDraws1);
        ArgumentNullException.ThrowIfNull(logQ2OnDraws1);
        ArgumentNullException.ThrowIfNull(logQ1OnDraws2);
        ArgumentNullException.ThrowIfNull(logQ2OnDraws2);
        settings ??= BridgeSettings.Default;
        var errors = CheckSettings(settings, logQ1OnDraws1.Length);
        if (logQ1OnDraws1.Length != logQ2OnDraws1.Length)
            errors = errors.Add(SamplingEstimateErrors.LengthMismatch("log q1 on the p1 draws", logQ1OnDraws1.Length, "log q2 on the p1 draws", logQ2OnDraws1.Length));
        if (logQ1OnDraws2.Length != logQ2OnDraws2.Length)
            errors = errors.Add(SamplingEstimateErrors.LengthMismatch("log q1 on the p2 draws", logQ1OnDraws2.Length, "log q2 on the p2 draws", logQ2OnDraws2.Length));
        if (logQ1OnDraws1.Length < 1) errors = errors.Add(SamplingEstimateErrors.InvalidArgument("the number of p1 draws", "0", "it must be at least 1"));
        if (logQ2OnDraws2.Length < 1) errors = errors.Add(SamplingEstimateErrors.InvalidArgument("the number of p2 draws", "0", "it must be at least 1"));
        if (!double.IsFinite(logZ2)) errors = errors.Add(SamplingEstimateErrors.InvalidArgument("log Z2", logZ2.ToString("R"), "it must be finite"));
        errors = CheckValues(errors, "log q1 on the p1 draws", logQ1OnDraws1, finite: true);
        errors = CheckValues(errors, "log q2 on the p2 draws", logQ2OnDraws2, finite: true);
        errors = CheckValues(errors, "log q2 on the p1 draws", logQ2OnDraws1, finite: false);
        errors = CheckValues(errors, "log q1 on the p2 draws", logQ1OnDraws2, finite: false);
        if (!errors.IsEmpty) return Fail<Error, LogZEstimate>(errors);
        return Success<Error, LogZEstimate>(Core(Difference(logQ1OnDraws1, logQ2OnDraws1), Difference(logQ1OnDraws2, logQ2OnDraws2), logZ2, beta, settings, 0));
    }

    /// <summary>
    /// log Z(beta) of a discrete model by bridging the normalised proposal (<paramref name="proposalCount"/> exact
    /// draws from the key) and supplied draws of p_beta (e.g. MCMC; give their effective size in the settings).
    /// </summary>
    public static Validation<Error, LogZEstimate> Estimate(
        RngKey key, IDiscreteModel model, double beta, Proposal proposal, Mat targetDraws, int proposalCount, BridgeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(targetDraws);
        return FromModel(key, model.Dimension, model.States, beta, false, model.Energies, proposal, targetDraws, proposalCount, settings, 0);
    }

    /// <summary>log Z(beta) of a continuous model by bridging a continuous proposal and supplied draws of p_beta.</summary>
    public static Validation<Error, LogZEstimate> Estimate(
        RngKey key, IContinuousModel model, double beta, Proposal proposal, Mat targetDraws, int proposalCount, BridgeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(targetDraws);
        return FromModel(key, model.Dimension, null, beta, true, model.Energies, proposal, targetDraws, proposalCount, settings, 0);
    }

    /// <summary>
    /// log Z(beta) of a discrete model with target draws from a kernel: <paramref name="chains"/> chains start at
    /// proposal draws, run <paramref name="burnIn"/> steps, then record <paramref name="draws"/> states each; their
    /// effective size is the basic ESS of the log ratio -beta E - log q over the chains (unless the settings give one;
    /// N1 when the ESS cannot be computed, e.g. for constant draws).
    /// Keys: <c>key.FoldIn(0)</c> the chain starts, <c>FoldIn(1)</c> burn-in, <c>FoldIn(2)</c> the recorded steps,
    /// <c>FoldIn(3)</c> the proposal draws of the bridge.
    /// </summary>
    public static Validation<Error, LogZEstimate> Run<TInfo>(
        RngKey key, IDiscreteModel model, double beta, Proposal proposal, KernelStep<DiscreteChains, TInfo> kernel,
        int chains, int burnIn, int draws, int proposalCount, BridgeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(kernel);
        var target = new Target<DiscreteChains>(model.Dimension, model.States, false, model.Energies, x => new DiscreteChains(x, model.Energies(x)), s => s.States);
        return RunChains(key, target, beta, proposal, kernel, chains, burnIn, draws, proposalCount, settings ?? BridgeSettings.Default);
    }

    /// <summary>
    /// log Z(beta) of a continuous model with target draws from a kernel at beta (e.g. <c>Hmc.Factory(model, parameters)(beta)</c>);
    /// chains, burn-in, draws, effective size and keys as for the discrete overload.
    /// </summary>
    public static Validation<Error, LogZEstimate> Run<TInfo>(
        RngKey key, IContinuousModel model, double beta, Proposal proposal, KernelStep<ContinuousChains, TInfo> kernel,
        int chains, int burnIn, int draws, int proposalCount, BridgeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(kernel);
        var target = new Target<ContinuousChains>(model.Dimension, null, true, model.Energies, x => ContinuousKernel.Init(model, x, -1), s => s.Positions);
        return RunChains(key, target, beta, proposal, kernel, chains, burnIn, draws, proposalCount, settings ?? BridgeSettings.Default);
    }

    private sealed record Target<TState>(
        int Dimension, StateConvention? States, bool Continuous, Func<Mat, Vec> Energies, Func<Mat, TState> Init, Func<TState, Mat> Positions);

    private static Validation<Error, LogZEstimate> RunChains<TState, TInfo>(
        RngKey key, Target<TState> target, double beta, Proposal proposal, KernelStep<TState, TInfo> kernel,
        int chains, int burnIn, int draws, int proposalCount, BridgeSettings settings)
    {
        var errors = Seq<Error>();
        if (chains < 1) errors = errors.Add(SamplingEstimateErrors.InvalidArgument("chains", chains.ToString(), "it must be at least 1"));
        if (burnIn < 0) errors = errors.Add(SamplingEstimateErrors.InvalidArgument("burn-in", burnIn.ToString(), "it cannot be negative"));
        if (draws < EffectiveSampleSize.MinimumDrawsPerChain)
            errors = errors.Add(SamplingEstimateErrors.InvalidArgument("draws", draws.ToString(), $"each chain needs at least {EffectiveSampleSize.MinimumDrawsPerChain} recorded draws for the ESS"));
        var checks = ImportanceSampling.Check(target.Dimension, target.States, beta, target.Continuous, proposal, proposalCount);
        errors = checks.Match(_ => errors, e => errors + e);
        if (!errors.IsEmpty) return Fail<Error, LogZEstimate>(errors);

        var health = new SamplerHealth.Tally(chains);
        void Record(TInfo info)
        {
            if (info is IAcceptanceInfo acceptance) health.Record(acceptance);
        }

        var state = Loop.Run(key.FoldIn(1), target.Init(proposal.Sample(key.FoldIn(0), chains)), burnIn, kernel, (_, info) => Record(info));
        var (_, trace) = Loop.Scan(key.FoldIn(2), state, draws, kernel, (s, info) =>
        {
            Record(info);
            return target.Positions(s);
        });
        for (var t = 1; t < draws; t++) health.Compare(trace[t - 1], trace[t]);
        var d = target.Dimension;
        var flattened = Mat.Create(chains * draws, d, x =>
        {
            for (var t = 0; t < draws; t++)
                for (var c = 0; c < chains; c++)
                    trace[t].Row(c).CopyTo(x.Slice((c * draws + t) * d, d));
        });
        var withEss = settings;
        if (settings.EffectiveSamples1 is null)
        {
            // A proposal density of the wrong length leaves the count as it is; FromModel reports the mismatch.
            var ess = ImportanceSampling.LogWeights(target.Energies(flattened), beta, proposal.LogDensity(flattened))
                .Bind(logRatio => EffectiveSampleSize.Basic(Mat.Create(chains, draws, x => logRatio.Span.CopyTo(x))));
            withEss = settings with { EffectiveSamples1 = ess.Match(e => Math.Min(e, chains * draws), _ => chains * draws) };
        }

        var mcmcEvaluations = (long)chains * (burnIn + draws);
        return FromModel(key.FoldIn(3), d, target.States, beta, target.Continuous, target.Energies, proposal, flattened, proposalCount, withEss, mcmcEvaluations)
            .Map(estimate => estimate with { Warnings = estimate.EstimatorWarnings + health.Warnings("bridge's target") });
    }

    private static Validation<Error, LogZEstimate> FromModel(
        RngKey key, int dimension, StateConvention? states, double beta, bool continuous, Func<Mat, Vec> energies,
        Proposal proposal, Mat targetDraws, int proposalCount, BridgeSettings? settings, long extraEvaluations)
    {
        settings ??= BridgeSettings.Default;
        var errors = ImportanceSampling.Check(dimension, states, beta, continuous, proposal, proposalCount).Match(_ => Seq<Error>(), e => e);
        if (targetDraws.Columns != dimension) errors = errors.Add(SamplingEstimateErrors.DimensionMismatch("the target draws", targetDraws.Columns, dimension));
        if (targetDraws.Rows < 1) errors = errors.Add(SamplingEstimateErrors.InvalidArgument("the number of target draws", "0", "it must be at least 1"));
        errors += CheckSettings(settings, targetDraws.Rows);
        if (!errors.IsEmpty) return Fail<Error, LogZEstimate>(errors);
        var proposalDraws = proposal.Sample(key, proposalCount);
        return (from l1 in ImportanceSampling.LogWeights(energies(targetDraws), beta, proposal.LogDensity(targetDraws))
                from l2 in ImportanceSampling.LogWeights(energies(proposalDraws), beta, proposal.LogDensity(proposalDraws))
                select (l1, l2))
            .Match(
                weights => FromWeights(weights.l1, weights.l2, beta, settings, targetDraws.Rows, proposalCount, extraEvaluations),
                Fail<Error, LogZEstimate>);
    }

    private static Validation<Error, LogZEstimate> FromWeights(
        Vec l1, Vec l2, double beta, BridgeSettings settings, int targetCount, int proposalCount, long extraEvaluations)
    {
        var bad = l1.Span.ToArray().Count(x => !double.IsFinite(x));
        if (bad > 0)
            return Fail<Error, LogZEstimate>(SamplingEstimateErrors.InvalidArgument("the target draws", $"{bad} with a non-finite energy or proposal density", "every target draw needs a finite log ratio"));
        var estimate = Core(l1, l2, 0.0, beta, settings, targetCount + (long)proposalCount + extraEvaluations);
        return Success<Error, LogZEstimate>(estimate);
    }

    private static LogZEstimate Core(Vec l1, Vec l2, double logZ2, double beta, BridgeSettings settings, long evaluations)
    {
        var (n1, n2) = (l1.Length, l2.Length);
        var effective1 = settings.EffectiveSamples1 ?? n1;
        var (s1, s2) = (effective1 / (effective1 + n2), n2 / (effective1 + n2));
        var start = LogSpace.LogMeanExp(l2.Span);
        if (!double.IsFinite(start)) start = -LogSpace.LogMeanExp(l1.Span.ToArray().Select(x => -x).ToArray());
        var outcome = BridgeIteration.Solve(l1.Span, Uniform(n1), l2.Span, Uniform(n2), s1, s2, start, settings.Tolerance, settings.MaxIterations);
        var warnings = Seq<EstimateWarning>();
        if (!outcome.Converged)
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.BridgeNotConverged,
                $"the bridge did not converge: after {settings.MaxIterations} iteration(s) the ratio still changed by {outcome.LastChange:G3} per step. " +
                "The fixed point creeps when the proposal and the target draws hardly overlap (or the draws did not mix), and the estimate " +
                "is then unreliable, typically far low, with an error bar that does not cover it; do not trust it"));
        var standardError = n1 < 2 || n2 < 2
            ? double.PositiveInfinity
            : Math.Sqrt(BridgeIteration.RelativeSquaredError(l1.Span, l2.Span, s1, s2, outcome.LogRatio, effective1));
        if (n1 < 2 || n2 < 2)
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.FewSamples, $"{n1} draw(s) of p1 and {n2} of p2: no standard error can be estimated"));
        var (ess, largest) = BridgeIteration.Ess(l1.Span, l2.Span, s1, s2, outcome.LogRatio, effective1);
        if (ess < EstimateWarnings.MinimumVarianceEss || largest > EstimateWarnings.DegenerateMaxWeight)
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.WeightDegeneracy,
                $"one of the bridge's two sums rests on {ess:G3} effective draws (largest normalised term {largest:G3}): the proposal and the target " +
                "draws hardly overlap, so the estimate and its error are unreliable; do not trust them (use a proposal closer to the target, or anneal)"));
        return new LogZEstimate(Method, beta, logZ2 + outcome.LogRatio, standardError, ErrorSource.BridgeRelativeMeanSquaredError,
            ess, largest, n1 + n2, evaluations, warnings);
    }

    private static Seq<Error> CheckSettings(BridgeSettings settings, int n1)
    {
        var errors = Seq<Error>();
        if (!(settings.Tolerance > 0) || !double.IsFinite(settings.Tolerance))
            errors = errors.Add(SamplingEstimateErrors.InvalidArgument("the bridge tolerance", settings.Tolerance.ToString("R"), "it must be positive and finite"));
        if (settings.MaxIterations < 1)
            errors = errors.Add(SamplingEstimateErrors.InvalidArgument("the bridge iteration budget", settings.MaxIterations.ToString(), "it must be at least 1"));
        if (settings.EffectiveSamples1 is { } ess && !(ess > 0 && ess <= n1))
            errors = errors.Add(SamplingEstimateErrors.InvalidArgument("the effective size of the p1 draws", ess.ToString("R"), $"it must lie in (0, {n1}], the number of draws"));
        return errors;
    }

    private static Seq<Error> CheckValues(Seq<Error> errors, string what, Vec values, bool finite)
    {
        for (var i = 0; i < values.Length; i++)
            if (double.IsNaN(values[i]) || double.IsPositiveInfinity(values[i]) || (finite && !double.IsFinite(values[i])))
                return errors.Add(SamplingEstimateErrors.InvalidArgument(what, $"{values[i]} at entry {i}", finite ? "every value must be finite" : "no value may be NaN or +infinity"));
        return errors;
    }

    private static Vec Difference(Vec a, Vec b) => Vec.Create(a.Length, d =>
    {
        for (var i = 0; i < d.Length; i++) d[i] = a[i] - b[i];
    });

    private static double[] Uniform(int n) => Enumerable.Repeat(-Math.Log(n), n).ToArray();
}
