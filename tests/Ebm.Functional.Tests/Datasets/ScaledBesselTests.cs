using Ebm.Functional.Datasets;

namespace Ebm.Functional.Tests.Datasets;

/// <summary>e^(-z) I0(z) against its integral form, on both sides of the switch from series to asymptotic expansion.</summary>
public sealed class ScaledBesselTests
{
    /// <summary>
    /// e^(-z) I0(z) = (1/pi) integral_0^pi exp(z (cos t - 1)) dt (Abramowitz and Stegun 9.6.16). The integrand extends to
    /// a smooth periodic function, so the trapezoid rule converges exponentially; 4000 nodes resolve its peak of width
    /// 1/sqrt(z) at t = 0 down to rounding for z up to 1000.
    /// </summary>
    private static double Integral(double z)
    {
        const int nodes = 4000;
        var sum = 0.5 * (1 + Math.Exp(-2 * z));
        for (var k = 1; k < nodes; k++) sum += Math.Exp(z * (Math.Cos(Math.PI * k / nodes) - 1));
        return sum / nodes;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(7.3)]
    [InlineData(24.999)]
    [InlineData(25.0)]
    [InlineData(40.0)]
    [InlineData(200.0)]
    [InlineData(1000.0)]
    public void Equals_the_integral_form(double z) =>
        Assert.Equal(1.0, ScaledBessel.I0(z) / Integral(z), 13);

    [Fact]
    public void Matches_the_tabulated_value_and_rejects_negative_arguments()
    {
        // I0(1) = 1.266065877752008 (Abramowitz and Stegun, table 9.8).
        Assert.Equal(1.266065877752008, ScaledBessel.I0(1.0) * Math.E, 14);
        Assert.True(double.IsNaN(ScaledBessel.I0(-1)));
    }
}
