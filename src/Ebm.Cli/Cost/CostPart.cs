namespace Ebm.Cli.Cost;

/// <summary>One stage of a run (a pilot, exact draws, the estimate itself) and what it costs.</summary>
/// <param name="Label">What the stage is, as reports name it ("reference pilot", "estimate").</param>
/// <param name="EnergyEvaluations">
/// Per-particle energy (or gradient) evaluations, counted as the estimators count them: one per log density of a
/// particle, one per kernel move (a sweep of local updates counts as one, an HMC trajectory as its leapfrog steps).
/// </param>
/// <param name="UnitUpdates">The work in single-variable updates: the evaluations times the variables each touches.</param>
/// <param name="MemoryBytes">Bytes of the states, particles, draws and traces the stage holds at once.</param>
internal sealed record CostPart(string Label, double EnergyEvaluations, double UnitUpdates, double MemoryBytes)
{
    /// <summary>A stage of <paramref name="evaluations"/> energy evaluations of a model of <paramref name="dimension"/> variables.</summary>
    public static CostPart Of(string label, double evaluations, int dimension, double bytes) =>
        new(label, evaluations, evaluations * dimension, bytes);
}
