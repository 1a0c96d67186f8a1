using Ebm.Functional.Models;

namespace Ebm.Functional.Exact;

/// <summary>
/// A Bernoulli RBM seen as "one layer enumerated, the other summed out":
/// E(s,u) = -u^T K s - p^T u - q^T s with s in {0,1}^n enumerated and u in {0,1}^m summed analytically.
/// </summary>
/// <remarks>
/// Enumerating the hidden layer: s = h, u = v, K = W, p = b, q = c. Enumerating the visible layer:
/// s = v, u = h, K = W^T, p = c, q = b. Summing u out at inverse temperature beta gives the weight of s:
/// log w(s) = beta q^T s + sum_i softplus(beta a_i(s)), a(s) = p + K s (the summed units' pre-activations).
/// The couplings are stored with row j holding unit j's couplings to every summed unit, so the Gray-code
/// update a += ±K[:, j] reads one contiguous row.
/// </remarks>
internal sealed class RbmLayerSumProblem
{
    private RbmLayerSumProblem(int enumerated, int summed, double[] couplingRows, double[] summedBias, double[] enumeratedBias)
    {
        Enumerated = enumerated;
        Summed = summed;
        CouplingRows = couplingRows;
        SummedBias = summedBias;
        EnumeratedBias = enumeratedBias;
    }

    /// <summary>n, the number of enumerated units.</summary>
    public int Enumerated { get; }

    /// <summary>m, the number of summed-out units.</summary>
    public int Summed { get; }

    /// <summary>n x m, row j = K[:, j], the couplings of enumerated unit j.</summary>
    public double[] CouplingRows { get; }

    /// <summary>p, the summed layer's biases (m).</summary>
    public double[] SummedBias { get; }

    /// <summary>q, the enumerated layer's biases (n).</summary>
    public double[] EnumeratedBias { get; }

    /// <summary>Enumerate h, sum v: row j of the couplings is column j of W.</summary>
    public static RbmLayerSumProblem EnumerateHidden(BernoulliRbm model) =>
        new(model.Hidden, model.Visible, model.Weights.Transpose().ToRows().SelectMany(r => r).ToArray(), model.VisibleBias.ToArray(), model.HiddenBias.ToArray());

    /// <summary>Enumerate v, sum h: row i of the couplings is row i of W.</summary>
    public static RbmLayerSumProblem EnumerateVisible(BernoulliRbm model) =>
        new(model.Visible, model.Hidden, model.Weights.Span.ToArray(), model.HiddenBias.ToArray(), model.VisibleBias.ToArray());

    /// <summary>Row j of the couplings (m values).</summary>
    public ReadOnlySpan<double> CouplingRow(int j) => CouplingRows.AsSpan(j * Summed, Summed);

    /// <summary>
    /// T = beta max_i (|p_i| + sum_j |K_ij|): a bound on |beta a_i(s)| for every state and on every partial
    /// sum of a_i over a subset of the enumerated units.
    /// </summary>
    public double ActivationBound(double beta)
    {
        var bound = 0.0;
        for (var i = 0; i < Summed; i++)
        {
            var sum = Math.Abs(SummedBias[i]);
            for (var j = 0; j < Enumerated; j++) sum += Math.Abs(CouplingRows[j * Summed + i]);
            bound = Math.Max(bound, sum);
        }

        return beta * bound;
    }

    /// <summary>min over summed units i with a non-zero bound of |p_i| + sum_j |K_ij| (+infinity when every bound is 0).</summary>
    public double SmallestActivationScale()
    {
        var smallest = double.PositiveInfinity;
        for (var i = 0; i < Summed; i++)
        {
            var sum = Math.Abs(SummedBias[i]);
            for (var j = 0; j < Enumerated; j++) sum += Math.Abs(CouplingRows[j * Summed + i]);
            if (sum > 0) smallest = Math.Min(smallest, sum);
        }

        return smallest;
    }
}
