using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using MathNet.Numerics.Integration;
using MathNet.Numerics.LinearAlgebra;

namespace Ebm.Functional.Tests.Exact;

/// <summary>
/// The Gaussian closed form log Z = (d/2) log(2 pi / beta) - (1/2) log det P, U = d / (2 beta),
/// Var(E) = d / (2 beta^2), checked against the definition: for diagonal P the integral factorises into
/// 1-D integrals (computed here by MathNet's adaptive Gauss-Kronrod), for non-diagonal 2-D P against
/// the tensor-product quadrature, and log det against an LU determinant.
/// </summary>
public sealed class GaussianExactTests
{
    /// <summary>The accuracy the exact methods promise, relative.</summary>
    private const double Accuracy = 1e-10;

    [Fact]
    public void The_standard_normal_in_the_plane_has_log_two_pi()
    {
        var gaussian = (GaussianModel)GaussianModel.Create(Vec.Of(0, 0), Mat.FromRows([[1.0, 0.0], [0.0, 1.0]]));
        var exact = GaussianExact.Compute(gaussian, 1.0);
        Assert.Equal(1.8378770664093453, exact.LogZ, 14);
        Assert.Equal(1.0, exact.MeanEnergy, 14);
        Assert.Equal(1.0, exact.EnergyVariance, 14);
    }

    [Theory]
    [InlineData(new[] { 2.0 }, 1.0)]
    [InlineData(new[] { 0.5, 3.0, 1.0 }, 0.4)]
    [InlineData(new[] { 0.5, 3.0, 1.0 }, 2.5)]
    [InlineData(new[] { 10.0, 0.1, 1.0, 4.0, 0.7 }, 1.3)]
    public void Diagonal_precision_matches_the_product_of_one_dimensional_integrals(double[] diagonal, double beta)
    {
        var d = diagonal.Length;
        var mean = Vec.Create(d, m => { for (var i = 0; i < d; i++) m[i] = 0.5 * i - 1.0; });
        var precision = Mat.Create(d, d, p => { for (var i = 0; i < d; i++) p[i * d + i] = diagonal[i]; });
        var exact = GaussianExact.Compute((GaussianModel)GaussianModel.Create(mean, precision), beta);

        double logZ = 0, meanEnergy = 0, variance = 0;
        foreach (var p in diagonal)
        {
            // E_i = p x^2 / 2 about the mean; the coordinates are independent, so log Z, U and Var add.
            var reach = Math.Sqrt(2.0 * 700.0 / (beta * p));
            double Moment(int power) => GaussKronrodRule.Integrate(
                x => Math.Pow(0.5 * p * x * x, power) * Math.Exp(-beta * 0.5 * p * x * x), -reach, reach, out _, out _, 1e-13, 15, 61);
            double z = Moment(0), first = Moment(1) / z, second = Moment(2) / z;
            logZ += Math.Log(z);
            meanEnergy += first;
            variance += second - first * first;
        }

        AssertClose(logZ, exact.LogZ, Math.Max(1.0, Math.Abs(logZ)));
        AssertClose(meanEnergy, exact.MeanEnergy, meanEnergy);
        AssertClose(variance, exact.EnergyVariance, variance);
        AssertClose(d / (2.0 * beta), exact.MeanEnergy, exact.MeanEnergy);
        AssertClose(d / (2.0 * beta * beta), exact.EnergyVariance, exact.EnergyVariance);
    }

    [Theory]
    [InlineData(2.0, 0.8, 1.0, 1.0)]
    [InlineData(2.0, 0.8, 1.0, 0.3)]
    [InlineData(2.0, 0.8, 1.0, 2.7)]
    [InlineData(5.0, -2.9, 2.0, 1.0)]
    [InlineData(0.3, 0.1, 7.0, 0.6)]
    public void Non_diagonal_precision_in_the_plane_matches_quadrature(double pxx, double pxy, double pyy, double beta)
    {
        var gaussian = (GaussianModel)GaussianModel.Create(Vec.Of(1.5, -0.5), Mat.FromRows([[pxx, pxy], [pxy, pyy]]));
        var closed = GaussianExact.Compute(gaussian, beta);
        var quadrature = (ExactResult)ToyExact.Compute(gaussian, beta);

        Assert.Equal(Quadrature2D.MethodName, quadrature.Method);
        AssertClose(closed.LogZ, quadrature.LogZ, Math.Max(1.0, Math.Abs(closed.LogZ)));
        AssertClose(closed.MeanEnergy, quadrature.MeanEnergy, closed.MeanEnergy);
        AssertClose(closed.EnergyVariance, quadrature.EnergyVariance, closed.EnergyVariance);
        // The chi-square facts, here reached by integration rather than by the formula.
        AssertClose(1.0 / beta, quadrature.MeanEnergy, 1.0 / beta);
        AssertClose(1.0 / (beta * beta), quadrature.EnergyVariance, 1.0 / (beta * beta));
    }

    [Fact]
    public void The_log_determinant_in_three_dimensions_matches_an_LU_determinant()
    {
        double[][] rows = [[4.0, 1.0, -0.5], [1.0, 3.0, 0.7], [-0.5, 0.7, 2.0]];
        var gaussian = (GaussianModel)GaussianModel.Create(Vec.Of(0.2, 0.0, -1.0), Mat.FromRows(rows));
        const double beta = 0.8;
        var determinant = Matrix<double>.Build.DenseOfRowArrays(rows).Determinant();
        var expected = 1.5 * Math.Log(2.0 * Math.PI / beta) - 0.5 * Math.Log(determinant);
        AssertClose(expected, GaussianExact.Compute(gaussian, beta).LogZ, Math.Abs(expected));
    }

    private static void AssertClose(double expected, double actual, double scale) =>
        Assert.True(Math.Abs(expected - actual) <= Accuracy * scale, $"expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):G3})");
}
