using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The pilot run of <see cref="GaussianReference.MomentMatched"/>: HMC (identity mass) at the target with
/// <see cref="Chains"/> chains started from N(0, <see cref="StartScale"/>^2 I), <see cref="BurnIn"/> steps discarded and
/// <see cref="Draws"/> recorded, and the widening of the matched standard deviations. Build it with <see cref="Create"/>.
/// </summary>
/// <param name="Chains">Pilot chains, at least 1 (their draws are pooled, so every mode a chain reaches stays inside the reference).</param>
/// <param name="BurnIn">Steps run and discarded, at least 0.</param>
/// <param name="Draws">Steps recorded per chain, at least 1.</param>
/// <param name="StepSize">HMC leapfrog step, finite and &gt; 0.</param>
/// <param name="LeapfrogSteps">Leapfrog steps per trajectory, at least 1.</param>
/// <param name="Widening">Each matched standard deviation is multiplied by this factor (at least 1), so that the reference's tails cover the target's.</param>
/// <param name="StartScale">Standard deviation of the chains' starting points, and of the fallback reference when the pilot yields nothing usable.</param>
public sealed record GaussianReferenceOptions(int Chains, int BurnIn, int Draws, double StepSize, int LeapfrogSteps, double Widening, double StartScale)
{
    /// <summary>The pilot of the <c>ebm</c> tool: 16 chains from N(0, 9 I), 200 + 200 HMC steps of 0.2 x 10, widening 1.5.</summary>
    public static GaussianReferenceOptions Default { get; } = new(16, 200, 200, 0.2, 10, 1.5, 3.0);

    /// <summary>Steps of the pilot: burn-in and recorded.</summary>
    public int Steps => BurnIn + Draws;

    /// <summary>The options, or every field that is out of range.</summary>
    /// <param name="chains">Pilot chains, at least 1.</param>
    /// <param name="burnIn">Steps discarded, at least 0.</param>
    /// <param name="draws">Steps recorded per chain, at least 1.</param>
    /// <param name="stepSize">HMC leapfrog step, finite and &gt; 0.</param>
    /// <param name="leapfrogSteps">Leapfrog steps per trajectory, at least 1.</param>
    /// <param name="widening">Factor on every matched standard deviation, finite and at least 1.</param>
    /// <param name="startScale">Standard deviation of the starting points, a representable reference scale.</param>
    public static Validation<Error, GaussianReferenceOptions> Create(
        int chains, int burnIn, int draws, double stepSize, int leapfrogSteps, double widening = 1.5, double startScale = 3.0)
    {
        var errors = Seq<Error>();
        if (chains < 1) errors = errors.Add(AnnealingErrors.InvalidReference($"chains must be at least 1, got {chains}"));
        if (burnIn < 0) errors = errors.Add(AnnealingErrors.InvalidReference($"burn-in must be at least 0, got {burnIn}"));
        if (draws < 1) errors = errors.Add(AnnealingErrors.InvalidReference($"draws must be at least 1, got {draws}"));
        if (!(stepSize > 0) || double.IsInfinity(stepSize)) errors = errors.Add(AnnealingErrors.InvalidReference($"step size must be finite and > 0, got {stepSize}"));
        if (leapfrogSteps < 1) errors = errors.Add(AnnealingErrors.InvalidReference($"leapfrog steps must be at least 1, got {leapfrogSteps}"));
        if (!(widening >= 1) || double.IsInfinity(widening)) errors = errors.Add(AnnealingErrors.InvalidReference($"widening must be finite and >= 1, got {widening}"));
        if (!GaussianReference.Representable(startScale))
            errors = errors.Add(AnnealingErrors.InvalidReference(
                $"start scale must lie between {GaussianReference.MinScale:0e0} and {GaussianReference.MaxScale:0e0}, got {startScale}"));
        return errors.IsEmpty
            ? Success<Error, GaussianReferenceOptions>(new GaussianReferenceOptions(chains, burnIn, draws, stepSize, leapfrogSteps, widening, startScale))
            : Fail<Error, GaussianReferenceOptions>(errors);
    }
}
