using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>Energy, gradients and parameter gradients of the Gaussian energy.</summary>
public sealed partial record GaussianModel : IContinuousModel
{
    /// <summary>E(x) = 1/2 (x - mu)^T P (x - mu), computed as 1/2 |L^T (x - mu)|^2 so it is never negative.</summary>
    /// <example>Mean (0, 0), P = I, x = (1, 2): E = 2.5.</example>
    public double Energy(ReadOnlySpan<double> x)
    {
        var d = RequireDimension(x.Length, nameof(x));
        Span<double> residual = d <= 256 ? stackalloc double[d] : new double[d];
        Residual(x, residual);
        var factor = CholeskyFactor.Span;
        var sum = 0.0;
        for (var j = 0; j < d; j++)
        {
            // (L^T r)_j = sum_{i >= j} L_ij r_i: only the lower triangle of L is non-zero.
            var projected = 0.0;
            for (var i = j; i < d; i++) projected += factor[i * d + j] * residual[i];
            sum += projected * projected;
        }

        return 0.5 * sum;
    }

    /// <summary>E of every row of the n x d batch, through one matrix product Y = (X - 1 mu^T) L, E_i = 1/2 |Y_i|^2.</summary>
    public Vec Energies(Mat xs)
    {
        var d = RequireDimension(xs.Columns, nameof(xs));
        var n = xs.Rows;
        var residuals = Residuals(xs);
        var projected = new double[n * d];
        MatrixProduct.Gemm(false, false, n, d, d, 1.0, residuals, d, CholeskyFactor.Span, d, 0.0, projected, d);
        return Vec.Create(n, energies =>
        {
            for (var row = 0; row < n; row++)
            {
                var y = projected.AsSpan(row * d, d);
                var sum = 0.0;
                foreach (var value in y) sum += value * value;
                energies[row] = 0.5 * sum;
            }
        });
    }

    /// <summary>dE/dx = P (x - mu).</summary>
    public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var d = RequireDimension(x.Length, nameof(x));
        RequireDimension(gradient.Length, nameof(gradient));
        Span<double> residual = d <= 256 ? stackalloc double[d] : new double[d];
        Residual(x, residual);
        MultiplyByPrecision(residual, gradient);
    }

    /// <summary>dE/dmu = -P (x - mu) and dE/dP = 1/2 (x - mu)(x - mu)^T at one point (see <see cref="GaussianGradient"/>).</summary>
    public GaussianGradient ParameterGradient(ReadOnlySpan<double> x)
    {
        var d = RequireDimension(x.Length, nameof(x));
        var residual = new double[d];
        Residual(x, residual);
        var mean = Vec.Create(d, g =>
        {
            MultiplyByPrecision(residual, g);
            for (var i = 0; i < d; i++) g[i] = -g[i];
        });
        var precision = Mat.Create(d, d, g =>
        {
            for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
                g[i * d + j] = 0.5 * residual[i] * residual[j];
        });
        return new GaussianGradient(mean, precision);
    }

    /// <summary>
    /// The parameter gradient averaged over the rows of the n x d batch: dE/dmu = -P (xbar - mu) and
    /// dE/dP = 1/(2n) R^T R with R = X - 1 mu^T (one matrix product).
    /// </summary>
    public GaussianGradient MeanParameterGradient(Mat xs)
    {
        var d = RequireDimension(xs.Columns, nameof(xs));
        var n = xs.Rows;
        if (n == 0) throw new ArgumentException("the batch has no rows", nameof(xs));
        var residuals = Residuals(xs);
        var meanResidual = new double[d];
        for (var row = 0; row < n; row++)
        for (var j = 0; j < d; j++)
            meanResidual[j] += residuals[row * d + j];
        for (var j = 0; j < d; j++) meanResidual[j] /= n;
        var mean = Vec.Create(d, g =>
        {
            MultiplyByPrecision(meanResidual, g);
            for (var i = 0; i < d; i++) g[i] = -g[i];
        });
        var precision = Mat.Create(d, d, g =>
            MatrixProduct.Gemm(true, false, d, d, n, 0.5 / n, residuals, d, residuals, d, 0.0, g, d));
        return new GaussianGradient(mean, precision);
    }

    private int RequireDimension(int length, string name)
    {
        if (length != Dimension) throw new ArgumentException($"has length {length}, expected the model dimension {Dimension}", name);
        return length;
    }

    private void Residual(ReadOnlySpan<double> x, Span<double> residual)
    {
        var mean = Mean.Span;
        for (var i = 0; i < residual.Length; i++) residual[i] = x[i] - mean[i];
    }

    private double[] Residuals(Mat xs)
    {
        var d = Dimension;
        var residuals = new double[xs.Rows * d];
        for (var row = 0; row < xs.Rows; row++) Residual(xs.Row(row), residuals.AsSpan(row * d, d));
        return residuals;
    }

    private void MultiplyByPrecision(ReadOnlySpan<double> vector, Span<double> product)
    {
        var d = Dimension;
        var precision = Precision.Span;
        for (var i = 0; i < d; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < d; j++) sum += precision[i * d + j] * vector[j];
            product[i] = sum;
        }
    }
}
