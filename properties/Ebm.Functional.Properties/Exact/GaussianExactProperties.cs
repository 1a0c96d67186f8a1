using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Exact;

/// <summary>
/// Thermodynamic identities of the Gaussian closed form: U = -d log Z / d beta and
/// Var(E) = d^2 log Z / d beta^2 by finite differences, and how log Z moves when P is scaled.
/// </summary>
/// <remarks>
/// log Z(beta) = (d/2) log(2 pi / beta) - (1/2) log det P, so its beta-derivatives are d/(2 beta^k) times
/// constants. Central first differences with step h = 1e-5 beta have relative truncation error
/// (h / beta)^2 = 1e-10 and rounding error eps |log Z| / h, below 1e-8 relative for the sampled
/// |log Z| &lt; 30 and beta &gt;= 0.1; second differences with h = 1e-3 beta have truncation (h / beta)^2 / 2
/// = 5e-7 relative and rounding 4 eps |log Z| / h^2 &lt; 3e-6 relative. Tolerances: 1e-7 and 1e-5 relative.
/// </remarks>
[Properties(Arbitrary = [typeof(ContinuousArbitraries), typeof(GaussianExactProperties)], MaxTest = 200)]
public sealed class GaussianExactProperties
{
    /// <summary>An inverse temperature in [0.1, 10], log-uniform.</summary>
    public sealed record Beta(double Value)
    {
        /// <inheritdoc />
        public override string ToString() => Value.ToString("R");
    }

    /// <summary>Betas.</summary>
    public static Arbitrary<Beta> Betas() => ContinuousArbitraries.Uniform(Math.Log(0.1), Math.Log(10)).Select(l => new Beta(Math.Exp(l))).ToArbitrary();

    [Property]
    public bool Mean_energy_is_minus_the_beta_derivative_of_log_Z(ContinuousArbitraries.GaussianCase c, Beta beta)
    {
        var b = beta.Value;
        var h = 1e-5 * b;
        var derivative = (GaussianExact.Compute(c.Model, b + h).LogZ - GaussianExact.Compute(c.Model, b - h).LogZ) / (2 * h);
        var u = GaussianExact.Compute(c.Model, b).MeanEnergy;
        return Math.Abs(-derivative - u) <= 1e-7 * u;
    }

    [Property]
    public bool Energy_variance_is_the_second_beta_derivative_of_log_Z(ContinuousArbitraries.GaussianCase c, Beta beta)
    {
        var b = beta.Value;
        var h = 1e-3 * b;
        var second = (GaussianExact.Compute(c.Model, b + h).LogZ - 2 * GaussianExact.Compute(c.Model, b).LogZ + GaussianExact.Compute(c.Model, b - h).LogZ) / (h * h);
        var variance = GaussianExact.Compute(c.Model, b).EnergyVariance;
        return Math.Abs(second - variance) <= 1e-5 * variance;
    }

    [Property]
    public bool Scaling_the_precision_by_s_shifts_log_Z_by_minus_d_over_two_log_s(ContinuousArbitraries.GaussianCase c, Beta beta)
    {
        // E_sP = s E_P, so Z_sP(beta) = Z_P(s beta) = Z_P(beta) s^(-d/2).
        const double s = 3.7;
        var d = c.Model.Dimension;
        var scaled = Scaled(c.Model, s);
        var expected = GaussianExact.Compute(c.Model, beta.Value).LogZ - 0.5 * d * Math.Log(s);
        return Math.Abs(GaussianExact.Compute(scaled, beta.Value).LogZ - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected));
    }

    private static GaussianModel Scaled(GaussianModel model, double s)
    {
        var rows = model.Precision.ToRows();
        foreach (var row in rows)
            for (var j = 0; j < row.Length; j++) row[j] *= s;
        return (GaussianModel)GaussianModel.Create(model.Mean, Mat.FromRows(rows));
    }
}
