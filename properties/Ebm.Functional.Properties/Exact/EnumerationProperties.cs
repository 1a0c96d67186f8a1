using Ebm.Functional.Exact;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Exact;

/// <summary>
/// The thermodynamic identities U = -d log Z / d beta and C = beta^2 d^2 log Z / d beta^2, checked
/// against central differences of the enumerated log Z.
/// </summary>
/// <remarks>
/// Tolerances come from the step h. With L(beta) = log Z and R the range of E over the states,
/// L''' = -kappa_3 and L'''' = kappa_4 are cumulants of a variable confined to an interval of
/// length R, so |kappa_3| &lt;= R^3 and |kappa_4| &lt;= max(mu_4, 3 mu_2^2) &lt;= R^4. Taylor's theorem
/// bounds the truncation of the first difference by h^2 R^3 / 6 and of the second by h^2 R^4 / 12.
/// Each enumerated L carries an error delta &lt;= 1e-12 (1 + |L|) (the accuracy the unit tests assert
/// against brute force), which costs delta / h and 4 delta / h^2 respectively.
/// </remarks>
public class EnumerationProperties
{
    private const double FirstStep = 1e-4;
    private const double SecondStep = 1e-3;

    private static Gen<(BoltzmannCase Case, double Beta)> Cases() =>
        from c in BoltzmannArbitrary.Cases(6, 0.5).Where(c => c.Model.Dimension >= 2)
        from beta in Gen.Choose(100, 2500)
        select (c, beta / 1000.0);

    [Property(MaxTest = 200)]
    public Property Internal_energy_is_minus_the_slope_of_log_Z() =>
        Prop.ForAll(Arb.From(Cases()), t =>
        {
            var (c, beta) = t;
            var range = EnergyRange(c);
            var u = Enumerate(c, beta).MeanEnergy;
            var (below, above) = (Enumerate(c, beta - FirstStep).LogZ, Enumerate(c, beta + FirstStep).LogZ);
            var slope = (above - below) / (2 * FirstStep);
            var delta = 1e-12 * (1.0 + Math.Max(Math.Abs(below), Math.Abs(above)));
            var tolerance = FirstStep * FirstStep * range * range * range / 6.0 + delta / FirstStep;
            return (Math.Abs(u + slope) <= tolerance).Label($"U = {u:R}, -dL/dbeta = {-slope:R}, tolerance {tolerance:E2}");
        });

    [Property(MaxTest = 200)]
    public Property Heat_capacity_is_beta_squared_times_the_curvature_of_log_Z() =>
        Prop.ForAll(Arb.From(Cases()), t =>
        {
            var (c, beta) = t;
            var range = EnergyRange(c);
            var middle = Enumerate(c, beta);
            var (below, above) = (Enumerate(c, beta - SecondStep).LogZ, Enumerate(c, beta + SecondStep).LogZ);
            var curvature = (above - 2.0 * middle.LogZ + below) / (SecondStep * SecondStep);
            var delta = 1e-12 * (1.0 + Math.Max(Math.Abs(middle.LogZ), Math.Max(Math.Abs(below), Math.Abs(above))));
            var tolerance = beta * beta * (SecondStep * SecondStep * Math.Pow(range, 4) / 12.0 + 4.0 * delta / (SecondStep * SecondStep));
            var heatCapacity = beta * beta * curvature;
            return (Math.Abs(middle.HeatCapacity - heatCapacity) <= tolerance)
                .Label($"C = {middle.HeatCapacity:R}, beta^2 L'' = {heatCapacity:R}, tolerance {tolerance:E2}");
        });

    private static ExactResult Enumerate(BoltzmannCase c, double beta) =>
        Enumeration.Compute(c.Model, beta).Match(r => r, e => throw new InvalidOperationException(e.Message));

    // max E - min E over every state, each energy evaluated directly.
    private static double EnergyRange(BoltzmannCase c)
    {
        var n = c.Model.Dimension;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var x = new double[n];
        for (var index = 0; index < 1 << n; index++)
        {
            for (var i = 0; i < n; i++) x[i] = ((index >> i) & 1) == 1 ? 1.0 : c.Low;
            var e = c.Model.Energy(x);
            min = Math.Min(min, e);
            max = Math.Max(max, e);
        }

        return max - min;
    }
}
