namespace Ebm.Cli.Thermo;

/// <summary>A block's answer to a <see cref="TemperingBlockRequest"/> (doubles as their 64 bits, <see cref="TemperingRungCodec"/>).</summary>
/// <param name="Energies">After a step: the energies of each of the block's rungs.</param>
/// <param name="Exports">After a step: the block's rungs within two of another block's.</param>
/// <param name="EnergyTraces">For a slice of the traces: each rung's energies, chains x the slice's sweeps.</param>
/// <param name="MagnetisationTraces">For a slice of the traces: each rung's order parameter, chains x the slice's sweeps (empty when the model records none).</param>
internal sealed record TemperingBlockReply(string[]? Energies = null, RungWire[]? Exports = null, string[]? EnergyTraces = null, string[]? MagnetisationTraces = null);
