using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Checks the box <see cref="ToyExact.Region"/> derives for a toy energy, and when no grid can integrate over it
/// says which model field (as the model file spells it) and which value is to blame.
/// </summary>
/// <remarks>
/// Three things can go wrong, each from the fields at this beta: the box is not finite (exp(-beta E) so flat,
/// beta times a barrier, stiffness, scale or 1/sigma^2 so small, that the mass reaches beyond 1.8e308); the box
/// or a feature width collapses below the rounding of the coordinates (a peak narrower than the spacing of
/// doubles near a mean of 1e300); or resolving the narrowest feature across the box needs more intervals than
/// <see cref="QuadratureSettings.MaxIntervals"/> (components 1e300 apart, wells 1e-6 wide in a box of width 2).
/// Along each axis the field responsible is: the double well's barrier (x) and stiffness (y); the ring's radius
/// when it exceeds 1, else its scale; the Gaussian's mean when the box is lost in its rounding, else its
/// precision; the mixture's means when their spread on that axis is wider than the components, else its sigmas.
/// </remarks>
internal static class QuadratureFields
{
    /// <summary><paramref name="region"/> when a grid within the limits can cover it, else the error naming the field.</summary>
    public static Fin<QuadratureRegion> Check(IContinuousModel model, double beta, QuadratureRegion region, QuadratureSettings settings)
    {
        var x = Axis("x", region.XMin, region.XMax, region.XScale, settings.MaxIntervals);
        var y = Axis("y", region.YMin, region.YMax, region.YScale, settings.MaxIntervals);
        if (x is null && y is null) return FinSucc(region);
        var (axis, why) = x is not null ? ("x", x) : ("y", y!);
        var (field, value) = Culprit(model, axis, region);
        return FinFail<QuadratureRegion>(QuadratureErrors.FieldOutOfRange(model.Kind, field, value, beta, why));
    }

    /// <summary>Intervals of the feature scale that span the axis: the size of the first grid.</summary>
    public static double NeededIntervals(double min, double max, double scale) => Math.Ceiling((max - min) / scale);

    private static string? Axis(string axis, double min, double max, double scale, int limit)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !double.IsFinite(max - min))
            return $"exp(-beta E) is so flat along {axis} that the box holding its mass reaches beyond the largest double";
        if (!(max > min) || !(scale > 0) || !double.IsFinite(scale))
            return $"the peaks of exp(-beta E) along {axis} are narrower than the spacing of doubles where they lie";
        var needed = NeededIntervals(min, max, scale);
        if (needed > limit)
            return $"resolving its narrowest feature along {axis} ({Number(scale)} wide) across the box [{Number(min)}, {Number(max)}] " +
                   $"needs {needed:G3} intervals, more than the limit of {limit}";
        return null;
    }

    private static (string Field, string Value) Culprit(IContinuousModel model, string axis, QuadratureRegion region) => model switch
    {
        DoubleWell wells => axis == "x" ? ("barrier", Number(wells.Barrier)) : ("stiffness", Number(wells.Stiffness)),
        RingEnergy ring => Math.Abs(ring.Radius) > 1.0 ? ("radius", Number(ring.Radius)) : ("scale", Number(ring.Scale)),
        GaussianModel gaussian => GaussianCulprit(gaussian, axis == "x" ? 0 : 1, axis == "x" ? region.XScale : region.YScale),
        GaussianMixture2D mixture => MixtureCulprit(mixture, axis == "x" ? 0 : 1),
        _ => ("energy", model.Kind),
    };

    /// <summary>The mean when the box about it is below its rounding (or not finite); the precision otherwise.</summary>
    private static (string, string) GaussianCulprit(GaussianModel gaussian, int axis, double scale)
    {
        var mean = gaussian.Mean[axis];
        var lostInRounding = !(scale > 0) || mean + scale == mean;
        return lostInRounding && mean != 0.0
            ? ("mean", $"{Number(mean)} at index {axis}")
            : ("precision", $"{Number(gaussian.Precision[axis, axis])} on the diagonal at index {axis}");
    }

    /// <summary>The means when their spread along the axis exceeds the widest component, else the sigmas (by their extremes).</summary>
    private static (string, string) MixtureCulprit(GaussianMixture2D mixture, int axis)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity, narrowest = double.PositiveInfinity, widest = 0.0;
        for (var k = 0; k < mixture.Weights.Length; k++)
        {
            low = Math.Min(low, mixture.Means[k, axis]);
            high = Math.Max(high, mixture.Means[k, axis]);
            narrowest = Math.Min(narrowest, mixture.Sigmas[k]);
            widest = Math.Max(widest, mixture.Sigmas[k]);
        }

        return !(high - low <= widest)
            ? ("means", $"{(axis == 0 ? "x" : "y")} from {Number(low)} to {Number(high)}")
            : ("sigmas", $"{Number(narrowest)} to {Number(widest)}");
    }

    private static string Number(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
