using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Training;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// Every derivative of <see cref="MlpTraining.Derivatives"/> and <see cref="MlpTraining.ClassifierDerivatives"/> against
/// central finite differences, on every activation, depths 1 to 3 and a scaling far from the identity.
/// </summary>
/// <remarks>
/// Central differences with step h = 1e-5 on functions that are smooth in the variable differenced: the truncation
/// error is h² |f'''| / 6 (about 2e-11 |f'''|) and the rounding error about eps |f| / h (about 2e-11 |f|); with the
/// values and third derivatives of these small networks below 1e2, both stay under 1e-8, so a tolerance of 1e-6
/// relative to (1 + |value|) has a margin of 100 while any wrong term (an error of order one) fails it.
/// Second derivatives are differences of the exact gradients (checked first), never second differences.
/// </remarks>
public sealed class MlpTrainingDerivativeTests
{
    private const double Step = 1e-5;
    private const double Tolerance = 1e-6;
    private const int Rows = 4;

    public static TheoryData<MlpActivation, int, int[]> Shapes => MlpTestNetworks.Shapes();

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Input_gradients_are_the_differences_of_the_energies(MlpActivation activation, int inputs, int[] hidden)
    {
        var model = MlpTestNetworks.Energy(1, activation, inputs, hidden);
        var xs = MlpTestNetworks.Points(2, Rows, inputs);
        var gradients = MlpTraining.Derivatives.InputGradients(model, xs);
        for (var r = 0; r < Rows; r++)
        for (var i = 0; i < inputs; i++)
        {
            var (r0, i0) = (r, i);
            AssertClose(Difference(h => model.Energy(Shifted(xs.Row(r0), i0, h))), gradients[r, i], $"row {r}, coordinate {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Parameter_gradient_is_the_difference_of_the_weighted_energies(MlpActivation activation, int inputs, int[] hidden)
    {
        var model = MlpTestNetworks.Energy(3, activation, inputs, hidden);
        var xs = MlpTestNetworks.Points(4, Rows, inputs);
        var weights = Vec.Of(0.5, -1.25, 2.0, 0.75);
        var gradient = MlpTraining.Derivatives.ParameterGradient(model, xs, weights);
        AssertParameterDifferences(model, gradient, m => Dot(weights, m.Energies(xs)));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Directional_parameter_gradient_is_the_difference_of_the_projected_input_gradients(MlpActivation activation, int inputs, int[] hidden)
    {
        var model = MlpTestNetworks.Energy(5, activation, inputs, hidden);
        var xs = MlpTestNetworks.Points(6, Rows, inputs);
        var directions = MlpTestNetworks.Points(7, Rows, inputs);
        var gradient = MlpTraining.Derivatives.DirectionalParameterGradient(model, xs, directions);
        AssertParameterDifferences(model, gradient, m => Dot(directions, m.InputGradients(xs)));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Curvatures_are_the_differences_of_the_input_gradients_along_the_direction(MlpActivation activation, int inputs, int[] hidden)
    {
        var model = MlpTestNetworks.Energy(8, activation, inputs, hidden);
        var xs = MlpTestNetworks.Points(9, Rows, inputs);
        var directions = MlpTestNetworks.Points(10, Rows, inputs);
        var (curvatures, _) = MlpTraining.Derivatives.Curvature(model, xs, directions);
        for (var r = 0; r < Rows; r++)
        {
            var (x, v) = (xs.Row(r).ToArray(), directions.Row(r).ToArray());
            var expected = Difference(h =>
            {
                var moved = new double[inputs];
                for (var i = 0; i < inputs; i++) moved[i] = x[i] + h * v[i];
                var g = new double[inputs];
                model.EnergyGradient(moved, g);
                return Dot(v, g);
            });
            AssertClose(expected, curvatures[r], $"row {r}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Curvature_parameter_gradient_is_the_difference_of_the_summed_curvatures(MlpActivation activation, int inputs, int[] hidden)
    {
        var model = MlpTestNetworks.Energy(11, activation, inputs, hidden);
        var xs = MlpTestNetworks.Points(12, Rows, inputs);
        var directions = MlpTestNetworks.Points(13, Rows, inputs);
        var (_, gradient) = MlpTraining.Derivatives.Curvature(model, xs, directions);
        AssertParameterDifferences(model, gradient, m => Sum(MlpTraining.Derivatives.Curvature(m, xs, directions).Curvatures));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_laplacian_from_unit_directions_is_the_trace_of_the_differenced_hessian(MlpActivation activation, int inputs, int[] hidden)
    {
        var model = MlpTestNetworks.Energy(14, activation, inputs, hidden);
        var xs = MlpTestNetworks.Points(15, Rows, inputs);
        var laplacians = new double[Rows];
        for (var i = 0; i < inputs; i++)
        {
            var unit = Mat.Create(Rows, inputs, d =>
            {
                for (var r = 0; r < Rows; r++) d[r * inputs + i] = 1.0;
            });
            var (curvatures, _) = MlpTraining.Derivatives.Curvature(model, xs, unit);
            for (var r = 0; r < Rows; r++) laplacians[r] += curvatures[r];
        }

        for (var r = 0; r < Rows; r++)
        {
            var trace = 0.0;
            for (var i = 0; i < inputs; i++)
            {
                var (r0, i0) = (r, i);
                trace += Difference(h =>
                {
                    var g = new double[inputs];
                    model.EnergyGradient(Shifted(xs.Row(r0), i0, h), g);
                    return g[i0];
                });
            }

            AssertClose(trace, laplacians[r], $"row {r}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Classifier_logit_gradient_and_energy_gradient_are_the_differences(MlpActivation activation, int inputs, int[] hidden)
    {
        var model = MlpTestNetworks.Classifier(16, activation, inputs, hidden, 3);
        var xs = MlpTestNetworks.Points(17, Rows, inputs);
        var weights = MlpTestNetworks.Points(18, Rows, 3);
        var gradient = MlpTraining.ClassifierDerivatives.LogitParameterGradient(model, xs, weights);
        var theta = MlpTraining.ClassifierParameters.ToVector(model);
        for (var j = 0; j < theta.Length; j++)
        {
            var j0 = j;
            var expected = Difference(h => Dot(weights, MlpTraining.ClassifierDerivatives.Logits(Moved(MlpTraining.ClassifierParameters, model, theta, j0, h), xs)));
            AssertClose(expected, gradient[j], $"parameter {j}");
        }

        var energyGradients = MlpTraining.ClassifierDerivatives.EnergyInputGradients(model, xs);
        for (var r = 0; r < Rows; r++)
        for (var i = 0; i < inputs; i++)
        {
            var (r0, i0) = (r, i);
            AssertClose(Difference(h => model.Energy(Shifted(xs.Row(r0), i0, h))), energyGradients[r, i], $"row {r}, coordinate {i}");
        }
    }

    private static void AssertParameterDifferences(MlpEnergy model, Vec gradient, Func<MlpEnergy, double> objective)
    {
        var theta = MlpTraining.Parameters.ToVector(model);
        Assert.Equal(theta.Length, gradient.Length);
        for (var j = 0; j < theta.Length; j++)
        {
            var j0 = j;
            AssertClose(Difference(h => objective(Moved(MlpTraining.Parameters, model, theta, j0, h))), gradient[j], $"parameter {j}");
        }
    }

    private static TModel Moved<TModel>(ModelParameters<TModel> layout, TModel model, Vec theta, int index, double h) =>
        layout.FromVector(model, Vec.Create(theta.Length, d =>
        {
            theta.Span.CopyTo(d);
            d[index] += h;
        })).Match(m => m, e => throw new InvalidOperationException(e.Message));

    private static double Difference(Func<double, double> f) => (f(Step) - f(-Step)) / (2 * Step);

    private static double[] Shifted(ReadOnlySpan<double> x, int coordinate, double h)
    {
        var moved = x.ToArray();
        moved[coordinate] += h;
        return moved;
    }

    private static void AssertClose(double expected, double actual, string where) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * (1 + Math.Abs(expected)), $"{where}: differences {expected:R}, exact {actual:R}");

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Dot(Vec a, Vec b) => Dot(a.Span, b.Span);

    private static double Dot(Mat a, Mat b) => Dot(a.Span, b.Span);

    private static double Sum(Vec values) => Dot(values.Span, Vec.Filled(values.Length, 1.0).Span);
}
