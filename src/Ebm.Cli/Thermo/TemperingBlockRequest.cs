namespace Ebm.Cli.Thermo;

/// <summary>
/// What the coordinator of a tempering run asks a block on a worker (<see cref="TemperingWorkerBlock"/>) at every step:
/// the previous step's exchanges for the block's rungs with the other blocks' rungs they take, then (below the run's last
/// step) step <see cref="Step"/>'s kernels; at <see cref="Step"/> = burn-in + sweeps, the last exchanges and the record;
/// then, with <see cref="TraceFrom"/>, the traces a slice of sweeps at a time.
/// </summary>
/// <param name="Step">The step (<see cref="Ebm.Functional.Thermo.TemperingBlock.Advance"/>), or the run's step count to finish.</param>
/// <param name="Sources">sources[i][c]: the rung whose chain c the block's i-th rung takes; null at step 0.</param>
/// <param name="Imported">The other blocks' rungs that <see cref="Sources"/> names, as they exported them.</param>
/// <param name="TraceFrom">After the last step: the first recorded sweep of the slice of traces asked for.</param>
/// <param name="TraceCount">After the last step: the sweeps in that slice.</param>
internal sealed record TemperingBlockRequest(int Step, int[][]? Sources = null, RungWire[]? Imported = null, int? TraceFrom = null, int TraceCount = 0);
