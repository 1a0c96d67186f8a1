using Ebm.Functional.Exact;
using Ebm.Functional.Numerics;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// The contract every discrete kernel in <see cref="DiscreteKernelTable.AllDiscreteKernels"/> meets,
/// checked on the exact transition matrix built by enumeration against the exact Boltzmann distribution
/// from <see cref="Enumeration.Probabilities"/> (index x = sum_i 2^i [unit i high] in both).
/// </summary>
public sealed class DiscreteKernelContractProperties
{
    private static Vec Pi(TinyDiscreteCase c) =>
        Enumeration.Probabilities(c.Model, c.Beta).Match(p => p, e => throw new InvalidOperationException(e.Message));

    [Property(MaxTest = 60, Arbitrary = [typeof(TinyDiscreteArbitrary)])]
    public void Every_step_matrix_is_stochastic(TinyDiscreteCase c)
    {
        foreach (var kernel in DiscreteKernelTable.AllDiscreteKernels.Where(k => k.AppliesTo(c.Model)))
            MarkovMatrixChecks.RowsAreDistributions(kernel.StepMatrix(c.Model, c.Beta), $"{kernel.Name} on {c}");
    }

    [Property(MaxTest = 60, Arbitrary = [typeof(TinyDiscreteArbitrary)])]
    public void Every_step_leaves_the_Boltzmann_distribution_invariant(TinyDiscreteCase c)
    {
        var pi = Pi(c);
        foreach (var kernel in DiscreteKernelTable.AllDiscreteKernels.Where(k => k.AppliesTo(c.Model)))
            MarkovMatrixChecks.IsStationary(kernel.StepMatrix(c.Model, c.Beta), pi.Span, $"{kernel.Name} on {c}");
    }

    // Stationarity says the chain cannot leave pi; primitivity says it gets there from anywhere. Every kernel is
    // primitive for every beta >= 0 drawn, beta = 0 and the degenerate models included: Metropolis accepts a
    // tie with probability 7/8 and Wolff turns lazy when no bond can be activated (see MetropolisAcceptance, Wolff).
    [Property(MaxTest = 100, Arbitrary = [typeof(TinyDiscreteArbitrary)])]
    public void Every_step_matrix_is_primitive(TinyDiscreteCase c)
    {
        foreach (var kernel in DiscreteKernelTable.AllDiscreteKernels.Where(k => k.AppliesTo(c.Model)))
            MarkovMatrixChecks.IsPrimitive(kernel.StepMatrix(c.Model, c.Beta), $"{kernel.Name} on {c}");
    }

    // A random-scan step is the n-th power of one random-site update; the update is reversible, and so is
    // any power of a pi-reversible kernel, so both are checked. Cluster moves are reversible steps themselves.
    [Property(MaxTest = 60, Arbitrary = [typeof(TinyDiscreteArbitrary)])]
    public void Random_scan_kernels_satisfy_detailed_balance(TinyDiscreteCase c)
    {
        var pi = Pi(c);
        foreach (var kernel in DiscreteKernelTable.AllDiscreteKernels.Where(k => k.ReversibleUpdate is not null && k.AppliesTo(c.Model)))
        {
            var update = kernel.ReversibleUpdate!(c.Model, c.Beta);
            MarkovMatrixChecks.RowsAreDistributions(update, $"{kernel.Name} single update on {c}");
            MarkovMatrixChecks.HasDetailedBalance(update, pi.Span, $"{kernel.Name} single update on {c}");
            MarkovMatrixChecks.HasDetailedBalance(kernel.StepMatrix(c.Model, c.Beta), pi.Span, $"{kernel.Name} step on {c}");
        }
    }

    // The systematic sweep is not reversible in general: this pins that the check above would catch a
    // kernel that is merely stationary, on a 3-unit chain where the sweep provably breaks detailed balance.
    [Fact]
    public void Systematic_sweeps_are_not_reversible_in_general()
    {
        var model = Ebm.Functional.Models.IsingModel.Create(1, 3, 0.8, 0.3, Ebm.Functional.Models.Boundary.Open)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var pi = Enumeration.Probabilities(model, 1.0).Match(p => p, e => throw new InvalidOperationException(e.Message));
        foreach (var kernel in DiscreteKernelTable.AllDiscreteKernels.Where(k => k.Name.EndsWith("/systematic", StringComparison.Ordinal)))
        {
            var k = kernel.StepMatrix(model, 1.0);
            Assert.Throws<Exception>(() => MarkovMatrixChecks.HasDetailedBalance(k, pi.Span, kernel.Name));
            MarkovMatrixChecks.IsStationary(k, pi.Span, kernel.Name);
        }
    }
}
