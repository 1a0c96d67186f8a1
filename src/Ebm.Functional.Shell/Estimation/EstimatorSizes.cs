using Ebm.Functional.Diagnostics;

namespace Ebm.Functional.Shell.Estimation;

/// <summary>
/// The equal-cost recipes of the estimators of log Z: how each turns a budget stated as AIS's, N particles over K
/// annealing steps, into its own counts (replicas, runs, chains, draws), so that compared side by side every estimator
/// spends about what AIS spends. Pure functions of the counts; the <c>ebm logz</c> runs and its cost estimates both use them.
/// </summary>
/// <remarks>
/// <para>AIS with N particles over K steps spends about N K c energy evaluations, c those of one annealing step of a
/// particle (a density and a move: 2 for a discrete sweep, the leapfrog steps plus 2 for HMC). Importance sampling then
/// draws N K c proposals; bridge sampling runs N chains of K / 2 moves and N K c / 2 proposal draws; thermodynamic
/// integration places K / 64 intervals (2 to 32) with N chains of K / (2 (P + 1)) recorded moves after as many burn-in
/// moves at each point, about twice AIS's moves; the sandwich splits N between its two directions; SMC runs R
/// repetitions of max(32, N / R) particles; linked importance sampling max(8, N / 10) replicas with chains of 5 states.</para>
/// <example><code>
/// var draws = EstimatorSizes.ImportanceDraws(particles: 100, steps: 1000, evaluationsPerStep: 2);   // 200,000
/// var intervals = EstimatorSizes.TiIntervals(steps: 1000);                                             // 14
/// </code></example>
/// </remarks>
public static class EstimatorSizes
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
    /// <param name="steps">AIS's steps K.</param>
    public static int TiIntervals(int steps) => Math.Clamp(steps / 64 / 2 * 2, 2, TiMaxIntervals);

    /// <summary>Recorded draws per TI chain: K / (2 (P + 1)), at least the fewest the per-point MCSE accepts.</summary>
    /// <param name="steps">AIS's steps K.</param>
    public static int TiDraws(int steps) => Math.Max(ChainSummary.MinimumDrawsForDiagnostics, steps / (TiIntervals(steps) + 1) / 2);

    /// <summary>Burn-in moves per TI chain: as many as the recorded draws, at least <see cref="TiMinimumBurnIn"/>.</summary>
    /// <param name="steps">AIS's steps K.</param>
    public static int TiBurnIn(int steps) => Math.Max(TiMinimumBurnIn, TiDraws(steps));

    /// <summary>The ladder's schedule: a pilot-placed or 14,500-step schedule becomes linear, a file is read as it is.</summary>
    /// <param name="schedule">AIS's schedule: linear, geometric, sigmoid, adaptive, salakhutdinov-murray or a file's path.</param>
    public static string TiSchedule(string schedule) => schedule is "adaptive" or "salakhutdinov-murray" ? "linear" : schedule;

    /// <summary>Particles of each direction of the sandwich: N / 2, at least 2.</summary>
    /// <param name="particles">AIS's particles N.</param>
    public static int SandwichHalf(int particles) => Math.Max(2, particles / 2);

    /// <summary>Particles of one SMC run: max(32, N / R), at most N.</summary>
    /// <param name="particles">AIS's particles N.</param>
    /// <param name="repetitions">SMC's runs R (fewer than 1 counts as 1).</param>
    public static int SmcParticlesPerRun(int particles, int repetitions) =>
        Math.Min(particles, Math.Max(SmcMinimumParticlesPerRun, particles / Math.Max(1, repetitions)));

    /// <summary>Linked-importance-sampling replicas: max(8, N / 10).</summary>
    /// <param name="particles">AIS's particles N.</param>
    public static int LinkedReplicas(int particles) => Math.Max(8, particles / 10);

    /// <summary>Particles of the pilot run that places an adaptive schedule: N, at least 2.</summary>
    /// <param name="particles">AIS's particles N.</param>
    public static int PilotParticles(int particles) => Math.Max(2, particles);

    /// <summary>Draws of importance sampling: N K c, as many as AIS spends energy evaluations (at most int.MaxValue / 2).</summary>
    /// <param name="particles">AIS's particles N.</param>
    /// <param name="steps">AIS's steps K.</param>
    /// <param name="evaluationsPerStep">Energy evaluations c of one annealing step of one particle.</param>
    public static int ImportanceDraws(int particles, int steps, int evaluationsPerStep) =>
        (int)Math.Min(int.MaxValue / 2, (long)particles * steps * evaluationsPerStep);

    /// <summary>Burn-in and recorded steps of each bridge-sampling chain: K / 4 each, at least the fewest the ESS accepts.</summary>
    /// <param name="steps">AIS's steps K.</param>
    public static int BridgeHalf(int steps) => Math.Max(EffectiveSampleSize.MinimumDrawsPerChain, steps / 4);

    /// <summary>Proposal draws of bridge sampling: N K c / 2, the other half of AIS's energy evaluations (at least 2).</summary>
    /// <param name="particles">AIS's particles N.</param>
    /// <param name="steps">AIS's steps K.</param>
    /// <param name="evaluationsPerStep">Energy evaluations c of one annealing step of one particle.</param>
    public static int BridgeProposals(int particles, int steps, int evaluationsPerStep) =>
        (int)Math.Max(2, Math.Min(int.MaxValue / 2, (long)particles * steps * evaluationsPerStep / 2));
}
