using Ebm.Functional.Models;
using LanguageExt;
using MathNet.Numerics.Integration;
using static LanguageExt.Prelude;
using Dd = Ebm.Functional.Exact.IsingDoubleDouble;

namespace Ebm.Functional.Exact;

/// <summary>
/// Onsager's (1944) exact solution of the infinite square-lattice Ising model at zero field: free energy,
/// internal energy and specific heat per site, Yang's (1952) spontaneous magnetisation and T_c.
/// </summary>
/// <remarks>
/// <para>With K = beta |J|, kappa = 2 sinh 2K / cosh^2 2K and kappa' = |2 tanh^2 2K - 1| = sqrt(1 - kappa^2):</para>
/// <para>-beta f = log(2 cosh 2K) + (1/2pi) int_0^pi log[(1 + sqrt(1 - kappa^2 sin^2 phi)) / 2] dphi (Onsager 1944;
/// the form of Huang, Statistical Mechanics, 1987, sec. 15.5). The integrand has a branch point a distance
/// kappa'/kappa from phi = pi/2, so it is integrated on panels that halve towards pi/2 down to that scale,
/// 32-point Gauss-Legendre on each: every panel sees the singularity at least one panel width away, which
/// gives full double precision at every K, T_c included.</para>
/// <para>u = -J coth 2K [1 + (2/pi)(2 tanh^2 2K - 1) K1(kappa)] and
/// c = (4/pi)(K coth 2K)^2 {K1 - E1 - sech^2 2K [pi/2 + (2 tanh^2 2K - 1) K1]} with K1, E1 the complete
/// elliptic integrals of modulus kappa. With A = AGM(1, kappa') = pi / (2 K1) and
/// S = (K1 - E1) / K1 = sum_j 2^(j-1) c_j^2 from the same AGM (Abramowitz and Stegun 17.6), these are
/// u = -J coth 2K (A - 1 + 2 tanh^2 2K) / A and c = 2 (K coth 2K)^2 (S - sech^2 2K (A - 1 + 2 tanh^2 2K)) / A,
/// evaluated in double-double with A - 1 carried directly, so that neither high temperature (where both
/// vanish like K) nor low temperature (where c ~ 64 K^2 e^(-8K) is a difference of e^(-4K) terms) loses precision.</para>
/// <para>m = (1 - sinh^-4 2K)^(1/8) for K &gt; K_c (C. N. Yang, Phys. Rev. 85, 808, 1952), 0 otherwise;
/// T_c = 2|J| / log(1 + sqrt 2) = 2.269185314213022 |J| (Kramers and Wannier 1941).
/// Worked numbers: u(T_c) = -sqrt(2) |J|, -beta f(T_c) = log(2)/2 + 2G/pi = 0.9296953983 (G Catalan's constant),
/// m(beta = 0.5, J = 1) = 0.9113194.</para>
/// </remarks>
public static class Onsager
{
    private const int PanelOrder = 32;

    /// <summary>
    /// Below this K the high-temperature series u = -2 |J| tanh K (1 + O(K^2)), c = 2 K^2 (1 + O(K^2)) is exact to
    /// double precision, while coth 2K in the closed forms would overflow (at K below about 1e-308).
    /// </summary>
    private const double HighTemperatureK = 1e-100;

    /// <summary>T_c = 2|J| / log(1 + sqrt 2) (k_B = 1); 0 when J = 0.</summary>
    public static double CriticalTemperature(double coupling) => 2.0 * Math.Abs(coupling) / Math.Log(1.0 + Math.Sqrt(2.0));

    /// <summary>beta_c = log(1 + sqrt 2) / (2|J|); +infinity when J = 0.</summary>
    public static double CriticalBeta(double coupling) => Math.Log(1.0 + Math.Sqrt(2.0)) / (2.0 * Math.Abs(coupling));

    /// <summary>The infinite-lattice thermodynamics of <paramref name="model"/>'s coupling; its size and boundary do not matter, its field must be 0.</summary>
    public static Fin<OnsagerResult> Compute(IsingModel model, double beta) =>
        model.Field == 0.0
            ? Compute(model.Coupling, beta)
            : FinFail<OnsagerResult>(ExactErrors.MethodNotApplicable("onsager", "an Ising lattice in a field", $"Onsager's solution needs zero field, got h = {model.Field}"));

    /// <summary>Per-site -beta f, u, c and Yang's m of the infinite lattice with coupling J at inverse temperature beta.</summary>
    public static Fin<OnsagerResult> Compute(double coupling, double beta)
    {
        if (!double.IsFinite(beta) || beta < 0) return FinFail<OnsagerResult>(ExactErrors.InvalidBeta(beta, "expected a finite number >= 0"));
        if (!double.IsFinite(coupling)) return FinFail<OnsagerResult>(ModelErrors.NotFinite("coupling", "the value"));
        var j = Math.Abs(coupling);
        var k = (Dd)beta * j;
        if (k.Hi == 0.0) return FinSucc(new OnsagerResult(coupling, beta, Math.Log(2.0), 0.0, 0.0, 0.0));
        var (energy, heat) = k.Hi < HighTemperatureK ? (-2.0 * k.Hi, 2.0 * k.Hi * k.Hi) : EnergyAndHeatCapacity(k);
        return Finite(new OnsagerResult(coupling, beta, LogZPerSite((double)k), j * energy, heat, Magnetisation((double)k)));
    }

    /// <summary>
    /// The result when every number is finite (f may be -infinity at beta = 0, its exact value), else an error:
    /// the heat capacity's divergence exactly at T_c, or an overflow naming the coupling.
    /// </summary>
    private static Fin<OnsagerResult> Finite(OnsagerResult result)
    {
        if (double.IsPositiveInfinity(result.HeatCapacityPerSite))
            return FinFail<OnsagerResult>(ExactErrors.MethodRange("onsager", "the critical point", result.Beta,
                $"the heat capacity of the infinite lattice diverges at T_c = {ExactErrors.Number(CriticalTemperature(result.Coupling))}"));
        var problem =
            !double.IsFinite(result.LogZPerSite) ? "log Z per site" :
            !double.IsFinite(result.EnergyPerSite) ? "the energy per site" :
            !double.IsFinite(result.HeatCapacityPerSite) ? "the heat capacity per site" :
            !double.IsFinite(result.EntropyPerSite) ? "the entropy per site" :
            !double.IsFinite(result.FreeEnergyPerSite) && result.Beta != 0.0 ? "the free energy per site" : null;
        return problem is null
            ? FinSucc(result)
            : FinFail<OnsagerResult>(ExactErrors.Overflow($"coupling (value {ExactErrors.Number(result.Coupling)}) too large", result.Beta, problem));
    }

    private static double LogZPerSite(double k)
    {
        var u2 = Math.Exp(-4.0 * k);
        var tanh2K = (double)(-Dd.ExpMinusOne(-4.0 * k)) / (1.0 + u2);
        var sech2K = 2.0 * Math.Exp(-2.0 * k) / (1.0 + u2);
        var kappa = 2.0 * tanh2K * sech2K;
        var kappaPrime = Math.Abs(2.0 * tanh2K * tanh2K - 1.0);

        // With t = pi/2 - phi: 1 - kappa^2 sin^2 phi = kappa'^2 + kappa^2 sin^2 t, x = kappa^2 cos^2 t, and
        // log((1 + sqrt(1 - x)) / 2) = log1p(-x / (2 (1 + sqrt(1 - x)))) keeps full precision when x is small.
        double Integrand(double t)
        {
            var cos = Math.Cos(t);
            var sin = Math.Sin(t);
            var x = kappa * kappa * cos * cos;
            return LogOnePlus(-x / (2.0 * (1.0 + Math.Sqrt(kappaPrime * kappaPrime + kappa * kappa * sin * sin))));
        }

        var scale = kappaPrime / Math.Max(kappa, double.Epsilon);
        var upper = Math.PI / 2.0;
        var integral = 0.0;
        while (upper > scale && upper > 1e-18)
        {
            integral += GaussLegendreRule.Integrate(Integrand, upper / 2.0, upper, PanelOrder);
            upper /= 2.0;
        }

        integral += GaussLegendreRule.Integrate(Integrand, 0.0, upper, PanelOrder);
        return 2.0 * k + Math.Log(1.0 + u2) + integral / Math.PI;
    }

    /// <summary>log(1 + x) to full relative precision: log(w) x / (w - 1) with w = 1 + x rounded (Goldberg 1991).</summary>
    private static double LogOnePlus(double x)
    {
        var w = 1.0 + x;
        return w == 1.0 ? x : Math.Log(w) * x / (w - 1.0);
    }

    /// <summary>u / |J| and c per site at K &gt; 0, in double-double.</summary>
    private static (double Energy, double HeatCapacity) EnergyAndHeatCapacity(Dd k)
    {
        var u = Dd.Exp(-2.0 * k);
        var u2 = u * u;
        var onePlusU2 = 1.0 + u2;
        var oneMinusU2 = -Dd.ExpMinusOne(-4.0 * k);
        var tanh2K = oneMinusU2 / onePlusU2;
        var coth2K = onePlusU2 / oneMinusU2;
        var sech2K = 2.0 * u / onePlusU2;
        var kappa = 2.0 * tanh2K * sech2K;
        var twoTanhSquareMinusOne = 2.0 * tanh2K * tanh2K - 1.0;

        // 1 - kappa' without cancellation: 8u^2 / (1 + u^2)^2 below T_c and 2 (1 - u^2)^2 / (1 + u^2)^2 above.
        if (twoTanhSquareMinusOne.Hi == 0.0) return (-(double)coth2K, double.PositiveInfinity);
        var below = twoTanhSquareMinusOne.Hi > 0;
        var oneMinusKappaPrime = (below ? 8.0 * u2 : 2.0 * oneMinusU2 * oneMinusU2) / (onePlusU2 * onePlusU2);
        var (aMinusOne, series) = AgmFromOne(-oneMinusKappaPrime, kappa);
        var a = 1.0 + aMinusOne;
        var bracket = aMinusOne + 2.0 * tanh2K * tanh2K;
        var energy = -(coth2K * bracket / a);
        var kCoth = k * coth2K;
        // (K coth 2K) ((K coth 2K) x) rather than (K coth 2K)^2 x: at K = 1e200 the square overflows while x is 0.
        var heat = 2.0 * kCoth * (kCoth * (series - sech2K * sech2K * bracket)) / a;
        return ((double)energy, (double)heat);
    }

    /// <summary>
    /// AGM(1, 1 + b0) as (AGM - 1, sum_j 2^(j-1) c_j^2) with c_0 = <paramref name="modulus"/>, carrying a - 1 and b - 1
    /// so that a modulus near 0 (b0 near 0) keeps full relative precision.
    /// </summary>
    private static (Dd AMinusOne, Dd Series) AgmFromOne(Dd b0, Dd modulus)
    {
        Dd alpha = 0.0, beta = b0;
        var c = modulus;
        var series = 0.5 * c * c;
        var weight = 0.5;
        for (var i = 0; i < 64; i++)
        {
            var nextAlpha = 0.5 * (alpha + beta);
            var product = alpha + beta + alpha * beta;
            var root = Dd.Sqrt(1.0 + product);
            var nextBeta = product / (root + 1.0);
            c = 0.5 * (alpha - beta);
            alpha = nextAlpha;
            beta = nextBeta;
            weight *= 2.0;
            var term = weight * c * c;
            series += term;
            if (Math.Abs(term.Hi) <= 1e-34 * Math.Abs(series.Hi) && Math.Abs((alpha - beta).Hi) <= 1e-33 * Math.Abs((1.0 + alpha).Hi)) break;
        }

        return (alpha, series);
    }

    private static double Magnetisation(double k)
    {
        var u = Math.Exp(-2.0 * k);
        var inverseSinh = 2.0 * u / (double)(-Dd.ExpMinusOne(-4.0 * k));
        if (!(inverseSinh < 1.0)) return 0.0;
        var square = inverseSinh * inverseSinh;
        return Math.Pow(1.0 - square * square, 0.125);
    }
}
