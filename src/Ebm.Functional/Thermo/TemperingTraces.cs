using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>What a block recorded (<see cref="TemperingBlock.Finish"/>): chains x sweeps per rung, in rung order.</summary>
/// <param name="Energies">The energy of every chain after every recorded sweep.</param>
/// <param name="Magnetisations">Its order parameter, for spin models, Potts and clock lattices; empty otherwise.</param>
public sealed record TemperingTraces(Seq<Mat> Energies, Seq<Mat> Magnetisations);
