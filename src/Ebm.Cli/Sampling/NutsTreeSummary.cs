namespace Ebm.Cli.Sampling;

/// <summary>The tree statistics of a NUTS run's kept transitions (all chains together).</summary>
/// <param name="MeanTreeDepth">Mean doublings per transition.</param>
/// <param name="MaxTreeDepth">The largest tree depth seen.</param>
/// <param name="MeanLeapfrogSteps">Mean leapfrog steps, hence gradient evaluations, per transition.</param>
/// <param name="SaturatedFraction">Fraction of the transitions whose tree reached <paramref name="DepthLimit"/>.</param>
/// <param name="DepthLimit">The sampler's largest tree depth.</param>
internal sealed record NutsTreeSummary(double MeanTreeDepth, int MaxTreeDepth, double MeanLeapfrogSteps, double SaturatedFraction, int DepthLimit);
