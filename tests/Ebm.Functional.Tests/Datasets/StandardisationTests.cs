using Ebm.Functional.Datasets;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Datasets;

/// <summary>Standardisation: the data's per-column mean and population standard deviation, and the errors that name the column.</summary>
public sealed class StandardisationTests
{
    private static Mat Rows(params double[][] rows) => Mat.FromRows(rows);

    private static InputScaling Fitted(Mat data, int? columns = null) =>
        (columns is { } c ? Standardisation.Fit(data, c) : Standardisation.Fit(data)).Match(s => s, e => throw new InvalidOperationException(e.Message));

    [Fact]
    public void The_shift_is_the_mean_and_the_scale_the_population_standard_deviation()
    {
        // Column 1: 1, 2, 3, 4 -> mean 2.5, squares 2.25 + 0.25 + 0.25 + 2.25 = 5 over 4. Column 2: 10, 10, 10, 12 -> mean 10.5, squares 3 over 4.
        var scaling = Fitted(Rows([1, 10], [2, 10], [3, 10], [4, 12]));
        Assert.Equal([2.5, 10.5], scaling.Shift.ToArray());
        Assert.Equal(Math.Sqrt(1.25), scaling.Scale[0], 15);
        Assert.Equal(Math.Sqrt(0.75), scaling.Scale[1], 15);
    }

    [Fact]
    public void Data_far_from_the_origin_does_not_cancel()
    {
        var scaling = Fitted(Rows([1e9], [1e9 + 1]));
        Assert.Equal(1e9 + 0.5, scaling.Shift[0]);
        Assert.Equal(0.5, scaling.Scale[0]);
    }

    [Fact]
    public void The_column_count_leaves_the_class_column_out()
    {
        var labelled = Toys2D.SampleLabelled(RngKey.FromSeed(2), "two-moons", 1000).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var scaling = Fitted(labelled, 2);
        Assert.Equal(2, scaling.Dimension);
        Assert.Equal(Fitted(Toys2D.Sample(RngKey.FromSeed(2), "two-moons", 1000).Match(m => m, e => throw new InvalidOperationException(e.Message))), scaling);
    }

    [Fact]
    public void Standardised_data_has_mean_zero_and_spread_one()
    {
        var data = Toys2D.Sample(RngKey.FromSeed(4), "eight-gaussians", 2000).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var scaling = Fitted(data);
        var u = new double[2];
        double[] sum = [0, 0], squares = [0, 0];
        for (var r = 0; r < data.Rows; r++)
        {
            scaling.Apply(data.Row(r), u);
            for (var c = 0; c < 2; c++) (sum[c], squares[c]) = (sum[c] + u[c], squares[c] + u[c] * u[c]);
        }

        for (var c = 0; c < 2; c++)
        {
            Assert.Equal(0, sum[c] / data.Rows, 12);
            Assert.Equal(1, squares[c] / data.Rows, 12);
        }
    }

    [Fact]
    public void A_constant_column_is_an_error_naming_it_even_when_its_mean_rounds_off_its_value()
    {
        // 0.1 + 0.1 + 0.1 rounds to 0.30000000000000004, so the computed mean is not 0.1 and the computed spread not 0.
        var error = Standardisation.Fit(Rows([1, 0.1], [2, 0.1], [3, 0.1])).Match(_ => throw new InvalidOperationException("expected an error"), e => e);
        Assert.Equal(DatasetErrors.ConstantColumnCode, error.Code);
        Assert.Contains("column 2", error.Message);
    }

    [Fact]
    public void Non_finite_values_empty_data_and_bad_column_counts_are_errors()
    {
        var nan = Standardisation.Fit(Rows([1, 2], [3, double.NaN])).Match(_ => throw new InvalidOperationException("expected an error"), e => e);
        Assert.Equal(DatasetErrors.NonFiniteValueCode, nan.Code);
        Assert.Contains("row 2, column 2", nan.Message);
        Assert.True(Standardisation.Fit(Mat.Zeros(0, 2)).IsFail);
        Assert.True(Standardisation.Fit(Rows([1, 2], [3, 4]), 3).IsFail);
        Assert.True(Standardisation.Fit(Rows([1, 2], [3, 4]), 0).IsFail);
    }
}
