using System.Numerics.Tensors;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

/// <summary>
/// The free-energy differences of single-site flips of a Bernoulli RBM and a loss built from them, with its gradient:
/// the shared core of pseudolikelihood and ratio matching.
/// </summary>
/// <remarks>
/// <para>With x = c + W^T v, s_i = 1 - 2 v_i and v^(i) the example with site i flipped,
/// delta_i = F(v^(i)) - F(v) = -b_i s_i - sum_j [softplus(x_j + s_i W_ij) - softplus(x_j)], so a flip costs O(nh) and an
/// example O(nv nh), the price of one more matrix product. p(v_i | v_-i) = sigmoid(delta_i) and p(v) / p(v^(i)) = exp(delta_i).</para>
/// <para>The loss is L = (1/n) sum_r sum_{i in S_r} w term(delta_ri). With p = sigmoid(x), p' = sigmoid(x + s_i W_i) and
/// a = (w / n) term'(delta): dL/dW += v (sum_i a_i (p - p'_i))^T - sum_i a_i s_i e_i p'_i^T, dL/db_i -= a_i s_i,
/// dL/dc += sum_i a_i (p - p'_i), from dF(v)/dW = -v p^T, dF/db = -v, dF/dc = -p.</para>
/// </remarks>
internal static class RbmSiteFlips
{
    /// <summary>The loss's value and its derivative in delta.</summary>
    public delegate (double Value, double Slope) Term(double delta);

    /// <summary>
    /// The mean over rows of sum_{i in sitesOf(r)} weightOf(r) term(delta_ri), and its gradient in the layout of
    /// <see cref="RbmTraining.Parameters"/> when <paramref name="withGradient"/>.
    /// </summary>
    public static (double Loss, Vec? Gradient) Evaluate(
        BernoulliRbm model, Mat batch, Func<int, int[]> sitesOf, double weight, Term term, bool withGradient)
    {
        int n = batch.Rows, nv = model.Visible, nh = model.Hidden;
        var field = new double[n * nh];
        for (var r = 0; r < n; r++) model.HiddenBias.Span.CopyTo(field.AsSpan(r * nh, nh));
        MatrixProduct.Gemm(false, false, n, nh, nv, 1.0, batch.Span, Math.Max(1, nv), model.Weights.Span, Math.Max(1, nh), 1.0, field, Math.Max(1, nh));

        var w = model.Weights.Span;
        var gradient = withGradient ? new double[nv * nh + nv + nh] : [];
        var softplus = new double[nh];
        var probability = new double[nh];
        var flipped = new double[nh];
        var flippedSoftplus = new double[nh];
        var change = new double[nh];
        var loss = 0.0;
        for (var r = 0; r < n; r++)
        {
            var v = batch.Row(r);
            var x = field.AsSpan(r * nh, nh);
            LogSpace.Softplus(x, softplus);
            if (withGradient) TensorPrimitives.Sigmoid<double>(x, probability);
            var sum = 0.0;
            foreach (var i in sitesOf(r))
            {
                var s = 1.0 - 2.0 * v[i];
                var row = w.Slice(i * nh, nh);
                TensorPrimitives.MultiplyAdd<double>(row, s, x, flipped);
                LogSpace.Softplus(flipped, flippedSoftplus);
                TensorPrimitives.Subtract<double>(flippedSoftplus, softplus, flippedSoftplus);
                var delta = -model.VisibleBias[i] * s - TensorPrimitives.Sum<double>(flippedSoftplus);
                var (value, slope) = term(delta);
                sum += value;
                if (!withGradient) continue;
                var a = weight * slope / n;
                TensorPrimitives.Sigmoid<double>(flipped, flipped);
                // change accumulates sum_i a_i (p - p'_i); row i of dW gets -a_i s_i p'_i directly.
                for (var j = 0; j < nh; j++) change[j] += a * (probability[j] - flipped[j]);
                var weightRow = gradient.AsSpan(i * nh, nh);
                TensorPrimitives.MultiplyAdd<double>(flipped, -a * s, weightRow, weightRow);
                gradient[nv * nh + i] -= a * s;
            }

            loss += weight * sum;
            if (!withGradient) continue;
            for (var k = 0; k < nv; k++)
            {
                if (v[k] == 0.0) continue;
                var weightRow = gradient.AsSpan(k * nh, nh);
                TensorPrimitives.MultiplyAdd<double>(change, v[k], weightRow, weightRow);
            }

            var hiddenBias = gradient.AsSpan(nv * nh + nv, nh);
            TensorPrimitives.Add<double>(hiddenBias, change, hiddenBias);
            Array.Clear(change);
        }

        return (loss / n, withGradient ? Vec.Wrap(gradient) : null);
    }

    /// <summary>Every visible site, for examples that use them all.</summary>
    public static int[] AllSites(int visible) => Enumerable.Range(0, visible).ToArray();
}
