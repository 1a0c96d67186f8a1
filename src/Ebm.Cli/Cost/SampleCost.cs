using Ebm.Cli.Sampling;
using Ebm.Functional.Mcmc.Nuts;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Sampling;

namespace Ebm.Cli.Cost;

/// <summary>The cost of one <c>ebm sample</c> run: C chains of B + T steps, and the traces of the kept steps.</summary>
internal static class SampleCost
{
    /// <summary>The options that set the cost of ebm sample.</summary>
    public const string Levers = "--chains, --steps, --burn-in, --thin, --rungs or --leapfrog-steps";

    /// <summary>The cost of sampling <paramref name="model"/> as <paramref name="request"/> and <paramref name="settings"/> say.</summary>
    public static RunCost For(IEnergyModel model, SampleRequest request, RunSettings settings)
    {
        var d = model.Dimension;
        var rungs = request.Sampler == "pt" ? request.Rungs : 1;
        var evaluations = (double)request.Chains * ((double)settings.BurnIn + settings.Steps) * rungs * EvaluationsPerStep(model, request);
        return RunCost.Of(CostPart.Of("chains", evaluations, d, SampleMemory.Bytes(model, request, settings)));
    }

    /// <summary>
    /// Energy or gradient evaluations of one step of one chain (at one rung): an HMC trajectory its leapfrog steps, a NUTS
    /// trajectory at most 2^10 - 1 (its length adapts to the target, so the bound is what the budget can promise), any other kernel 1.
    /// </summary>
    private static int EvaluationsPerStep(IEnergyModel model, SampleRequest request) => model switch
    {
        IContinuousModel when request.Sampler is "nuts" => (1 << Nuts.DefaultMaxTreeDepth) - 1,
        IContinuousModel when request.Sampler is "hmc" or "pt" => request.LeapfrogSteps,
        _ => 1,
    };
}
