using Ebm.Functional.Numerics;

namespace Ebm.Functional.Thermo;

/// <summary>
/// One rung's chains after a step's kernels, on their way to a block whose chains may take them at the exchanges: the
/// configurations (chains x units, small integers: spins, 0/1 or Potts values) and the cached energies, bit for bit.
/// </summary>
/// <param name="Rung">The rung.</param>
/// <param name="States">Chains x units.</param>
/// <param name="Energies">One per chain, as the kernel cached them.</param>
public sealed record RungTransfer(int Rung, Mat States, Vec Energies);
