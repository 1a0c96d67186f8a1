namespace Ebm.Functional.Estimators;

/// <summary>The quadrature rule of thermodynamic integration.</summary>
public enum IntegrationRule
{
    /// <summary>The composite trapezoid rule on any grid; error O(h^2).</summary>
    Trapezoid,

    /// <summary>
    /// Composite Simpson on pairs of intervals, in its form for non-uniform grids; with an odd number of intervals
    /// the last one uses the quadratic through the last three points. Needs at least three points; error O(h^4).
    /// </summary>
    Simpson,
}
