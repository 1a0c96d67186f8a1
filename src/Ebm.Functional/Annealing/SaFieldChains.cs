using Ebm.Functional.Numerics;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The state of C chains over a Boltzmann machine with each unit's local field cached: row c of <see cref="States"/> is
/// chain c's state, row c of <see cref="Fields"/> its fields f_i = sum_j W_ij x_j + b_i, <see cref="Energies"/>[c] its E.
/// </summary>
/// <remarks>
/// Kept in step by <see cref="SaLocalFieldMetropolis"/>: an accepted flip of unit i adds W_ji (x_i' - x_i) to every
/// field and dE to the energy, so after very many flips both can drift from their exact values by rounding (about
/// flips x eps x the couplings' size); re-<c>Init</c> from the states to refresh them.
/// </remarks>
/// <param name="States">C x n states, row-major, units as doubles.</param>
/// <param name="Fields">C x n local fields.</param>
/// <param name="Energies">E of each row.</param>
public sealed record SaFieldChains(Mat States, Mat Fields, Vec Energies);
