namespace Ebm.Cli.Estimation;

/// <summary>A block's answer to a <see cref="SmcBlockRequest"/>.</summary>
/// <param name="Densities">For <c>densities</c>: the log densities at each point, encoded (<see cref="SmcParticleCodec.Doubles"/>).</param>
/// <param name="Batches">For <c>take</c>: one encoded batch per group.</param>
/// <param name="Moves">For <c>advance</c>: each move's acceptance rates and numerical failures.</param>
internal sealed record SmcBlockReply(string[]? Densities = null, string[]? Batches = null, SmcMoveRecord[]? Moves = null);
