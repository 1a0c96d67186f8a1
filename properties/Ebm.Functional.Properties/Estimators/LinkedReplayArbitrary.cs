using Ebm.Functional.Properties.Models;
using FsCheck;
using FsCheck.Fluent;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// Cases small enough to run <see cref="Ebm.Functional.Annealing.LinkedImportanceSampling.Run{TState}"/> once per
/// outcome of replica 0's law: machines of 1 or 2 units, 1 or 2 transitions, chains of 1 to 3 states, with at most
/// <see cref="MaxOutcomes"/> outcomes.
/// </summary>
public static class LinkedReplayArbitrary
{
    /// <summary>
    /// The bound on K^J (link positions) times S^K (base chain) times K (first link) times, per transition, S^(K-1)
    /// (the kept moves) and K (the next link, but after the last), S = 2^units states: it admits chains of up to 3
    /// states with one transition and up to 2 with two for one unit, and chains of up to 2 states for two units.
    /// </summary>
    public const double MaxOutcomes = 4_096;

    /// <summary>The generator.</summary>
    public static Arbitrary<LinkedCase> Case() => Arb.From(
        from machine in BoltzmannArbitrary.Cases(2, 1.5)
        from beta in Gen.Choose(100, 2000)
        from steps in Gen.Choose(1, 2)
        from points in SmcExactArbitrary.Points(steps)
        from length in Gen.Choose(1, 3)
        let states = (double)(1 << machine.Model.Dimension)
        let outcomes = Math.Pow(length, steps) * Math.Pow(states, length) * length
            * Math.Pow(Math.Pow(states, length - 1), steps) * Math.Pow(length, steps - 1)
        where outcomes <= MaxOutcomes
        select new LinkedCase(new SmcExactCase(machine.Model, beta / 1000.0, points, LinkedRunReplay.Replicas, default, 0, machine.ToString()), length));
}
