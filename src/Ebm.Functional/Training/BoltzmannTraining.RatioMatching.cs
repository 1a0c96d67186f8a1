using System.Numerics.Tensors;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Ratio matching for Boltzmann machines.</summary>
public static partial class BoltzmannTraining
{
    /// <summary>The name of the metric holding the minibatch's ratio-matching loss.</summary>
    public const string RatioMatchingMetric = "ratio-matching-loss";

    /// <summary>
    /// The ratio-matching loss (1/N) sum_r sum_i g(p(x_r) / p(x̄_r^i))^2 with g(u) = 1/(1 + u) and x̄^i the example with
    /// unit i flipped (Hyvärinen 2007, "Some extensions of score matching", Comput. Stat. Data Anal. 51, section 3).
    /// </summary>
    /// <remarks>
    /// p(x) / p(x̄^i) = exp(E(x̄^i) - E(x)) = exp(f_i d_i) (f_i the local field, d_i = x_i - x̄_i), so each term is
    /// sigmoid(-f_i d_i)^2: the squared probability the model gives to the unseen flip, in [0, 1]. Example: every term of
    /// a machine with zero parameters is (1/2)^2, so n units score n/4.
    /// </remarks>
    public static Fin<double> RatioMatchingLoss(BoltzmannMachine model, Mat data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        return CheckData(Family, model.Dimension, model.States, data).Map(valid => RatioMatchingTerms(model, valid).Loss);
    }

    /// <summary>
    /// Ratio matching (Hyvärinen 2007): minimises <see cref="RatioMatchingLoss"/>, which, like pseudolikelihood, needs
    /// no partition function and is consistent for binary data; the model's flip ratios are matched to the data's.
    /// </summary>
    /// <remarks>
    /// With a = f_i d_i and s = sigmoid(-a): d(s^2)/df_i = -2 d_i s^2 (1 - s), taken through the local fields to W and b
    /// as for pseudolikelihood. Metric: <see cref="RatioMatchingMetric"/>, the minibatch's loss before the update.
    /// </remarks>
    public static Objective<BoltzmannMachine> RatioMatching() =>
        new(
            "ratio",
            (_, _) => FinSucc(Seq<Mat>()),
            (_, model, _, batch) =>
                from data in CheckData(Family, model.Dimension, model.States, batch)
                let terms = RatioMatchingTerms(model, data)
                select new ObjectiveResult(FieldChainRule(data, terms.FieldGradients), Seq<Mat>(), Seq1(new Metric(RatioMatchingMetric, terms.Loss))));

    private static (double Loss, double[] FieldGradients) RatioMatchingTerms(BoltzmannMachine model, Mat data)
    {
        var (margins, gaps) = Margins(model, data);
        var rows = data.Rows;
        var seen = new double[margins.Length];
        LogSpace.Sigmoid(margins, seen);
        TensorPrimitives.Negate(margins, margins);
        LogSpace.Sigmoid(margins, margins);
        var loss = TensorPrimitives.SumOfSquares<double>(margins);
        for (var k = 0; k < margins.Length; k++) margins[k] = -2.0 * gaps[k] * margins[k] * margins[k] * seen[k] / rows;
        return (loss / rows, margins);
    }
}
