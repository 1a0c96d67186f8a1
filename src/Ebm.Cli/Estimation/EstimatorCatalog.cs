using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using LanguageExt;
using Schedule = Ebm.Functional.Annealing.Schedule;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>What an estimator is run with: the model, the request, and where progress goes.</summary>
internal sealed record EstimationInput(IEnergyModel Model, LogzRequest Request, IProgress<double>? Progress)
{
    /// <summary>The root key of the run.</summary>
    public RngKey Key => RngKey.FromSeed(Request.Seed);

    /// <summary>Annealing progress as a fraction.</summary>
    public IProgress<AnnealingProgress>? Annealing => Progress is null ? null : new AnnealingFraction(Progress);

    private sealed class AnnealingFraction(IProgress<double> target) : IProgress<AnnealingProgress>
    {
        public void Report(AnnealingProgress value) => target.Report(value.Steps == 0 ? 1.0 : (double)value.Step / value.Steps);
    }
}

/// <summary>Every estimator of <c>ebm logz --method</c>, each a function from an <see cref="EstimationInput"/> to a <see cref="LogZEstimate"/>.</summary>
internal static class EstimatorCatalog
{
    /// <summary>The estimator names (exact is handled by the exact methods).</summary>
    public static readonly string[] Names = ["is", "ais", "smc", "bridge", "linked-is", "ti"];

    /// <summary>One line per estimator for the help text.</summary>
    public static string Summary =>
        "is (importance sampling from a uniform or Gaussian proposal, N K draws), ais (annealed importance sampling, Neal 2001), " +
        "smc (sequential Monte Carlo with resampling; --particles are shared among --repetitions runs whose spread is the error), " +
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
        "is" => ProposalCatalog.ImportanceSampling(input),
        "ais" => PathCatalog.With(input.Model, input.Request, new AisUser(input)),
        "bridge" => ProposalCatalog.Bridge(input),
        "ti" => PathCatalog.With(input.Model, input.Request, new TiUser(input)),
        "smc" => PathCatalog.With(input.Model, input.Request, new SmcUser(input)),
        "linked-is" => PathCatalog.With(input.Model, input.Request, new LinkedUser(input)),
        _ => FinFail<LogZEstimate>(CliErrors.InvalidOption("--method", $"{method} is not an estimator")),
    };

    /// <summary>
    /// Thermodynamic integration at about the cost of N particles over K steps: P = min(K, 32) intervals (even, for
    /// Simpson), N chains per point, K / (P + 1) moves per chain split evenly between burn-in and recorded draws
    /// (at least 12 recorded draws, the fewest the per-point MCSE accepts, and at least 100 burn-in moves).
    /// </summary>
    private sealed class TiUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public const int MaxIntervals = 32;

        // Every point starts from exact base draws, so each needs its own equilibration; 15 HMC steps were measured
        // too few on the 2-D Gaussian example (log Z 13 SE low), 100 enough.
        public const int MinimumBurnIn = 100;

        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack)
        {
            var r = input.Request;
            var intervals = Math.Max(2, Math.Min(MaxIntervals, r.Steps) / 2 * 2);
            var draws = Math.Max(Functional.Diagnostics.ChainSummary.MinimumDrawsForDiagnostics, r.Steps / (intervals + 1) / 2);
            var schedule = ScheduleChoice.IsAdaptive(r.Schedule) || r.Schedule is "linear" or "geometric" or "sigmoid" or "salakhutdinov-murray"
                ? ScheduleChoice.Fixed(r.Schedule == "adaptive" || r.Schedule == "salakhutdinov-murray" ? "linear" : r.Schedule, intervals)
                : ScheduleChoice.FromFile(r.Schedule);
            return schedule.Bind(s => ProposalCatalog.ToFin(ThermodynamicIntegration.Run(
                input.Key, pack.Path, s, r.Particles, Math.Max(MinimumBurnIn, draws), draws, IntegrationRule.Simpson)));
        }
    }

    /// <summary>AIS on a fixed schedule, or on one placed by a pilot SMC run (adaptive) with its own half of the key.</summary>
    private sealed class AisUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack)
        {
            var r = input.Request;
            if (!ScheduleChoice.IsAdaptive(r.Schedule))
                return ScheduleChoice.Fixed(r.Schedule, r.Steps).Map(schedule => Ais.Run(pack.Path, schedule, r.Particles, input.Key, input.Annealing));
            return ProposalCatalog.ToFin(SmcOptions.Create(Math.Max(2, r.Particles), null, r.TargetConditionalEss, 0.0, ResamplingScheme.Systematic, 1, 1, r.Steps)
                .Map(pilot =>
                {
                    var (schedule, key) = AdaptiveSchedule.Build(pack.Path, pilot, input.Key);
                    return Ais.Run(pack.Path, schedule, r.Particles, key, input.Annealing);
                }));
        }
    }

    /// <summary>SMC: R runs of N / R particles (at least 2), fixed or adaptive tempering.</summary>
    private sealed class SmcUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack)
        {
            var r = input.Request;
            var schedule = ScheduleChoice.IsAdaptive(r.Schedule)
                ? FinSucc<Schedule?>(null)
                : ScheduleChoice.Fixed(r.Schedule, r.Steps).Map(s => (Schedule?)s);
            var perRun = Math.Max(2, r.Particles / Math.Max(1, r.Repetitions));
            return schedule.Bind(s => ProposalCatalog.ToFin(
                SmcOptions.Create(perRun, s, r.TargetConditionalEss, r.EssThreshold, ResamplingChoice.Parse(r.Resampling), 1, r.Repetitions, Math.Max(r.Steps, 1))
                    .Map(options => Smc.Run(pack.Path, options, input.Key, input.Annealing).Estimate)));
        }
    }

    /// <summary>Linked importance sampling: max(8, N / 10) replicas, chains of 5 states, K steps.</summary>
    private sealed class LinkedUser(EstimationInput input) : IPathUser<LogZEstimate>
    {
        public const int ChainLength = 5;

        public Fin<LogZEstimate> Use<TState>(PathPack<TState> pack)
        {
            var r = input.Request;
            var schedule = ScheduleChoice.IsAdaptive(r.Schedule)
                ? FinFail<Schedule>(CliErrors.InvalidOption("--schedule", "linked-is needs a fixed schedule (linear, geometric, sigmoid or a file)"))
                : ScheduleChoice.Fixed(r.Schedule, r.Steps);
            return schedule.Bind(s => ProposalCatalog.ToFin(
                LinkedImportanceSamplingOptions.Create(s, Math.Max(8, r.Particles / 10), ChainLength)
                    .Map(options => LinkedImportanceSampling.Run(pack.Path, options, input.Key, null, input.Annealing))));
        }
    }
}
