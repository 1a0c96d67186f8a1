namespace Ebm.Functional.Estimators;

/// <summary>
/// The tallies behind <see cref="SamplerHealth"/>'s warning for one run or one block of its particles: merged block by
/// block in block order, they give the warning the whole run would give.
/// </summary>
/// <param name="Particles">Particles tallied.</param>
/// <param name="Moves">Particle moves recorded.</param>
/// <param name="Failures">Moves that failed numerically.</param>
/// <param name="AcceptanceSum">The sum of the moves' acceptance rates (NaN counted as 0).</param>
/// <param name="Rounds">Rounds of moves compared (the same in every block of a run).</param>
/// <param name="Frozen">Particles whose log density never changed across a round of moves.</param>
public sealed record SamplerHealthCounts(int Particles, long Moves, long Failures, double AcceptanceSum, int Rounds, int Frozen)
{
    /// <summary>The counts of this block followed by <paramref name="next"/>'s (the rounds are the longer run's).</summary>
    /// <param name="next">The next block's counts.</param>
    public SamplerHealthCounts Merge(SamplerHealthCounts next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new(Particles + next.Particles, Moves + next.Moves, Failures + next.Failures, AcceptanceSum + next.AcceptanceSum,
            Math.Max(Rounds, next.Rounds), Frozen + next.Frozen);
    }
}
