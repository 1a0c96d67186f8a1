namespace Ebm.Cli.Estimation;

/// <summary>
/// What the coordinator of a global SMC run asks one block on a worker (<see cref="SmcWorkerBlock{TState}"/>):
/// <c>densities</c> (log f_t of its particles at <see cref="Points"/>), <c>take</c> (its particles at each group of
/// <see cref="Groups"/>, for the blocks that receive them), or <c>advance</c> (the resampling of <see cref="Ancestors"/> with
/// the <see cref="Received"/> batches, then step <see cref="Step"/>'s moves at <see cref="Point"/>).
/// </summary>
/// <param name="Op">densities, take or advance.</param>
/// <param name="Points">The path positions of <c>densities</c>.</param>
/// <param name="Groups">The slots of each batch <c>take</c> returns.</param>
/// <param name="Step">The step of <c>advance</c>.</param>
/// <param name="Point">The path position of <c>advance</c>.</param>
/// <param name="Ancestors">The global ancestors of the block's slots when the step resampled, else null.</param>
/// <param name="Received">The batches the block receives, encoded (<see cref="SmcParticleCodec"/>), in the order of its requests.</param>
internal sealed record SmcBlockRequest(
    string Op, double[]? Points = null, int[][]? Groups = null, int Step = 0, double Point = 0, int[]? Ancestors = null, string[]? Received = null);
