using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Training;
using static Ebm.Functional.Tests.Training.BoltzmannTrainingTesting;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// Asymptotic standard errors of the estimators of a Boltzmann machine's parameters from N independent draws, computed
/// exactly from the true machine by enumeration, in the layout of <see cref="BoltzmannTraining.Parameters"/>.
/// </summary>
/// <remarks>
/// Maximum likelihood in an exponential family: Cov(theta_hat) = I^-1 / N with I = Cov(T), T(x) = (x_i x_j for i &lt; j,
/// x_i) the sufficient statistics (Cramér 1946). Maximum pseudolikelihood: the sandwich H^-1 V H^-1 / N with H the
/// expected Hessian and V the covariance of one example's pseudolikelihood gradient (Besag 1975; Varin, Reid and Firth
/// 2011 for composite likelihoods). With a_i = f_i d_i, the loss -sum_i log sigmoid(a_i) has gradient
/// -sum_i sigmoid(-a_i) grad a_i and Hessian sum_i sigmoid(a_i) sigmoid(-a_i) grad a_i grad a_i^T (a_i is linear in
/// theta), grad a_i = d_i grad f_i, grad f_i holding x_j at the pair (i, j) and 1 at the bias i.
/// </remarks>
internal static class EstimatorStandardErrors
{
    public static double[] MaximumLikelihood(BoltzmannMachine truth, int samples, double[,]? subspace = null)
    {
        var (states, probabilities) = Distribution(truth);
        var p = Length(truth);
        var mean = new double[p];
        var second = new double[p, p];
        foreach (var (x, probability) in states.Zip(probabilities))
        {
            var t = Statistics(x);
            for (var a = 0; a < p; a++)
            {
                mean[a] += probability * t[a];
                for (var b = 0; b < p; b++) second[a, b] += probability * t[a] * t[b];
            }
        }

        var information = new double[p, p];
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++) information[a, b] = second[a, b] - mean[a] * mean[b];
        return Diagonal(Inverse(Project(information, subspace)), samples);
    }

    public static double[] Pseudolikelihood(BoltzmannMachine truth, int samples, double[,]? subspace = null)
    {
        var (states, probabilities) = Distribution(truth);
        var p = Length(truth);
        var hessian = new double[p, p];
        var outer = new double[p, p];
        foreach (var (x, probability) in states.Zip(probabilities))
        {
            var gradient = new double[p];
            foreach (var (direction, margin) in Margins(truth, x))
            {
                var curvature = Sigmoid(margin) * Sigmoid(-margin);
                for (var a = 0; a < p; a++)
                {
                    gradient[a] -= Sigmoid(-margin) * direction[a];
                    for (var b = 0; b < p; b++) hessian[a, b] += probability * curvature * direction[a] * direction[b];
                }
            }

            for (var a = 0; a < p; a++)
                for (var b = 0; b < p; b++) outer[a, b] += probability * gradient[a] * gradient[b];
        }

        var bread = Inverse(Project(hessian, subspace));
        return Diagonal(Multiply(Multiply(bread, Project(outer, subspace)), bread), samples);
    }

    private static (double[][] States, double[] Probabilities) Distribution(BoltzmannMachine truth)
    {
        var probabilities = Valid(Enumeration.Probabilities(truth, 1.0)).ToArray();
        var states = Enumerable.Range(0, probabilities.Length).Select(x => Ebm.Functional.Tests.Models.BoltzmannRandom.State(x, truth.Dimension, truth.States)).ToArray();
        return (states, probabilities);
    }

    private static int Length(BoltzmannMachine model) => model.Dimension * (model.Dimension - 1) / 2 + model.Dimension;

    private static double[] Statistics(double[] x)
    {
        var n = x.Length;
        var t = new List<double>();
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++) t.Add(x[i] * x[j]);
        t.AddRange(x);
        return [.. t];
    }

    /// <summary>For each unit i: grad a_i and a_i = f_i d_i.</summary>
    private static IEnumerable<(double[] Direction, double Margin)> Margins(BoltzmannMachine model, double[] x)
    {
        var n = x.Length;
        var pairs = n * (n - 1) / 2;
        for (var i = 0; i < n; i++)
        {
            var gap = model.States == StateConvention.Spin ? 2 * x[i] : 2 * x[i] - 1;
            var direction = new double[pairs + n];
            var k = 0;
            for (var a = 0; a < n; a++)
                for (var b = a + 1; b < n; b++, k++)
                {
                    if (a == i) direction[k] = gap * x[b];
                    if (b == i) direction[k] = gap * x[a];
                }

            direction[pairs + i] = gap;
            yield return (direction, model.LocalField(x, i) * gap);
        }
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>A^T M A for a parameterisation theta = A phi of a subspace (null: M itself).</summary>
    private static double[,] Project(double[,] m, double[,]? a)
    {
        if (a is null) return m;
        return Multiply(Multiply(Transpose(a), m), a);
    }

    private static double[] Diagonal(double[,] covariance, int samples) =>
        Enumerable.Range(0, covariance.GetLength(0)).Select(k => Math.Sqrt(covariance[k, k] / samples)).ToArray();

    private static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var c = new double[a.GetLength(0), b.GetLength(1)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var k = 0; k < a.GetLength(1); k++)
                for (var j = 0; j < b.GetLength(1); j++) c[i, j] += a[i, k] * b[k, j];
        return c;
    }

    /// <summary>Gauss-Jordan elimination with partial pivoting (the matrices here are symmetric positive definite).</summary>
    private static double[,] Inverse(double[,] m)
    {
        var n = m.GetLength(0);
        var a = (double[,])m.Clone();
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++) inverse[i, i] = 1;
        for (var column = 0; column < n; column++)
        {
            var pivot = Enumerable.Range(column, n - column).MaxBy(r => Math.Abs(a[r, column]));
            for (var j = 0; j < n; j++)
            {
                (a[column, j], a[pivot, j]) = (a[pivot, j], a[column, j]);
                (inverse[column, j], inverse[pivot, j]) = (inverse[pivot, j], inverse[column, j]);
            }

            var scale = 1 / a[column, column];
            for (var j = 0; j < n; j++)
            {
                a[column, j] *= scale;
                inverse[column, j] *= scale;
            }

            for (var r = 0; r < n; r++)
            {
                if (r == column) continue;
                var factor = a[r, column];
                for (var j = 0; j < n; j++)
                {
                    a[r, j] -= factor * a[column, j];
                    inverse[r, j] -= factor * inverse[column, j];
                }
            }
        }

        return inverse;
    }
}
