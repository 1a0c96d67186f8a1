using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>
/// One block of a tempering run: the states of a contiguous range of rungs, their kernels and what they recorded; an
/// immutable value that each step replaces (<see cref="TemperingBlocks.Open(Prng.RngKey, TemperingPlan, RungRange)"/>, driven by <see cref="TemperingCoordinator"/>).
/// </summary>
/// <remarks>
/// Step t of the run is, on every block, the exchanges of step t - 1 (the chains its rungs take, from its own rungs or
/// from rungs another block exported), the record of the resulting states when step t - 1 was a recorded sweep, then
/// the kernels of step t at its rungs: one request and one reply per block and step. Keys as in
/// <see cref="ThermoSweep.Sample"/>: step t's key is key.FoldIn(1).FoldIn(t) during the burn-in and
/// key.FoldIn(2).FoldIn(t - burn-in) after it, and rung r's kernel takes stepKey.FoldIn(0).FoldIn(r), so a rung's
/// draws do not depend on the block that holds it.
/// </remarks>
public abstract class TemperingBlock
{
    /// <summary>The block's rungs.</summary>
    public abstract RungRange Range { get; }

    /// <summary>The next step the block expects (0 when opened; <see cref="TemperingPlan.Steps"/> when it expects <see cref="Finish"/>).</summary>
    public abstract int Step { get; }

    /// <summary>
    /// Step <paramref name="step"/>: the previous step's exchanges (none at step 0), the record of the resulting states when
    /// that step was a recorded sweep, then this step's kernels.
    /// </summary>
    /// <param name="step">Must be <see cref="Step"/>, below <see cref="TemperingPlan.Steps"/>.</param>
    /// <param name="sources">For each of the block's rungs, the rung each chain takes its state from; null at step 0.</param>
    /// <param name="imported">The other blocks' rungs that <paramref name="sources"/> name.</param>
    /// <returns>The next block and its reply, or an error when the request is out of order or names rungs it lacks.</returns>
    public abstract Fin<(TemperingBlock Block, TemperingBlockSweep Sweep)> Advance(int step, int[][]? sources, IReadOnlyList<RungTransfer> imported);

    /// <summary>The last step's exchanges and record, and everything the block recorded.</summary>
    /// <param name="sources">The last step's exchanges for the block's rungs.</param>
    /// <param name="imported">The other blocks' rungs that <paramref name="sources"/> name.</param>
    public abstract Fin<TemperingTraces> Finish(int[][] sources, IReadOnlyList<RungTransfer> imported);
}
