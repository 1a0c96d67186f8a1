namespace Ebm.Cli.Estimation;

/// <summary>
/// One block of an AIS run as it travels to a worker: the model file's text, the resolved request, the schedule's
/// points, the run's key and its size, and the block's index. Everything a worker needs to build the same path and
/// anneal the same particles.
/// </summary>
/// <param name="Model">The model as a model file (JSON).</param>
/// <param name="Request">The resolved request (kernel and schedule chosen).</param>
/// <param name="Schedule">The schedule's points t_0 = 0 .. t_K = 1.</param>
/// <param name="Key0">The run key's first word.</param>
/// <param name="Key1">The run key's second word.</param>
/// <param name="Particles">The run's particle count.</param>
/// <param name="Block">The block's index.</param>
internal sealed record AisBlockInput(string Model, LogzRequest Request, double[] Schedule, uint Key0, uint Key1, int Particles, int Block);
