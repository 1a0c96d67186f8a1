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
        return Find(name).Match(
            t => FinSucc(new QuadratureRegion(t.Box.XMin - margin, t.Box.XMax + margin, t.Box.YMin - margin, t.Box.YMax + margin, t.FeatureScale, t.FeatureScale)),
            () => FinFail<QuadratureRegion>(DatasetErrors.UnknownToy(name, Names)));
    }
}
