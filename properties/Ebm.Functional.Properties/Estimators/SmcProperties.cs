using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Numerics;
using FsCheck.Xunit;
using Ebm.Functional.Estimators;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// SMC is unbiased: the exact expectation of prod_k m_k, m_k = sum_i W_{k-1,i} w_{k,i}, over the exact base
/// draws, every resampling outcome (from the scheme's implementation integrated over its uniforms) and every
/// move (the heat-bath kernel's exact matrix) equals Z_1 / Z_0, whether the run never, sometimes or always
/// resamples (Del Moral, Doucet and Jasra 2006). The reweighting, ESS, resampling decision and increments are
/// the implementation's own.
/// </summary>
/// <remarks>
/// The expectation sums at most 64 x 27 x 64 (two steps) or 16 x (4 x 16)^2 (three steps) products of
/// probabilities and exponentials of order one, so it holds to well under 1e-9 relative.
/// </remarks>
public sealed class SmcProperties
{
    private const double RelativeTolerance = 1e-9;

    [Property(MaxTest = 40, Arbitrary = [typeof(SmcExactArbitrary)])]
    public void The_product_of_mean_weights_is_unbiased_for_the_ratio_of_normalisers(SmcExactCase c)
    {
        var expectation = Expectation(c);
        var exact = c.ExactRatio();
        Assert.True(Math.Abs(expectation / exact - 1.0) < RelativeTolerance, $"E[prod m] = {expectation:R}, Z_1/Z_0 = {exact:R} on {c}");
    }

    private static double Expectation(SmcExactCase c)
    {
        var path = c.Path();
        var all = c.AllStates();
        var matrices = c.Points.Select(t => TransitionMatrices.HeatBath(c.Model, t * c.Beta, ScanOrder.Systematic).ThrowIfFail()).ToArray();
        var uniform = Enumerable.Repeat(-Math.Log(c.Particles), c.Particles).ToArray();
        var start = Math.Pow(c.States, -c.Particles);
        return SmcExactCase.Configurations(c.States, c.Particles).Sum(config => start * Continue(c, path, all, matrices, 1, config, uniform, 0.0));
    }

    private static double Continue(
        SmcExactCase c, AnnealingPath<DiscreteChains> path, DiscreteChains all, Mat[] matrices, int k, int[] config, double[] logWeights, double logProduct)
    {
        var increments = Smc.Increments(path, c.Points[k - 1], c.Points[k], Selections.Discrete(all, config));
        var (logMean, updated) = Smc.Reweight(logWeights, increments.Span);
        logProduct += logMean;
        if (k == c.Points.Length - 1) return Math.Exp(logProduct);

        var resample = Smc.ShouldResample(Smc.Ess(updated), c.Particles, c.Threshold);
        var outcomes = resample
            ? ResamplingExactness.Outcomes(c.Scheme, updated.Select(Math.Exp).ToArray(), c.Particles)
            : [(Enumerable.Range(0, c.Particles).ToArray(), 1.0)];
        var carried = resample ? Enumerable.Repeat(-Math.Log(c.Particles), c.Particles).ToArray() : updated;
        var matrix = matrices[k];
        var total = 0.0;
        foreach (var (ancestors, probability) in outcomes)
        {
            if (probability == 0) continue;
            var selected = ancestors.Select(a => config[a]).ToArray();
            foreach (var moved in SmcExactCase.Configurations(c.States, c.Particles))
            {
                var transition = probability;
                for (var i = 0; i < c.Particles && transition > 0; i++) transition *= matrix[selected[i], moved[i]];
                if (transition > 0) total += transition * Continue(c, path, all, matrices, k + 1, moved, carried, logProduct);
            }
        }

        return total;
    }
}
