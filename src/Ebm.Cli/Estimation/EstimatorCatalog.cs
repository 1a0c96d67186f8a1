using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Estimation;
using Ebm.Functional.Shell.Execution;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Estimators;
using Ebm.Cli.Output;

namespace Ebm.Cli.Estimation;

/// <summary>Every estimator of <c>ebm logz --method</c>, each a function from an <see cref="EstimationInput"/> to a <see cref="LogZEstimate"/>.</summary>
internal static class EstimatorCatalog
{
    /// <summary>The estimator names (exact is handled by the exact methods).</summary>
    public static readonly string[] Names = ["is", "ais", "reverse-ais", "sandwich", "smc", "bridge", "linked-is", "ti"];

    /// <summary>One line per estimator for the help text.</summary>
    public static string Summary =>
        "is (importance sampling from a uniform, base-rate or Gaussian proposal, as many draws as AIS spends energy evaluations), ais (annealed importance sampling, Neal 2001), " +
        "reverse-ais (from exact target draws where the model is small enough or Gaussian, else from a forward run's particles: " +
        "a stochastic upper bound), sandwich (forward and reverse AIS side by side, N / 2 particles each), " +
        "smc (sequential Monte Carlo with resampling; --repetitions runs of max(32, N / R) particles, whose spread is the error), " +
        "bridge (Meng-Wong optimal bridge between the proposal and MCMC draws of the target), " +
        "linked-is (linked importance sampling, Neal 2005; needs a reversible kernel), " +
        "ti (thermodynamic integration, Simpson's rule over the schedule's points).";

    /// <summary>True for the estimators that run on an annealing path (and so take --kernel and --schedule).</summary>
    public static bool NeedsPath(string method) => method is "ais" or "reverse-ais" or "sandwich" or "smc" or "linked-is" or "ti";

    /// <summary>True for the estimators that run an MCMC kernel at the target only (bridge).</summary>
    public static bool NeedsTargetKernel(string method) => method is "bridge";

    /// <summary>Runs the estimator called <paramref name="method"/>.</summary>
    public static Fin<LogZEstimate> Run(string method, EstimationInput input) => method switch
    {
        "is" or "bridge" when input.Reference is not null =>
            FinFail<LogZEstimate>(CliErrors.InvalidOption("--versus", $"{method} estimates log Z from a proposal; log(Z_A / Z_B) needs an annealing method (ais, reverse-ais, sandwich, smc, linked-is or ti)")),
        "is" => ProposalCatalog.ImportanceSampling(input),
        "ais" => OnPath(input, new AisUser(input)),
        "bridge" => ProposalCatalog.Bridge(input),
        "ti" => OnPath(input, new TiUser(input)),
        "smc" => OnPath(input, new SmcUser(input)),
        "reverse-ais" => OnPath(input, new ReverseUser(input)),
        "sandwich" => OnPath(input, new SandwichUser(input)),
        "linked-is" => OnPath(input, new LinkedUser(input)),
        _ => FinFail<LogZEstimate>(CliErrors.InvalidOption("--method", $"{method} is not an estimator")),
    };

    /// <summary>The path of the model (from its tractable base), or from the reference model B to it under --versus.</summary>
    private static Fin<LogZEstimate> OnPath(EstimationInput input, IPathUser<LogZEstimate> user) =>
        input.Reference is { } reference
            ? PathCatalog.Between(reference, input.Model, input.Request, user)
            : PathCatalog.With(input.Model, input.Request, user, input.Pilot("reference"));

    /// <summary>
    /// Thermodynamic integration at about twice the moves of AIS with N particles over K steps: P = K / 64 intervals
    /// (even, 2 to 32, for Simpson), N chains per point, K / (2 (P + 1)) recorded draws (at least 12, the fewest the
    /// per-point MCSE accepts) after as many burn-in moves (at least 100).
    /// </summary>
    private sealed class TiUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack)
        {
            var r = input.Request;
            var schedule = ScheduleChoice.Fixed(EstimatorSizes.TiSchedule(r.Schedule), EstimatorSizes.TiIntervals(r.Steps));
            return schedule.Bind(s => Outcomes.ToFin(ThermodynamicIntegration.Run(
                input.Key, pack.Path, s, r.Particles, EstimatorSizes.TiBurnIn(r.Steps), EstimatorSizes.TiDraws(r.Steps), IntegrationRule.Simpson)));
        }
    }

    /// <summary>
    /// AIS on a fixed schedule, or on one placed by a pilot SMC run (adaptive) with its own half of the key, in the fixed
    /// blocks of <see cref="AisBlocks"/> run by the input's executor (this machine, or a cluster's workers: the same bits).
    /// </summary>
    private sealed class AisUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack)
        {
            var r = input.Request;
            return FixedOrPilot(pack, r, input.Key, input.Pilot("schedule")).Bind(run =>
                from inputs in input.Executor is LocalExecutor
                    ? FinSucc(AisBlockWork.LocalInputs(r, run.Schedule, run.Key, r.Particles))
                    : AisBlockWork.Inputs(input.Model, r, run.Schedule, run.Key, r.Particles)
                from blocks in input.Executor.Map(AisBlockWork.Local(pack.Path), inputs, input.Progress)
                from estimate in Outcomes.ToFin(AisBlocks.Combine(pack.Path, run.Schedule, r.Particles, blocks))
                select estimate);
        }
    }

    /// <summary>
    /// Reverse AIS in the fixed blocks of <see cref="ReverseAisBlocks"/> run by the input's executor: block b starts from
    /// exact target draws of its own where the path has them, otherwise from the final particles of forward AIS block b
    /// with the first half of the key (warned as approximate); its reverse run uses the second half.
    /// </summary>
    private sealed class ReverseUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack)
        {
            var r = input.Request;
            var (startKey, runKey) = input.Key.Split();
            var exact = pack.ExactTargetDraws is not null;
            return FixedOrPilot(pack, r, PilotKey(r), input.Pilot("schedule")).Map(run => run.Schedule).Bind(schedule =>
                from inputs in ReverseBlockWork.Inputs(input, schedule, startKey, runKey, r.Particles, exact)
                from blocks in input.Executor.Map(ReverseBlockWork.ReverseLocal(pack), inputs, input.Progress)
                from estimate in Outcomes.ToFin(ReverseAisBlocks.Combine(pack.Path, schedule, r.Particles, blocks, exact))
                select estimate);
        }
    }

    /// <summary>
    /// The sandwich: forward and reverse AIS with N / 2 particles each (at least 2), in the fixed blocks of
    /// <see cref="SandwichBlocks"/> run by the input's executor; the reverse parts start from exact draws where the path
    /// has them (the first half of the key), else from their forward parts' particles.
    /// </summary>
    private sealed class SandwichUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack)
        {
            var r = input.Request;
            var half = EstimatorSizes.SandwichHalf(r.Particles);
            var (startKey, runKey) = input.Key.Split();
            var exact = pack.ExactTargetDraws is not null;
            return FixedOrPilot(pack, r, PilotKey(r), input.Pilot("schedule")).Map(run => run.Schedule).Bind(schedule =>
                from inputs in ReverseBlockWork.Inputs(input, schedule, startKey, runKey, half, exact)
                from blocks in input.Executor.Map(ReverseBlockWork.SandwichLocal(pack), inputs, input.Progress)
                from estimate in Outcomes.ToFin(SandwichBlocks.Combine(pack.Path, schedule, half, blocks, exact))
                select estimate);
        }
    }

    /// <summary>The fixed schedule, or for "adaptive" one placed by a pilot run on its own key.</summary>
    /// <remarks>
    /// The pilot (no resampling, conditional ESS <see cref="LogzRequest.PilotTargetConditionalEss"/> per step) runs on
    /// <paramref name="key"/>, split by <see cref="AdaptiveSchedule.Build"/>; the returned key is the half the pilot did
    /// not use, or <paramref name="key"/> itself for a fixed schedule.
    /// </remarks>
    private static Fin<(AnnealingSchedule Schedule, RngKey Key)> FixedOrPilot<TState>(PathPack<TState> pack, LogzRequest r, RngKey key, IProgress<double>? pilotProgress) =>
        !ScheduleChoice.IsAdaptive(r.Schedule)
            ? ScheduleChoice.Fixed(r.Schedule, r.Steps).Map(schedule => (schedule, key))
            : Outcomes.ToFin(SmcOptions.Create(EstimatorSizes.PilotParticles(r.Particles), null, r.PilotTargetConditionalEss, 0.0, ResamplingScheme.Systematic, 1, 1, r.Steps)
                .Bind(pilot => AdaptiveSchedule.Build(key, pack.Path, pilot, EstimationInput.AdaptiveFraction(pilotProgress))));

    /// <summary>The pilot's key for reverse AIS and the sandwich, whose runs use the whole root key.</summary>
    private static RngKey PilotKey(LogzRequest r) => RngKey.FromSeed(r.Seed).FoldIn(PilotStream);

    /// <summary>The key stream of pilot runs for reverse AIS and the sandwich (apart from the estimate's keys).</summary>
    private const long PilotStream = 0x5c4ed;

    /// <summary>SMC: R runs of max(32, N / R) particles (at most N), fixed or adaptive tempering, each run a block of the input's executor.</summary>
    private sealed class SmcUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack)
        {
            var r = input.Request;
            Fin<LogZEstimate> RunWith(AnnealingSchedule? schedule) => r.Repetitions == 1 ? SmcGlobalWork.Estimate(input, pack.Path, schedule) :
                from options in Outcomes.ToFin(SmcBlockWork.Options(r, schedule))
                from inputs in SmcBlockWork.Inputs(input.Model, r, schedule, input.Key, input.Executor is LocalExecutor)
                from repetitions in input.Executor.Map(SmcBlockWork.Local(pack.Path), inputs, input.Progress)
                select Smc.Combine(repetitions).Estimate;
            return ScheduleChoice.IsAdaptive(r.Schedule) ? RunWith(null) : ScheduleChoice.Fixed(r.Schedule, r.Steps).Bind(s => RunWith(s));
        }
    }

    /// <summary>Linked importance sampling: max(8, N / 10) replicas, chains of 5 states, K steps.</summary>
    private sealed class LinkedUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack)
        {
            var r = input.Request;
            var schedule = ScheduleChoice.IsAdaptive(r.Schedule)
                ? FinFail<AnnealingSchedule>(CliErrors.InvalidOption("--schedule", "linked-is needs a fixed schedule (linear, geometric, sigmoid or a file)"))
                : ScheduleChoice.Fixed(r.Schedule, r.Steps);
            return schedule.Bind(s => Outcomes.ToFin(
                LinkedImportanceSamplingOptions.Create(s, EstimatorSizes.LinkedReplicas(r.Particles), EstimatorSizes.LinkedChainLength)
                    .Bind(options => LinkedImportanceSampling.Run(input.Key, pack.Path, options, null, input.Annealing))));
        }
    }
}
