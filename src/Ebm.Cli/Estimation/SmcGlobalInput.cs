namespace Ebm.Cli.Estimation;

/// <summary>
/// One block of a single SMC run with global resampling as it opens on a worker (<see cref="SmcGlobalWork"/>): the model
/// file's text, the resolved request, the fixed schedule's points (null for adaptive tempering), the run's key and the block.
/// </summary>
/// <param name="Model">The model as a model file (JSON).</param>
/// <param name="Request">The resolved request (one repetition).</param>
/// <param name="Schedule">The fixed schedule's points, or null when the run tempers adaptively.</param>
/// <param name="Key0">The run key's first word.</param>
/// <param name="Key1">The run key's second word.</param>
/// <param name="Block">The block's index in the layout of <see cref="Ebm.Functional.Estimators.SmcBlocks"/>.</param>
internal sealed record SmcGlobalInput(string Model, LogzRequest Request, double[]? Schedule, uint Key0, uint Key1, int Block);
