using Ebm.Functional.Estimation;
using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Annealing;

/// <summary>
/// Cases small enough to run <see cref="Ebm.Functional.Annealing.Smc.RunOnce{TState}"/> once per outcome of its law:
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

    /// <summary>The generator; the threshold is 0 (never resample), 0.5 or 1 (always).</summary>
    public static Arbitrary<SmcExactCase> Case() => Arb.From(
        from machine in BoltzmannArbitrary.Cases(2, 1.5)
        from beta in Gen.Choose(100, 2000)
        from particles in Gen.Choose(2, 3)
        from steps in Gen.Choose(2, 3)
        from cuts in Gen.ArrayOf(Gen.Choose(1, 999), steps - 1)
        from scheme in Gen.Elements(Enum.GetValues<ResamplingScheme>())
        from threshold in Gen.Elements(0.0, 0.5, 1.0)
        let configurations = Math.Pow(1 << machine.Model.Dimension, particles)
        where configurations * Math.Pow(Math.Pow(particles, particles) * configurations, steps - 1) <= MaxOutcomes
        where cuts.Distinct().Count() == cuts.Length
        select new SmcExactCase(machine.Model, beta / 1000.0, [0.0, .. cuts.Order().Select(c => c / 1000.0), 1.0], particles, scheme, threshold, machine.ToString()));
}
