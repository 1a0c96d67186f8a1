using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>What a block answers after a step's kernels (<see cref="TemperingBlock.Advance"/>).</summary>
/// <param name="Energies">The energies of its rungs' chains, one vector per rung in order: all the exchanges read.</param>
/// <param name="Exports">Its rungs within two of another block's (<see cref="TemperingBlocks.Exported"/>): the only chains the
/// step's exchanges can hand to another block.</param>
public sealed record TemperingBlockSweep(Seq<Vec> Energies, Seq<RungTransfer> Exports);
