using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Properties.Models;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Exact;

[Properties(Arbitrary = [typeof(RbmArbitraries)], MaxTest = 60)]
public class RbmExactLaws
{
    [Property]
    public bool At_beta_zero_log_z_is_the_log_of_the_state_count(BernoulliRbmCase c) =>
        Math.Abs(LogZ(c.Model, 0.0) - (c.Model.Visible + c.Model.Hidden) * Math.Log(2.0)) <= 1e-14 * (c.Model.Visible + c.Model.Hidden);

    [Property]
    public bool Visible_sum_equals_hidden_sum_equals_joint_enumeration(BernoulliRbmCase c)
    {
        const double beta = 1.3;
        var joint = new List<double>();
        for (long v = 0; v < 1L << c.Model.Visible; v++)
        for (long h = 0; h < 1L << c.Model.Hidden; h++)
            joint.Add(-beta * c.Model.Energy(BernoulliRbmLaws.State(v, c.Model.Visible), BernoulliRbmLaws.State(h, c.Model.Hidden)));
        var expected = BernoulliRbmLaws.LogSumExp([.. joint]);
        var hidden = Result(RbmExact.EnumerateHidden(c.Model, beta)).LogZ;
        var visible = Result(RbmExact.EnumerateVisible(c.Model, beta)).LogZ;
        var tolerance = 1e-12 * Math.Max(1, Math.Abs(expected));
        return Math.Abs(hidden - expected) <= tolerance && Math.Abs(visible - expected) <= tolerance;
    }

    [Property]
    public bool Mean_energy_and_variance_are_the_beta_derivatives_of_log_z(BernoulliRbmCase c)
    {
        // U = -d log Z / d beta and Var(E) = -dU / d beta. With |E| <= B, central differences err by at most
        // h^2 |kappa_3| / 6 <= h^2 (2B)^3 / 6 and h^2 |kappa_4| / 6 <= h^2 4 (2B)^4 / 6, plus rounding ~1e-14 / h.
        const double beta = 0.9;
        const double h = 1e-4;
        var bound = c.Model.Weights.Span.ToArray().Sum(Math.Abs) + c.Model.VisibleBias.Span.ToArray().Sum(Math.Abs) + c.Model.HiddenBias.Span.ToArray().Sum(Math.Abs);
        var result = Result(RbmExact.Compute(c.Model, beta));
        var up = Result(RbmExact.Compute(c.Model, beta + h));
        var down = Result(RbmExact.Compute(c.Model, beta - h));
        var meanFromLogZ = -(up.LogZ - down.LogZ) / (2 * h);
        var varianceFromMean = -(up.MeanEnergy - down.MeanEnergy) / (2 * h);
        var roundingOfLogZ = 1e-14 * Math.Max(1, Math.Abs(result.LogZ)) / h;
        var roundingOfMean = 1e-14 * Math.Max(1, Math.Abs(result.MeanEnergy)) / h;
        return Math.Abs(meanFromLogZ - result.MeanEnergy) <= h * h * Math.Pow(2 * bound, 3) / 6 + roundingOfLogZ
               && Math.Abs(varianceFromMean - result.EnergyVariance) <= h * h * 4 * Math.Pow(2 * bound, 4) / 6 + roundingOfMean;
    }

    [Property]
    public bool Gaussian_bernoulli_log_z_sums_gaussian_integrals_centred_on_the_conditional_means(GaussianBernoulliRbmCase c)
    {
        // Enumerating h, each visible integral is Gaussian: log Z = logsumexp_h [ -beta min_v E(v,h) ] + sum_i log sqrt(2 pi sigma_i^2 / beta),
        // with the minimum at the conditional mean, so the law ties the exact sum to the model's own energy and conditionals.
        const double beta = 0.8;
        var terms = new List<double>();
        for (long k = 0; k < 1L << c.Model.Hidden; k++)
        {
            var h = BernoulliRbmLaws.State(k, c.Model.Hidden);
            var mean = c.Model.VisibleMeans(Ebm.Functional.Numerics.Mat.FromRows([h])).Row(0).ToArray();
            terms.Add(-beta * c.Model.Energy(mean, h));
        }

        var expected = BernoulliRbmLaws.LogSumExp([.. terms]);
        for (var i = 0; i < c.Model.Visible; i++) expected += 0.5 * Math.Log(2 * Math.PI * c.Model.Sigma[i] * c.Model.Sigma[i] / beta);
        var actual = Result(GaussianBernoulliRbmExact.Compute(c.Model, beta)).LogZ;
        return Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected));
    }

    private static double LogZ(BernoulliRbm model, double beta) => Result(RbmExact.Compute(model, beta)).LogZ;

    private static ExactResult Result(LanguageExt.Fin<ExactResult> result) => result.Match(r => r, e => throw new InvalidOperationException(e.Message));
}
