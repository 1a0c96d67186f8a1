using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Finite-size tools: the heat-capacity peak and the crossing of Binder cumulants, which locate a continuous
/// transition from lattices of several sizes (Binder 1981; Landau and Binder 2014, ch. 4). For the 2-D Ising model the
/// peaks of C(L) approach Onsager's beta_c = ln(1 + sqrt 2) / 2 = 0.4407 from below as L grows, their shift shrinking like 1/L.
/// </summary>
public static class FiniteSize
{
    /// <summary>
    /// The maximum of C over <paramref name="points"/>: the vertex of the parabola through the largest C and its two
    /// neighbours (any spacing), with errors propagated linearly from the three C errors taken as independent.
    /// </summary>
    /// <remarks>
    /// Independent errors hold for exact points (0) and roughly for tempering rungs; for points of one reweighted curve,
    /// whose neighbouring errors are positively correlated, the position's error is an overestimate (a common shift
    /// of the curve does not move its vertex). A maximum at either end of the grid is an error: widen the range.
    /// </remarks>
    /// <param name="points">At least three points in increasing beta.</param>
    public static Fin<FiniteSizePeak> HeatCapacityPeak(IReadOnlyList<ThermoPoint> points)
    {
        if (points.Count < 3) return FinFail<FiniteSizePeak>(ThermoErrors.TooFewPoints("heat-capacity peak", 3, points.Count));
        var top = 0;
        for (var i = 1; i < points.Count; i++)
            if (points[i].HeatCapacity.Value > points[top].HeatCapacity.Value) top = i;
        if (top == 0 || top == points.Count - 1)
            return FinFail<FiniteSizePeak>(ThermoErrors.InvalidBetas($"the largest C lies at the end of the grid (beta = {points[top].Beta}); widen the range around the peak"));

        var x = new[] { points[top - 1].Beta, points[top].Beta, points[top + 1].Beta };
        var y = new[] { points[top - 1].HeatCapacity.Value, points[top].HeatCapacity.Value, points[top + 1].HeatCapacity.Value };
        var sigma = new[] { points[top - 1].HeatCapacity.Error, points[top].HeatCapacity.Error, points[top + 1].HeatCapacity.Error };
        var (beta, height) = Vertex(x, y);
        double betaVariance = 0, heightVariance = 0;
        for (var j = 0; j < 3; j++)
        {
            var h = Step(y[j]);
            var shifted = (double[])y.Clone();
            shifted[j] += h;
            var (b, c) = Vertex(x, shifted);
            betaVariance += Math.Pow((b - beta) / h * sigma[j], 2);
            heightVariance += Math.Pow((c - height) / h * sigma[j], 2);
        }

        return FinSucc(new FiniteSizePeak(new Measured(beta, Math.Sqrt(betaVariance)), new Measured(height, Math.Sqrt(heightVariance))));
    }

    /// <summary>
    /// The beta where the Binder cumulants of two lattice sizes cross: the first sign change of U_4(large) - U_4(small)
    /// over their common betas, interpolated linearly, with the error propagated from the four U_4 errors at the
    /// bracketing betas (independent runs, so independent errors).
    /// </summary>
    /// <param name="small">The smaller lattice's points, with order moments.</param>
    /// <param name="large">The larger lattice's points at the same betas, with order moments.</param>
    public static Fin<Measured> BinderCrossing(IReadOnlyList<ThermoPoint> small, IReadOnlyList<ThermoPoint> large)
    {
        if (small.Count != large.Count || small.Count < 2) return FinFail<Measured>(ThermoErrors.TooFewPoints("Binder crossing (the same betas for both sizes)", 2, Math.Min(small.Count, large.Count)));
        var binders = new List<(double Beta, Measured Small, Measured Large)>();
        for (var i = 0; i < small.Count; i++)
        {
            if (small[i].Beta != large[i].Beta) return FinFail<Measured>(ThermoErrors.InvalidBetas($"the two sizes differ at point {i}: {small[i].Beta} and {large[i].Beta}"));
            var pair = from s in small[i].Order from l in large[i].Order select (small[i].Beta, s.Binder, l.Binder);
            if (pair.IsNone) return FinFail<Measured>(ThermoErrors.InvalidSettings("points", $"no Binder cumulant at beta = {small[i].Beta} (a spin model's order moments are needed)"));
            binders.Add(pair.Match(p => p, () => default));
        }

        for (var i = 1; i < binders.Count; i++)
        {
            double d0 = binders[i - 1].Large.Value - binders[i - 1].Small.Value, d1 = binders[i].Large.Value - binders[i].Small.Value;
            if (Math.Sign(d0) == Math.Sign(d1) && d1 != 0) continue;
            double b0 = binders[i - 1].Beta, b1 = binders[i].Beta;
            var beta = b0 + (b1 - b0) * d0 / (d0 - d1);
            // d beta / d d0 = (b1 - b0) (-d1) / (d0 - d1)^2 and d beta / d d1 = (b1 - b0) d0 / (d0 - d1)^2.
            var scale = (b1 - b0) / ((d0 - d1) * (d0 - d1));
            var s0 = Math.Pow(binders[i - 1].Large.Error, 2) + Math.Pow(binders[i - 1].Small.Error, 2);
            var s1 = Math.Pow(binders[i].Large.Error, 2) + Math.Pow(binders[i].Small.Error, 2);
            return FinSucc(new Measured(beta, Math.Abs(scale) * Math.Sqrt(d1 * d1 * s0 + d0 * d0 * s1)));
        }

        return FinFail<Measured>(ThermoErrors.InvalidBetas("the Binder cumulants do not cross inside the range; widen it"));
    }

    /// <summary>The vertex of the parabola through three points.</summary>
    private static (double X, double Y) Vertex(double[] x, double[] y)
    {
        var d1 = (y[1] - y[0]) / (x[1] - x[0]);
        var d2 = (y[2] - y[1]) / (x[2] - x[1]);
        var a = (d2 - d1) / (x[2] - x[0]);
        var b = d1 - a * (x[0] + x[1]);
        var vertex = -b / (2 * a);
        var c = y[0] - a * x[0] * x[0] - b * x[0];
        return (vertex, c + b * vertex / 2);
    }

    private static double Step(double y) => 1e-6 * Math.Max(1.0, Math.Abs(y));
}
