namespace Ebm.Functional.Exact;

/// <summary>
/// The box [XMin, XMax] x [YMin, YMax] that <see cref="Quadrature2D"/> integrates over, and the width
/// of the narrowest feature of the integrand along each axis.
/// </summary>
/// <remarks>
/// The box must hold all of the mass that matters: the integrand exp(-beta (E - E_min)) should be
/// below double precision on and beyond its edges (see <see cref="ToyExact.Region"/> for how the box
/// is derived for each toy energy). The feature scales set the first grid: its step is at most the
/// scale, so no peak can fall between the nodes of two successive grids unnoticed.
/// </remarks>
/// <param name="XMin">Left edge.</param>
/// <param name="XMax">Right edge (greater than XMin).</param>
/// <param name="YMin">Bottom edge.</param>
/// <param name="YMax">Top edge (greater than YMin).</param>
/// <param name="XScale">Width of the narrowest feature of the integrand along x (positive).</param>
/// <param name="YScale">Width of the narrowest feature of the integrand along y (positive).</param>
public sealed record QuadratureRegion(double XMin, double XMax, double YMin, double YMax, double XScale, double YScale)
{
    /// <summary>The problem with this region, or null when it is a finite non-empty box with positive scales.</summary>
    public string? Problem()
    {
        if (!double.IsFinite(XMin) || !double.IsFinite(XMax) || !double.IsFinite(YMin) || !double.IsFinite(YMax))
            return $"the box [{XMin}, {XMax}] x [{YMin}, {YMax}] is not finite";
        if (!(XMax > XMin) || !(YMax > YMin)) return $"the box [{XMin}, {XMax}] x [{YMin}, {YMax}] is empty";
        if (!(XScale > 0) || !(YScale > 0) || !double.IsFinite(XScale) || !double.IsFinite(YScale))
            return $"the feature scales ({XScale}, {YScale}) must be positive finite numbers";
        return null;
    }
}
