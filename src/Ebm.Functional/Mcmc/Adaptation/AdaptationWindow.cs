namespace Ebm.Functional.Mcmc.Adaptation;

/// <summary>A slow window of warm-up: iterations <see cref="Start"/> to <see cref="End"/> - 1 (0-based) feed the variance estimate.</summary>
/// <param name="Start">First iteration of the window.</param>
/// <param name="End">One past the last iteration; the mass is updated after iteration End - 1.</param>
public readonly record struct AdaptationWindow(int Start, int End)
{
    /// <summary>Iterations in the window.</summary>
    public int Length => End - Start;
}
