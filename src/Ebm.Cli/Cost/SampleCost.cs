using Ebm.Cli.Sampling;
using Ebm.Functional.Catalogue;
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
        var evaluations = (double)request.Chains * ((double)settings.BurnIn + settings.Steps) * EvaluationsPerStep(model, request);
        return RunCost.Of(CostPart.Of("chains", evaluations, d, SampleMemory.Bytes(model, request, settings)));
    }

    /// <summary>
    /// Energy or gradient evaluations of one step of one chain, as the <see cref="KernelCatalog"/> counts them: an HMC
    /// trajectory its leapfrog steps, any other kernel 1, parallel tempering that at each of its rungs.
    /// </summary>
    private static int EvaluationsPerStep(IEnergyModel model, SampleRequest request) =>
        KernelCatalog.For(model).Find(request.Sampler).Map(k => k.EvaluationsPerMove(request.LeapfrogSteps, request.Rungs)).IfNone(1);
}
