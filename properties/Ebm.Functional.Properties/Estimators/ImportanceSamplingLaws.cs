using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// Importance sampling is exactly unbiased: E_q[w] = sum_x q(x) w(x) = Z(beta), with w from the estimator's own
/// weight function, for the uniform and the factorised proposals; and the proposals are normalised.
/// </summary>
/// <remarks>Both sides are log-sum-exps of at most 64 terms of size up to ~20; 1e-12 (1 + |log Z|) covers the round-off.</remarks>
public class ImportanceSamplingLaws
{
    [Property(MaxTest = 200)]
    public Property The_expected_weight_under_the_uniform_proposal_is_Z() =>
        Prop.ForAll(Arb.From(EstimationArbitrary.Cases()), c =>
            ExpectedWeightIsZ(c, Proposal.Uniform(c.Machine.Model.Dimension, c.Machine.Model.States)));

    [Property(MaxTest = 200)]
    public Property The_expected_weight_under_a_factorised_proposal_is_Z() =>
        Prop.ForAll(Arb.From(EstimationArbitrary.Cases()), c => ExpectedWeightIsZ(c, c.Factorised));

    [Property(MaxTest = 200)]
    public Property A_factorised_proposal_sums_to_one() =>
        Prop.ForAll(Arb.From(EstimationArbitrary.Cases()), c =>
        {
            var total = LogSpace.LogSumExp(c.Factorised.LogDensity(c.States).Span);
            return (Math.Abs(total) <= 1e-13).Label($"log sum q = {total:R}");
        });

    private static Property ExpectedWeightIsZ(EstimationCase c, Proposal q)
    {
        var states = c.States;
        var logQ = q.LogDensity(states);
        var logW = ImportanceSampling.LogWeights(c.Machine.Model.Energies(states), c.Beta, logQ).ThrowIfFail();
        var terms = Vec.Create(logQ.Length, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = logQ[i] + logW[i];
        });
        var expected = LogSpace.LogSumExp(terms.Span);
        var exact = c.ExactLogZ;
        return (Math.Abs(expected - exact) <= 1e-12 * (1 + Math.Abs(exact))).Label($"log E_q[w] = {expected:R}, log Z = {exact:R}");
    }
}
