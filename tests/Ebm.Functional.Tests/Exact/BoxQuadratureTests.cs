using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Exact;

/// <summary>log Z over a box by batched energies and Romberg extrapolation, against integrals known in closed form.</summary>
public sealed class BoxQuadratureTests
{
    private static T Succ<T>(Fin<T> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static T Valid<T>(Validation<LanguageExt.Common.Error, T> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Head.Message));

    [Fact]
    public void A_gaussian_whose_mass_is_inside_the_box_gives_its_closed_form()
    {
        // P = [[2, 0.5], [0.5, 1]]: log Z = log 2 pi - (1/2) log det P, det P = 1.75. The box reaches 14 standard
        // deviations (largest variance 1 / 0.79 < 1.3) each way, so the truncated mass is below exp(-98).
        var gaussian = Valid(GaussianModel.Create(Vec.Of(0.3, -0.2), Mat.FromRows([[2, 0.5], [0.5, 1]])));
        var box = new QuadratureRegion(-16, 16, -16, 16, 0.1, 0.1);
        var result = Succ(BoxQuadrature.Compute(gaussian.Energies, box));
        Assert.Equal(Math.Log(2 * Math.PI) - 0.5 * Math.Log(1.75), result.LogZ, 1e-10);
        Assert.True(result.EstimatedError < 1e-8, $"error estimate {result.EstimatedError}");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void A_sum_of_softplus_pairs_gives_its_closed_form_on_the_box_at_any_beta(double beta)
    {
        // E(x, y) = sp(x) + sp(-x) + sp(y) + sp(-y); exp(-sp(z) - sp(-z)) = sigma(z) sigma(-z), and at beta = 1 its
        // integral over [-L, L] is sigma(L) - sigma(-L) = tanh(L / 2). At beta = 2.5 the 1-D integral is found by the
        // trapezoid rule with step 1e-4 (its error is below 1e-9 for this smooth integrand on [-3, 5]).
        static double Sp(double z) => z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
        static double Pair(double z) => Sp(z) + Sp(-z);
        Func<Mat, Vec> energies = points => Vec.Create(points.Rows, d =>
        {
            for (var r = 0; r < points.Rows; r++) d[r] = Pair(points[r, 0]) + Pair(points[r, 1]);
        });
        var box = new QuadratureRegion(-3, 5, -3, 5, 0.1, 0.1);
        double expected;
        if (beta == 1.0)
        {
            var oneAxis = 1 / (1 + Math.Exp(-5)) - 1 / (1 + Math.Exp(3));
            expected = 2 * Math.Log(oneAxis);
        }
        else
        {
            const int steps = 80_000;
            var h = 8.0 / steps;
            var sum = 0.0;
            for (var k = 0; k <= steps; k++) sum += (k == 0 || k == steps ? 0.5 : 1.0) * Math.Exp(-beta * Pair(-3 + k * h));
            expected = 2 * Math.Log(sum * h);
        }

        var result = Succ(BoxQuadrature.Compute(energies, box, beta));
        Assert.Equal(expected, result.LogZ, 1e-8);
        Assert.Equal(BoxQuadrature.DefaultIntervals, result.Intervals);
    }

    [Fact]
    public void A_NaN_energy_an_empty_box_and_a_bad_beta_are_errors()
    {
        var box = new QuadratureRegion(-1, 1, -1, 1, 0.1, 0.1);
        Func<Mat, Vec> nan = points => Vec.Create(points.Rows, d => d.Fill(double.NaN));
        Assert.True(BoxQuadrature.Compute(nan, box).IsFail);
        Assert.True(BoxQuadrature.Compute(p => Vec.Create(p.Rows, _ => { }), new QuadratureRegion(1, 1, -1, 1, 0.1, 0.1)).IsFail);
        Assert.True(BoxQuadrature.Compute(p => Vec.Create(p.Rows, _ => { }), box, 0.0).IsFail);
        Assert.Equal(Math.Log(4), Succ(BoxQuadrature.Compute(p => Vec.Create(p.Rows, _ => { }), box)).LogZ, 1e-14);
    }
}
