using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>
/// The blocks of a tempering run as <see cref="TemperingCoordinator"/> drives them, wherever they live (this process:
/// <see cref="TemperingMemoryBlocks"/>; the workers of a cluster). The host routes each block's exchanges and the rungs
/// they take from other blocks (<see cref="TemperingBlocks.Imports"/>) from the exports of the previous step.
/// </summary>
public interface ITemperingBlockHost
{
    /// <summary>
    /// Step <paramref name="step"/> on every block: the exchanges of step - 1 (<paramref name="sources"/>, null at step 0),
    /// the record of the resulting states when step - 1 was a recorded sweep, then step's kernels.
    /// </summary>
    /// <param name="step">The step, 0 to <see cref="TemperingPlan.Steps"/> - 1.</param>
    /// <param name="sources">sources[r][c]: the rung whose chain c rung r takes (the exchanges of <see cref="Mcmc.Tempering.ParallelTempering"/>).</param>
    /// <returns>The energies of every rung after the kernels, in rung order.</returns>
    Fin<Vec[]> Sweep(int step, int[][]? sources);

    /// <summary>The last step's exchanges and record on every block, and what every block recorded, in rung order.</summary>
    /// <param name="sources">The last step's exchanges.</param>
    Fin<TemperingTraces> Finish(int[][] sources);
}
