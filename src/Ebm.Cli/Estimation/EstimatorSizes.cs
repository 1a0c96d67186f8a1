using Ebm.Functional.Diagnostics;
using Ebm.Functional.Models;

namespace Ebm.Cli.Estimation;

/// <summary>
/// How each estimator of <c>ebm logz</c> turns --particles N and --steps K into its own counts (replicas, runs,
/// chains, draws), in one place for the estimators themselves and for the cost of a run (<see cref="Cost.EstimatorCost"/>).
/// </summary>
internal static class EstimatorSizes
{
    /// <summary>Most intervals of a thermodynamic-integration ladder.</summary>
    public const int TiMaxIntervals = 32;

    /// <summary>
    /// Fewest burn-in moves at each TI point. Every point starts from exact base draws, so each needs its own
    /// equilibration; 15 HMC steps were measured too few on the 2-D Gaussian example (log Z 13 SE low), 100 enough.
    /// </summary>
    public const int TiMinimumBurnIn = 100;

    /// <summary>
    /// Fewest particles of one SMC run. Fewer make each run's log Z markedly biased low (adaptive tempering,
    /// resampling noise), and averaging log Z over runs keeps that bias.
    /// </summary>
    public const int SmcMinimumParticlesPerRun = 32;

    /// <summary>States per linked-importance-sampling chain.</summary>
    public const int LinkedChainLength = 5;

    /// <summary>TI at about the moves of AIS with the same particles and steps: P = K / 64 intervals (even, 2 to 32).</summary>
    public static int TiIntervals(int steps) => Math.Clamp(steps / 64 / 2 * 2, 2, TiMaxIntervals);

    /// <summary>Recorded draws per TI chain: K / (2 (P + 1)), at least the fewest the per-point MCSE accepts.</summary>
    public static int TiDraws(int steps) => Math.Max(ChainSummary.MinimumDrawsForDiagnostics, steps / (TiIntervals(steps) + 1) / 2);

    /// <summary>Burn-in moves per TI chain: as many as the recorded draws, at least <see cref="TiMinimumBurnIn"/>.</summary>
    public static int TiBurnIn(int steps) => Math.Max(TiMinimumBurnIn, TiDraws(steps));

    /// <summary>The ladder's schedule: a pilot-placed or 14,500-step schedule becomes linear, a file is read as it is.</summary>
    public static string TiSchedule(string schedule) => schedule is "adaptive" or "salakhutdinov-murray" ? "linear" : schedule;

    /// <summary>Particles of each direction of the sandwich: N / 2, at least 2.</summary>
    public static int SandwichHalf(int particles) => Math.Max(2, particles / 2);

    /// <summary>Particles of one SMC run: max(32, N / R), at most N.</summary>
    public static int SmcParticlesPerRun(int particles, int repetitions) =>
        Math.Min(particles, Math.Max(SmcMinimumParticlesPerRun, particles / Math.Max(1, repetitions)));

    /// <summary>Linked-importance-sampling replicas: max(8, N / 10).</summary>
    public static int LinkedReplicas(int particles) => Math.Max(8, particles / 10);

    /// <summary>Particles of the pilot run that places an adaptive schedule.</summary>
    public static int PilotParticles(int particles) => Math.Max(2, particles);

    /// <summary>Draws of importance sampling: as many as AIS spends energy evaluations over N particles and K steps.</summary>
    public static int ImportanceDraws(IEnergyModel model, LogzRequest r) =>
        (int)Math.Min(int.MaxValue / 2, (long)r.Particles * r.Steps * ProposalCatalog.EvaluationsPerStep(model, r with { Kernel = "auto" }));

    /// <summary>Burn-in and recorded steps of each bridge-sampling chain: K / 4 each, at least the fewest the ESS accepts.</summary>
    public static int BridgeHalf(int steps) => Math.Max(EffectiveSampleSize.MinimumDrawsPerChain, steps / 4);

    /// <summary>Proposal draws of bridge sampling: the other half of AIS's energy evaluations.</summary>
    public static int BridgeProposals(IEnergyModel model, LogzRequest r) =>
        (int)Math.Max(2, Math.Min(int.MaxValue / 2, (long)r.Particles * r.Steps * ProposalCatalog.EvaluationsPerStep(model, r) / 2));
}
