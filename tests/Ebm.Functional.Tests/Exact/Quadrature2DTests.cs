using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Exact;

/// <summary>The contract of <see cref="Quadrature2D"/>: refusals as error values, error estimates, determinism.</summary>
public sealed class Quadrature2DTests
{
    private static readonly RingEnergy Ring = (RingEnergy)RingEnergy.Create();
    private static readonly QuadratureRegion RingBox = (QuadratureRegion)ToyExact.Region(Ring, 1.0);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Refuses_a_beta_that_is_not_positive_and_finite(double beta)
    {
        Assert.Equal(ExactErrors.InvalidBetaCode, ErrorOf(Quadrature2D.Compute(Ring, beta, RingBox)).Code);
        Assert.Equal(ExactErrors.InvalidBetaCode, ErrorOf(ToyExact.Compute(Ring, beta)).Code);
    }

    [Fact]
    public void Refuses_a_model_that_is_not_two_dimensional()
    {
        var gaussian = (GaussianModel)GaussianModel.Create(Vec.Of(0, 0, 0), Mat.FromRows([[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]]));
        var error = ErrorOf(Quadrature2D.Compute(gaussian, 1.0, RingBox));
        Assert.Equal(ExactErrors.MethodNotApplicableCode, error.Code);
        Assert.Contains("dimension 3", error.Message);
        Assert.Equal(ExactErrors.MethodNotApplicableCode, ErrorOf(ToyExact.Compute(gaussian, 1.0)).Code);
    }

    [Theory]
    [InlineData(1.0, -1.0, -4.0, 4.0, 0.5, 0.5, "empty")]
    [InlineData(double.NegativeInfinity, 4.0, -4.0, 4.0, 0.5, 0.5, "not finite")]
    [InlineData(-4.0, 4.0, -4.0, 4.0, 0.0, 0.5, "feature scales")]
    public void Refuses_an_invalid_region(double xMin, double xMax, double yMin, double yMax, double xScale, double yScale, string problem)
    {
        var error = ErrorOf(Quadrature2D.Compute(Ring, 1.0, new QuadratureRegion(xMin, xMax, yMin, yMax, xScale, yScale)));
        Assert.Equal(QuadratureErrors.InvalidRegionCode, error.Code);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Fails_rather_than_returning_an_unconverged_answer()
    {
        var coarseBox = RingBox with { XScale = 4.0, YScale = 4.0 };
        var error = ErrorOf(Quadrature2D.Compute(Ring, 1.0, coarseBox, new QuadratureSettings(MinIntervals: 2, MaxIntervals: 8)));
        Assert.Equal(QuadratureErrors.NotConvergedCode, error.Code);
        Assert.Contains("at 8 intervals", error.Message);
    }

    [Fact]
    public void Fails_when_a_feature_needs_more_intervals_than_the_limit()
    {
        var error = ErrorOf(Quadrature2D.Compute(Ring, 1.0, RingBox with { XScale = 1e-4 }));
        Assert.Equal(QuadratureErrors.TooFineCode, error.Code);
        Assert.Contains("limit of 4096", error.Message);
    }

    [Fact]
    public void Truncating_the_ring_inside_its_mass_is_detected_as_non_convergence()
    {
        // On [-2, 2]^2 the ring's integrand at the edge is exp(-0.1 * 3^2) = 0.41 of its peak: the
        // trapezoid rule loses its exponential convergence there, and the quadrature says so.
        var error = ErrorOf(Quadrature2D.Compute(Ring, 1.0, new QuadratureRegion(-2, 2, -2, 2, 0.5, 0.5), new QuadratureSettings(MaxIntervals: 512)));
        Assert.Equal(QuadratureErrors.NotConvergedCode, error.Code);
    }

    [Fact]
    public void Fails_when_the_integrand_vanishes_at_every_node()
    {
        var error = ErrorOf(Quadrature2D.Compute(new WallOutsideDisc(), 1.0, new QuadratureRegion(5, 6, 5, 6, 0.5, 0.5)));
        Assert.Equal(QuadratureErrors.NonFiniteEnergyCode, error.Code);
        Assert.Contains("vanishes", error.Message);
    }

    [Fact]
    public void Fails_on_a_NaN_energy()
    {
        var error = ErrorOf(Quadrature2D.Compute(new NaNInHalfPlane(), 1.0, RingBox));
        Assert.Equal(QuadratureErrors.NonFiniteEnergyCode, error.Code);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void Returns_an_error_estimate_within_the_tolerance_and_the_grid_it_used()
    {
        var result = (QuadratureResult)Quadrature2D.Compute(Ring, 1.0, RingBox);
        Assert.InRange(result.EstimatedError, 0.0, QuadratureSettings.Default.Tolerance);
        Assert.True(result.XIntervals >= QuadratureSettings.Default.MinIntervals && int.IsPow2(result.XIntervals));
        Assert.Equal(result.XIntervals, result.YIntervals);
    }

    [Fact]
    public void Parallel_and_serial_grids_give_bit_identical_results()
    {
        var mixture = (GaussianMixture2D)GaussianMixture2D.Create(Vec.Of(0.4, 0.6), Mat.FromRows([[-1.0, 0.0], [1.5, 0.5]]), Vec.Of(0.5, 0.9));
        var region = (QuadratureRegion)ToyExact.Region(mixture, 1.0);
        var serial = (ExactResult)QuadratureGrid.Integrate(mixture, 1.0, region, 256, 256, int.MaxValue);
        var parallel = (ExactResult)QuadratureGrid.Integrate(mixture, 1.0, region, 256, 256, 0);
        Assert.Equal(serial, parallel);
    }

    private static Error ErrorOf<T>(Fin<T> result) => result.Match(_ => throw new Xunit.Sdk.XunitException("expected a failure"), e => e);

    /// <summary>An energy that is +infinity outside the unit disc (a hard wall).</summary>
    private sealed class WallOutsideDisc : IContinuousModel
    {
        public string Kind => "wall-outside-disc";

        public int Dimension => 2;

        public double Energy(ReadOnlySpan<double> x) => x[0] * x[0] + x[1] * x[1] > 1 ? double.PositiveInfinity : 0.0;

        public Vec Energies(Mat xs) => Vec.Create(xs.Rows, e => { for (var i = 0; i < xs.Rows; i++) e[i] = Energy(xs.Row(i)); });

        public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient) => throw new NotSupportedException();
    }

    /// <summary>An energy that is NaN for x &gt; 1, to check that NaN is reported rather than integrated.</summary>
    private sealed class NaNInHalfPlane : IContinuousModel
    {
        public string Kind => "nan-half-plane";

        public int Dimension => 2;

        public double Energy(ReadOnlySpan<double> x) => x[0] > 1 ? double.NaN : 0.5 * (x[0] * x[0] + x[1] * x[1]);

        public Vec Energies(Mat xs) => Vec.Create(xs.Rows, e => { for (var i = 0; i < xs.Rows; i++) e[i] = Energy(xs.Row(i)); });

        public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient) => throw new NotSupportedException();
    }
}
