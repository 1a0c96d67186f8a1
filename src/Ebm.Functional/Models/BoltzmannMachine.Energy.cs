using System.Numerics.Tensors;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// Energies, single-unit flips and local fields of a Boltzmann machine.
/// </summary>
/// <remarks>
/// Because W is symmetric with a zero diagonal, E(x) = -1/2 x^T W x - b^T x, and E is affine in each
/// unit: E(x) = -x_i f_i(x) + (terms free of x_i) with the local field f_i = sum_j W_ij x_j + b_i.
/// Hence E(x_i = high) - E(x_i = low) = -f_i (high - low) for both conventions, and flipping unit i
/// from x_i to x_i' changes the energy by -f_i (x_i' - x_i): O(n) instead of the O(n^2) of a fresh
/// energy. Example (binary, n = 2, W_01 = 1, b = (0.5, -1)): E(1,1) = -1 - 0.5 + 1 = -0.5.
/// States are not checked to hold valid unit values; a wrong length is a programmer error and throws.
/// </remarks>
public sealed partial record BoltzmannMachine : IDiscreteModel
{
    /// <summary>E(x) = -sum_{i&lt;j} W_ij x_i x_j - sum_i b_i x_i of one state.</summary>
    public double Energy(ReadOnlySpan<double> state)
    {
        RequireStateLength(state.Length);
        var n = Dimension;
        var couplings = Couplings.Span;
        var biases = Biases.Span;
        var pairs = 0.0;
        var fields = 0.0;
        for (var i = 0; i < n; i++)
        {
            var xi = state[i];
            if (xi == 0.0) continue;
            fields += biases[i] * xi;
            pairs += xi * TensorPrimitives.Dot(couplings.Slice(i * n + i + 1, n - i - 1), state[(i + 1)..]);
        }

        return -pairs - fields;
    }

    /// <summary>
    /// E of every row of <paramref name="states"/> (N x n): one product T = X W, then
    /// E_r = -1/2 sum_j X_rj T_rj - sum_j b_j X_rj.
    /// </summary>
    public Vec Energies(Mat states)
    {
        RequireStateLength(states.Columns);
        int rows = states.Rows, n = Dimension;
        var products = new double[checked(rows * n)];
        MatrixProduct.Gemm(false, false, rows, n, n, 1.0, states.Span, n, Couplings.Span, n, 0.0, products, n);
        var biases = Biases;
        return Vec.Create(rows, energies =>
        {
            for (var r = 0; r < rows; r++)
            {
                var x = states.Row(r);
                var quadratic = TensorPrimitives.Dot(x, products.AsSpan(r * n, n));
                energies[r] = -0.5 * quadratic - TensorPrimitives.Dot(x, biases.Span);
            }
        });
    }

    /// <summary>E(x with unit <paramref name="site"/> flipped) - E(x) = -f_i (x_i' - x_i).</summary>
    public double FlipEnergyChange(ReadOnlySpan<double> state, int site)
    {
        var field = LocalField(state, site);
        var change = States == StateConvention.Binary ? 1.0 - 2.0 * state[site] : -2.0 * state[site];
        return -field * change;
    }

    /// <summary>The local field f_i = sum_j W_ij x_j + b_i (the diagonal W_ii = 0 drops x_i itself).</summary>
    public double LocalField(ReadOnlySpan<double> state, int site)
    {
        RequireStateLength(state.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(site);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(site, Dimension);
        var n = Dimension;
        return TensorPrimitives.Dot(Couplings.Span.Slice(site * n, n), state) + Biases[site];
    }

    private void RequireStateLength(int length)
    {
        if (length != Dimension)
            throw new ArgumentException($"a state of this Boltzmann machine has {Dimension} units, got {length}");
    }
}
