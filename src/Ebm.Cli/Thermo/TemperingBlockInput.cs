namespace Ebm.Cli.Thermo;

/// <summary>
/// One block of a parallel-tempering run as it opens on a worker (<see cref="TemperingGlobalWork"/>): the model file's
/// text, every rung as the 64 bits of its double, the settings, the run's key and the block's rungs.
/// </summary>
/// <param name="Model">The model as a model file (JSON).</param>
/// <param name="Ladder">The rungs of the run (<see cref="BitConverter.DoubleToInt64Bits"/>), 0 first, increasing.</param>
/// <param name="Chains">Chains per rung.</param>
/// <param name="Sweeps">Recorded sweeps.</param>
/// <param name="BurnIn">Unrecorded sweeps before them.</param>
/// <param name="Key0">The run key's first word.</param>
/// <param name="Key1">The run key's second word.</param>
/// <param name="First">The block's first rung.</param>
/// <param name="Count">The block's number of rungs.</param>
internal sealed record TemperingBlockInput(string Model, long[] Ladder, int Chains, int Sweeps, int BurnIn, uint Key0, uint Key1, int First, int Count);
