using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Xunit;
using static Ebm.Functional.Tests.Estimators.EstimationFixtures;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// Library-level cases of estimates that used to be reported with confidence although they could not be trusted, and
/// importance sampling of an RBM with the hidden units summed out, against exact log Z.
/// </summary>
public sealed class EstimatorReliabilityTests
{
    [Fact]
    public void Thermodynamic_integration_on_an_rbm_with_huge_weights_reports_its_frozen_chains_and_its_zero_error()
    {
        // Block-Gibbs chains on weights of +-1e3 never move: each point's MCSE is 0, and so was the error printed,
        // 2900 nats from the exact value.
        var model = SineRbms.Signed(12, 6, 1e3);
        var exact = Got(LogPartition.Exact(model, 1.0)).LogZ;
        var path = Valid(Paths.RbmBaseRate(model, model.VisibleBias));
        var estimate = Valid(ThermodynamicIntegration.Run(RngKey.FromSeed(42), path, Valid(AnnealingSchedule.Linear(14)), 2, 100, 12, IntegrationRule.Simpson));

        Assert.True(Math.Abs(estimate.LogZ - exact) > 100, "the case is meant to be far off");
        Assert.Equal(0.0, estimate.StandardError);
        var codes = estimate.Warnings.Map(w => w.Code).ToArray();
        Assert.Contains(EstimateWarnings.PoorMixing, codes);
        Assert.Contains(EstimateWarnings.InvalidStandardError, codes);
        Assert.False(estimate.IsReliable);
    }

    [Fact]
    public void Reverse_ais_seven_errors_high_with_an_ess_of_9_of_50_is_flagged()
    {
        var torus = Valid(IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic));
        var exact = Got(LogPartition.Exact(torus, 1.0)).LogZ;
        var path = Valid(Paths.Tempered(torus, 1.0, b => Checkerboard.Create(torus, b, CheckerboardUpdate.Metropolis).Step));
        var found = 0;
        for (ulong seed = 0; seed < 40 && found == 0; seed++)
        {
            var (drawKey, runKey) = RngKey.FromSeed(seed).Split();
            var draws = IsingChains.FromStates(torus, Got(ExactDraws.Discrete(drawKey, 50, torus, 1.0)));
            var estimate = Valid(ReverseAis.Run(runKey, path, Valid(AnnealingSchedule.Linear(5)), draws, true));
            // Every run this far off with an ESS the old fixed 10% accepted must now be flagged.
            if (Math.Abs(estimate.LogZ - exact) <= ZBound * estimate.StandardError || estimate.Ess < 5) continue;
            found++;
            Assert.Contains(estimate.Warnings, w => w.Code == EstimateWarnings.WeightDegeneracy);
        }

        Assert.True(found > 0, "no seed reproduced a reverse run more than 5 SE off with an ESS of at least 5 of 50");
    }

    [Fact]
    public void Importance_sampling_of_an_rbm_over_its_visible_units_lands_on_the_exact_value_with_a_larger_ess_than_fair_coin_hidden_units()
    {
        // 20 x 12 RBM; the base rate of 200 exact visible draws; 2000 proposal draws each way, the same key. Drawing the
        // hidden units from fair coins multiplies each weight by a factor that spreads with the 12 hidden units.
        var model = SineRbms.Smooth(20, 12, 0.8);
        var exact = Got(LogPartition.Exact(model, 1.0)).LogZ;
        var joint = Got(RbmExactDraws.Sample(RngKey.FromSeed(1), model, 200));
        var visible = Mat.Create(200, 20, v =>
        {
            for (var r = 0; r < 200; r++) joint.Row(r)[..20].CopyTo(v.Slice(r * 20, 20));
        });
        var bias = Valid(BaseRate.VisibleBias(visible));
        var summedOut = Valid(ImportanceSampling.EstimateVisible(RngKey.FromSeed(2), model, 1.0, Valid(Proposal.BernoulliLogits(bias, StateConvention.Binary)), 2000));
        var fairCoins = Valid(Proposal.Bernoulli(Vec.Create(32, p =>
        {
            for (var i = 0; i < 20; i++) p[i] = LogSpace.Sigmoid(bias[i]);
            for (var j = 20; j < 32; j++) p[j] = 0.5;
        }), StateConvention.Binary));
        var drawnHidden = Valid(ImportanceSampling.Estimate(RngKey.FromSeed(2), model, 1.0, fairCoins, 2000));

        Assert.InRange(summedOut.LogZ, exact - ZBound * summedOut.StandardError, exact + ZBound * summedOut.StandardError);
        Assert.True(summedOut.Ess > drawnHidden.Ess, $"summed out: ESS {summedOut.Ess:G4}; fair coins: ESS {drawnHidden.Ess:G4}");
        Assert.Equal(2000, summedOut.Samples);
    }

    private static T Got<T>(LanguageExt.Fin<T> value) => value.Match(x => x, e => throw new InvalidOperationException(e.Message));

    [Fact]
    public void Importance_sampling_over_the_visible_units_checks_the_proposal()
    {
        var model = SineRbms.Smooth(5, 3, 0.5);
        var errors = ImportanceSampling.EstimateVisible(RngKey.FromSeed(1), model, 1.0, Proposal.Uniform(8, StateConvention.Binary), 10)
            .Match(_ => "", e => string.Join("; ", e.Map(x => x.Message)));
        Assert.Contains("dimension 8, the model 5", errors);
    }
}
