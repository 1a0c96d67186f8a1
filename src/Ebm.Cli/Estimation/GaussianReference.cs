using Ebm.Functional.Annealing;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;
using Reference = Ebm.Functional.Annealing.GaussianReference;

namespace Ebm.Cli.Estimation;

/// <summary>
/// The Gaussian reference of continuous models under <c>ebm logz</c>: N(0, s^2 I) when --reference-scale gives s,
/// otherwise <see cref="Reference.MomentMatched"/> on the tool's pilot (<see cref="GaussianReferenceOptions.Default"/>
/// with --step-size and --leapfrog-steps) at the target, on its own key stream <c>FromSeed(seed).FoldIn(PilotStream)</c>,
/// so the estimate's draws never see it.
/// </summary>
internal static class GaussianReference
{
    /// <summary>The smallest --reference-scale (<see cref="Reference.MinScale"/>).</summary>
    public const double MinScale = Reference.MinScale;

    /// <summary>The largest --reference-scale (<see cref="Reference.MaxScale"/>).</summary>
    public const double MaxScale = Reference.MaxScale;

    /// <summary>The key stream of the pilot.</summary>
    private const long PilotStream = 0x9E5;

    /// <summary>True when <paramref name="scale"/> makes a Gaussian whose density and precision are representable.</summary>
    public static bool Representable(double scale) => Reference.Representable(scale);

    /// <summary>True when the reference of <paramref name="request"/> comes from a pilot run (no --reference-scale).</summary>
    public static bool NeedsPilot(LogzRequest request) => request.ReferenceScale is null;

    /// <summary>The pilot <paramref name="request"/> runs: the tool's default with its step size and leapfrog steps.</summary>
    public static GaussianReferenceOptions Pilot(LogzRequest request) =>
        GaussianReferenceOptions.Default with { StepSize = request.StepSize, LeapfrogSteps = request.LeapfrogSteps };

    /// <summary>The reference for <paramref name="model"/> under <paramref name="request"/>; the pilot reports to <paramref name="progress"/>.</summary>
    public static Fin<GaussianModel> For(IContinuousModel model, LogzRequest request, IProgress<double>? progress = null) =>
        request.ReferenceScale is { } scale
            ? Reference.Isotropic(model.Dimension, scale)
            : Reference.MomentMatched(RngKey.FromSeed(request.Seed).FoldIn(PilotStream), model, request.Beta, Pilot(request), progress);
}
