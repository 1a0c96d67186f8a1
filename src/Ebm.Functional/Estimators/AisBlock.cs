using Ebm.Functional.Numerics;

namespace Ebm.Functional.Estimators;

/// <summary>
/// One block of an AIS run's particles, annealed on its own (<see cref="AisBlocks.Run{TState}"/>): what
/// <see cref="AisBlocks.Combine{TState}"/> needs from it. A plain value, so it can travel between machines.
/// </summary>
/// <param name="Block">The block's index in the layout.</param>
/// <param name="LogWeights">The block's particles' log weights, in particle order.</param>
/// <param name="TracePoints">The schedule points of the running estimate (the same in every block).</param>
/// <param name="TraceLogMeanWeights">The block's log mean weight at each trace point.</param>
/// <param name="Health">The block's sampler-health tallies.</param>
public sealed record AisBlock(int Block, Vec LogWeights, Vec TracePoints, Vec TraceLogMeanWeights, SamplerHealthCounts Health);
