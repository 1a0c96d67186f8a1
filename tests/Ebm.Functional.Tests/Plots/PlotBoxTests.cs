using Ebm.Functional.Numerics;
using Ebm.Functional.Plots;

namespace Ebm.Functional.Tests.Plots;

/// <summary>The box of a 2-D picture: fitted around the finite points with a margin, validated, printed invariantly.</summary>
public sealed class PlotBoxTests
{
    [Fact]
    public void Around_holds_every_finite_point_of_every_matrix_plus_the_margin()
    {
        var a = Mat.FromRows([[0, 0], [2, 1], [double.NaN, 100]]);
        var b = Mat.FromRows([[-2, 3, 1]]);
        var box = PlotBox.Around(0.25, a, b).Match(x => x, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(new PlotBox(-3, 3, -0.75, 3.75), box);
    }

    [Fact]
    public void A_single_point_gets_a_unit_extent_and_no_point_is_an_error()
    {
        Assert.Equal(new PlotBox(1 - 0.1, 1 + 0.1, 2 - 0.1, 2 + 0.1), PlotBox.Around(0.1, Mat.FromRows([[1, 2]])).Match(x => x, e => throw new InvalidOperationException(e.Message)));
        Assert.Equal(PlotErrors.NoImagesCode, PlotBox.Around(0.1, Mat.Zeros(0, 2)).Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void Validate_refuses_empty_and_non_finite_boxes_and_ToString_is_invariant()
    {
        Assert.True(new PlotBox(0, 1, 0, 1).Validate().IsSucc);
        Assert.True(new PlotBox(0, 1, 1, 0).Validate().IsFail);
        Assert.True(new PlotBox(double.NegativeInfinity, 1, 0, 1).Validate().IsFail);
        Assert.Equal("[-1.5, 2] x [0, 0.25]", new PlotBox(-1.5, 2, 0, 0.25).ToString());
    }
}
