using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Numerics;
using Ebm.Functional.Properties.Models;
using FsCheck.Xunit;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Mcmc.BlockGibbs;

/// <summary>
/// Exact laws of RBM block Gibbs on tiny models (nv, nh in 1..4, so at most 8 units and 256 joint states): the
/// transition matrix built by enumeration is stochastic and leaves the exact Boltzmann distribution invariant;
/// the joint kernel is not reversible (h then v in a fixed order), but its visible marginal chain satisfies
/// detailed balance with p_beta(v) = sum_h p_beta(v, h).
/// </summary>
[Properties(Arbitrary = [typeof(RbmArbitraries)], MaxTest = 40)]
public class BlockGibbsLaws
{
    private const double Tolerance = 1e-12;

    /// <summary>beta in [0.1, 2.5], drawn from an integer so FsCheck shrinks it.</summary>
    private static double Beta(int k) => 0.1 + Math.Abs(k % 25) / 10.0;

    [Property]
    public bool Rows_sum_to_one(BernoulliRbmCase c, int k)
    {
        var kernel = TransitionMatrices.BlockGibbs(c.Model, Beta(k)).ThrowIfFail();
        return MarkovChecks.Stochastic(kernel, Tolerance).Holds;
    }

    [Property]
    public bool The_exact_distribution_is_stationary(BernoulliRbmCase c, int k)
    {
        var beta = Beta(k);
        var kernel = TransitionMatrices.BlockGibbs(c.Model, beta).ThrowIfFail();
        return MarkovChecks.Stationary(kernel, Probabilities(c.Model, beta), Tolerance).Holds;
    }

    [Property]
    public bool The_visible_marginal_chain_satisfies_detailed_balance(BernoulliRbmCase c, int k)
    {
        var beta = Beta(k);
        var kernel = TransitionMatrices.BlockGibbsVisible(c.Model, beta).ThrowIfFail();
        var joint = Probabilities(c.Model, beta);
        var visibleStates = 1 << c.Model.Visible;
        var marginal = new double[visibleStates];
        for (var x = 0; x < joint.Length; x++) marginal[x % visibleStates] += joint[x];
        return MarkovChecks.Stochastic(kernel, Tolerance).Holds && MarkovChecks.Reversible(kernel, marginal, Tolerance).Holds;
    }

    private static double[] Probabilities(Ebm.Functional.Models.BernoulliRbm model, double beta) =>
        Enumeration.Probabilities(model, beta).Match(p => p.ToArray(), e => throw new InvalidOperationException(e.Message));
}
