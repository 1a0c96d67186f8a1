using Ebm.Functional.Annealing;
using Ebm.Functional.Catalogue;
using Ebm.Functional.Estimation;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Estimation;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Estimators;
using Ebm.Cli.Output;

namespace Ebm.Cli.Estimation;

/// <summary>
/// The proposals of importance and bridge sampling for each model kind: uniform over the states of a discrete
/// model (for an RBM with --data, the base rate on the visible units), the Gaussian reference (<see cref="GaussianReference"/>) for a
/// continuous one; and the target kernels bridge sampling runs. Importance sampling of a Bernoulli RBM draws the
/// visible units only and sums the hidden units out (<see cref="Functional.Estimators.ImportanceSampling.EstimateVisible"/>).
/// </summary>
internal static class ProposalCatalog
{
    /// <summary>
    /// The kernels bridge sampling may run on <paramref name="model"/> (default first): the annealing kernels that run
    /// on any energy over its state space (<see cref="ModelKernels.OnAnyEnergy"/>), as its target chains are plain batches.
    /// </summary>
    public static string[] BridgeKernels(IEnergyModel model) => [.. KernelCatalog.For(model).OnAnyEnergy];

    /// <summary>The proposal for <paramref name="model"/>; a reference pilot reports to <paramref name="pilotProgress"/>.</summary>
    public static Fin<Proposal> For(IEnergyModel model, LogzRequest request, IProgress<double>? pilotProgress = null) => model switch
    {
        BernoulliRbm rbm when request.DataPath is { } path => BaseRateProposal(rbm, path),
        _ when request.DataPath is not null => FinFail<Proposal>(CliErrors.InvalidOption("--data",
            "data set the base-rate proposal of a Bernoulli RBM; this model does not use them")),
        IDiscreteModel discrete => FinSucc(Proposal.Uniform(discrete.Dimension, discrete.States)),
        IContinuousModel continuous => GaussianReference.For(continuous, request, pilotProgress).Map(Proposal.Gaussian),
        _ => FinFail<Proposal>(CliErrors.InvalidOption("--method",
            $"{request.Method} needs a proposal, and none is available for a {model.Kind} model; its log Z is exact: use --method exact")),
    };

    /// <summary>
    /// The proposal over an RBM's visible units: the base rate sigma(bA) of --data (the annealing path's base), or the
    /// uniform distribution without data.
    /// </summary>
    private static Fin<Proposal> VisibleProposal(BernoulliRbm rbm, LogzRequest request) =>
        request.DataPath is not { } path
            ? FinSucc(Proposal.Uniform(rbm.Visible, StateConvention.Binary))
            : DataBaseRate.VisibleBias(rbm, path).Bind(bias =>
                Outcomes.ToFin(Proposal.BernoulliLogits(bias, StateConvention.Binary)).Map(p => p with { Name = "base-rate visible" }));

    /// <summary>
    /// The factorised proposal of an RBM's joint state for bridge sampling (whose target chains run on the joint state):
    /// each visible unit on with the smoothed data mean (the base rate of Salakhutdinov and Murray 2008), each hidden unit a fair coin.
    /// </summary>
    private static Fin<Proposal> BaseRateProposal(BernoulliRbm rbm, string path) =>
        DataBaseRate.VisibleBias(rbm, path).Bind(bias => Outcomes.ToFin(Proposal.Bernoulli(
            Vec.Create(rbm.Dimension, p =>
            {
                for (var i = 0; i < rbm.Visible; i++) p[i] = LogSpace.Sigmoid(bias[i]);
                for (var j = rbm.Visible; j < rbm.Dimension; j++) p[j] = 0.5;
            }),
            StateConvention.Binary)));

    /// <summary>
    /// Energy evaluations one annealing step costs a particle (a density and a move, HMC's leapfrog steps and the
    /// re-initialisation of the interpolated energy included): what a draw of IS or of the bridge's proposal is
    /// weighed against, so that the methods compare at equal cost.
    /// </summary>
    public static int EvaluationsPerStep(IEnergyModel model, LogzRequest request) => model switch
    {
        IContinuousModel => KernelChoice.Continuous(request.Kernel, request).EvaluationsPerMove + 2,
        _ => 2,
    };

    /// <summary>Draws of importance sampling: as many as AIS spends energy evaluations over N particles and K steps (its default kernel).</summary>
    public static int ImportanceDraws(IEnergyModel model, LogzRequest r) =>
        EstimatorSizes.ImportanceDraws(r.Particles, r.Steps, EvaluationsPerStep(model, r with { Kernel = "auto" }));

    /// <summary>Proposal draws of bridge sampling: the other half of AIS's energy evaluations.</summary>
    public static int BridgeProposals(IEnergyModel model, LogzRequest r) =>
        EstimatorSizes.BridgeProposals(r.Particles, r.Steps, EvaluationsPerStep(model, r));

    /// <summary>Importance sampling with the energy evaluations of AIS over N particles and K steps (N K draws per evaluation of a step).</summary>
    public static Fin<LogZEstimate> ImportanceSampling(EstimationInput input)
    {
        var (model, r) = (input.Model, input.Request);
        var count = ImportanceDraws(model, r);
        if (model is BernoulliRbm rbm)
            return VisibleProposal(rbm, r).Bind(proposal => Outcomes.ToFin(Functional.Estimators.ImportanceSampling.EstimateVisible(input.Key, rbm, r.Beta, proposal, count)));
        return For(model, r, input.Pilot("reference")).Bind(proposal => model switch
        {
            IDiscreteModel d => Outcomes.ToFin(Functional.Estimators.ImportanceSampling.Estimate(input.Key, d, r.Beta, proposal, count)),
            IContinuousModel c => Outcomes.ToFin(Functional.Estimators.ImportanceSampling.Estimate(input.Key, c, r.Beta, proposal, count)),
            _ => FinFail<LogZEstimate>(CliErrors.InvalidOption("--method", $"is does not apply to a {model.Kind} model")),
        });
    }

    /// <summary>
    /// Bridge sampling at about the cost of AIS over N particles and K steps: N chains of K / 2 steps (half burn-in,
    /// half recorded) and as many proposal draws as the other half of AIS's energy evaluations.
    /// </summary>
    public static Fin<LogZEstimate> Bridge(EstimationInput input)
    {
        var (model, r) = (input.Model, input.Request);
        var half = EstimatorSizes.BridgeHalf(r.Steps);
        var proposals = BridgeProposals(model, r);
        return For(model, r, input.Pilot("reference")).Bind(proposal => model switch
        {
            IDiscreteModel d => Outcomes.ToFin(BridgeSampling.Run(input.Key, d, r.Beta, proposal, KernelChoice.Discrete(r.Kernel)(d, r.Beta), r.Particles, half, half, proposals)),
            IContinuousModel c => Outcomes.ToFin(BridgeSampling.Run(input.Key, c, r.Beta, proposal, KernelChoice.Continuous(r.Kernel, r).AtBeta(c, r.Beta), r.Particles, half, half, proposals)),
            _ => FinFail<LogZEstimate>(CliErrors.InvalidOption("--method", $"bridge does not apply to a {model.Kind} model")),
        });
    }
}
