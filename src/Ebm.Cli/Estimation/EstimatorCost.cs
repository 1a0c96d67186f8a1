using Ebm.Cli.Cost;
using Ebm.Functional.Annealing;
using Ebm.Functional.Catalogue;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.Estimation;
using LanguageExt;
using static LanguageExt.Prelude;
using Ebm.Functional.Exact;

namespace Ebm.Cli.Estimation;

/// <summary>
/// The cost of one <c>ebm logz</c> estimator, from the model, the request (kernel resolved) and the reference model
/// of --versus: the same counts the estimators use (<see cref="EstimatorSizes"/>), the per-move cost of the kernels
/// (<see cref="KernelChoice"/>), the pilot runs, and exact target draws.
/// </summary>
/// <remarks>
/// Fixed schedules are counted exactly as the estimators count their <c>EnergyEvaluations</c> (tests hold the two
/// together); an adaptive schedule (and the pilot that places one) is counted at its step limit K, an upper bound.
/// </remarks>
internal static class EstimatorCost
{
    /// <summary>
    /// Per-particle evaluations of one adaptive tempering step at most: two log densities, at most 42 bisections (the
    /// bracket [t, 1] halves to the 1e-12 tolerance in at most 40) and the increment.
    /// </summary>
    public const int AdaptiveEvaluationsPerStep = 45;

    /// <summary>
    /// Bytes of one particle of a batch: its coordinates, a gradient or field of as many entries, its energy and weight;
    /// twice, as a move builds the next batch beside the current one.
    /// </summary>
    public static double ParticleBytes(int dimension) => 2.0 * (2.0 * dimension + 2) * sizeof(double);

    /// <summary>The options that set the cost of ebm logz.</summary>
    public const string Levers = "--particles, --steps, --repetitions or --leapfrog-steps";

    /// <summary>The cost of running <c>request.Method</c> on <paramref name="model"/> (log Z_A / Z_B against <paramref name="reference"/> when given).</summary>
    public static Fin<RunCost> For(IEnergyModel model, LogzRequest request, IEnergyModel? reference)
    {
        var pilot = model is IContinuousModel && reference is null && GaussianReference.NeedsPilot(request)
            ? RunCost.Of(ReferencePilot(model.Dimension, request))
            : RunCost.Of();
        return request.Method switch
        {
            "is" => FinSucc(pilot.Then(Importance(model, request))),
            "bridge" => FinSucc(pilot.Then(Bridge(model, request))),
            _ when EstimatorCatalog.NeedsPath(request.Method) => OnPath(model, request, reference).Map(pilot.Then),
            _ => FinSucc(RunCost.Of()),
        };
    }

    /// <summary>The HMC pilot that moment-matches the Gaussian reference of a continuous model.</summary>
    public static CostPart ReferencePilot(int dimension, LogzRequest r)
    {
        var pilot = GaussianReference.Pilot(r);
        return CostPart.Of("reference pilot", (double)pilot.Chains * pilot.Steps * KernelChoice.Continuous("hmc", r).EvaluationsPerMove,
            dimension, (double)pilot.Chains * (pilot.Draws * dimension * sizeof(double) + ParticleBytes(dimension)));
    }

    private static RunCost Importance(IEnergyModel model, LogzRequest r)
    {
        var (d, draws) = (model.Dimension, (double)ProposalCatalog.ImportanceDraws(model, r));
        // The draws are one matrix, with their energies, proposal densities and weights.
        return RunCost.Of(CostPart.Of("estimate", draws, d, draws * (d + 3) * sizeof(double)));
    }

    private static RunCost Bridge(IEnergyModel model, LogzRequest r)
    {
        var d = model.Dimension;
        double chains = r.Particles, half = EstimatorSizes.BridgeHalf(r.Steps), proposals = ProposalCatalog.BridgeProposals(model, r);
        var perMove = model is IContinuousModel ? KernelChoice.Continuous(r.Kernel, r).EvaluationsPerMove : 1;
        // N chains of 2 x half moves, the recorded half weighed once more, and the proposal draws weighed by the target.
        var evaluations = chains * 2 * half * perMove + chains * half + proposals;
        // The recorded trace and its flattened copy, the proposal draws, and the log ratios of both samples.
        var bytes = 2 * chains * half * d * sizeof(double) + proposals * d * sizeof(double) + 4 * (chains * half + proposals) * sizeof(double);
        return RunCost.Of(CostPart.Of("estimate", evaluations, d, bytes));
    }

    private static Fin<RunCost> OnPath(IEnergyModel model, LogzRequest r, IEnergyModel? reference)
    {
        var d = model.Dimension;
        var perMove = PathEvaluationsPerMove(model, r, reference);
        var adaptive = ScheduleChoice.IsAdaptive(r.Schedule);
        var steps = adaptive ? FinSucc(r.Steps) : ScheduleChoice.Fixed(r.Schedule, r.Steps).Map(s => s.Steps);
        return steps.Bind(k =>
        {
            CostPart Sweep(string label, double particles) => CostPart.Of(label, Ais(particles, k, perMove), d, particles * ParticleBytes(d));
            var schedulePilot = adaptive && r.Method is "ais" or "reverse-ais" or "sandwich"
                ? RunCost.Of(CostPart.Of("schedule pilot", (double)EstimatorSizes.PilotParticles(r.Particles) * k * (AdaptiveEvaluationsPerStep + perMove),
                    d, EstimatorSizes.PilotParticles(r.Particles) * ParticleBytes(d)))
                : RunCost.Of();
            var draws = reference is null ? ExactTargetDraws(model, r) : null;
            return r.Method switch
            {
                "ais" => FinSucc(schedulePilot.Then(RunCost.Of(Sweep("estimate", r.Particles)))),
                "reverse-ais" => FinSucc(schedulePilot.Then(RunCost.Of(draws?.Invoke(r.Particles) ?? Sweep("forward run", r.Particles), Sweep("estimate", r.Particles)))),
                "sandwich" => FinSucc(schedulePilot.Then(Sandwich(EstimatorSizes.SandwichHalf(r.Particles), draws, Sweep))),
                "smc" => FinSucc(RunCost.Of(Smc(r, k, perMove, adaptive, d))),
                "linked-is" => FinSucc(RunCost.Of(Linked(r, k, perMove, d))),
                "ti" => Ti(r, perMove, d).Map(part => RunCost.Of(part)),
                _ => FinSucc(RunCost.Of()),
            };
        });
    }

    /// <summary>Evaluations of one AIS sweep, as <c>Ais</c> counts them: K increments and K - 1 moves per particle.</summary>
    public static double Ais(double particles, double steps, int perMove) => particles * (steps + (steps - 1) * perMove);

    private static RunCost Sandwich(int half, Func<int, CostPart>? draws, Func<string, double, CostPart> sweep) =>
        draws is null
            ? RunCost.Of(sweep("forward", half), sweep("reverse", half))
            : RunCost.Of(draws(half), sweep("forward", half), sweep("reverse", half));

    private static CostPart Smc(LogzRequest r, int steps, int perMove, bool adaptive, int d)
    {
        var (runs, perRun) = ((double)r.Repetitions, (double)EstimatorSizes.SmcParticlesPerRun(r.Particles, r.Repetitions));
        var evaluations = adaptive ? runs * perRun * steps * (AdaptiveEvaluationsPerStep + perMove) : runs * Ais(perRun, steps, perMove);
        // The runs' final particles are all kept until their spread is taken.
        return CostPart.Of("estimate", evaluations, d, runs * perRun * ParticleBytes(d));
    }

    private static CostPart Linked(LogzRequest r, int steps, int perMove, int d)
    {
        var (replicas, length) = ((double)EstimatorSizes.LinkedReplicas(r.Particles), (double)EstimatorSizes.LinkedChainLength);
        // Each distribution runs the chain both ways from its link: 2 (L - 1) moves and 2 L - 1 batches of states.
        var batches = 2 * length - 1;
        // As LinkedImportanceSampling counts: the first chain's two densities, then per distribution the moves and two
        // densities of every batch, and the next distribution's density between steps.
        var evaluations = 2 * length * replicas + steps * (2 * (length - 1) * replicas * perMove + 2 * batches * replicas) + (steps - 1) * batches * replicas;
        return CostPart.Of("estimate", evaluations, d, 2 * batches * replicas * ParticleBytes(d));
    }

    private static Fin<CostPart> Ti(LogzRequest r, int perMove, int d) =>
        ScheduleChoice.Fixed(EstimatorSizes.TiSchedule(r.Schedule), EstimatorSizes.TiIntervals(r.Steps)).Map(ladder =>
        {
            double points = ladder.Points.Length, chains = r.Particles, burnIn = EstimatorSizes.TiBurnIn(r.Steps), draws = EstimatorSizes.TiDraws(r.Steps);
            var evaluations = points * chains * ((burnIn + draws) * perMove + draws);
            // The chains, and every point's recorded derivatives (with the trace they are copied from).
            return CostPart.Of("estimate", evaluations, d, chains * ParticleBytes(d) + 3 * points * chains * draws * sizeof(double));
        });

    /// <summary>
    /// Per-particle evaluations of one move on the path, as the path counts them: a discrete sweep 1, a continuous
    /// kernel its own cost plus the re-initialisation of the interpolated energy; between two models, plus one.
    /// </summary>
    public static int PathEvaluationsPerMove(IEnergyModel model, LogzRequest r, IEnergyModel? reference) =>
        model is IContinuousModel ? KernelChoice.Continuous(r.Kernel, r).EvaluationsPerMove + 1 : reference is null ? 1 : 2;

    /// <summary>The cost of exact target draws where the path has them (reverse AIS, the sandwich), else null.</summary>
    private static Func<int, CostPart>? ExactTargetDraws(IEnergyModel model, LogzRequest r) => model switch
    {
        // Every hidden configuration is weighed once and its cumulative weight kept.
        BernoulliRbm rbm when r.Kernel == "block-gibbs" && KernelCatalog.ExactDrawSources(rbm).Contains(ExactDrawSource.RbmHiddenLayer) =>
            count => CostPart.Of("exact target draws", Math.Pow(2, rbm.Hidden), rbm.Visible, Math.Pow(2, rbm.Hidden) * sizeof(double) + count * ParticleBytes(rbm.Dimension)),
        // Every state is enumerated, its energy and probability kept.
        IDiscreteModel discrete when KernelCatalog.ExactDrawSources(discrete).Contains(ExactDrawSource.Enumeration) && !(discrete is BernoulliRbm && r.Kernel == "block-gibbs") =>
            count => CostPart.Of("exact target draws", Math.Pow(2, discrete.Dimension), discrete.Dimension,
                2 * Math.Pow(2, discrete.Dimension) * sizeof(double) + count * ParticleBytes(discrete.Dimension)),
        GaussianModel gaussian => count => CostPart.Of("exact target draws", count, gaussian.Dimension, count * ParticleBytes(gaussian.Dimension)),
        _ => null,
    };
}
