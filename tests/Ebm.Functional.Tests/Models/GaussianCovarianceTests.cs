using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Models;

/// <summary>GaussianModel.FromCovariance: the precision is the inverse, log Z the closed form, and bad covariances are refused by name.</summary>
public sealed class GaussianCovarianceTests
{
    private static readonly Mat Plane = Mat.FromRows([[2.0, 0.6], [0.6, 1.0]]);

    [Fact]
    public void The_precision_is_the_inverse_of_the_covariance()
    {
        // [[2, 0.6], [0.6, 1]]^-1 = [[1, -0.6], [-0.6, 2]] / 1.64.
        var model = ContractModels.Valid(GaussianModel.FromCovariance(Vec.Of(1, -1), Plane));
        Assert.Equal(1.0 / 1.64, model.Precision[0, 0], 1e-15);
        Assert.Equal(-0.6 / 1.64, model.Precision[0, 1], 1e-15);
        Assert.Equal(2.0 / 1.64, model.Precision[1, 1], 1e-15);
        Assert.Equal(model.Precision[0, 1], model.Precision[1, 0]);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.25)]
    [InlineData(3.0)]
    public void Log_z_is_the_closed_form_in_the_covariance(double beta)
    {
        // log Z = (d/2) log(2 pi / beta) + (1/2) log det Sigma; det of the 3 x 3 below = 4 (3 - 0.25) - 1 (1 - 0) = 10.
        var covariance = Mat.FromRows([[4.0, 1.0, 0.0], [1.0, 3.0, 0.5], [0.0, 0.5, 1.0]]);
        var model = ContractModels.Valid(GaussianModel.FromCovariance(Vec.Of(0.5, -2, 1), covariance));
        var exact = LogPartition.Exact(model, beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(1.5 * Math.Log(2 * Math.PI / beta) + 0.5 * Math.Log(10.0), exact, 1e-13);
        var plane = ContractModels.Valid(GaussianModel.FromCovariance(Vec.Of(1, -1), Plane));
        var planeLogZ = LogPartition.Exact(plane, beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(Math.Log(2 * Math.PI / beta) + 0.5 * Math.Log(1.64), planeLogZ, 1e-13);
    }

    [Fact]
    public void Every_problem_of_the_input_is_reported_by_field()
    {
        var nan = Mat.FromRows([[1.0, double.NaN], [double.NaN, 1.0]]);
        Assert.Equal(
            ["covariance: has 2 rows, expected 3 (one per mean entry)", "covariance: entry [0][1] is not a finite number"],
            Messages(GaussianModel.FromCovariance(Vec.Of(0, 0, 0), nan)));
        Assert.Equal(
            ["covariance: is not symmetric: [0][1] = 0.5 but [1][0] = 0.4"],
            Messages(GaussianModel.FromCovariance(Vec.Of(0, 0), Mat.FromRows([[1.0, 0.5], [0.4, 1.0]]))));
    }

    [Theory]
    [InlineData(1.0, 2.0, 1.0)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(1.0, 1.0, 1.0)]
    public void A_covariance_that_is_not_positive_definite_is_refused(double a, double b, double c)
    {
        var error = Assert.Single(Messages(GaussianModel.FromCovariance(Vec.Of(0, 0), Mat.FromRows([[a, b], [b, c]]))));
        Assert.StartsWith("covariance: is not positive definite", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_covariance_whose_inverse_overflows_is_refused_by_name()
    {
        // Variances of 1e-310 are positive, but the precision 1e310 is not a finite double.
        var tiny = Mat.FromRows([[1e-310, 0.0], [0.0, 1e-310]]);
        var error = Assert.Single(Messages(GaussianModel.FromCovariance(Vec.Of(0, 0), tiny)));
        Assert.StartsWith("covariance: is too ill-conditioned to invert", error, StringComparison.Ordinal);
    }

    private static string[] Messages(LanguageExt.Validation<LanguageExt.Common.Error, GaussianModel> result) =>
        result.Match(_ => [], errors => errors.Map(e => e.Message).ToArray());
}
