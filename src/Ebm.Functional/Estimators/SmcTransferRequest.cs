namespace Ebm.Functional.Estimators;

/// <summary>The particles a block receives from one other block at a resampling (<see cref="SmcBlockTransfer"/>).</summary>
/// <param name="Source">The block that holds them.</param>
/// <param name="Slots">Their slots in the source block, distinct and increasing.</param>
public sealed record SmcTransferRequest(int Source, int[] Slots);
