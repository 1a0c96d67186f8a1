using Ebm.Functional.Exact;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Datasets;

/// <summary>The box of each toy's data and the <see cref="QuadratureRegion"/> of a model fitted to it.</summary>
public static partial class Toys2D
{
    /// <summary>
    /// The region for <see cref="Quadrature2D"/> of a model fitted to the toy <paramref name="name"/>: the box holding all
    /// but about 1e-9 of the data's mass (six noise deviations beyond the noiseless shape), widened by
    /// <paramref name="margin"/> data units on every side, and the toy's narrowest feature as the feature scale on both
    /// axes (the noise deviation: 0.1 for ring, two-moons and two-spirals, 0.2 across a pinwheel arm, 0.5 / √2 for eight
    /// Gaussians, a quarter square for the checkerboard, whose edges a smooth model rounds off).
    /// </summary>
    /// <remarks>
    /// A model whose density has mass beyond the box, or a feature narrower than the scale, is integrated wrongly without
    /// complaint (see <see cref="QuadratureRegion"/>): widen the margin for a model far from its data.
    /// </remarks>
    /// <returns>The region, or <see cref="DatasetErrors.UnknownToy"/> / <see cref="DatasetErrors.InvalidSetting"/> for a margin that is negative or not finite.</returns>
    public static Fin<QuadratureRegion> Region(string name, double margin = 1.0)
    {
        if (!double.IsFinite(margin) || margin < 0)
            return FinFail<QuadratureRegion>(DatasetErrors.InvalidSetting("toy region margin", $"must be a finite number >= 0, got {margin}"));
        var found = name switch
        {
            "ring" => Some((Box: (-2.6, 2.6, -2.6, 2.6), Scale: RingNoise)),
            "two-moons" => Some((Box: (-1.6, 2.6, -1.1, 1.6), Scale: MoonsNoise)),
            "eight-gaussians" => Some((Box: (-4.95, 4.95, -4.95, 4.95), Scale: EightGaussiansStandardDeviation)),
            "checkerboard" => Some((Box: (-4.0, 4.0, -4.0, 4.0), Scale: CheckerboardSquare / 4)),
            "two-spirals" => Some((Box: (-3.75, 3.75, -3.75, 3.75), Scale: SpiralsNoise)),
            "pinwheel" => Some((Box: (-5.6, 5.6, -5.6, 5.6), Scale: 2 * PinwheelTangentialDeviation)),
            _ => Option<((double, double, double, double) Box, double Scale)>.None,
        };
        return found.Match(
            t => FinSucc(new QuadratureRegion(t.Box.Item1 - margin, t.Box.Item2 + margin, t.Box.Item3 - margin, t.Box.Item4 + margin, t.Scale, t.Scale)),
            () => FinFail<QuadratureRegion>(DatasetErrors.UnknownToy(name, Names)));
    }
}
