using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>
/// Gaussian references for continuous models: the tractable base of <c>Paths.FromGaussian</c> and the
/// proposal of importance and bridge sampling. Either isotropic, N(0, s^2 I), or moment matched to a short HMC pilot
/// at the target: N(m, diag(w^2 v)) with m and v the pooled mean and variance of the pilot's draws and w the widening.
/// </summary>
/// <remarks>
/// <para>A reference close to the target makes every estimator cheaper: the variance of importance weights grows
/// with the divergence between proposal and target, and an annealing path from a close base needs fewer steps. The
/// widening (1.5 by default) keeps the reference's tails heavier than the target's in every coordinate, which keeps
/// the weights' variance finite (a proposal narrower than the target gives weights of infinite variance).</para>
/// <para>Pooling the chains keeps every mode they reach inside the reference; a mode no chain reaches is missed,
/// and the estimators' weight diagnostics (ESS, Pareto k) are what reveal it.</para>
/// <para>Robustness: non-finite draws are skipped; with fewer than two finite draws, or draws so far out that their
/// sum overflows, the reference falls back to N(0, s0^2 I) with s0 the start scale; a variance that overflows gives
/// the largest representable scale; each scale is at least 1e-3 before widening and within
/// [<see cref="MinScale"/>, <see cref="MaxScale"/>].</para>
/// <para>Random draws: <c>key.Split()</c> gives the starting points' key and the run's key; the run's key splits into
/// the burn-in's and the recorded steps'. The same key gives the same reference, bit for bit.</para>
/// <example><code>
/// var reference = GaussianReference.MomentMatched(RngKey.FromSeed(7), model, beta: 1.0, GaussianReferenceOptions.Default with { StepSize = 0.1 });
/// reference.Match(Succ: g =&gt; Console.WriteLine(g.Mean), Fail: e =&gt; Console.Error.WriteLine(e.Message));
/// </code></example>
/// </remarks>
public static class GaussianReference
{
    /// <summary>
    /// The smallest standard deviation s of a reference: s^2 must stay a normal double (s &gt;= 2^-511, about 1.5e-154)
    /// so that the precision 1/s^2 is finite; 1e-150 keeps a margin.
    /// </summary>
    public const double MinScale = 1e-150;

    /// <summary>
    /// The largest standard deviation s of a reference: the square of a draw 40 s from the mean, which the energy
    /// (x - mu)^2 / (2 s^2) and a path's interpolated gradients form, must stay finite ((40 s)^2 &lt;= 1.8e308, so
    /// s &lt;= 3.3e152); 1e150 keeps a margin.
    /// </summary>
    public const double MaxScale = 1e150;

    /// <summary>The smallest matched standard deviation before widening: a coordinate the pilot never moved still gets some spread.</summary>
    public const double MinMatchedDeviation = 1e-3;

    /// <summary>True when <paramref name="scale"/> makes a Gaussian whose density and precision are representable.</summary>
    /// <param name="scale">A standard deviation.</param>
    public static bool Representable(double scale) => scale is >= MinScale and <= MaxScale;

    /// <summary>N(0, s^2 I) in <paramref name="dimension"/> variables, or an error when s is not <see cref="Representable"/>.</summary>
    /// <param name="dimension">Number of variables, at least 1.</param>
    /// <param name="scale">The standard deviation s.</param>
    public static Fin<GaussianModel> Isotropic(int dimension, double scale) =>
        dimension < 1
            ? FinFail<GaussianModel>(AnnealingErrors.InvalidReference($"dimension must be at least 1, got {dimension}"))
            : !Representable(scale)
                ? FinFail<GaussianModel>(AnnealingErrors.InvalidReference($"scale must lie between {MinScale:0e0} and {MaxScale:0e0}, got {scale}"))
                : Diagonal(Vec.Zeros(dimension), Vec.Filled(dimension, scale));

    /// <summary>N(mean, diag(deviation^2)), or the model's errors (a non-finite mean, a deviation whose precision is not finite and positive).</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="deviation">The standard deviation of each coordinate, as long as <paramref name="mean"/>.</param>
    public static Fin<GaussianModel> Diagonal(Vec mean, Vec deviation)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(deviation);
        if (deviation.Length != mean.Length)
            return FinFail<GaussianModel>(AnnealingErrors.InvalidReference($"{deviation.Length} deviations for a mean of {mean.Length} coordinates"));
        var d = mean.Length;
        return GaussianModel.Create(mean, Mat.Create(d, d, p =>
        {
            for (var i = 0; i < d; i++) p[i * d + i] = 1.0 / (deviation[i] * deviation[i]);
        })).Match(FinSucc, errors => FinFail<GaussianModel>(Error.Many(errors)));
    }

    /// <summary>
    /// The diagonal Gaussian moment matched to a pilot HMC run at p_beta of <paramref name="model"/>, each standard
    /// deviation widened by <c>options.Widening</c>; an error when beta is not finite and &gt; 0 or an option is out of
    /// range (options built with <c>with</c> are checked as <see cref="GaussianReferenceOptions.Create"/> checks them).
    /// </summary>
    /// <param name="key">The pilot's key (the estimate's own draws should use another stream).</param>
    /// <param name="model">The target's energy.</param>
    /// <param name="beta">The target's inverse temperature, finite and &gt; 0.</param>
    /// <param name="options">The pilot (see <see cref="GaussianReferenceOptions.Create"/>).</param>
    /// <param name="progress">The pilot's fraction done, or null.</param>
    public static Fin<GaussianModel> MomentMatched(
        RngKey key, IContinuousModel model, double beta, GaussianReferenceOptions options, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (!(beta > 0) || double.IsInfinity(beta))
            return FinFail<GaussianModel>(AnnealingErrors.InvalidReference($"the pilot needs a finite beta > 0, got {beta}"));
        return GaussianReferenceOptions.Create(options.Chains, options.BurnIn, options.Draws, options.StepSize, options.LeapfrogSteps,
                options.Widening, options.StartScale)
            .Match(Succ: valid => Pilot(key, model, beta, valid, progress), Fail: errors => FinFail<GaussianModel>(Error.Many(errors)));
    }

    /// <summary>The pilot run and the widened moments of its draws, for checked options.</summary>
    private static Fin<GaussianModel> Pilot(RngKey key, IContinuousModel model, double beta, GaussianReferenceOptions options, IProgress<double>? progress)
    {
        var d = model.Dimension;
        var (startKey, runKey) = key.Split();
        return Isotropic(d, options.StartScale).Bind(startDistribution =>
        {
            var start = ExactDraws.Gaussian(startKey, options.Chains, startDistribution);
            var sampler = Hmc.Create(model, beta, options.StepSize, options.LeapfrogSteps);
            var (burnKey, drawKey) = runKey.Split();
            var state = Loop.Run(burnKey, sampler.Init(start), options.BurnIn, sampler.Step, Part(progress, 0, options.BurnIn, options.Steps));
            var (_, positions) = Loop.Scan(drawKey, state, options.Draws, sampler.Step, (s, _) => s.Positions,
                Part(progress, options.BurnIn, options.Draws, options.Steps));
            return Matched(positions, d, options, startDistribution);
        });
    }

    /// <summary>The widened moments of the finite draws, or <paramref name="fallback"/> when they say nothing usable.</summary>
    private static Fin<GaussianModel> Matched(Mat[] positions, int d, GaussianReferenceOptions options, GaussianModel fallback)
    {
        var sum = new double[d];
        var squares = new double[d];
        var count = 0;
        foreach (var batch in positions)
        for (var c = 0; c < batch.Rows; c++)
        {
            var row = batch.Row(c);
            if (!AllFinite(row)) continue;
            count++;
            for (var i = 0; i < d; i++)
            {
                sum[i] += row[i];
                squares[i] += row[i] * row[i];
            }
        }

        // Too few finite draws, or draws so far out that their sum overflows: the pilot says nothing usable.
        if (count < 2 || !sum.All(double.IsFinite)) return FinSucc(fallback);
        var mean = Vec.Create(d, m =>
        {
            for (var i = 0; i < d; i++) m[i] = sum[i] / count;
        });
        var deviation = Vec.Create(d, s =>
        {
            for (var i = 0; i < d; i++)
            {
                var variance = Math.Max(0.0, (squares[i] - count * mean[i] * mean[i]) / (count - 1));
                // A pilot that wandered far can overflow the sum of squares (Inf - Inf is NaN); the reference stays representable.
                s[i] = double.IsFinite(variance)
                    ? Math.Clamp(options.Widening * Math.Max(Math.Sqrt(variance), MinMatchedDeviation), MinScale, MaxScale)
                    : MaxScale;
            }
        });
        return Diagonal(mean, deviation);
    }

    /// <summary>The pilot's overall fraction done while <paramref name="steps"/> steps after the first <paramref name="before"/> of <paramref name="total"/> run.</summary>
    private static IProgress<double>? Part(IProgress<double>? progress, int before, int steps, int total) =>
        progress is null ? null : new Progress(fraction => progress.Report((before + fraction * steps) / total));

    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    private static bool AllFinite(ReadOnlySpan<double> row)
    {
        foreach (var x in row)
            if (!double.IsFinite(x)) return false;
        return true;
    }
}
