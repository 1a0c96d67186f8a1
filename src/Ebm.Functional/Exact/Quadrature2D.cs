using System.Numerics;
using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// log Z(beta), U = &lt;E&gt; and Var(E) of any 2-D continuous energy by the tensor-product trapezoid
/// rule on a box, refined until two successive grids agree: method "quadrature".
/// </summary>
/// <remarks>
/// <para>Z(beta) = integral of exp(-beta E(x, y)) over the plane, truncated to the box of a
/// <see cref="QuadratureRegion"/> and computed in log space:
/// log Z = -beta s + log(h_x h_y sum_ij w_i w_j exp(-beta (E_ij - s))), where s is the smallest
/// energy on the grid (any shift is exact; the smallest keeps every term in (0, 1]) and w = 1/2 at
/// the ends, 1 inside. U and Var(E) are the weighted mean and variance of the node energies,
/// accumulated per grid row (two passes over the row) and merged pairwise with the parallel-variance
/// formula of Chan, Golub and LeVeque (1979), so nothing cancels catastrophically.</para>
/// <para>Accuracy: for an integrand analytic in a strip about the real axis and negligible at the
/// box edges, the trapezoid rule converges exponentially, like exp(-2 pi a / h) or faster
/// (exp(-c / h^2) for Gaussian-like decay) (Trefethen and Weideman, SIAM Review 56, 2014). The first
/// grid has a step no larger than the region's feature scales (and at least
/// <see cref="QuadratureSettings.MinIntervals"/> intervals); each refinement halves the step on both
/// axes. The result is the finest grid's; its error estimate is the difference from the previous
/// grid, and it is returned once that is below <see cref="QuadratureSettings.Tolerance"/> (default
/// 1e-12, scaled as in <see cref="QuadratureResult.EstimatedError"/>). A grid over
/// <see cref="QuadratureSettings.MaxIntervals"/> is an error, never a silent approximation.</para>
/// <para>Deterministic: rows are evaluated in parallel into their own slots and merged in a fixed
/// tree order, so the result is bit-identical for any thread count.</para>
/// <para>Warning: the box must hold the mass. An energy that does not grow outside it, or a peak
/// narrower than the feature scale claims, is integrated wrongly without complaint.</para>
/// </remarks>
/// <example><code>
/// var ring = (RingEnergy)RingEnergy.Create(radius: 1, scale: 0.1);
/// var region = (QuadratureRegion)ToyExact.Region(ring, beta: 1.0);
/// var result = (QuadratureResult)Quadrature2D.Compute(ring, 1.0, region);
/// Console.WriteLine($"{result.Exact.LogZ} +- {result.LogZError}");
/// </code></example>
public static class Quadrature2D
{
    /// <summary>The method name written into <see cref="ExactResult.Method"/>.</summary>
    public const string MethodName = "quadrature";

    /// <summary>Grids with fewer nodes than this are evaluated on one thread.</summary>
    private const int ParallelNodeThreshold = 1 << 16;

    /// <summary>
    /// Integrates exp(-beta E) of the 2-D <paramref name="model"/> over <paramref name="region"/>;
    /// fails on beta not a positive finite number, a model that is not 2-D, an invalid region, a NaN
    /// energy, or no convergence within the grid limit.
    /// </summary>
    public static Fin<QuadratureResult> Compute(IContinuousModel model, double beta, QuadratureRegion region, QuadratureSettings? settings = null)
    {
        settings ??= QuadratureSettings.Default;
        settings.Validate();
        if (!double.IsFinite(beta) || !(beta > 0))
            return FinFail<QuadratureResult>(ExactErrors.InvalidBeta(beta, "quadrature needs a finite beta > 0 (at beta <= 0 the integral over the plane diverges)"));
        if (model.Dimension != 2)
            return FinFail<QuadratureResult>(ExactErrors.MethodNotApplicable(MethodName, $"{model.Kind} of dimension {model.Dimension}", "2-D quadrature needs a model over the plane"));
        if (region.Problem() is { } problem) return FinFail<QuadratureResult>(QuadratureErrors.InvalidRegion(problem));

        var xNeeded = QuadratureFields.NeededIntervals(region.XMin, region.XMax, region.XScale);
        var yNeeded = QuadratureFields.NeededIntervals(region.YMin, region.YMax, region.YScale);
        if (Math.Max(xNeeded, yNeeded) > settings.MaxIntervals)
            return FinFail<QuadratureResult>(QuadratureErrors.TooFine(model.Kind, Math.Max(xNeeded, yNeeded), settings.MaxIntervals));
        var xIntervals = FirstIntervals(xNeeded, settings);
        var yIntervals = FirstIntervals(yNeeded, settings);
        return QuadratureGrid.Integrate(model, beta, region, xIntervals, yIntervals, ParallelNodeThreshold, settings.MaxDegreeOfParallelism)
            .Bind(first => Refine(model, beta, region, settings, first, xIntervals, yIntervals, double.PositiveInfinity))
            .Bind(result => ExactResultCheck.Finite(model, result.Exact).Map(_ => result));
    }

    /// <summary>Halves the step of the grid that gave <paramref name="coarse"/> until two successive grids agree or the limit is reached.</summary>
    private static Fin<QuadratureResult> Refine(
        IContinuousModel model, double beta, QuadratureRegion region, QuadratureSettings settings,
        ExactResult coarse, int xIntervals, int yIntervals, double lastError)
    {
        int xFine = 2 * xIntervals, yFine = 2 * yIntervals;
        if (xFine > settings.MaxIntervals || yFine > settings.MaxIntervals)
            return FinFail<QuadratureResult>(QuadratureErrors.NotConverged(model.Kind, lastError, settings.Tolerance, Math.Max(xIntervals, yIntervals)));
        return QuadratureGrid.Integrate(model, beta, region, xFine, yFine, ParallelNodeThreshold, settings.MaxDegreeOfParallelism).Bind(fine =>
        {
            var result = Compare(coarse, fine, xFine, yFine);
            return result.EstimatedError <= settings.Tolerance
                ? FinSucc(result)
                : Refine(model, beta, region, settings, fine, xFine, yFine, result.EstimatedError);
        });
    }

    private static QuadratureResult Compare(ExactResult coarse, ExactResult fine, int xIntervals, int yIntervals) =>
        new(fine,
            Math.Abs(fine.LogZ - coarse.LogZ),
            Math.Abs(fine.MeanEnergy - coarse.MeanEnergy),
            Math.Abs(fine.EnergyVariance - coarse.EnergyVariance),
            xIntervals,
            yIntervals)
        {
            HeatCapacityError = Math.Abs(fine.HeatCapacity - coarse.HeatCapacity),
        };

    /// <summary>The smallest power of two at or above both the needed count and the minimum.</summary>
    private static int FirstIntervals(double needed, QuadratureSettings settings) =>
        Math.Max(settings.MinIntervals, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(needed, 1.0)));
}
