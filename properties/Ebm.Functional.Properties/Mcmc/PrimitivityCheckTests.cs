using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// The primitivity check itself: it finds the least positive power exactly (Wielandt's extreme matrices), it
/// rejects known periodic and reducible matrices, and it rejects the kernels as they were before a tie was
/// accepted with probability 7/8, rebuilt here with the old rule min(1, e^-x) so that the check is shown to
/// catch the defect it guards against.
/// </summary>
public sealed class PrimitivityCheckTests
{
    /// <summary>The Metropolis rule as it was: min(1, e^-x) at every x, so a tie is accepted with certainty.</summary>
    private static double OldMetropolis(double betaEnergyChange) => betaEnergyChange <= 0.0 ? 1.0 : Math.Exp(-betaEnergyChange);

    private static IsingModel Torus(int rows, int columns, double coupling, double field) =>
        IsingModel.Create(rows, columns, coupling, field, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void Wielandts_matrix_needs_exactly_the_bound_and_is_found_primitive(int size)
    {
        var wielandt = SupportPattern.Wielandt(size).ThrowIfFail();
        Assert.Equal((long)(size - 1) * (size - 1) + 1, wielandt.Exponent());
        Assert.True(wielandt.IsPrimitive());
    }

    [Fact]
    public void A_cycle_is_periodic_and_a_block_diagonal_matrix_is_reducible()
    {
        var cycle = Mat.From(3, 3, [0, 1, 0, 0, 0, 1, 1, 0, 0]);
        Assert.Null(SupportPattern.Of(cycle).ThrowIfFail().UnreachablePair());
        Assert.Equal(3, SupportPattern.Of(cycle).ThrowIfFail().Period());
        Assert.Contains("period 3", Assert.Throws<Exception>(() => MarkovMatrixChecks.IsPrimitive(cycle, "cycle")).Message);

        var blocks = Mat.From(4, 4, [0.5, 0.5, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0.2, 0.8, 0, 0, 0.3, 0.7]);
        Assert.Contains("reducible", Assert.Throws<Exception>(() => MarkovMatrixChecks.IsPrimitive(blocks, "blocks")).Message);

        var lazyCycle = Mat.From(3, 3, [0.5, 0.5, 0, 0, 0.5, 0.5, 0.5, 0, 0.5]);
        MarkovMatrixChecks.IsPrimitive(lazyCycle, "lazy cycle");
    }

    // The 2x2 torus at h = 0 (sites 0 1 / 2 3): in the alternating-column state 5 (sites 0 and 2 up) every
    // neighbour sum is 0. With the old rule the sweep sends 5 to its mirror 10 (sites 1 and 3 up) and 10 back
    // to 5 with probability 1 at any beta: {5, 10} is closed, the 4x4 trap of `ebm sample` in miniature.
    [Theory]
    [InlineData(0.44)]
    [InlineData(1.3)]
    public void The_old_checkerboard_acceptance_traps_the_alternating_column_state(double beta)
    {
        var model = Torus(2, 2, 1.0, 0.0);
        var old = TransitionMatrices.CheckerboardSweep(model, beta, OldMetropolis).ThrowIfFail();
        Assert.Equal(1.0, old[5, 10]);
        Assert.Equal(1.0, old[10, 5]);
        Assert.Contains("reducible", Assert.Throws<Exception>(() => MarkovMatrixChecks.IsPrimitive(old, "old checkerboard")).Message);

        var current = TransitionMatrices.CheckerboardSweep(model, beta, CheckerboardUpdate.Metropolis).ThrowIfFail();
        Assert.True(current[5, 5] > 0.0);
        MarkovMatrixChecks.IsPrimitive(current, "checkerboard");
    }

    // At beta = 0 the old rule flips every site of every colour: the sweep maps each state to its complement.
    [Fact]
    public void The_old_checkerboard_acceptance_at_beta_zero_flips_the_whole_lattice()
    {
        var model = Torus(3, 3, 0.7, 0.2);
        var old = TransitionMatrices.CheckerboardSweep(model, 0.0, OldMetropolis).ThrowIfFail();
        Assert.Equal(1.0, old[0, 511]);
        Assert.Throws<Exception>(() => MarkovMatrixChecks.IsPrimitive(old, "old checkerboard at beta 0"));
    }

    // A single random flip per step (the old random-site Metropolis update at beta = 0, and the old Wolff step when
    // no bond can be activated) changes the parity of the number of high units every time: period 2. The
    // n-update random-scan step of n = 3 units keeps period 2, the systematic sweep maps x to its complement.
    [Fact]
    public void The_old_single_site_rule_at_beta_zero_gives_periodic_or_reducible_chains()
    {
        var model = Torus(1, 3, 0.9, -0.4);
        var rule = OldMetropolisRule(model, 0.0);
        var randomSite = TransitionMatrices.RandomSiteUpdate(model, rule).ThrowIfFail();
        Assert.Contains("period 2", Assert.Throws<Exception>(() => MarkovMatrixChecks.IsPrimitive(randomSite, "old random site")).Message);
        Assert.Throws<Exception>(() => MarkovMatrixChecks.IsPrimitive(TransitionMatrices.SingleSite(model, rule, ScanOrder.Random).ThrowIfFail(), "old random scan"));
        Assert.Contains("reducible", Assert.Throws<Exception>(() =>
            MarkovMatrixChecks.IsPrimitive(TransitionMatrices.SingleSite(model, rule, ScanOrder.Systematic).ThrowIfFail(), "old sweep")).Message);
        MarkovMatrixChecks.IsPrimitive(TransitionMatrices.Metropolis(model, 0.0, ScanOrder.Systematic).ThrowIfFail(), "metropolis sweep at beta 0");
        MarkovMatrixChecks.IsPrimitive(TransitionMatrices.Wolff(Torus(1, 3, 0.9, 0.0), 0.0).ThrowIfFail(), "wolff at beta 0");
    }

    private static SiteFlipProbability OldMetropolisRule(IDiscreteModel model, double beta) =>
        (state, site) => OldMetropolis(beta * model.FlipEnergyChange(state, site));
}
