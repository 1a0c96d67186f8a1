using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Properties.Models;
using Ebm.Functional.Training;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Training;

/// <summary>
/// On any small MLP (<see cref="MlpArbitraries"/>), every derivative of <see cref="MlpTraining.Derivatives"/> and
/// <see cref="MlpTraining.ClassifierDerivatives"/> equals a central finite difference of the quantity it differentiates.
/// </summary>
/// <remarks>
/// Central differences with h = 1e-5 have truncation error h² M3 / 6 and rounding error about eps |f| / h. With weights
/// and biases in [-1.5, 1.5], at most 3 inputs and 5 units per layer, scales of at least 0.5 and points in [-2, 2]:
/// |u| &lt;= 6, |z_1| &lt;= 1.5 (1 + 3 · 6) &lt; 29, |z_2| &lt;= 1.5 (1 + 5 · 30) &lt; 230 and |E| &lt; 1.8e3 (softplus and SiLU
/// grow at most like |z| + 1, tanh is bounded), with the activations' derivatives bounded by 2; so the rounding error
/// is below 4e-8 and the truncation error, with third derivatives of a few 1e3 at most, below 5e-8. The tolerance
/// 1e-6 (1 + |value|) leaves a margin of 10 while a wrong term, of order one, fails it. Second derivatives are
/// differences of exact first derivatives, never second differences.
/// </remarks>
[Properties(Arbitrary = [typeof(MlpArbitraries)], MaxTest = 100)]
public sealed class MlpDerivativeLaws
{
    private const double Step = 1e-5;

    [Property]
    public bool Parameter_gradient_is_the_difference_of_the_weighted_energies(MlpArbitraries.MlpCase c)
    {
        var a = Vec.Of(c.RowWeights[..c.Rows]);
        var gradient = MlpTraining.Derivatives.ParameterGradient(c.Energy, c.X, a);
        return Matches(MlpTraining.Parameters, c.Energy, gradient, m => Dot(a.Span, m.Energies(c.X).Span));
    }

    [Property]
    public bool Directional_parameter_gradient_is_the_difference_of_the_projected_scores(MlpArbitraries.MlpCase c)
    {
        var gradient = MlpTraining.Derivatives.DirectionalParameterGradient(c.Energy, c.X, c.V);
        return Matches(MlpTraining.Parameters, c.Energy, gradient, m => Dot(c.V.Span, m.InputGradients(c.X).Span));
    }

    [Property]
    public bool Curvature_is_the_difference_of_the_gradient_along_the_direction_and_so_is_its_parameter_gradient(MlpArbitraries.MlpCase c)
    {
        var model = c.Energy;
        var (curvatures, gradient) = MlpTraining.Derivatives.Curvature(model, c.X, c.V);
        for (var r = 0; r < c.Rows; r++)
        {
            var row = r;
            var expected = Difference(h =>
            {
                var moved = Mat.Create(1, c.Inputs, d =>
                {
                    for (var i = 0; i < c.Inputs; i++) d[i] = c.X[row, i] + h * c.V[row, i];
                });
                return Dot(c.V.Row(row), model.InputGradients(moved).Span);
            });
            if (!Close(expected, curvatures[r])) return false;
        }

        return Matches(MlpTraining.Parameters, model, gradient, m => Sum(MlpTraining.Derivatives.Curvature(m, c.X, c.V).Curvatures.Span));
    }

    [Property]
    public bool Classifier_logit_parameter_gradient_is_the_difference_of_the_weighted_logits(MlpArbitraries.MlpCase c)
    {
        var weights = Mat.From(c.Rows, c.Classes, c.RowWeights.AsSpan(0, c.Rows * c.Classes));
        var gradient = MlpTraining.ClassifierDerivatives.LogitParameterGradient(c.Classifier, c.X, weights);
        return Matches(MlpTraining.ClassifierParameters, c.Classifier, gradient, m => Dot(weights.Span, m.Logits(c.X).Span));
    }

    private static bool Matches<TModel>(ModelParameters<TModel> layout, TModel model, Vec gradient, Func<TModel, double> objective)
    {
        var theta = layout.ToVector(model);
        for (var j = 0; j < theta.Length; j++)
        {
            var index = j;
            var expected = Difference(h => objective(layout.FromVector(model, Vec.Create(theta.Length, d =>
            {
                theta.Span.CopyTo(d);
                d[index] += h;
            })).Match(m => m, e => throw new InvalidOperationException(e.Message))));
            if (!Close(expected, gradient[j])) return false;
        }

        return true;
    }

    private static double Difference(Func<double, double> f) => (f(Step) - f(-Step)) / (2 * Step);

    private static bool Close(double expected, double actual) => Math.Abs(expected - actual) <= 1e-6 * (1 + Math.Abs(expected));

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum;
    }
}
