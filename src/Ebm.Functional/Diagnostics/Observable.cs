namespace Ebm.Functional.Diagnostics;

/// <summary>
/// A scalar function of one chain's state, diagnosed beside the energy: a coordinate, the mean of a block of
/// coordinates, the magnetisation. <see cref="Observables.For"/> picks them per model family.
/// </summary>
/// <param name="Name">
/// How reports name it, in the columns of the samples CSV: "x3" is coordinate 3, "mean(x0..x48)" the mean of
/// coordinates 0 to 48, "m" the magnetisation (mean spin), "mean(x)" the mean activity of all units.
/// </param>
/// <param name="Value">Its value at one state (one row of the chains' state matrix).</param>
/// <param name="ZeroMeanBySymmetry">
/// True when a symmetry of the model makes the exact mean 0 (the magnetisation of an Ising model at zero field:
/// E(-s) = E(s)), so that a sample mean many standard errors from 0 shows chains that never crossed between the
/// two mirror-image halves of the state space, even when they all sit in the same half and R-hat cannot see it.
/// </param>
public sealed record Observable(string Name, Func<ReadOnlySpan<double>, double> Value, bool ZeroMeanBySymmetry = false);
