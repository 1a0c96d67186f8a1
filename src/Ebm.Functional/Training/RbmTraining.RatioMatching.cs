using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Ratio matching (Hyvärinen 2007) for the Bernoulli RBM.</summary>
public static partial class RbmTraining
{
    /// <summary>The name of the ratio-matching objective (<c>ebm train --objective ratio</c>).</summary>
    public const string RatioMatchingName = "ratio";

    /// <summary>The metric the ratio-matching objective reports: its loss on the minibatch.</summary>
    public const string RatioMatchingLossMetric = "ratio-matching-loss";

    /// <summary>
    /// Ratio matching for binary data (Hyvärinen 2007, "Some extensions of score matching", Comput. Stat. Data Anal. 51):
    /// the loss J = (1/n) sum_r sum_i g(p(v_r) / p(v_r^(i)))^2 with g(u) = 1 / (1 + u) and v^(i) the example with site i
    /// flipped, which Hyvärinen shows equals, up to a constant independent of the model, the squared distance between g
    /// of the model's and of the data's probability ratios.
    /// </summary>
    /// <remarks>
    /// For the RBM p(v) / p(v^(i)) = exp(F(v^(i)) - F(v)), so g(...) = sigmoid(F(v) - F(v^(i))) (Marlin, Swersky, Chen and
    /// de Freitas 2010, "Inductive principles for restricted Boltzmann machine learning"): Z cancels, no sampling
    /// is needed, and a step costs O(n nv nh) like pseudolikelihood. Each term lies in [0, 1], so J lies in [0, nv];
    /// the zero model gives nv / 4. The metric <see cref="RatioMatchingLossMetric"/> is J on the minibatch.
    /// </remarks>
    public static Objective<BernoulliRbm> RatioMatching() =>
        new(RatioMatchingName, (_, _) => FinSucc(Seq<Mat>()), (_, model, _, minibatch) =>
            RbmBatchChecks.Binary(model.Kind, model.Visible, minibatch).Map(batch =>
            {
                var sites = RbmSiteFlips.AllSites(model.Visible);
                var (loss, gradient) = RbmSiteFlips.Evaluate(model, batch, _ => sites, 1.0, RatioMatchingTerm, withGradient: true);
                return new ObjectiveResult(gradient!, Seq<Mat>(), Seq1(new Metric(RatioMatchingLossMetric, loss)));
            }));

    /// <summary>sigmoid(-delta)^2, with slope -2 sigmoid(-delta)^2 (1 - sigmoid(-delta)).</summary>
    private static (double, double) RatioMatchingTerm(double delta)
    {
        var g = LogSpace.Sigmoid(-delta);
        return (g * g, -2.0 * g * g * (1.0 - g));
    }
}
