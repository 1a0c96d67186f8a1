using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Models;

/// <summary>The Gaussian energy and its gradients at hand-computed points.</summary>
public sealed class GaussianModelTests
{
    // mu = (1, -1), P = [[2, 0.5], [0.5, 1]], x = (2, 1): r = (1, 2), r^T P r = 2 + 2 * 0.5 * 2 + 4 = 8.
    private static readonly GaussianModel Plane = (GaussianModel)GaussianModel.Create(Vec.Of(1, -1), Mat.FromRows([[2.0, 0.5], [0.5, 1.0]]));

    [Fact]
    public void Energy_is_half_the_quadratic_form()
    {
        Assert.Equal(4.0, Plane.Energy([2.0, 1.0]), 14);
        Assert.Equal(0.0, Plane.Energy([1.0, -1.0]));
    }

    [Fact]
    public void Energy_in_three_dimensions_matches_the_quadratic_form()
    {
        double[][] p = [[3.0, 1.0, 0.0], [1.0, 2.0, -0.5], [0.0, -0.5, 1.0]];
        var gaussian = (GaussianModel)GaussianModel.Create(Vec.Of(0.5, 0, -1), Mat.FromRows(p));
        double[] x = [1.5, -1.0, 0.0];
        double[] r = [1.0, -1.0, 1.0];
        var form = 0.0;
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            form += r[i] * p[i][j] * r[j];
        Assert.Equal(0.5 * form, gaussian.Energy(x), 13);
    }

    [Fact]
    public void Gradient_is_the_precision_times_the_residual()
    {
        var gradient = new double[2];
        Plane.EnergyGradient([2.0, 1.0], gradient);
        Assert.Equal(3.0, gradient[0], 14);
        Assert.Equal(2.5, gradient[1], 14);
    }

    [Fact]
    public void Parameter_gradient_at_a_point()
    {
        var g = Plane.ParameterGradient([2.0, 1.0]);
        Assert.Equal(Vec.Of(-3.0, -2.5), g.Mean);
        Assert.Equal(Mat.FromRows([[0.5, 1.0], [1.0, 2.0]]), g.Precision);
    }

    [Fact]
    public void Batch_energies_and_mean_parameter_gradient_agree_with_the_single_point_versions()
    {
        var batch = Mat.FromRows([[2.0, 1.0], [0.0, 0.0], [-1.5, 3.25]]);
        var energies = Plane.Energies(batch);
        var mean = Plane.MeanParameterGradient(batch);
        double[] meanOfMean = [0, 0];
        var meanOfPrecision = new double[4];
        for (var row = 0; row < batch.Rows; row++)
        {
            Assert.Equal(Plane.Energy(batch.Row(row)), energies[row], 13);
            var g = Plane.ParameterGradient(batch.Row(row));
            for (var i = 0; i < 2; i++) meanOfMean[i] += g.Mean[i] / batch.Rows;
            for (var i = 0; i < 4; i++) meanOfPrecision[i] += g.Precision.Span[i] / batch.Rows;
        }

        for (var i = 0; i < 2; i++) Assert.Equal(meanOfMean[i], mean.Mean[i], 13);
        for (var i = 0; i < 4; i++) Assert.Equal(meanOfPrecision[i], mean.Precision.Span[i], 13);
    }

    [Fact]
    public void A_point_of_the_wrong_dimension_is_a_programmer_error()
    {
        Assert.Throws<ArgumentException>(() => Plane.Energy([1.0, 2.0, 3.0]));
        Assert.Throws<ArgumentException>(() => Plane.Energies(Mat.Zeros(2, 3)));
        Assert.Throws<ArgumentException>(() => Plane.EnergyGradient([1.0, 2.0], new double[3]));
        Assert.Throws<ArgumentException>(() => Plane.MeanParameterGradient(Mat.Zeros(0, 2)));
    }

    [Fact]
    public void Is_a_continuous_model_with_its_kind()
    {
        IContinuousModel model = Plane;
        Assert.Equal("gaussian", model.Kind);
        Assert.Equal(2, model.Dimension);
    }
}
