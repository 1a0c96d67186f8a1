using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// Cases small enough to run <see cref="Ebm.Functional.Estimators.Smc.RunOnce{TState}"/> once per outcome of its law:
/// machines of 1 or 2 units, 2 or 3 particles, 2 or 3 steps, with at most <see cref="MaxOutcomes"/> outcomes.
/// </summary>
public static class SmcReplayArbitrary
{
    /// <summary>
    /// The bound on S^N (base draws) times (N^N S^N) per intermediate step (resampling outcomes, then moves), S = 2^units
    /// states and N particles: it admits 1 unit with 2 particles and 3 steps (1,024), 1 unit with 3 particles and 2 steps
    /// (1,728) and 2 units with 2 particles and 2 steps (1,024).
    /// </summary>
    public const double MaxOutcomes = 2_000;

    /// <summary>The generator (<see cref="SmcExactArbitrary.Cases"/> over machines of 1 or 2 units).</summary>
    public static Arbitrary<SmcExactCase> Case() => Arb.From(SmcExactArbitrary.Cases(
        BoltzmannArbitrary.Cases(2, 1.5),
        (configurations, particles, steps) => configurations * Math.Pow(Math.Pow(particles, particles) * configurations, steps - 1) <= MaxOutcomes));
}
