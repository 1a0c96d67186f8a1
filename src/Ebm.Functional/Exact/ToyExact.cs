using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact thermodynamics of the 2-D energies (double well, ring, Gaussian mixture, 2-D Gaussian) by
/// <see cref="Quadrature2D"/> on a box derived from each energy's growth.
/// </summary>
/// <remarks>
/// <para>Each box is chosen so that beta (E - E_min) &gt;= T (the tail exponent of
/// <see cref="QuadratureSettings"/>, default 60) everywhere outside it. The truncated tails then
/// hold a fraction of Z of order erfc(sqrt(T)) = 1.5e-28 at T = 60, because each energy is cut in
/// a Gaussian variable at sqrt(2 T) standard deviations: each coordinate of the Gaussian (exactly
/// 2 erfc(sqrt(T)) at most); the double well's y and its u = x^2 - 1 (a factor 1/erf(sqrt(beta
/// barrier)) more); the ring's u = r^2 - radius^2 (at most erfc(sqrt(T))); each tempered component
/// of a K-component mixture (a factor at most K^2 more). The boxes:</para>
/// <list type="bullet">
/// <item>Double well (E_min = 0): |x| &lt;= sqrt(1 + sqrt(T / (beta barrier))), |y| &lt;= sqrt(2 T / (beta stiffness)).</item>
/// <item>Ring (E_min = 0): |x|, |y| &lt;= sqrt(radius^2 + sqrt(T / (beta scale))).</item>
/// <item>Gaussian (E_min = 0): |x_i - mu_i| &lt;= sqrt(2 T (P^-1)_ii / beta), since r_i^2 &lt;= (r^T P r) (P^-1)_ii.</item>
/// <item>Mixture: with c_k = w_k / (2 pi sigma_k^2), outside [min_k(mu_k - t sigma_k), max_k(mu_k + t sigma_k)]
/// on either axis every |x - mu_k| &gt;= t sigma_k, so E &gt;= t^2/2 - log sum_k c_k, while
/// E_min &lt;= min_k E(mu_k) &lt;= -max_k log c_k; hence t = sqrt(2 (T / beta + L)) with
/// L = log sum_k c_k - max_k log c_k (between 0 and log K).</item>
/// </list>
/// <para>The feature scales (the first grid's largest step) are the widths of the peaks of
/// exp(-beta E): 1/sqrt(beta P_ii) for the Gaussian, sigma_min / sqrt(beta) for the mixture,
/// min(1/sqrt(8 beta a), (beta a)^(-1/4)) for the quartic wells (a = barrier, or scale radius^2
/// for the ring's radial profile) and 1/sqrt(beta stiffness) along the double well's y.</para>
/// </remarks>
/// <example><code>
/// var wells = (DoubleWell)DoubleWell.Create(barrier: 2.0, stiffness: 1.0);
/// var result = ToyExact.Compute(wells, beta: 1.0);   // Fin&lt;ExactResult&gt;, method "quadrature"
/// result.Match(r =&gt; Console.WriteLine(r.LogZ), e =&gt; Console.Error.WriteLine(e.Message));
/// </code></example>
public static class ToyExact
{
    /// <summary>log Z, U and Var(E) of a 2-D energy by quadrature; see <see cref="Quadrature"/> for the error estimates.</summary>
    public static Fin<ExactResult> Compute(IContinuousModel model, double beta, QuadratureSettings? settings = null) =>
        Quadrature(model, beta, settings).Map(result => result.Exact);

    /// <summary>The full quadrature result (values and error estimates) on the box of <see cref="Region"/>.</summary>
    public static Fin<QuadratureResult> Quadrature(IContinuousModel model, double beta, QuadratureSettings? settings = null)
    {
        settings ??= QuadratureSettings.Default;
        return Region(model, beta, settings).Bind(region => Quadrature2D.Compute(model, beta, region, settings));
    }

    /// <summary>
    /// The integration box and feature scales for a double well, ring, Gaussian mixture or 2-D
    /// Gaussian at <paramref name="beta"/> (see the remarks for the derivations); other models fail, and so
    /// does a box that no grid within the limits covers, with an error naming the model field to blame
    /// (<see cref="QuadratureErrors.FieldOutOfRange"/>).
    /// </summary>
    public static Fin<QuadratureRegion> Region(IContinuousModel model, double beta, QuadratureSettings? settings = null)
    {
        settings ??= QuadratureSettings.Default;
        settings.Validate();
        if (!double.IsFinite(beta) || !(beta > 0))
            return FinFail<QuadratureRegion>(ExactErrors.InvalidBeta(beta, "quadrature needs a finite beta > 0 (at beta <= 0 the integral over the plane diverges)"));
        var tail = settings.TailExponent;
        QuadratureRegion? region = model switch
        {
            DoubleWell wells => DoubleWellRegion(wells, beta, tail),
            RingEnergy ring => RingRegion(ring, beta, tail),
            GaussianMixture2D mixture => MixtureRegion(mixture, beta, tail),
            GaussianModel { Dimension: 2 } gaussian => GaussianRegion(gaussian, beta, tail),
            _ => null,
        };
        return region is null
            ? FinFail<QuadratureRegion>(ExactErrors.MethodNotApplicable(
                Quadrature2D.MethodName, $"{model.Kind} of dimension {model.Dimension}",
                "the quadrature box is known for the double well, the ring, the 2-D Gaussian mixture and 2-D Gaussians; " +
                "for another 2-D energy give the box, LogPartition.Exact(model, beta, region: new QuadratureRegion(...))"))
            : QuadratureFields.Check(model, beta, region, settings);
    }

    private static QuadratureRegion DoubleWellRegion(DoubleWell wells, double beta, double tail)
    {
        var halfWidth = Math.Sqrt(1.0 + Math.Sqrt(tail / (beta * wells.Barrier)));
        var halfHeight = Math.Sqrt(2.0 * tail / (beta * wells.Stiffness));
        return new QuadratureRegion(-halfWidth, halfWidth, -halfHeight, halfHeight,
            QuarticWellWidth(beta * wells.Barrier), 1.0 / Math.Sqrt(beta * wells.Stiffness));
    }

    private static QuadratureRegion RingRegion(RingEnergy ring, double beta, double tail)
    {
        var half = Math.Sqrt(ring.Radius * ring.Radius + Math.Sqrt(tail / (beta * ring.Scale)));
        var width = Math.Min(1.0 / Math.Sqrt(8.0 * beta * ring.Scale * ring.Radius * ring.Radius), Math.Pow(beta * ring.Scale, -0.25));
        return new QuadratureRegion(-half, half, -half, half, width, width);
    }

    private static QuadratureRegion GaussianRegion(GaussianModel gaussian, double beta, double tail)
    {
        var p = gaussian.Precision;
        var determinant = p[0, 0] * p[1, 1] - p[0, 1] * p[1, 0];
        var halfWidth = Math.Sqrt(2.0 * tail * (p[1, 1] / determinant) / beta);
        var halfHeight = Math.Sqrt(2.0 * tail * (p[0, 0] / determinant) / beta);
        double mx = gaussian.Mean[0], my = gaussian.Mean[1];
        return new QuadratureRegion(mx - halfWidth, mx + halfWidth, my - halfHeight, my + halfHeight,
            1.0 / Math.Sqrt(beta * p[0, 0]), 1.0 / Math.Sqrt(beta * p[1, 1]));
    }

    private static QuadratureRegion MixtureRegion(GaussianMixture2D mixture, double beta, double tail)
    {
        var components = mixture.Weights.Length;
        var largestLogC = double.NegativeInfinity;
        var logC = new double[components];
        for (var k = 0; k < components; k++)
        {
            var sigma = mixture.Sigmas[k];
            logC[k] = Math.Log(mixture.Weights[k]) - Math.Log(2.0 * Math.PI) - 2.0 * Math.Log(sigma);
            largestLogC = Math.Max(largestLogC, logC[k]);
        }

        var sum = 0.0;
        foreach (var value in logC) sum += Math.Exp(value - largestLogC);
        var reach = Math.Sqrt(2.0 * (tail / beta + Math.Log(sum)));
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity, yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        var narrowest = double.PositiveInfinity;
        for (var k = 0; k < components; k++)
        {
            var extent = reach * mixture.Sigmas[k];
            xMin = Math.Min(xMin, mixture.Means[k, 0] - extent);
            xMax = Math.Max(xMax, mixture.Means[k, 0] + extent);
            yMin = Math.Min(yMin, mixture.Means[k, 1] - extent);
            yMax = Math.Max(yMax, mixture.Means[k, 1] + extent);
            narrowest = Math.Min(narrowest, mixture.Sigmas[k]);
        }

        var width = narrowest / Math.Sqrt(beta);
        return new QuadratureRegion(xMin, xMax, yMin, yMax, width, width);
    }

    /// <summary>
    /// Width of the peaks of exp(-c (u^2 - 1)^2): 1/sqrt(8 c) near u = +-1 when they are sharp,
    /// c^(-1/4) when the quartic dominates (small c).
    /// </summary>
    private static double QuarticWellWidth(double c) => Math.Min(1.0 / Math.Sqrt(8.0 * c), Math.Pow(c, -0.25));
}
