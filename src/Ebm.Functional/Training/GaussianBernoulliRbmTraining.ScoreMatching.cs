using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Score matching for a Gaussian-Bernoulli RBM, with the free energy's derivatives in closed form.</summary>
public static partial class GaussianBernoulliRbmTraining
{
    /// <summary>
    /// Exact score matching (Hyvärinen 2005) on the visible units' free energy F(v): the loss
    /// (1/n) sum_r [1/2 |grad_v F(v_r)|^2 - Laplacian F(v_r)], in closed form, with sigma held fixed (the gradient is in the
    /// layout of <see cref="Parameters"/>(false)); the metric <see cref="ScoreMatching.LossMetric"/> is the loss.
    /// </summary>
    /// <remarks>
    /// With z_j = c_j + sum_i W_ij v_i / sigma_i, p = sigmoid(z), q = p (1 - p), q' = q (1 - 2p), the score term
    /// g_i = dF/dv_i = (v_i - b_i)/sigma_i^2 - sum_j W_ij p_j / sigma_i, h_j = sum_i W_ij g_i / sigma_i and
    /// B_j = sum_i W_ij^2 / sigma_i^2: the Laplacian is sum_i 1/sigma_i^2 - sum_j q_j B_j, and with C_rj = q'_j B_j - q_j h_j
    /// the per-example gradients are dL/db_k = -g_k / sigma_k^2, dL/dc_j = C_j and
    /// dL/dW_kj = -(g_k / sigma_k) p_j + (v_k / sigma_k) C_j + 2 q_j W_kj / sigma_k^2 (Hyvärinen 2007 derives the same
    /// terms for the Bernoulli case, "Some extensions of score matching", CSDA 51). Needs no sampling and no hidden-state
    /// enumeration: a step costs O(n nv nh).
    /// </remarks>
    public static Objective<GaussianBernoulliRbm> ScoreMatching() =>
        new(Training.ScoreMatching.ExactName, (_, _) => FinSucc(Seq<Mat>()), (_, model, _, batch) =>
            RbmBatchChecks.Real(model.Kind, model.Visible, batch).Bind(x => ScoreMatchingStep(model, x)));

    private static Fin<ObjectiveResult> ScoreMatchingStep(GaussianBernoulliRbm model, Mat x)
    {
        int n = x.Rows, nv = model.Visible, nh = model.Hidden;
        var w = model.Weights;
        var sigma = model.Sigma;
        var coupling = new double[nh];
        var inverseVariances = 0.0;
        for (var i = 0; i < nv; i++)
        {
            inverseVariances += 1 / (sigma[i] * sigma[i]);
            for (var j = 0; j < nh; j++) coupling[j] += w[i, j] * w[i, j] / (sigma[i] * sigma[i]);
        }

        var gradient = new double[nv * nh + nv + nh];
        var weights = gradient.AsSpan(0, nv * nh);
        var visibleBias = gradient.AsSpan(nv * nh, nv);
        var hiddenBias = gradient.AsSpan(nv * nh + nv, nh);
        var p = new double[nh];
        var q = new double[nh];
        var c = new double[nh];
        var g = new double[nv];
        var loss = 0.0;
        for (var r = 0; r < n; r++)
        {
            var v = x.Row(r);
            for (var j = 0; j < nh; j++)
            {
                var z = model.HiddenBias[j];
                for (var i = 0; i < nv; i++) z += w[i, j] * v[i] / sigma[i];
                p[j] = LogSpace.Sigmoid(z);
                q[j] = p[j] * (1 - p[j]);
            }

            for (var i = 0; i < nv; i++)
            {
                var s = 0.0;
                for (var j = 0; j < nh; j++) s += w[i, j] * p[j];
                g[i] = (v[i] - model.VisibleBias[i]) / (sigma[i] * sigma[i]) - s / sigma[i];
                loss += 0.5 * g[i] * g[i];
                visibleBias[i] -= g[i] / (sigma[i] * sigma[i]);
            }

            loss -= inverseVariances;
            for (var j = 0; j < nh; j++)
            {
                var h = 0.0;
                for (var i = 0; i < nv; i++) h += w[i, j] * g[i] / sigma[i];
                loss += q[j] * coupling[j];
                c[j] = q[j] * (1 - 2 * p[j]) * coupling[j] - q[j] * h;
                hiddenBias[j] += c[j];
            }

            for (var i = 0; i < nv; i++)
            for (var j = 0; j < nh; j++)
                weights[i * nh + j] += -g[i] / sigma[i] * p[j] + v[i] / sigma[i] * c[j] + 2 * q[j] * w[i, j] / (sigma[i] * sigma[i]);
        }

        for (var t = 0; t < gradient.Length; t++) gradient[t] /= n;
        return Training.ScoreMatching.Result(Training.ScoreMatching.ExactName, loss / n, Vec.Wrap(gradient));
    }
}
