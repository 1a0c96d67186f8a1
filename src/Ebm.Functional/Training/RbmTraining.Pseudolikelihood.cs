using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Pseudolikelihood (Besag 1975) for the Bernoulli RBM: as a training objective and as a metric.</summary>
public static partial class RbmTraining
{
    /// <summary>The name of the pseudolikelihood objective (<c>ebm train --objective pl</c>).</summary>
    public const string PseudolikelihoodName = "pl";

    /// <summary>The metric the pseudolikelihood objective reports: the minibatch's average pseudo-log-likelihood.</summary>
    public const string PseudoLogLikelihoodMetric = "pseudo-log-likelihood";

    /// <summary>
    /// The average pseudo-log-likelihood of the rows of <paramref name="data"/>: (1/n) sum_r sum_i log p(v_ri | v_r,-i)
    /// (Besag 1975, "Statistical analysis of non-lattice data"), every visible site of every example.
    /// </summary>
    /// <remarks>
    /// Each conditional comes from a free-energy difference, p(v_i | v_-i) = sigmoid(F(v^(i)) - F(v)) with v^(i) the
    /// example with site i flipped, so Z is never needed and the cost is O(n nv nh). It is at most 0, and equals
    /// nv log(1/2) = -0.693 nv for the model with all parameters zero. Example: a 9 x 4 RBM with zero parameters on any
    /// 3 x 3 images gives 9 log(1/2) = -6.238.
    /// </remarks>
    /// <param name="model">The RBM.</param>
    /// <param name="data">Examples as rows, nv values in {0, 1} each.</param>
    /// <returns>The average, or an error naming an empty data set, a wrong width or a value outside {0, 1}.</returns>
    public static Fin<double> PseudoLogLikelihood(BernoulliRbm model, Mat data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var sites = RbmSiteFlips.AllSites(model.Visible);
        return RbmBatchChecks.Binary(model.Kind, model.Visible, data)
            .Map(batch => -RbmSiteFlips.Evaluate(model, batch, _ => sites, 1.0, PseudolikelihoodTerm, withGradient: false).Loss);
    }

    /// <summary>
    /// Pseudolikelihood training: the loss is minus the average pseudo-log-likelihood of the minibatch,
    /// L = -(1/n) sum_r sum_i log sigmoid(F(v_r^(i)) - F(v_r)), whose gradient needs no negative phase (Besag 1975;
    /// Marlin, Swersky, Chen and de Freitas 2010, "Inductive principles for restricted Boltzmann machine learning").
    /// </summary>
    /// <remarks>
    /// With <paramref name="sitesPerExample"/> = k, each example uses k distinct sites drawn uniformly without
    /// replacement (key: the step key folded with the row index) and its sum is scaled by nv / k, an unbiased estimate
    /// of the full sum at about k / nv of its cost: the stochastic variant for large models. The metric
    /// <see cref="PseudoLogLikelihoodMetric"/> is the same (estimated) average.
    /// </remarks>
    /// <param name="sitesPerExample">Sites per example (1..nv), or null for all of them.</param>
    public static Objective<BernoulliRbm> Pseudolikelihood(int? sitesPerExample = null) =>
        new(PseudolikelihoodName, (_, _) => FinSucc(Seq<Mat>()), (key, model, _, minibatch) => PseudolikelihoodStep(key, model, minibatch, sitesPerExample));

    private static Fin<ObjectiveResult> PseudolikelihoodStep(RngKey key, BernoulliRbm model, Mat minibatch, int? sitesPerExample)
    {
        var nv = model.Visible;
        if (sitesPerExample is { } k && (k < 1 || k > nv))
            return FinFail<ObjectiveResult>(TrainingErrors.InvalidSetting("pseudolikelihood sites per example", $"{k} must lie in 1..{nv} (the visible units)"));
        var all = RbmSiteFlips.AllSites(nv);
        var count = sitesPerExample ?? nv;
        Func<int, int[]> sitesOf = count == nv ? _ => all : row => DistinctSites(key.FoldIn(row), nv, count);
        return RbmBatchChecks.Binary(model.Kind, nv, minibatch).Map(batch =>
        {
            var (loss, gradient) = RbmSiteFlips.Evaluate(model, batch, sitesOf, (double)nv / count, PseudolikelihoodTerm, withGradient: true);
            return new ObjectiveResult(gradient!, Seq<Mat>(), Seq1(new Metric(PseudoLogLikelihoodMetric, -loss)));
        });
    }

    /// <summary>-log sigmoid(delta) = softplus(-delta), with slope -sigmoid(-delta).</summary>
    private static (double, double) PseudolikelihoodTerm(double delta) => (LogSpace.Softplus(-delta), -LogSpace.Sigmoid(-delta));

    /// <summary><paramref name="count"/> distinct sites of <paramref name="visible"/>: the first draws of a partial Fisher-Yates shuffle.</summary>
    private static int[] DistinctSites(RngKey key, int visible, int count)
    {
        var order = Enumerable.Range(0, visible).ToArray();
        for (var t = 0; t < count; t++)
        {
            var pick = t + (int)(key.UniformAt(t) * (visible - t));
            (order[t], order[pick]) = (order[pick], order[t]);
        }

        return order[..count];
    }
}
