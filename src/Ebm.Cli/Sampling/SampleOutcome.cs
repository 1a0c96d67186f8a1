using Ebm.Functional.Numerics;

namespace Ebm.Cli.Sampling;

/// <summary>What a sampling job hands back to the command: traces and samples of the kept steps.</summary>
/// <param name="Energies">Kept steps x chains: E of chain c at kept step t.</param>
/// <param name="Samples">One chains x d matrix per kept step.</param>
/// <param name="AcceptanceRates">Mean acceptance rate of each chain over the kept steps.</param>
internal sealed record SampleOutcome(Mat Energies, IReadOnlyList<Mat> Samples, Vec AcceptanceRates);
