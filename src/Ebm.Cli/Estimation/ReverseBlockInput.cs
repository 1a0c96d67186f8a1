namespace Ebm.Cli.Estimation;

/// <summary>
/// One block of a reverse AIS run or of a sandwich as it travels to a worker: the AIS block's input (model, request,
/// schedule, the run's key, size and block index), the start key of the run's target draws or forward runs, and
/// whether the block starts from exact target draws.
/// </summary>
/// <param name="Run">The model, request, schedule, run key, particle count and block, as for an AIS block.</param>
/// <param name="StartKey0">The start key's first word.</param>
/// <param name="StartKey1">The start key's second word.</param>
/// <param name="ExactStart">True: the block draws its starting particles exactly; false: it anneals them forward.</param>
internal sealed record ReverseBlockInput(AisBlockInput Run, uint StartKey0, uint StartKey1, bool ExactStart);
