using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

/// <summary>The closed-form energy derivatives of the Gaussian.</summary>
public static partial class GaussianTraining
{
    private static Mat InputGradients(GaussianModel model, Mat x)
    {
        int n = x.Rows, d = model.Dimension;
        return Mat.Create(n, d, g =>
        {
            for (var r = 0; r < n; r++) Multiply(model.Precision, Residual(model, x, r), g.Slice(r * d, d));
        });
    }

    private static Vec ParameterGradient(GaussianModel model, Mat x, Vec weights)
    {
        var d = model.Dimension;
        var weightedResidual = new double[d];
        var outer = new double[d * d];
        for (var r = 0; r < x.Rows; r++)
        {
            var residual = Residual(model, x, r);
            for (var i = 0; i < d; i++)
            {
                weightedResidual[i] += weights[r] * residual[i];
                for (var j = 0; j < d; j++) outer[i * d + j] += weights[r] * residual[i] * residual[j];
            }
        }

        return Assemble(model, weightedResidual, outer);
    }

    private static Vec DirectionalParameterGradient(GaussianModel model, Mat x, Mat directions)
    {
        var d = model.Dimension;
        var direction = new double[d];
        var outer = new double[d * d];
        for (var r = 0; r < x.Rows; r++)
        {
            var residual = Residual(model, x, r);
            var u = directions.Row(r);
            for (var i = 0; i < d; i++)
            {
                direction[i] += u[i];
                for (var j = 0; j < d; j++) outer[i * d + j] += u[i] * residual[j] + residual[i] * u[j];
            }
        }

        return Assemble(model, direction, outer);
    }

    private static (Vec Curvatures, Vec ParameterGradient) Curvature(GaussianModel model, Mat x, Mat directions)
    {
        var d = model.Dimension;
        var outer = new double[d * d];
        var projected = new double[d];
        var curvatures = Vec.Create(directions.Rows, c =>
        {
            for (var r = 0; r < directions.Rows; r++)
            {
                var v = directions.Row(r);
                MultiplyTransposedFactor(model.CholeskyFactor, v, projected);
                c[r] = ScoreMatching.SquaredNorm(projected);
                for (var i = 0; i < d; i++)
                for (var j = 0; j < d; j++)
                    outer[i * d + j] += 2 * v[i] * v[j];
            }
        });
        return (curvatures, Assemble(model, new double[d], outer));
    }

    /// <summary>The flat gradient from the mean part -P m and the factor part (S L), lower triangle, diagonal times L_ii.</summary>
    private static Vec Assemble(GaussianModel model, double[] meanVector, double[] s)
    {
        var d = model.Dimension;
        var factor = model.CholeskyFactor;
        return Vec.Create(Length(d), g =>
        {
            Multiply(model.Precision, meanVector, g[..d]);
            for (var i = 0; i < d; i++) g[i] = -g[i];
            var k = d;
            for (var i = 0; i < d; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.0;
                for (var m = j; m < d; m++) sum += s[i * d + m] * factor[m, j];
                g[k++] = i == j ? sum * factor[i, i] : sum;
            }
        });
    }

    private static double[] Residual(GaussianModel model, Mat x, int row)
    {
        var residual = new double[model.Dimension];
        for (var i = 0; i < residual.Length; i++) residual[i] = x[row, i] - model.Mean[i];
        return residual;
    }

    private static void Multiply(Mat matrix, ReadOnlySpan<double> vector, Span<double> product)
    {
        for (var i = 0; i < product.Length; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < vector.Length; j++) sum += matrix[i, j] * vector[j];
            product[i] = sum;
        }
    }

    /// <summary>L^T v, L lower triangular.</summary>
    private static void MultiplyTransposedFactor(Mat factor, ReadOnlySpan<double> v, Span<double> product)
    {
        for (var j = 0; j < product.Length; j++)
        {
            var sum = 0.0;
            for (var i = j; i < v.Length; i++) sum += factor[i, j] * v[i];
            product[j] = sum;
        }
    }
}
