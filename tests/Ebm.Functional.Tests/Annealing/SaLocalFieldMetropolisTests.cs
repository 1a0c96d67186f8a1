using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// The cached-field Metropolis kernel is single-site Metropolis: with integer couplings (exact fields) it makes the very
/// same moves, step for step, and its caches stay equal to fields and energies summed afresh.
/// </summary>
public sealed class SaLocalFieldMetropolisTests
{
    public static TheoryData<ScanOrder, double> OrdersAndBetas() => new()
    {
        { ScanOrder.Random, 0.0 }, { ScanOrder.Random, 0.3 }, { ScanOrder.Random, 1.5 },
        { ScanOrder.Systematic, 0.0 }, { ScanOrder.Systematic, 0.3 }, { ScanOrder.Systematic, 1.5 },
    };

    [Theory]
    [MemberData(nameof(OrdersAndBetas))]
    public void With_integer_couplings_it_makes_the_same_moves_as_single_site_metropolis(ScanOrder order, double beta)
    {
        var spins = Valid(SpinGlasses.EdwardsAnderson(RngKey.FromSeed(5), 4, SpinGlassBonds.PlusMinusOne));
        SameMoves(spins, order, beta);
        // A QUBO with integer entries: 0/1 units, fields of both signs.
        var key = RngKey.FromSeed(6);
        const int n = 9;
        var q = Mat.Create(n, n, d =>
        {
            for (var i = 0; i < n; i++)
            for (var j = i; j < n; j++)
                d[i * n + j] = d[j * n + i] = Math.Floor(5 * key.UniformAt(i * n + j)) - 2;
        });
        SameMoves(Valid(QuboProblem.Create(q)).Model, order, beta);
    }

    [Fact]
    public void Its_cached_fields_and_energies_stay_those_summed_afresh()
    {
        var model = Valid(SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(9), 40));
        var state = SaLocalFieldMetropolis.Init(model, Starts(model, 3));
        var step = SaLocalFieldMetropolis.BuildKernel(model, 1.0);
        state = Loop.Run(RngKey.FromSeed(2), state, 300, step);
        var fresh = SaLocalFieldMetropolis.Init(model, state.States);
        for (var i = 0; i < fresh.Fields.Span.Length; i++) Assert.Equal(fresh.Fields.Span[i], state.Fields.Span[i], 1e-11);
        for (var c = 0; c < 3; c++) Assert.Equal(fresh.Energies[c], state.Energies[c], 1e-10);
    }

    [Fact]
    public void Annealing_with_it_finds_the_sk_ground_state_at_the_stated_rate()
    {
        // The claim and tolerance of SimulatedAnnealingTests: p >= 0.9, so at least 80 of 100 (P = 8.1e-4 if p = 0.9).
        var model = Valid(SpinGlasses.SherringtonKirkpatrick(RngKey.FromSeed(2014), 14));
        var ground = Valid(GroundState.Enumerate(model));
        var schedule = Valid(CoolingSchedule.Geometric(3.0, 0.05, 300));
        var result = Valid(SimulatedAnnealing.Run(RngKey.FromSeed(11), model, SaKernels.MetropolisWithFields(model), schedule, new SaSettings(100)));
        Assert.True(SaSuccess.Of(result, ground.Energy).Successes >= 80);
        Assert.Equal(model.Energy(result.BestState.Span), result.BestEnergy);
    }

    private static void SameMoves(BoltzmannMachine model, ScanOrder order, double beta)
    {
        var starts = Starts(model, 4);
        var plain = SingleSiteMetropolis.Create(model, beta, order, 1);
        var reference = plain.Init(starts);
        var cached = SaLocalFieldMetropolis.Init(model, starts);
        var step = SaLocalFieldMetropolis.BuildKernel(model, beta, order);
        for (var t = 0; t < 30; t++)
        {
            var key = RngKey.FromSeed(40).FoldIn(t);
            var (nextReference, referenceInfo) = plain.Step(key, reference);
            var (nextCached, cachedInfo) = step(key, cached);
            Assert.Equal(nextReference.States.Span.ToArray(), nextCached.States.Span.ToArray());
            Assert.Equal(nextReference.Energies.ToArray(), nextCached.Energies.ToArray());
            Assert.Equal(referenceInfo.FlipFractions.ToArray(), cachedInfo.FlipFractions.ToArray());
            (reference, cached) = (nextReference, nextCached);
        }
    }

    private static Mat Starts(BoltzmannMachine model, int chains)
    {
        var low = model.States == StateConvention.Binary ? 0.0 : -1.0;
        var key = RngKey.FromSeed(77);
        return Mat.Create(chains, model.Dimension, d =>
        {
            for (var j = 0; j < d.Length; j++) d[j] = key.UniformAt(j) < 0.5 ? low : 1.0;
        });
    }
}
