namespace Ebm.Functional.Mcmc.Metropolis;

/// <summary>
/// A single-site update that moves unit i to its other value with a probability that depends on the
/// state: Metropolis uses min(1, exp(-beta dE)) (7/8 at a tie), heat bath sigmoid(-beta dE).
/// </summary>
internal interface ISiteRule
{
    /// <summary>
    /// The probability of flipping unit <paramref name="site"/> of <paramref name="state"/>, NaN when the
    /// energy change is not a number (the update is then rejected); <paramref name="energyChange"/> is
    /// E(flipped) - E(state).
    /// </summary>
    double FlipProbability(ReadOnlySpan<double> state, int site, out double energyChange);
}
