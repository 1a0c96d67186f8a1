using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// Parameter gradients of a Boltzmann machine's energy, for one state and averaged over a batch.
/// </summary>
public sealed partial record BoltzmannMachine
{
    /// <summary>dE/dW_ij = -x_i x_j (i != j, zero diagonal) and dE/db = -x for one state.</summary>
    /// <remarks>See <see cref="BoltzmannGradient"/> for the tied-pair convention of the coupling entries.</remarks>
    public BoltzmannGradient EnergyGradient(ReadOnlySpan<double> state)
    {
        RequireStateLength(state.Length);
        var n = Dimension;
        var x = state.ToArray();
        var couplings = Mat.Create(n, n, g =>
        {
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (i != j) g[i * n + j] = -x[i] * x[j];
        });
        return new BoltzmannGradient(couplings, Vec.Create(n, g =>
        {
            for (var i = 0; i < n; i++) g[i] = -x[i];
        }));
    }

    /// <summary>
    /// The batch mean of <see cref="EnergyGradient"/> over the rows of <paramref name="states"/> (N x n):
    /// dE/dW = -(1/N) X^T X with the diagonal set to zero, dE/db = -(1/N) sum_r X_r.
    /// </summary>
    /// <remarks>An empty batch has no mean and throws.</remarks>
    public BoltzmannGradient MeanEnergyGradient(Mat states)
    {
        RequireStateLength(states.Columns);
        if (states.Rows == 0) throw new ArgumentException("the mean gradient of an empty batch is undefined", nameof(states));
        int rows = states.Rows, n = Dimension;
        var scale = -1.0 / rows;
        var couplings = Mat.Create(n, n, g =>
        {
            MatrixProduct.Gemm(true, false, n, n, rows, scale, states.Span, n, states.Span, n, 0.0, g, n);
            for (var i = 0; i < n; i++) g[i * n + i] = 0.0;
        });
        var biases = Vec.Create(n, g =>
        {
            for (var r = 0; r < rows; r++)
            {
                var x = states.Row(r);
                for (var i = 0; i < n; i++) g[i] += x[i];
            }

            for (var i = 0; i < n; i++) g[i] *= scale;
        });
        return new BoltzmannGradient(couplings, biases);
    }
}
