using Ebm.Functional.Numerics;

namespace Ebm.Functional.Datasets;

/// <summary>Draws from a model and how they were made, for a run's manifest.</summary>
/// <param name="Draws">One state per row.</param>
/// <param name="Exact">True for independent exact draws (enumeration), false for Markov chains.</param>
/// <param name="Chains">Chains run (0 for exact draws); draw k of chain c is row k C + c.</param>
/// <param name="BurnInSweeps">Sweeps run before the first draw: the pilot stretches (0 for exact draws).</param>
/// <param name="Thinning">Sweeps between two draws of a chain, ceil(2 tau) (0 for exact draws).</param>
/// <param name="AutocorrelationTime">
/// tau, the larger integrated autocorrelation time (in sweeps) of the energy and of the sum of the units over the
/// last pilot stretch (1 for exact draws).
/// </param>
public sealed record ModelSampleRun(Mat Draws, bool Exact, int Chains, int BurnInSweeps, int Thinning, double AutocorrelationTime);
