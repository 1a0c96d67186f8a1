using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Where the blocks of one blocked SMC run live (<see cref="SmcBlocks"/>): in this process (<see cref="SmcMemoryBlocks{TState}"/>)
/// or on the workers of a cluster. The host keeps every block's particles between calls; <see cref="SmcCoordinator"/>
/// drives it and sees only log densities and move infos, never particles.
/// </summary>
/// <remarks>A host's failure (a worker lost, a message that does not decode) is an error value; the coordinator stops the run with it.</remarks>
public interface ISmcBlockHost
{
    /// <summary>
    /// How many levels of adaptive tempering's bisection one <see cref="LogDensities"/> request fetches ahead: 1 asks for each
    /// point as it is needed (in-process, where a request costs nothing); d asks for the 2^d − 1 points the next d halvings
    /// may need at once, trading extra evaluations for fewer round trips. The points, and so the bits, do not change.
    /// </summary>
    int BisectionLookahead { get; }

    /// <summary>Draws every block's base particles (<see cref="SmcBlocks.Init{TState}"/>).</summary>
    Fin<Unit> Start();

    /// <summary>log f_t of every particle of the run at each of <paramref name="points"/>: the blocks' values concatenated in block order, one vector per point.</summary>
    /// <param name="points">The path positions.</param>
    Fin<Vec[]> LogDensities(IReadOnlyList<double> points);

    /// <summary>
    /// Step <paramref name="step"/> on every block: the resampling of <paramref name="plan"/> when there is one
    /// (<see cref="SmcBlocks.Take{TState}"/>, <see cref="SmcBlocks.Apply{TState}"/>), then the moves at <paramref name="point"/>
    /// (<see cref="SmcBlocks.Move{TState}"/>).
    /// </summary>
    /// <param name="step">The step, from 1.</param>
    /// <param name="point">The path position the step reached.</param>
    /// <param name="plan">The resampling, or null when the step did not resample.</param>
    /// <returns>The moves' infos, block by block in block order, each block's in move order.</returns>
    Fin<Seq<IAcceptanceInfo>> Advance(int step, double point, SmcTransferPlan? plan);
}
