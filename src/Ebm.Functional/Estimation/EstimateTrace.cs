using Ebm.Functional.Numerics;

namespace Ebm.Functional.Estimation;

/// <summary>A running estimate along an annealing path: log Z at each recorded point t of the schedule.</summary>
/// <param name="Points">Path positions t in [0, 1] (inverse temperatures are t times the target beta on tempered paths).</param>
/// <param name="LogZ">The estimate of log Z_t at each point.</param>
public sealed record EstimateTrace(Vec Points, Vec LogZ)
{
    /// <summary>No trace.</summary>
    public static EstimateTrace Empty { get; } = new(Vec.Empty, Vec.Empty);

    /// <summary>Number of recorded points.</summary>
    public int Count => Points.Length;
}
