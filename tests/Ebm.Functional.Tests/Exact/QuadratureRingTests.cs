using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using MathNet.Numerics;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// Quadrature of the ring energy E = s (r^2 - R^2)^2 against its closed form. In polar coordinates with
/// u = r^2 and v = u - R^2, p_beta is uniform in angle and v has density proportional to exp(-beta s v^2)
/// on [-R^2, inf): a normal with variance sigma^2 = 1 / (2 beta s) truncated below at alpha = -R^2 / sigma.
/// Hence Z = pi integral_{-R^2}^inf exp(-beta s v^2) dv = pi sqrt(pi / (4 beta s)) erfc(-R^2 sqrt(beta s)),
/// and with m_k = integral_alpha^inf t^k phi(t) dt (m_0 = Q(alpha), m_2 = alpha phi + m_0,
/// m_4 = alpha^3 phi + 3 m_2): U = s sigma^2 m_2 / m_0, &lt;E^2&gt; = s^2 sigma^4 m_4 / m_0.
/// </summary>
public sealed class QuadratureRingTests
{
    /// <summary>The accuracy the quadrature promises, relative.</summary>
    private const double Accuracy = 1e-10;

    [Theory]
    [InlineData(1.0, 0.1, 1.0)]
    [InlineData(1.0, 0.1, 0.25)]
    [InlineData(1.0, 0.1, 4.0)]
    [InlineData(2.0, 1.0, 1.0)]
    [InlineData(0.5, 3.0, 2.0)]
    [InlineData(1.5, 0.01, 0.1)]
    public void Matches_the_polar_closed_form(double radius, double scale, double beta)
    {
        var ring = (RingEnergy)RingEnergy.Create(radius, scale);
        var result = (QuadratureResult)ToyExact.Quadrature(ring, beta);
        var (logZ, mean, variance) = ClosedForm(radius, scale, beta);

        Assert.Equal(Quadrature2D.MethodName, result.Exact.Method);
        AssertClose(logZ, result.Exact.LogZ, Math.Max(1.0, Math.Abs(logZ)));
        AssertClose(mean, result.Exact.MeanEnergy, Math.Abs(mean));
        AssertClose(variance, result.Exact.EnergyVariance, variance);
        Assert.True(Math.Abs(result.Exact.LogZ - logZ) <= result.LogZError + 1e-13 * Math.Max(1.0, Math.Abs(logZ)),
            $"the error estimate {result.LogZError:G3} understates the actual error {Math.Abs(result.Exact.LogZ - logZ):G3}");
    }

    [Fact]
    public void The_classic_ring_at_beta_one_has_the_stated_log_partition()
    {
        // pi sqrt(pi / 0.4) erfc(-sqrt(0.1)) = 8.80433 * 1.34528 = 11.8443: log Z = 2.4718.
        var ring = (RingEnergy)RingEnergy.Create();
        var exact = (ExactResult)ToyExact.Compute(ring, 1.0);
        var expected = Math.Log(Math.PI * Math.Sqrt(Math.PI / 0.4) * SpecialFunctions.Erfc(-Math.Sqrt(0.1)));
        Assert.Equal(2.4718, expected, 4);
        AssertClose(expected, exact.LogZ, Math.Abs(expected));
    }

    private static (double LogZ, double Mean, double Variance) ClosedForm(double radius, double scale, double beta)
    {
        var c = beta * scale;
        var logZ = Math.Log(Math.PI * Math.Sqrt(Math.PI / (4.0 * c)) * SpecialFunctions.Erfc(-radius * radius * Math.Sqrt(c)));
        var sigma2 = 1.0 / (2.0 * c);
        var alpha = -radius * radius / Math.Sqrt(sigma2);
        var phi = Math.Exp(-0.5 * alpha * alpha) / Math.Sqrt(2.0 * Math.PI);
        var m0 = 0.5 * SpecialFunctions.Erfc(alpha / Math.Sqrt(2.0));
        var m2 = alpha * phi + m0;
        var m4 = alpha * alpha * alpha * phi + 3.0 * m2;
        var v2 = sigma2 * m2 / m0;
        var v4 = sigma2 * sigma2 * m4 / m0;
        return (logZ, scale * v2, scale * scale * (v4 - v2 * v2));
    }

    private static void AssertClose(double expected, double actual, double scale) =>
        Assert.True(Math.Abs(expected - actual) <= Accuracy * scale, $"expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):G3})");
}
