using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using static Ebm.Functional.Tests.Training.ContinuousObjectiveFixtures;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// The Gaussian's layout and closed-form derivatives against central finite differences, and the exact score-matching
/// estimate against the data's moments computed here independently.
/// </summary>
public sealed class GaussianTrainingTests
{
    /// <summary>
    /// Central differences with h = 1e-5 err by h^2 |f'''| / 6 (0 in x and mu, where E is quadratic; in the factor
    /// entries, exponentials of log L_ii of order 1, |f'''| &lt; 100 here, so &lt; 2e-9) plus rounding 1e-16 |f| / h &lt; 1e-10:
    /// 1e-7 is a wide but honest bound, and a wrong sign or factor misses it by orders of magnitude.
    /// </summary>
    private const double Tolerance = 1e-7;

    private static readonly GaussianModel Model = GaussianModel.Create(Vec.Of(0.3, -0.2), Mat.FromRows([[2.0, 0.4], [0.4, 1.5]])).Valid();

    private static readonly Mat Points = Mat.FromRows([[0.5, 1.0], [-1.2, 0.3], [2.0, -0.7], [0.1, 0.1], [-0.4, -1.5]]);

    private static readonly Mat Directions = Mat.FromRows([[1.0, -0.5], [0.2, 0.9], [-1.1, 0.4], [0.6, 0.6], [-0.3, -1.2]]);

    private static readonly Vec Weights = Vec.Of(0.7, -1.3, 0.4, 2.0, -0.6);

    [Fact]
    public void The_layout_round_trips_and_every_vector_is_a_valid_model()
    {
        var values = GaussianTraining.Parameters.ToVector(Model);
        Assert.Equal(5, values.Length);
        var back = GaussianTraining.Parameters.FromVector(Model, values).ThrowIfFail();
        for (var k = 0; k < 4; k++) Assert.Equal(Model.Precision.Span[k], back.Precision.Span[k], 12);
        Assert.Equal(Model.Mean, back.Mean);
        // An arbitrary vector: L = [[e^-2, 0], [3, e^1.5]], P = L L^T is positive definite.
        var arbitrary = GaussianTraining.Parameters.FromVector(Model, Vec.Of(5, -5, -2, 3, 1.5)).ThrowIfFail();
        Assert.Equal(Math.Exp(-4), arbitrary.Precision[0, 0], 12);
        Assert.Equal(3 * Math.Exp(-2), arbitrary.Precision[1, 0], 12);
        Assert.Equal(9 + Math.Exp(3), arbitrary.Precision[1, 1], 10);
        Assert.True(GaussianTraining.Parameters.FromVector(Model, Vec.Of(1, 2, 3)).IsFail);
        Assert.All(GaussianTraining.Parameters.DecayMask(Model).ToArray(), m => Assert.Equal(0.0, m));
    }

    [Fact]
    public void Input_gradients_match_finite_differences_of_the_energy()
    {
        var gradients = GaussianTraining.Derivatives.InputGradients(Model, Points);
        for (var r = 0; r < Points.Rows; r++)
        {
            var row = r;
            var differences = RbmTrainingFixtures.FiniteDifferences(x => Model.Energy(x.Span), Vec.From(Points.Row(row)));
            Assert.True(RbmTrainingFixtures.RelativeError(gradients.Row(r), differences) < Tolerance);
        }
    }

    [Fact]
    public void The_parameter_gradient_matches_finite_differences_of_the_weighted_energies()
    {
        var gradient = GaussianTraining.Derivatives.ParameterGradient(Model, Points, Weights);
        var differences = OverParameters(m => Dot(Weights.Span, m.Energies(Points).Span));
        Assert.True(RbmTrainingFixtures.RelativeError(gradient.Span, differences) < Tolerance, $"{gradient} vs {Vec.Of(differences)}");
    }

    [Fact]
    public void The_directional_gradient_matches_finite_differences_of_u_dot_the_score()
    {
        var gradient = GaussianTraining.Derivatives.DirectionalParameterGradient(Model, Points, Directions);
        var differences = OverParameters(m => Dot(Directions.Span, GaussianTraining.Derivatives.InputGradients(m, Points).Span));
        Assert.True(RbmTrainingFixtures.RelativeError(gradient.Span, differences) < Tolerance, $"{gradient} vs {Vec.Of(differences)}");
    }

    [Fact]
    public void Curvatures_are_v_P_v_and_their_gradient_matches_finite_differences()
    {
        var (curvatures, gradient) = GaussianTraining.Derivatives.Curvature(Model, Points, Directions);
        for (var r = 0; r < Directions.Rows; r++)
        {
            var v = Directions.Row(r);
            var expected = 2.0 * v[0] * v[0] + 2 * 0.4 * v[0] * v[1] + 1.5 * v[1] * v[1];
            Assert.Equal(expected, curvatures[r], 12);
        }

        var differences = OverParameters(m => QuadraticSum(m.Precision, Directions));
        Assert.True(RbmTrainingFixtures.RelativeError(gradient.Span, differences) < Tolerance, $"{gradient} vs {Vec.Of(differences)}");
    }

    [Fact]
    public void The_score_matching_estimate_is_the_sample_mean_and_the_inverse_sample_covariance()
    {
        var data = GaussianData(500, 4);
        double mx = 0, my = 0;
        for (var r = 0; r < 500; r++) (mx, my) = (mx + data[r, 0] / 500, my + data[r, 1] / 500);
        double sxx = 0, sxy = 0, syy = 0;
        for (var r = 0; r < 500; r++)
        {
            double dx = data[r, 0] - mx, dy = data[r, 1] - my;
            (sxx, sxy, syy) = (sxx + dx * dx / 500, sxy + dx * dy / 500, syy + dy * dy / 500);
        }

        var determinant = sxx * syy - sxy * sxy;
        var estimate = GaussianTraining.ScoreMatchingEstimate(data).ThrowIfFail();
        Assert.Equal(mx, estimate.Mean[0], 12);
        Assert.Equal(my, estimate.Mean[1], 12);
        Assert.Equal(syy / determinant, estimate.Precision[0, 0], 10);
        Assert.Equal(-sxy / determinant, estimate.Precision[0, 1], 10);
        Assert.Equal(sxx / determinant, estimate.Precision[1, 1], 10);
    }

    [Fact]
    public void The_estimate_refuses_degenerate_data_with_a_clear_error()
    {
        var one = GaussianTraining.ScoreMatchingEstimate(Mat.FromRows([[1.0, 2.0]]));
        var constant = GaussianTraining.ScoreMatchingEstimate(Mat.FromRows([[1.0, 2.0], [1.0, 3.0], [1.0, -1.0]]));
        Assert.Equal(ContinuousTrainingErrors.DegenerateDataCode, one.Match(_ => 0, e => e.Code));
        Assert.Contains("singular", constant.Match(_ => "", e => e.Message));
    }

    private static double[] OverParameters(Func<GaussianModel, double> f) => RbmTrainingFixtures.FiniteDifferences(
        v => f(GaussianTraining.Parameters.FromVector(Model, v).ThrowIfFail()), GaussianTraining.Parameters.ToVector(Model));

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }

    private static double QuadraticSum(Mat precision, Mat directions)
    {
        var s = 0.0;
        for (var r = 0; r < directions.Rows; r++)
        for (var i = 0; i < 2; i++)
        for (var j = 0; j < 2; j++)
            s += directions[r, i] * precision[i, j] * directions[r, j];
        return s;
    }
}
