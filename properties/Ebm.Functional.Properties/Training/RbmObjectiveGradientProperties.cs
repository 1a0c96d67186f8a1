using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Properties.Models;
using Ebm.Functional.Training;
using FsCheck.Xunit;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Properties.Training;

/// <summary>
/// Gradient laws of the RBM objectives: on any small RBM (1 to 4 units per layer, parameters in [-2, 2]) and a
/// minibatch of a state and its complement, each objective's gradient equals a central finite difference of its loss.
/// </summary>
/// <remarks>
/// Losses: exact ML's is minus the exact average log-likelihood (log Z from the library's layer sums, code the
/// objective does not share); pseudolikelihood's and ratio matching's are minus their reported metric and the metric.
/// Central differences with h = 1e-5 have truncation error h^2 M3 / 6 and rounding error about eps |L| / h. With at most
/// 4 x 4 units and parameters in [-2, 2], every free energy is below 4 (2 + 4 (2 + 8)) = 168 in size, so the rounding
/// error stays below 4e-9; the third derivatives of the Bernoulli losses are third cumulants (or sigmoid derivatives)
/// of statistics bounded by 1 in each W, b, c coordinate, and those of the Gaussian-Bernoulli loss in log sigma are a
/// few hundred at sigma = 0.3, so truncation stays below 1e-8: the tolerance 1e-6 (1 + |g|) leaves a margin of 100.
/// </remarks>
[Properties(Arbitrary = [typeof(RbmArbitraries)], MaxTest = 100)]
public sealed class RbmObjectiveGradientProperties
{
    private const double Step = 1e-5;

    [Property]
    public bool Exact_ml_gradient_is_the_finite_difference_of_the_exact_loss(BernoulliRbmCase c) =>
        Matches(RbmTraining.ExactLikelihood(), c, (model, batch) =>
            model.FreeEnergies(batch).Span.ToArray().Average() + RbmExact.LogPartitionFunction(model, 1.0).Match(z => z, e => throw new InvalidOperationException(e.Message)));

    [Property]
    public bool Pseudolikelihood_gradient_is_the_finite_difference_of_its_loss(BernoulliRbmCase c) =>
        Matches(RbmTraining.Pseudolikelihood(), c, (model, batch) => -Metric(RbmTraining.Pseudolikelihood(), model, batch));

    [Property]
    public bool Ratio_matching_gradient_is_the_finite_difference_of_its_loss(BernoulliRbmCase c) =>
        Matches(RbmTraining.RatioMatching(), c, (model, batch) => Metric(RbmTraining.RatioMatching(), model, batch));

    [Property]
    public bool Gaussian_bernoulli_exact_ml_gradient_is_the_finite_difference_of_the_exact_loss(GaussianBernoulliRbmCase c)
    {
        var parameters = GaussianBernoulliRbmTraining.Parameters(learnSigma: true);
        var batch = Mat.From(2, c.Visible.Length, c.Visible.Concat(c.Visible.Select(x => -0.5 * x)).ToArray());
        var gradient = GaussianBernoulliRbmTraining.ExactLikelihood(learnSigma: true).Step(RngKey.FromSeed(1), c.Model, Seq<Mat>(), batch)
            .Match(r => r.Gradient, e => throw new InvalidOperationException(e.Message));
        double Loss(GaussianBernoulliRbm model) =>
            model.FreeEnergies(batch).Span.ToArray().Average() + GaussianBernoulliRbmExact.Compute(model, 1.0).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        return Close(gradient, parameters.ToVector(c.Model), v => Loss(parameters.FromVector(c.Model, v).Match(m => m, e => throw new InvalidOperationException(e.Message))));
    }

    private static bool Matches(Objective<BernoulliRbm> objective, BernoulliRbmCase c, Func<BernoulliRbm, Mat, double> loss)
    {
        var batch = Mat.From(2, c.Visible.Length, c.Visible.Concat(c.Visible.Select(x => 1 - x)).ToArray());
        var gradient = objective.Step(RngKey.FromSeed(1), c.Model, Seq<Mat>(), batch).Match(r => r.Gradient, e => throw new InvalidOperationException(e.Message));
        return Close(gradient, RbmTraining.Parameters.ToVector(c.Model),
            v => loss(RbmTraining.Parameters.FromVector(c.Model, v).Match(m => m, e => throw new InvalidOperationException(e.Message)), batch));
    }

    private static double Metric(Objective<BernoulliRbm> objective, BernoulliRbm model, Mat batch) =>
        objective.Step(RngKey.FromSeed(1), model, Seq<Mat>(), batch).Match(r => r.Metrics.Head.Value, e => throw new InvalidOperationException(e.Message));

    private static bool Close(Vec gradient, Vec at, Func<Vec, double> loss)
    {
        for (var k = 0; k < at.Length; k++)
        {
            var up = at.ToArray();
            var down = at.ToArray();
            up[k] += Step;
            down[k] -= Step;
            var numeric = (loss(Vec.Of(up)) - loss(Vec.Of(down))) / (2 * Step);
            if (Math.Abs(numeric - gradient[k]) > 1e-6 * (1 + Math.Abs(gradient[k]))) return false;
        }

        return true;
    }
}
