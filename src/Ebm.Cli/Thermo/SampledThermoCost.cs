using Ebm.Cli.Cost;
using Ebm.Functional.Thermo;

namespace Ebm.Cli.Thermo;

/// <summary>
/// The cost of a sampled sweep, stated before any work: pt and reweighting sweep every unit of every chain at every rung
/// (<see cref="ThermoSweep.Rungs"/>) burn-in + steps times and keep an energy and a magnetisation per chain, rung and sweep;
/// ais sweeps every particle once per substep per sweep; Wang-Landau is bounded by its own sweep limit and is counted as
/// its walkers' states.
/// </summary>
internal static class SampledThermoCost
{
    public const string Levers = "--replicas, --steps, --burn-in, the number of betas or the model's size";

    private const double TraceBytes = 16;

    public static RunCost Of(SampledThermoPlan plan, int units, double[] betas)
    {
        var rungs = ThermoSweep.Rungs(betas.Order().ToArray()).Length;
        return plan.Method switch
        {
            ThermoMethods.Ais => RunCost.Of(CostPart.Of("ais", (double)plan.Replicas * rungs * AnnealedSubsteps * plan.Steps, units,
                (double)plan.Replicas * units * 16)),
            ThermoMethods.WangLandau => RunCost.Of(CostPart.Of("wang-landau", plan.Replicas, units, (double)plan.Replicas * units * 16)),
            _ => RunCost.Of(CostPart.Of(plan.Method, (double)plan.Replicas * rungs * ((double)plan.Steps + plan.BurnIn), units,
                (double)plan.Replicas * rungs * plan.Steps * TraceBytes)),
        };
    }

    /// <summary>The substeps between rungs of an ais run from the tool.</summary>
    public const int AnnealedSubsteps = 4;
}
