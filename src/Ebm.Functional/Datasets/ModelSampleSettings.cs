using Ebm.Functional.Exact;

namespace Ebm.Functional.Datasets;

/// <summary>How <see cref="ModelSamples"/> draws: exactly up to a number of units, by Markov chains above it.</summary>
/// <param name="ExactUnits">The largest model drawn exactly by enumeration (at most <see cref="Enumeration.MaxTableUnits"/>); 0 forces Markov chains.</param>
/// <param name="Chains">Independent chains run side by side (fewer when fewer draws are asked for).</param>
/// <param name="PilotSweeps">The first stretch of sweeps over which the autocorrelation time is measured; it doubles until it is 20 times that time.</param>
/// <param name="MaxSweeps">The most sweeps spent measuring before the chains are declared not mixing.</param>
/// <param name="MaxDegreeOfParallelism">Threads over chains (-1: all); results do not depend on it.</param>
public sealed record ModelSampleSettings(
    int ExactUnits = Enumeration.MaxTableUnits,
    int Chains = 64,
    int PilotSweeps = 200,
    int MaxSweeps = 50_000,
    int MaxDegreeOfParallelism = -1)
{
    /// <summary>The defaults: exact draws up to 20 units, otherwise 64 chains and a pilot of 200 sweeps.</summary>
    public static ModelSampleSettings Default { get; } = new();

    /// <summary>The first problem of the settings, or null when they are valid.</summary>
    internal string? Problem() =>
        ExactUnits < 0 || ExactUnits > Enumeration.MaxTableUnits ? $"exact units must lie in 0..{Enumeration.MaxTableUnits}, got {ExactUnits}"
        : Chains < 1 ? $"chains must be >= 1, got {Chains}"
        : PilotSweeps < 20 ? $"pilot sweeps must be >= 20, got {PilotSweeps}"
        : MaxSweeps < PilotSweeps ? $"max sweeps ({MaxSweeps}) must be >= pilot sweeps ({PilotSweeps})"
        : null;
}
