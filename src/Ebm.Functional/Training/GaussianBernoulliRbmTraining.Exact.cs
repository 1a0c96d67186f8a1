using System.Numerics.Tensors;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Exact maximum likelihood for a Gaussian-Bernoulli RBM with few enough hidden units to enumerate.</summary>
public static partial class GaussianBernoulliRbmTraining
{
    /// <summary>
    /// Exact maximum likelihood: the loss is the minibatch's negative average log-likelihood (1/n) sum_r F(v_r) + log Z,
    /// the visible units integrated in closed form and the hidden ones enumerated (at most
    /// <see cref="RbmTraining.MaxExactUnits"/> of them).
    /// </summary>
    /// <remarks>
    /// Completing the square (as in <see cref="Exact.GaussianBernoulliRbmExact"/>), with w = W h:
    /// p(h) ∝ exp(G(h)), G(h) = c^T h + sum_i (b_i w_i / sigma_i + w_i^2 / 2), and given h, v_i ~ Normal(b_i + sigma_i w_i,
    /// sigma_i^2). Then log Z = (nv/2) log 2 pi + sum_i log sigma_i + log sum_h exp G(h), and the model expectations of
    /// the energy gradient are E[dE/dW_ij] = -(b_i / sigma_i) &lt;h_j&gt; - (W &lt;h h^T&gt;)_ij,
    /// E[dE/db_i] = -(W &lt;h&gt;)_i / sigma_i, E[dE/dc] = -&lt;h&gt;, E[dE/dsigma_i] = -1/sigma_i + b_i (W &lt;h&gt;)_i / sigma_i^2:
    /// one pass over h accumulates &lt;h&gt; and &lt;h h^T&gt;. The gradient is &lt;dF/dtheta&gt;_data minus these, in the
    /// layout of <see cref="Parameters"/>(<paramref name="learnSigma"/>); the metric <see cref="RbmTraining.LogLikelihoodMetric"/>
    /// is the minibatch's exact average log-likelihood (a density, so it may be positive).
    /// </remarks>
    /// <param name="learnSigma">Whether the gradient includes log sigma (it must match the trainer's <see cref="Parameters"/>).</param>
    public static Objective<GaussianBernoulliRbm> ExactLikelihood(bool learnSigma = false) =>
        new(RbmTraining.ExactLikelihoodName, (_, _) => FinSucc(Seq<Mat>()), (_, model, _, minibatch) => ExactStep(model, minibatch, learnSigma));

    private static Fin<ObjectiveResult> ExactStep(GaussianBernoulliRbm model, Mat minibatch, bool learnSigma)
    {
        if (model.Hidden > RbmTraining.MaxExactUnits)
            return FinFail<ObjectiveResult>(TrainingErrors.InvalidSetting(
                "exact likelihood",
                $"the {model.Visible} x {model.Hidden} Gaussian-Bernoulli RBM has {model.Hidden} hidden units; exact ML sums over 2^{model.Hidden} hidden states and allows at most {RbmTraining.MaxExactUnits} units: use cd, pcd or tempered"));
        return RbmBatchChecks.Real(model.Kind, model.Visible, minibatch).Map(batch =>
        {
            var (logZ, expected) = ModelExpectations(model);
            var positive = model.FreeEnergyGradient(batch);
            var difference = FreeEnergyPhases.Subtract(positive, expected);
            var logLikelihood = -TensorPrimitives.Sum<double>(model.FreeEnergies(batch).Span) / batch.Rows - logZ;
            return new ObjectiveResult(Flatten(model, difference, learnSigma), Seq<Mat>(), Seq1(new Metric(RbmTraining.LogLikelihoodMetric, logLikelihood)));
        });
    }

    /// <summary>log Z and E_model[dE/dtheta], from &lt;h&gt; and &lt;h h^T&gt; under p(h) ∝ exp G(h).</summary>
    private static (double LogZ, GaussianBernoulliRbmGradient Expected) ModelExpectations(GaussianBernoulliRbm model)
    {
        int nv = model.Visible, nh = model.Hidden;
        var scaledBias = new double[nv];
        for (var i = 0; i < nv; i++) scaledBias[i] = model.VisibleBias[i] / model.Sigma[i];
        var (logSum, means) = LayerEnumeration.Run(nh, nh * nh + nh, states =>
        {
            var m = states.Rows;
            var w = new double[m * nv];
            MatrixProduct.Gemm(false, true, m, nv, nh, 1.0, states.Span, Math.Max(1, nh), model.Weights.Span, Math.Max(1, nh), 0.0, w, Math.Max(1, nv));
            var logWeights = new double[m];
            for (var k = 0; k < m; k++)
            {
                var row = w.AsSpan(k * nv, nv);
                logWeights[k] = TensorPrimitives.Dot<double>(model.HiddenBias.Span, states.Row(k)) + TensorPrimitives.Dot<double>(scaledBias, row)
                    + 0.5 * TensorPrimitives.Dot<double>(row, row);
            }

            return new LayerEnumeration.Chunk(logWeights, (chunkWeights, sums) =>
            {
                var weighted = new double[m * nh];
                for (var k = 0; k < m; k++) TensorPrimitives.Multiply<double>(states.Row(k), chunkWeights[k], weighted.AsSpan(k * nh, nh));
                MatrixProduct.Gemm(true, false, nh, nh, m, 1.0, weighted, Math.Max(1, nh), states.Span, Math.Max(1, nh), 1.0, sums.AsSpan(0, nh * nh), Math.Max(1, nh));
                var mean = sums.AsSpan(nh * nh, nh);
                for (var k = 0; k < m; k++) TensorPrimitives.Add<double>(mean, weighted.AsSpan(k * nh, nh), mean);
            });
        });

        var hiddenMean = means.AsSpan(nh * nh, nh).ToArray();
        var coupled = new double[nv * nh];
        MatrixProduct.Gemm(false, false, nv, nh, nh, 1.0, model.Weights.Span, Math.Max(1, nh), means.AsSpan(0, nh * nh), Math.Max(1, nh), 0.0, coupled, Math.Max(1, nh));
        var field = new double[nv];
        MatrixProduct.Gemm(false, false, nv, 1, nh, 1.0, model.Weights.Span, Math.Max(1, nh), hiddenMean, 1, 0.0, field, 1);
        var weights = new double[nv * nh];
        var visibleBias = new double[nv];
        var sigma = new double[nv];
        var logSigma = 0.0;
        for (var i = 0; i < nv; i++)
        {
            var s = model.Sigma[i];
            logSigma += Math.Log(s);
            for (var j = 0; j < nh; j++) weights[i * nh + j] = -scaledBias[i] * hiddenMean[j] - coupled[i * nh + j];
            visibleBias[i] = -field[i] / s;
            sigma[i] = -1.0 / s + model.VisibleBias[i] * field[i] / (s * s);
        }

        var logZ = 0.5 * nv * Math.Log(2 * Math.PI) + logSigma + logSum;
        var hiddenBias = new double[nh];
        for (var j = 0; j < nh; j++) hiddenBias[j] = -hiddenMean[j];
        return (logZ, new GaussianBernoulliRbmGradient(Mat.Wrap(nv, nh, weights), Vec.Wrap(visibleBias), Vec.Wrap(hiddenBias), Vec.Wrap(sigma)));
    }
}
