namespace Ebm.Functional.Testing;

/// <summary>
/// A single-site update rule: the probability that the update of unit <paramref name="site"/> moves
/// <paramref name="state"/> to the state with that unit at its other value. NaN counts as a rejection (0).
/// </summary>
/// <param name="state">The current state, one value per unit (0 or 1 for binary units, -1 or 1 for spins).</param>
/// <param name="site">The unit being updated.</param>
public delegate double SiteFlipProbability(ReadOnlySpan<double> state, int site);
