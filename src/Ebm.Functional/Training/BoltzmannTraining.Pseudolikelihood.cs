using System.Numerics.Tensors;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Pseudolikelihood for Boltzmann machines: the training objective and the metric.</summary>
public static partial class BoltzmannTraining
{
    /// <summary>The name of the metric holding a minibatch's average pseudo-log-likelihood (pseudolikelihood objectives of every family).</summary>
    public const string PseudoLogLikelihoodMetric = "pseudo-log-likelihood";

    /// <summary>
    /// The average pseudo-log-likelihood (1/N) sum_r sum_i log p(x_ri | x_r,-i) of the rows of <paramref name="data"/>
    /// (Besag 1975): a likelihood-like score that needs no partition function.
    /// </summary>
    /// <remarks>
    /// Flipping unit i changes the energy by -f_i (x̄_i - x_i), f_i = sum_j W_ij x_j + b_i, so
    /// p(x_i | x_-i) = sigmoid(f_i d_i) with d_i = x_i - x̄_i (2 x_i - 1 for {0,1} units, 2 s_i for spins), computed as
    /// a log-sigmoid that never overflows. Example: one {0,1} unit with bias 0 scores log(1/2) whatever its value.
    /// </remarks>
    /// <returns>The score, or an error for an empty data set, a wrong width or a value outside the model's two values.</returns>
    public static Fin<double> PseudoLogLikelihood(BoltzmannMachine model, Mat data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return CheckData(Family, model.Dimension, model.States, data).Map(checkedData =>
        {
            var margins = Margins(model, checkedData).Margins;
            LogSpace.LogSigmoid(margins, margins);
            var sum = TensorPrimitives.Sum<double>(margins);
            return sum / checkedData.Rows;
        });
    }

    /// <summary>
    /// Maximum pseudolikelihood (Besag 1975): the loss -(1/N) sum_r sum_i log p(x_ri | x_r,-i), whose gradient needs
    /// only the local fields; it is consistent for a fully visible machine (the data's own model is its minimiser as
    /// N grows), and for spins it is the pseudolikelihood method of the inverse Ising problem (Aurell and Ekeberg
    /// 2012).
    /// </summary>
    /// <remarks>
    /// <para>With a_ri = f_ri d_ri (see <see cref="PseudoLogLikelihood"/>), dLoss/df_ri = -(1/N) sigmoid(-a_ri) d_ri, and
    /// the chain rule through f gives dLoss/db_i = sum_r dLoss/df_ri and dLoss/dW_ij = sum_r (dLoss/df_ri x_rj +
    /// dLoss/df_rj x_ri).</para>
    /// <para>With <paramref name="sitesPerExample"/> = m &lt; n, each example scores m distinct sites chosen uniformly
    /// (a partial Fisher-Yates shuffle from <c>key.FoldIn(r)</c> for row r) with weight n/m: an unbiased estimate of the
    /// full loss and gradient at O(m n) instead of O(n^2) per example. The step's metric
    /// <see cref="PseudoLogLikelihoodMetric"/> is the minibatch's average pseudo-log-likelihood (that estimate when
    /// sites are subsampled).</para>
    /// </remarks>
    /// <param name="sitesPerExample">Sites scored per example, 1..n; null for all n.</param>
    public static Objective<BoltzmannMachine> Pseudolikelihood(int? sitesPerExample = null) =>
        new(
            "pl",
            (_, _) => FinSucc(Seq<Mat>()),
            (key, model, _, batch) =>
                from sites in CheckSites(sitesPerExample, model.Dimension)
                from data in CheckData(Family, model.Dimension, model.States, batch)
                let result = sites == model.Dimension ? FullPseudolikelihood(model, data) : SampledPseudolikelihood(key, model, data, sites)
                select new ObjectiveResult(result.Gradient, Seq<Mat>(), Seq1(new Metric(PseudoLogLikelihoodMetric, result.Score))));

    private static Fin<int> CheckSites(int? sitesPerExample, int units) =>
        sitesPerExample switch
        {
            null => FinSucc(units),
            var m when m >= 1 && m <= units => FinSucc(m.Value),
            var m => FinFail<int>(TrainingErrors.InvalidSetting("sites per example", $"{m} is outside 1..{units} (the model's units)")),
        };

    /// <summary>d_i = x_i - x̄_i, the unit's value minus its flipped value.</summary>
    private static double FlipGap(double value, StateConvention states) => states == StateConvention.Spin ? 2.0 * value : 2.0 * value - 1.0;

    private static (Vec Gradient, double Score) FullPseudolikelihood(BoltzmannMachine model, Mat data)
    {
        var (margins, gaps) = Margins(model, data);
        var rows = data.Rows;
        var logConditionals = new double[margins.Length];
        LogSpace.LogSigmoid(margins, logConditionals);
        TensorPrimitives.Negate(margins, margins);
        LogSpace.Sigmoid(margins, margins);
        for (var k = 0; k < margins.Length; k++) margins[k] = -margins[k] * gaps[k] / rows;
        return (FieldChainRule(data, margins), TensorPrimitives.Sum<double>(logConditionals) / rows);
    }

    /// <summary>The margins a_ri = f_ri d_ri and the flip gaps d_ri of every example and unit (rows x n, row-major).</summary>
    private static (double[] Margins, double[] Gaps) Margins(BoltzmannMachine model, Mat data)
    {
        var margins = LocalFields(model, data);
        var values = data.Span;
        var gaps = new double[margins.Length];
        for (var k = 0; k < margins.Length; k++)
        {
            gaps[k] = FlipGap(values[k], model.States);
            margins[k] *= gaps[k];
        }

        return (margins, gaps);
    }

    private static (Vec Gradient, double Score) SampledPseudolikelihood(RngKey key, BoltzmannMachine model, Mat data, int sites)
    {
        int rows = data.Rows, n = model.Dimension;
        var weight = (double)n / sites;
        var cross = new double[n * n];
        var biasGradient = new double[n];
        var order = new int[n];
        var couplings = model.Couplings;
        var score = 0.0;
        for (var r = 0; r < rows; r++)
        {
            var x = data.Row(r);
            var rowKey = key.FoldIn(r);
            for (var i = 0; i < n; i++) order[i] = i;
            for (var t = 0; t < sites; t++)
            {
                var pick = t + Math.Min((int)(rowKey.UniformAt(t) * (n - t)), n - t - 1);
                (order[t], order[pick]) = (order[pick], order[t]);
                var i = order[t];
                var margin = (TensorPrimitives.Dot(couplings.Row(i), x) + model.Biases[i]) * FlipGap(x[i], model.States);
                score += weight * LogSpace.LogSigmoid(margin);
                var fieldGradient = -weight * LogSpace.Sigmoid(-margin) * FlipGap(x[i], model.States) / rows;
                biasGradient[i] += fieldGradient;
                TensorPrimitives.MultiplyAdd(x, fieldGradient, cross.AsSpan(i * n, n), cross.AsSpan(i * n, n));
            }
        }

        return (PackCross(cross, biasGradient), score / rows);
    }
}
