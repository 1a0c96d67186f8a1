using System.Numerics.Tensors;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Exact maximum likelihood for a Bernoulli RBM small enough to sum one layer out.</summary>
public static partial class RbmTraining
{
    /// <summary>The name of the exact maximum-likelihood objective (<c>ebm train --objective exact</c>).</summary>
    public const string ExactLikelihoodName = "exact";

    /// <summary>The metric exact objectives report: the minibatch's exact average log-likelihood, -mean F(v) - log Z.</summary>
    public const string LogLikelihoodMetric = "log-likelihood";

    /// <summary>
    /// The largest layer exact maximum likelihood enumerates: 2^20 states per step, each costing nv nh; an RBM whose
    /// smaller layer is larger is refused.
    /// </summary>
    public const int MaxExactUnits = 20;

    /// <summary>
    /// Exact maximum likelihood: the loss is the minibatch's negative average log-likelihood
    /// L = (1/n) sum_r F(v_r) + log Z, with gradient &lt;dF/dtheta&gt;_data - &lt;dE/dtheta&gt;_model, the model
    /// expectations &lt;v h^T&gt;, &lt;v&gt;, &lt;h&gt; computed exactly by enumerating the smaller layer and summing the
    /// other analytically (Ackley, Hinton and Sejnowski 1985; the layer sum of <see cref="Exact.RbmExact"/>).
    /// </summary>
    /// <remarks>
    /// Enumerating h: p(h) ∝ exp(c^T h + sum_i softplus(b_i + (W h)_i)) and E[v | h] = sigmoid(b + W h), so
    /// &lt;v h^T&gt; = sum_h p(h) sigmoid(b + W h) h^T; enumerating v is the same with the layers' roles swapped. The
    /// cost per step is 2^m (nv nh) with m = min(nv, nh) &lt;= <see cref="MaxExactUnits"/>. This is the reference every
    /// other objective is measured against; the metric <see cref="LogLikelihoodMetric"/> is the minibatch's exact average
    /// log-likelihood before the step.
    /// </remarks>
    public static Objective<BernoulliRbm> ExactLikelihood() =>
        new(ExactLikelihoodName, (_, _) => FinSucc(Seq<Mat>()), (_, model, _, minibatch) => ExactLikelihoodStep(model, minibatch));

    private static Fin<ObjectiveResult> ExactLikelihoodStep(BernoulliRbm model, Mat minibatch)
    {
        var smaller = Math.Min(model.Visible, model.Hidden);
        if (smaller > MaxExactUnits)
            return FinFail<ObjectiveResult>(TrainingErrors.InvalidSetting(
                "exact likelihood",
                $"the {model.Visible} x {model.Hidden} RBM's smaller layer has {smaller} units; exact ML sums over 2^{smaller} states and allows at most {MaxExactUnits} units: use cd, pcd, tempered, pl or ratio"));
        return RbmBatchChecks.Binary(model.Kind, model.Visible, minibatch).Map(batch =>
        {
            var (logZ, moments) = ModelMoments(model);
            var positive = model.FreeEnergyGradient(batch);
            var gradient = Flatten(positive).ToArray();
            TensorPrimitives.Add<double>(gradient, moments, gradient);
            var logLikelihood = -TensorPrimitives.Sum<double>(model.FreeEnergies(batch).Span) / batch.Rows - logZ;
            return new ObjectiveResult(Vec.Wrap(gradient), Seq<Mat>(), Seq1(new Metric(LogLikelihoodMetric, logLikelihood)));
        });
    }

    /// <summary>log Z and (&lt;v h^T&gt;, &lt;v&gt;, &lt;h&gt;) in the layout of <see cref="Parameters"/>, enumerating the smaller layer.</summary>
    private static (double LogZ, double[] Moments) ModelMoments(BernoulliRbm model)
    {
        int nv = model.Visible, nh = model.Hidden;
        if (nh <= nv) return SummedOver(model.Weights, model.VisibleBias, model.HiddenBias);
        var (logZ, swapped) = SummedOver(model.Weights.Transpose(), model.HiddenBias, model.VisibleBias);
        var moments = new double[swapped.Length];
        for (var j = 0; j < nh; j++)
        for (var i = 0; i < nv; i++)
            moments[i * nh + j] = swapped[j * nv + i];
        swapped.AsSpan(nh * nv + nh, nv).CopyTo(moments.AsSpan(nv * nh, nv));
        swapped.AsSpan(nh * nv, nh).CopyTo(moments.AsSpan(nv * nh + nv, nh));
        return (logZ, moments);
    }

    /// <summary>
    /// For E(a, s) = -a^T W s - p^T a - q^T s with the layer s (the columns of W) enumerated and a summed out: log Z and
    /// (&lt;a s^T&gt;, &lt;a&gt;, &lt;s&gt;), with p(s) ∝ exp(q^T s + sum_i softplus(p_i + (W s)_i)) and E[a | s] = sigmoid(p + W s).
    /// </summary>
    private static (double LogZ, double[] Moments) SummedOver(Mat weights, Vec summedBias, Vec enumeratedBias)
    {
        int na = weights.Rows, ns = weights.Columns;
        return LayerEnumeration.Run(ns, na * ns + na + ns, states =>
        {
            var m = states.Rows;
            var field = new double[m * na];
            for (var k = 0; k < m; k++) summedBias.Span.CopyTo(field.AsSpan(k * na, na));
            MatrixProduct.Gemm(false, true, m, na, ns, 1.0, states.Span, Math.Max(1, ns), weights.Span, Math.Max(1, ns), 1.0, field, Math.Max(1, na));
            var logWeights = new double[m];
            for (var k = 0; k < m; k++)
                logWeights[k] = TensorPrimitives.Dot<double>(enumeratedBias.Span, states.Row(k)) + LogSpace.SoftplusSum(field.AsSpan(k * na, na));
            return new LayerEnumeration.Chunk(logWeights, (chunkWeights, sums) =>
            {
                TensorPrimitives.Sigmoid<double>(field, field);
                for (var k = 0; k < m; k++)
                {
                    var mean = field.AsSpan(k * na, na);
                    TensorPrimitives.Multiply<double>(mean, chunkWeights[k], mean);
                    var summed = sums.AsSpan(na * ns, na);
                    TensorPrimitives.Add<double>(summed, mean, summed);
                    var enumerated = sums.AsSpan(na * ns + na, ns);
                    TensorPrimitives.MultiplyAdd<double>(states.Row(k), chunkWeights[k], enumerated, enumerated);
                }

                MatrixProduct.Gemm(true, false, na, ns, m, 1.0, field, Math.Max(1, na), states.Span, Math.Max(1, ns), 1.0, sums.AsSpan(0, na * ns), Math.Max(1, ns));
            });
        });
    }
}
