using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// Quadrature of the double well E = a (x^2 - 1)^2 + k y^2 / 2. The energy separates, so
/// Z(beta) = sqrt(2 pi / (beta k)) J(beta a) with J(c) = integral exp(-c (x^2 - 1)^2) dx, U = U_x + 1 / (2 beta)
/// and Var(E) = Var_x + 1 / (2 beta^2). J has the closed form (pi / 2) e^(-c/2) [I_(-1/4)(c/2) + I_(1/4)(c/2)]
/// (substitute t = x^2, then the parabolic-cylinder integral of Gradshteyn and Ryzhik 3.462.1 and
/// D_(-1/2)(-z) in terms of I_(+-1/4)); the test checks that formula against an independent adaptive
/// Gauss-Kronrod integral before using it. The x-moments come from the same independent integrator.
/// </summary>
public sealed class QuadratureDoubleWellTests
{
    /// <summary>The accuracy the quadrature promises, relative.</summary>
    private const double Accuracy = 1e-10;

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(10.0)]
    [InlineData(60.0)]
    public void The_Bessel_closed_form_matches_an_independent_one_dimensional_integral(double c)
    {
        var integral = WellMoment(c, 0);
        Assert.True(Math.Abs(BesselWellIntegral(c) - integral) <= 1e-12 * integral, $"J({c}): Bessel {BesselWellIntegral(c):R}, integral {integral:R}");
    }

    [Theory]
    [InlineData(1.0, 1.0, 1.0)]
    [InlineData(1.0, 1.0, 0.2)]
    [InlineData(1.0, 1.0, 5.0)]
    [InlineData(4.0, 0.5, 1.0)]
    [InlineData(0.25, 3.0, 2.0)]
    [InlineData(10.0, 1.0, 3.0)]
    public void Matches_the_separable_exact_answer(double barrier, double stiffness, double beta)
    {
        var wells = (DoubleWell)DoubleWell.Create(barrier, stiffness);
        var result = (QuadratureResult)ToyExact.Quadrature(wells, beta);

        var c = beta * barrier;
        var j0 = WellMoment(c, 0);
        var j1 = WellMoment(c, 1);
        var j2 = WellMoment(c, 2);
        var logZ = 0.5 * Math.Log(2.0 * Math.PI / (beta * stiffness)) + Math.Log(BesselWellIntegral(c));
        var meanX = barrier * j1 / j0;
        var mean = meanX + 0.5 / beta;
        var variance = barrier * barrier * j2 / j0 - meanX * meanX + 0.5 / (beta * beta);

        Assert.Equal(Quadrature2D.MethodName, result.Exact.Method);
        AssertClose(logZ, result.Exact.LogZ, Math.Max(1.0, Math.Abs(logZ)));
        AssertClose(mean, result.Exact.MeanEnergy, mean);
        AssertClose(variance, result.Exact.EnergyVariance, variance);
    }

    /// <summary>J(c) = (pi / 2) [e^(-c/2) I_(-1/4)(c/2) + e^(-c/2) I_(1/4)(c/2)], with exponentially scaled Bessel functions.</summary>
    private static double BesselWellIntegral(double c) =>
        0.5 * Math.PI * (SpecialFunctions.BesselIScaled(-0.25, 0.5 * c) + SpecialFunctions.BesselIScaled(0.25, 0.5 * c));

    /// <summary>integral (x^2 - 1)^(2 power) exp(-c (x^2 - 1)^2) dx by adaptive Gauss-Kronrod (MathNet), on a range beyond which the integrand is below 1e-300.</summary>
    private static double WellMoment(double c, int power)
    {
        var reach = Math.Sqrt(1.0 + Math.Sqrt(700.0 / c));
        return GaussKronrodRule.Integrate(
            x =>
            {
                var well = (x * x - 1.0) * (x * x - 1.0);
                return Math.Pow(well, power) * Math.Exp(-c * well);
            },
            -reach, reach, out _, out _, 1e-12, 15, 61);
    }

    private static void AssertClose(double expected, double actual, double scale) =>
        Assert.True(Math.Abs(expected - actual) <= Accuracy * scale, $"expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):G3})");
}
