namespace Ebm.Cli.Estimation;

/// <summary>
/// One repetition of an SMC run as it travels to a worker: the model file's text, the resolved request, the fixed
/// schedule's points (null for adaptive tempering), the run's key and the repetition's index.
/// </summary>
/// <param name="Model">The model as a model file (JSON); empty for this machine's executor, which runs on the path in hand.</param>
/// <param name="Request">The resolved request.</param>
/// <param name="Schedule">The fixed schedule's points, or null when the run tempers adaptively.</param>
/// <param name="Key0">The run key's first word.</param>
/// <param name="Key1">The run key's second word.</param>
/// <param name="Repetition">The repetition's index.</param>
internal sealed record SmcBlockInput(string Model, LogzRequest Request, double[]? Schedule, uint Key0, uint Key1, int Repetition);
