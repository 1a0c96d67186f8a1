using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Mcmc.Tempering;

/// <summary>
/// Parallel tempering leaves prod_r p_{beta_r} invariant: each swap sweep is stochastic and reversible
/// with respect to it, and a full step with any local kernel of the table is stochastic, stationary and
/// primitive (the product chain reaches every tuple of states, a rung at beta = 0 included).
/// </summary>
public sealed class TemperingProperties
{
    [Property(MaxTest = 25, Arbitrary = [typeof(TemperingArbitrary)])]
    public void Each_swap_sweep_is_reversible_for_the_tempered_product(TemperingCase c)
    {
        var pi = TemperingMatrices.ProductDistribution(c.Model, c.Betas).ThrowIfFail();
        for (var parity = 0; parity < 2; parity++)
        {
            var sweep = TemperingMatrices.SwapSweep(c.Model, c.Betas, parity).ThrowIfFail();
            MarkovMatrixChecks.RowsAreDistributions(sweep, $"sweep {parity} on {c}");
            MarkovMatrixChecks.HasDetailedBalance(sweep, pi.Span, $"sweep {parity} on {c}");
            MarkovMatrixChecks.IsStationary(sweep, pi.Span, $"sweep {parity} on {c}");
        }
    }

    [Property(MaxTest = 15, Arbitrary = [typeof(TemperingArbitrary)])]
    public void A_full_step_with_every_local_kernel_leaves_the_product_invariant_and_is_primitive(TemperingCase c)
    {
        var pi = TemperingMatrices.ProductDistribution(c.Model, c.Betas).ThrowIfFail();
        foreach (var kernel in DiscreteKernelTable.AllDiscreteKernels.Where(k => k.AppliesTo(c.Model)))
        {
            var step = TemperingMatrices.Step(c.Model, c.Betas, beta => kernel.StepMatrix(c.Model, beta)).ThrowIfFail();
            MarkovMatrixChecks.RowsAreDistributions(step, $"pt({kernel.Name}) on {c}");
            MarkovMatrixChecks.IsStationary(step, pi.Span, $"pt({kernel.Name}) on {c}");
            MarkovMatrixChecks.IsPrimitive(step, $"pt({kernel.Name}) on {c}");
        }
    }

    // The lattice kernels on the 2x2 torus at h = 0 (the alternating-column state's lattice, 16 states, so two
    // rungs make 256 product states), J in [-1.5, 1.5] or 0, the cold rung up to 2, the hot rung at 0 in one case of three.
    [Property(MaxTest = 12)]
    public Property Tempered_lattice_kernels_are_primitive_on_the_2x2_torus() =>
        Prop.ForAll(Arb.From(
            from coupling in Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(-1500, 1500)))
            from hot in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 1000)))
            from gap in Gen.Choose(1, 1000)
            select (coupling / 1000.0, new[] { hot / 1000.0, (hot + gap) / 1000.0 })), t =>
        {
            var (coupling, betas) = t;
            var model = IsingModel.Create(2, 2, coupling, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
            foreach (var kernel in DiscreteKernelTable.AllDiscreteKernels.Where(k => k.AppliesTo(model)))
            {
                var step = TemperingMatrices.Step(model, betas, beta => kernel.StepMatrix(model, beta)).ThrowIfFail();
                MarkovMatrixChecks.IsPrimitive(step, $"pt({kernel.Name}) on the 2x2 torus J={coupling} betas=[{string.Join(", ", betas)}]");
            }
        });

    // The swap probability is written independently here from the product weights: moving (x, y) at
    // (beta_r, beta_{r+1}) to (y, x) multiplies the weight by exp(-beta_r E(y) - beta_{r+1} E(x) + beta_r E(x) + beta_{r+1} E(y)).
    [Property(MaxTest = 200)]
    public bool Swap_probability_is_the_Metropolis_ratio_of_the_exchanged_product(int b1, int b2, int e1, int e2)
    {
        var betaLow = Math.Abs(b1 % 3000) / 1000.0;
        var betaHigh = betaLow + 1e-3 + Math.Abs(b2 % 3000) / 1000.0;
        var energyLow = (e1 % 20000) / 1000.0;
        var energyHigh = (e2 % 20000) / 1000.0;
        var logRatio = -betaLow * energyHigh - betaHigh * energyLow + betaLow * energyLow + betaHigh * energyHigh;
        var expected = Math.Min(1.0, Math.Exp(logRatio));
        return Math.Abs(ReplicaSwaps.SwapProbability(betaLow, betaHigh, energyLow, energyHigh) - expected) <= 1e-12;
    }
}
